// BoardLink against a software board behind a mock port: handshake (and its retry), version
// refusal, decoded samples, events, status and logs, 1 % corruption, a stall beyond the
// dead-link timeout, command retries and give-up, and shutdown while busy.
#include <QtTest>

#include <limits>
#include <memory>

#include "devices/link/board_link.h"
#include "devices/link/mock_transport.h"
#include "tests/devices/link/mock_board.h"

using namespace dlm;
using namespace dlm::link;
using dlm::test::MockBoard;
using protocol::CommandId;

namespace {

constexpr int kConnectTimeoutMs = 5000;

// The objects of one test. The link is declared last so it is destroyed first: the port and
// the board it talks to outlive it.
struct Rig {
  MockPort port;
  MockBoard board{&port};
  std::unique_ptr<BoardLink> link = std::make_unique<BoardLink>();

  Rig() { link->setTransportFactory(MockTransport::factory(&port)); }
  void connect() { link->connectTo(QStringLiteral("mock0")); }
};

// Every delivered value must be what the board sent at that index.
bool samplesIntact(const QList<QList<QVariant>>& batches, qint64* frames) {
  *frames = 0;
  for (const QList<QVariant>& args : batches) {
    const quint32 first = args.at(0).toUInt();
    const int channels = args.at(1).toInt();
    const auto values = args.at(2).value<QVector<qint16>>();
    if (channels != MockBoard::kChannels || values.size() % channels != 0) return false;
    for (qsizetype i = 0; i < values.size(); ++i) {
      const auto index = first + static_cast<quint32>(i / channels);
      if (values[i] != test::sampleValue(index, static_cast<int>(i % channels))) return false;
    }
    *frames += values.size() / channels;
  }
  return true;
}

} // namespace

class TestLinkBoard : public QObject {
  Q_OBJECT
private slots:
  void handshakeSucceeds() {
    Rig rig;
    rig.board.setActiveModel(test::randomBytes(1000, 3));
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy states(rig.link.get(), &BoardLink::stateChanged);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    const auto info = connected.at(0).at(0).value<BoardInfo>();
    QCOMPARE(info.boardName, QStringLiteral("mock-board"));
    QCOMPARE(info.firmwareVersion, QStringLiteral("0.9.1-test"));
    QCOMPARE(info.coreVersion, QStringLiteral("0.1.0"));
    QCOMPARE(info.portName, QStringLiteral("mock0"));
    QCOMPARE(info.protocolVersion, int(protocol::kProtocolVersion));  // the highest both speak
    QCOMPARE(info.modelCapacity, 256u * 1024u);  // since version 4, Hello says it
    QCOMPARE(info.maxNeurons, 256);
    QCOMPARE(info.maxDeepNeurons, 256);  // the mock's Hello says 0: as wide as the first layer
    QCOMPARE(info.maxDims, 64);
    QCOMPARE(info.sampleRateHz, 1000);
    QCOMPARE(info.channels, 3);
    QCOMPARE(info.descriptorDims, 58);
    QCOMPARE(info.modelBytes, 1000u);
    QCOMPARE(info.modelCrc, modelIdentity(rig.board.activeModel()));
    QVERIFY(rig.link->isConnected());
    QCOMPARE(rig.link->boardInfo().boardName, info.boardName);
    QCOMPARE(rig.board.helloRequests(), 1);
    // The port is flushed with one delimiter before the HelloRequest (docs/protocol.md 1.2).
    QCOMPARE(rig.port.written().first(), QByteArray(1, '\0'));
    QCOMPARE(states.first().at(0).value<LinkState>(), LinkState::Connecting);
    QCOMPARE(states.last().at(0).value<LinkState>(), LinkState::Connected);
  }

  void handshakeIsRetriedWhenTheFirstHelloRequestIsLost() {
    Rig rig;
    rig.board.dropHelloRequests(1);
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QElapsedTimer clock;
    clock.start();
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    QVERIFY2(clock.elapsed() >= 180, "the resend waits for the command timeout");
    QCOMPARE(rig.board.helloRequests(), 2);
    // A retry is the same request: same sequence number.
    QCOMPARE(rig.board.helloSeqs().at(0), rig.board.helloSeqs().at(1));
  }

