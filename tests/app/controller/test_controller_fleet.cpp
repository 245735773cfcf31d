// The studio's controller on a broker: a real mosquitto on a free localhost port, and a
// gateway the test plays with the reference codec (tests/app/fleet/fake_gateway.h). The fleet
// table fills; a board opened from it becomes the studio's board (its events enter the session
// with the board's prediction and descriptor, tags go back as label commands with the board's
// event ids, malformed events are counted and change nothing); the studio's model is pushed
// to it and to a selection of boards, and per-board outcomes are followed; nothing is pulled.
#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QtTest>

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
using dlm::testing::MosquittoBroker;
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

class TestControllerFleet : public QObject {
  Q_OBJECT
  MosquittoBroker m_broker;

  bool connectStudio(StudioController& c) {
    BrokerSettings s;
    s.host = "127.0.0.1";
    s.port = m_broker.port();
    QString error;
    if (!c.connectToBroker(s, &error)) return false;
    return QTest::qWaitFor(
        [&] { return c.brokerStatus().state == BrokerStatusView::State::Connected; },
        kBrokerTimeoutMs);
  }

private slots:
  void initTestCase() {
    if (!MosquittoBroker::available()) QSKIP("SKIP: mosquitto not found (apt-get install mosquitto)");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
  }

  void openTagPushAndFollowTheFleet() {
    FakeGateway gw(m_broker, "plant", "gw1");
    QVERIFY(gw.waitConnected());
    QVERIFY(gw.online({"v00", "v01"}) && gw.boardUp("v00") && gw.boardUp("v01"));
    StudioController c;
    QSignalSpy ready(&c, &StudioController::boardReady);
    QSignalSpy lost(&c, &StudioController::boardLost);
    QSignalSpy problems(&c, &StudioController::problem);
    QVERIFY(connectStudio(c));
    QTRY_COMPARE_WITH_TIMEOUT(c.fleetBoards()->rowCount(), 2, kBrokerTimeoutMs);
    QVERIFY(rowOf(c.fleetBoards(), kBoard) >= 0);

    // Opened: the studio's board, as if it were on a cable.
    c.openFleetBoard(kBoard);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kBrokerTimeoutMs);
    const auto info = ready.last().at(0).value<dlm::app::BoardInfoView>();
    QCOMPARE(info.fleetKey, kBoard);
    QCOMPARE(info.channels, 3);
    QCOMPARE(info.boardName, QString("virtual-board"));
    QVERIFY(c.isFleetBoard());
    QVERIFY(c.isBoardConnected());
    QCOMPARE(c.boardInfo().fleetKey, kBoard);
    // Its samples are asked for, and its status (threshold, trigger).
    QTRY_VERIFY_WITH_TIMEOUT(!gw.commandsOf("v00", fleet::CommandOp::Watch).isEmpty(),
                             kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!gw.commandsOf("v00", fleet::CommandOp::Status).isEmpty(),
                             kBrokerTimeoutMs);
    QVERIFY(gw.commandsOf("v01", fleet::CommandOp::Watch).isEmpty());

    // Its events enter the session with its prediction and descriptor; v01's do not.
    const QVector<dlm::app::test::Labelled> blobs = dlm::app::test::blobEvents(16, 2);
    for (int i = 0; i < blobs.size(); ++i)
      QVERIFY(gw.event("v00", quint64(i + 1), toBoardEvent(blobs[i], quint32(200 + i))));
    QVERIFY(gw.event("v01", 1, toBoardEvent(blobs[0], 999)));
    dlm::app::StudioEvents* events = c.events();
    QTRY_COMPARE_WITH_TIMEOUT(events->eventCount(), blobs.size(), kBrokerTimeoutMs);
    const auto idAt = [&](int row) {
      return events->model()->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
    };
    QVERIFY(events->event(idAt(0)).board.valid);
    QCOMPARE(events->event(idAt(0)).board.knownScore, 0.25f);
    QCOMPARE(events->event(idAt(0)).board.confidence, 0.5f);  // descriptors: learnt below

    // A malformed event: counted, ignored.
    const quint64 malformed = c.brokerStatus().malformed;
    QVERIFY(gw.publish(gw.topic(fleet::TopicKind::Event, "v00"), "{\"board\":\"v00\",\"seq\":99}"));
    QTRY_COMPARE_WITH_TIMEOUT(c.brokerStatus().malformed, malformed + 1, kBrokerTimeoutMs);
    QCOMPARE(events->eventCount(), blobs.size());

