#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "app/persistence/studio_settings.h"

using namespace dlm::app;

class TestSettings : public QObject {
  Q_OBJECT

private slots:
  void roundTripsEveryKey() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("studio.ini"));
    TriggerSettings trigger;
    trigger.threshold = 750.0f;
    trigger.maxFrames = 1500;
    {
      QSettings backend(file, QSettings::IniFormat);
      StudioSettings s(&backend);
      QCOMPARE(s.baudRate(), StudioSettings::kDefaultBaud);
      QVERIFY(s.language() == QStringLiteral("en") || s.language() == QStringLiteral("fr"));
      QCOMPARE(s.trigger(), TriggerSettings());
      s.setLastPort(QStringLiteral("/dev/ttyACM0"));
      s.setBaudRate(115200);
      s.setLanguage(QStringLiteral("fr"));
      s.setThreshold(0.35f);
      s.setTrigger(trigger);
      s.setWindowGeometry(QByteArray("geometry"));
      s.setWindowState(QByteArray("state"));
      s.setLastDirectory(QStringLiteral("/tmp"));
      for (int i = 0; i < 10; ++i) s.addRecentProject(QStringLiteral("/p%1.dlmproj").arg(i));
      s.addRecentProject(QStringLiteral("/p3.dlmproj"));
      s.sync();
    }
    QSettings backend(file, QSettings::IniFormat);
    StudioSettings s(&backend);
    QCOMPARE(s.lastPort(), QStringLiteral("/dev/ttyACM0"));
    QCOMPARE(s.baudRate(), 115200);
    QCOMPARE(s.language(), QStringLiteral("fr"));
    QCOMPARE(s.threshold(), 0.35f);
    QCOMPARE(s.trigger(), trigger);
    QCOMPARE(s.windowGeometry(), QByteArray("geometry"));
    QCOMPARE(s.windowState(), QByteArray("state"));
    QCOMPARE(s.lastDirectory(), QStringLiteral("/tmp"));
    const QStringList recent = s.recentProjects();
    QCOMPARE(recent.size(), StudioSettings::kMaxRecentProjects);
    QCOMPARE(recent.first(), QStringLiteral("/p3.dlmproj"));
    QCOMPARE(recent.count(QStringLiteral("/p3.dlmproj")), 1);
    s.setLanguage(QStringLiteral("klingon"));
    QVERIFY(s.language() == QStringLiteral("en") || s.language() == QStringLiteral("fr"));
  }

  // The last board: by its USB identity when it has one, else by its path alone.
  void lastBoardRoundTrip() {
    QTemporaryDir dir;
    QSettings backend(dir.filePath(QStringLiteral("studio.ini")), QSettings::IniFormat);
    StudioSettings s(&backend);
    QVERIFY(s.lastBoard().isEmpty());
    RememberedBoard nucleo;
    nucleo.path = QStringLiteral("/dev/ttyACM0");
    nucleo.serialNumber = QStringLiteral("066DFF495051717867184625");
    nucleo.vendorId = 0x0483;
    nucleo.productId = 0x374b;
    nucleo.hasVidPid = true;
    s.setLastBoard(nucleo);
    QCOMPARE(s.lastBoard(), nucleo);
    QVERIFY(s.lastBoard().byUsbIdentity());
    QCOMPARE(s.lastPort(), QStringLiteral("/dev/ttyACM0"));
    RememberedBoard pty;
    pty.path = QStringLiteral("/dev/pts/3");
    s.setLastBoard(pty);
    QCOMPARE(s.lastBoard(), pty);
    QVERIFY(!s.lastBoard().byUsbIdentity());
  }

  void projectSettingsRoundTrip() {
    TriggerSettings trigger;
    trigger.holdOffFrames = 90;
    const QJsonObject json = StudioSettings::projectSettings(-0.5f, trigger);
    float threshold = 0.0f;
    TriggerSettings back;
    StudioSettings::fromProjectSettings(json, &threshold, &back);
    QCOMPARE(threshold, -0.5f);
    QCOMPARE(back, trigger);
    // Missing values keep what the caller had.
    threshold = 0.25f;
    StudioSettings::fromProjectSettings(QJsonObject(), &threshold, &back);
    QCOMPARE(threshold, 0.25f);
    QCOMPARE(back, trigger);
  }

  // The broker: everything kept, the password only when the user asked for it.
  void brokerRoundTrip() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("studio.ini"));
    BrokerSettings b;
    b.host = QStringLiteral("broker.plant");
    b.port = 8883;
    b.caFile = QStringLiteral("/etc/ca.crt");
    b.certFile = QStringLiteral("/etc/me.crt");
    b.keyFile = QStringLiteral("/etc/me.key");
    b.username = QStringLiteral("studio");
    b.password = QStringLiteral("s3cret");
    {
      QSettings backend(file, QSettings::IniFormat);
      StudioSettings s(&backend);
      QCOMPARE(s.broker(), BrokerSettings());
      s.setBroker(b);
      s.sync();
    }
    {
      QSettings backend(file, QSettings::IniFormat);
      StudioSettings s(&backend);
      BrokerSettings noPassword = b;
      noPassword.password.clear();
      QCOMPARE(s.broker(), noPassword);
      b.rememberPassword = true;
      s.setBroker(b);
      s.sync();
    }
    QSettings backend(file, QSettings::IniFormat);
    StudioSettings s(&backend);
    QCOMPARE(s.broker(), b);
    QCOMPARE(s.broker().address(), QStringLiteral("broker.plant:8883 (TLS)"));
    // Unchecked again: the stored password goes.
    b.rememberPassword = false;
    s.setBroker(b);
    QVERIFY(!backend.contains(QStringLiteral("fleet/broker/password")));
  }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"
