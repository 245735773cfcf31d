#include <QtTest>

#include <cmath>
#include <cstring>
#include <vector>

#include "core/descriptor.h"
#include "signal_harness.h"

using dlm::firmware::DetectedEvent;
using dlm::firmware::EventDetector;
using dlm::firmware::GestureTruth;
using dlm::firmware::MotionConfig;
using dlm::firmware::MotionSource;
using dlm::firmware::TriggerConfig;
using namespace dlm::firmware::test;

namespace {

constexpr std::uint32_t kMinute = 60000;  // frames at 1 kHz

MotionConfig motion(std::uint32_t seed, float rate, float drift = 0.0f) {
  MotionConfig c;
  c.seed = seed;
  c.gestureRatePerMinute = rate;
  c.drift = drift;
  return c;
}

// Requests every gesture in turn, `rounds` times, with 2.5 s of stream after each request.
StreamRun requestAll(std::uint32_t seed, int rounds, bool keepStream = false) {
  MotionSource source(motion(seed, 0.0f));
  EventDetector detector;
  StreamRun run;
  for (int r = 0; r < rounds; ++r) {
    for (std::uint8_t id = 0; id < MotionSource::kGestureCount; ++id) {
      source.performGesture(id);
      runStream(source, detector, 2500, run, keepStream);
    }
  }
  return run;
}

Score spontaneous(std::uint32_t seed, float drift, std::uint32_t frames, const TriggerConfig& t) {
  MotionSource source(motion(seed, 20.0f, drift));
  EventDetector detector;
  detector.configure(t);
  StreamRun run;
  runStream(source, detector, frames, run);
  return score(run, frames);
}

using Vec = std::vector<double>;

double distance(const Vec& a, const Vec& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(s);
}

} // namespace

class TestEventDetector : public QObject {
  Q_OBJECT

private slots:
  void configureClamps() {
    EventDetector d;
    TriggerConfig c;
    c.maxFrames = 60000;
    c.channels = 9;
    c.minFrames = 65000;
    d.configure(c);
    QVERIFY(std::uint32_t(d.config().maxFrames) + d.config().preTriggerFrames +
                d.config().holdOffFrames <= EventDetector::kMaxWindowFrames);
    QCOMPARE(int(d.config().channels), int(EventDetector::kMaxChannels));
    QVERIFY(d.config().minFrames <= d.config().maxFrames);
    // The defaults fit as they are.
    d.configure(TriggerConfig{});
    QCOMPARE(int(d.config().maxFrames), 2048);
  }

  void idleHasNoDetections() {
    for (float drift : {0.0f, 1.0f}) {
      MotionSource source(motion(21, 0.0f, drift));
      EventDetector detector;
      StreamRun run;
      runStream(source, detector, drift > 0.0f ? 10 * kMinute : kMinute, run);
      QCOMPARE(int(run.detections.size()), 0);
      QCOMPARE(detector.droppedCount(), 0u);
      QVERIFY(detector.energy() < 150.0f);  // noise + tremor, far below the 600 threshold
      QVERIFY(!detector.active());
    }
  }

  void eachRequestedGestureDetectedOnce() {
    const StreamRun run = requestAll(31, 5, true);
    QCOMPARE(int(run.truths.size()), 5 * MotionSource::kGestureCount);
    QCOMPARE(run.detections.size(), run.truths.size());
    const std::uint32_t pre = TriggerConfig{}.preTriggerFrames;
    for (const GestureTruth& t : run.truths) {
      int hits = 0;
      for (const Detection& d : run.detections) {
        if (!covers(d.event, t)) continue;
        ++hits;
        const DetectedEvent& e = d.event;
        const double startError = double(e.start) - double(t.start);
        // The ideal window is the gesture plus the pre-trigger.
        const double expected = double(t.frames) + pre;
        const QByteArray what = QByteArray(MotionSource::gestureName(t.id)) + " start error " +
                                QByteArray::number(startError) + " frames " +
                                QByteArray::number(e.frames) + " / " + QByteArray::number(expected);
        QVERIFY2(std::fabs(startError) <= pre, what.constData());
        QVERIFY2(std::fabs(double(e.frames) - expected) <= 0.3 * expected, what.constData());
        QVERIFY(e.triggerFrame >= t.start && e.triggerFrame - e.start == pre);
        QVERIFY(!e.truncated);
        // The copied window is exactly the raw stream at [start, start + frames).
        QCOMPARE(d.window.size(), std::size_t(e.frames) * 3);
        QVERIFY(std::memcmp(d.window.data(), run.stream.data() + std::size_t(e.start) * 3,
                            d.window.size() * sizeof(std::int16_t)) == 0);
      }
      QVERIFY2(hits == 1, MotionSource::gestureName(t.id));
    }
  }

