// The fleet table (app/fleet/fleet_table_model.h) fed directly with decoded payloads: rows
// appear as gateways and boards are heard of, a board is online only when it and its gateway
// say so, its model is matched against the studio's, rates and "last seen" follow the stats,
// and only the studio's own push moves the Push column (a retained outcome of an older push,
// or a "verified" that names another model, does not pass for this one).
#include <QtTest>

#include "app/fleet/fleet_table_model.h"
#include "tests/app/fleet/fake_gateway.h"

using dlm::app::FleetModelMatch;
using dlm::app::FleetPushPhase;
using dlm::app::FleetTableLayout;
using dlm::app::FleetTableModel;
namespace fleet = dlm::fleet;
namespace lnk = dlm::link;

namespace {

constexpr double kNow = 1767225600000.0;

fleet::GatewayStatus gatewayStatus(bool online, const QStringList& boards) {
  fleet::GatewayStatus s;
  s.gateway = "gw1";
  s.site = "plant";
  s.online = online;
  s.reason = online ? "" : "lost";
  s.stream = "abc";
  s.boards = boards;
  return s;
}

fleet::BoardState boardState(const QString& board, lnk::LinkState state, double t,
                             quint32 model = 0) {
  fleet::BoardState s;
  s.board = board;
  s.state = state;
  s.detail = "detail of " + board;
  s.t = t;
  s.hasStatus = state == lnk::LinkState::Connected;
  s.status.modelCrc = model;
  return s;
}

fleet::BoardIdentity identity(const QString& board, quint32 model, double t) {
  fleet::BoardIdentity id;
  id.board = board;
  id.info = dlm::app::test::fakeBoardInfo(model);
  id.t = t;
  return id;
}

QString cell(const FleetTableModel& m, const QString& key, int column, int role = Qt::DisplayRole) {
  for (int row = 0; row < m.rowCount(); ++row) {
    if (m.index(row, 0).data(FleetTableLayout::KeyRole).toString() == key)
      return m.index(row, column).data(role).toString();
  }
  return "<no row>";
}

} // namespace

