#pragma once

// Events of a text board, found on the host by the boards' own pipeline: the firmware's
// energy trigger (devices/firmware/event_detector.h) then the descriptor (core/descriptor.h)
// with the boards' rule for the channel count, so a text board's events can be learned
// exactly like a firmware board's.

#include <cstdint>
#include <memory>
#include <vector>

#include "core/descriptor.h"
#include "devices/firmware/event_detector.h"

namespace dlm::textstream {

/// \brief One event with its descriptor. Frame indices are the segment's.
struct HostEvent {
  std::uint32_t start = 0;  ///< first frame (pre-trigger included)
  std::uint32_t frames = 0;
  std::uint32_t triggerFrame = 0;
  float peakEnergy = 0.0f;
  bool truncated = false;
  std::vector<float> descriptor;
};

/// \brief The protocol's default trigger (protocol::kDefaultTrigger) for a stream at
/// \p rateHz: its frame counts are a 1 kHz board's, so they are scaled to keep their
/// durations (100 ms pre-trigger, 150 ms hold-off, 120 ms shortest, 2.048 s longest); the
/// threshold (600 counts) is kept.
firmware::TriggerConfig defaultTrigger(double rateHz);

/// \brief The firmware's event trigger and the descriptor over an int16 frame stream. Uses
/// the first dlm::kMaxSensorChannels channels of wider streams (the boards' limit).
class HostEventDetector {
public:
  HostEventDetector();
  ~HostEventDetector();
  HostEventDetector(const HostEventDetector&) = delete;
  HostEventDetector& operator=(const HostEventDetector&) = delete;

  /// \brief Start over for frames of \p channels channels at \p rateHz with \p trigger
  /// (frame counts at that rate; its channels and rate are replaced). False when no
  /// descriptor fits (no channel).
  bool configure(int channels, double rateHz, const firmware::TriggerConfig& trigger);
  /// \brief Push one frame of channels() counts; true when it completed an event.
  bool push(const std::int16_t* frame);
  /// \brief The event the last true push() completed.
  const HostEvent& lastEvent() const { return m_last; }

  /// \brief The trigger in use, after clamping.
  const firmware::TriggerConfig& trigger() const;
  const DescriptorConfig& descriptorConfig() const { return m_descriptor; }
  int channels() const { return m_channels; }
  /// \brief The channels the trigger and descriptor see (at most kMaxSensorChannels).
  int usedChannels() const { return m_used; }

private:
  std::unique_ptr<firmware::EventDetector> m_detector; // 30 KB of ring: on the heap
  DescriptorConfig m_descriptor;
  std::vector<std::int16_t> m_frame;
  std::vector<std::int16_t> m_window;
  HostEvent m_last;
  int m_channels = 0;
  int m_used = 0;
};

} // namespace dlm::textstream
