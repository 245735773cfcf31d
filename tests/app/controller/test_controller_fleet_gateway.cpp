// End to end, everything real: mosquitto on a free localhost port, `dlm-gateway --virtual 2`
// (two dlm-board processes behind it), and the studio's controller on the broker. The studio
// sees both boards, opens one (its samples stream, gestures asked through the gateway come
// back as events with their suggested tags), tags and learns, pushes its model to the board,
// and sees the gateway's verified outcome and the board running the studio's model. The
// gateway stopped, its boards go offline and the studio's board is lost.
#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "app/views/gesture_catalogue.h"
#include "tests/app/gateway/fleet_harness.h"
#include "app/fleet_bench/broker_process.h"

using dlm::app::BrokerStatusView;
using dlm::app::EventTableLayout;
using dlm::app::FleetTableLayout;
using dlm::app::StudioController;
using dlm::testing::GatewayProcess;
using dlm::fleetbench::BrokerProcess;

namespace {

constexpr int kUpTimeoutMs = 60000; // two boards spawned and handshaken on a busy machine
constexpr int kEventTimeoutMs = 20000;
constexpr int kLearnTimeoutMs = 60000;
const QString kBoard = QStringLiteral("e2e/gw1/v00");

int rowOf(const QAbstractItemModel* m, const QString& key) {
  for (int row = 0; row < m->rowCount(); ++row)
    if (m->index(row, 0).data(FleetTableLayout::KeyRole).toString() == key) return row;
  return -1;
}

bool online(const QAbstractItemModel* m, const QString& key) {
  const int row = rowOf(m, key);
  return row >= 0 && m->index(row, 0).data(FleetTableLayout::OnlineRole).toBool();
}

} // namespace

class TestControllerFleetGateway : public QObject {
  Q_OBJECT
  BrokerProcess m_broker;
  QTemporaryDir m_dir;

private slots:
  void initTestCase() {
    if (!BrokerProcess::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
    QVERIFY(!dlm::testing::gatewayExe().isEmpty() && !dlm::testing::boardExe().isEmpty());
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
  }

  void studioOpensTagsAndPushesThroughAGateway() {
    GatewayProcess gateway(
        "gw1",
        {"--broker", QStringLiteral("127.0.0.1:%1").arg(m_broker.port()), "--site", "e2e",
         "--gateway", "gw1", "--virtual", "2", "--virtual-args", "--gesture-rate 0",
         "--stats-interval", "1", "--state-dir", m_dir.filePath("state")},
        m_dir.filePath("gateway.log"));
    QVERIFY(gateway.start());
    StudioController c;
    dlm::app::BrokerSettings broker;
    broker.host = "127.0.0.1";
    broker.port = m_broker.port();
    QVERIFY(c.connectToBroker(broker));
    const QAbstractItemModel* table = c.fleetBoards();
    QTRY_VERIFY_WITH_TIMEOUT(!gateway.running() ||
                                 (online(table, "e2e/gw1/v00") && online(table, "e2e/gw1/v01")),
                             kUpTimeoutMs);
    QVERIFY2(gateway.running(), qPrintable(gateway.log()));
    QVERIFY2(online(table, "e2e/gw1/v00") && online(table, "e2e/gw1/v01"),
             qPrintable(gateway.log()));
    QCOMPARE(table->rowCount(), 2);

    // Opened: the board's stream and its events reach the studio through the broker.
    QSignalSpy ready(&c, &StudioController::boardReady);
    QSignalSpy samples(&c, &StudioController::samplesReceived);
    c.openFleetBoard(kBoard);
    QTRY_VERIFY_WITH_TIMEOUT(c.isBoardConnected(), kEventTimeoutMs);
    QCOMPARE(ready.last().at(0).value<dlm::app::BoardInfoView>().fleetKey, kBoard);
    QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), kEventTimeoutMs); // the `watch` took
    dlm::app::StudioEvents* events = c.events();
    QCOMPARE(events->createClass(dlm::app::gestureName(0)), 0);
    QCOMPARE(events->createClass(dlm::app::gestureName(1)), 1);
    for (int i = 0; i < 6; ++i) {
      const int before = events->eventCount();
      c.performGesture(i % 2); // a `gesture` command, through the gateway
      QTRY_VERIFY2_WITH_TIMEOUT(events->eventCount() > before, qPrintable(gateway.log()),
                                kEventTimeoutMs);
      QTest::qWait(300); // the gesture's end, before the next one starts
    }
    // Each event says which gesture the board played: confirmed as its tag, and learned.
    QVector<int> ids;
    for (int row = 0; row < events->eventCount(); ++row)
      ids << events->model()->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
    QVERIFY(events->event(ids.first()).board.valid);
    QCOMPARE(events->confirmSuggestions(ids), int(ids.size()));
    QTRY_VERIFY_WITH_TIMEOUT(c.isLearningUpToDate() && c.studioModelIdentity() != 0,
                             kLearnTimeoutMs);

    // Pushed through the gateway: verified, and the board runs the studio's model.
    QSignalSpy pushed(&c, &StudioController::pushFinished);
    c.pushModel();
    QVERIFY2(pushed.wait(kLearnTimeoutMs), qPrintable(gateway.log()));
    QVERIFY2(pushed.last().at(0).toBool(), qPrintable(pushed.last().at(1).toString()));
    QCOMPARE(c.boardModelIdentity(), c.studioModelIdentity());
    const int row = rowOf(table, kBoard);
    QTRY_COMPARE_WITH_TIMEOUT(table->index(row, 0).data(FleetTableLayout::ModelMatchRole).toInt(),
                              int(dlm::app::FleetModelMatch::Matches), kEventTimeoutMs);
    QCOMPARE(table->index(row, FleetTableLayout::PushColumn).data().toString(), QString("Verified"));
    QVERIFY(c.fleetPush().finished());
    QCOMPARE(c.fleetPush().verified, 1);

    // The gateway stops: its boards are offline, the studio's board is lost.
    QSignalSpy lost(&c, &StudioController::boardLost);
    QVERIFY(gateway.stop());
    QTRY_VERIFY_WITH_TIMEOUT(!online(table, "e2e/gw1/v00") && !online(table, "e2e/gw1/v01"),
                             kEventTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), kEventTimeoutMs);
    QVERIFY(!c.isBoardConnected());
    QCOMPARE(c.brokerStatus().state, BrokerStatusView::State::Connected);
    QCOMPARE(c.brokerStatus().malformed, quint64(0));
  }
};

QTEST_MAIN(TestControllerFleetGateway)
#include "test_controller_fleet_gateway.moc"
