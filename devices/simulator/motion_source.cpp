#include "devices/simulator/motion_source.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace dlm::firmware {

namespace {

constexpr float kTwoPi = 6.28318531f;
constexpr float kPi = 3.14159265f;

// Nominal duration of each gesture class at speed 1, in seconds (the instance's speed divides it).
constexpr float kBaseSeconds[MotionSource::kGestureCount] = {
    0.8f,  // shake
    1.0f,  // circle
    0.3f,  // tap
    0.5f,  // swipe
    1.0f,  // tilt
    1.1f,  // figure-eight (never seen)
    0.5f,  // triple-knock (never seen)
};

constexpr const char* kNames[MotionSource::kGestureCount] = {
    "shake", "circle", "tap", "swipe", "tilt", "figure-eight", "triple-knock"};

// Drift periods in seconds: mutually prime-ish so the axes never line up, all "minutes" slow.
constexpr float kBiasPeriodSeconds[3] = {137.0f, 211.0f, 173.0f};
constexpr float kGainPeriodSeconds = 251.0f;
constexpr float kNoisePeriodSeconds = 97.0f;
constexpr float kBiasDriftCounts = 300.0f;  // ~0.07 g at full drift
constexpr float kGainDrift = 0.10f;         // +-10 % at full drift
constexpr float kNoiseDrift = 1.5f;         // noise up to x2.5 at full drift
constexpr std::uint32_t kDriftUpdateMask = 15;  // drift is minutes slow: refresh every 16 samples

// Axes of the 1- and 2-channel sensors, and the gyroscope-like rate of 4 to 6 channels (counts
// per count of gesture acceleration).
constexpr float kInvSqrt3 = 0.577350269f;
constexpr float kInvSqrt2 = 0.707106781f;
constexpr float kTurnPerG = 0.5f;
constexpr float kYawPerG = 0.25f;

constexpr float kTremorHz = 9.3f;   // physiological tremor band 8-12 Hz
constexpr float kTremorCounts = 3.0f;

// Tapered (Tukey) window: gestures start and stop smoothly, like a hand does.
float tukey(float u, float taper) {
  if (u < taper) return 0.5f - 0.5f * std::cos(kPi * u / taper);
  if (u > 1.0f - taper) return 0.5f - 0.5f * std::cos(kPi * (1.0f - u) / taper);
  return 1.0f;
}

// A knock or tap as the accelerometer sees it: a damped ring-down starting at dt = 0.
float ringDown(float dtSeconds, float tauSeconds, float hz) {
  if (dtSeconds < 0.0f) return 0.0f;
  return std::exp(-dtSeconds / tauSeconds) * std::sin(kTwoPi * hz * dtSeconds);
}

// Phase in [0, 1) of a period of `periodSeconds`, exact for any sample index: the index is
// reduced modulo the period in integers before it ever becomes a float.
float periodicPhase(std::uint32_t index, float periodSeconds, std::uint16_t rateHz) {
  const std::uint32_t period = static_cast<std::uint32_t>(periodSeconds * static_cast<float>(rateHz));
  if (period == 0) return 0.0f;
  return static_cast<float>(index % period) / static_cast<float>(period);
}

std::int16_t toCounts(float v) {
  const float r = v + (v >= 0.0f ? 0.5f : -0.5f);
  if (r >= 32767.0f) return 32767;
  if (r <= -32768.0f) return -32768;
  return static_cast<std::int16_t>(static_cast<std::int32_t>(r));
}

} // namespace

MotionSource::MotionSource() { reset(MotionConfig{}); }

MotionSource::MotionSource(const MotionConfig& config) { reset(config); }

void MotionSource::reset(const MotionConfig& config) {
  m_config = config;
  if (m_config.sampleRateHz == 0) m_config.sampleRateHz = 1000;
  if (m_config.channels < 1) m_config.channels = 1;
  if (m_config.channels > kMaxChannels) m_config.channels = kMaxChannels;
  // Scramble the seed (murmur3 finaliser) so neighbouring seeds give unrelated streams, and
  // keep xorshift32 away from its all-zero fixed point.
  std::uint32_t s = config.seed;
  s ^= s >> 16;
  s *= 0x85ebca6bu;
  s ^= s >> 13;
  s *= 0xc2b2ae35u;
  s ^= s >> 16;
  m_rng = s != 0 ? s : 0x9e3779b9u;

  m_sampleIndex = 0;
  m_gestureActive = false;
  m_gesture = Instance{};
  m_restLeft = secondsToFrames(m_config.restSeconds);
  m_queueHead = 0;
  m_queueSize = 0;
  m_truthHead = 0;
  m_truthSize = 0;
  m_truthOverflows = 0;
  m_recentNext = 0;
  m_recentSize = 0;
  m_tremorPhase = 0.0f;
  m_spontaneousLeft = drawSpontaneousGap();
  updateDrift();
}

