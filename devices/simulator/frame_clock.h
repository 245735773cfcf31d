#pragma once

// Paces a synthetic sample source by a free-running microsecond clock: how many frames "were
// sampled" since the last call. The same arithmetic as ClockedMotionSource, for sources of any
// rate (the vibration source, the virtual board's WAV player).

#include <cstdint>

namespace dlm::firmware {

/// \brief Frames due at a given rate on a wrapping microsecond clock, with a capped backlog.
///
/// start() once, then take(nowMicros, maxFrames) returns how many frames to generate now.
/// Integer arithmetic with a carried remainder: the long-run rate is exact. A backlog beyond
/// maxBacklog frames (the host was suspended) is skipped, like an overflowing sensor FIFO,
/// and counted in overruns(). No heap.
class FrameClock {
public:
  /// \brief Restart at \p rateHz; frames become due from \p nowMicros on. A backlog of up to
  /// \p maxBacklog frames is kept.
  void start(std::uint32_t rateHz, std::uint32_t nowMicros, std::uint32_t maxBacklog) {
    m_rate = rateHz;
    m_last = nowMicros;
    m_maxBacklog = maxBacklog;
    m_remainder = 0;
    m_due = 0;
    m_overruns = 0;
  }

  /// \brief Frames to produce at \p nowMicros, at most \p maxFrames (the rest stays due).
  std::uint32_t take(std::uint32_t nowMicros, std::uint32_t maxFrames) {
    const std::uint64_t elapsed = static_cast<std::uint32_t>(nowMicros - m_last);
    m_last = nowMicros;
    const std::uint64_t units = elapsed * m_rate + m_remainder;
    m_remainder = static_cast<std::uint32_t>(units % kMicrosPerSecond);
    const std::uint64_t due = m_due + units / kMicrosPerSecond;
    if (due > m_maxBacklog) {
      m_overruns += static_cast<std::uint32_t>(due - m_maxBacklog);
      m_due = m_maxBacklog;
    } else {
      m_due = static_cast<std::uint32_t>(due);
    }
    const std::uint32_t n = m_due < maxFrames ? m_due : maxFrames;
    m_due -= n;
    return n;
  }

  /// \brief Frames skipped because the backlog exceeded its cap.
  std::uint32_t overruns() const { return m_overruns; }

private:
  static constexpr std::uint32_t kMicrosPerSecond = 1000000u;
  std::uint32_t m_rate = 1000;
  std::uint32_t m_last = 0;
  std::uint32_t m_maxBacklog = 250;
  std::uint32_t m_remainder = 0;
  std::uint32_t m_due = 0;
  std::uint32_t m_overruns = 0;
};

} // namespace dlm::firmware
