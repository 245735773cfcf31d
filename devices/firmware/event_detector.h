#pragma once

#include <cstdint>

#include "core/protocol/messages.h"

namespace dlm::firmware {

/// \brief Settings of the energy trigger. configure() clamps them into the supported range.
/// The defaults are the protocol's (protocol::kDefaultTrigger), which the studio assumes too.
struct TriggerConfig {
  /// \brief Trigger level: RMS of the high-passed acceleration magnitude, in counts.
  float threshold = protocol::kDefaultTrigger.threshold;
  /// \brief History kept before the trigger frame.
  std::uint16_t preTriggerFrames = protocol::kDefaultTrigger.preTriggerFrames;
  /// \brief Quiet frames that end an event.
  std::uint16_t holdOffFrames = protocol::kDefaultTrigger.holdOffFrames;
  /// \brief Shorter windows are dropped (glitches).
  std::uint16_t minFrames = protocol::kDefaultTrigger.minFrames;
  /// \brief Longest window; longer events are cut here.
  std::uint16_t maxFrames = protocol::kDefaultTrigger.maxFrames;
  std::uint8_t channels = 3;             ///< interleaved channels per frame, 1..kMaxChannels
  std::uint16_t sampleRateHz = 1000;
  float highPassHz = 0.5f;               ///< corner of the gravity/drift-removing high-pass
};

/// \brief One completed event. Indices are absolute frame counts since configure()/reset().
struct DetectedEvent {
  std::uint32_t start = 0;         ///< first frame of the window (pre-trigger included)
  std::uint32_t frames = 0;        ///< window length: pre-trigger + active part + short tail
  std::uint32_t triggerFrame = 0;  ///< frame at which the energy crossed the threshold
  float peakEnergy = 0.0f;         ///< highest energy seen during the event, in counts
  bool truncated = false;          ///< cut at maxFrames while still active
};

/// \brief Energy trigger over a live multi-channel int16 stream, with pre-trigger and hold-off.
///
/// Each channel is high-passed as x minus a one-pole low-pass baseline (removes gravity and
/// drift); the baseline is frozen while an event is active so that a slow gesture such as a tilt
/// is neither absorbed into it nor followed by a long undershoot. The energy is the RMS of the
/// high-passed magnitude over the last kEnergyWindow frames. An event starts when the energy
/// exceeds the threshold, and ends after holdOffFrames consecutive quiet frames, or when its
/// window reaches maxFrames (it is then cut, and the detector re-arms only after holdOffFrames
/// quiet frames; the baseline stays frozen for up to maxFrames of that, then adapts, so a board
/// left in a new posture re-arms about maxFrames + 1 s later). Windows shorter than minFrames are
/// dropped.
///
/// Latency: an event is reported holdOffFrames after its last loud frame (150 ms with the
/// defaults at 1 kHz), i.e. 150-170 ms after the motion ends; a cut event is reported at once.
/// The trigger fires when the 16-frame RMS crosses the threshold: measured on the synthetic
/// gestures, 6-44 ms after a sharp onset (swipe, tap, shake) and 40-100 ms after a smooth one
/// (tilt, circle); the pre-trigger (100 ms) covers that, so windows start before the motion.
///
/// Raw samples are kept in a ring of kMaxWindowFrames frames that the owner provides (see
/// BasicEventDetector), interleaved with config().channels samples per frame; no heap.
class EventDetectorCore {
public:
  static constexpr std::uint32_t kMaxWindowFrames = 2560;
  /// \brief Most channels any ring is made for.
  static constexpr std::uint8_t kMaxChannels = static_cast<std::uint8_t>(kMaxSensorChannels);
  static constexpr std::uint32_t kEnergyWindow = 16;
  /// \brief Frames kept after the last loud frame (the rest of the hold-off is trimmed).
  static constexpr std::uint32_t kTailFrames = 16;

  /// \brief A detector with the default configuration over \p ring, kMaxWindowFrames x
  /// \p ringChannels samples of the owner's storage (ringChannels <= kMaxChannels).
  EventDetectorCore(std::int16_t* ring, std::uint8_t ringChannels);
  EventDetectorCore(const EventDetectorCore&) = delete;  // the ring belongs to one detector
  EventDetectorCore& operator=(const EventDetectorCore&) = delete;

  /// \brief Apply \p config (clamped: maxFrames + preTrigger + holdOff ≤ kMaxWindowFrames) and
  /// reset the stream.
  void configure(const TriggerConfig& config);
  /// \brief Forget the stream and any event; frame indices restart at 0.
  void reset();

