#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include "app/views/class_palette.h"
#include "app/session/session.h"

using namespace dlm::app;

namespace {

SessionEvent makeEvent(int frames = 10) {
  SessionEvent e;
  e.frames = quint32(frames);
  e.channels = 3;
  e.raw.resize(frames * 3);
  e.descriptor = {0.1f, 0.2f, 0.3f};
  return e;
}

} // namespace

class TestSession : public QObject {
  Q_OBJECT

private slots:
  void arrivedEventsAreUnsavedUntilSaved() {
    Session s;
    QVERIFY(!s.hasUnsavedChanges());
    s.addEvent(makeEvent()); // no edit, but not in any project yet: Quit must ask
    QVERIFY(s.undoStack()->isClean());
    QVERIFY(s.hasUnsavedChanges());
    s.markSaved();
    QVERIFY(!s.hasUnsavedChanges());
    s.addEvents({makeEvent(), makeEvent()});
    QVERIFY(s.hasUnsavedChanges());
    s.clear();
    QVERIFY(!s.hasUnsavedChanges());
  }

  void addAssignsMonotonicIds() {
    Session s;
    QSignalSpy inserted(&s, &Session::eventsInserted);
    const int a = s.addEvent(makeEvent());
    const int b = s.addEvent(makeEvent());
    QVERIFY(b > a);
    const QVector<int> more = s.addEvents({makeEvent(), makeEvent(), makeEvent()});
    QCOMPARE(more.size(), 3);
    QCOMPARE(more.first(), b + 1);
    QCOMPARE(s.eventCount(), 5);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.last().at(0).toInt(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 4);
    QCOMPARE(s.rowOf(more.last()), 4);
    QCOMPARE(s.undoStack()->count(), 0);  // data arriving is not a user edit
  }

  void classesGetPaletteColoursAndDefaultNames() {
    Session s;
    QCOMPARE(s.createClass(), 0);
    QCOMPARE(s.createClass(QStringLiteral("shake")), 1);
    QCOMPARE(s.classAt(0).name, QStringLiteral("Class 1"));
    QCOMPARE(s.classAt(0).colour, paletteColour(0));
    QCOMPARE(s.classAt(1).colour, paletteColour(1));
    QVERIFY(paletteColour(0) != paletteColour(10));  // the palette does not repeat at once
    QCOMPARE(s.createClass(QStringLiteral("Shake")), -1);  // taken (case-insensitive)
    QVERIFY(!s.classNameProblem(QStringLiteral("shake")).isEmpty());
    QVERIFY(!s.classNameProblem(QString(40, QLatin1Char('x'))).isEmpty());
    QVERIFY(s.classNameProblem(QStringLiteral("tap")).isEmpty());
  }

  void tagUndoRedo() {
    Session s;
    const int id = s.addEvent(makeEvent());
    const int shake = s.createClass(QStringLiteral("shake"));
    const int tap = s.createClass(QStringLiteral("tap"));
    QSignalSpy tags(&s, &Session::tagsChanged);
    QSignalSpy changed(&s, &Session::eventsChanged);
    QVERIFY(s.tag(id, shake));
    QCOMPARE(s.event(id)->tag, shake);
    QVERIFY(!s.tag(id, shake));  // no change, nothing pushed
    QVERIFY(!s.tag(id, 7));      // no such class
    QVERIFY(!s.tag(999, tap));   // no such event
    QVERIFY(s.tag(id, tap));
    QVERIFY(s.markOutlier(id));
    QCOMPARE(s.event(id)->tag, int(kOutlier));
    QCOMPARE(tags.count(), 3);
    const auto last = tags.last().at(0).value<QVector<TagChange>>();
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.first().oldTag, tap);
    QCOMPARE(last.first().newTag, int(kOutlier));
    QVERIFY(changed.count() >= 3);

