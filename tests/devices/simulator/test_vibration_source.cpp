// The synthetic rotating machine (devices/simulator/vibration_source.h): determinism, the
// measurement windows, the shaft peak where it belongs, and each fault adding energy where
// condition monitoring looks for it (checked with the core's own real FFT).
#include <QtTest>

#include <cmath>
#include <vector>

#include "core/real_fft.h"
#include "devices/simulator/vibration_source.h"

using dlm::firmware::MachineFault;
using dlm::firmware::VibrationConfig;
using dlm::firmware::VibrationSource;

namespace {

constexpr int kFft = 1024;

VibrationConfig machine(MachineFault fault, std::uint8_t channels = 1, float drift = 0.0f) {
  VibrationConfig c;
  c.seed = 7;
  c.fault = fault;
  c.channels = channels;
  c.drift = drift;
  c.shaftHz = 30.0f;
  return c;
}

// The first measurement window (it starts half a period in), all channels interleaved.
std::vector<std::int16_t> firstWindow(const VibrationConfig& c) {
  VibrationSource source(c);
  const std::uint32_t skip = source.config().periodSeconds > 0.0f
                                 ? static_cast<std::uint32_t>(c.periodSeconds * c.sampleRateHz) / 2
                                 : 0;
  std::vector<std::int16_t> scratch(std::size_t(skip) * c.channels);
  source.generate(scratch.data(), skip);
  std::vector<std::int16_t> window(std::size_t(c.windowFrames) * c.channels);
  source.generate(window.data(), c.windowFrames);
  return window;
}

// Power spectrum (kFft/2 + 1 bins) of channel `channel`, Hann-windowed, from frame 200 on.
std::vector<float> spectrum(const std::vector<std::int16_t>& w, int channels, int channel) {
  std::vector<float> table(dlm::realFftTableFloats(kFft));
  dlm::RealFft fft;
  if (fft.init(kFft, table.data(), table.size()) != dlm::Status::Ok) return {};
  std::vector<float> data(kFft);
  for (int t = 0; t < kFft; ++t)
    data[t] = fft.hann(t) * float(w[std::size_t(200 + t) * channels + channel]);
  fft.forward(data.data());
  std::vector<float> power(kFft / 2 + 1);
  fft.power(data.data(), power.data());
  return power;
}

double bandPower(const std::vector<float>& p, double loHz, double hiHz, double rate = 6400.0) {
  const double binHz = rate / kFft;
  double sum = 0.0;
  for (int k = int(loHz / binHz); k <= int(hiHz / binHz) && k < int(p.size()); ++k) sum += p[k];
  return sum;
}

double rms(const std::int16_t* x, std::size_t n) {
  double s = 0.0;
  for (std::size_t i = 0; i < n; ++i) s += double(x[i]) * x[i];
  return std::sqrt(s / double(n));
}

} // namespace

class TestVibrationSource : public QObject {
  Q_OBJECT

private slots:
  void sameSeedSameSamples() {
    VibrationConfig c = machine(MachineFault::Bearing, 3, 1.0f);
    VibrationSource a(c);
    VibrationSource b(c);
    std::vector<std::int16_t> x(3 * 20000), y(3 * 20000);
    a.generate(x.data(), 20000);
    // In uneven chunks: the stream does not depend on how it is pulled.
    for (std::uint32_t done = 0; done < 20000;) {
      const std::uint32_t n = std::min<std::uint32_t>(37 + done % 101, 20000 - done);
      b.generate(y.data() + std::size_t(done) * 3, n);
      done += n;
    }
    QVERIFY(x == y);
    c.seed = 8;
    VibrationSource other(c);
    other.generate(y.data(), 20000);
    QVERIFY(x != y);
  }

