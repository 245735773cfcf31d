// dlm-gateway's pure parts: the offline buffer, the push journal, the options.
#include <QTemporaryDir>
#include <QtTest>

#include "app/gateway/gateway_options.h"
#include "app/gateway/outbound_queue.h"
#include "app/gateway/push_store.h"

using namespace dlm::gateway;

class TestGatewayUnits : public QObject {
  Q_OBJECT
private slots:
  void bufferKeepsOrderAndDropsOldestEvents();
  void bufferKeepsOnlyTheLatestState();
  void journalSurvivesARestartAndForgetsFinishedPushes();
  void journalSkipsADamagedModel();
  void optionsFromFileAndCommandLine();
  void badOptionsSayWhat_data();
  void badOptionsSayWhat();
};

void TestGatewayUnits::bufferKeepsOrderAndDropsOldestEvents() {
  OutboundQueue q(3);
  q.push({"e", "1", false, true});
  q.push({"r", "x", false, false});
  q.push({"e", "2", false, true});
  q.push({"e", "3", false, true}); // full: event 1 goes, the result stays
  QCOMPARE(q.size(), 3);
  QCOMPARE(q.dropped(), quint64{1});
  QCOMPARE(q.take().payload, QByteArray("x"));
  QCOMPARE(q.take().payload, QByteArray("2"));
  QCOMPARE(q.take().payload, QByteArray("3"));
  QVERIFY(q.empty());
}

void TestGatewayUnits::bufferKeepsOnlyTheLatestState() {
  OutboundQueue q(10);
  q.push({"b/status", "connecting", true, false});
  q.push({"e", "1", false, true});
  q.push({"b/status", "connected", true, false});
  q.push({"c/status", "connected", true, false});
  QCOMPARE(q.size(), 3);
  QCOMPARE(q.take().payload, QByteArray("connected")); // in the first one's place
  QCOMPARE(q.take().payload, QByteArray("1"));
  QCOMPARE(q.take().topic, QString("c/status"));
  // States alone never fill it beyond one per topic.
  OutboundQueue small(1);
  small.push({"a", "1", true, false});
  small.push({"b", "2", true, false});
  QCOMPARE(small.size(), 2);
  QCOMPARE(small.dropped(), quint64{0});
}

void TestGatewayUnits::journalSurvivesARestartAndForgetsFinishedPushes() {
  QTemporaryDir dir;
  const QByteArray model = QByteArray(3000, 'm') + QByteArray("\x01\x02\x03\x04", 4);
  {
    PushStore store;
    QString error;
    QVERIFY(store.open(dir.path(), &error));
    PushJob job;
    job.push = dlm::fleet::makeModelPush("p1", {"b1", "b2", "b3"}, model);
    job.pending = {"b1", "b2", "b3"};
    job.acceptedMs = 2.0;
    QVERIFY(store.save(job));
    job.pending = {"b2", "b3"};
    QVERIFY(store.save(job));
    PushJob other = job;
    other.push = dlm::fleet::makeModelPush("p0", {"b9"}, model);
    other.pending = {"b9"};
    other.acceptedMs = 1.0;
    QVERIFY(store.save(other));
    store.finish("p0");
    QVERIFY(store.known("p0"));
    QVERIFY(store.known("p1"));
    QVERIFY(!store.known("p2"));
  }
  PushStore again; // a new run of the gateway
  QString error;
  QVERIFY(again.open(dir.path(), &error));
  QStringList problems;
  const auto jobs = again.load(&problems);
  QVERIFY(problems.isEmpty());
  QCOMPARE(jobs.size(), std::size_t{1});
  QCOMPARE(jobs[0]->push.push, QString("p1"));
  QCOMPARE(jobs[0]->pending, QStringList({"b2", "b3"}));
  QCOMPARE(jobs[0]->push.model, model);
  QCOMPARE(jobs[0]->push.modelCrc, 0x04030201u);
  QVERIFY(again.known("p0")); // finished ids are remembered across runs
  again.finish("p1");
  QVERIFY(again.load(&problems).empty());
}

