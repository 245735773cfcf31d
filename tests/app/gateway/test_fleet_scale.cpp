// A fleet for real (issue 15, item 3): mosquitto on a free localhost port, 5 dlm-gateway
// processes with 10 virtual boards each (real dlm-board processes speaking the real serial
// protocol), streaming events to a consumer through the broker. In order:
//   1. every board connects and streams; every event arrives once, numbered without gaps;
//   2. model A is pushed to all 50 boards: 50 verified outcomes, 50 identities report A;
//   3. model B is pushed to all 50 and one gateway is killed mid-push: its boards keep A
//      (their identity says so after the restart) and get B once it is back;
//   4. the broker is stopped for a few seconds and started again: events the boards detected
//      meanwhile arrive afterwards, and every board's sequence is still without a gap;
//   5. malformed payloads on every topic the gateways take are counted and ignored.
// The waits are on conditions (generous timeouts), never on a guess of how long things take.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include "app/fleet_bench/fleet_recorder.h"
#include "app/fleet_bench/gesture_model.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"
#include "tests/app/gateway/fleet_harness.h"
#include "app/fleet_bench/broker_process.h"

using namespace dlm;
using dlm::fleet::PushResult;
using dlm::fleetbench::FleetRecorder;
using dlm::testing::GatewayProcess;

namespace {

constexpr int kGateways = 5;
constexpr int kBoardsPerGateway = 10;
constexpr int kBoards = kGateways * kBoardsPerGateway;
constexpr int kVictim = 3; // the gateway killed mid-push; its boards are the test's own
const QString kSite = QStringLiteral("scale");
// Generous: a loaded two-core machine running other tests beside this one.
constexpr int kStartMs = 60000;
constexpr int kPushMs = 90000;
// How long the broker stays down: the scenario, not a wait for something.
constexpr int kBrokerOutageMs = 3000;
// Virtual boards: a gesture a second each on average, a 10 ms main loop (50 boards on 2 cores).
const QStringList kBoardArgs = {"--gesture-rate", "60", "--tick", "10"};

QString gw(int i) { return QStringLiteral("g%1").arg(i); }
QString vb(int i) { return QStringLiteral("v%1").arg(i, 2, 10, QLatin1Char('0')); }

} // namespace

class TestFleetScale : public QObject {
  Q_OBJECT
private slots:
  void initTestCase();
  void fiftyBoardsStreamEvents();
  void modelReachesAllFifty();
  void killedGatewayLeavesBoardsOnTheirModelAndFinishesAfterRestart();
  void brokerRestartLosesNoEvent();
  void malformedPayloadsAreCountedAndIgnored();
  void cleanupTestCase();

private:
  void publishPush(int gateway, const QString& pushId, const QByteArray& model);
  void pushToAll(const QString& pushId, const QByteArray& model);
  bool everyStreamContiguous(QString* why) const;
  QString logs() const;

  QTemporaryDir m_dir;
  fleetbench::BrokerProcess m_broker;
  std::unique_ptr<FleetRecorder> m_recorder;
  std::unique_ptr<fleet::MqttClient> m_studio; // publishes pushes and garbage, as a studio would
  std::vector<std::unique_ptr<GatewayProcess>> m_gateways;
  testing::ExternalBoards m_external;
  QByteArray m_models[4];
  quint32 m_finalCrc = 0;
};