  void windowInPlaceIsTheStreamAndChangesNothingElse() {
    // The board reads each window in place (the ring rotated) instead of copying it: windows
    // must be the raw stream, and detection must go on exactly as with copies.
    MotionSource source(motion(47, 30.0f, 0.3f));
    dlm::firmware::BasicEventDetector<3> inPlace;
    EventDetector copying;
    std::vector<std::int16_t> stream(std::size_t(3 * kMinute) * 3);
    source.generate(stream.data(), 3 * kMinute);
    std::vector<std::int16_t> copy(EventDetector::kMaxWindowFrames * 3);
    std::uint32_t doneA = 0, doneB = 0;
    int events = 0;
    while (doneA < 3 * kMinute) {
      doneA += inPlace.process(stream.data() + std::size_t(doneA) * 3, 3 * kMinute - doneA);
      if (!inPlace.eventReady()) continue;
      ++events;
      while (!copying.eventReady() && doneB < doneA)
        doneB += copying.process(stream.data() + std::size_t(doneB) * 3, doneA - doneB);
      QCOMPARE(doneB, doneA);  // the same frame completes the same event
      const DetectedEvent& e = inPlace.lastEvent();
      QCOMPARE(copying.lastEvent().start, e.start);
      QCOMPARE(copying.lastEvent().frames, e.frames);
      std::uint32_t frames = 0;
      const std::int16_t* window = inPlace.windowInPlace(&frames);
      QVERIFY(window != nullptr);
      QCOMPARE(frames, e.frames);
      QVERIFY(std::memcmp(window, stream.data() + std::size_t(e.start) * 3,
                          std::size_t(frames) * 3 * sizeof(std::int16_t)) == 0);
      // Asking twice gives the same window; copyWindow agrees after the rotation.
      QCOMPARE(inPlace.windowInPlace(&frames), window);
      QCOMPARE(inPlace.copyWindow(copy.data(), EventDetector::kMaxWindowFrames), e.frames);
      const std::size_t bytes = std::size_t(frames) * 3 * sizeof(std::int16_t);
      QVERIFY(std::memcmp(copy.data(), window, bytes) == 0);
      copying.process(nullptr, 0);  // clears eventReady
    }
    QVERIFY2(events >= 40, qPrintable(QString::number(events)));
    while (doneB < 3 * kMinute)
      doneB += copying.process(stream.data() + std::size_t(doneB) * 3, 3 * kMinute - doneB);
    QCOMPARE(inPlace.eventCount(), copying.eventCount());
  }

  void spontaneousRecallAndFalseEvents() {
    const Score s = spontaneous(41, 0.0f, 10 * kMinute, TriggerConfig{});
    qInfo("10 min at 20/min: %d gestures, %d found (recall %.3f), %d detections, %d false (%.1f %%)",
          s.truths, s.found, s.recall(), s.detections, s.falseEvents, 100.0 * s.falseRate());
    QVERIFY(s.truths >= 150);
    QVERIFY(s.recall() >= 0.95);
    QVERIFY(s.falseRate() <= 0.05);
  }

  void fullDriftKeepsDetectionWorking() {
    const Score s = spontaneous(43, 1.0f, 10 * kMinute, TriggerConfig{});
    qInfo("drift 1, 10 min: %d gestures, %d found (recall %.3f), %d detections, %d false (%.1f %%)",
          s.truths, s.found, s.recall(), s.detections, s.falseEvents, 100.0 * s.falseRate());
    QVERIFY(s.truths >= 150);
    QVERIFY(s.recall() >= 0.95);
    QVERIFY(s.falseRate() <= 0.05);
  }

  void longEventsAreCut() {
    MotionSource source(motion(51, 0.0f));
    EventDetector detector;
    TriggerConfig c;
    c.maxFrames = 300;
    detector.configure(c);
    StreamRun run;
    source.performGesture(4);  // tilt: 0.8-1.25 s, far longer than 300 frames
    runStream(source, detector, 3000, run);
    source.performGesture(0);  // a shake after it is still detected: the detector re-armed
    runStream(source, detector, 3000, run);
    QCOMPARE(int(run.detections.size()), 2);
    QCOMPARE(run.detections[0].event.frames, 300u);
    QVERIFY(run.detections[0].event.truncated);
    QCOMPARE(run.detections[0].window.size(), std::size_t(300 * 3));
    QVERIFY(covers(run.detections[1].event, run.truths[1]) ||
            run.detections[1].event.frames == 300u);
    QCOMPARE(int(run.truths[1].id), 0);
    QVERIFY(run.detections[1].event.start >= run.truths[1].start - c.preTriggerFrames);
  }

