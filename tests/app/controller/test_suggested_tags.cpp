// Suggested tags (events caused by a gesture the user asked for): how the events table shows
// them, and how Enter's confirmSuggestions() turns them into tags: the class named after a
// known gesture (created if missing, matched regardless of case), unknown / outlier for a
// never-seen one, one undoable step, never over a tag the user gave.
#include <QFont>
#include <QUndoStack>
#include <QtTest>

#include "app/controller/studio_events.h"
#include "app/session/session.h"
#include "app/views/event_table_layout.h"
#include "controller_rig.h"

using namespace dlm::app;
using Layout = EventTableLayout;

namespace {

int addEvent(Session& session, const QString& gesture = QString(), bool outlier = false) {
  SessionEvent e;
  e.frames = 500;
  e.channels = 3;
  e.descriptor = QVector<float>(58, 0.1f);
  e.suggestion.gesture = gesture;
  e.suggestion.outlier = outlier;
  return session.addEvent(e);
}

QVariant tagCell(const StudioEvents& events, int id, int role) {
  const QModelIndex row = events.indexOf(id);
  return events.model()->index(row.row(), Layout::TagColumn).data(role);
}

} // namespace

class TestSuggestedTags : public QObject {
  Q_OBJECT

private slots:
  void suggestionIsShownApartUntilConfirmed() {
    Session session;
    StudioEvents events(&session);
    const int shake = addEvent(session, QStringLiteral("shake"));
    const int eight = addEvent(session, QStringLiteral("figure-eight"), true);
    const int plain = addEvent(session);

    QCOMPARE(tagCell(events, shake, Qt::DisplayRole).toString(), QStringLiteral("shake? (Enter)"));
    QCOMPARE(tagCell(events, shake, Layout::SuggestedTagRole).toString(), QStringLiteral("shake"));
    QVERIFY(tagCell(events, shake, Qt::FontRole).value<QFont>().italic());
    QVERIFY(tagCell(events, shake, Qt::ForegroundRole).isValid());
    QVERIFY(tagCell(events, shake, Qt::ToolTipRole).toString().contains(QStringLiteral("Enter")));
    QCOMPARE(tagCell(events, eight, Qt::DisplayRole).toString(),
             QStringLiteral("Unknown? (Enter)"));
    // No suggestion: an empty tag cell, in the ordinary font.
    QCOMPARE(tagCell(events, plain, Qt::DisplayRole).toString(), QString());
    QCOMPARE(tagCell(events, plain, Layout::SuggestedTagRole).toString(), QString());
    QVERIFY(!tagCell(events, plain, Qt::FontRole).isValid());

    const EventDetail d = events.event(shake);
    QCOMPARE(d.requestedGesture, QStringLiteral("shake"));
    QCOMPARE(d.suggestedTag, kUntagged);  // the class does not exist yet
    QCOMPARE(d.suggestedTagName, QStringLiteral("shake"));
    QCOMPARE(events.event(eight).suggestedTag, kOutlier);
    QCOMPARE(events.event(plain).suggestedTagName, QString());

    // Tagged by hand: the user's tag shows, not the suggestion.
    QVERIFY(events.tagEvents({plain, shake}, kOutlier));
    QCOMPARE(tagCell(events, shake, Qt::DisplayRole).toString(), QStringLiteral("Unknown"));
    QVERIFY(!tagCell(events, shake, Qt::FontRole).isValid());
    QCOMPARE(tagCell(events, shake, Layout::SuggestedTagRole).toString(), QString());
    events.undo();  // and back
    QCOMPARE(tagCell(events, shake, Qt::DisplayRole).toString(), QStringLiteral("shake? (Enter)"));
  }

  void confirmCreatesTheClassOnceAndUndoes() {
    Session session;
    StudioEvents events(&session);
    const int a = addEvent(session, QStringLiteral("shake"));
    const int b = addEvent(session, QStringLiteral("shake"));
    const int c = addEvent(session, QStringLiteral("figure-eight"), true);
    const int d = addEvent(session);  // nothing to confirm
    const int before = session.undoStack()->count();

    QCOMPARE(events.confirmSuggestions({a, b, c, d}), 3);
    QCOMPARE(events.classCount(), 1);  // one "shake" class for both shakes; none for the eight
    QCOMPARE(events.classes().at(0).name, QStringLiteral("shake"));
    QCOMPARE(events.event(a).tag, 0);
    QCOMPARE(events.event(b).tag, 0);
    QCOMPARE(events.event(c).tag, kOutlier);
    QCOMPARE(events.event(d).tag, kUntagged);
    QCOMPARE(session.undoStack()->count(), before + 1);  // one step
    QVERIFY(events.undoState().undoText.contains(QStringLiteral("3")));

    events.undo();
    QCOMPARE(events.classCount(), 0);
    QCOMPARE(events.event(a).tag, kUntagged);
    QCOMPARE(events.event(c).tag, kUntagged);
    events.redo();
    QCOMPARE(events.classCount(), 1);
    QCOMPARE(events.event(b).tag, 0);
    QCOMPARE(events.event(c).tag, kOutlier);

    // Nothing left to confirm: nothing pushed.
    const int after = session.undoStack()->count();
    QCOMPARE(events.confirmSuggestions({a, b, c, d}), 0);
    QCOMPARE(session.undoStack()->count(), after);
  }