void TestGatewayUnits::journalSkipsADamagedModel() {
  QTemporaryDir dir;
  PushStore store;
  QString error;
  QVERIFY(store.open(dir.path(), &error));
  PushJob job;
  job.push = dlm::fleet::makeModelPush("p1", {"b1"}, QByteArray(100, 'x'));
  job.pending = {"b1"};
  QVERIFY(store.save(job));
  QFile f(dir.filePath("pushes/p1.model"));
  QVERIFY(f.open(QIODevice::ReadWrite));
  f.seek(10);
  f.write("y");
  f.close();
  QStringList problems;
  QVERIFY(store.load(&problems).empty()); // never sent: its SHA-256 no longer matches
  QCOMPARE(problems.size(), 1);
}

void TestGatewayUnits::optionsFromFileAndCommandLine() {
  QTemporaryDir dir;
  QFile conf(dir.filePath("gw.conf"));
  QVERIFY(conf.open(QIODevice::WriteOnly));
  conf.write("# a gateway\nbroker = broker.plant:1884\nsite = plant\ngateway gw-7\n"
             "board = b1=/dev/ttyACM0\nvirtual = 2\nvirtual-args = --gesture-rate 30 --tick 10\n"
             "password-file = " + dir.filePath("pw").toUtf8() + "\nusername = gw-7\n");
  conf.close();
  QFile pw(dir.filePath("pw"));
  QVERIFY(pw.open(QIODevice::WriteOnly));
  pw.write("s3cret\n");
  pw.close();
  GatewayOptions o;
  QString message;
  QCOMPARE(parseGatewayOptions({"--config", conf.fileName(), "--site", "plant2", "--port",
                                "/dev/ttyUSB1", "--state-dir", dir.path()},
                               o, message),
           ParseOutcome::Run);
  QCOMPARE(o.brokerHost, QString("broker.plant"));
  QCOMPARE(o.port(), 1884);
  QCOMPARE(o.site, QString("plant2")); // the command line wins
  QCOMPARE(o.gateway, QString("gw-7"));
  QCOMPARE(o.boards.size(), 2);
  QCOMPARE(o.boards[0].id, QString("b1"));
  QCOMPARE(o.boards[1].id, QString("ttyUSB1"));
  QCOMPARE(o.virtualBoards, 2);
  QCOMPARE(o.virtualArgs, QStringList({"--gesture-rate", "30", "--tick", "10"}));
  QCOMPARE(o.password, QString("s3cret"));
  QCOMPARE(o.username, QString("gw-7"));
  QVERIFY(!o.checkOnly);
  const QString described = describeOptions(o);
  QVERIFY2(described.contains("board ttyUSB1 on /dev/ttyUSB1") && !described.contains("s3cret"),
           qPrintable(described));
  GatewayOptions tls;
  QCOMPARE(parseGatewayOptions({"--virtual", "1", "--cafile", "/etc/ca.crt"}, tls, message),
           ParseOutcome::Run);
  QCOMPARE(tls.port(), 8883);
  QVERIFY(!tls.gateway.isEmpty());
  QVERIFY(tls.stateDir.contains("dlm-gateway"));
}

void TestGatewayUnits::badOptionsSayWhat_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("says");
  QTest::newRow("no board") << QStringList{"--site", "s"} << "no board";
  QTest::newRow("bad site") << QStringList{"--virtual", "1", "--site", "a/b"} << "--site";
  QTest::newRow("bad board") << QStringList{"--board", "x"} << "ID=PATH";
  QTest::newRow("twice") << QStringList{"--board", "a=/x", "--board", "a=/y"} << "twice";
  QTest::newRow("clash") << QStringList{"--virtual", "1", "--board", "v00=/x"} << "twice";
  QTest::newRow("unknown") << QStringList{"--fast"} << "unknown option";
  QTest::newRow("port") << QStringList{"--virtual", "1", "--broker", "h:99999"} << "--broker";
  QTest::newRow("no password file") << QStringList{"--virtual", "1", "--password-file", "/nonexistent"}
                                    << "password file";
  QTest::newRow("no config") << QStringList{"--config", "/nonexistent"} << "configuration";
}

void TestGatewayUnits::badOptionsSayWhat() {
  QFETCH(QStringList, args);
  QFETCH(QString, says);
  GatewayOptions o;
  QString message;
  QCOMPARE(parseGatewayOptions(args, o, message), ParseOutcome::Error);
  QVERIFY2(message.contains(says), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestGatewayUnits)
#include "test_gateway_units.moc"
