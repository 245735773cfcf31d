// The broker client (devices/fleet/mqtt_client.h) against a real mosquitto on a free
// localhost port: QoS 1 delivery and acknowledgement, retained messages, subscriptions and
// QoS 1 messages that survive a broker restart, and options that cannot work.
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "devices/fleet/mqtt_client.h"
#include "app/fleet_bench/broker_process.h"

using dlm::fleet::MqttClient;
using dlm::fleet::MqttOptions;
using dlm::fleetbench::BrokerProcess;

namespace {

constexpr int kTimeoutMs = 15000;

MqttOptions optionsFor(const BrokerProcess& broker, const QString& id, bool persistent) {
  MqttOptions o;
  o.host = QStringLiteral("127.0.0.1");
  o.port = broker.port();
  o.clientId = id;
  o.cleanSession = !persistent;
  o.reconnectMinMs = 100;
  o.reconnectMaxMs = 500;
  return o;
}

} // namespace

class TestMqttClient : public QObject {
  Q_OBJECT
private slots:
  void initTestCase();
  void qos1IsDeliveredAndAcknowledged();
  void retainedReachesALateSubscriber();
  void survivesABrokerRestart();
  void badOptionsAreRefused();
  void passwordsAreTheBrokers();
  void tlsChecksTheBrokersCertificate();

private:
  BrokerProcess m_broker;
};

