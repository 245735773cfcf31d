// The Fleet view (ui/fleet/fleet_panel.h) on the application layer's own fleet table, filled
// with decoded payloads: its empty states say what to do, rows show once boards are known,
// the filter matches every word typed, "online only" hides the rest, columns sort by value,
// the buttons follow the selection (and the studio having a model), and what the user asks
// (open one board, push to a selection) comes out as signals with the boards' keys.
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

#include "app/fleet/fleet_table_model.h"
#include "ui/fleet/fleet_panel.h"

using dlm::app::BrokerStatusView;
using dlm::app::FleetTableLayout;
using dlm::app::FleetTableModel;
using dlm::ui::FleetPanel;
namespace fleet = dlm::fleet;
namespace lnk = dlm::link;

namespace {

void addGateway(FleetTableModel& m, const QString& gateway, const QStringList& boards,
                const QStringList& up, double rateBase) {
  fleet::GatewayStatus g;
  g.gateway = gateway;
  g.site = "plant";
  g.online = true;
  g.stream = "ab";
  g.boards = boards;
  m.applyGatewayStatus("plant", g);
  for (int i = 0; i < boards.size(); ++i) {
    fleet::BoardIdentity id;
    id.board = boards[i];
    id.info.boardName = "virtual-board";
    id.info.modelCrc = 0x100u + quint32(i);
    id.t = fleet::nowMs();
    m.applyIdentity("plant", gateway, id);
    fleet::BoardState s;
    s.board = boards[i];
    s.state = up.contains(boards[i]) ? lnk::LinkState::Connected : lnk::LinkState::Reconnecting;
    s.t = id.t;
    m.applyState("plant", gateway, s);
    fleet::BoardStats st;
    st.board = boards[i];
    st.t = id.t;
    st.eventRate = rateBase + i;
    st.rejectionRate = 0.1;
    m.applyStats("plant", gateway, st);
  }
}

BrokerStatusView connected() {
  BrokerStatusView s;
  s.state = BrokerStatusView::State::Connected;
  s.address = "localhost:1883";
  s.message = "Connected to the broker at localhost:1883.";
  return s;
}

QPushButton* button(FleetPanel& p, const char* name) {
  return p.findChild<QPushButton*>(QString::fromLatin1(name));
}

QStringList shownKeys(FleetPanel& p) {
  QStringList keys;
  QAbstractItemModel* m = p.shownModel();
  for (int row = 0; row < m->rowCount(); ++row)
    keys << m->index(row, 0).data(FleetTableLayout::KeyRole).toString();
  return keys;
}

} // namespace

class TestFleetPanel : public QObject {
  Q_OBJECT
  QTranslator m_english; // "2 boards", not "2 board(s)"

private slots:
  void initTestCase() {
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QCoreApplication::installTranslator(&m_english);
  }

  void emptyStatesSayWhatToDo() {
    FleetTableModel model;
    FleetPanel panel;
    panel.setBoardsModel(&model);
    panel.resize(900, 300);
    panel.show();
    QVERIFY(!panel.isShowingTable());
    auto* empty = panel.findChild<QLabel*>("fleetEmpty");
    QVERIFY(empty->text().contains("Connect to the MQTT broker"));
    QCOMPARE(panel.statusText(), QString("Not connected to a broker"));
    QCOMPARE(button(panel, "brokerConnect")->text(), QString("Connect to a broker…"));
    QSignalSpy connectAsked(&panel, &FleetPanel::connectRequested);
    button(panel, "brokerConnect")->click();
    QCOMPARE(connectAsked.size(), 1);
    panel.setBrokerStatus(connected());
    QVERIFY(empty->text().contains("start a gateway"));
    QCOMPARE(panel.statusText(), QString("Broker localhost:1883"));
    BrokerStatusView retrying = connected();
    retrying.state = BrokerStatusView::State::Retrying;
    retrying.message = "Cannot reach the broker at localhost:1883 (Connection refused).";
    panel.setBrokerStatus(retrying);
    QVERIFY(panel.statusText().contains("retrying"));
    QCOMPARE(panel.findChild<QLabel*>("brokerStatus")->toolTip(), retrying.message);
  }

