// One dlm-gateway with two virtual boards, driven through the broker as a studio would
// (docs/fleet.md §3.12, §4.2): each command answered once, in order, with what the board did;
// samples only while watched; a push the board refuses leaves its model alone; a repeated
// push does nothing; a newer push supersedes a queued one; unknown boards are told apart;
// a clean stop says so.
#include <QtTest>

#include <vector>

#include "app/fleet_bench/broker_process.h"
#include "app/fleet_bench/fleet_recorder.h"
#include "app/fleet_bench/gesture_model.h"
#include "core/model_format.h"
#include "core/network.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"
#include "tests/app/gateway/fleet_harness.h"

using namespace dlm;
using fleet::CommandOp;
using fleet::PushResult;
using fleetbench::FleetRecorder;

namespace {

constexpr int kTimeoutMs = 60000;
const QString kSite = QStringLiteral("cmd");
const QString kGw = QStringLiteral("gw");

// A valid model the boards refuse: 20-dim descriptors where they compute 58.
QByteArray twentyDimModel() {
  Capacity cap;
  cap.maxDims = 20;
  cap.maxClasses = 2;
  cap.maxNeurons = 8;
  cap.maxEvents = 8;
  cap.maxLayers = 1;
  std::vector<unsigned char> arena(Network::arenaBytes(cap));
  Network net;
  std::vector<float> x(8 * 20);
  std::vector<std::uint8_t> y(8);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>((i * 37) % 11) / 11.0f;
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<std::uint8_t>(i % 2);
  if (net.init(cap, arena.data(), arena.size()) != Status::Ok || net.reset(20, 0) != Status::Ok ||
      net.rebuild(x.data(), y.data(), 8) != Status::Ok)
    return {};
  std::vector<std::uint8_t> bytes(modelBytes(net));
  std::size_t written = 0;
  if (saveModel(net, nullptr, bytes.data(), bytes.size(), &written) != Status::Ok) return {};
  return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(written));
}

} // namespace

class TestGatewayCommands : public QObject {
  Q_OBJECT
private slots:
  void initTestCase();
  void commandsAreAnsweredInOrder();
  void samplesFlowOnlyWhileWatched();
  void refusedPushKeepsTheModel();
  void repeatedAndSupersededPushes();
  void cleanStopSaysSo();

private:
  QString topic(fleet::TopicKind kind, const QString& board = QString()) const {
    return fleet::topicFor(kSite, kGw, kind, board);
  }
  void command(const QString& board, fleet::FleetCommand c);
  const fleet::CommandResult* result(const QString& board, const QString& id) const;
  const fleetbench::BoardRecord& rec(const QString& board) const {
    static const fleetbench::BoardRecord none;
    const fleetbench::BoardRecord* r = m_recorder->board(kGw, board);
    return r != nullptr ? *r : none;
  }

  QTemporaryDir m_dir;
  fleetbench::BrokerProcess m_broker;
  std::unique_ptr<FleetRecorder> m_recorder;
  std::unique_ptr<fleet::MqttClient> m_studio;
  std::unique_ptr<testing::GatewayProcess> m_gateway;
  int m_samples = 0;
  QHash<QString, fleet::FleetEvent> m_lastEvent;
};