void MotionSource::generate(std::int16_t* out, std::uint32_t frames) {
  if (out == nullptr) return;
  const std::size_t stride = m_config.channels;
  for (std::uint32_t f = 0; f < frames; ++f) sampleFrame(out + stride * f);
}

bool MotionSource::performGesture(std::uint8_t id) {
  if (id >= kGestureCount || m_queueSize >= kQueueCapacity) return false;
  m_queue[(m_queueHead + m_queueSize) % kQueueCapacity] = id;
  ++m_queueSize;
  return true;
}

bool MotionSource::popTruth(GestureTruth& truth) {
  if (m_truthSize == 0) return false;
  truth = m_truth[m_truthHead];
  m_truthHead = static_cast<std::uint8_t>((m_truthHead + 1) % kTruthCapacity);
  --m_truthSize;
  return true;
}

void MotionSource::setSpontaneousRate(float ratePerMinute) {
  m_config.gestureRatePerMinute = ratePerMinute > 0.0f ? ratePerMinute : 0.0f;
  // Counted from now, as if the process had just started: turning the demo on does not
  // fire a gesture that was "overdue".
  m_spontaneousLeft = drawSpontaneousGap();
}

std::uint8_t MotionSource::requestedGestureIn(std::uint32_t start, std::uint32_t frames) const {
  std::int64_t bestOverlap = 0;
  std::uint8_t best = kNoGesture;
  for (std::uint8_t i = 0; i < m_recentSize; ++i) {
    const GestureTruth& g = m_recent[i];
    // Positions relative to the window's start, in signed 32-bit steps so that a stream index
    // wrapping at 2^32 between the two still compares right.
    const std::int64_t from = static_cast<std::int32_t>(g.start - start);
    const std::int64_t to = from + g.frames;
    const std::int64_t overlap =
        std::min<std::int64_t>(to, frames) - std::max<std::int64_t>(from, 0);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = g.requested ? g.id : kNoGesture;
    }
  }
  return best;
}

const char* MotionSource::gestureName(std::uint8_t id) {
  return id < kGestureCount ? kNames[id] : "?";
}

void MotionSource::pushTruth(const GestureTruth& truth) {
  if (m_truthSize == kTruthCapacity) {
    // Keep the most recent: a demo that polls late still sees what is happening now.
    m_truthHead = static_cast<std::uint8_t>((m_truthHead + 1) % kTruthCapacity);
    --m_truthSize;
    ++m_truthOverflows;
  }
  m_truth[(m_truthHead + m_truthSize) % kTruthCapacity] = truth;
  ++m_truthSize;
}

std::uint32_t MotionSource::nextRandom() {
  // xorshift32: tiny, fast on a Cortex-M, and identical on every target.
  std::uint32_t x = m_rng;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  m_rng = x;
  return x;
}

float MotionSource::uniform(float lo, float hi) {
  // 24 random bits: exactly representable in a float, so the mapping is exact.
  const float u = static_cast<float>(nextRandom() >> 8) * (1.0f / 16777216.0f);
  return lo + (hi - lo) * u;
}

float MotionSource::gaussian() {
  // Irwin-Hall with 4 terms, rescaled to unit variance: close enough to normal for sensor noise,
  // bounded, and needs no log/sqrt per sample.
  const float sum = uniform(0.0f, 1.0f) + uniform(0.0f, 1.0f) + uniform(0.0f, 1.0f) +
                    uniform(0.0f, 1.0f);
  return (sum - 2.0f) * 1.73205081f;
}

std::uint32_t MotionSource::secondsToFrames(float seconds) const {
  const float f = seconds * static_cast<float>(m_config.sampleRateHz) + 0.5f;
  if (!(f > 0.0f)) return 0;
  if (f >= 4.0e9f) return 4000000000u;
  return static_cast<std::uint32_t>(f);
}

std::uint32_t MotionSource::drawSpontaneousGap() {
  if (!(m_config.gestureRatePerMinute > 0.0f)) return 0;
  // Exponential inter-arrival time (measured start to start), i.e. a Poisson process; the
  // gesture itself and its rest are a dead time, so the achieved rate is slightly lower.
  const float u = static_cast<float>((nextRandom() >> 8) + 1u) * (1.0f / 16777216.0f);
  const float meanSeconds = 60.0f / m_config.gestureRatePerMinute;
  return secondsToFrames(-std::log(u) * meanSeconds);
}