  void newPostureRearmsAfterACut() {
    // At frame 3000 the board is put down on its side and stays there: one cut event, then the
    // baseline learns the new posture and a later shake is detected normally.
    MotionSource source(motion(53, 0.0f));
    std::vector<std::int16_t> s(12000 * 3);
    source.generate(s.data(), 8000);
    source.performGesture(0);
    source.generate(s.data() + 8000 * 3, 4000);
    GestureTruth shake;
    QVERIFY(source.popTruth(shake));
    for (std::size_t f = 3000; f < 12000; ++f) {
      s[f * 3 + 0] = std::int16_t(s[f * 3 + 0] + 3000);
      s[f * 3 + 2] = std::int16_t(s[f * 3 + 2] - 1200);
    }
    EventDetector detector;
    std::vector<DetectedEvent> events;
    for (std::uint32_t used = 0; used < 12000;) {
      used += detector.process(s.data() + used * 3, 12000 - used);
      if (detector.eventReady()) events.push_back(detector.lastEvent());
    }
    QCOMPARE(int(events.size()), 2);
    QVERIFY(events[0].truncated);
    QVERIFY(events[0].start >= 2900 && events[0].start <= 3000);
    QVERIFY(covers(events[1], shake));
    QVERIFY(!events[1].truncated);
  }

  void higherThresholdFewerDetections() {
    int previous = 1 << 30;
    int first = 0;
    for (float threshold : {600.0f, 2500.0f, 4500.0f, 8000.0f}) {
      TriggerConfig c;
      c.threshold = threshold;
      const Score s = spontaneous(61, 0.0f, 5 * kMinute, c);
      qInfo("threshold %5.0f: %d detections", double(threshold), s.detections);
      QVERIFY(s.detections <= previous);
      if (first == 0) first = s.detections;
      previous = s.detections;
    }
    QVERIFY(previous < first / 2);
  }

  void shortEventsAreDropped() {
    MotionSource source(motion(71, 0.0f));
    EventDetector detector;
    TriggerConfig c;
    c.minFrames = 700;  // longer than any tap window (at most ~0.45 s with its pre-trigger)
    detector.configure(c);
    StreamRun run;
    for (int i = 0; i < 4; ++i) {
      source.performGesture(2);
      runStream(source, detector, 2000, run);
    }
    QCOMPARE(int(run.detections.size()), 0);
    QCOMPARE(detector.droppedCount(), 4u);
  }

  void processStopsAtEachEventAndWindowExpires() {
    MotionSource source(motion(81, 0.0f));
    source.performGesture(3);
    source.performGesture(1);
    std::vector<std::int16_t> s(6000 * 3);
    source.generate(s.data(), 6000);
    EventDetector detector;
    std::uint32_t used = 0;
    int events = 0;
    std::vector<std::int16_t> window(EventDetector::kMaxWindowFrames * 3);
    while (used < 6000) {
      const std::uint32_t n = detector.process(s.data() + used * 3, 6000 - used);
      used += n;
      if (detector.eventReady()) {
        ++events;
        QCOMPARE(detector.frameCount(), used);  // stopped right after the completing frame
        QCOMPARE(detector.copyWindow(window.data(), 64), 64u);  // capacity honoured
        QVERIFY(std::memcmp(window.data(), s.data() + std::size_t(detector.lastEvent().start) * 3,
                            64 * 3 * sizeof(std::int16_t)) == 0);
      }
    }
    QCOMPARE(events, 2);
    QCOMPARE(detector.eventCount(), 2u);
    // Once the ring has wrapped past the event's start, the window is gone, not garbage.
    std::vector<std::int16_t> quiet(EventDetector::kMaxWindowFrames * 3);
    MotionSource idle(motion(82, 0.0f));
    idle.generate(quiet.data(), EventDetector::kMaxWindowFrames);
    detector.process(quiet.data(), EventDetector::kMaxWindowFrames);
    QCOMPARE(detector.copyWindow(window.data(), EventDetector::kMaxWindowFrames), 0u);
  }

  void activeAndEnergyFollowTheGesture() {
    MotionSource source(motion(91, 0.0f));
    EventDetector detector;
    source.performGesture(0);
    std::int16_t frame[3];
    float peak = 0.0f;
    bool wasActive = false;
    for (int i = 0; i < 3000; ++i) {
      source.generate(frame, 1);
      detector.push(frame);
      peak = std::max(peak, detector.energy());
      wasActive = wasActive || detector.active();
    }
    QVERIFY(wasActive);
    QVERIFY(!detector.active());
    QVERIFY(peak > 2000.0f);
    QCOMPARE(detector.eventCount(), 1u);
    QVERIFY(std::fabs(detector.lastEvent().peakEnergy - peak) < 1.0f);
  }

