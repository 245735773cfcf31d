#pragma once

// The virtual board's sample sources (dlm-board --source): the synthetic motion sensor (the
// default), a rotating machine's vibration, or WAV files as a microphone (issue 13). Each one
// says which front-end the board announces for it.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "devices/firmware/board_port.h"
#include "devices/simulator/motion_source.h"

namespace dlm::board {

/// \brief A sample source paced by the board's microsecond clock, behind VirtualPort.
class BoardSource {
public:
  virtual ~BoardSource() = default;
  /// \brief Frames a second and values a frame.
  virtual std::uint16_t sampleRateHz() const = 0;
  virtual std::uint8_t channels() const = 0;
  /// \brief The front-end the board runs on these samples (announced in Hello).
  virtual FrontEndConfig frontEnd() const = 0;
  /// \brief Start pacing at \p nowMicros.
  virtual void start(std::uint32_t nowMicros) = 0;
  /// \brief BoardPort::pullSamples() at \p nowMicros.
  virtual std::uint32_t pull(std::uint32_t nowMicros, std::int16_t* out,
                             std::uint32_t maxFrames) = 0;
  /// \brief BoardPort::performGesture(): the source's action \p id (a gesture, a fault, the
  /// next file).
  virtual firmware::GestureRequest performGesture(std::uint8_t id) = 0;
  /// \brief BoardPort::setSpontaneousGestures().
  virtual firmware::GestureRequest setSpontaneousGestures(float ratePerMinute) = 0;
  /// \brief BoardPort::requestedGesture().
  virtual std::uint8_t requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const {
    static_cast<void>(framesAgo);
    static_cast<void>(frames);
    return firmware::kNoRequestedGesture;
  }
  /// \brief Frames skipped because the host fell behind.
  virtual std::uint32_t overruns() const = 0;
};

/// \brief What dlm-board's options ask of its source.
struct SourceOptions {
  std::string spec = "motion";  ///< --source: motion | vibration[:k=v,...] | wav:FILE[,FILE...]
  firmware::MotionConfig motion;
  bool channelsGiven = false;  ///< --channels was on the command line
};

/// \brief The source \p options describe; null with \p error set when the spec is wrong or a
/// file cannot be played. Vibration keys: fault (none, bearing, bearing-inner, imbalance,
/// misalignment, looseness), severity (0..1), shaft (Hz), load, rate (Hz), period (s),
/// drift (0..1); seed and channels (1..3, default 1) come from --seed and --channels.
std::unique_ptr<BoardSource> makeBoardSource(const SourceOptions& options, std::string& error);

} // namespace dlm::board
