// End to end with the virtual board (dlm-board): BoardLink over SerialTransport to its
// pseudo-terminal handshakes, receives the live sample stream and status, has an event
// learned, pulls the board's model and pushes it back, and reconnects through the board's
// stable symlink after the board is restarted (an "unplug").
// Labelled `integration`; DLM_BOARD_EXE names the executable.
#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

#include "devices/firmware/firmware_app.h"
#include "devices/link/board_link.h"

using namespace dlm::link;

namespace {

// Starts dlm-board and reads its first stdout line, "port: /dev/pts/N".
class VirtualBoard {
public:
  bool start(const QStringList& arguments) {
    const QString exe = qEnvironmentVariable("DLM_BOARD_EXE");
    if (exe.isEmpty()) return false;
    m_process.setProgram(exe);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(5000)) return false;
    QByteArray line;
    const bool gotLine = QTest::qWaitFor(
        [&] {
          line += m_process.readAllStandardOutput();
          return line.contains('\n') || m_process.state() == QProcess::NotRunning;
        },
        5000);
    line = line.left(line.indexOf('\n')).trimmed();
    if (!gotLine || !line.startsWith("port: ")) return false;
    m_port = QString::fromLocal8Bit(line.mid(6));
    return true;
  }
  void stop() {
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate(); // SIGTERM: the board removes its symlink and exits
    if (!m_process.waitForFinished(3000)) {
      m_process.kill();
      m_process.waitForFinished(3000);
    }
  }
  ~VirtualBoard() { stop(); }
  QString port() const { return m_port; }

private:
  QProcess m_process;
  QString m_port;
};

bool samplesContiguous(const QSignalSpy& samples, int channels, qint64* frames) {
  *frames = 0;
  quint32 next = 0;
  for (qsizetype i = 0; i < samples.count(); ++i) {
    const QList<QVariant>& args = samples.at(i);
    const quint32 first = args.at(0).toUInt();
    if (args.at(1).toInt() != channels) return false;
    if (i > 0 && first != next) return false;
    const auto n = static_cast<quint32>(args.at(2).value<QVector<qint16>>().size() / channels);
    next = first + n;
    *frames += n;
  }
  return true;
}

} // namespace

class TestLinkVirtualBoard : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    if (qEnvironmentVariable("DLM_BOARD_EXE").isEmpty())
      QSKIP("DLM_BOARD_EXE is not set (run through ctest)");
  }

  void handshakeStreamAndStatus() {
    VirtualBoard board;
    QVERIFY(board.start({QStringLiteral("--quiet")}));
    BoardLink link;
    QSignalSpy connected(&link, &BoardLink::connected);
    QSignalSpy samples(&link, &BoardLink::samplesReceived);
    QSignalSpy status(&link, &BoardLink::statusReceived);
    QSignalSpy statistics(&link, &BoardLink::statisticsUpdated);
    QSignalSpy failed(&link, &BoardLink::commandFailed);
    link.connectTo(board.port());
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 10000);
    const auto info = connected.at(0).at(0).value<BoardInfo>();
    QVERIFY(!info.boardName.isEmpty());
    QVERIFY(!info.firmwareVersion.isEmpty());
    QVERIFY(!info.coreVersion.isEmpty());
    QVERIFY(info.channels >= 1);
    QVERIFY(info.sampleRateHz >= 1);
    QVERIFY(info.maxNeurons >= 1);
    // The firmware's capacity reaches the studio: the depth it may build, and how wide.
    QCOMPARE(info.maxLayers, int(dlm::firmware::FirmwareApp::kCapacity.maxLayers));
    QCOMPARE(info.maxDeepNeurons, int(dlm::firmware::FirmwareApp::kCapacity.maxDeepNeurons));

    // Two seconds of stream, without a gap.
    qint64 frames = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        samplesContiguous(samples, info.channels, &frames) && frames >= 2 * info.sampleRateHz,
        10000);
    link.requestStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(statistics.count() >= 2, 3000);
    const auto stats = statistics.last().at(0).value<LinkStatistics>();
    QCOMPARE(stats.frameErrors(), quint64(0));
    QCOMPARE(stats.lostSampleFrames, quint64(0));
    QVERIFY(stats.bytesInPerSecond > 1000.0);
    QCOMPARE(failed.count(), 0);
  }

  void learnedModelPullsAndPushesBack() {
    VirtualBoard board;
    QVERIFY(board.start(
        {QStringLiteral("--quiet"), QStringLiteral("--gesture-rate"), QStringLiteral("120")}));
    BoardLink link;
    QSignalSpy connected(&link, &BoardLink::connected);
    QSignalSpy events(&link, &BoardLink::eventReceived);
    QSignalSpy status(&link, &BoardLink::statusReceived);
    QSignalSpy failed(&link, &BoardLink::commandFailed);
    QSignalSpy pulled(&link, &BoardLink::pullFinished);
    QSignalSpy pushed(&link, &BoardLink::pushFinished);
    link.connectTo(board.port());
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 10000);
    // The board learns the first event it detects: now it has a model.
    QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 15000);
    link.labelEvent(events.first().at(0).value<BoardEvent>().id, 0);
    link.requestStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, 3000);
    QCOMPARE(failed.count(), 0);
    const auto boardStatus = status.at(0).at(0).value<BoardStatus>();
    QVERIFY(boardStatus.modelBytes > 0);

    link.pullModel();
    QTRY_COMPARE_WITH_TIMEOUT(pulled.count(), 1, 10000);
    QVERIFY2(pulled.at(0).at(0).toBool(), qPrintable(pulled.at(0).at(2).toString()));
    const QByteArray model = pulled.at(0).at(1).toByteArray();
    QVERIFY(!model.isEmpty());
    link.pushModel(model);
    QTRY_COMPARE_WITH_TIMEOUT(pushed.count(), 1, 10000);
    QVERIFY2(pushed.at(0).at(0).toBool(), qPrintable(pushed.at(0).at(1).toString()));
    QCOMPARE(link.boardInfo().modelCrc, modelIdentity(model));
  }

  void reconnectsThroughTheSymlinkAfterTheBoardRestarts() {
    QTemporaryDir dir;
    const QString stable = dir.filePath(QStringLiteral("dlm-board"));
    auto board = std::make_unique<VirtualBoard>();
    QVERIFY(board->start({QStringLiteral("--quiet"), QStringLiteral("--link"), stable}));
    BoardLink link;
    QSignalSpy connected(&link, &BoardLink::connected);
    QSignalSpy disconnected(&link, &BoardLink::disconnected);
    link.connectTo(stable);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 10000);
    board.reset(); // unplugged
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 6000);
    board = std::make_unique<VirtualBoard>();
    QVERIFY(board->start({QStringLiteral("--quiet"), QStringLiteral("--link"), stable}));
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, 15000);
    QCOMPARE(connected.at(1).at(0).value<BoardInfo>().portName, stable);
  }
};

QTEST_GUILESS_MAIN(TestLinkVirtualBoard)
#include "test_link_virtual_board.moc"
