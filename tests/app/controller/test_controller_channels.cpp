// End to end at 1 and 6 channels: the studio's controller against the real virtual board
// (dlm-board --channels N). The handshake reports N channels; the stream, the sample store and
// so each event's raw window have N; the board's descriptor is sized for N within its dims;
// tagged events are learned by the studio and by the board, and later events are predicted by
// both. At 3 channels the other studio and board tests cover the same path.
// Labelled `integration`; DLM_BOARD_EXECUTABLE names the board (set by ctest).
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include "app/controller/studio_controller.h"
#include "app/controller/studio_events.h"
#include "core/descriptor.h"

using dlm::app::StudioController;

namespace {

constexpr int kConnectMs = 20000;
constexpr int kEventMs = 15000;
constexpr int kLearnMs = 60000;
constexpr int kShake = 0;  // the synthetic board's gesture ids
constexpr int kTap = 2;

// Perform \p gesture on the board and wait for the one session event it gives; its id, or -1.
int gestureEvent(StudioController& controller, int gesture) {
  QSignalSpy detected(&controller, &StudioController::eventDetected);
  controller.performGesture(gesture);
  if (!QTest::qWaitFor([&] { return !detected.isEmpty(); }, kEventMs)) return -1;
  QTest::qWait(300);  // a second event would be a false trigger
  return detected.count() == 1 ? detected.at(0).at(0).toInt() : -1;
}

} // namespace

class TestControllerChannels : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    if (qEnvironmentVariable("DLM_BOARD_EXECUTABLE").isEmpty())
      QSKIP("DLM_BOARD_EXECUTABLE is not set (run through ctest)");
    QStandardPaths::setTestModeEnabled(true);  // autosave goes to a test location
  }

  void boardOfNChannelsWorksEndToEnd_data() {
    QTest::addColumn<int>("channels");
    QTest::newRow("1 channel") << 1;
    QTest::newRow("6 channels") << 6;
  }

  void boardOfNChannelsWorksEndToEnd() {
    QFETCH(int, channels);
    StudioController controller;
    controller.setVirtualBoardArguments({QStringLiteral("--gesture-rate"), QStringLiteral("0"),
                                         QStringLiteral("--seed"), QStringLiteral("5"),
                                         QStringLiteral("--channels"), QString::number(channels)});
    QSignalSpy ready(&controller, &StudioController::boardReady);
    QSignalSpy samples(&controller, &StudioController::samplesReceived);
    controller.startVirtualBoard();
    QVERIFY2(QTest::qWaitFor([&] { return !ready.isEmpty(); }, kConnectMs),
             "the virtual board never connected");

    // The handshake, then the stream, say N.
    const auto info = ready.at(0).at(0).value<dlm::app::BoardInfoView>();
    QCOMPARE(info.channels, channels);
    QCOMPARE(info.sampleRateHz, 1000);
    QCOMPARE(info.descriptorDims, int(dlm::descriptorFor(channels, info.maxDims).dims()));
    QVERIFY(info.descriptorDims <= info.maxDims);
    QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), kEventMs);
    for (const QList<QVariant>& batch : samples)
      QCOMPARE(batch.at(0).value<dlm::app::SampleBatch>().channels, channels);

    // Events: detected on the board, each with its raw window of N channels from the store.
    dlm::app::StudioEvents& events = *controller.events();
    events.createClass(QStringLiteral("shake"));
    events.createClass(QStringLiteral("tap"));
    QVector<int> ids;
    for (int i = 0; i < 8; ++i) {
      const int id = gestureEvent(controller, i % 2 == 0 ? kShake : kTap);
      QVERIFY2(id >= 0, qPrintable(QStringLiteral("no single event for gesture %1").arg(i)));
      ids << id;
    }
    for (const int id : ids) {
      const dlm::app::EventDetail e = events.event(id);
      QCOMPARE(e.channels, channels);
      QCOMPARE(e.sampleRateHz, 1000u);
      QVERIFY(!e.raw.isEmpty());
      QCOMPARE(e.raw.size() % channels, 0);
      QVERIFY(e.board.valid);
    }

    // Tagged: the studio learns them, and the board (labels go to it as the tags are made).
    for (int i = 0; i < ids.size(); ++i) QVERIFY(events.tagEvents({ids[i]}, i % 2));
    QVERIFY2(QTest::qWaitFor([&] { return controller.isLearningUpToDate() &&
                                          controller.studioModelIdentity() != 0; },
                             kLearnMs),
             "the studio never learned the tagged events");
    QTRY_COMPARE_WITH_TIMEOUT(controller.network().dims, info.descriptorDims, kLearnMs);

    // Predicted: a new shake and a new tap, by the studio and by the board.
    for (const int gesture : {kShake, kTap}) {
      const int id = gestureEvent(controller, gesture);
      QVERIFY(id >= 0);
      const int truth = gesture == kShake ? 0 : 1;
      QTRY_VERIFY_WITH_TIMEOUT(events.event(id).studio.valid, kLearnMs);
      const dlm::app::EventDetail e = events.event(id);
      QCOMPARE(e.studio.bestClass, truth);
      QVERIFY(e.board.valid);
      QCOMPARE(e.board.bestClass, truth);  // the board learned the labels on its own
    }
    controller.disconnectBoard();
  }
};

QTEST_MAIN(TestControllerChannels)
#include "test_controller_channels.moc"
