#include <QtTest>

#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "devices/simulator/motion_source.h"

using dlm::firmware::GestureTruth;
using dlm::firmware::MotionConfig;
using dlm::firmware::MotionSource;

namespace {

MotionConfig config(std::uint32_t seed, float rate = 20.0f, float drift = 0.0f) {
  MotionConfig c;
  c.seed = seed;
  c.gestureRatePerMinute = rate;
  c.drift = drift;
  return c;
}

// Generates `frames` frames in chunks of `chunk`, requesting gesture `id` at frame `requestAt`.
std::vector<std::int16_t> stream(const MotionConfig& c, std::uint32_t frames, std::uint32_t chunk,
                                 std::uint32_t requestAt = 0, int id = -1) {
  MotionSource source(c);
  std::vector<std::int16_t> out(std::size_t(frames) * 3);
  for (std::uint32_t done = 0; done < frames;) {
    if (id >= 0 && done == requestAt) source.performGesture(std::uint8_t(id));
    std::uint32_t n = std::min(chunk, frames - done);
    if (id >= 0 && done < requestAt && requestAt < done + n) n = requestAt - done;
    source.generate(out.data() + std::size_t(done) * 3, n);
    done += n;
  }
  return out;
}

struct AxisStats {
  double mean[3] = {0, 0, 0};
  double stddev[3] = {0, 0, 0};
};

AxisStats stats(const std::vector<std::int16_t>& s, std::size_t firstFrame, std::size_t frames) {
  AxisStats a;
  for (int c = 0; c < 3; ++c) {
    double sum = 0, sumSq = 0;
    for (std::size_t f = firstFrame; f < firstFrame + frames; ++f) {
      const double v = s[f * 3 + c];
      sum += v;
      sumSq += v * v;
    }
    a.mean[c] = sum / double(frames);
    a.stddev[c] = std::sqrt(sumSq / double(frames) - a.mean[c] * a.mean[c]);
  }
  return a;
}

} // namespace

