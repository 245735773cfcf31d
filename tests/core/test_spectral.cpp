// The spectral front-end (core/real_fft.h, core/spectral.h): the FFT against a naive DFT and
// Parseval, the mel and linear band layouts, and the descriptor (determinism, tone vs noise,
// loudness normalisation, fixed length whatever the event's).
#include <QtTest>

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/real_fft.h"
#include "core/spectral.h"

using dlm::BandScale;
using dlm::RealFft;
using dlm::SpectralConfig;
using dlm::SpectralFrontEnd;
using dlm::Status;

namespace {

constexpr double kTwoPi = 6.283185307179586476925;

std::uint32_t g_seed = 1;
float uniform() {  // [-1, 1)
  g_seed = g_seed * 1664525u + 1013904223u;
  return float(g_seed >> 8) * (2.0f / 16777216.0f) - 1.0f;
}

// Mono int16 tone of \p hz at \p amplitude counts, with optional uniform noise.
std::vector<std::int16_t> tone(double hz, double rate, int frames, double amplitude,
                               double noise = 0.0) {
  std::vector<std::int16_t> s(std::size_t(frames), 0);
  for (int t = 0; t < frames; ++t) {
    const double v = amplitude * std::sin(kTwoPi * hz * t / rate) + noise * double(uniform());
    s[std::size_t(t)] = std::int16_t(std::lround(v));
  }
  return s;
}

struct FrontEnd {
  std::vector<std::uint8_t> work;
  SpectralFrontEnd fe;
  explicit FrontEnd(const SpectralConfig& c) : work(SpectralFrontEnd::workBytes(c) + 1) {
    // One byte in: the work memory need not be aligned.
    QCOMPARE(fe.init(c, work.data() + 1, work.size() - 1), Status::Ok);
  }
  std::vector<float> run(const std::vector<std::int16_t>& s) {
    std::vector<float> out(fe.config().dims(), -99.0f);
    const auto frames = std::uint32_t(s.size() / fe.config().channels);
    [&] { QCOMPARE(fe.compute(s.data(), frames, out.data(), out.size()), Status::Ok); }();
    return out;
  }
};

double mel(double hz) { return 2595.0 * std::log10(1.0 + hz / 700.0); }

} // namespace

class TestSpectral : public QObject {
  Q_OBJECT

private slots:
  void fftMatchesANaiveDft() {
    for (int n : {8, 16, 64, 256, 512, 1024, 4096}) {
      std::vector<float> table(dlm::realFftTableFloats(n));
      RealFft fft;
      QCOMPARE(fft.init(n, table.data(), table.size()), Status::Ok);
      std::vector<float> x(static_cast<std::size_t>(n));
      for (float& v : x) v = uniform();
      std::vector<float> packed = x;
      fft.forward(packed.data());
      double worst = 0.0;
      double largest = 0.0;
      for (int k = 0; k <= n / 2; ++k) {
        double re = 0.0;
        double im = 0.0;
        for (int t = 0; t < n; ++t) {
          const double a = kTwoPi * double(k) * t / n;
          re += double(x[std::size_t(t)]) * std::cos(a);
          im -= double(x[std::size_t(t)]) * std::sin(a);
        }
        double gotRe = 0.0;
        double gotIm = 0.0;
        if (k == 0) {
          gotRe = double(packed[0]);
        } else if (k == n / 2) {
          gotRe = double(packed[1]);
        } else {
          gotRe = double(packed[std::size_t(2 * k)]);
          gotIm = double(packed[std::size_t(2 * k + 1)]);
        }
        worst = std::fmax(worst, std::hypot(gotRe - re, gotIm - im));
        largest = std::fmax(largest, std::hypot(re, im));
      }
      // Single precision over log2(n) stages: a few ulps of the largest coefficient.
      QVERIFY2(worst <= 2e-6 * largest * std::log2(double(n)),
               qPrintable(QString("n=%1 error %2 of %3").arg(n).arg(worst).arg(largest)));
    }
  }

