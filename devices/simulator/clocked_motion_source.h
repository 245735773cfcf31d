#pragma once

// The sample source of boards without a sensor (virtual board, emulated Cortex-M4F): the
// synthetic MotionSource paced by the board's microsecond clock, so that pullSamples() returns
// exactly the frames that "were sampled" since the last call.

#include <cstdint>

#include "devices/firmware/board_port.h"
#include "devices/simulator/motion_source.h"

namespace dlm::firmware {

/// \brief MotionSource paced by a free-running microsecond clock.
///
/// A port calls start() once, then pull(port.micros(), out, maxFrames) from its
/// BoardPort::pullSamples(). Frames due but not taken (maxFrames reached) stay due. If the
/// application falls more than kMaxBacklogFrames behind (a debugger stop, a host suspended),
/// the excess is skipped, like a sensor FIFO overflowing, and counted in overruns(); the
/// stream then simply continues (frames are never duplicated). No heap.
class ClockedMotionSource {
public:
  /// \brief Longest backlog kept: 250 ms at 1 kHz.
  static constexpr std::uint32_t kMaxBacklogFrames = 250;

  /// \brief Restart the source with \p config; frames become due from \p nowMicros on.
  void start(const MotionConfig& config, std::uint32_t nowMicros);

  /// \brief Frames due at \p nowMicros, at most \p maxFrames, into \p out (interleaved,
  /// source().config().channels values per frame).
  std::uint32_t pull(std::uint32_t nowMicros, std::int16_t* out, std::uint32_t maxFrames);

  /// \brief Queue gesture \p id on the underlying source.
  GestureRequest performGesture(std::uint8_t id);
  /// \brief Start or stop the source's spontaneous gestures (BoardPort::setSpontaneousGestures).
  GestureRequest setSpontaneousGestures(float ratePerMinute);
  /// \brief BoardPort::requestedGesture() for a port whose pullSamples() is pull(): the
  /// frames pulled so far are exactly the frames the source generated.
  std::uint8_t requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const;

  /// \brief Frames due and not yet pulled at the last pull().
  std::uint32_t backlog() const { return m_due; }
  /// \brief Frames skipped because the backlog exceeded kMaxBacklogFrames.
  std::uint32_t overruns() const { return m_overruns; }
  /// \brief The synthetic source (ground truth, configuration).
  MotionSource& source() { return m_source; }
  /// \brief The synthetic source (ground truth, configuration).
  const MotionSource& source() const { return m_source; }

private:
  MotionSource m_source;
  std::uint32_t m_lastMicros = 0;
  std::uint32_t m_remainder = 0;  // microsecond x rate units not yet worth a whole frame
  std::uint32_t m_due = 0;
  std::uint32_t m_overruns = 0;
};

} // namespace dlm::firmware