  void versionTwoBoardTalksWithoutRequestedGestures() {
    // A board flashed before version 3: the session is version 2, its events have no
    // requestedGesture byte and decode as "none".
    Rig rig;
    rig.board.setVersions(2, 2, true);
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy events(rig.link.get(), &BoardLink::eventReceived);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    QCOMPARE(connected.at(0).at(0).value<BoardInfo>().protocolVersion, 2);
    QCOMPARE(connected.at(0).at(0).value<BoardInfo>().modelCapacity, 0u);  // not in version 2
    protocol::Event e;
    e.eventId = 7;
    e.frames = 100;
    e.requestedGesture = 5;  // lost in a version 2 layout
    rig.board.sendEvent(e);
    QTRY_COMPARE(events.count(), 1);
    QCOMPARE(events.at(0).at(0).value<BoardEvent>().id, 7u);
    QCOMPARE(events.at(0).at(0).value<BoardEvent>().requestedGesture, -1);
  }

  void handshakeBacksOffAndKeepsTryingUntilABoardAnswers() {
    Rig rig;
    rig.board.dropHelloRequests(4); // more than one round of 3 tries
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy states(rig.link.get(), &BoardLink::stateChanged);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    QCOMPARE(rig.board.helloRequests(), 5);
    bool toldNoAnswer = false;
    for (const auto& s : states)
      toldNoAnswer |= s.at(1).toString().contains(QStringLiteral("No answer"));
    QVERIFY(toldNoAnswer);
  }

