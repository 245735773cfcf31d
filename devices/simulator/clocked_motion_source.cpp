#include "devices/simulator/clocked_motion_source.h"

namespace dlm::firmware {

namespace {
constexpr std::uint32_t kMicrosPerSecond = 1000000u;
}

void ClockedMotionSource::start(const MotionConfig& config, std::uint32_t nowMicros) {
  m_source.reset(config);
  m_lastMicros = nowMicros;
  m_remainder = 0;
  m_due = 0;
  m_overruns = 0;
}

std::uint32_t ClockedMotionSource::pull(std::uint32_t nowMicros, std::int16_t* out,
                                        std::uint32_t maxFrames) {
  const std::uint32_t rate = m_source.config().sampleRateHz;
  // Unsigned difference: correct across the 2^32 wrap of the clock. Integer arithmetic
  // with a carried remainder, so the long-run rate is exact (no float drift over hours).
  const std::uint64_t elapsed = static_cast<std::uint32_t>(nowMicros - m_lastMicros);
  m_lastMicros = nowMicros;
  const std::uint64_t units = elapsed * rate + m_remainder;
  const std::uint64_t frames = units / kMicrosPerSecond;
  m_remainder = static_cast<std::uint32_t>(units % kMicrosPerSecond);

  const std::uint64_t due = m_due + frames;
  if (due > kMaxBacklogFrames) {
    m_overruns += static_cast<std::uint32_t>(due - kMaxBacklogFrames);
    m_due = kMaxBacklogFrames;
  } else {
    m_due = static_cast<std::uint32_t>(due);
  }

  const std::uint32_t n = m_due < maxFrames ? m_due : maxFrames;
  if (n > 0 && out != nullptr) {
    m_source.generate(out, n);
    m_due -= n;
    return n;
  }
  return 0;
}

GestureRequest ClockedMotionSource::performGesture(std::uint8_t id) {
  return m_source.performGesture(id) ? GestureRequest::Queued : GestureRequest::Rejected;
}

GestureRequest ClockedMotionSource::setSpontaneousGestures(float ratePerMinute) {
  if (!(ratePerMinute >= 0.0f)) return GestureRequest::Rejected;  // NaN too
  m_source.setSpontaneousRate(ratePerMinute);
  return GestureRequest::Queued;
}

std::uint8_t ClockedMotionSource::requestedGesture(std::uint32_t framesAgo,
                                                   std::uint32_t frames) const {
  const std::uint8_t id = m_source.requestedGestureIn(m_source.sampleIndex() - framesAgo, frames);
  return id == MotionSource::kNoGesture ? kNoRequestedGesture : id;
}

} // namespace dlm::firmware
