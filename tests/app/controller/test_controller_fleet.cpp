// The studio's controller on a broker: a real mosquitto on a free localhost port, and a
// gateway the test plays with the reference codec (tests/app/fleet/fake_gateway.h). The fleet
// table fills; a board opened from it becomes the studio's board (its events enter the session
// with the board's prediction and descriptor, tags go back as label commands with the board's
// event ids, malformed events are counted and change nothing); the studio's model is pushed
// to it and to a selection of boards, and per-board outcomes are followed; nothing is pulled.
#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include "app/controller/studio_controller.h"
#include "tests/app/fleet/fake_gateway.h"
#include "tests/app/studio_test_util.h"

using dlm::app::BrokerSettings;
using dlm::app::BrokerStatusView;
using dlm::app::EventTableLayout;
using dlm::app::FleetPushSummary;
using dlm::app::FleetTableLayout;
using dlm::app::StudioController;
using dlm::app::test::FakeGateway;
using dlm::app::test::kBrokerTimeoutMs;
using dlm::fleetbench::BrokerProcess;
namespace fleet = dlm::fleet;
namespace lnk = dlm::link;

namespace {

constexpr int kLearnTimeoutMs = 60000;
const QString kBoard = QStringLiteral("plant/gw1/v00");

lnk::BoardEvent toBoardEvent(const dlm::app::test::Labelled& l, quint32 id) {
  lnk::BoardEvent e;
  e.id = id;
  e.startSample = 1000 * id;
  e.frames = 300;
  e.predictedClass = -1;
  e.bestClass = 0;
  e.confidence = 0.5f;
  e.knownScore = 0.25f;
  e.descriptor = l.event.descriptor;
  return e;
}

int rowOf(const QAbstractItemModel* m, const QString& key) {
  for (int row = 0; row < m->rowCount(); ++row)
    if (m->index(row, 0).data(FleetTableLayout::KeyRole).toString() == key) return row;
  return -1;
}

} // namespace

// One gateway and one studio for the whole test; the slots run in order, each a step.
class TestControllerFleet : public QObject {
  Q_OBJECT
  BrokerProcess m_broker;
  std::unique_ptr<FakeGateway> m_gw;
  std::unique_ptr<StudioController> m_c;
  std::unique_ptr<QSignalSpy> m_ready;
  std::unique_ptr<QSignalSpy> m_lost;
  QVector<dlm::app::test::Labelled> m_blobs;
  quint32 m_studio = 0;