  void rowsFilterSortAndSelect() {
    FleetTableModel model;
    addGateway(model, "gw1", {"b0", "b1", "b2"}, {"b0", "b2"}, 1.0);
    addGateway(model, "gw2", {"c0"}, {"c0"}, 10.0);
    FleetPanel panel;
    panel.setBoardsModel(&model);
    panel.setBrokerStatus(connected());
    panel.resize(1000, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.isShowingTable());
    QCOMPARE(panel.countText(), QString("3 of 4 boards online"));
    QCOMPARE(shownKeys(panel),
             (QStringList{"plant/gw1/b0", "plant/gw1/b1", "plant/gw1/b2", "plant/gw2/c0"}));

    // Every word typed must match: the gateway and the state.
    panel.findChild<QLineEdit*>("fleetFilter")->setText("gw1 offline");
    QCOMPARE(shownKeys(panel), QStringList{"plant/gw1/b1"});
    panel.setFilterText(QString());
    panel.setOnlineOnly(true);
    QCOMPARE(shownKeys(panel), (QStringList{"plant/gw1/b0", "plant/gw1/b2", "plant/gw2/c0"}));
    panel.setOnlineOnly(false);

    // Sorted by value: the busiest board first.
    panel.table()->sortByColumn(FleetTableLayout::EventRateColumn, Qt::DescendingOrder);
    QCOMPARE(shownKeys(panel).first(), QString("plant/gw2/c0"));
    QCOMPARE(shownKeys(panel).last(), QString("plant/gw1/b0"));
    panel.table()->sortByColumn(FleetTableLayout::SiteColumn, Qt::AscendingOrder);

    // Buttons follow the selection; push needs a model.
    QPushButton* open = button(panel, "fleetOpen");
    QPushButton* push = button(panel, "fleetPush");
    QVERIFY(!open->isEnabled() && !push->isEnabled());
    panel.selectKeys({"plant/gw1/b0", "plant/gw2/c0"});
    QCOMPARE(panel.selectedKeys(), (QStringList{"plant/gw1/b0", "plant/gw2/c0"}));
    QCOMPARE(push->text(), QString("Push model to 2 boards"));
    QVERIFY(!open->isEnabled());
    QVERIFY(!push->isEnabled());
    QVERIFY(push->toolTip().contains("no model yet"));
    panel.setStudioModel(0x1234);
    QVERIFY(push->isEnabled());
    QSignalSpy pushAsked(&panel, &FleetPanel::pushRequested);
    push->click();
    QCOMPARE(pushAsked.size(), 1);
    QCOMPARE(pushAsked[0][0].toStringList(), (QStringList{"plant/gw1/b0", "plant/gw2/c0"}));

    QSignalSpy openAsked(&panel, &FleetPanel::openRequested);
    panel.selectKeys({"plant/gw1/b2"});
    QVERIFY(open->isEnabled());
    open->click();
    QCOMPARE(openAsked.size(), 1);
    QCOMPARE(openAsked[0][0].toString(), QString("plant/gw1/b2"));
    // Double-clicking a row opens it too; the opened board is shown in bold.
    const QModelIndex c0 = panel.shownModel()->index(3, FleetTableLayout::BoardColumn);
    const QRect cell = panel.table()->visualRect(c0);
    // (A view takes a double click on the item pressed first, as a real one is.)
    QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(panel.table()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(openAsked.size(), 2);
    QCOMPARE(openAsked[1][0].toString(), QString("plant/gw2/c0"));
    panel.setOpenedBoard("plant/gw2/c0");
    QVERIFY(c0.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!panel.shownModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());

    // Not connected: nothing to open or push through.
    panel.setBrokerStatus(BrokerStatusView());
    QVERIFY(!open->isEnabled() && !push->isEnabled());
  }

  void pushSummaryAndMalformedAreShown() {
    FleetTableModel model;
    addGateway(model, "gw1", {"b0"}, {"b0"}, 1.0);
    FleetPanel panel;
    panel.setBoardsModel(&model);
    BrokerStatusView s = connected();
    panel.setBrokerStatus(s);
    panel.show();
    QLabel* malformed = panel.findChild<QLabel*>("fleetMalformed");
    QVERIFY(malformed != nullptr);
    QVERIFY(!malformed->isVisible());
    s.malformed = 3;
    s.lastMalformed = "dlm/v1/plant/gw1/b0/event: member \"seq\": missing";
    panel.setBrokerStatus(s);
    QVERIFY(malformed->isVisible());
    QCOMPARE(malformed->text(), QString("3 malformed messages ignored"));
    QCOMPARE(malformed->toolTip(), s.lastMalformed);
    dlm::app::FleetPushSummary summary;
    summary.push = "p1";
    summary.modelIdentity = 0xABCD;
    summary.targets = 4;
    summary.verified = 2;
    summary.failed = 1;
    summary.pending = 1;
    panel.setPushSummary(summary);
    QCOMPARE(panel.pushSummaryText(),
             QString("Push of 0000ABCD: 2 verified, 1 failed, 1 in progress"));
  }
};

QTEST_MAIN(TestFleetPanel)
#include "test_fleet_panel.moc"
