// Model push and pull through BoardLink and a software board: a full push, a push cut by an
// unplug that resumes from the board's offset after reconnection, a model the board's CRC
// check refuses, a model too large, and pulls (intact, damaged, none).
#include <QtTest>

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

struct Rig {
  MockPort port;
  MockBoard board{&port};
  std::unique_ptr<BoardLink> link = std::make_unique<BoardLink>();
  QSignalSpy connected{link.get(), &BoardLink::connected};
  QSignalSpy pushed{link.get(), &BoardLink::pushFinished};
  QSignalSpy pulled{link.get(), &BoardLink::pullFinished};

  Rig() { link->setTransportFactory(MockTransport::factory(&port)); }
  bool connect() {
    link->connectTo(QStringLiteral("mock0"));
    return QTest::qWaitFor([this] { return connected.count() == 1; }, kConnectTimeoutMs);
  }
};

int indexOf(const QList<MockBoard::Received>& received, CommandId id, int from = 0) {
  for (int i = from; i < received.size(); ++i)
    if (received.at(i).id == id) return i;
  return -1;
}

} // namespace

class TestLinkTransfer : public QObject {
  Q_OBJECT
private slots:
  void pushActivatesAfterTheBoardHoldsEveryByte() {
    Rig rig;
    QVERIFY(rig.connect());
    const QByteArray model = test::randomBytes(5000, 1);
    QSignalSpy progress(rig.link.get(), &BoardLink::pushProgress);
    QSignalSpy modelChanged(rig.link.get(), &BoardLink::boardModelChanged);
    rig.link->pushModel(model);
    QTRY_COMPARE_WITH_TIMEOUT(rig.pushed.count(), 1, 10000);
    QVERIFY2(rig.pushed.at(0).at(0).toBool(), qPrintable(rig.pushed.at(0).at(1).toString()));
    QVERIFY(rig.pushed.at(0).at(1).toString().contains(QStringLiteral("activated")));
    QCOMPARE(rig.board.activeModel(), model);
    QCOMPARE(rig.board.activations(), 1);
    QCOMPARE(rig.board.count(CommandId::ModelChunk), 10); // ceil(5000 / 512), each <= 512 B
    for (const auto& r : rig.board.received())
      if (r.id == CommandId::ModelChunk) QVERIFY(r.length <= 512);
    // Activation is the last step, after the chunk that completed the model.
    const auto& received = rig.board.received();
    int lastChunk = -1;
    for (int i = 0; i < received.size(); ++i)
      if (received.at(i).id == CommandId::ModelChunk) lastChunk = i;
    QVERIFY(indexOf(received, CommandId::ModelActivate) > lastChunk);
    QCOMPARE(progress.last().at(0).toLongLong(), 5000);
    QCOMPARE(progress.last().at(1).toLongLong(), 5000);
    QCOMPARE(modelChanged.count(), 1);
    QCOMPARE(modelChanged.at(0).at(0).toUInt(), modelIdentity(model));
    QCOMPARE(rig.link->boardInfo().modelBytes, 5000u);
    QVERIFY(!rig.link->transferActive());
  }

  void pushResumesFromTheBoardsOffsetAfterAnUnplug() {
    Rig rig;
    QVERIFY(rig.connect());
    rig.board.startStreaming(8, 8);
    QSignalSpy disconnected(rig.link.get(), &BoardLink::disconnected);
    const QByteArray model = test::randomBytes(40 * 512 + 100, 2);
    int chunks = 0;
    QObject::connect(&rig.board, &MockBoard::commandReceived, &rig.board,
                     [&](CommandId id, std::uint32_t) {
                       if (id != CommandId::ModelChunk || ++chunks != 15) return;
                       rig.port.unplug();
                       QTimer::singleShot(400, &rig.board, [&] { rig.port.replug(); });
                     });
    rig.link->pushModel(model);
    QTRY_COMPARE_WITH_TIMEOUT(rig.pushed.count(), 1, 20000);
    QVERIFY2(rig.pushed.at(0).at(0).toBool(), qPrintable(rig.pushed.at(0).at(1).toString()));
    QCOMPARE(disconnected.count(), 1);
    QCOMPARE(rig.connected.count(), 2);
    QCOMPARE(rig.board.activeModel(), model);
    QCOMPARE(rig.board.activations(), 1);
    // After the reconnection: a begin of the same model, answered with the board's offset,
    // and the next chunk starts exactly there, not at 0.
    const auto& received = rig.board.received();
    const int secondBegin = indexOf(received, CommandId::ModelPushBegin,
                                    indexOf(received, CommandId::ModelPushBegin) + 1);
    QVERIFY(secondBegin > 0);
    const int resumed = indexOf(received, CommandId::ModelChunk, secondBegin);
    QVERIFY(resumed > secondBegin);
    QVERIFY2(received.at(resumed).offset >= 14 * 512,
             qPrintable(QString::number(received.at(resumed).offset)));
    QCOMPARE(received.at(resumed).offset % 512, 0u);
    QVERIFY(rig.board.count(CommandId::ModelChunk) <= 41 + 2); // nothing sent twice but the cut
    QVERIFY(indexOf(received, CommandId::ModelActivate) > resumed);
    QCOMPARE(rig.board.count(CommandId::ModelActivate), 1);
  }