class TestMotionSource : public QObject {
  Q_OBJECT

private slots:
  void sameSeedSameStreamWhateverTheChunking() {
    const MotionConfig c = config(42, 30.0f, 0.5f);
    const auto a = stream(c, 120000, 120000, 5000, 3);
    const auto b = stream(c, 120000, 37, 5000, 3);
    const auto d = stream(c, 120000, 1000, 5000, 3);
    QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(std::int16_t)) == 0);
    QVERIFY(std::memcmp(a.data(), d.data(), a.size() * sizeof(std::int16_t)) == 0);
  }

  void differentSeedDifferentStream() {
    const auto a = stream(config(1), 20000, 500);
    const auto b = stream(config(2), 20000, 500);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differing += a[i] != b[i];
    QVERIFY(differing > a.size() / 2);
  }

  void resetRestartsTheStream() {
    MotionSource source(config(9));
    std::vector<std::int16_t> a(3000 * 3), b(3000 * 3);
    source.generate(a.data(), 3000);
    source.reset(config(9));
    QCOMPARE(source.sampleIndex(), 0u);
    source.generate(b.data(), 3000);
    QVERIFY(a == b);
  }

  void idleIsGravityPlusNoise() {
    const auto s = stream(config(3, 0.0f), 10000, 1000);
    const AxisStats a = stats(s, 0, 10000);
    QVERIFY(std::fabs(a.mean[0]) < 5.0);
    QVERIFY(std::fabs(a.mean[1]) < 5.0);
    QVERIFY(std::fabs(a.mean[2] - MotionSource::kCountsPerG) < 5.0);
    // 20 counts of white noise, plus a 3-count tremor on x and y.
    for (int c = 0; c < 3; ++c) QVERIFY2(a.stddev[c] > 17.0 && a.stddev[c] < 24.0, "noise level");
    MotionSource source(config(3, 0.0f));
    std::vector<std::int16_t> buffer(60000 * 3);
    source.generate(buffer.data(), 60000);
    GestureTruth t;
    QVERIFY(!source.popTruth(t));  // rate 0: no spontaneous gesture in a minute
  }

  void gestureNamesAreDistinct() {
    std::set<std::string> names;
    for (std::uint8_t id = 0; id < MotionSource::kGestureCount; ++id) {
      names.insert(MotionSource::gestureName(id));
    }
    QCOMPARE(int(names.size()), int(MotionSource::kGestureCount));
    QVERIFY(names.count("?") == 0);
    QCOMPARE(std::string(MotionSource::gestureName(MotionSource::kGestureCount)), std::string("?"));
    QCOMPARE(std::string(MotionSource::gestureName(0)), std::string("shake"));
  }

  void requestedGesturesRunBackToBackWithRest() {
    MotionConfig c = config(5, 0.0f);
    MotionSource source(c);
    QVERIFY(!source.performGesture(MotionSource::kGestureCount));
    for (std::uint8_t id = 0; id < MotionSource::kQueueCapacity; ++id) {
      QVERIFY(source.performGesture(std::uint8_t(id % MotionSource::kGestureCount)));
    }
    QVERIFY(!source.performGesture(0));  // queue full
    std::vector<std::int16_t> buffer(20000 * 3);
    source.generate(buffer.data(), 20000);
    const std::uint32_t rest = std::uint32_t(c.restSeconds * c.sampleRateHz);
    GestureTruth t;
    std::uint32_t expectedStart = rest;  // the stream starts with a rest too
    for (std::uint8_t i = 0; i < MotionSource::kQueueCapacity; ++i) {
      QVERIFY(source.popTruth(t));
      QCOMPARE(int(t.id), int(i % MotionSource::kGestureCount));
      QCOMPARE(t.start, expectedStart);
      // Nominal 0.3-1.2 s, divided by a speed of 0.8-1.2.
      QVERIFY(t.frames >= 250 && t.frames <= 1400);
      expectedStart = t.start + t.frames + rest;
    }
    QVERIFY(!source.popTruth(t));
  }

  void durationsFollowTheSampleRate() {
    MotionConfig c = config(6, 0.0f);
    c.sampleRateHz = 200;
    MotionSource source(c);
    source.performGesture(0);  // shake: 0.8 s nominal
    std::vector<std::int16_t> buffer(1000 * 3);
    source.generate(buffer.data(), 1000);
    GestureTruth t;
    QVERIFY(source.popTruth(t));
    QVERIFY(t.frames >= 133 && t.frames <= 200);
    QCOMPARE(t.start, 100u);
  }

  void spontaneousRateAndUnknownFraction() {
    MotionConfig c = config(8, 20.0f);
    c.unknownFraction = 0.3f;
    MotionSource source(c);
    std::vector<std::int16_t> buffer(1000 * 3);
    int total = 0, unknown = 0;
    int perClass[MotionSource::kGestureCount] = {};
    for (int second = 0; second < 600; ++second) {
      source.generate(buffer.data(), 1000);
      GestureTruth t;
      while (source.popTruth(t)) {
        ++total;
        ++perClass[t.id];
        unknown += t.id >= MotionSource::kKnownGestures;
      }
    }
    qInfo("10 min at 20/min: %d gestures, %d never-seen (fraction 0.3 asked)", total, unknown);
    // 20/min minus the dead time of each gesture and its rest.
    QVERIFY(total >= 150 && total <= 215);
    QVERIFY(unknown > total / 5 && unknown < total * 2 / 5);
    for (int k = 0; k < MotionSource::kGestureCount; ++k) QVERIFY(perClass[k] > 0);
  }

  void truthRingKeepsTheMostRecent() {
    MotionConfig c = config(10, 60.0f);
    MotionSource source(c);
    std::vector<std::int16_t> buffer(120000 * 3);
    source.generate(buffer.data(), 120000);  // ~ 60-90 gestures, never popped
    QVERIFY(source.truthOverflows() > 0);
    GestureTruth t;
    int n = 0;
    std::uint32_t last = 0;
    while (source.popTruth(t)) {
      QVERIFY(n == 0 || t.start > last);
      last = t.start;
      ++n;
    }
    QCOMPARE(n, int(MotionSource::kTruthCapacity));
    QVERIFY(last > 110000);  // the newest one is in the ring
  }

  void driftMovesBiasSlowly() {
    // Bias drift on x has a 137 s period: at a quarter period it is at its +300 count peak.
    const std::uint32_t frames = 35000;
    const auto still = stream(config(12, 0.0f, 0.0f), frames, 5000);
    const auto drifting = stream(config(12, 0.0f, 1.0f), frames, 5000);
    const AxisStats a = stats(still, 33750, 1000);
    const AxisStats b = stats(drifting, 33750, 1000);
    const AxisStats early = stats(drifting, 0, 1000);
    QVERIFY(std::fabs(a.mean[0]) < 5.0);
    QVERIFY2(b.mean[0] > 250.0 && b.mean[0] < 350.0, "x bias near its peak");
    QVERIFY(std::fabs(early.mean[0]) < 30.0);
    QVERIFY(b.stddev[0] > a.stddev[0]);  // noise level drifts up too
  }

  void samplesSaturateInsteadOfWrapping() {
    MotionConfig c = config(13, 0.0f);
    c.noiseCounts = 20000.0f;  // absurd noise: values must clip, never wrap around
    const auto s = stream(c, 5000, 5000);
    int atRail = 0;
    for (std::int16_t v : s) atRail += v == 32767 || v == -32768;
    QVERIFY(atRail > 0);
    const AxisStats a = stats(s, 0, 5000);
    QVERIFY(a.mean[2] > 0.0);  // gravity still pulls z positive on average
  }

  void channelCountChangesTheAxesNotTheMotion() {
    // 1 and 6 axes: the same gestures at the same times, seen through other axes.
    MotionConfig c = config(7, 0.0f);
    const std::uint32_t frames = 3000;
    const std::vector<std::int16_t> three = stream(c, frames, 100, 500, 0);  // a shake
    c.channels = 1;
    MotionSource one(c);
    c.channels = 6;
    MotionSource six(c);
    QCOMPARE(int(six.config().channels), 6);
    std::vector<std::int16_t> a(frames), b(std::size_t(frames) * 6);
    one.generate(a.data(), 500);
    six.generate(b.data(), 500);
    one.performGesture(0);
    six.performGesture(0);
    one.generate(a.data() + 500, frames - 500);
    six.generate(b.data() + 500 * 6, frames - 500);
    // One axis: the body diagonal of the same accelerometer, frame for frame (same draws).
    // Within the rounding of three counts and of one.
    for (std::uint32_t f = 0; f < frames; ++f) {
      const double diagonal = (three[f * 3] + three[f * 3 + 1] + three[f * 3 + 2]) / std::sqrt(3.0);
      QVERIFY2(std::abs(a[f] - diagonal) <= 1.5, qPrintable(QString::number(f)));
    }
    // Six axes: x, y, z (frame 0 as the 3-axis stream: the rate's noise is drawn after), then
    // a rate that idles near zero and turns with the shake.
    for (int c3 = 0; c3 < 3; ++c3) QCOMPARE(b[std::size_t(c3)], three[std::size_t(c3)]);
    double idle = 0, moving = 0;
    for (std::uint32_t f = 0; f < 400; ++f) idle = std::max(idle, std::abs(double(b[f * 6 + 4])));
    for (std::uint32_t f = 600; f < 1100; ++f)
      moving = std::max(moving, std::abs(double(b[f * 6 + 4])));
    QVERIFY2(idle < 200.0, qPrintable(QString::number(idle)));
    QVERIFY2(moving > 1500.0, qPrintable(QString::number(moving)));
    // Out-of-range counts are clamped.
    c.channels = 0;
    QCOMPARE(int(MotionSource(c).config().channels), 1);
    c.channels = 9;
    QCOMPARE(int(MotionSource(c).config().channels), int(MotionSource::kMaxChannels));
  }

  void requestedGestureInNamesWhatWasPlaying() {
    MotionConfig c = config(11, 0.0f);
    MotionSource source(c);
    QVERIFY(source.performGesture(1));
    QVERIFY(source.performGesture(5));
    std::vector<std::int16_t> buffer(6000 * 3);
    source.generate(buffer.data(), 6000);
    GestureTruth circle, eight;
    QVERIFY(source.popTruth(circle) && source.popTruth(eight));
    QVERIFY(circle.requested && eight.requested);
    // Windows as the event detector makes them: some idle before and after the gesture.
    QCOMPARE(int(source.requestedGestureIn(circle.start - 100, circle.frames + 250)), 1);
    QCOMPARE(int(source.requestedGestureIn(eight.start - 100, eight.frames + 250)), 5);
    // A window over the idle before the first gesture, or after the last: none.
    QCOMPARE(source.requestedGestureIn(0, 400), MotionSource::kNoGesture);
    QCOMPARE(source.requestedGestureIn(eight.start + eight.frames + 10, 300),
             MotionSource::kNoGesture);
    // A window over both: the one covering most of it.
    const std::uint32_t from = circle.start + circle.frames - 10;
    QCOMPARE(int(source.requestedGestureIn(from, eight.start + eight.frames - from)), 5);
  }

  void spontaneousGesturesAreNeverAttributed() {
    MotionSource source(config(12, 120.0f));
    std::vector<std::int16_t> buffer(20000 * 3);
    source.generate(buffer.data(), 20000);
    GestureTruth t;
    int seen = 0;
    while (source.popTruth(t)) {
      QVERIFY(!t.requested);
      QCOMPARE(source.requestedGestureIn(t.start, t.frames), MotionSource::kNoGesture);
      ++seen;
    }
    QVERIFY(seen >= 4);
  }

  void spontaneousRateChangesAtRuntime() {
    MotionSource source(config(13, 0.0f));
    std::vector<std::int16_t> buffer(30000 * 3);
    source.generate(buffer.data(), 30000);
    GestureTruth t;
    QVERIFY(!source.popTruth(t));  // off: nothing in 30 s
    source.setSpontaneousRate(120.0f);
    QCOMPARE(source.config().gestureRatePerMinute, 120.0f);
    const std::uint32_t turnedOn = source.sampleIndex();
    source.generate(buffer.data(), 30000);  // the stream goes on: no restart
    QCOMPARE(source.sampleIndex(), turnedOn + 30000u);
    int on = 0;
    while (source.popTruth(t)) {
      QVERIFY(t.start >= turnedOn);
      ++on;
    }
    QVERIFY2(on >= 10, qPrintable(QString::number(on)));  // ~ one every 0.5 s plus dead time
    source.setSpontaneousRate(0.0f);
    source.generate(buffer.data(), 3000);  // a gesture already playing ends
    while (source.popTruth(t)) {
    }
    source.generate(buffer.data(), 30000);
    QVERIFY(!source.popTruth(t));
    source.setSpontaneousRate(-5.0f);  // nonsense is off, not negative
    QCOMPARE(source.config().gestureRatePerMinute, 0.0f);
  }
};

QTEST_GUILESS_MAIN(TestMotionSource)
#include "test_motion_source.moc"
