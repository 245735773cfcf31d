#include "devices/firmware/event_detector.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace dlm::firmware {

namespace {

constexpr float kTwoPi = 6.28318531f;
constexpr std::uint16_t kMaxPreOrHoldOff = 1024;

template <typename T>
T minOf(T a, T b) {
  return a < b ? a : b;
}

} // namespace

EventDetectorCore::EventDetectorCore(std::int16_t* ring, std::uint8_t ringChannels)
    : m_ring(ring), m_ringChannels(minOf(ringChannels, kMaxChannels)) {
  configure(TriggerConfig{});
}

void EventDetectorCore::configure(const TriggerConfig& config) {
  TriggerConfig c = config;
  if (c.channels < 1) c.channels = 1;
  if (c.channels > m_ringChannels) c.channels = m_ringChannels;
  if (c.sampleRateHz == 0) c.sampleRateHz = 1000;
  if (!(c.threshold >= 0.0f)) c.threshold = 0.0f;
  if (!(c.highPassHz > 0.0f)) c.highPassHz = 0.5f;
  c.preTriggerFrames = minOf(c.preTriggerFrames, kMaxPreOrHoldOff);
  c.holdOffFrames = minOf(c.holdOffFrames, kMaxPreOrHoldOff);
  if (c.holdOffFrames < 1) c.holdOffFrames = 1;
  // The ring must hold a whole window plus the hold-off that follows it, and pre-trigger more
  // so the window survives while the caller copies it.
  const std::uint32_t room = kMaxWindowFrames - c.preTriggerFrames - c.holdOffFrames;
  if (c.maxFrames > room) c.maxFrames = static_cast<std::uint16_t>(room);
  if (c.maxFrames <= c.preTriggerFrames) c.maxFrames = static_cast<std::uint16_t>(c.preTriggerFrames + 1);
  if (c.minFrames > c.maxFrames) c.minFrames = c.maxFrames;
  m_config = c;

  // Baseline low-pass of an RC with corner highPassHz: alpha = w / (1 + w), w = 2 pi fc / fs.
  const float w = kTwoPi * c.highPassHz / static_cast<float>(c.sampleRateHz);
  m_alpha = w / (1.0f + w);
  m_thresholdSq = c.threshold * c.threshold * static_cast<float>(kEnergyWindow);
  reset();
}

void EventDetectorCore::reset() {
  m_state = State::Armed;
  m_primed = false;
  for (float& b : m_baseline) b = 0.0f;
  for (float& m : m_magSq) m = 0.0f;
  m_energyPos = 0;
  m_energySum = 0.0f;
  m_frameCount = 0;
  m_stored = 0;
  m_writePos = 0;
  m_quiet = 0;
  m_rearming = 0;
  m_lastLoud = 0;
  m_current = DetectedEvent{};
  m_last = DetectedEvent{};
  m_eventReady = false;
  m_eventCount = 0;
  m_droppedCount = 0;
}

float EventDetectorCore::energy() const {
  return std::sqrt(m_energySum / static_cast<float>(kEnergyWindow));
}

void EventDetectorCore::storeFrame(const std::int16_t* frame) {
  const std::size_t base = static_cast<std::size_t>(m_writePos) * m_config.channels;
  for (std::uint8_t c = 0; c < m_config.channels; ++c) m_ring[base + c] = frame[c];
  m_writePos = m_writePos + 1 == kMaxWindowFrames ? 0 : m_writePos + 1;
  if (m_stored < kMaxWindowFrames) ++m_stored;
}

bool EventDetectorCore::updateEnergy(const std::int16_t* frame) {
  const std::uint8_t channels = m_config.channels;
  if (!m_primed) {
    // Start the baseline at the first frame: no false trigger on the gravity step at power-up.
    for (std::uint8_t c = 0; c < channels; ++c) m_baseline[c] = static_cast<float>(frame[c]);
    m_primed = true;
  }
  float magSq = 0.0f;
  for (std::uint8_t c = 0; c < channels; ++c) {
    const float d = static_cast<float>(frame[c]) - m_baseline[c];
    magSq += d * d;
  }
  m_magSq[m_energyPos] = magSq;
  m_energyPos = (m_energyPos + 1) % kEnergyWindow;
  // Re-summed every frame instead of a running add/subtract: 16 adds, and no rounding drift
  // accumulating over hours of stream.
  float sum = 0.0f;
  for (float m : m_magSq) sum += m;
  m_energySum = sum;
  return sum > m_thresholdSq;
}

void EventDetectorCore::updateBaseline(const std::int16_t* frame) {
  for (std::uint8_t c = 0; c < m_config.channels; ++c) {
    m_baseline[c] += m_alpha * (static_cast<float>(frame[c]) - m_baseline[c]);
  }
}

