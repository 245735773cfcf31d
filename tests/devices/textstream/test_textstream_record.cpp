// `dlm record` end to end, labelled `integration`: a fake text device on a pseudo-terminal
// (dlm-fake-text-device) prints 3 channels at 100 Hz, then 6 channels at 250 Hz, with 1% of
// garbage lines, in 16 ms bursts; the real `dlm record --text` must infer each segment's
// channels and rate within 2% and count the garbage. Also: an unplug keeps what was recorded,
// a missing port and a port that is not a board are clear errors, and the virtual board
// (dlm-board) is recorded through the binary protocol.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

// Starts a helper that prints "port: /dev/pts/N" first.
class PortProcess {
public:
  bool start(const QString& exe, const QStringList& arguments) {
    m_process.setProgram(exe);
    m_process.setArguments(arguments);
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
  ~PortProcess() {
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
      m_process.kill();
      m_process.waitForFinished(3000);
    }
  }
  QString port() const { return m_port; }
  QProcess& process() { return m_process; }

private:
  QProcess m_process;
  QString m_port;
};

struct Run {
  int exitCode = -1;
  QJsonObject json;
  QString err;
};

Run record(const QStringList& arguments, int timeoutMs) {
  QProcess dlm;
  dlm.start(qEnvironmentVariable("DLM_EXE"), QStringList{"record"} + arguments);
  Run r;
  if (!dlm.waitForFinished(timeoutMs)) {
    dlm.kill();
    dlm.waitForFinished(3000);
    return r;
  }
  r.exitCode = dlm.exitCode();
  r.err = QString::fromLocal8Bit(dlm.readAllStandardError());
  const QByteArray out = dlm.readAllStandardOutput();
  r.json = QJsonDocument::fromJson(out).object();
  qInfo().noquote() << "dlm record" << arguments.join(' ') << "->" << r.exitCode << out.trimmed()
                    << r.err.trimmed();
  return r;
}

int csvRows(const QString& path, int* columns = nullptr) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return -1;
  const QList<QByteArray> lines = f.readAll().split('\n');
  if (columns != nullptr && !lines.isEmpty()) *columns = int(lines.first().count(',')) + 1;
  int rows = 0;
  for (const QByteArray& l : lines) rows += l.isEmpty() ? 0 : 1;
  return rows - 1; // the header
}

bool within(double value, double truth, double relative) {
  return std::fabs(value - truth) <= relative * truth;
}

} // namespace