class TestFleetTable : public QObject {
  Q_OBJECT

private slots:
  void rowsFollowGatewaysAndBoards() {
    FleetTableModel m;
    m.setClock([] { return kNow; });
    // A gateway names its boards: rows at once, offline until each says it is connected.
    m.applyGatewayStatus("plant", gatewayStatus(true, {"b0", "b1"}));
    QCOMPARE(m.rowCount(), 2);
    QVERIFY(!m.isOnline("plant/gw1/b0"));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::LastSeenColumn), QString("never"));
    m.applyIdentity("plant", "gw1", identity("b0", 0x1234, kNow - 30000));
    m.applyState("plant", "gw1", boardState("b0", lnk::LinkState::Connected, kNow - 5000, 0x1234));
    QVERIFY(m.isOnline("plant/gw1/b0"));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::StateColumn), QString("Online"));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::LastSeenColumn), QString("5 s ago"));
    QVERIFY(m.index(0, 0).data(FleetTableLayout::OnlineRole).toBool());
    // b1 is reconnecting: offline, and says why.
    m.applyState("plant", "gw1", boardState("b1", lnk::LinkState::Reconnecting, kNow));
    QCOMPARE(cell(m, "plant/gw1/b1", FleetTableLayout::StateColumn),
             QString("Offline (reconnecting)"));
    // The gateway's last will: every board of it offline, whatever its own status says.
    m.applyGatewayStatus("plant", gatewayStatus(false, {}));
    QVERIFY(!m.isOnline("plant/gw1/b0"));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::StateColumn),
             QString("Offline (gateway lost)"));
    m.applyGatewayStatus("plant", gatewayStatus(true, {"b0", "b1"}));
    QVERIFY(m.isOnline("plant/gw1/b0"));
    // A board its gateway no longer serves (restarted without it) is not online either.
    m.applyGatewayStatus("plant", gatewayStatus(true, {"b1"}));
    QVERIFY(!m.isOnline("plant/gw1/b0"));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::StateColumn),
             QString("Offline (no longer served)"));
    // A board heard of before its gateway: a row, offline with the gateway unknown.
    m.applyIdentity("lab", "gw9", identity("x", 0, kNow));
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(cell(m, "lab/gw9/x", FleetTableLayout::StateColumn),
             QString("Offline (gateway unknown)"));
  }

  void modelMatchRatesAndSorting() {
    FleetTableModel m;
    m.setClock([] { return kNow; });
    m.applyGatewayStatus("plant", gatewayStatus(true, {"b0", "b1", "b2"}));
    m.applyIdentity("plant", "gw1", identity("b0", 0xAAAA0001, kNow));
    m.applyIdentity("plant", "gw1", identity("b1", 0xBBBB0002, kNow));
    m.applyIdentity("plant", "gw1", identity("b2", 0, kNow));
    m.setStudioModel(0xAAAA0001);
    const auto match = [&](int row) {
      return FleetModelMatch(m.index(row, 0).data(FleetTableLayout::ModelMatchRole).toInt());
    };
    QCOMPARE(match(0), FleetModelMatch::Matches);
    QCOMPARE(match(1), FleetModelMatch::Differs);
    QCOMPARE(match(2), FleetModelMatch::NoModel);
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::ModelColumn), QString("AAAA0001 = studio"));
    QCOMPARE(cell(m, "plant/gw1/b1", FleetTableLayout::ModelColumn), QString("BBBB0002 (other)"));
    // The studio learns on: b0 no longer runs its model.
    m.setStudioModel(0xCCCC0003);
    QCOMPARE(match(0), FleetModelMatch::Differs);
    // A newer status reports another model; an older identity does not undo it.
    m.applyState("plant", "gw1", boardState("b1", lnk::LinkState::Connected, kNow + 10, 0xCCCC0003));
    m.applyIdentity("plant", "gw1", identity("b1", 0xBBBB0002, kNow + 5));
    QCOMPARE(match(1), FleetModelMatch::Matches);

    // Rates from the stats; their sort keys are numbers (no stats sorts first).
    fleet::BoardStats s;
    s.board = "b0";
    s.t = kNow;
    s.eventRate = 12.5;
    s.rejectionRate = 0.25;
    m.applyStats("plant", "gw1", s);
    s.board = "b1";
    s.eventRate = 2.0;
    s.rejectionRate = 0.5;
    m.applyStats("plant", "gw1", s);
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::EventRateColumn), QString("12.5"));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::RejectionColumn), QString("25.0 %"));
    QCOMPARE(cell(m, "plant/gw1/b2", FleetTableLayout::EventRateColumn), QString("—"));
    QCOMPARE(m.index(0, FleetTableLayout::EventRateColumn).data(FleetTableLayout::SortRole)
                 .toDouble(), 12.5);
    QCOMPARE(m.index(2, FleetTableLayout::EventRateColumn).data(FleetTableLayout::SortRole)
                 .toDouble(), -1.0);
    // The filter text carries what a user types: ids, board name, state.
    const QString filter = m.index(0, 0).data(FleetTableLayout::FilterRole).toString();
    QVERIFY(filter.contains("plant") && filter.contains("gw1") && filter.contains("b0") &&
            filter.contains("virtual-board"));
  }

  void onlyTheStudiosPushMovesThePushColumn() {
    FleetTableModel m;
    m.setClock([] { return kNow; });
    m.applyGatewayStatus("plant", gatewayStatus(true, {"b0", "b1"}));
    m.applyIdentity("plant", "gw1", identity("b0", 0x11, kNow));
    m.applyIdentity("plant", "gw1", identity("b1", 0x11, kNow));
    // A retained outcome of someone's older push: not this studio's, changes nothing.
    fleet::PushOutcome old{"older", "b0", fleet::PushResult::Verified, 0x99, "ok", 10, kNow};
    QVERIFY(!m.applyOutcome("plant", "gw1", old));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::PushColumn), QString());
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::ModelColumn), QString("00000011 (other)"));

    m.startPush("plant/gw1/b0", "p1", 0x42, 2048);
    m.startPush("plant/gw1/b1", "p1", 0x42, 2048);
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::PushColumn), QString("Queued"));
    QVERIFY(m.applyProgress("plant", "gw1", {"p1", "b0", fleet::PushState::Sending, 1024, 2048, kNow}));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::PushColumn), QString("Sending 50 %"));
    QVERIFY(!m.applyProgress("plant", "gw1", {"other", "b0", fleet::PushState::Sending, 0, 1, kNow}));
    QVERIFY(m.applyOutcome("plant", "gw1",
                           {"p1", "b0", fleet::PushResult::Verified, 0x42, "activated", 50, kNow}));
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::PushColumn), QString("Verified"));
    m.setStudioModel(0x42);
    QCOMPARE(cell(m, "plant/gw1/b0", FleetTableLayout::ModelColumn), QString("00000042 = studio"));
    QCOMPARE(FleetPushPhase(m.index(0, 0).data(FleetTableLayout::PushPhaseRole).toInt()),
             FleetPushPhase::Verified);
    // A later progress of the finished push changes nothing.
    QVERIFY(!m.applyProgress("plant", "gw1", {"p1", "b0", fleet::PushState::Sending, 0, 1, kNow}));

    // "Verified" naming another model than the pushed one is not believed.
    QVERIFY(m.applyOutcome("plant", "gw1",
                           {"p1", "b1", fleet::PushResult::Verified, 0x43, "activated", 50, kNow}));
    QCOMPARE(FleetPushPhase(m.index(1, 0).data(FleetTableLayout::PushPhaseRole).toInt()),
             FleetPushPhase::Failed);
    QVERIFY(cell(m, "plant/gw1/b1", FleetTableLayout::PushColumn).startsWith("Failed: "));
  }
};

QTEST_GUILESS_MAIN(TestFleetTable)
#include "test_fleet_table.moc"
