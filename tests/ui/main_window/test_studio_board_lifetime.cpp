// The virtual board dies with the studio in every case (issue 10): the real deeplomath-studio
// executable is started on the virtual board (offscreen, its own settings and data folders),
// its dlm-board child is found in /proc, then the studio is stopped by SIGTERM (the clean
// path: the window closes and stops the board) or by SIGKILL (nothing of the studio runs: the
// board's parent-death signal must take it). Either way the board is gone within 5 s.
//
// Linux only (/proc, PR_SET_PDEATHSIG), like the virtual board itself.
#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <sys/types.h>

namespace {

/// The pids whose parent is \p parent and whose command is \p name (from /proc/<pid>/stat).
QList<qint64> childrenNamed(qint64 parent, const QByteArray& name) {
  QList<qint64> found;
  const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
  for (const QString& entry : entries) {
    bool numeric = false;
    const qint64 pid = entry.toLongLong(&numeric);
    if (!numeric) continue;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) continue;
    const QByteArray line = stat.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces, so split at the last ')'.
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open < 0 || close < open) continue;
    const QList<QByteArray> rest = line.mid(close + 2).split(' ');
    if (rest.size() < 2 || rest[1].toLongLong() != parent) continue;
    if (line.mid(open + 1, close - open - 1) == name) found << pid;
  }
  return found;
}

/// True while \p pid exists and is not a zombie.
bool alive(qint64 pid) {
  QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
  if (!stat.open(QIODevice::ReadOnly)) return false;
  const QByteArray line = stat.readAll();
  const qsizetype close = line.lastIndexOf(')');
  return close > 0 && line.size() > close + 2 && line[close + 2] != 'Z';
}

bool waitUntilGone(qint64 pid, int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  while (alive(pid)) {
    if (clock.elapsed() > timeoutMs) return false;
    QTest::qWait(50);
  }
  return true;
}

} // namespace

class TestStudioBoardLifetime : public QObject {
  Q_OBJECT

  /// Start the studio on the virtual board; its pid and its board's pid, or a failure.
  void startStudio(QProcess& studio, QTemporaryDir& home, qint64& boardPid) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    env.insert(QStringLiteral("DLM_BOARD_EXECUTABLE"), QStringLiteral(DLM_BOARD_PATH));
    studio.setProcessEnvironment(env);
    studio.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    studio.start(QStringLiteral(DLM_STUDIO_PATH),
                 {QStringLiteral("--virtual"), QStringLiteral("--no-recovery")});
    QVERIFY2(studio.waitForStarted(10000), qPrintable(studio.errorString()));
    QElapsedTimer clock;
    clock.start();
    QList<qint64> boards;
    while (boards.isEmpty() && clock.elapsed() < 20000 && studio.state() == QProcess::Running) {
      QTest::qWait(100);
      boards = childrenNamed(studio.processId(), QByteArrayLiteral("dlm-board"));
    }
    QVERIFY2(boards.size() == 1, "the studio did not start exactly one virtual board");
    boardPid = boards.first();
    QVERIFY(alive(boardPid));
  }

private slots:
  void sigtermStopsTheBoard() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcess studio;
    qint64 board = -1;
    startStudio(studio, home, board);
    if (QTest::currentTestFailed()) return;
    ::kill(pid_t(studio.processId()), SIGTERM);
    QVERIFY2(studio.waitForFinished(10000), "the studio did not quit on SIGTERM");
    QVERIFY2(waitUntilGone(board, 5000), "the virtual board outlived the studio (SIGTERM)");
  }

  void sigkillStillStopsTheBoard() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcess studio;
    qint64 board = -1;
    startStudio(studio, home, board);
    if (QTest::currentTestFailed()) return;
    QTest::qWait(500); // let it settle into its event loop: not a kill during start-up only
    ::kill(pid_t(studio.processId()), SIGKILL);
    QVERIFY(studio.waitForFinished(10000));
    QCOMPARE(studio.exitStatus(), QProcess::CrashExit);
    const bool gone = waitUntilGone(board, 5000);
    if (!gone) ::kill(pid_t(board), SIGKILL); // leave nothing running whatever the result
    QVERIFY2(gone, "the virtual board outlived the studio (SIGKILL)");
  }
};

QTEST_MAIN(TestStudioBoardLifetime)
#include "test_studio_board_lifetime.moc"