  void windowsEveryPeriodAboveTheTrigger() {
    const VibrationConfig c = machine(MachineFault::None);
    VibrationSource source(c);
    const std::uint32_t period = 12800;  // 2 s at 6.4 kHz
    std::vector<std::int16_t> x(3 * period);
    source.generate(x.data(), 3 * period);
    // Idle half period, then windowFrames of machine, then idle again: one window a period.
    QVERIFY(rms(x.data(), period / 2 - 10) < 20.0);
    QVERIFY(rms(x.data() + period / 2, c.windowFrames) > 700.0);  // detector threshold: 600
    QVERIFY(rms(x.data() + period / 2 + c.windowFrames + 10, period - c.windowFrames - 20) < 20.0);
    QVERIFY(rms(x.data() + period / 2 + period, c.windowFrames) > 700.0);
  }

  void shaftPeakAtTheShaftFrequency() {
    for (float shaft : {25.0f, 30.0f, 50.0f}) {
      VibrationConfig c = machine(MachineFault::None);
      c.shaftHz = shaft;
      const std::vector<float> p = spectrum(firstWindow(c), 1, 0);
      int best = 1;
      for (int k = 1; k < 64; ++k)
        if (p[k] > p[best]) best = k;
      const double binHz = 6400.0 / kFft;
      QVERIFY2(std::fabs(best * binHz - shaft) <= binHz, qPrintable(QString::number(best * binHz)));
    }
  }

  void driftMovesTheSpeedWithinFivePercent() {
    VibrationConfig c = machine(MachineFault::None, 1, 1.0f);
    VibrationSource source(c);
    std::vector<std::int16_t> x(6400);
    float lo = 1e9f, hi = 0.0f;
    for (int i = 0; i < 200; ++i) {  // 100 s: two drift periods of the speed
      source.generate(x.data(), 6400);
      lo = std::min(lo, source.currentShaftHz());
      hi = std::max(hi, source.currentShaftHz());
    }
    QVERIFY(lo >= 30.0f * 0.95f - 1e-3f && hi <= 30.0f * 1.05f + 1e-3f);
    QVERIFY(hi - lo > 30.0f * 0.05f);  // it does move
  }

  void eachFaultAddsEnergyWhereItShould() {
    const std::vector<float> normal = spectrum(firstWindow(machine(MachineFault::None, 3)), 3, 0);
    const std::vector<float> normalAxial =
        spectrum(firstWindow(machine(MachineFault::None, 3)), 3, 2);
    auto ratio = [&](MachineFault f, int channel, double lo, double hi) {
      const std::vector<float> p = spectrum(firstWindow(machine(f, 3)), 3, channel);
      const std::vector<float>& ref = channel == 2 ? normalAxial : normal;
      return bandPower(p, lo, hi) / bandPower(ref, lo, hi);
    };
    // Imbalance: 1x. Misalignment: 2x, axially. Looseness: the 4x..10x harmonics and the
    // half order. Bearings: the housing resonance around 2.2 kHz.
    QVERIFY(ratio(MachineFault::Imbalance, 0, 20, 40) > 4.0);
    QVERIFY(ratio(MachineFault::Imbalance, 0, 1500, 3000) < 2.0);
    QVERIFY(ratio(MachineFault::Misalignment, 2, 50, 70) > 4.0);
    QVERIFY(ratio(MachineFault::Looseness, 0, 110, 310) > 4.0);
    QVERIFY(ratio(MachineFault::Looseness, 0, 10, 20) > 4.0);
    QVERIFY(ratio(MachineFault::Bearing, 0, 1800, 2600) > 4.0);
    QVERIFY(ratio(MachineFault::BearingInner, 0, 1800, 2600) > 2.0);
    QVERIFY(ratio(MachineFault::Bearing, 0, 20, 40) < 1.5);  // the shaft is unchanged
  }

  void faultNamesRoundTrip() {
    for (std::uint8_t f = 0; f < dlm::firmware::kMachineFaultCount; ++f) {
      MachineFault parsed = MachineFault::None;
      QVERIFY(VibrationSource::faultFromName(VibrationSource::faultName(f), parsed));
      QCOMPARE(int(parsed), int(f));
    }
    MachineFault parsed = MachineFault::None;
    QVERIFY(!VibrationSource::faultFromName("rust", parsed));
  }
};

QTEST_GUILESS_MAIN(TestVibrationSource)
#include "test_vibration_source.moc"
