// A real kill: a child process journals a session (events, classes, tags) and is killed with
// SIGKILL mid-session; the parent recovers the journal and finds every tag. Complements
// test_recovery, where the "crash" is objects dying without a save.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include "app/persistence/recovery_manager.h"
#include "app/session/session.h"

using namespace dlm::app;

namespace {

constexpr int kEvents = 60;

SessionEvent syntheticEvent(int i) {
  SessionEvent e;
  e.frames = 300;
  e.channels = 3;
  e.raw = QVector<qint16>(900, qint16(i));
  e.descriptor = QVector<float>(58, float(i) * 0.01f);
  return e;
}

[[noreturn]] void child(const QString& dir) {
  Session session;
  RecoveryManager recovery(&session);
  recovery.setRecoveryDirectory(dir);
  QString error;
  if (!recovery.start(QString(), 0, &error)) std::_Exit(3);
  for (const char* name : {"shake", "circle", "tap"}) session.createClass(name);
  for (int i = 0; i < kEvents; ++i) {
    const int id = session.addEvent(syntheticEvent(i));
    session.tag(id, i % 3 == 2 && i % 7 == 0 ? int(kOutlier) : i % 3);
  }
  QCoreApplication::processEvents();
  std::raise(SIGKILL); // no destructor, no flush beyond what the journal already did
  std::_Exit(4);
}

} // namespace

class TestKillRecovery : public QObject {
  Q_OBJECT
private slots:
  void killedSessionLosesNothingTagged() {
    QTemporaryDir dir;
    QProcess p;
    p.start(QCoreApplication::applicationFilePath(), {"--child", dir.path()});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit); // it really was killed
    Session recovered;
    RecoveryManager recovery(&recovered);
    recovery.setRecoveryDirectory(dir.path());
    QVERIFY(recovery.hasRecovery());
    QString warning, error;
    QVERIFY2(recovery.recover(QString(), nullptr, &warning, &error), qPrintable(error));
    QCOMPARE(recovered.classCount(), 3);
    QCOMPARE(recovered.eventCount(), kEvents);
    for (int i = 0; i < kEvents; ++i) {
      const int expected = i % 3 == 2 && i % 7 == 0 ? int(kOutlier) : i % 3;
      QCOMPARE(recovered.eventAt(i).tag, expected);
      QCOMPARE(recovered.eventAt(i).raw.size(), 900);
    }
  }
};

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc == 3 && QByteArray(argv[1]) == "--child") child(QString::fromLocal8Bit(argv[2]));
  TestKillRecovery test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_kill_recovery.moc"