void TestGatewayCommands::initTestCase() {
  if (!fleetbench::BrokerProcess::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
  QString error;
  QVERIFY2(m_broker.start(&error), qPrintable(error));
  m_recorder = std::make_unique<FleetRecorder>();
  QVERIFY(m_recorder->start("127.0.0.1", m_broker.port(), "cmd-recorder", kSite, &error));
  connect(&m_recorder->client(), &fleet::MqttClient::messageReceived, this,
          [this](const QString& t, const QByteArray& payload) {
            fleet::SamplesPayload s;
            if (t.endsWith("/samples") && fleet::decode(payload, s) && s.channels == 3 &&
                s.rateHz == 1000)
              ++m_samples;
          });
  connect(m_recorder.get(), &FleetRecorder::eventRecorded, this,
          [this](const QString& key, const fleet::FleetEvent& e) { m_lastEvent[key] = e; });
  m_studio = std::make_unique<fleet::MqttClient>();
  fleet::MqttOptions o;
  o.port = m_broker.port();
  o.host = QStringLiteral("127.0.0.1");
  o.clientId = QStringLiteral("cmd-studio");
  QVERIFY(m_studio->start(o, &error));
  // Boards that play gestures only when asked: every event here is one the test caused.
  m_gateway = std::make_unique<testing::GatewayProcess>(
      "gw", QStringList{"--broker", QStringLiteral("127.0.0.1:%1").arg(m_broker.port()), "--site",
                        kSite, "--gateway", kGw, "--virtual", "2", "--virtual-args",
                        "--gesture-rate 0", "--stats-interval", "1", "--state-dir",
                        m_dir.filePath("state")},
      m_dir.filePath("gw.log"));
  QVERIFY(m_gateway->start());
  QTRY_VERIFY2_WITH_TIMEOUT(m_recorder->countConnected() == 2, qPrintable(m_gateway->log()),
                            kTimeoutMs);
  QTRY_VERIFY_WITH_TIMEOUT(m_studio->isConnected(), kTimeoutMs);
}

void TestGatewayCommands::command(const QString& board, fleet::FleetCommand c) {
  QVERIFY(m_studio->publish(topic(fleet::TopicKind::Command, board), fleet::encode(c), 1, false) > 0);
}

const fleet::CommandResult* TestGatewayCommands::result(const QString& board, const QString& id) const {
  for (const fleet::CommandResult& r : rec(board).results)
    if (r.id == id) return &r;
  return nullptr;
}

void TestGatewayCommands::commandsAreAnsweredInOrder() {
  fleet::FleetCommand c;
  c.id = "g1";
  c.op = CommandOp::Gesture;
  c.gesture = 0; // shake
  command("v00", c);
  QTRY_VERIFY_WITH_TIMEOUT(m_lastEvent.contains("gw/v00"), kTimeoutMs);
  QVERIFY(result("v00", "g1") && result("v00", "g1")->ok);
  const fleet::FleetEvent shake = m_lastEvent["gw/v00"];
  QCOMPARE(shake.event.requestedGesture, 0); // the board says which request caused it
  QVERIFY(!shake.event.learned);
  // Label it, forget an event that does not exist, set the rejection, ask for the status:
  // four results, in that order.
  fleet::FleetCommand label;
  label.id = "l1";
  label.op = CommandOp::Label;
  label.eventId = shake.event.id;
  label.classIndex = 0;
  fleet::FleetCommand forget;
  forget.id = "f1";
  forget.op = CommandOp::Forget;
  forget.eventId = 999999;
  fleet::FleetCommand rejection;
  rejection.id = "r1";
  rejection.op = CommandOp::SetRejection;
  rejection.share = 0.25f;
  fleet::FleetCommand status;
  status.id = "s1";
  status.op = CommandOp::Status;
  for (const fleet::FleetCommand& x : {label, forget, rejection, status}) command("v00", x);
  QTRY_VERIFY_WITH_TIMEOUT(rec("v00").results.size() >= 5, kTimeoutMs);
  QCOMPARE(rec("v00").results[1].id, QString("l1"));
  QVERIFY(rec("v00").results[1].ok);
  QCOMPARE(rec("v00").results[2].id, QString("f1"));
  QVERIFY(!rec("v00").results[2].ok); // the board answered NoSuchEvent
  QVERIFY(!rec("v00").results[2].message.isEmpty());
  QVERIFY(rec("v00").results[3].ok && rec("v00").results[4].ok);
  // The board learned: it re-sent the event (learned, label 0), its identity names a model,
  // and its status carries the rejection threshold.
  QTRY_VERIFY_WITH_TIMEOUT(m_lastEvent["gw/v00"].event.learned, kTimeoutMs);
  QCOMPARE(m_lastEvent["gw/v00"].event.id, shake.event.id);
  QCOMPARE(m_lastEvent["gw/v00"].event.label, 0);
  QTRY_VERIFY_WITH_TIMEOUT(!rec("v00").identities.isEmpty() &&
                               rec("v00").identities.last().info.modelBytes > 0,
                           kTimeoutMs);
  QTRY_VERIFY_WITH_TIMEOUT(rec("v00").hasState && rec("v00").state.hasStatus &&
                               qAbs(rec("v00").state.status.rejectionThreshold - 0.25f) < 1e-6f,
                           kTimeoutMs);
  // The other board saw none of it.
  QCOMPARE(rec("v01").results.size(), 0);
}

void TestGatewayCommands::samplesFlowOnlyWhileWatched() {
  QCOMPARE(m_samples, 0); // nobody watched yet
  fleet::FleetCommand watch;
  watch.id = "w1";
  watch.op = CommandOp::Watch;
  watch.seconds = 30;
  command("v01", watch);
  QTRY_VERIFY_WITH_TIMEOUT(m_samples >= 5, kTimeoutMs);
  watch.id = "w2";
  watch.seconds = 0;
  command("v01", watch);
  QTRY_VERIFY_WITH_TIMEOUT(result("v01", "w2") != nullptr, kTimeoutMs);
  // After the stop is acknowledged, at most what was already on its way arrives.
  const int atStop = m_samples;
  fleet::FleetCommand status;
  status.id = "s2";
  status.op = CommandOp::Status;
  command("v01", status);
  QTRY_VERIFY_WITH_TIMEOUT(result("v01", "s2") != nullptr, kTimeoutMs);
  QTest::qWait(500); // long enough for five more batches, were they still sent
  QVERIFY(m_samples <= atStop + 1);
}

void TestGatewayCommands::refusedPushKeepsTheModel() {
  const QByteArray bad = twentyDimModel();
  QVERIFY(!bad.isEmpty());
  const quint32 before = rec("v01").identities.last().info.modelCrc;
  const fleet::ModelPush push = fleet::makeModelPush("bad-dims", {"v01", "nosuch"}, bad);
  QVERIFY(m_studio->publish(topic(fleet::TopicKind::ModelPush), fleet::encode(push), 1, false) > 0);
  QTRY_VERIFY_WITH_TIMEOUT(!rec("v01").outcomes.isEmpty(), kTimeoutMs);
  const fleet::PushOutcome& o = rec("v01").outcomes.last();
  QCOMPARE(o.push, QString("bad-dims"));
  QCOMPARE(o.result, PushResult::Failed);
  QCOMPARE(o.modelCrc, before); // still the old one
  QVERIFY2(o.message.contains("keeps"), qPrintable(o.message));
  QTRY_VERIFY_WITH_TIMEOUT(!rec("nosuch").outcomes.isEmpty(), kTimeoutMs);
  QCOMPARE(rec("nosuch").outcomes.last().result, PushResult::Failed);
  QVERIFY(rec("nosuch").outcomes.last().message.contains("No board nosuch"));
}

void TestGatewayCommands::repeatedAndSupersededPushes() {
  QString error;
  const QByteArray big = fleetbench::gestureModel(7, 40, 250, &error);
  const QByteArray small1 = fleetbench::gestureModel(8, 6, 250, &error);
  const QByteArray small2 = fleetbench::gestureModel(9, 6, 250, &error);
  QVERIFY(!big.isEmpty() && !small1.isEmpty() && !small2.isEmpty());
  const QString t = topic(fleet::TopicKind::ModelPush);
  // p1 starts at once; p2 waits behind it; p3 arrives and replaces p2; p1 comes again.
  const QByteArray p1 = fleet::encode(fleet::makeModelPush("p1", {"v00"}, big));
  QVERIFY(m_studio->publish(t, p1, 1, false) > 0);
  QVERIFY(m_studio->publish(t, fleet::encode(fleet::makeModelPush("p2", {"v00"}, small1)), 1, false) > 0);
  QVERIFY(m_studio->publish(t, fleet::encode(fleet::makeModelPush("p3", {"v00"}, small2)), 1, false) > 0);
  QVERIFY(m_studio->publish(t, p1, 1, false) > 0);
  const quint32 crc3 = link::modelIdentity(small2);
  QTRY_VERIFY2_WITH_TIMEOUT(m_recorder->countOutcomes("p3", PushResult::Verified, crc3) == 1,
                            qPrintable(m_gateway->log()), kTimeoutMs);
  QStringList seen;
  for (const fleet::PushOutcome& o : rec("v00").outcomes)
    seen << o.push + ':' + fleet::pushResultName(o.result);
  seen.sort(); // p2's outcome comes first: it is decided when p3 arrives
  QCOMPARE(seen, QStringList({"p1:verified", "p2:superseded", "p3:verified"})); // p1 once
  QTRY_COMPARE_WITH_TIMEOUT(rec("v00").identities.last().info.modelCrc, crc3, kTimeoutMs);
}

void TestGatewayCommands::cleanStopSaysSo() {
  QVERIFY2(m_gateway->stop(), qPrintable(m_gateway->log()));
  QTRY_VERIFY_WITH_TIMEOUT(!m_recorder->gatewayStatus()[kGw].online, kTimeoutMs);
  QCOMPARE(m_recorder->gatewayStatus()[kGw].reason, QString("shutdown"));
  QCOMPARE(rec("v00").state.state, link::LinkState::Disconnected);
  QCOMPARE(rec("v01").state.state, link::LinkState::Disconnected);
  QCOMPARE(m_recorder->undecodable(), quint64{0});
}

QTEST_GUILESS_MAIN(TestGatewayCommands)
#include "test_gateway_commands.moc"