  void parsevalHolds() {
    const int n = 512;
    std::vector<float> table(dlm::realFftTableFloats(n));
    RealFft fft;
    QCOMPARE(fft.init(n, table.data(), table.size()), Status::Ok);
    std::vector<float> x(static_cast<std::size_t>(n));
    double energy = 0.0;
    for (float& v : x) {
      v = uniform();
      energy += double(v) * double(v);
    }
    fft.forward(x.data());
    fft.power(x.data(), x.data());  // in place
    double spectrum = double(x[0]) + double(x[std::size_t(n / 2)]);
    for (int k = 1; k < n / 2; ++k) spectrum += 2.0 * double(x[std::size_t(k)]);
    QVERIFY(std::fabs(spectrum / n - energy) < 1e-5 * energy);
  }

  void aToneLandsInItsBin() {
    const int n = 512;
    std::vector<float> table(dlm::realFftTableFloats(n));
    RealFft fft;
    QCOMPARE(fft.init(n, table.data(), table.size()), Status::Ok);
    for (int bin : {1, 37, 128, 255}) {
      std::vector<float> x(static_cast<std::size_t>(n));
      for (int t = 0; t < n; ++t) x[std::size_t(t)] = float(std::cos(kTwoPi * bin * t / n));
      fft.forward(x.data());
      fft.power(x.data(), x.data());
      int best = 0;
      for (int k = 0; k <= n / 2; ++k) best = x[std::size_t(k)] > x[std::size_t(best)] ? k : best;
      QCOMPARE(best, bin);
      QVERIFY(std::fabs(x[std::size_t(bin)] - float(n * n / 4)) < 1e-3f * float(n * n / 4));
    }
  }

  void fftRefusesWhatItCannotDo() {
    std::vector<float> table(dlm::realFftTableFloats(512));
    RealFft fft;
    QCOMPARE(fft.init(500, table.data(), table.size()), Status::InvalidArgument);
    QCOMPARE(fft.init(4, table.data(), table.size()), Status::InvalidArgument);
    QCOMPARE(fft.init(512, table.data(), table.size() - 1), Status::BufferTooSmall);
    QCOMPARE(fft.init(512, nullptr, table.size()), Status::InvalidArgument);
    QCOMPARE(fft.init(512, table.data(), table.size()), Status::Ok);
    QCOMPARE(fft.hann(0), 0.0f);
    QCOMPARE(fft.hann(256), 1.0f);
    QCOMPARE(fft.hann(128), fft.hann(384));
  }

  void melPointsAreEquallySpacedInMel() {
    const SpectralConfig c = dlm::soundSpectral();
    QCOMPARE(dlm::bandPointHz(c, 0), c.fminHz);
    QVERIFY(std::fabs(dlm::bandPointHz(c, c.bands + 1) - c.fmaxHz) < 1e-2f);
    const double step = (mel(double(c.fmaxHz)) - mel(double(c.fminHz))) / (c.bands + 1);
    for (int i = 0; i <= c.bands; ++i) {
      const double a = mel(double(dlm::bandPointHz(c, i)));
      const double b = mel(double(dlm::bandPointHz(c, i + 1)));
      QVERIFY(std::fabs(b - a - step) < 1e-3);
    }
  }