void TestFleetScale::initTestCase() {
  if (!fleetbench::BrokerProcess::available())
    QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
  QVERIFY(m_dir.isValid());
  QVERIFY2(QFile::exists(testing::gatewayExe()) && QFile::exists(testing::boardExe()),
           "DLM_GATEWAY_EXE and DLM_BOARD_EXE must name the built executables");
  QString error;
  QVERIFY2(m_broker.start(&error), qPrintable(error));
  // Different seeds: different models; more gestures: a larger one (a longer push).
  const int perGesture[4] = {8, 40, 40, 40};
  for (int i = 0; i < 4; ++i) {
    m_models[i] = fleetbench::gestureModel(100u + static_cast<quint32>(i), perGesture[i], 250, &error);
    QVERIFY2(!m_models[i].isEmpty(), qPrintable(error));
  }
  qInfo() << "models of" << m_models[0].size() << "and" << m_models[1].size() << "bytes";

  m_recorder = std::make_unique<FleetRecorder>();
  QVERIFY(m_recorder->start("127.0.0.1", m_broker.port(), "scale-recorder", kSite, &error));
  m_studio = std::make_unique<fleet::MqttClient>();
  fleet::MqttOptions o;
  o.host = QStringLiteral("127.0.0.1");
  o.port = m_broker.port();
  o.clientId = QStringLiteral("scale-studio");
  o.reconnectMinMs = 200;
  o.reconnectMaxMs = 1000;
  QVERIFY(m_studio->start(o, &error));

  // The victim's boards run outside it, so that they outlive it as boards on cables do.
  QVERIFY2(m_external.start(kBoardsPerGateway, m_dir.filePath("external"), kBoardArgs, 7000,
                            &error),
           qPrintable(error));
  for (int g = 0; g < kGateways; ++g) {
    QStringList args = {"--broker", QStringLiteral("127.0.0.1:%1").arg(m_broker.port()),
                        "--site", kSite, "--gateway", gw(g), "--stats-interval", "2",
                        "--state-dir", m_dir.filePath("state-" + gw(g))};
    if (g == kVictim) {
      for (int b = 0; b < kBoardsPerGateway; ++b)
        args << "--board" << vb(b) + "=" + m_external.port(b);
    } else {
      args << "--virtual" << QString::number(kBoardsPerGateway) << "--virtual-args"
           << kBoardArgs.join(' ');
    }
    m_gateways.push_back(std::make_unique<GatewayProcess>(gw(g), args,
                                                          m_dir.filePath(gw(g) + ".log")));
    QVERIFY(m_gateways.back()->start());
  }
}

QString TestFleetScale::logs() const {
  QString text = QStringLiteral("broker:\n") + m_broker.log();
  for (const auto& g : m_gateways) text += QStringLiteral("\n%1:\n%2").arg(g->name(), g->log());
  return text.right(12000);
}

void TestFleetScale::fiftyBoardsStreamEvents() {
  QTRY_VERIFY2_WITH_TIMEOUT(m_recorder->countConnected() == kBoards,
                            qPrintable(QStringLiteral("%1 boards connected\n%2")
                                           .arg(m_recorder->countConnected())
                                           .arg(logs())),
                            kStartMs);
  auto boardsWithEvents = [this](quint64 atLeast) {
    int n = 0;
    for (const auto& b : m_recorder->boards()) n += b.events >= atLeast ? 1 : 0;
    return n;
  };
  QTRY_VERIFY2_WITH_TIMEOUT(boardsWithEvents(2) == kBoards,
                            qPrintable(QStringLiteral("%1 boards with 2 events")
                                           .arg(boardsWithEvents(2))),
                            kStartMs);
  QString why;
  QVERIFY2(everyStreamContiguous(&why), qPrintable(why));
  for (int g = 0; g < kGateways; ++g) {
    QVERIFY(m_recorder->gatewayStatus().contains(gw(g)));
    QVERIFY(m_recorder->gatewayStatus()[gw(g)].online);
    QCOMPARE(m_recorder->gatewayStatus()[gw(g)].boards.size(), kBoardsPerGateway);
  }
  // An identity names the board's descriptor, as the studio needs it to import and learn.
  const fleetbench::BoardRecord* r = m_recorder->board(gw(0), vb(0));
  QVERIFY(r != nullptr && !r->identities.isEmpty());
  QCOMPARE(r->identities.last().info.descriptorDims, 58);
  QCOMPARE(m_recorder->undecodable(), quint64{0});
}