  void theBoardsRequestedGestureBecomesTheSuggestion() {
    // Through the link: the Event's requestedGesture, as a board reports it.
    test::Rig rig;
    QVERIFY(rig.connectAndSettle());
    StudioEvents& events = *rig.controller.events();
    const std::uint8_t reported[] = {0, 4, 5, 6, 200, dlm::protocol::kNoGesture};
    const QVector<test::Labelled> blobs = test::blobEvents(6, 2);
    for (int i = 0; i < 6; ++i) {
      dlm::protocol::Event e;
      e.eventId = rig.nextBoardId++;
      e.frames = 400;
      e.dims = std::uint16_t(blobs[i].event.descriptor.size());
      std::copy(blobs[i].event.descriptor.begin(), blobs[i].event.descriptor.end(), e.descriptor);
      e.requestedGesture = reported[i];
      rig.board.sendEvent(e);
    }
    QTRY_COMPARE_WITH_TIMEOUT(events.eventCount(), 6, test::kTimeoutMs);
    QVector<int> ids;
    for (int row = 0; row < 6; ++row)
      ids << events.model()->index(row, 0).data(Layout::EventIdRole).toInt();
    QCOMPARE(events.event(ids[0]).suggestedTagName, QStringLiteral("shake"));
    QCOMPARE(events.event(ids[1]).suggestedTagName, QStringLiteral("tilt"));
    QCOMPARE(events.event(ids[2]).suggestedTag, kOutlier);  // figure-eight: never seen
    QCOMPARE(events.event(ids[2]).requestedGesture, QStringLiteral("figure-eight"));
    QCOMPARE(events.event(ids[3]).suggestedTag, kOutlier);  // triple-knock
    QCOMPARE(events.event(ids[4]).suggestedTagName, QString());  // not a gesture we know
    QCOMPARE(events.event(ids[5]).suggestedTagName, QString());  // spontaneous / real sensor
    QCOMPARE(events.confirmSuggestions(ids), 4);
    QCOMPARE(events.classCount(), 2);
    QCOMPARE(events.event(ids[4]).tag, kUntagged);

    // A board on a port is not the virtual board: the demo toggle sends it nothing.
    QSignalSpy demo(&rig.controller, &StudioController::demoGesturesChanged);
    rig.controller.setDemoGestures(true);
    QCOMPARE(demo.count(), 1);
    QVERIFY(rig.controller.demoGestures());
    QTest::qWait(300);
    QCOMPARE(rig.board.count(dlm::protocol::CommandId::SetSpontaneousGestures), 0);
    rig.controller.setDemoGestures(true);  // unchanged: no signal
    QCOMPARE(demo.count(), 1);
  }

  void confirmUsesAnExistingClassAndKeepsTheUsersTag() {
    Session session;
    StudioEvents events(&session);
    QCOMPARE(events.createClass(QStringLiteral("Circle")), 0);
    QCOMPARE(events.createClass(QStringLiteral("Tap")), 1);
    const int tap = addEvent(session, QStringLiteral("tap"));
    const int circle = addEvent(session, QStringLiteral("circle"));
    QCOMPARE(events.event(tap).suggestedTag, 1);  // "tap" is the class "Tap"
    QVERIFY(events.tagEvents({circle}, 1));       // the user disagrees with the suggestion
    QCOMPARE(events.confirmSuggestions({tap, circle}), 1);
    QCOMPARE(events.classCount(), 2);  // matched, not created
    QCOMPARE(events.event(tap).tag, 1);
    QCOMPARE(events.event(circle).tag, 1);  // the user's tag stays
  }
};

QTEST_MAIN(TestSuggestedTags)
#include "test_suggested_tags.moc"
