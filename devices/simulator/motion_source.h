#pragma once

#include <cstdint>

#include "core/descriptor.h"

namespace dlm::firmware {

/// \brief Settings of the synthetic motion sensor.
struct MotionConfig {
  std::uint32_t seed = 1;
  std::uint16_t sampleRateHz = 1000;
  /// \brief Values per frame, 1..MotionSource::kMaxChannels (see MotionSource for the axes).
  std::uint8_t channels = 3;
  /// \brief Mean rate of spontaneous gestures; 0 = gestures only on request.
  float gestureRatePerMinute = 20.0f;
  /// \brief Probability that a spontaneous gesture is one of the never-seen ones.
  float unknownFraction = 0.05f;
  /// \brief 0..1: slow bias, gain and noise-level drift over minutes (0 = none).
  float drift = 0.0f;
  /// \brief Standard deviation of the white sensor noise, in counts, before drift.
  float noiseCounts = 20.0f;
  /// \brief Idle kept after every gesture before the next one (queued or spontaneous) starts.
  float restSeconds = 0.5f;
};

/// \brief Ground truth of one emitted gesture, for tests and demos.
struct GestureTruth {
  std::uint32_t start = 0;   ///< absolute sample index of its first frame
  std::uint16_t frames = 0;  ///< its length
  std::uint8_t id = 0;       ///< gesture id (>= MotionSource::kKnownGestures: never-seen)
  bool requested = false;    ///< queued by performGesture(), not spontaneous
};

/// \brief Deterministic synthetic motion sensor: a 3-axis accelerometer, idle (gravity on z,
/// noise, tremor), gestures with per-instance variation, never-seen gestures and optional slow
/// drift.
///
/// The frame has config().channels values. 3: the accelerometer's x, y, z (the default, and
/// the stream every board has always had). 1 or 2: a sensor with fewer axes, mounted askew so
/// that every gesture shows: (x + y + z)/sqrt(3), then (x - y)/sqrt(2). 4 to 6: x, y, z, then
/// the first axes of a gyroscope-like rate, the hand turning towards where it accelerates:
/// 0.5 (z-hat x gesture acceleration) and a yaw of 0.25 (gx + gy), each with its own noise.
///
/// Output is int16 counts, kCountsPerG counts = 1 g. Same seed, channels and calls give the
/// same samples bit for bit on a given target. No heap; under 400 bytes of state.
class MotionSource {
public:
  static constexpr std::uint8_t kKnownGestures = 5;    ///< shake, circle, tap, swipe, tilt
  static constexpr std::uint8_t kUnknownGestures = 2;  ///< figure-eight, triple-knock
  static constexpr std::uint8_t kGestureCount = kKnownGestures + kUnknownGestures;
  static constexpr float kCountsPerG = 4096.0f;
  /// \brief Most values per frame: dlm::kMaxSensorChannels.
  static constexpr std::uint8_t kMaxChannels = static_cast<std::uint8_t>(kMaxSensorChannels);
  static constexpr std::uint8_t kQueueCapacity = 8;
  static constexpr std::uint8_t kTruthCapacity = 16;
  /// \brief Gestures remembered for requestedGestureIn(), independently of popTruth().
  static constexpr std::uint8_t kRecentCapacity = 8;
  /// \brief requestedGestureIn() when no requested gesture covers the window.
  static constexpr std::uint8_t kNoGesture = 0xFF;

  /// \brief A source configured with the defaults (seed 1).
  MotionSource();
  /// \brief A source with \p config; equivalent to reset(config).
  explicit MotionSource(const MotionConfig& config);

  /// \brief Restart the stream at sample 0 with \p config (clears queue and truth; channels
  /// are clamped to 1..kMaxChannels).
  void reset(const MotionConfig& config);

  /// \brief Continue the stream by \p frames interleaved frames (config().channels values
  /// each) into \p out.
  void generate(std::int16_t* out, std::uint32_t frames);