  /// \brief Push one frame of config().channels samples. True when it completed an event.
  bool push(const std::int16_t* frame);
  /// \brief Push up to \p count interleaved frames, stopping right after a frame that completes
  /// an event. Returns the number of frames consumed; eventReady() tells whether one completed.
  std::uint32_t process(const std::int16_t* frames, std::uint32_t count);

  /// \brief True if the last push()/process() completed an event.
  bool eventReady() const { return m_eventReady; }
  /// \brief The most recently completed event.
  const DetectedEvent& lastEvent() const { return m_last; }
  /// \brief Copy the last event's raw interleaved window (up to \p capacityFrames frames) into
  /// \p out. Returns the frames copied; 0 if none or if the stream has since overwritten it.
  /// The window stays available for at least preTriggerFrames frames after it completed.
  std::uint32_t copyWindow(std::int16_t* out, std::uint32_t capacityFrames) const;
  /// \brief The last event's raw window without a copy: rotates the ring (every stored frame
  /// keeps its place in the stream) so that the window starts at its first slot, and returns
  /// it, interleaved, with its length in \p frames. Null (and 0) when copyWindow() would copy
  /// nothing. The pointer is valid until the next push().
  const std::int16_t* windowInPlace(std::uint32_t* frames);

  /// \brief True while an event is in progress.
  bool active() const { return m_state == State::Active; }
  /// \brief Current energy (RMS of the high-passed magnitude), in counts.
  float energy() const;
  /// \brief Frames pushed since configure()/reset().
  std::uint32_t frameCount() const { return m_frameCount; }
  /// \brief Events reported since configure()/reset().
  std::uint32_t eventCount() const { return m_eventCount; }
  /// \brief Events dropped as shorter than minFrames since configure()/reset().
  std::uint32_t droppedCount() const { return m_droppedCount; }
  /// \brief The configuration in use, after clamping.
  const TriggerConfig& config() const { return m_config; }

private:
  enum class State : std::uint8_t { Armed, Active, Rearming };

  bool updateEnergy(const std::int16_t* frame);
  void updateBaseline(const std::int16_t* frame);
  void storeFrame(const std::int16_t* frame);
  // Ring slot of the last event's first frame; false if none or overwritten since.
  bool lastWindowSlot(std::uint32_t* slot) const;
  bool finishEvent(std::uint32_t frames, bool truncated);

  TriggerConfig m_config;
  State m_state = State::Armed;
  float m_alpha = 0.0f;           // low-pass coefficient of the baseline
  float m_thresholdSq = 0.0f;     // threshold² × kEnergyWindow: compare sums, no sqrt per frame
  float m_baseline[kMaxChannels] = {};
  bool m_primed = false;          // baseline initialised from the first frame
  float m_magSq[kEnergyWindow] = {};
  std::uint32_t m_energyPos = 0;
  float m_energySum = 0.0f;

  std::uint32_t m_frameCount = 0;
  std::uint32_t m_stored = 0;     // frames in the ring, saturates at kMaxWindowFrames
  std::uint32_t m_writePos = 0;   // ring slot of the next frame
  std::uint32_t m_quiet = 0;      // consecutive quiet frames
  std::uint32_t m_rearming = 0;   // frames spent re-arming after a cut (saturates at maxFrames)
  std::uint32_t m_lastLoud = 0;
  DetectedEvent m_current;
  DetectedEvent m_last;
  bool m_eventReady = false;
  std::uint32_t m_eventCount = 0;
  std::uint32_t m_droppedCount = 0;

  std::int16_t* m_ring = nullptr;
  std::uint8_t m_ringChannels = 0;
};

/// \brief An event detector with its own ring for up to \p Channels channels
/// (kMaxWindowFrames x Channels x 2 bytes: 15 KB for 3 channels).
template <std::uint8_t Channels>
class BasicEventDetector : public EventDetectorCore {
  static_assert(Channels >= 1 && Channels <= kMaxChannels, "1 to kMaxChannels channels");

public:
  BasicEventDetector() : EventDetectorCore(m_storage, Channels) {}

private:
  std::int16_t m_storage[kMaxWindowFrames * Channels];  // written before it is read
};

/// \brief The host's detector: any supported channel count (recordings, tests).
using EventDetector = BasicEventDetector<EventDetectorCore::kMaxChannels>;

} // namespace dlm::firmware
