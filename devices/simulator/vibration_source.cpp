#include "devices/simulator/vibration_source.h"

#include <cmath>
#include <cstring>

namespace dlm::firmware {

namespace {

constexpr float kTwoPi = 6.28318531f;
constexpr float kFullScale = 32767.0f;

// Healthy machine, in counts at load 1 (1x, 2x, 3x, blade pass at 7x).
constexpr float kShaftAmplitude = 1100.0f;
constexpr float kSecondAmplitude = 380.0f;
constexpr float kThirdAmplitude = 180.0f;
constexpr float kBladeOrder = 7.0f;
constexpr float kBladeAmplitude = 150.0f;
constexpr float kNoiseCounts = 260.0f;
// Between windows: the idle sensor's noise floor, far below the detector's threshold.
constexpr float kFloorCounts = 6.0f;
// Bearing impact size at severity 1, and the ring-down time of the housing resonance.
constexpr float kImpactCounts = 2600.0f;
constexpr float kResonanceDecaySeconds = 0.0015f;
// Per-axis gains: radial horizontal, radial vertical, axial.
constexpr float kAxisShaft[3] = {1.0f, 0.85f, 0.4f};
constexpr float kAxisImpact[3] = {1.0f, 0.8f, 0.3f};
// Slow drift periods, seconds.
constexpr float kSpeedDriftPeriod = 47.0f;
constexpr float kLoadDriftPeriod = 180.0f;

float wrap(float cycles) { return cycles - std::floor(cycles); }

float clampUnit(float v) {
  if (!(v >= 0.0f)) return 0.0f;
  return v > 1.0f ? 1.0f : v;
}

std::int16_t toCounts(float v) {
  if (v > kFullScale) v = kFullScale;
  if (v < -kFullScale) v = -kFullScale;
  return static_cast<std::int16_t>(std::lround(v));
}

} // namespace

VibrationSource::VibrationSource() { reset(VibrationConfig()); }

VibrationSource::VibrationSource(const VibrationConfig& config) { reset(config); }

void VibrationSource::reset(const VibrationConfig& config) {
  m_config = config;
  if (m_config.sampleRateHz == 0) m_config.sampleRateHz = 6400;
  if (m_config.channels < 1) m_config.channels = 1;
  if (m_config.channels > kMaxChannels) m_config.channels = kMaxChannels;
  if (static_cast<std::uint8_t>(m_config.fault) >= kMachineFaultCount)
    m_config.fault = MachineFault::None;
  m_config.severity = clampUnit(m_config.severity);
  m_config.drift = clampUnit(m_config.drift);
  if (!(m_config.shaftHz > 1.0f)) m_config.shaftHz = 30.0f;
  if (!(m_config.load > 0.0f)) m_config.load = 1.0f;
  if (!(m_config.periodSeconds > 0.0f)) m_config.periodSeconds = 2.0f;

  const float rate = static_cast<float>(m_config.sampleRateHz);
  m_periodFrames = static_cast<std::uint32_t>(m_config.periodSeconds * rate + 0.5f);
  if (m_periodFrames < 2) m_periodFrames = 2;
  if (m_config.windowFrames < 1) m_config.windowFrames = 1;
  if (m_config.windowFrames >= m_periodFrames) m_config.windowFrames = m_periodFrames - 1;

  m_rng = m_config.seed * 2654435761u + 0x9E3779B9u;
  if (m_rng == 0) m_rng = 1;
  m_sampleIndex = 0;
  // The first window starts after one idle half-period, so that the detector sees quiet first.
  m_phaseInPeriod = m_periodFrames - m_periodFrames / 2;
  m_inWindow = false;
  m_driftPhase[0] = uniform(0.0f, 1.0f);
  m_driftPhase[1] = uniform(0.0f, 1.0f);
  m_shaftPhase = uniform(0.0f, 1.0f);
  m_subPhase = 0.0f;
  m_bearingPhase = 0.0f;
  m_res1 = 0.0f;
  m_res2 = 0.0f;

  // Two-pole resonator y = a1 y[-1] - a2 y[-2] + x: poles at r e^{±jw}.
  float resonance = kResonanceHz;
  if (resonance > 0.34f * rate) resonance = 0.34f * rate;
  const float r = std::exp(-1.0f / (kResonanceDecaySeconds * rate));
  m_resA1 = 2.0f * r * std::cos(kTwoPi * resonance / rate);
  m_resA2 = r * r;
  startWindow();
  m_inWindow = false;
}

void VibrationSource::setFault(MachineFault fault) {
  if (static_cast<std::uint8_t>(fault) < kMachineFaultCount) m_config.fault = fault;
}

void VibrationSource::setOperatingPoint(float shaftHz, float load) {
  if (shaftHz > 1.0f) m_config.shaftHz = shaftHz;
  if (load > 0.0f) m_config.load = load;
}

void VibrationSource::startWindow() {
  // The operating point is held for a window (0.3 s against drift periods of minutes).
  const float t = static_cast<float>(m_sampleIndex) / static_cast<float>(m_config.sampleRateHz);
  const float speed = std::sin(kTwoPi * wrap(t / kSpeedDriftPeriod + m_driftPhase[0]));
  const float load = std::sin(kTwoPi * wrap(t / kLoadDriftPeriod + m_driftPhase[1]));
  m_shaftHz = m_config.shaftHz * (1.0f + kSpeedDrift * m_config.drift * speed);
  m_load = m_config.load * (1.0f + kLoadDrift * m_config.drift * load);
  const float order = m_config.fault == MachineFault::BearingInner ? kBpfiOrder : kBpfoOrder;
  m_bearingRate = order * m_shaftHz / static_cast<float>(m_config.sampleRateHz);
  m_bearingPhase = uniform(0.0f, 1.0f);
  m_inWindow = true;
}

void VibrationSource::generate(std::int16_t* out, std::uint32_t frames) {
  const std::uint8_t channels = m_config.channels;
  for (std::uint32_t i = 0; i < frames; ++i) {
    if (m_phaseInPeriod >= m_periodFrames) m_phaseInPeriod = 0;
    if (m_phaseInPeriod == 0) startWindow();
    if (m_phaseInPeriod == m_config.windowFrames) m_inWindow = false;
    std::int16_t* frame = out + static_cast<std::size_t>(i) * channels;
    if (m_inWindow) {
      machineFrame(frame);
    } else {
      for (std::uint8_t c = 0; c < channels; ++c) frame[c] = toCounts(kFloorCounts * gaussian());
      m_res1 = 0.0f;
      m_res2 = 0.0f;
    }
    ++m_phaseInPeriod;
    ++m_sampleIndex;
  }
}

float VibrationSource::bearingImpact() {
  const MachineFault f = m_config.fault;
  if (f != MachineFault::Bearing && f != MachineFault::BearingInner) return 0.0f;
  m_bearingPhase += m_bearingRate;
  if (m_bearingPhase < 1.0f) return 0.0f;
  m_bearingPhase -= 1.0f;
  // Rolling elements slip: the next impact comes a little early or late.
  const float order = f == MachineFault::BearingInner ? kBpfiOrder : kBpfoOrder;
  m_bearingRate = order * m_shaftHz / static_cast<float>(m_config.sampleRateHz) *
                  uniform(0.99f, 1.01f);
  float size = kImpactCounts * m_config.severity * uniform(0.8f, 1.2f);
  // An inner-race defect turns with the shaft: it is hit hardest under the load zone.
  if (f == MachineFault::BearingInner) size *= 0.5f + 0.5f * std::cos(kTwoPi * m_shaftPhase);
  return size;
}

void VibrationSource::machineFrame(std::int16_t* out) {
  const float step = m_shaftHz / static_cast<float>(m_config.sampleRateHz);
  m_shaftPhase = wrap(m_shaftPhase + step);
  m_subPhase = wrap(m_subPhase + 0.5f * step);
  const float s = m_config.severity;
  const MachineFault f = m_config.fault;
  const float a1 = kShaftAmplitude * m_load *
                   (1.0f + (f == MachineFault::Imbalance ? 2.0f * s : 0.0f));
  const float a2 = kSecondAmplitude * m_load;
  const float mis = f == MachineFault::Misalignment ? s * kShaftAmplitude * m_load : 0.0f;
  const float loose = f == MachineFault::Looseness ? s * kShaftAmplitude * m_load : 0.0f;

  const float impact = bearingImpact();
  const float ring = m_resA1 * m_res1 - m_resA2 * m_res2 + impact;
  m_res2 = m_res1;
  m_res1 = ring;

  const float p = kTwoPi * m_shaftPhase;
  for (std::uint8_t c = 0; c < m_config.channels; ++c) {
    // The vertical axis sees the rotating 1x a quarter turn later (an imbalance rotates).
    const float lag = c == 1 ? 0.25f * kTwoPi : 0.0f;
    float v = kAxisShaft[c] * (a1 * std::sin(p - lag) + a2 * std::sin(2.0f * p + 0.7f) +
                               kThirdAmplitude * m_load * std::sin(3.0f * p + 1.9f) +
                               kBladeAmplitude * m_load * std::sin(kBladeOrder * p + 0.3f));
    // Misalignment bends the coupling twice a turn, axially above all.
    const float misGain = c == 2 ? 1.6f : 0.8f;
    v += misGain * mis * (std::sin(2.0f * p + 0.2f) + 0.4f * std::sin(3.0f * p + 1.1f));
    if (loose > 0.0f) {
      // Rattling in the mounting: harmonics up to 10x falling off slowly, and half orders.
      for (int k = 2; k <= 10; ++k)
        v += 0.45f * loose / std::sqrt(static_cast<float>(k)) *
             std::sin(static_cast<float>(k) * p + 0.37f * static_cast<float>(k * k));
      const float q = kTwoPi * m_subPhase;
      v += 0.3f * loose * (std::sin(q) + std::sin(3.0f * q + 0.5f) + std::sin(5.0f * q + 1.3f));
    }
    v += kAxisImpact[c] * ring;
    v += kNoiseCounts * (0.7f + 0.3f * m_load) * gaussian();
    out[c] = toCounts(v);
  }
}

const char* VibrationSource::faultName(std::uint8_t fault) {
  static const char* const kNames[kMachineFaultCount] = {
      "none", "bearing", "bearing-inner", "imbalance", "misalignment", "looseness"};
  return fault < kMachineFaultCount ? kNames[fault] : "?";
}

bool VibrationSource::faultFromName(const char* name, MachineFault& fault) {
  if (name == nullptr) return false;
  for (std::uint8_t f = 0; f < kMachineFaultCount; ++f) {
    if (std::strcmp(name, faultName(f)) == 0) {
      fault = static_cast<MachineFault>(f);
      return true;
    }
  }
  return false;
}

std::uint32_t VibrationSource::nextRandom() {
  // xorshift32, as MotionSource: identical on every target.
  std::uint32_t x = m_rng;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  m_rng = x;
  return x;
}

float VibrationSource::uniform(float lo, float hi) {
  const float u = static_cast<float>(nextRandom() >> 8) * (1.0f / 16777216.0f);
  return lo + (hi - lo) * u;
}

float VibrationSource::gaussian() {
  // Irwin-Hall with 4 terms, unit variance: no log or sqrt per sample.
  const float sum = uniform(0.0f, 1.0f) + uniform(0.0f, 1.0f) + uniform(0.0f, 1.0f) +
                    uniform(0.0f, 1.0f);
  return (sum - 2.0f) * 1.73205081f;
}

} // namespace dlm::firmware