bool TestFleetScale::everyStreamContiguous(QString* why) const {
  for (auto it = m_recorder->boards().cbegin(); it != m_recorder->boards().cend(); ++it) {
    for (auto s = it->streams.cbegin(); s != it->streams.cend(); ++s) {
      if (!s->contiguous()) {
        *why = QStringLiteral("%1 stream %2: %3 events of 1..%4")
                   .arg(it.key(), s.key())
                   .arg(s->seqs.size())
                   .arg(s->maxSeq);
        return false;
      }
    }
  }
  return true;
}

void TestFleetScale::publishPush(int gateway, const QString& pushId, const QByteArray& model) {
  QStringList targets;
  for (int b = 0; b < kBoardsPerGateway; ++b) targets << vb(b);
  const fleet::ModelPush push = fleet::makeModelPush(pushId, targets, model);
  QVERIFY(m_studio->publish(fleet::topicFor(kSite, gw(gateway), fleet::TopicKind::ModelPush),
                            fleet::encode(push), 1, false) > 0);
}

void TestFleetScale::pushToAll(const QString& pushId, const QByteArray& model) {
  for (int g = 0; g < kGateways; ++g) publishPush(g, pushId, model);
}

void TestFleetScale::modelReachesAllFifty() {
  const quint32 crcA = link::modelIdentity(m_models[0]);
  pushToAll(QStringLiteral("push-a"), m_models[0]);
  QTRY_VERIFY2_WITH_TIMEOUT(
      m_recorder->countOutcomes("push-a", PushResult::Verified, crcA) == kBoards,
      qPrintable(QStringLiteral("%1 verified\n%2")
                     .arg(m_recorder->countOutcomes("push-a", PushResult::Verified, crcA))
                     .arg(logs())),
      kPushMs);
  // The identities follow (published when the board's model changed).
  QTRY_COMPARE_WITH_TIMEOUT(m_recorder->countIdentities(crcA), kBoards, kPushMs);
  m_finalCrc = crcA;
}