void TestMqttClient::initTestCase() {
  if (!BrokerProcess::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
  QString error;
  QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void TestMqttClient::qos1IsDeliveredAndAcknowledged() {
  MqttClient sub, pub;
  QSignalSpy received(&sub, &MqttClient::messageReceived);
  QSignalSpy subConnected(&sub, &MqttClient::connected);
  QSignalSpy acked(&pub, &MqttClient::published);
  QString error;
  QVERIFY(sub.start(optionsFor(m_broker, "sub1", false), &error));
  sub.subscribe(QStringLiteral("t1/#"), 1);
  QVERIFY(subConnected.wait(kTimeoutMs));
  QVERIFY(pub.start(optionsFor(m_broker, "pub1", false), &error));
  QTRY_VERIFY_WITH_TIMEOUT(pub.isConnected(), kTimeoutMs);
  // The subscription is made in the connect callback; give it a round trip before publishing.
  QTest::qWait(200);
  QList<int> mids;
  for (int i = 0; i < 20; ++i)
    mids << pub.publish(QStringLiteral("t1/x"), QByteArray::number(i), 1, false);
  for (int mid : mids) QVERIFY(mid > 0);
  QTRY_COMPARE_WITH_TIMEOUT(received.size(), 20, kTimeoutMs);
  for (int i = 0; i < 20; ++i) {
    QCOMPARE(received[i][0].toString(), QStringLiteral("t1/x"));
    QCOMPARE(received[i][1].toByteArray(), QByteArray::number(i)); // in order
  }
  QTRY_COMPARE_WITH_TIMEOUT(acked.size(), 20, kTimeoutMs);
  QSet<int> ackedMids;
  for (const QList<QVariant>& a : acked) ackedMids.insert(a[0].toInt());
  QCOMPARE(ackedMids, QSet<int>(mids.begin(), mids.end()));
}

void TestMqttClient::retainedReachesALateSubscriber() {
  MqttClient pub;
  QString error;
  QVERIFY(pub.start(optionsFor(m_broker, "pub2", false), &error));
  QSignalSpy acked(&pub, &MqttClient::published);
  QVERIFY(pub.publish(QStringLiteral("t2/state"), "online", 1, true) > 0);
  QVERIFY(acked.wait(kTimeoutMs));
  MqttClient late;
  QSignalSpy received(&late, &MqttClient::messageReceived);
  QVERIFY(late.start(optionsFor(m_broker, "late2", false), &error));
  late.subscribe(QStringLiteral("t2/#"), 1);
  QVERIFY(received.wait(kTimeoutMs));
  QCOMPARE(received[0][1].toByteArray(), QByteArray("online"));
  QCOMPARE(received[0][2].toBool(), true);
}

void TestMqttClient::survivesABrokerRestart() {
  // A persistent subscriber and a publisher; the broker stops; QoS 1 messages published
  // meanwhile wait in the publisher and all arrive, in order, once both are back.
  MqttClient sub, pub;
  QSignalSpy received(&sub, &MqttClient::messageReceived);
  QSignalSpy subConnected(&sub, &MqttClient::connected);
  QSignalSpy subLost(&sub, &MqttClient::disconnected);
  QSignalSpy pubConnected(&pub, &MqttClient::connected);
  QString error;
  QVERIFY(sub.start(optionsFor(m_broker, "sub3", true), &error));
  sub.subscribe(QStringLiteral("t3/#"), 1);
  QVERIFY(pub.start(optionsFor(m_broker, "pub3", false), &error));
  QTRY_VERIFY_WITH_TIMEOUT(sub.isConnected() && pub.isConnected(), kTimeoutMs);
  QTest::qWait(200);
  QVERIFY(pub.publish(QStringLiteral("t3/a"), "before", 1, false) > 0);
  QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kTimeoutMs);

  m_broker.stop();
  QTRY_VERIFY_WITH_TIMEOUT(!sub.isConnected() && !pub.isConnected(), kTimeoutMs);
  QTRY_VERIFY_WITH_TIMEOUT(!subLost.isEmpty(), kTimeoutMs);
  for (int i = 0; i < 50; ++i)
    QVERIFY(pub.publish(QStringLiteral("t3/a"), QByteArray::number(i), 1, false) > 0);
  QVERIFY2(m_broker.start(&error), qPrintable(error));

  QTRY_VERIFY_WITH_TIMEOUT(subConnected.size() >= 2 && pubConnected.size() >= 2, kTimeoutMs);
  QTRY_COMPARE_WITH_TIMEOUT(received.size(), 51, kTimeoutMs);
  for (int i = 0; i < 50; ++i) QCOMPARE(received[i + 1][1].toByteArray(), QByteArray::number(i));
  QVERIFY(sub.reconnects() >= 1);
}

void TestMqttClient::badOptionsAreRefused() {
  MqttClient c;
  MqttOptions o = optionsFor(m_broker, "bad", false);
  o.caFile = QStringLiteral("/nonexistent/ca.crt");
  QString error;
  QVERIFY(!c.start(o, &error));
  QVERIFY2(error.contains(QStringLiteral("/nonexistent/ca.crt")), qPrintable(error));
  MqttClient d;
  o = optionsFor(m_broker, "", true); // a persistent session needs an id
  QVERIFY(!d.start(o, &error));
  QVERIFY(!error.isEmpty());
  MqttClient e;
  o = optionsFor(m_broker, "e", false);
  o.keepAliveSeconds = 1; // libmosquitto wants 5 or more
  QVERIFY(!e.start(o, &error));
  QVERIFY(!error.isEmpty());
}

namespace {

bool run(const QString& program, const QStringList& args, const QString& dir) {
  QProcess p;
  p.setWorkingDirectory(dir);
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(program, args);
  return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

void TestMqttClient::passwordsAreTheBrokers() {
  const QString passwd = QStringLiteral("/usr/bin/mosquitto_passwd");
  if (!QFile::exists(passwd)) QSKIP("mosquitto_passwd not found");
  QTemporaryDir dir;
  const QString file = dir.filePath("passwd");
  QVERIFY(run(passwd, {"-b", "-c", file, "gw1", "s3cret"}, dir.path()));
  QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
  BrokerProcess broker;
  broker.configure(QString(), false, file);
  QString error;
  QVERIFY2(broker.start(&error), qPrintable(error));
  MqttClient good, wrong, anonymous;
  QSignalSpy wrongRefused(&wrong, &MqttClient::disconnected);
  QSignalSpy anonymousRefused(&anonymous, &MqttClient::disconnected);
  MqttOptions o = optionsFor(broker, "good", false);
  o.username = "gw1";
  o.password = "s3cret";
  QVERIFY(good.start(o, &error));
  o.clientId = "wrong";
  o.password = "guess";
  QVERIFY(wrong.start(o, &error));
  QVERIFY(anonymous.start(optionsFor(broker, "anon", false), &error));
  QTRY_VERIFY_WITH_TIMEOUT(good.isConnected(), kTimeoutMs);
  // The broker answers the others with a refusal, which the client reports in words.
  QTRY_VERIFY_WITH_TIMEOUT(!wrongRefused.isEmpty() && !anonymousRefused.isEmpty(), kTimeoutMs);
  QVERIFY2(wrongRefused[0][0].toString().contains("authori", Qt::CaseInsensitive),
           qPrintable(wrongRefused[0][0].toString()));
  QVERIFY(!wrong.isConnected() && !anonymous.isConnected());
}

void TestMqttClient::tlsChecksTheBrokersCertificate() {
  const QString openssl = QStringLiteral("/usr/bin/openssl");
  if (!QFile::exists(openssl)) QSKIP("openssl not found (apt-get install openssl)");
  QTemporaryDir dir;
  const QString d = dir.path();
  // A CA, a broker certificate for 127.0.0.1 signed by it, and a CA the broker never saw.
  QVERIFY(run(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=test-ca", "-keyout", "ca.key", "-out", "ca.crt"}, d));
  QVERIFY(run(openssl, {"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "broker.key",
                        "-out", "broker.csr"}, d));
  QVERIFY(run(openssl, {"x509", "-req", "-in", "broker.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                        "-CAcreateserial", "-days", "2", "-copy_extensions", "copy", "-out",
                        "broker.crt"}, d));
  QVERIFY(run(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=other-ca", "-keyout", "other.key", "-out", "other.crt"}, d));
  for (const char* f : {"broker.key", "broker.crt", "ca.crt"})
    QFile::setPermissions(dir.filePath(f), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
  BrokerProcess broker;
  broker.configure(QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n")
                       .arg(dir.filePath("ca.crt"), dir.filePath("broker.crt"),
                            dir.filePath("broker.key")),
                   true);
  QString error;
  QVERIFY2(broker.start(&error), qPrintable(error));
  MqttClient trusted, untrusted, plain;
  MqttOptions o = optionsFor(broker, "trusted", false);
  o.caFile = dir.filePath("ca.crt");
  QVERIFY2(trusted.start(o, &error), qPrintable(error));
  o.clientId = "untrusted";
  o.caFile = dir.filePath("other.crt");
  QVERIFY2(untrusted.start(o, &error), qPrintable(error));
  QVERIFY(plain.start(optionsFor(broker, "plain", false), &error));
  QTRY_VERIFY_WITH_TIMEOUT(trusted.isConnected(), kTimeoutMs);
  // A TLS-only listener, a certificate from a CA nobody trusts: neither other client gets in,
  // however often it tries (a few of its retries fit in this second).
  QTest::qWait(1000);
  QVERIFY(!untrusted.isConnected());
  QVERIFY(!plain.isConnected());
}

QTEST_GUILESS_MAIN(TestMqttClient)
#include "test_mqtt_client.moc"
