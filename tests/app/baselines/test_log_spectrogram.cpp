// The plain log-spectrogram baseline (issue 13): where its energy lands, and the two timings.
#include "app/baselines/log_spectrogram.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

using dlm::bench::LogSpectrogram;

namespace {

constexpr int kBins = 257;  // 512-sample frames

// Interleaved channels; channel c plays hz[c] (a tone at exactly an FFT bin when hz is a
// multiple of 31.25) over \p frames frames at 16 kHz.
std::vector<std::int16_t> tones(const std::vector<double>& hz, int frames) {
  std::vector<std::int16_t> s;
  for (int i = 0; i < frames; ++i) {
    for (const double f : hz) {
      const double v = 8000.0 * std::sin(2.0 * M_PI * f * i / 16000.0);
      s.push_back(static_cast<std::int16_t>(std::lround(v)));
    }
  }
  return s;
}

// 500 Hz for the first half of \p frames, 2 kHz for the second: a two-syllable "word".
std::vector<std::int16_t> twoNotes(int frames) {
  std::vector<std::int16_t> s;
  for (int i = 0; i < frames; ++i) {
    const double hz = i < frames / 2 ? 500.0 : 2000.0;
    const double v = 8000.0 * std::sin(2.0 * M_PI * hz * i / 16000.0);
    s.push_back(static_cast<std::int16_t>(std::lround(v)));
  }
  return s;
}

int loudestBin(const float* row) { return int(std::max_element(row, row + kBins) - row); }

} // namespace

class TestLogSpectrogram : public QObject {
  Q_OBJECT

private slots:
  void shapeAndRefusals() {
    const LogSpectrogram s(512, 62);
    QVERIFY(s.ready());
    QCOMPARE(s.dims(1), 62 * kBins);
    QCOMPARE(s.dims(3), 3 * 62 * kBins);
    LogSpectrogram bad(500, 62);
    QVERIFY(!bad.ready());
    QCOMPARE(bad.dims(1), 0);
    std::vector<float> out(10);
    const std::vector<std::int16_t> x(1000, 1);
    QVERIFY(!bad.compute(x.data(), 1000, 1, out.data()));
    LogSpectrogram good(512, 4);
    std::vector<float> row(std::size_t(good.dims(1)));
    QVERIFY(!good.compute(x.data(), 0, 1, row.data()));
    QVERIFY(!good.compute(x.data(), 1000, 0, row.data()));
  }

  void everyFrameHasItsChannelsTone() {
    LogSpectrogram s(512, 16);
    // 1 kHz is bin 32, 3 kHz bin 96.
    const std::vector<std::int16_t> x = tones({1000.0, 3000.0}, 12000);
    std::vector<float> out(std::size_t(s.dims(2)));
    QVERIFY(s.compute(x.data(), 12000, 2, out.data()));
    for (int t = 0; t < 16; ++t) {
      QCOMPARE(loudestBin(out.data() + t * kBins), 32);
      QCOMPARE(loudestBin(out.data() + (16 + t) * kBins), 96);
    }
    // A full-scale-ish tone far above the floor, the bins far from it much lower.
    QVERIFY(out[32] > out[200] + 3.0f);
  }

  void hopFramesPastTheEndAreTheFloor() {
    LogSpectrogram s(512, 62, LogSpectrogram::Timing::Hop);
    const std::vector<std::int16_t> x = tones({1000.0}, 4000);
    std::vector<float> out(std::size_t(s.dims(1)));
    QVERIFY(s.compute(x.data(), 4000, 1, out.data()));
    QCOMPARE(loudestBin(out.data()), 32);
    // Frame t starts at 256 t: from t = 16 (sample 4096) on, nothing but the -100 dB floor.
    for (int t = 16; t < 62; ++t) {
      for (int k = 0; k < kBins; ++k) QCOMPARE(out[std::size_t(t * kBins + k)], -10.0f);
    }
  }

  void spreadFollowsTheWordNotTheClock() {
    // The same two notes said at two speeds (0.25 s and 1 s): spread frames see the same note
    // at the same frame; hop frames do not (the slow word's second note comes 4x later).
    const std::vector<std::int16_t> fast = twoNotes(4000);
    const std::vector<std::int16_t> slow = twoNotes(16000);
    for (const auto timing : {LogSpectrogram::Timing::Spread, LogSpectrogram::Timing::Hop}) {
      LogSpectrogram s(512, 20, timing);
      std::vector<float> a(std::size_t(s.dims(1)));
      std::vector<float> b(std::size_t(s.dims(1)));
      QVERIFY(s.compute(fast.data(), 4000, 1, a.data()));
      QVERIFY(s.compute(slow.data(), 16000, 1, b.data()));
      int same = 0;
      for (int t = 0; t < 20; ++t)
        same += loudestBin(a.data() + t * kBins) == loudestBin(b.data() + t * kBins) ? 1 : 0;
      if (timing == LogSpectrogram::Timing::Spread) {
        QVERIFY2(same >= 18, std::to_string(same).c_str());
      } else {
        QVERIFY2(same <= 12, std::to_string(same).c_str());
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestLogSpectrogram)
#include "test_log_spectrogram.moc"