  void sixChannels() {
    // Two sensors side by side (e.g. accelerometer + a copy): the trigger sees all channels.
    MotionSource source(motion(95, 0.0f));
    source.performGesture(3);
    std::vector<std::int16_t> xyz(3000 * 3), six(3000 * 6);
    source.generate(xyz.data(), 3000);
    for (int f = 0; f < 3000; ++f) {
      for (int c = 0; c < 3; ++c) {
        six[f * 6 + c] = xyz[f * 3 + c];
        six[f * 6 + 3 + c] = std::int16_t(xyz[f * 3 + c] / 2);
      }
    }
    EventDetector detector;
    TriggerConfig c;
    c.channels = 6;
    detector.configure(c);
    QVERIFY(detector.process(six.data(), 3000) < 3000u);
    std::vector<std::int16_t> window(EventDetector::kMaxWindowFrames * 6);
    const std::uint32_t n = detector.copyWindow(window.data(), EventDetector::kMaxWindowFrames);
    QCOMPARE(n, detector.lastEvent().frames);
    QVERIFY(std::memcmp(window.data(), six.data() + std::size_t(detector.lastEvent().start) * 6,
                        std::size_t(n) * 6 * sizeof(std::int16_t)) == 0);
  }

  void gesturesAreSeparableAndNeverSeenOnesStandApart() {
    // ~30 detected instances of every gesture, through the real trigger, described by the
    // kernel's descriptor exactly as the firmware will.
    const StreamRun run = requestAll(101, 30);
    dlm::DescriptorConfig dc;
    dc.channels = 3;
    dc.bins = 16;
    dc.maxFrames = 2048;
    dc.fullScale = 32768.0f;
    std::vector<Vec> x;
    std::vector<int> y;
    std::vector<float> f(dc.dims());
    for (const Detection& d : run.detections) {
      for (const GestureTruth& t : run.truths) {
        if (!covers(d.event, t)) continue;
        QCOMPARE(dlm::computeDescriptor(dc, d.window.data(), std::uint32_t(d.window.size() / 3),
                                        f.data(), f.size()),
                 dlm::Status::Ok);
        x.emplace_back(f.begin(), f.end());
        y.push_back(t.id);
        break;
      }
    }
    constexpr int kKnown = MotionSource::kKnownGestures;
    const std::size_t dims = dc.dims();
    std::vector<Vec> sum(kKnown, Vec(dims, 0.0));
    std::vector<int> count(kKnown, 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (y[i] >= kKnown) continue;
      for (std::size_t j = 0; j < dims; ++j) sum[y[i]][j] += x[i][j];
      ++count[y[i]];
    }
    for (int k = 0; k < kKnown; ++k) QVERIFY(count[k] >= 28);

    // Leave-one-out nearest centroid.
    int correct = 0, total = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (y[i] >= kKnown) continue;
      int best = -1;
      double bestDistance = 1e30;
      for (int k = 0; k < kKnown; ++k) {
        const bool own = k == y[i];
        Vec c(dims);
        for (std::size_t j = 0; j < dims; ++j) {
          c[j] = (sum[k][j] - (own ? x[i][j] : 0.0)) / (count[k] - (own ? 1 : 0));
        }
        const double dd = distance(x[i], c);
        if (dd < bestDistance) {
          bestDistance = dd;
          best = k;
        }
      }
      correct += best == y[i];
      ++total;
    }
    const double accuracy = double(correct) / total;

    std::vector<Vec> centroid(kKnown, Vec(dims));
    for (int k = 0; k < kKnown; ++k) {
      for (std::size_t j = 0; j < dims; ++j) centroid[k][j] = sum[k][j] / count[k];
    }
    double ownSum = 0, unknownSum = 0;
    int ownCount = 0, unknownCount = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (y[i] < kKnown) {
        ownSum += distance(x[i], centroid[y[i]]);
        ++ownCount;
        continue;
      }
      double nearest = 1e30;
      for (int k = 0; k < kKnown; ++k) nearest = std::min(nearest, distance(x[i], centroid[k]));
      unknownSum += nearest;
      ++unknownCount;
    }
    const double ownMean = ownSum / ownCount;
    const double unknownMean = unknownSum / unknownCount;
    qInfo("nearest-centroid LOO accuracy %.3f (%d/%d); mean distance to own centroid %.4f, "
          "never-seen (%d) to nearest known centroid %.4f",
          accuracy, correct, total, ownMean, unknownCount, unknownMean);
    QVERIFY(accuracy >= 0.90);
    QVERIFY(unknownCount >= 50);
    QVERIFY(unknownMean > ownMean);
  }
};

QTEST_GUILESS_MAIN(TestEventDetector)
#include "test_event_detector.moc"