class TestTextstreamRecord : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    if (qEnvironmentVariable("DLM_EXE").isEmpty()) QSKIP("DLM_EXE is not set (run through ctest)");
  }

  void textBoardWithAFormatChange() {
    PortProcess device;
    QVERIFY(device.start(qEnvironmentVariable("DLM_TEXT_DEVICE_EXE"),
                         {"--plan", "3@100:7,6@250:7", "--garbage", "0.01"}));
    QTemporaryDir dir;
    const QString out = dir.filePath("rec.csv");
    const Run r = record({"--port", device.port(), "--text", "--seconds", "13", "--out", out,
                          "--json"},
                         40000);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray segments = r.json["segments"].toArray();
    QCOMPARE(segments.size(), 2);
    const QJsonObject first = segments[0].toObject();
    const QJsonObject second = segments[1].toObject();
    QCOMPARE(first["channels"].toInt(), 3);
    QCOMPARE(first["rate_hz"].toDouble(), 100.0);
    QVERIFY(within(first["measured_hz"].toDouble(), 100.0, 0.02));
    QCOMPARE(first["names"].toArray().at(2).toString(), QStringLiteral("az"));
    QCOMPARE(first["scale"].toDouble(), 1000.0); // printed in g: milli-g counts
    QCOMPARE(second["channels"].toInt(), 6);
    QCOMPARE(second["rate_hz"].toDouble(), 250.0);
    QVERIFY(within(second["measured_hz"].toDouble(), 250.0, 0.02));
    QCOMPARE(second["scale"].toDouble(), 1.0); // integer counts pass through
    // About 1% of the lines were garbage, every kind of it counted (none fatal).
    const QJsonObject lines = r.json["lines"].toObject();
    const double share = lines["garbage"].toDouble() / lines["total"].toDouble();
    QVERIFY2(share > 0.004 && share < 0.02, qPrintable(QString::number(share)));
    const QJsonObject kinds = lines["garbage_by_kind"].toObject();
    for (const char* kind : {"non-numeric", "NaN or infinity", "over-long", "binary"})
      QVERIFY2(kinds[kind].toInt() > 0, kind);
    // The files: one per segment, rows as counted, and the events of the shakes.
    int columns = 0;
    QCOMPARE(csvRows(out, &columns), first["frames"].toInt());
    QCOMPARE(columns, 2 + 3);
    QCOMPARE(csvRows(dir.filePath("rec-seg2.csv"), &columns), second["frames"].toInt());
    QCOMPARE(columns, 2 + 6);
    QVERIFY(first["frames"].toInt() > 500 && second["frames"].toInt() > 1000);
    QVERIFY(r.json["events"].toInt() >= 2);
    QCOMPARE(csvRows(dir.filePath("rec.events.csv")), r.json["events"].toInt());
  }

  void unplugKeepsTheRecording() {
    PortProcess device;
    QVERIFY(device.start(qEnvironmentVariable("DLM_TEXT_DEVICE_EXE"),
                         {"--plan", "3@200:60", "--exit-after", "4"}));
    QTemporaryDir dir;
    const QString out = dir.filePath("rec.csv");
    const Run r =
        record({"--port", device.port(), "--text", "--seconds", "30", "--out", out, "--json"},
               40000);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains(QStringLiteral("kept")));
    QCOMPARE(r.json["segments"].toArray().size(), 1);
    QVERIFY(csvRows(out) > 400); // about 4 s at 200 Hz, written before the unplug
  }

  void missingPortIsAClearError() {
    QTemporaryDir dir;
    const Run r = record({"--port", "/dev/does-not-exist", "--text", "--seconds", "1", "--out",
                          dir.filePath("rec.csv")},
                         10000);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("no port /dev/does-not-exist")));
  }

  void silentPortIsNotABoard() {
    PortProcess device;
    QVERIFY(device.start(qEnvironmentVariable("DLM_TEXT_DEVICE_EXE"), {"--mute"}));
    QTemporaryDir dir;
    // As a text board: no lines of numbers. As a firmware board: no handshake.
    Run r = record({"--port", device.port(), "--text", "--seconds", "30", "--out",
                    dir.filePath("rec.csv")},
                   20000);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("not a text board")));
    QVERIFY(!QFile::exists(dir.filePath("rec.csv")));
  }

  void textBoardWithoutTextIsHinted() {
    PortProcess device;
    QVERIFY(device.start(qEnvironmentVariable("DLM_TEXT_DEVICE_EXE"), {"--plan", "3@100:30"}));
    QTemporaryDir dir;
    const Run r =
        record({"--port", device.port(), "--seconds", "5", "--out", dir.filePath("rec.csv")},
               30000);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("no Deeplomath board answered the handshake")));
    QVERIFY(r.err.contains(QStringLiteral("--text")));
  }

  void firmwareBoard() {
    PortProcess board;
    QVERIFY(board.start(qEnvironmentVariable("DLM_BOARD_EXE"),
                        {"--quiet", "--gesture-rate", "60"}));
    QTemporaryDir dir;
    const QString out = dir.filePath("rec.csv");
    const Run r =
        record({"--port", board.port(), "--seconds", "5", "--out", out, "--json"}, 30000);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json["board"].toString(), QStringLiteral("firmware"));
    const QJsonObject s = r.json["segments"].toArray().at(0).toObject();
    QCOMPARE(s["channels"].toInt(), 3);
    QCOMPARE(s["rate_hz"].toDouble(), 1000.0);
    QVERIFY(s["frames"].toInt() > 4000);
    QCOMPARE(r.json["frame_errors"].toInt(), 0);
    int columns = 0;
    QCOMPARE(csvRows(out, &columns), s["frames"].toInt());
    QCOMPARE(columns, 2 + 3);
    QCOMPARE(csvRows(dir.filePath("rec.events.csv")), r.json["events"].toInt());
  }
};

QTEST_GUILESS_MAIN(TestTextstreamRecord)
#include "test_textstream_record.moc"