  int idAt(int row) const {
    return m_c->events()->model()->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
  }

private slots:
  void initTestCase() {
    if (!BrokerProcess::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_gw = std::make_unique<FakeGateway>(m_broker, "plant", "gw1");
    QVERIFY(m_gw->waitConnected());
    QVERIFY(m_gw->online({"v00", "v01"}) && m_gw->boardUp("v00") && m_gw->boardUp("v01"));
    m_c = std::make_unique<StudioController>();
    m_ready = std::make_unique<QSignalSpy>(m_c.get(), &StudioController::boardReady);
    m_lost = std::make_unique<QSignalSpy>(m_c.get(), &StudioController::boardLost);
  }

  void cleanupTestCase() {
    if (m_gw) m_gw->clearRetained({"v00", "v01"});
    m_c.reset();
  }

  void fleetTableFills() {
    BrokerSettings s;
    s.host = "127.0.0.1";
    s.port = m_broker.port();
    QString error;
    QVERIFY2(m_c->connectToBroker(s, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(m_c->brokerStatus().state, BrokerStatusView::State::Connected,
                              kBrokerTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_c->fleetBoards()->rowCount(), 2, kBrokerTimeoutMs);
    QVERIFY(rowOf(m_c->fleetBoards(), kBoard) >= 0);
  }

  // Opened: the studio's board, as if it were on a cable.
  void openedBoardIsTheStudiosBoard() {
    m_c->openFleetBoard(kBoard);
    QTRY_COMPARE_WITH_TIMEOUT(m_ready->size(), 1, kBrokerTimeoutMs);
    const auto info = m_ready->last().at(0).value<dlm::app::BoardInfoView>();
    QCOMPARE(info.fleetKey, kBoard);
    QCOMPARE(info.channels, 3);
    QCOMPARE(info.boardName, QString("virtual-board"));
    QVERIFY(m_c->isFleetBoard());
    QVERIFY(m_c->isBoardConnected());
    QCOMPARE(m_c->boardInfo().fleetKey, kBoard);
    // Its samples are asked for, and its status (threshold, trigger); not another board's.
    QTRY_VERIFY_WITH_TIMEOUT(!m_gw->commandsOf("v00", fleet::CommandOp::Watch).isEmpty(),
                             kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_gw->commandsOf("v00", fleet::CommandOp::Status).isEmpty(),
                             kBrokerTimeoutMs);
    QVERIFY(m_gw->commandsOf("v01", fleet::CommandOp::Watch).isEmpty());
  }

  // Its events enter the session with its prediction and descriptor; v01's do not; a
  // malformed one is counted and ignored; tags go back as labels of the board's own ids.
  void eventsEnterTheSessionAndTagsGoBack() {
    m_blobs = dlm::app::test::blobEvents(16, 2);
    for (int i = 0; i < m_blobs.size(); ++i)
      QVERIFY(m_gw->event("v00", quint64(i + 1), toBoardEvent(m_blobs[i], quint32(200 + i))));
    QVERIFY(m_gw->event("v01", 1, toBoardEvent(m_blobs[0], 999)));
    dlm::app::StudioEvents* events = m_c->events();
    QTRY_COMPARE_WITH_TIMEOUT(events->eventCount(), m_blobs.size(), kBrokerTimeoutMs);
    QVERIFY(events->event(idAt(0)).board.valid);
    QCOMPARE(events->event(idAt(0)).board.knownScore, 0.25f);
    QCOMPARE(events->event(idAt(0)).board.confidence, 0.5f);  // descriptors: learnt below
    const quint64 malformed = m_c->brokerStatus().malformed;
    QVERIFY(m_gw->publish(m_gw->topic(fleet::TopicKind::Event, "v00"),
                          "{\"board\":\"v00\",\"seq\":99}"));
    QTRY_COMPARE_WITH_TIMEOUT(m_c->brokerStatus().malformed, malformed + 1, kBrokerTimeoutMs);
    QCOMPARE(events->eventCount(), m_blobs.size());

    QCOMPARE(events->createClass("a"), 0);
    QCOMPARE(events->createClass("b"), 1);
    for (int row = 0; row < m_blobs.size(); ++row)
      QVERIFY(events->tagEvents({idAt(row)}, m_blobs[row].gesture));
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->commandsOf("v00", fleet::CommandOp::Label).size(),
                              int(m_blobs.size()), kBrokerTimeoutMs);
    const fleet::FleetCommand first = m_gw->commandsOf("v00", fleet::CommandOp::Label)[0];
    QCOMPARE(first.eventId, 200u);
    QCOMPARE(first.classIndex, m_blobs[0].gesture);
    QTRY_VERIFY_WITH_TIMEOUT(m_c->isLearningUpToDate() && m_c->studioModelIdentity() != 0,
                             kLearnTimeoutMs);
    m_studio = m_c->studioModelIdentity();
    const int v00 = rowOf(m_c->fleetBoards(), kBoard);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_c->fleetBoards()->index(v00, 0).data(FleetTableLayout::ModelMatchRole).toInt(),
        int(dlm::app::FleetModelMatch::NoModel), kBrokerTimeoutMs);
  }

  // A ModelPush for it alone; progress, and done only once verified.
  void pushToTheOpenedBoard() {
    QSignalSpy progress(m_c.get(), &StudioController::pushProgress);
    QSignalSpy pushed(m_c.get(), &StudioController::pushFinished);
    m_c->pushModel();
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->pushes.size(), 1, kBrokerTimeoutMs);
    const fleet::ModelPush push = m_gw->pushes[0];
    QCOMPARE(push.targets, QStringList{"v00"});
    QCOMPARE(push.modelCrc, m_studio);
    QCOMPARE(lnk::modelIdentity(push.model), m_studio);
    QVERIFY(m_gw->progress("v00", push.push, fleet::PushState::Sending, 512,
                           quint32(push.model.size())));
    QTRY_COMPARE_WITH_TIMEOUT(progress.size(), 1, kBrokerTimeoutMs);
    QCOMPARE(progress[0][0].toLongLong(), 512);
    QVERIFY(pushed.isEmpty()); // nothing is said done before the board verified it
    QVERIFY(m_gw->outcome("v00", push.push, fleet::PushResult::Verified, m_studio, "activated"));
    QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 1, kBrokerTimeoutMs);
    QVERIFY(pushed[0][0].toBool());
    QCOMPARE(m_c->boardModelIdentity(), m_studio);
    QVERIFY(m_c->boardModelStaleReason().isEmpty());
    const int v00 = rowOf(m_c->fleetBoards(), kBoard);
    QCOMPARE(m_c->fleetBoards()->index(v00, 0).data(FleetTableLayout::ModelMatchRole).toInt(),
             int(dlm::app::FleetModelMatch::Matches));
  }

  // One outcome each; the summary says how many took it.
  void pushToASelection() {
    QSignalSpy summaries(m_c.get(), &StudioController::fleetPushChanged);
    QSignalSpy pushed(m_c.get(), &StudioController::pushFinished);
    QString error;
    QVERIFY2(m_c->pushModelToFleet({kBoard, "plant/gw1/v01"}, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->pushes.size(), 2, kBrokerTimeoutMs);
    const fleet::ModelPush both = m_gw->pushes[1];
    QCOMPARE(both.targets, (QStringList{"v00", "v01"}));
    QVERIFY(m_gw->outcome("v00", both.push, fleet::PushResult::Verified, m_studio, "already active"));
    QVERIFY(m_gw->outcome("v01", both.push, fleet::PushResult::Failed, 0, "refused: corrupt"));
    QTRY_VERIFY_WITH_TIMEOUT(m_c->fleetPush().finished() && m_c->fleetPush().push == both.push,
                             kBrokerTimeoutMs);
    QCOMPARE(m_c->fleetPush().verified, 1);
    QCOMPARE(m_c->fleetPush().failed, 1);
    QCOMPARE(summaries.last().at(0).value<FleetPushSummary>().targets, 2);
    QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 1, kBrokerTimeoutMs); // the opened board's
    const int v01 = rowOf(m_c->fleetBoards(), "plant/gw1/v01");
    QVERIFY(m_c->fleetBoards()->index(v01, FleetTableLayout::PushColumn).data(Qt::ToolTipRole)
                .toString().contains("refused: corrupt"));
  }

  void nothingIsPulled() {
    QSignalSpy problems(m_c.get(), &StudioController::problem);
    m_c->pullModel();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0][0].toString(), StudioController::fleetPullRefusal());
  }

  // Its gateway dies (its last will): the board is lost, and back when the gateway is.
  void gatewayLostAndBack() {
    QVERIFY(m_gw->online({"v00", "v01"}, false));
    QTRY_COMPARE_WITH_TIMEOUT(m_lost->size(), 1, kBrokerTimeoutMs);
    QVERIFY(!m_c->isBoardConnected());
    QVERIFY(m_gw->online({"v00", "v01"}));
    QTRY_COMPARE_WITH_TIMEOUT(m_ready->size(), 2, kBrokerTimeoutMs);
    QVERIFY(m_c->isBoardConnected());
  }

  // Disconnected on purpose: no longer the studio's board; its samples are stopped.
  void disconnectedOnPurpose() {
    m_c->disconnectBoard();
    QVERIFY(!m_c->isFleetBoard());
    QTRY_COMPARE_WITH_TIMEOUT(m_lost->size(), 2, kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_gw->commandsOf("v00", fleet::CommandOp::Watch).last().seconds == 0,
                             kBrokerTimeoutMs);
  }
};

QTEST_MAIN(TestControllerFleet)
#include "test_controller_fleet.moc"
