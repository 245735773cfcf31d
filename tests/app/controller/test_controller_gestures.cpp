// Requested gestures, end to end: the studio's controller against the real virtual board as
// the studio starts it (no arguments: spontaneous gestures off). Each requested gesture's
// event arrives with the board's word for which gesture caused it, as a suggested tag; Enter's
// confirmSuggestions() tags a known gesture with its class and a never-seen one as unknown;
// with the demo on the board's own gestures arrive without a suggestion, and with it off none
// arrive at all. Labelled `integration`; DLM_BOARD_EXECUTABLE names the board (set by ctest).
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "app/controller/studio_events.h"
#include "app/views/event_table_layout.h"
#include "app/views/gesture_catalogue.h"

using dlm::app::Gesture;
using dlm::app::StudioController;

namespace {

constexpr int kConnectMs = 20000;
constexpr int kEventMs = 15000;

// Perform \p gesture and wait for the one session event it gives; its id, or -1.
int gestureEvent(StudioController& controller, Gesture gesture) {
  QSignalSpy detected(&controller, &StudioController::eventDetected);
  controller.performGesture(int(gesture));
  if (!QTest::qWaitFor([&] { return !detected.isEmpty(); }, kEventMs)) return -1;
  QTest::qWait(700);  // the gesture's rest: a second event would be a false trigger
  return detected.count() == 1 ? detected.at(0).at(0).toInt() : -1;
}

// Events detected during \p ms milliseconds, without asking for any.
QVector<int> eventsDuring(StudioController& controller, int ms) {
  QSignalSpy detected(&controller, &StudioController::eventDetected);
  QTest::qWait(ms);
  QVector<int> ids;
  for (const QList<QVariant>& args : detected) ids << args.at(0).toInt();
  return ids;
}

} // namespace

class TestControllerGestures : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    if (qEnvironmentVariable("DLM_BOARD_EXECUTABLE").isEmpty())
      QSKIP("DLM_BOARD_EXECUTABLE is not set (run through ctest)");
    QStandardPaths::setTestModeEnabled(true);  // autosave goes to a test location
  }

  void requestedGesturesAreLabelledAndDemoIsOptIn() {
    StudioController controller;  // the studio's own board arguments
    QVERIFY(!controller.demoGestures());
    QSignalSpy ready(&controller, &StudioController::boardReady);
    controller.startVirtualBoard();
    QVERIFY2(QTest::qWaitFor([&] { return !ready.isEmpty(); }, kConnectMs),
             "the virtual board never connected");
    dlm::app::StudioEvents& events = *controller.events();

    // Off by default: the board does nothing on its own.
    QCOMPARE(eventsDuring(controller, 6000).size(), 0);

    // A known gesture: its name as the suggestion; Enter creates the class and tags it.
    const int shake = gestureEvent(controller, Gesture::Shake);
    QVERIFY(shake >= 0);
    dlm::app::EventDetail d = events.event(shake);
    QCOMPARE(d.requestedGesture, dlm::app::gestureName(int(Gesture::Shake)));
    QCOMPARE(d.suggestedTagName, QStringLiteral("shake"));
    QCOMPARE(d.tag, dlm::app::kUntagged);
    const QModelIndex row = events.indexOf(shake);
    QCOMPARE(events.model()->index(row.row(), dlm::app::EventTableLayout::TagColumn).data()
                 .toString(),
             QStringLiteral("shake? (Enter)"));
    QCOMPARE(events.confirmSuggestions({shake}), 1);
    QCOMPARE(events.classCount(), 1);
    QCOMPARE(events.classes().at(0).name, QStringLiteral("shake"));
    QCOMPARE(events.event(shake).tag, 0);

    // Another known gesture gets its own class; a second shake goes to the same one.
    const int tilt = gestureEvent(controller, Gesture::Tilt);
    const int shake2 = gestureEvent(controller, Gesture::Shake);
    QVERIFY(tilt >= 0 && shake2 >= 0);
    QCOMPARE(events.event(shake2).suggestedTag, 0);
    QCOMPARE(events.confirmSuggestions({tilt, shake2}), 2);
    QCOMPARE(events.classCount(), 2);
    QCOMPARE(events.event(shake2).tag, 0);
    QCOMPARE(events.event(tilt).tag, 1);
    QCOMPARE(events.classes().at(1).name, QStringLiteral("tilt"));

    // Never seen: unknown / outlier is suggested, never a class.
    for (Gesture g : {Gesture::FigureEight, Gesture::TripleKnock}) {
      const int id = gestureEvent(controller, g);
      QVERIFY(id >= 0);
      QCOMPARE(events.event(id).suggestedTag, dlm::app::kOutlier);
      QCOMPARE(events.confirmSuggestions({id}), 1);
      QCOMPARE(events.event(id).tag, dlm::app::kOutlier);
    }
    QCOMPARE(events.classCount(), 2);

    // Demo on: the board's own gestures arrive, with no suggestion.
    QSignalSpy demo(&controller, &StudioController::demoGesturesChanged);
    controller.setDemoGestures(true);
    QCOMPARE(demo.count(), 1);
    QSignalSpy detected(&controller, &StudioController::eventDetected);
    QVERIFY2(QTest::qWaitFor([&] { return detected.count() >= 2; }, 60000),
             "no spontaneous gestures with the demo on");
    for (const QList<QVariant>& args : detected) {
      const dlm::app::EventDetail e = events.event(args.at(0).toInt());
      QCOMPARE(e.requestedGesture, QString());
      QCOMPARE(e.suggestedTagName, QString());
    }

    // Demo off: once a gesture already playing has ended, nothing more.
    controller.setDemoGestures(false);
    QCOMPARE(demo.count(), 2);
    QTest::qWait(3000);
    QCOMPARE(eventsDuring(controller, 8000).size(), 0);
    controller.disconnectBoard();
  }
};

QTEST_MAIN(TestControllerGestures)
#include "test_controller_gestures.moc"