  /// \brief Queue gesture \p id to start once the current one and its rest have ended.
  /// Ids 0..kKnownGestures-1 are the known classes, the next kUnknownGestures the never-seen
  /// ones. Returns false if \p id is out of range or the queue is full.
  bool performGesture(std::uint8_t id);

  /// \brief Oldest not yet popped ground truth (recorded when a gesture starts). The ring keeps
  /// the kTruthCapacity most recent; older ones are overwritten (counted in truthOverflows()).
  bool popTruth(GestureTruth& truth);

  /// \brief Change the mean rate of spontaneous gestures (per minute; 0 stops them) without
  /// restarting the stream. A gesture already playing finishes; the next one is drawn anew.
  void setSpontaneousRate(float ratePerMinute);

  /// \brief Of the recent gestures, the one overlapping most of the \p frames frames from
  /// absolute sample \p start: its id if it was requested, else kNoGesture (spontaneous, or
  /// no gesture at all). Exact, not guessed by timing: the source knows what it played.
  std::uint8_t requestedGestureIn(std::uint32_t start, std::uint32_t frames) const;

  /// \brief Short English name of gesture \p id, e.g. "shake"; "?" when out of range.
  static const char* gestureName(std::uint8_t id);

  /// \brief Absolute index of the next sample generate() will produce.
  std::uint32_t sampleIndex() const { return m_sampleIndex; }
  /// \brief True while a gesture is being emitted.
  bool gestureActive() const { return m_gestureActive; }
  /// \brief Ground-truth records lost because popTruth() was not called often enough.
  std::uint32_t truthOverflows() const { return m_truthOverflows; }
  /// \brief The configuration in use (sampleRateHz 0 replaced by 1000, channels clamped).
  const MotionConfig& config() const { return m_config; }

private:
  // One gesture instance: its class and the random variation drawn when it starts.
  struct Instance {
    std::uint8_t id = 0;
    std::uint32_t frames = 1;
    std::uint32_t t = 0;       // frames emitted so far
    float amplitude = 1.0f;    // x 0.75..1.25
    float variant = 0.0f;      // class-specific (cycles, spacing, ...)
    float noiseBoost = 1.0f;   // hand noise on top of the sensor noise
    float rotation[9] = {1.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f, 0.0f, 1.0f};
  };

  void sampleFrame(std::int16_t* out);
  void writeAxes(const float* acceleration, const float* gesture, float noise, std::int16_t* out);
  void advanceScheduler();
  void startGesture(std::uint8_t id, bool requested);
  void updateDrift();
  void gestureDelta(float* delta);
  void pushTruth(const GestureTruth& truth);
  std::uint32_t nextRandom();
  float uniform(float lo, float hi);
  float gaussian();
  std::uint32_t secondsToFrames(float seconds) const;
  std::uint32_t drawSpontaneousGap();

  MotionConfig m_config;
  std::uint32_t m_rng = 1;
  std::uint32_t m_sampleIndex = 0;

  bool m_gestureActive = false;
  Instance m_gesture;
  std::uint32_t m_restLeft = 0;         // idle frames still owed after the last gesture
  std::uint32_t m_spontaneousLeft = 0;  // frames until the next spontaneous gesture is due

  std::uint8_t m_queue[kQueueCapacity] = {};
  std::uint8_t m_queueHead = 0;
  std::uint8_t m_queueSize = 0;

  GestureTruth m_truth[kTruthCapacity];
  std::uint8_t m_truthHead = 0;
  std::uint8_t m_truthSize = 0;
  std::uint32_t m_truthOverflows = 0;

  GestureTruth m_recent[kRecentCapacity];  // ring of the latest gestures started
  std::uint8_t m_recentNext = 0;
  std::uint8_t m_recentSize = 0;

  // Slowly varying sensor state, refreshed every few samples (see updateDrift()).
  float m_bias[3] = {0.0f, 0.0f, 0.0f};
  float m_gain = 1.0f;
  float m_noiseScale = 1.0f;
  float m_tremorPhase = 0.0f;  // cycles, kept in [0, 1)
};

} // namespace dlm::firmware