  void melFiltersOverlapToOne() {
    // Between the first and the last filter's peaks every bin's power is shared by two
    // adjacent filters with weights adding to 1; outside fmin..fmax it goes nowhere.
    const SpectralConfig c = dlm::soundSpectral();
    FrontEnd f(c);
    const double binHz = double(c.sampleRateHz) / c.frameLength;
    for (int k = 0; k <= c.frameLength / 2; ++k) {
      int lower = 0;
      float w = 0.0f;
      f.fe.binBands(k, &lower, &w);
      const double hz = binHz * k;
      if (hz < double(c.fminHz) || hz >= double(c.fmaxHz)) {
        QCOMPARE(lower, -2);
        continue;
      }
      QVERIFY(lower >= -1 && lower < c.bands);
      QVERIFY(w >= 0.0f && w < 1.0f);
      // The filters peak at points 1..bands: bin between filter lower's and lower+1's peaks.
      if (lower >= 0) QVERIFY(hz >= double(dlm::bandPointHz(c, lower + 1)) - 1e-3);
      QVERIFY(hz < double(dlm::bandPointHz(c, lower + 2)) + 1e-3);
    }
  }

  void linearBandsAreEqualRectangles() {
    // The vibration preset before issue 13's measurements: 20 linear bands x 3 slices.
    SpectralConfig c = dlm::vibrationSpectral(25600);
    c.scale = BandScale::Linear;
    c.bands = 20;
    c.slices = 3;
    c.fminHz = 128.0f;
    FrontEnd f(c);
    const double width = double(c.fmaxHz - c.fminHz) / c.bands;
    for (int i = 0; i <= c.bands; ++i) {
      QVERIFY(std::fabs(double(dlm::bandPointHz(c, i)) - (double(c.fminHz) + i * width)) < 1e-2);
    }
    const double binHz = double(c.sampleRateHz) / c.frameLength;
    std::vector<int> binsPerBand(std::size_t(c.bands), 0);
    for (int k = 0; k <= c.frameLength / 2; ++k) {
      int lower = 0;
      float w = 1.0f;
      f.fe.binBands(k, &lower, &w);
      const double hz = binHz * k;
      if (hz < double(c.fminHz)) {
        QCOMPARE(lower, -2);
        continue;
      }
      QCOMPARE(w, 0.0f);
      QCOMPARE(lower, std::min(int((hz - double(c.fminHz)) / width), c.bands - 1));
      ++binsPerBand[std::size_t(lower)];
    }
    for (int n : binsPerBand) QVERIFY(n >= 12 && n <= 14);  // 256 bins into 20 bands
  }

  void vibrationBandsResolveShaftOrders() {
    // What the vibration preset's mel bands are for: at 6.4 kHz the orders 1x, 2x, 3x, 4x and
    // 6x of a 25 Hz shaft each peak in a band of their own, higher for a higher order (the
    // linear preset had 32 to 190 Hz in its first band).
    const SpectralConfig c = dlm::vibrationSpectral(6400);
    QCOMPARE(c.scale, BandScale::Mel);
    QCOMPARE(c.fminHz, 12.5f);  // the first FFT bin
    QCOMPARE(int(c.slices), 1);
    QCOMPARE(int(c.bands), 60);
    FrontEnd f(c);
    int previous = -1;
    for (double hz : {25.0, 50.0, 75.0, 100.0, 150.0}) {
      const std::vector<float> d = f.run(tone(hz, 6400.0, 1900, 8000.0));
      int best = 0;
      for (int b = 1; b < c.bands; ++b) best = d[std::size_t(b)] > d[std::size_t(best)] ? b : best;
      QVERIFY2(best > previous, qPrintable(QString("%1 Hz: band %2").arg(hz).arg(best)));
      previous = best;
    }
  }