  void modelRefusedByTheBoardsCrcCheckIsNotActivated() {
    Rig rig;
    const QByteArray previous = test::randomBytes(700, 9);
    rig.board.setActiveModel(previous);
    QVERIFY(rig.connect());
    rig.board.setDamageStaging(true);
    rig.link->pushModel(test::randomBytes(3000, 3));
    QTRY_COMPARE_WITH_TIMEOUT(rig.pushed.count(), 1, 10000);
    QVERIFY(!rig.pushed.at(0).at(0).toBool());
    const QString message = rig.pushed.at(0).at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("CRC-32")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("not activated")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("previous model")), qPrintable(message));
    QCOMPARE(rig.board.activations(), 0);
    QCOMPARE(rig.board.activeModel(), previous);
    // One verification request, refused; the studio neither repeats it nor re-pushes.
    QCOMPARE(rig.board.count(CommandId::ModelActivate), 1);
    QCOMPARE(rig.board.count(CommandId::ModelPushBegin), 1);
    QCOMPARE(rig.link->boardInfo().modelCrc, modelIdentity(previous));
  }

  void modelTooLargeIsRefusedUpFront() {
    Rig rig;
    rig.board.setStagingCapacity(1000);
    QVERIFY(rig.connect());
    rig.link->pushModel(test::randomBytes(5000, 4));
    QTRY_COMPARE_WITH_TIMEOUT(rig.pushed.count(), 1, 5000);
    QVERIFY(!rig.pushed.at(0).at(0).toBool());
    QVERIFY(rig.pushed.at(0).at(1).toString().contains(QStringLiteral("at most 1000 bytes")));
    QCOMPARE(rig.board.count(CommandId::ModelChunk), 0);
  }

  void secondTransferIsRefusedWhileOneRuns() {
    Rig rig;
    QVERIFY(rig.connect());
    rig.link->pushModel(test::randomBytes(20000, 5));
    rig.link->pullModel();
    QTRY_COMPARE(rig.pulled.count(), 1);
    QVERIFY(!rig.pulled.at(0).at(0).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(rig.pushed.count(), 1, 10000);
    QVERIFY(rig.pushed.at(0).at(0).toBool());
  }

  void pullReturnsTheVerifiedModel() {
    Rig rig;
    const QByteArray model = test::randomBytes(3000, 6);
    rig.board.setActiveModel(model);
    QVERIFY(rig.connect());
    QSignalSpy progress(rig.link.get(), &BoardLink::pullProgress);
    rig.link->pullModel();
    QTRY_COMPARE_WITH_TIMEOUT(rig.pulled.count(), 1, 5000);
    QVERIFY2(rig.pulled.at(0).at(0).toBool(), qPrintable(rig.pulled.at(0).at(2).toString()));
    QCOMPARE(rig.pulled.at(0).at(1).toByteArray(), model);
    QCOMPARE(progress.last().at(0).toLongLong(), 3000);
    QCOMPARE(rig.board.count(CommandId::ModelPullChunk), 6);
  }

  void pullOfADamagedModelFails() {
    Rig rig;
    rig.board.setActiveModel(test::randomBytes(3000, 7));
    QVERIFY(rig.connect());
    rig.board.setDamagePull(true);
    rig.link->pullModel();
    QTRY_COMPARE_WITH_TIMEOUT(rig.pulled.count(), 1, 5000);
    QVERIFY(!rig.pulled.at(0).at(0).toBool());
    QVERIFY(rig.pulled.at(0).at(1).toByteArray().isEmpty());
    const QString message = rig.pulled.at(0).at(2).toString();
    QVERIFY2(message.contains(QStringLiteral("damaged")), qPrintable(message));
  }

  void pullWithoutAModelSaysSo() {
    Rig rig;
    QVERIFY(rig.connect());
    rig.link->pullModel();
    QTRY_COMPARE_WITH_TIMEOUT(rig.pulled.count(), 1, 5000);
    QVERIFY(!rig.pulled.at(0).at(0).toBool());
    QVERIFY(rig.pulled.at(0).at(2).toString().contains(QStringLiteral("no model")));
  }

  void pullSurvivesLostReplies() {
    Rig rig;
    const QByteArray model = test::randomBytes(2000, 8);
    rig.board.setActiveModel(model);
    QVERIFY(rig.connect());
    rig.board.dropReplies(CommandId::ModelPullChunk, 2);
    rig.link->pullModel();
    QTRY_COMPARE_WITH_TIMEOUT(rig.pulled.count(), 1, 5000);
    QVERIFY(rig.pulled.at(0).at(0).toBool());
    QCOMPARE(rig.pulled.at(0).at(1).toByteArray(), model);
  }
};

QTEST_GUILESS_MAIN(TestLinkTransfer)
#include "test_link_transfer.moc"