  void versionMismatchSaysWhichSideToUpdate_data() {
    QTest::addColumn<bool>("refuseWithAck");
    QTest::newRow("board refuses with an ack") << true;
    QTest::newRow("board answers a foreign Hello") << false;
  }
  void versionMismatchSaysWhichSideToUpdate() {
    QFETCH(bool, refuseWithAck);
    Rig rig;
    const int future = protocol::kProtocolVersion + 1;  // a board newer than this studio
    rig.board.setVersions(std::uint8_t(future + 1), std::uint8_t(future), refuseWithAck);
    QSignalSpy disconnected(rig.link.get(), &BoardLink::disconnected);
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy logs(rig.link.get(), &BoardLink::logReceived);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, kConnectTimeoutMs);
    const QString reason = disconnected.at(0).at(0).toString();
    QVERIFY2(reason.contains(QString("protocol version %1–%2").arg(future).arg(future + 1)),
             qPrintable(reason));
    QVERIFY2(reason.contains(QString("protocol version 2–%1").arg(protocol::kProtocolVersion)),
             qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("cannot communicate")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("Update Deeplomath Studio")), qPrintable(reason));
    QCOMPARE(rig.link->state(), LinkState::Incompatible);
    QCOMPARE(connected.count(), 0);
    QTRY_VERIFY(!rig.port.isOpen()); // stopped: no reconnection loop against this board
    if (refuseWithAck) QCOMPARE(logs.count(), 1); // the board's own words are passed on
  }

  void samplesEventsStatusAndLogsAreDecoded() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy samples(rig.link.get(), &BoardLink::samplesReceived);
    QSignalSpy events(rig.link.get(), &BoardLink::eventReceived);
    QSignalSpy status(rig.link.get(), &BoardLink::statusReceived);
    QSignalSpy logs(rig.link.get(), &BoardLink::logReceived);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.board.startStreaming(4, 2); // ~2 kHz of 3-channel frames in small messages
    qint64 frames = 0;
    QTRY_VERIFY_WITH_TIMEOUT(samplesIntact(samples, &frames) && frames >= 2000, 10000);
    // Batched: fewer signals than messages, and contiguous from the first index.
    QVERIFY(samples.count() < frames / 4);
    quint32 next = samples.first().at(0).toUInt();
    for (const auto& batch : samples) {
      QCOMPARE(batch.at(0).toUInt(), next);
      next += static_cast<quint32>(batch.at(2).value<QVector<qint16>>().size() / 3);
    }

    protocol::Event e;
    e.eventId = 42;
    e.startSample = 1234;
    e.frames = 300;
    e.predictedClass = -1;
    e.bestClass = 2;
    e.confidence = 0.25f;
    e.knownScore = -0.5f;
    e.flags = protocol::kEventLearned | protocol::kEventHasLabel;
    e.label = 4;
    e.dims = 3;
    e.descriptor[0] = 1.0f;
    e.descriptor[1] = -2.0f;
    e.descriptor[2] = 0.5f;
    rig.board.sendEvent(e);
    QTRY_COMPARE(events.count(), 1);
    const auto got = events.at(0).at(0).value<BoardEvent>();
    QCOMPARE(got.id, 42u);
    QCOMPARE(got.startSample, 1234u);
    QCOMPARE(got.frames, 300);
    QVERIFY(got.isUnknown());
    QCOMPARE(got.bestClass, 2);
    QCOMPARE(got.confidence, 0.25f);
    QCOMPARE(got.knownScore, -0.5f);
    QVERIFY(got.learned);
    QCOMPARE(got.label, 4);
    QCOMPARE(got.descriptor, (QVector<float>{1.0f, -2.0f, 0.5f}));
    QCOMPARE(got.requestedGesture, -1);  // kNoGesture: not caused by a request
    e.eventId = 43;
    e.requestedGesture = 5;  // the board was playing the requested gesture 5
    rig.board.sendEvent(e);
    QTRY_COMPARE(events.count(), 2);
    QCOMPARE(events.at(1).at(0).value<BoardEvent>().requestedGesture, 5);

    rig.link->requestStatus();
    QTRY_COMPARE(status.count(), 1);
    const auto st = status.at(0).at(0).value<BoardStatus>();
    QCOMPARE(st.uptimeMs, 1234u);
    QCOMPARE(st.trigger.maxFrames, 400);
    QCOMPARE(st.rejectionThreshold, 0.05f);

    rig.board.sendLog(protocol::LogLevel::Warning, "battery low");
    QTRY_COMPARE(logs.count(), 1);
    QCOMPARE(logs.at(0).at(0).value<LogLevel>(), LogLevel::Warning);
    QCOMPARE(logs.at(0).at(1).toString(), QStringLiteral("battery low"));
  }

  void onePercentCorruptionIsSurvivedAndCounted() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy disconnected(rig.link.get(), &BoardLink::disconnected);
    QSignalSpy samples(rig.link.get(), &BoardLink::samplesReceived);
    QSignalSpy statistics(rig.link.get(), &BoardLink::statisticsUpdated);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.port.setCorruption(0.01, 0.0, 7);
    rig.board.startStreaming(8, 4);
    QTRY_VERIFY_WITH_TIMEOUT(
        !statistics.isEmpty() && statistics.last().at(0).value<LinkStatistics>().sampleGaps >= 20,
        20000);
    rig.port.setCorruption(0.0);
    const auto stats = statistics.last().at(0).value<LinkStatistics>();
    QVERIFY(stats.crcErrors + stats.cobsErrors > 0);
    QVERIFY(stats.framesOk > 0);
    QVERIFY(stats.lostSampleFrames >= 8 * stats.sampleGaps); // whole messages are lost
    QVERIFY(stats.bytesInPerSecond > 0.0);
    qint64 frames = 0;
    QVERIFY2(samplesIntact(samples, &frames), "nothing damaged is ever delivered");
    QVERIFY(frames > 0);
    QCOMPARE(disconnected.count(), 0);
    QVERIFY(rig.link->isConnected());
  }

  void stallBeyondTheTimeoutDisconnectsThenReconnects() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy disconnected(rig.link.get(), &BoardLink::disconnected);
    QSignalSpy statistics(rig.link.get(), &BoardLink::statisticsUpdated);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.board.startStreaming(8, 8);
    QElapsedTimer clock;
    clock.start();
    rig.port.stall(3600);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 6000);
    QVERIFY(clock.elapsed() >= 2900);
    QVERIFY2(disconnected.at(0).at(0).toString().contains(QStringLiteral("No data")),
             qPrintable(disconnected.at(0).at(0).toString()));
    QVERIFY(rig.link->state() == LinkState::Reconnecting);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, 10000);
    QVERIFY(clock.elapsed() >= 3600);
    QTRY_VERIFY_WITH_TIMEOUT(
        !statistics.isEmpty() && statistics.last().at(0).value<LinkStatistics>().reconnects == 1,
        3000);
  }

  void lostAckIsRetriedWithTheSameSequence() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy failed(rig.link.get(), &BoardLink::commandFailed);
    QSignalSpy succeeded(rig.link.get(), &BoardLink::commandSucceeded);
    QSignalSpy status(rig.link.get(), &BoardLink::statusReceived);
    QSignalSpy statistics(rig.link.get(), &BoardLink::statisticsUpdated);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.board.dropReplies(CommandId::LabelEvent, 1);
    rig.link->labelEvent(7, 2);
    rig.link->requestStatus(); // stop and wait: answered only after the label is settled
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, 3000);
    QCOMPARE(failed.count(), 0);
    // Each command succeeded once (the retry did not count twice), in the order given.
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 2, 3000);
    QCOMPARE(succeeded.at(0).at(0).value<CommandKind>(), CommandKind::LabelEvent);
    QCOMPARE(succeeded.at(1).at(0).value<CommandKind>(), CommandKind::RequestStatus);
    QCOMPARE(rig.board.count(CommandId::LabelEvent), 2);
    QCOMPARE(rig.board.executed(CommandId::LabelEvent), 1); // the duplicate hit the ack cache
    QList<quint16> seqs;
    for (const auto& r : rig.board.received())
      if (r.id == CommandId::LabelEvent) seqs.append(r.seq);
    QCOMPARE(seqs.at(0), seqs.at(1));
    QTRY_VERIFY_WITH_TIMEOUT(
        !statistics.isEmpty() &&
            statistics.last().at(0).value<LinkStatistics>().commandRetries >= 1,
        3000);
    const auto stats = statistics.last().at(0).value<LinkStatistics>();
    QVERIFY(stats.latencyMs >= 0.0 || stats.commandsSent > 0);
  }

  void commandIsGivenUpAfterThreeTries() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy failed(rig.link.get(), &BoardLink::commandFailed);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.board.dropReplies(CommandId::ForgetEvent, 3);
    rig.link->forgetEvent(9);
    QSignalSpy succeeded(rig.link.get(), &BoardLink::commandSucceeded);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 3000);
    QCOMPARE(succeeded.count(), 0);
    QCOMPARE(failed.at(0).at(0).value<CommandKind>(), CommandKind::ForgetEvent);
    QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("3 tries")));
    QCOMPARE(rig.board.count(CommandId::ForgetEvent), 3);
    QVERIFY(rig.link->isConnected()); // one unanswered command does not end the session
    // A refusal is reported too, with the board's reason.
    rig.link->labelEvent(1, 300); // out of range: refused before it is sent
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(failed.at(1).at(0).value<CommandKind>(), CommandKind::LabelEvent);
  }

  void rejectionThresholdIsSentAndReported() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy failed(rig.link.get(), &BoardLink::commandFailed);
    QSignalSpy status(rig.link.get(), &BoardLink::statusReceived);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    // A lost ack is retried with the same sequence and executed once (the ack cache).
    rig.board.dropReplies(CommandId::SetRejection, 1);
    rig.link->setRejection(0.25f);
    rig.link->requestStatus();  // stop and wait: answered after the threshold is set
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, 3000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(rig.board.count(CommandId::SetRejection), 2);
    QCOMPARE(rig.board.executed(CommandId::SetRejection), 1);
    QCOMPARE(rig.board.rejection(), 0.25f);
    QCOMPARE(status.at(0).at(0).value<BoardStatus>().rejectionThreshold, 0.25f);
    // The bounds are valid shares.
    rig.link->setRejection(1.0f);
    rig.link->requestStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 2, 3000);
    QCOMPARE(status.at(1).at(0).value<BoardStatus>().rejectionThreshold, 1.0f);
    // Anything else is refused before it is sent, with a reason.
    const int sent = rig.board.count(CommandId::SetRejection);
    for (float bad : {-0.1f, 1.5f, std::numeric_limits<float>::quiet_NaN(),
                      std::numeric_limits<float>::infinity()})
      rig.link->setRejection(bad);
    QTRY_COMPARE(failed.count(), 4);
    for (const auto& f : failed) {
      QCOMPARE(f.at(0).value<CommandKind>(), CommandKind::SetRejection);
      QVERIFY2(f.at(1).toString().contains(QStringLiteral("between 0")),
               qPrintable(f.at(1).toString()));
    }
    QCOMPARE(rig.board.count(CommandId::SetRejection), sent);
    // Unanswered: given up after three tries and reported.
    rig.board.dropReplies(CommandId::SetRejection, 3);
    rig.link->setRejection(0.5f);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 5, 3000);
    QCOMPARE(failed.at(4).at(0).value<CommandKind>(), CommandKind::SetRejection);
    QVERIFY(failed.at(4).at(1).toString().contains(QStringLiteral("3 tries")));
    QVERIFY(rig.link->isConnected());
  }

  void spontaneousGesturesRateIsCheckedAndSent() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy failed(rig.link.get(), &BoardLink::commandFailed);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    for (float rate : {0.0f, 12.0f, protocol::kMaxSpontaneousRate})
      rig.link->setSpontaneousGestures(rate);
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.executed(CommandId::SetSpontaneousGestures), 3, 3000);
    for (float bad : {-1.0f, 601.0f, std::numeric_limits<float>::quiet_NaN()})
      rig.link->setSpontaneousGestures(bad);
    QTRY_COMPARE(failed.count(), 3);
    for (const auto& f : failed)
      QCOMPARE(f.at(0).value<CommandKind>(), CommandKind::SetSpontaneousGestures);
    QCOMPARE(rig.board.count(CommandId::SetSpontaneousGestures), 3);  // refused before sending
  }

  void commandsWithoutABoardFailAtOnce() {
    BoardLink link;
    QSignalSpy failed(&link, &BoardLink::commandFailed);
    QSignalSpy pushed(&link, &BoardLink::pushFinished);
    link.requestStatus();
    link.setRejection(0.5f);
    link.pushModel(QByteArray(10, 'x'));
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(failed.at(1).at(0).value<CommandKind>(), CommandKind::SetRejection);
    QTRY_COMPARE(pushed.count(), 1);
    QVERIFY(!pushed.at(0).at(0).toBool());
    QCOMPARE(link.state(), LinkState::Disconnected);
  }

  void injectedSamplesAreSplitIntoCommands() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy status(rig.link.get(), &BoardLink::statusReceived);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    QVector<qint16> recording(3 * 1000);
    for (qsizetype i = 0; i < recording.size(); ++i) recording[i] = static_cast<qint16>(i);
    rig.link->injectSamples(3, recording);
    rig.link->requestStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, 5000);
    QCOMPARE(rig.board.executed(CommandId::InjectSamples), 6); // 170 frames per command
  }

  void userDisconnectStopsEverything() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy disconnected(rig.link.get(), &BoardLink::disconnected);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.link->disconnect();
    QTRY_COMPARE(disconnected.count(), 1);
    QTRY_COMPARE(rig.link->state(), LinkState::Disconnected);
    QTRY_VERIFY(!rig.port.isOpen());
  }

  void destroyingTheLinkWhileBusyReturnsPromptly() {
    Rig rig;
    rig.board.setStagingCapacity(4 * 1024 * 1024);
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy progress(rig.link.get(), &BoardLink::pushProgress);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.board.startStreaming(8, 1);
    rig.link->pushModel(test::randomBytes(3 * 1024 * 1024, 5));
    for (int i = 0; i < 200; ++i) rig.link->requestStatus();
    QTRY_VERIFY(progress.count() >= 3);
    QElapsedTimer clock;
    clock.start();
    rig.link.reset();
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!rig.port.isOpen());
  }

  void destroyingTheLinkWhileReconnectingReturnsPromptly() {
    Rig rig;
    QSignalSpy connected(rig.link.get(), &BoardLink::connected);
    QSignalSpy disconnected(rig.link.get(), &BoardLink::disconnected);
    rig.connect();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kConnectTimeoutMs);
    rig.port.unplug();
    QTRY_COMPARE(disconnected.count(), 1);
    QElapsedTimer clock;
    clock.start();
    rig.link.reset();
    QVERIFY(clock.elapsed() < 1000);
  }
};

QTEST_GUILESS_MAIN(TestLinkBoard)
#include "test_link_board.moc"