void MotionSource::advanceScheduler() {
  if (m_spontaneousLeft > 0) --m_spontaneousLeft;
  if (m_gestureActive) return;
  if (m_restLeft > 0) {
    --m_restLeft;
    return;
  }
  if (m_queueSize > 0) {
    const std::uint8_t id = m_queue[m_queueHead];
    m_queueHead = static_cast<std::uint8_t>((m_queueHead + 1) % kQueueCapacity);
    --m_queueSize;
    startGesture(id, true);
    return;
  }
  if (m_config.gestureRatePerMinute > 0.0f && m_spontaneousLeft == 0) {
    std::uint8_t id = 0;
    if (uniform(0.0f, 1.0f) < m_config.unknownFraction) {
      id = static_cast<std::uint8_t>(kKnownGestures + nextRandom() % kUnknownGestures);
    } else {
      id = static_cast<std::uint8_t>(nextRandom() % kKnownGestures);
    }
    startGesture(id, false);
  }
}

void MotionSource::startGesture(std::uint8_t id, bool requested) {
  // Always the same number of draws in the same order, whatever the class: the stream after a
  // gesture then depends only on how many gestures came before, not on which.
  const float speed = uniform(0.8f, 1.2f);
  Instance g;
  g.id = id;
  g.amplitude = uniform(0.75f, 1.25f);
  const float variantDraw = uniform(0.0f, 1.0f);
  const float a = uniform(-0.17f, 0.17f);  // about 10 degrees around each axis
  const float b = uniform(-0.17f, 0.17f);
  const float c = uniform(-0.17f, 0.17f);
  g.noiseBoost = uniform(1.0f, 2.0f);

  std::uint32_t frames = secondsToFrames(kBaseSeconds[id] / speed);
  if (frames < 1) frames = 1;
  if (frames > 65535u) frames = 65535u;
  g.frames = frames;

  switch (id) {
  case 0: g.variant = 3.5f + variantDraw; break;           // shake: cycles
  case 1: g.variant = 1.8f + 0.4f * variantDraw; break;    // circle: turns
  case 2: g.variant = 0.45f + 0.07f * variantDraw; break;  // tap: spacing (fraction of length)
  case 3: g.variant = 0.75f + 0.15f * variantDraw; break;  // swipe: time warp exponent
  case 4: g.variant = 0.2f * (variantDraw - 0.5f); break;  // tilt: sideways component
  case 5: g.variant = 1.8f + 0.4f * variantDraw; break;    // figure-eight: loops
  default: g.variant = 0.27f + 0.04f * variantDraw; break; // triple-knock: spacing
  }

  // R = Rz(c) Ry(b) Rx(a): the hand never holds the board quite the same way.
  const float ca = std::cos(a), sa = std::sin(a);
  const float cb = std::cos(b), sb = std::sin(b);
  const float cc = std::cos(c), sc = std::sin(c);
  const float r[9] = {cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa,
                      sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa,
                      -sb,     cb * sa,                cb * ca};
  for (int i = 0; i < 9; ++i) g.rotation[i] = r[i];

  m_gesture = g;
  m_gestureActive = true;
  m_spontaneousLeft = drawSpontaneousGap();
  GestureTruth truth;
  truth.start = m_sampleIndex;
  truth.frames = static_cast<std::uint16_t>(frames);
  truth.id = id;
  truth.requested = requested;
  pushTruth(truth);
  m_recent[m_recentNext] = truth;
  m_recentNext = static_cast<std::uint8_t>((m_recentNext + 1) % kRecentCapacity);
  if (m_recentSize < kRecentCapacity) ++m_recentSize;
}

void MotionSource::updateDrift() {
  const float d = m_config.drift;
  if (!(d > 0.0f)) {
    m_bias[0] = m_bias[1] = m_bias[2] = 0.0f;
    m_gain = 1.0f;
    m_noiseScale = 1.0f;
    return;
  }
  const std::uint16_t rate = m_config.sampleRateHz;
  for (int c = 0; c < 3; ++c) {
    m_bias[c] = d * kBiasDriftCounts *
                std::sin(kTwoPi * periodicPhase(m_sampleIndex, kBiasPeriodSeconds[c], rate));
  }
  m_gain = 1.0f + d * kGainDrift * std::sin(kTwoPi * periodicPhase(m_sampleIndex,
                                                                    kGainPeriodSeconds, rate));
  const float noisePhase = periodicPhase(m_sampleIndex, kNoisePeriodSeconds, rate);
  m_noiseScale = 1.0f + d * kNoiseDrift * (0.5f - 0.5f * std::cos(kTwoPi * noisePhase));
}

