// Board and studio agree, through the controller against the link tests' software board:
// untagging or discarding an event reaches the board as a forget, and what the board cannot
// follow (it cannot unlearn) marks its model stale until a push; the trigger the board reports
// reaches the controller's signal (the live plot's threshold line); after a push the studio's
// and the board's model identities are one and the same (core's dlm::ModelInfo::crc).
#include <QSignalSpy>
#include <QtTest>

#include <cstdint>

#include "core/model_format.h"
#include "tests/app/controller/controller_rig.h"

using namespace dlm;
using app::StudioController;
using app::StudioEvents;
using app::test::kTimeoutMs;
using app::test::Rig;
using protocol::CommandId;

namespace {

// Once \p rig's board has reported one more event, every message it sent before (such as an
// event re-reported as learned) has been handled by the controller: the link keeps the order.
bool boardMessagesHandled(Rig& rig) {
  return rig.boardReports(app::test::blobEvents(1, 1)).size() == 1;
}

quint32 coreIdentity(const QByteArray& model) {
  ModelInfo info;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(model.constData());
  return inspectModel(bytes, std::size_t(model.size()), &info) == Status::Ok ? info.crc : 0;
}

} // namespace

class TestControllerBoard : public QObject {
  Q_OBJECT

private slots:
  void untagAndDiscardReachTheBoardAsForgets() {
    Rig rig;
    QVERIFY(rig.connectAndSettle());
    const QVector<int> ids = rig.boardReports(app::test::blobEvents(3, 1));
    QCOMPARE(ids.size(), 3);
    StudioEvents* events = rig.controller.events();
    // Marked unknown, then discarded: the board has nothing to learn from either.
    QVERIFY(events->tagEvents({ids[0]}, app::kOutlier));
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.forgotten(), QList<std::uint32_t>{rig.boardIdOf(0)},
                              kTimeoutMs);
    QVERIFY(events->discardEvents({ids[1]}));
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.forgotten(),
                              (QList<std::uint32_t>{rig.boardIdOf(0), rig.boardIdOf(1)}),
                              kTimeoutMs);
    // The board had learned neither: its model is as good as before.
    QVERIFY(rig.controller.boardModelStaleReason().isEmpty());
    // Back from the undo stack, a forgotten event is the studio's alone: a tag is not sent
    // (the board would refuse it), while an event the board remembers is labelled.
    events->undo();
    QCOMPARE(events->eventCount(), 3);
    QCOMPARE(events->createClass(QStringLiteral("a")), 0);
    QVERIFY(events->tagEvents({ids[1], ids[2]}, 0));
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.count(CommandId::LabelEvent), 1, kTimeoutMs);
    QCOMPARE(rig.board.labels().first().first, rig.boardIdOf(2));
    QTest::qWait(200);
    QCOMPARE(rig.board.count(CommandId::LabelEvent), 1);
  }

  void untaggingWhatTheBoardLearnedMarksItsModelStale() {
    Rig rig;
    QVERIFY(rig.connectAndSettle());
    const QVector<int> ids = rig.boardReports(app::test::blobEvents(2, 1));
    StudioEvents* events = rig.controller.events();
    events->createClass(QStringLiteral("shake"));
    QVERIFY(events->tagEvents({ids[0]}, 0));
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.labels().size(), 1, kTimeoutMs);
    QVERIFY(boardMessagesHandled(rig));  // the board's "learned" report is in
    QSignalSpy stale(&rig.controller, &StudioController::boardModelStale);
    QVERIFY(events->tagEvents({ids[0]}, app::kUntagged));
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.forgotten(), QList<std::uint32_t>{rig.boardIdOf(0)},
                              kTimeoutMs);
    // Forgotten, but still in the board's model: said so, with what to do.
    QCOMPARE(stale.count(), 1);
    const QString reason = stale.last().at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("#%1").arg(ids[0])), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("shake")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("Push")), qPrintable(reason));
    QCOMPARE(rig.controller.boardModelStaleReason(), reason);
    // An event the board never learned changes nothing there.
    QVERIFY(events->discardEvents({ids[1]}));
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.forgotten().size(), 2, kTimeoutMs);
    QCOMPARE(stale.count(), 1);
  }

  // A board that learns on-board has a model: the controller asks for its identity once the
  // learned events are reported (the Board panel would say "none" beside its predictions).
  void learningOnTheBoardRefreshesItsModelIdentity() {
    Rig rig;
    QVERIFY(rig.connectAndSettle());
    const int before = rig.board.count(CommandId::GetStatus);
    const QVector<int> ids = rig.boardReports(app::test::blobEvents(3, 1));
    StudioEvents* events = rig.controller.events();
    events->createClass(QStringLiteral("shake"));
    QVERIFY(events->tagEvents({ids[0], ids[1], ids[2]}, 0));
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.labels().size(), 3, kTimeoutMs);
    QVERIFY(boardMessagesHandled(rig));  // the "learned" reports are in
    // One request for the three reports (coalesced), answered with the board's identity.
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.count(CommandId::GetStatus), before + 1, kTimeoutMs);
    QTest::qWait(3 * StudioController::kBoardLearnedQuietMs);
    QCOMPARE(rig.board.count(CommandId::GetStatus), before + 1);
  }

  void aPushBringsAStaleBoardBackInStep() {
    Rig rig;
    QVERIFY(rig.connectAndSettle());
    QVERIFY(rig.learnAModel());  // every event labelled on the board too
    QVERIFY(boardMessagesHandled(rig));
    StudioEvents* events = rig.controller.events();
    const int first =
        events->model()->index(0, 0).data(app::EventTableLayout::EventIdRole).toInt();
    QSignalSpy stale(&rig.controller, &StudioController::boardModelStale);
    QVERIFY(events->discardEvents({first}));
    QTRY_COMPARE_WITH_TIMEOUT(stale.count(), 1, kTimeoutMs);
    QVERIFY(!stale.last().at(0).toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(rig.board.forgotten().contains(rig.boardIdOf(0)), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(rig.controller.isLearningUpToDate(), app::test::kLearnTimeoutMs);
    QSignalSpy pushed(&rig.controller, &StudioController::pushFinished);
    rig.controller.pushModel();
    QVERIFY(pushed.wait(kTimeoutMs));
    QVERIFY2(pushed.last().at(0).toBool(), qPrintable(pushed.last().at(1).toString()));
    QCOMPARE(stale.count(), 2);
    QVERIFY(stale.last().at(0).toString().isEmpty());
    QVERIFY(rig.controller.boardModelStaleReason().isEmpty());
  }

  void studioAndBoardIdentitiesAgreeAfterAPush() {
    Rig rig;
    QVERIFY(rig.connectAndSettle());
    QVERIFY(rig.learnAModel());
    QSignalSpy hashes(&rig.controller, &StudioController::modelHashesChanged);
    QSignalSpy pushed(&rig.controller, &StudioController::pushFinished);
    rig.controller.pushModel();
    QVERIFY(pushed.wait(kTimeoutMs));
    QVERIFY2(pushed.last().at(0).toBool(), qPrintable(pushed.last().at(1).toString()));
    const quint32 studio = rig.controller.studioModelIdentity();
    QVERIFY(studio != 0);
    // One identity: the studio's (from the learner), the one the board reports (the link
    // reads it from the model), and core's definition of it, all on the same bytes.
    QCOMPARE(rig.controller.boardModelIdentity(), studio);
    QCOMPARE(coreIdentity(rig.board.activeModel()), studio);
    QCOMPARE(link::modelIdentity(rig.board.activeModel()), studio);
    QTRY_VERIFY_WITH_TIMEOUT(!hashes.isEmpty(), kTimeoutMs);
    QCOMPARE(hashes.last().at(0).toUInt(), studio);
    QCOMPARE(hashes.last().at(1).toUInt(), studio);
    // A reconnection hears the same identity in the board's Hello.
    rig.controller.disconnectBoard();
    QVERIFY(rig.connectAndSettle());
    QCOMPARE(rig.controller.boardModelIdentity(), studio);
    QCOMPARE(rig.controller.boardInfo().modelIdentity, studio);
  }

  void theBoardsTriggerReachesTheController() {
    Rig rig;
    rig.board.setTrigger({900.0f, 50, 100, 80, 1500});
    QSignalSpy trigger(&rig.controller, &StudioController::boardTriggerChanged);
    QVERIFY(rig.connectAndSettle());
    QCOMPARE(trigger.count(), 1);
    QCOMPARE(trigger.last().at(0).toFloat(), 900.0f);
    const app::TriggerView known = rig.controller.boardTrigger();
    QCOMPARE(known.preTriggerFrames, 50);
    QCOMPARE(known.minFrames, 80);
    QCOMPARE(known.maxFrames, 1500);
    // The studio's own edit goes to the board with the board's other settings; the board's
    // confirmation of it is not news.
    rig.controller.setTriggerThreshold(1200.0f);
    QTRY_COMPARE_WITH_TIMEOUT(rig.board.trigger().threshold, 1200.0f, kTimeoutMs);
    QCOMPARE(rig.board.trigger().preTriggerFrames, std::uint16_t(50));
    QCOMPARE(rig.board.trigger().maxFrames, std::uint16_t(1500));
    // A trigger changed on the board is shown at its next status.
    rig.board.setTrigger({700.0f, 50, 100, 80, 1500});
    rig.controller.setRejectionThreshold(0.1f);  // sends the threshold, then asks for a status
    QTRY_COMPARE_WITH_TIMEOUT(trigger.count(), 2, kTimeoutMs);
    QCOMPARE(trigger.last().at(0).toFloat(), 700.0f);
    QCOMPARE(rig.controller.boardTrigger().threshold, 700.0f);
  }
};

QTEST_MAIN(TestControllerBoard)
#include "test_controller_board.moc"