void TestFleetScale::killedGatewayLeavesBoardsOnTheirModelAndFinishesAfterRestart() {
  GatewayProcess& victim = *m_gateways[kVictim];
  // The kill is timed on the victim's first "sending" progress. Should every board of it
  // finish before the kill lands (a very fast machine), the next model is tried.
  bool checked = false;
  for (int attempt = 1; attempt <= 3 && !checked; ++attempt) {
    const QByteArray& model = m_models[attempt];
    const quint32 oldCrc = m_finalCrc;
    const quint32 newCrc = link::modelIdentity(model);
    const QString pushId = QStringLiteral("push-b%1").arg(attempt);
    QString triggering;
    QMetaObject::Connection c = connect(
        m_recorder.get(), &FleetRecorder::progressRecorded, this,
        [&](const QString& key, const fleet::PushProgress& p) {
          if (triggering.isEmpty() && key.startsWith(gw(kVictim) + '/') && p.push == pushId &&
              p.state == fleet::PushState::Sending && p.sent < p.total) {
            triggering = key;
            victim.kill();
          }
        });
    pushToAll(pushId, model);
    QTRY_VERIFY_WITH_TIMEOUT(!triggering.isEmpty(), kPushMs);
    disconnect(c);
    QVERIFY(!victim.running());
    // Which of its boards had not reported, and how many identities each had by then.
    QHash<QString, qsizetype> seenIdentities;
    QStringList unfinished;
    for (int b = 0; b < kBoardsPerGateway; ++b) {
      const fleetbench::BoardRecord* r = m_recorder->board(gw(kVictim), vb(b));
      seenIdentities[vb(b)] = r->identities.size();
      const bool done = std::any_of(r->outcomes.cbegin(), r->outcomes.cend(),
                                    [&](const fleet::PushOutcome& o) { return o.push == pushId; });
      if (!done) unfinished << vb(b);
    }
    QVERIFY(unfinished.contains(triggering.section('/', 1)));
    // The broker noticed and published the victim's last will.
    QTRY_VERIFY_WITH_TIMEOUT(!m_recorder->gatewayStatus()[gw(kVictim)].online, kStartMs);
    QCOMPARE(m_recorder->gatewayStatus()[gw(kVictim)].reason, QStringLiteral("lost"));
    // The other 40 finish meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_recorder->countOutcomes(pushId, PushResult::Verified, newCrc) >=
            kBoards - kBoardsPerGateway,
        kPushMs);
    QVERIFY(m_external.allRunning()); // the boards outlived their gateway

    const QString oldStream = m_recorder->gatewayStatus()[gw(kVictim)].stream;
    QVERIFY(victim.start());
    QTRY_VERIFY_WITH_TIMEOUT(m_recorder->gatewayStatus()[gw(kVictim)].online &&
                                 m_recorder->gatewayStatus()[gw(kVictim)].stream != oldStream,
                             kStartMs);
    // After the restart each board says what it runs before anything is pushed again: the
    // old model, or the new one only if it had already been verified and activated.
    int keptOld = 0;
    for (const QString& board : unfinished) {
      const fleetbench::BoardRecord* r = m_recorder->board(gw(kVictim), board);
      QTRY_VERIFY_WITH_TIMEOUT(r->identities.size() > seenIdentities[board], kStartMs);
      const quint32 reported = r->identities[seenIdentities[board]].info.modelCrc;
      QVERIFY2(reported == oldCrc || reported == newCrc,
               qPrintable(QStringLiteral("%1 reports 0x%2").arg(board).arg(reported, 0, 16)));
      keptOld += reported == oldCrc ? 1 : 0;
    }
    // ... and the journal finishes the push on every board of the restarted gateway.
    QTRY_VERIFY2_WITH_TIMEOUT(
        m_recorder->countOutcomes(pushId, PushResult::Verified, newCrc) == kBoards,
        qPrintable(logs()), kPushMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->countIdentities(newCrc), kBoards, kPushMs);
    m_finalCrc = newCrc;
    qInfo() << "attempt" << attempt << ":" << unfinished.size()
            << "boards unfinished at the kill," << keptOld << "still on the old model after it";
    checked = keptOld > 0;
  }
  QVERIFY2(checked, "every push finished before the kill landed, three times");
}

void TestFleetScale::brokerRestartLosesNoEvent() {
  const quint64 before = m_recorder->totalEvents();
  const double down = fleet::nowMs();
  m_broker.stop();
  QTest::qWait(kBrokerOutageMs); // the outage itself
  const double up = fleet::nowMs();
  QString error;
  QVERIFY2(m_broker.start(&error), qPrintable(error));
  // Events detected during the outage arrive after it.
  int detectedWhileDown = 0;
  QMetaObject::Connection c = connect(
      m_recorder.get(), &FleetRecorder::eventRecorded, this,
      [&](const QString&, const fleet::FleetEvent& e) {
        if (e.t > down && e.t < up) ++detectedWhileDown;
      });
  QTRY_VERIFY2_WITH_TIMEOUT(detectedWhileDown >= 10, qPrintable(logs()), kStartMs);
  // Every board's sequence catches up with what its gateway says it published, without a gap.
  QHash<QString, quint64> published;
  QMetaObject::Connection s = connect(&m_recorder->client(), &fleet::MqttClient::messageReceived,
                                      this, [&](const QString& topic, const QByteArray& payload) {
                                        fleet::BoardStats stats;
                                        fleet::Topic t;
                                        if (fleet::parseTopic(topic, t) &&
                                            t.kind == fleet::TopicKind::BoardStats &&
                                            fleet::decode(payload, stats))
                                          published[t.gateway + '/' + t.board] = stats.lastSeq;
                                      });
  auto caughtUp = [&]() {
    if (published.size() < kBoards) return false;
    for (auto it = published.cbegin(); it != published.cend(); ++it) {
      const fleetbench::BoardRecord r = m_recorder->boards().value(it.key());
      quint64 best = 0;
      for (const auto& stream : r.streams) best = std::max(best, stream.maxSeq);
      if (best < it.value()) return false;
    }
    return true;
  };
  QTRY_VERIFY2_WITH_TIMEOUT(caughtUp(), qPrintable(logs()), kStartMs);
  disconnect(c);
  disconnect(s);
  QVERIFY(m_recorder->totalEvents() > before);
  QString why;
  QVERIFY2(everyStreamContiguous(&why), qPrintable(why));
  for (const auto& stats : m_recorder->gatewayStats()) QCOMPARE(stats.dropped, quint64{0});
  qInfo() << detectedWhileDown << "events detected while the broker was down arrived after it";
}