  void presetsFitTheBoardsDims() {
    // The rule spectralFor() documents, at 64 dims.
    QCOMPARE(int(dlm::soundSpectral(1).dims()), 62);
    QCOMPARE(int(dlm::soundSpectral(2).slices), 3);
    QCOMPARE(int(dlm::soundSpectral(2).dims()), 63);
    QCOMPARE(int(dlm::soundSpectral(3).dims()), 64);
    QCOMPARE(int(dlm::vibrationSpectral(25600, 1).dims()), 62);
    QCOMPARE(int(dlm::vibrationSpectral(25600, 2).dims()), 63);
    QCOMPARE(int(dlm::vibrationSpectral(25600, 2).bands), 30);
    QCOMPARE(int(dlm::vibrationSpectral(25600, 3).bands), 20);
    QCOMPARE(int(dlm::vibrationSpectral(25600, 3).dims()), 64);
    for (int channels = 1; channels <= 6; ++channels) {
      for (const SpectralConfig c :
           {dlm::soundSpectral(channels), dlm::vibrationSpectral(1000, channels)}) {
        QCOMPARE(int(c.channels), channels);
        QVERIFY(c.dims() <= dlm::kMaxDescriptorDims);
        QCOMPARE(dlm::checkSpectralConfig(c), Status::Ok);
      }
    }
    QCOMPARE(int(dlm::soundSpectral(64).channels), 0);  // not one cell each
    SpectralConfig bad = dlm::soundSpectral();
    bad.fmaxHz = 9000.0f;  // above Nyquist
    QCOMPARE(dlm::checkSpectralConfig(bad), Status::InvalidArgument);
    QCOMPARE(SpectralFrontEnd::workBytes(bad), std::size_t(0));
    bad = dlm::soundSpectral();
    bad.frameLength = 500;
    QCOMPARE(dlm::checkSpectralConfig(bad), Status::InvalidArgument);
  }

  void aToneLightsItsBand() {
    for (const SpectralConfig c : {dlm::soundSpectral(), dlm::vibrationSpectral(16000)}) {
      FrontEnd f(c);
      for (double hz : {300.0, 1000.0, 2500.0, 6000.0}) {
        const std::vector<float> d = f.run(tone(hz, c.sampleRateHz, 8000, 8000.0));
        // The band whose centre is nearest the tone is the loudest in every slice.
        int expected = 0;
        const int centre = c.scale == BandScale::Mel ? 1 : 0;
        auto centreHz = [&](int b) {
          return c.scale == BandScale::Mel
                     ? double(dlm::bandPointHz(c, b + centre))
                     : 0.5 * double(dlm::bandPointHz(c, b) + dlm::bandPointHz(c, b + 1));
        };
        for (int b = 1; b < c.bands; ++b) {
          if (std::fabs(centreHz(b) - hz) < std::fabs(centreHz(expected) - hz)) expected = b;
        }
        for (int s = 0; s < c.slices; ++s) {
          const float* row = d.data() + s * c.bands;
          int best = 0;
          for (int b = 1; b < c.bands; ++b) best = row[b] > row[best] ? b : best;
          QVERIFY2(best == expected, qPrintable(QString("%1 Hz: band %2, not %3")
                                                    .arg(hz).arg(best).arg(expected)));
        }
      }
    }
  }

  void toneAndNoiseDiffer() {
    // White noise in linear bands is flat; a tone stands 3 bels or more above the rest.
    SpectralConfig c = dlm::vibrationSpectral(16000);
    c.scale = BandScale::Linear;
    c.bands = 20;
    c.slices = 3;
    c.fminHz = 80.0f;
    FrontEnd f(c);
    std::vector<std::int16_t> noise(8000);
    for (auto& v : noise) v = std::int16_t(4000.0f * uniform());
    const std::vector<float> n = f.run(noise);
    const std::vector<float> t = f.run(tone(3000.0, 16000.0, 8000, 4000.0, 20.0));
    auto spread = [&](const std::vector<float>& d) {
      float lo = 1e9f;
      float hi = -1e9f;
      for (int i = 0; i < c.slices * c.bands; ++i) {
        lo = std::fmin(lo, d[std::size_t(i)]);
        hi = std::fmax(hi, d[std::size_t(i)]);
      }
      return hi - lo;
    };
    QVERIFY2(spread(n) < 0.1f, qPrintable(QString::number(double(spread(n)))));
    QVERIFY2(spread(t) > 0.75f, qPrintable(QString::number(double(spread(t)))));
  }