    s.undoStack()->undo();
    QCOMPARE(s.event(id)->tag, tap);
    s.undoStack()->undo();
    QCOMPARE(s.event(id)->tag, shake);
    s.undoStack()->undo();
    QCOMPARE(s.event(id)->tag, int(kUntagged));
    s.undoStack()->redo();
    s.undoStack()->redo();
    QCOMPARE(s.event(id)->tag, tap);
    QCOMPARE(tags.count(), 8);
  }

  void tagClearsLearned() {
    Session s;
    const int id = s.addEvent(makeEvent());
    const int c = s.createClass();
    s.tag(id, c);
    s.setLearned({id}, false);
    QVERIFY(s.event(id)->learned);
    s.createClass();
    s.tag(id, 1);
    QVERIFY(!s.event(id)->learned);
  }

  void tagManyIsOneCommand() {
    Session s;
    const QVector<int> ids = s.addEvents({makeEvent(), makeEvent(), makeEvent(), makeEvent()});
    const int c = s.createClass();
    QSignalSpy tags(&s, &Session::tagsChanged);
    QVERIFY(s.tagEvents(ids, c));
    QCOMPARE(tags.count(), 1);
    QCOMPARE(tags.first().at(0).value<QVector<TagChange>>().size(), 4);
    s.undoStack()->undo();
    for (int id : ids) QCOMPARE(s.event(id)->tag, int(kUntagged));
  }

  void discardAndRestore() {
    Session s;
    const QVector<int> ids = s.addEvents({makeEvent(5), makeEvent(6), makeEvent(7)});
    const int c = s.createClass();
    s.tag(ids[1], c);
    QSignalSpy removed(&s, &Session::eventRemoved);
    QSignalSpy inserted(&s, &Session::eventsInserted);
    QVERIFY(s.discard(ids[1]));
    QCOMPARE(s.eventCount(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(0).toInt(), 1);
    QVERIFY(s.event(ids[1]) == nullptr);
    // A new event arriving meanwhile does not disturb the restore.
    const int later = s.addEvent(makeEvent(8));
    s.undoStack()->undo();
    QCOMPARE(s.eventCount(), 4);
    QCOMPARE(s.rowOf(ids[1]), 1);
    QCOMPARE(s.event(ids[1])->tag, c);
    QCOMPARE(s.event(ids[1])->frames, 6u);
    QCOMPARE(s.rowOf(later), 3);
    QCOMPARE(inserted.last().at(0).toInt(), 1);
    QVERIFY(s.discardEvents({ids[0], ids[2]}));
    QCOMPARE(s.eventCount(), 2);
    s.undoStack()->undo();
    QCOMPARE(s.eventCount(), 4);
  }

  void renameAndRecolourAreUndoable() {
    Session s;
    const int c = s.createClass(QStringLiteral("shake"));
    QSignalSpy changed(&s, &Session::classChanged);
    QVERIFY(s.renameClass(c, QStringLiteral("wave")));
    QCOMPARE(s.classAt(c).name, QStringLiteral("wave"));
    QVERIFY(s.recolourClass(c, QColor(Qt::red)));
    QCOMPARE(s.classAt(c).colour, QColor(Qt::red));
    QCOMPARE(changed.count(), 2);
    s.undoStack()->undo();
    QCOMPARE(s.classAt(c).colour, paletteColour(0));
    s.undoStack()->undo();
    QCOMPARE(s.classAt(c).name, QStringLiteral("shake"));
    s.undoStack()->redo();
    QCOMPARE(s.classAt(c).name, QStringLiteral("wave"));
    QVERIFY(!s.renameClass(c, QStringLiteral("   ")));
    QVERIFY(!s.renameClass(5, QStringLiteral("x")));
  }

  void createClassUndoRemovesIt() {
    Session s;
    const int id = s.addEvent(makeEvent());
    const int c = s.createClass(QStringLiteral("tap"));
    s.tag(id, c);
    QSignalSpy removed(&s, &Session::classRemoved);
    s.undoStack()->undo();  // untag
    s.undoStack()->undo();  // uncreate
    QCOMPARE(s.classCount(), 0);
    QCOMPARE(removed.count(), 1);
    s.undoStack()->redo();
    s.undoStack()->redo();
    QCOMPARE(s.classCount(), 1);
    QCOMPARE(s.event(id)->tag, c);
  }

  void predictionsAndLearned() {
    Session s;
    const QVector<int> ids = s.addEvents({makeEvent(), makeEvent(), makeEvent()});
    QSignalSpy changed(&s, &Session::eventsChanged);
    PredictionInfo p;
    p.classIndex = 0;
    p.valid = true;
    s.setStudioPredictions({ids[2], ids[0]}, {p, p});
    QVERIFY(s.event(ids[0])->studio.valid);
    QVERIFY(!s.event(ids[1])->studio.valid);
    QVERIFY(s.event(ids[2])->studio.valid);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toInt(), 0);
    QCOMPARE(changed.first().at(1).toInt(), 2);
    s.setLearned({ids[1]}, true);
    QVERIFY(s.event(ids[1])->learned);
    s.setLearned({ids[0]}, true);
    QVERIFY(!s.event(ids[1])->learned);
    QVERIFY(s.event(ids[0])->learned);
  }

  void replaceStateClearsHistory() {
    Session s;
    const QUuid before = s.sessionId();
    s.addEvent(makeEvent());
    s.createClass();
    QSignalSpy reset(&s, &Session::resetDone);
    SessionState state;
    state.sessionId = QUuid::createUuid();
    state.classes << ClassInfo{QStringLiteral("a"), QColor(Qt::blue)};
    SessionEvent e = makeEvent();
    e.id = 41;
    state.events.push_back(e);
    s.replaceState(state);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(s.undoStack()->count(), 0);
    QCOMPARE(s.eventCount(), 1);
    QCOMPARE(s.addEvent(makeEvent()), 42);  // ids keep growing after the loaded ones
    s.clear();
    QVERIFY(s.sessionId() != before);
    QCOMPARE(s.eventCount(), 0);
  }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