bool EventDetectorCore::push(const std::int16_t* frame) {
  m_eventReady = false;
  if (frame == nullptr) return false;
  storeFrame(frame);
  const bool loud = updateEnergy(frame);
  const std::uint32_t now = m_frameCount++;
  const float e = energy();
  bool completed = false;

  switch (m_state) {
  case State::Armed:
    if (loud) {
      // m_stored counts this frame too: the history before it is m_stored - 1 frames.
      const std::uint32_t pre = minOf<std::uint32_t>(m_config.preTriggerFrames, m_stored - 1);
      m_current = DetectedEvent{};
      m_current.start = now - pre;
      m_current.triggerFrame = now;
      m_current.peakEnergy = e;
      m_lastLoud = now;
      m_state = State::Active;
    }
    break;
  case State::Active: {
    if (loud) m_lastLoud = now;
    if (e > m_current.peakEnergy) m_current.peakEnergy = e;
    const std::uint32_t quiet = now - m_lastLoud;
    const std::uint32_t window = now + 1 - m_current.start;
    if (quiet >= m_config.holdOffFrames) {
      const std::uint32_t tail = minOf<std::uint32_t>(kTailFrames, m_config.holdOffFrames);
      m_state = State::Armed;
      completed = finishEvent(m_lastLoud + 1 + tail - m_current.start, false);
    } else if (window >= m_config.maxFrames) {
      // Cut: report now, and stay deaf until the motion has been quiet for a hold-off, or the
      // rest of this long motion would be reported as a second event.
      m_quiet = quiet;
      m_rearming = 0;
      m_state = State::Rearming;
      completed = finishEvent(m_config.maxFrames, true);
    }
    break;
  }
  case State::Rearming:
    m_quiet = loud ? 0 : m_quiet + 1;
    if (m_rearming < m_config.maxFrames) ++m_rearming;
    if (m_quiet >= m_config.holdOffFrames) m_state = State::Armed;
    break;
  }
  // Frozen during an event: a slow gesture (tilt) must not leak into the baseline, or its return
  // would read as a long undershoot that keeps the event alive. Also frozen after a cut, so the
  // rest of the long motion stays one motion; but only for another maxFrames: if the board was
  // left in a new posture, the baseline must learn it or the detector would stay deaf.
  const bool frozen = m_state == State::Active ||
                      (m_state == State::Rearming && m_rearming < m_config.maxFrames);
  if (!frozen) updateBaseline(frame);
  return completed;
}

bool EventDetectorCore::finishEvent(std::uint32_t frames, bool truncated) {
  if (frames < m_config.minFrames) {
    ++m_droppedCount;
    return false;
  }
  m_current.frames = frames;
  m_current.truncated = truncated;
  m_last = m_current;
  m_eventReady = true;
  ++m_eventCount;
  return true;
}

std::uint32_t EventDetectorCore::process(const std::int16_t* frames, std::uint32_t count) {
  m_eventReady = false;
  if (frames == nullptr) return 0;
  const std::size_t stride = m_config.channels;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (push(frames + static_cast<std::size_t>(i) * stride)) return i + 1;
  }
  return count;
}

bool EventDetectorCore::lastWindowSlot(std::uint32_t* slot) const {
  if (m_eventCount == 0) return false;
  // Unsigned differences stay right across the 2^32 wrap of the frame counter.
  const std::uint32_t age = m_frameCount - m_last.start;
  if (age > m_stored) return false;  // overwritten since
  *slot = (m_writePos + kMaxWindowFrames - age) % kMaxWindowFrames;
  return true;
}

std::uint32_t EventDetectorCore::copyWindow(std::int16_t* out, std::uint32_t capacityFrames) const {
  std::uint32_t pos = 0;
  if (out == nullptr || !lastWindowSlot(&pos)) return 0;
  const std::uint32_t n = minOf(m_last.frames, capacityFrames);
  const std::uint8_t channels = m_config.channels;
  for (std::uint32_t f = 0; f < n; ++f) {
    const std::size_t base = static_cast<std::size_t>(pos) * channels;
    for (std::uint8_t c = 0; c < channels; ++c) {
      out[static_cast<std::size_t>(f) * channels + c] = m_ring[base + c];
    }
    pos = pos + 1 == kMaxWindowFrames ? 0 : pos + 1;
  }
  return n;
}

const std::int16_t* EventDetectorCore::windowInPlace(std::uint32_t* frames) {
  *frames = 0;
  std::uint32_t start = 0;
  if (!lastWindowSlot(&start)) return nullptr;
  const std::size_t channels = m_config.channels;
  // One rotation of the ring (a few thousand moves per event) instead of a second buffer as
  // large as the longest window: on a board that buffer is 12 KB of RAM.
  std::rotate(m_ring, m_ring + start * channels, m_ring + kMaxWindowFrames * channels);
  m_writePos = (m_writePos + kMaxWindowFrames - start) % kMaxWindowFrames;
  *frames = m_last.frames;
  return m_ring;
}

} // namespace dlm::firmware