void TestFleetScale::malformedPayloadsAreCountedAndIgnored() {
  for (int g = 0; g < kGateways; ++g) {
    const QString push = fleet::topicFor(kSite, gw(g), fleet::TopicKind::ModelPush);
    fleet::ModelPush wrong = fleet::makeModelPush("bad", {vb(0)}, m_models[0]);
    wrong.sha256[0] = static_cast<char>(wrong.sha256[0] ^ 1);
    for (const QByteArray& p : {QByteArray("\xff\x00garbage", 9), QByteArray("{\"push\":\"x\"}"),
                                fleet::encode(wrong)})
      QVERIFY(m_studio->publish(push, p, 1, false) > 0);
    const auto cmd = [&](const QString& board) {
      return fleet::topicFor(kSite, gw(g), fleet::TopicKind::Command, board);
    };
    QVERIFY(m_studio->publish(cmd(vb(0)), "nope", 1, false) > 0);
    QVERIFY(m_studio->publish(cmd(vb(1)), R"({"id":"c1","op":"fly"})", 1, false) > 0);
    QVERIFY(m_studio->publish(cmd("nosuch"), R"({"id":"c2","op":"status"})", 1, false) > 0);
  }
  auto allCounted = [this]() {
    for (int g = 0; g < kGateways; ++g) {
      const fleet::GatewayStats s = m_recorder->gatewayStats().value(gw(g));
      if (s.malformedPush != 3 || s.malformedCmd != 3) return false;
    }
    return true;
  };
  QTRY_VERIFY2_WITH_TIMEOUT(allCounted(), qPrintable(logs()), kStartMs);
  QVERIFY(m_recorder->gatewayStats()[gw(0)].hasLastMalformed);
  // Nothing else changed: every gateway online, every board on the last model, events flow.
  const quint64 before = m_recorder->totalEvents();
  QTRY_VERIFY_WITH_TIMEOUT(m_recorder->totalEvents() >= before + kBoards, kStartMs);
  for (int g = 0; g < kGateways; ++g) {
    QVERIFY(m_gateways[static_cast<std::size_t>(g)]->running());
    QVERIFY(m_recorder->gatewayStatus()[gw(g)].online);
  }
  QCOMPARE(m_recorder->countIdentities(m_finalCrc), kBoards);
  QCOMPARE(m_recorder->countConnected(), kBoards);
  QString why;
  QVERIFY2(everyStreamContiguous(&why), qPrintable(why));
}

void TestFleetScale::cleanupTestCase() {
  // A clean stop: each gateway says offline ("shutdown") and exits 0.
  for (auto& g : m_gateways) QVERIFY2(g->stop(), qPrintable(g->name() + ":\n" + g->log()));
  if (m_recorder) {
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(m_recorder->gatewayStatus().cbegin(), m_recorder->gatewayStatus().cend(),
                    [](const fleet::GatewayStatus& s) { return !s.online && s.reason == "shutdown"; }),
        15000);
  }
}

QTEST_GUILESS_MAIN(TestFleetScale)
#include "test_fleet_scale.moc"