  void deterministicAndLoudnessFree() {
    const SpectralConfig c = dlm::soundSpectral();
    FrontEnd a(c);
    FrontEnd b(c);
    g_seed = 5;
    const std::vector<std::int16_t> s = tone(700.0, 16000.0, 12000, 3000.0, 800.0);
    const std::vector<float> d1 = a.run(s);
    const std::vector<float> d2 = a.run(s);
    const std::vector<float> d3 = b.run(s);
    QVERIFY(d1 == d2);
    QVERIFY(d1 == d3);
    // Four times louder: the level rises by log10(16)/4, the normalised cells stay.
    std::vector<std::int16_t> loud = s;
    for (auto& v : loud) v = std::int16_t(v * 4);
    const std::vector<float> d4 = a.run(loud);
    const int cells = c.slices * c.bands;
    for (int i = 0; i < cells; ++i) QVERIFY(std::fabs(d4[std::size_t(i)] - d1[std::size_t(i)]) < 1e-3f);
    QVERIFY(std::fabs(d4[std::size_t(cells)] - d1[std::size_t(cells)] - 0.3010f) < 1e-3f);
    float mean = 0.0f;
    for (int i = 0; i < cells; ++i) mean += d1[std::size_t(i)];
    QVERIFY(std::fabs(mean / float(cells)) < 1e-5f);
  }

  void fixedLengthForShortAndLongEvents() {
    for (int channels : {1, 3}) {
      const SpectralConfig c = dlm::soundSpectral(channels);
      FrontEnd f(c);
      for (int frames : {1, 10, 511, 512, 513, 16000, 70000}) {
        std::vector<std::int16_t> s(std::size_t(frames) * std::size_t(channels));
        for (auto& v : s) v = std::int16_t(2000.0f * uniform());
        const std::vector<float> d = f.run(s);
        QCOMPARE(int(d.size()), int(c.dims()));
        for (float v : d) QVERIFY(std::isfinite(v) && v > -10.0f && v < 10.0f);
        const float duration = d.back();
        QCOMPARE(duration, std::fmin(1.0f, float(frames) / float(c.maxFrames)));
      }
    }
    // Silence: every cell at the floor, finite.
    const SpectralConfig c = dlm::soundSpectral();
    FrontEnd f(c);
    const std::vector<float> d = f.run(std::vector<std::int16_t>(4000, 123));
    QCOMPARE(d[0], 0.0f);
    QCOMPARE(d[std::size_t(c.slices * c.bands)], -2.5f);  // 0.25 log10(1e-10)
  }

  void computeChecksItsArguments() {
    const SpectralConfig c = dlm::soundSpectral();
    SpectralFrontEnd fe;
    std::vector<float> out(c.dims());
    const std::int16_t s[4] = {};
    QCOMPARE(fe.compute(s, 4, out.data(), out.size()), Status::NotInitialized);
    std::vector<std::uint8_t> work(SpectralFrontEnd::workBytes(c));
    QCOMPARE(fe.init(c, work.data(), work.size() - 64), Status::ArenaTooSmall);
    QVERIFY(!fe.ready());
    QCOMPARE(fe.init(c, work.data(), work.size()), Status::Ok);
    QCOMPARE(fe.compute(s, 0, out.data(), out.size()), Status::InvalidArgument);
    QCOMPARE(fe.compute(s, 4, out.data(), out.size() - 1), Status::BufferTooSmall);
    QCOMPARE(fe.compute(s, 4, out.data(), out.size()), Status::Ok);
    std::vector<float> w(c.dims());
    QCOMPARE(dlm::spectralFeatureWeights(c, 3.0f, w.data(), w.size()), Status::Ok);
    QCOMPARE(w[0], 1.0f);
    QCOMPARE(w[std::size_t(c.slices * c.bands)], 3.0f);
    QCOMPARE(w.back(), 3.0f);
  }
};

QTEST_APPLESS_MAIN(TestSpectral)
#include "test_spectral.moc"
