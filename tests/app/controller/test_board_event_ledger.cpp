// What a studio edit asks of the board (BoardEventLedger): a tag is a label for an event the
// board remembers, an untag or a discard a forget, and whatever the board's model holds
// otherwise (it cannot unlearn) makes it stale; a forgotten event is never labelled again.
#include <QtTest>

#include "app/controller/board_event_ledger.h"
#include "app/views/snapshots.h"

using dlm::app::BoardEventLedger;
using dlm::app::kOutlier;
using dlm::app::kUntagged;

class TestBoardEventLedger : public QObject {
  Q_OBJECT
private slots:
  void tagsOfEventsTheBoardRemembersAreLabels() {
    BoardEventLedger ledger;
    ledger.addEvent(1, 41);
    QCOMPARE(ledger.sessionId(41), 1);
    QCOMPARE(ledger.boardId(1), 41u);
    const BoardEventLedger::Action a = ledger.tagChanged(1, kUntagged, 2);
    QCOMPARE(a.labelEvent, 41u);
    QCOMPARE(a.labelClass, 2);
    QCOMPARE(a.forgetEvent, 0u);
    QCOMPARE(a.staleEvent, -1);
    // The board never saw event 2 (imported, or before this connection): nothing to send.
    const BoardEventLedger::Action b = ledger.tagChanged(2, kUntagged, 0);
    QCOMPARE(b.labelEvent, 0u);
    QCOMPARE(b.staleEvent, -1);
  }

  void untagAndDiscardAreForgetsAndForgottenEventsAreNotLabelled() {
    BoardEventLedger ledger;
    ledger.addEvent(1, 41);
    ledger.addEvent(2, 42);
    const BoardEventLedger::Action a = ledger.tagChanged(1, kUntagged, kOutlier);
    QCOMPARE(a.forgetEvent, 41u);
    QCOMPARE(a.labelEvent, 0u);
    QCOMPARE(a.staleEvent, -1);  // the board learned nothing of it
    QCOMPARE(ledger.boardId(1), 0u);
    QCOMPARE(ledger.sessionId(41), -1);
    QCOMPARE(ledger.tagChanged(1, kOutlier, 0).labelEvent, 0u);  // an undo, then a tag
    QCOMPARE(ledger.discarded(2).forgetEvent, 42u);
    QCOMPARE(ledger.discarded(2).forgetEvent, 0u);  // once
  }

  void whatTheBoardLearnedMakesItStale() {
    BoardEventLedger ledger;
    ledger.addEvent(1, 41);
    ledger.learnedOnBoard(1, 0);
    BoardEventLedger::Action a = ledger.tagChanged(1, 0, 1);  // relabelled: it holds both
    QCOMPARE(a.labelEvent, 41u);
    QCOMPARE(a.staleEvent, 1);
    QCOMPARE(a.staleClass, 0);
    a = ledger.tagChanged(1, 1, kUntagged);
    QCOMPARE(a.forgetEvent, 41u);
    QCOMPARE(a.staleEvent, 1);
    // Back to the class the board holds: in step for this event.
    QCOMPARE(ledger.tagChanged(1, kUntagged, 0).staleEvent, -1);
  }

  void aPushedModelHoldsEventsWithoutBoardIds() {
    BoardEventLedger ledger;
    ledger.boardHolds({{7, 2}});  // event 7 (an import) is in the model pushed to the board
    const BoardEventLedger::Action a = ledger.discarded(7);
    QCOMPARE(a.forgetEvent, 0u);  // the board cannot forget it: it never had it by id
    QCOMPARE(a.staleEvent, 7);
    QCOMPARE(a.staleClass, 2);
    ledger.clear();
    QCOMPARE(ledger.discarded(7).staleEvent, -1);  // another board: nothing known
  }
};

QTEST_APPLESS_MAIN(TestBoardEventLedger)
#include "test_board_event_ledger.moc"