    // Tags go to the board as labels of its own event ids, through its gateway.
    QCOMPARE(events->createClass("a"), 0);
    QCOMPARE(events->createClass("b"), 1);
    for (int row = 0; row < blobs.size(); ++row)
      QVERIFY(events->tagEvents({idAt(row)}, blobs[row].gesture));
    QTRY_COMPARE_WITH_TIMEOUT(gw.commandsOf("v00", fleet::CommandOp::Label).size(),
                              int(blobs.size()), kBrokerTimeoutMs);
    const fleet::FleetCommand first = gw.commandsOf("v00", fleet::CommandOp::Label)[0];
    QCOMPARE(first.eventId, 200u);
    QCOMPARE(first.classIndex, blobs[0].gesture);
    QTRY_VERIFY_WITH_TIMEOUT(c.isLearningUpToDate() && c.studioModelIdentity() != 0,
                             kLearnTimeoutMs);
    const quint32 studio = c.studioModelIdentity();
    QTRY_COMPARE_WITH_TIMEOUT(
        c.fleetBoards()->index(0, 0).data(FleetTableLayout::ModelMatchRole).toInt(),
        int(dlm::app::FleetModelMatch::NoModel), kBrokerTimeoutMs);

    // Push to the opened board: a ModelPush for it alone; progress and verified outcome.
    QSignalSpy progress(&c, &StudioController::pushProgress);
    QSignalSpy pushed(&c, &StudioController::pushFinished);
    c.pushModel();
    QTRY_COMPARE_WITH_TIMEOUT(gw.pushes.size(), 1, kBrokerTimeoutMs);
    const fleet::ModelPush push = gw.pushes[0];
    QCOMPARE(push.targets, QStringList{"v00"});
    QCOMPARE(push.modelCrc, studio);
    QCOMPARE(lnk::modelIdentity(push.model), studio);
    QVERIFY(gw.progress("v00", push.push, fleet::PushState::Sending, 512, quint32(push.model.size())));
    QTRY_COMPARE_WITH_TIMEOUT(progress.size(), 1, kBrokerTimeoutMs);
    QCOMPARE(progress[0][0].toLongLong(), 512);
    QVERIFY(pushed.isEmpty()); // nothing is said done before the board verified it
    QVERIFY(gw.outcome("v00", push.push, fleet::PushResult::Verified, studio, "activated"));
    QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 1, kBrokerTimeoutMs);
    QVERIFY(pushed[0][0].toBool());
    QCOMPARE(c.boardModelIdentity(), studio);
    QVERIFY(c.boardModelStaleReason().isEmpty());
    const int v00 = rowOf(c.fleetBoards(), kBoard);
    QCOMPARE(c.fleetBoards()->index(v00, 0).data(FleetTableLayout::ModelMatchRole).toInt(),
             int(dlm::app::FleetModelMatch::Matches));

    // Push to a selection: one outcome each; the summary says how many took it.
    QSignalSpy summaries(&c, &StudioController::fleetPushChanged);
    QString error;
    QVERIFY2(c.pushModelToFleet({kBoard, "plant/gw1/v01"}, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(gw.pushes.size(), 2, kBrokerTimeoutMs);
    const fleet::ModelPush both = gw.pushes[1];
    QCOMPARE(both.targets, (QStringList{"v00", "v01"}));
    QVERIFY(gw.outcome("v00", both.push, fleet::PushResult::Verified, studio, "already active"));
    QVERIFY(gw.outcome("v01", both.push, fleet::PushResult::Failed, 0, "refused: corrupt"));
    QTRY_VERIFY_WITH_TIMEOUT(c.fleetPush().finished() && c.fleetPush().push == both.push,
                             kBrokerTimeoutMs);
    QCOMPARE(c.fleetPush().verified, 1);
    QCOMPARE(c.fleetPush().failed, 1);
    QCOMPARE(summaries.last().at(0).value<FleetPushSummary>().targets, 2);
    QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 2, kBrokerTimeoutMs);
    const int v01 = rowOf(c.fleetBoards(), "plant/gw1/v01");
    QVERIFY(c.fleetBoards()->index(v01, FleetTableLayout::PushColumn).data().toString()
                .contains("refused: corrupt"));

    // Nothing is pulled through the broker.
    problems.clear();
    c.pullModel();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0][0].toString(), StudioController::fleetPullRefusal());

    // Its gateway dies (its last will): the board is lost, and back when the gateway is.
    QVERIFY(gw.online({"v00", "v01"}, false));
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, kBrokerTimeoutMs);
    QVERIFY(!c.isBoardConnected());
    QVERIFY(gw.online({"v00", "v01"}));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, kBrokerTimeoutMs);

    // Disconnected on purpose: no longer the studio's board; its samples stop.
    c.disconnectBoard();
    QVERIFY(!c.isFleetBoard());
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 2, kBrokerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(gw.commandsOf("v00", fleet::CommandOp::Watch).last().seconds == 0,
                             kBrokerTimeoutMs);
    gw.clearRetained({"v00", "v01"});
  }
};

QTEST_MAIN(TestControllerFleet)
#include "test_controller_fleet.moc"