// Gesture acceleration (gravity excluded) in g, in the gesture's own frame, rotated into the
// sensor frame by the instance's rotation.
void MotionSource::gestureDelta(float* delta) {
  const Instance& g = m_gesture;
  const float u = (static_cast<float>(g.t) + 0.5f) / static_cast<float>(g.frames);
  const float seconds = static_cast<float>(g.frames) / static_cast<float>(m_config.sampleRateHz);
  const float a = g.amplitude;
  float v[3] = {0.0f, 0.0f, 0.0f};
  switch (g.id) {
  case 0:  // shake: fast back-and-forth along x
    v[0] = 1.5f * a * tukey(u, 0.15f) * std::sin(kTwoPi * g.variant * u);
    break;
  case 1: {  // circle: x/y in quadrature
    const float env = 0.7f * a * tukey(u, 0.2f);
    v[0] = env * std::cos(kTwoPi * g.variant * u);
    v[1] = env * std::sin(kTwoPi * g.variant * u);
    break;
  }
  case 2: {  // tap: two sharp knocks on the face, the second a little softer
    const float tau = 0.07f * seconds;
    v[2] = -2.0f * a * (ringDown((u - 0.05f) * seconds, tau, 40.0f) +
                        0.85f * ringDown((u - 0.05f - g.variant) * seconds, tau, 40.0f));
    break;
  }
  case 3:  // swipe: sideways push then brake (short acceleration, longer deceleration)
    v[1] = 1.3f * a * std::sin(kTwoPi * std::pow(u, g.variant));
    v[2] = -0.15f * a * std::sin(kPi * u);
    break;
  case 4: {  // tilt: gravity rotates from z towards x and back (about 57 degrees at amplitude 1)
    const float theta = a * std::sin(kPi * u);
    v[0] = std::sin(theta);
    v[1] = g.variant * std::sin(theta);
    v[2] = std::cos(theta) - 1.0f;
    break;
  }
  case 5: {  // figure-eight: x/y Lissajous 1:2
    const float env = a * tukey(u, 0.2f);
    v[0] = 0.5f * env * std::sin(kTwoPi * g.variant * u);
    v[1] = 0.9f * env * std::sin(2.0f * kTwoPi * g.variant * u);
    break;
  }
  default: {  // triple-knock: three knocks on the side (x)
    const float tau = 0.05f * seconds;
    for (int k = 0; k < 3; ++k) {
      const float at = 0.05f + static_cast<float>(k) * g.variant;
      v[0] += 1.8f * a * ringDown((u - at) * seconds, tau, 55.0f);
    }
    break;
  }
  }
  const float* r = g.rotation;
  for (int i = 0; i < 3; ++i) {
    delta[i] = (r[3 * i] * v[0] + r[3 * i + 1] * v[1] + r[3 * i + 2] * v[2]) * kCountsPerG;
  }
}

void MotionSource::sampleFrame(std::int16_t* out) {
  advanceScheduler();
  if ((m_sampleIndex & kDriftUpdateMask) == 0) updateDrift();

  float v[3] = {0.0f, 0.0f, kCountsPerG};  // gravity on z, board lying flat
  float noise = m_config.noiseCounts * m_noiseScale;
  float delta[3] = {0.0f, 0.0f, 0.0f};
  if (m_gestureActive) {
    gestureDelta(delta);
    for (int c = 0; c < 3; ++c) v[c] += delta[c];
    noise *= m_gesture.noiseBoost;
    if (++m_gesture.t >= m_gesture.frames) {
      m_gestureActive = false;
      m_restLeft = secondsToFrames(m_config.restSeconds);
    }
  }

  m_tremorPhase += kTremorHz / static_cast<float>(m_config.sampleRateHz);
  if (m_tremorPhase >= 1.0f) m_tremorPhase -= 1.0f;
  const float tremor = kTremorCounts * m_noiseScale * std::sin(kTwoPi * m_tremorPhase);
  v[0] += tremor;
  v[1] += 0.7f * tremor;

  float a[3];
  for (int c = 0; c < 3; ++c) a[c] = v[c] * m_gain + m_bias[c] + noise * gaussian();
  writeAxes(a, delta, noise, out);
  ++m_sampleIndex;
}

// The frame's values from the accelerometer \p a (counts, noise included) and the gesture's
// own acceleration \p gesture; see the class comment for the layout of each channel count.
void MotionSource::writeAxes(const float* a, const float* gesture, float noise,
                             std::int16_t* out) {
  const std::uint8_t channels = m_config.channels;
  if (channels < 3) {
    out[0] = toCounts((a[0] + a[1] + a[2]) * kInvSqrt3);
    if (channels == 2) out[1] = toCounts((a[0] - a[1]) * kInvSqrt2);
    return;
  }
  for (int c = 0; c < 3; ++c) out[c] = toCounts(a[c]);
  // Extra axes draw their noise after the accelerometer's: at 3 channels nothing changes.
  const float rate[3] = {-kTurnPerG * gesture[1], kTurnPerG * gesture[0],
                         kYawPerG * (gesture[0] + gesture[1])};
  for (int c = 3; c < channels; ++c) out[c] = toCounts(rate[c - 3] + noise * gaussian());
}

} // namespace dlm::firmware
