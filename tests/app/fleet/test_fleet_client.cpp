// The studio's fleet client (app/fleet/fleet_client.h) against a real mosquitto on a free
// localhost port and a gateway the test plays with the reference codec: the fleet table fills
// from retained messages and stats, malformed payloads are counted and ignored, a push goes
// out as one ModelPush per gateway with the right payload and its progress and outcomes are
// followed, a watched board's events arrive once each (duplicates dropped, gaps counted), and
// an unreachable broker, a refused login and an untrusted TLS certificate are said in words.
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include "app/fleet/fleet_client.h"
#include "tests/app/fleet/fake_gateway.h"

using dlm::app::BrokerSettings;
using dlm::app::BrokerStatusView;
using dlm::app::FleetClient;
using dlm::app::FleetPushPhase;
using dlm::app::FleetTableLayout;
using dlm::app::test::FakeGateway;
using dlm::app::test::kBrokerTimeoutMs;
using dlm::fleetbench::BrokerProcess;
namespace fleet = dlm::fleet;
namespace lnk = dlm::link;

namespace {

BrokerSettings settingsFor(int port) {
  BrokerSettings s;
  s.host = "127.0.0.1";
  s.port = port;
  return s;
}

bool connectClient(FleetClient& client, const BrokerSettings& settings) {
  QString error;
  if (!client.connectToBroker(settings, &error)) return false;
  // Connected as the client sees it (its connected() handled), not only on the wire.
  return QTest::qWaitFor(
      [&] { return client.status().state == BrokerStatusView::State::Connected; },
      kBrokerTimeoutMs);
}

bool connectClient(FleetClient& client, int port) { return connectClient(client, settingsFor(port)); }

bool run(const QString& program, const QStringList& args, const QString& dir) {
  QProcess p;
  p.setWorkingDirectory(dir);
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(program, args);
  return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

lnk::BoardEvent boardEvent(quint32 id, int predicted) {
  lnk::BoardEvent e;
  e.id = id;
  e.startSample = 1000 * id;
  e.frames = 300;
  e.predictedClass = predicted;
  e.bestClass = predicted < 0 ? 1 : predicted;
  e.confidence = 0.75f;
  e.knownScore = 0.5f;
  e.descriptor = QVector<float>(58, 0.125f);
  return e;
}

QByteArray someModel(int size) {
  QByteArray m(size, '\0');
  for (int i = 0; i < size; ++i) m[i] = char(i * 7 + 3);
  return m;
}

} // namespace

class TestFleetClient : public QObject {
  Q_OBJECT
  BrokerProcess m_broker;

private slots:
  void initTestCase() {
    if (!BrokerProcess::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
  }

  void tableFillsFromRetainedAndMalformedIsIgnored() {
    FakeGateway gw(m_broker, "site1", "gw1");
    QVERIFY(gw.waitConnected());
    QVERIFY(gw.online({"b0", "b1"}));
    QVERIFY(gw.boardUp("b0", 0x1111));
    QVERIFY(gw.identity("b1", dlm::app::test::fakeBoardInfo()));
    QVERIFY(gw.state("b1", lnk::LinkState::Reconnecting));
    QTest::qWait(300);
    // A studio that connects later gets the retained state at once.
    FleetClient client;
    QVERIFY(connectClient(client, m_broker.port()));
    dlm::app::FleetTableModel* table = client.table();
    QTRY_COMPARE_WITH_TIMEOUT(table->boardCount(), 2, kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(table->isOnline("site1/gw1/b0"), kBrokerTimeoutMs);
    QVERIFY(!table->isOnline("site1/gw1/b1"));
    QCOMPARE(table->record("site1/gw1/b0")->modelCrc, 0x1111u);
    QVERIFY(gw.stats("b0", 4.0, 0.25));
    QTRY_VERIFY_WITH_TIMEOUT(table->record("site1/gw1/b0")->hasStats, kBrokerTimeoutMs);
    QCOMPARE(table->record("site1/gw1/b0")->eventRate, 4.0);

    // Malformed on every topic the studio reads: counted, nothing changes.
    const quint64 before = client.malformed();
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::BoardIdentity, "b0"), "{not json", true));
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::BoardState, "b0"), "[]", true));
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::BoardStats, "b0"), "{\"board\":\"b0\"}", false, 0));
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::GatewayStatus), "{\"state\":\"online\"}", true));
    // Well formed but naming another board than its topic.
    fleet::BoardIdentity wrong;
    wrong.board = "b1";
    wrong.info = dlm::app::test::fakeBoardInfo(0x2222);
    wrong.t = fleet::nowMs();
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::BoardIdentity, "b0"), fleet::encode(wrong), true));
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::PushOutcome, "b0"), "{\"push\":1}", true));
    QTRY_COMPARE_WITH_TIMEOUT(client.malformed(), before + 6, kBrokerTimeoutMs);
    QCOMPARE(client.malformed(fleet::TopicKind::BoardIdentity), quint64(2));
    QVERIFY(!client.status().lastMalformed.isEmpty());
    QCOMPARE(table->boardCount(), 2);
    QVERIFY(table->isOnline("site1/gw1/b0"));
    QCOMPARE(table->record("site1/gw1/b0")->modelCrc, 0x1111u);
    QCOMPARE(table->record("site1/gw1/b0")->eventRate, 4.0);
    gw.clearRetained({"b0", "b1"});
  }

  void pushGoesToEachGatewayAndOutcomesAreFollowed() {
    FakeGateway gw1(m_broker, "site2", "gw1");
    FakeGateway gw2(m_broker, "site2", "gw2");
    QVERIFY(gw1.waitConnected() && gw2.waitConnected());
    QVERIFY(gw1.online({"b0", "b1"}) && gw2.online({"c0"}));
    QVERIFY(gw1.boardUp("b0") && gw1.boardUp("b1") && gw2.boardUp("c0"));
    FleetClient client;
    QVERIFY(connectClient(client, m_broker.port()));
    QTRY_COMPARE_WITH_TIMEOUT(client.table()->boardCount(), 3, kBrokerTimeoutMs);
    QSignalSpy summaries(&client, &FleetClient::pushSummaryChanged);

    QString error;
    QVERIFY(client.pushModel({}, someModel(100), &error).isEmpty());
    QVERIFY(error.contains("Select the boards"));
    const QByteArray model = someModel(5000);
    const QString push = client.pushModel({"site2/gw1/b0", "site2/gw1/b1", "site2/gw2/c0"},
                                          model, &error);
    QVERIFY2(!push.isEmpty(), qPrintable(error));
    QVERIFY(fleet::isValidId(push));
    // One ModelPush per gateway, its targets the gateway's boards, the model intact.
    QTRY_COMPARE_WITH_TIMEOUT(gw1.pushes.size(), 1, kBrokerTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(gw2.pushes.size(), 1, kBrokerTimeoutMs);
    QCOMPARE(gw1.pushes[0].push, push);
    QCOMPARE(gw1.pushes[0].targets, (QStringList{"b0", "b1"}));
    QCOMPARE(gw2.pushes[0].targets, QStringList{"c0"});
    QCOMPARE(gw1.pushes[0].model, model);
    QCOMPARE(gw1.pushes[0].modelCrc, lnk::modelIdentity(model));
    QCOMPARE(gw1.malformed + gw2.malformed, 0);
    QCOMPARE(client.pushSummary().targets, 3);
    QCOMPARE(client.pushSummary().pending, 3);

    const quint32 crc = lnk::modelIdentity(model);
    QVERIFY(gw1.progress("b0", push, fleet::PushState::Sending, 2048, 5000));
    QTRY_COMPARE_WITH_TIMEOUT(client.table()->record("site2/gw1/b0")->push,
                              FleetPushPhase::Sending, kBrokerTimeoutMs);
    QCOMPARE(client.table()->record("site2/gw1/b0")->pushSent, 2048u);
    QVERIFY(gw1.outcome("b0", push, fleet::PushResult::Verified, crc, "activated"));
    QVERIFY(gw1.outcome("b1", push, fleet::PushResult::Failed, 0, "the board refused it: too large"));
    QVERIFY(gw2.progress("c0", push, fleet::PushState::Waiting, 0, 5000));
    QTRY_COMPARE_WITH_TIMEOUT(client.pushSummary().pending, 1, kBrokerTimeoutMs);
    QCOMPARE(client.pushSummary().verified, 1);
    QCOMPARE(client.pushSummary().failed, 1);
    // (Another gateway's progress: no order with gw1's outcomes.)
    QTRY_COMPARE_WITH_TIMEOUT(client.table()->record("site2/gw2/c0")->push,
                              FleetPushPhase::Waiting, kBrokerTimeoutMs);
    QCOMPARE(client.table()->record("site2/gw1/b0")->modelCrc, crc);
    QCOMPARE(client.table()->record("site2/gw1/b1")->pushMessage,
             QString("the board refused it: too large"));
    QVERIFY(gw2.outcome("c0", push, fleet::PushResult::Verified, crc, "activated"));
    QTRY_VERIFY_WITH_TIMEOUT(client.pushSummary().finished(), kBrokerTimeoutMs);
    QCOMPARE(summaries.last().at(0).value<dlm::app::FleetPushSummary>().verified, 2);
    gw1.clearRetained({"b0", "b1"});
    gw2.clearRetained({"c0"});
  }

  void watchedBoardEventsArriveOnce() {
    FakeGateway gw(m_broker, "site3", "gw1");
    QVERIFY(gw.waitConnected());
    QVERIFY(gw.online({"b0", "b1"}) && gw.boardUp("b0") && gw.boardUp("b1"));
    FleetClient client;
    QVERIFY(connectClient(client, m_broker.port()));
    QSignalSpy events(&client, &FleetClient::eventReceived);
    QSignalSpy lost(&client, &FleetClient::eventsLost);
    QSignalSpy samples(&client, &FleetClient::samplesReceived);
    client.watch("site3/gw1/b0");
    // The gateway is asked to stream the board's samples.
    QTRY_COMPARE_WITH_TIMEOUT(gw.commandsOf("b0", fleet::CommandOp::Watch).size(), 1,
                              kBrokerTimeoutMs);
    QCOMPARE(gw.commandsOf("b0", fleet::CommandOp::Watch)[0].seconds, FleetClient::kWatchSeconds);
    QTest::qWait(300);
    // seq 1, 2, 2 (a QoS 1 repeat), 5 (3 and 4 lost); b1's event is not followed.
    QVERIFY(gw.event("b0", 1, boardEvent(7, 0)));
    QVERIFY(gw.event("b0", 2, boardEvent(8, -1)));
    QVERIFY(gw.event("b0", 2, boardEvent(8, -1)));
    QVERIFY(gw.event("b1", 1, boardEvent(9, 0)));
    QVERIFY(gw.event("b0", 5, boardEvent(11, 1)));
    fleet::SamplesPayload s{"b0", 100, 3, 1000, QVector<qint16>(30, 5)};
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::Samples, "b0"), fleet::encode(s), false, 0));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 3, kBrokerTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(samples.size(), 1, kBrokerTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(events.size(), 3);
    const auto ev = [&](int i) { return events[i][1].value<fleet::FleetEvent>(); };
    QCOMPARE(ev(0).event.id, 7u);
    QCOMPARE(ev(1).event.predictedClass, -1);
    QCOMPARE(ev(2).event.id, 11u);
    QCOMPARE(ev(2).event.descriptor.size(), 58);
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost[0][1].toULongLong(), 2ull);
    QCOMPARE(client.duplicateEvents(), 1ull);
    // A command of this studio, and its result; another consumer's result is not ours.
    fleet::FleetCommand label;
    label.op = fleet::CommandOp::Label;
    label.eventId = 7;
    label.classIndex = 1;
    QSignalSpy results(&client, &FleetClient::commandFinished);
    const QString id = client.sendCommand("site3/gw1/b0", label);
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(gw.commandsOf("b0", fleet::CommandOp::Label).size(), 1,
                              kBrokerTimeoutMs);
    QCOMPARE(gw.commandsOf("b0", fleet::CommandOp::Label)[0].id, id);
    fleet::FleetCommand foreign = label;
    foreign.id = "someone-else";
    QVERIFY(gw.result("b0", foreign, false, "no"));
    QVERIFY(gw.result("b0", gw.commandsOf("b0", fleet::CommandOp::Label)[0], true, "learned"));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kBrokerTimeoutMs);
    QCOMPARE(results[0][1].value<fleet::CommandResult>().id, id);

    // Unwatched: the stream is stopped and the board's events are no longer delivered.
    client.unwatch();
    QTRY_COMPARE_WITH_TIMEOUT(gw.commandsOf("b0", fleet::CommandOp::Watch).size(), 2,
                              kBrokerTimeoutMs);
    QCOMPARE(gw.commandsOf("b0", fleet::CommandOp::Watch)[1].seconds, 0);
    QTest::qWait(300);
    QVERIFY(gw.event("b0", 6, boardEvent(12, 0)));
    QTest::qWait(500);
    QCOMPARE(events.size(), 3);
    gw.clearRetained({"b0", "b1"});
  }

  void unreachableAndBadSettingsAreSaid() {
    // Nobody listens on the port: said, and retried.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const int closedPort = probe.serverPort();
    probe.close();
    FleetClient client;
    QString error;
    QVERIFY(client.connectToBroker(settingsFor(closedPort), &error));
    QTRY_COMPARE_WITH_TIMEOUT(client.status().state, BrokerStatusView::State::Retrying,
                              kBrokerTimeoutMs);
    QVERIFY2(client.status().message.contains("Cannot reach the broker at 127.0.0.1:"),
             qPrintable(client.status().message));
    QVERIFY2(client.status().message.contains("refused", Qt::CaseInsensitive),
             qPrintable(client.status().message)); // the system's words: connection refused
    client.disconnectFromBroker();
    QCOMPARE(client.status().state, BrokerStatusView::State::Off);

    // Settings that cannot work: refused at once, nothing started.
    QTemporaryDir dir;
    FleetClient bad;
    BrokerSettings tls = settingsFor(m_broker.port());
    tls.caFile = dir.filePath("missing-ca.crt");
    QVERIFY(!bad.connectToBroker(tls, &error));
    QVERIFY2(error.contains("missing-ca.crt"), qPrintable(error));
    QCOMPARE(bad.status().state, BrokerStatusView::State::Off);
    BrokerSettings noHost;
    noHost.host = " ";
    QVERIFY(!bad.connectToBroker(noHost, &error));
  }

  // The broker's own passwords: the right login gets in, a wrong one is refused in words.
  void loginIsTheBrokers() {
    const QString passwd = QStringLiteral("/usr/bin/mosquitto_passwd");
    if (!QFile::exists(passwd)) QSKIP("mosquitto_passwd not found");
    QTemporaryDir dir;
    const QString file = dir.filePath("passwd");
    QVERIFY(run(passwd, {"-b", "-c", file, "studio", "s3cret"}, dir.path()));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    BrokerProcess broker;
    broker.configure(QString(), false, file);
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    BrokerSettings s = settingsFor(broker.port());
    s.username = "studio";
    s.password = "guess";
    FleetClient wrong;
    QVERIFY(wrong.connectToBroker(s, &error));
    QTRY_VERIFY_WITH_TIMEOUT(wrong.status().message.contains("refused the connection"),
                             kBrokerTimeoutMs);
    QVERIFY2(wrong.status().message.contains("Check the user name and password"),
             qPrintable(wrong.status().message));
    QVERIFY(!wrong.isConnected());
    s.password = "s3cret";
    FleetClient right;
    QVERIFY(connectClient(right, s));
  }

  // TLS: a broker whose certificate was signed by a CA the studio does not trust is not
  // reached, and the studio says so; the right CA gets in.
  void tlsChecksTheBroker() {
    const QString openssl = QStringLiteral("/usr/bin/openssl");
    if (!QFile::exists(openssl)) QSKIP("openssl not found (apt-get install openssl)");
    QTemporaryDir dir;
    const QString d = dir.path();
    QVERIFY(run(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                          "/CN=test-ca", "-keyout", "ca.key", "-out", "ca.crt"}, d));
    QVERIFY(run(openssl, {"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                          "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "broker.key",
                          "-out", "broker.csr"}, d));
    QVERIFY(run(openssl, {"x509", "-req", "-in", "broker.csr", "-CA", "ca.crt", "-CAkey",
                          "ca.key", "-CAcreateserial", "-days", "2", "-copy_extensions", "copy",
                          "-out", "broker.crt"}, d));
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
    BrokerSettings s = settingsFor(broker.port());
    s.caFile = dir.filePath("other.crt");
    FleetClient untrusted;
    QVERIFY(untrusted.connectToBroker(s, &error));
    QTRY_COMPARE_WITH_TIMEOUT(untrusted.status().state, BrokerStatusView::State::Retrying,
                              kBrokerTimeoutMs);
    QVERIFY2(untrusted.status().message.contains("The TLS connection to the broker at"),
             qPrintable(untrusted.status().message));
    QVERIFY(!untrusted.isConnected());
    s.caFile = dir.filePath("ca.crt");
    FleetClient trusted;
    QVERIFY(connectClient(trusted, s));
    QVERIFY(trusted.status().address.endsWith("(TLS)"));
  }
};

QTEST_GUILESS_MAIN(TestFleetClient)
#include "test_fleet_client.moc"
