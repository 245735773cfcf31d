#pragma once

// A synthetic rotating machine seen by an accelerometer on its bearing housing, for the
// condition-monitoring demo (issue 13): the virtual board's `--source vibration`.

#include <cstdint>

namespace dlm::firmware {

/// \brief The machine's condition. Values are the virtual board's "perform gesture" ids.
enum class MachineFault : std::uint8_t {
  None = 0,         ///< healthy: shaft harmonics and broadband noise only
  Bearing = 1,      ///< outer-race defect: impacts at BPFO ringing the housing's resonance
  BearingInner = 2, ///< inner-race defect: impacts at BPFI, modulated at the shaft rate
  Imbalance = 3,    ///< 1x up, rotating (radial axes in quadrature)
  Misalignment = 4, ///< 2x (and 3x) up, strongest on the axial axis
  Looseness = 5,    ///< many harmonics and half-order sub-harmonics
};

/// \brief Number of MachineFault values.
constexpr std::uint8_t kMachineFaultCount = 6;

/// \brief Settings of the synthetic machine.
struct VibrationConfig {
  std::uint32_t seed = 1;
  std::uint16_t sampleRateHz = 6400;  ///< 6.4 kHz or 25.6 kHz are the usual analyser rates
  std::uint8_t channels = 1;          ///< 1..3: radial horizontal, radial vertical, axial
  float shaftHz = 30.0f;              ///< nominal running speed (1800 rpm)
  float load = 1.0f;                  ///< vibration amplitude scale of the operating point
  float drift = 1.0f;                 ///< 0..1: slow speed (±5 %) and load (±20 %) wander
  MachineFault fault = MachineFault::None;
  float severity = 1.0f;              ///< 0..1, how developed the fault is
  /// \brief A measurement window of windowFrames frames starts every periodSeconds.
  float periodSeconds = 2.0f;
  /// \brief Frames of each measurement window; the board's event window (2048 frames, with
  /// 100 of pre-trigger) is the limit, hence 1900 by default (0.3 s at 6.4 kHz).
  std::uint32_t windowFrames = 1900;
};

/// \brief Deterministic rotating-machine vibration, as a duty-cycled sensor node sees it.
///
/// Why measurement windows: condition monitoring compares like with like, one snapshot of
/// the running machine every few seconds (or hours), not an ever-running stream. So the
/// source emits a window of machine vibration every periodSeconds and the sensor's noise
/// floor in between; the board's energy detector turns each window into one event, and
/// every event of a healthy machine is an example of "normal" at some speed and load.
///
/// Signal (counts; the normal RMS is about 900, well above the detector's 600): the shaft's
/// 1x to 3x and a 7x blade-pass tone, broadband noise, and the fault's components. Bearing
/// defects are impulse trains (BPFO = 3.58x, BPFI = 5.42x shaft, with 1 % slip jitter) that
/// ring a 2.2 kHz housing resonance (at most 0.34 of the sample rate); at the inner race the
/// impacts are modulated by the shaft's rotation. Speed and load wander slowly (periods of
/// 47 s and 3 min, phases from the seed) by drift x 5 % and drift x 20 %.
///
/// Same seed, config and calls give the same samples bit for bit on a given target. No heap;
/// float maths only (runs on a Cortex-M4F).
class VibrationSource {
public:
  static constexpr std::uint8_t kMaxChannels = 3;
  static constexpr float kBpfoOrder = 3.58f;  ///< outer-race defect frequency / shaft
  static constexpr float kBpfiOrder = 5.42f;  ///< inner-race defect frequency / shaft
  static constexpr float kResonanceHz = 2200.0f;
  static constexpr float kSpeedDrift = 0.05f;
  static constexpr float kLoadDrift = 0.20f;

  /// \brief A healthy machine with the default settings (seed 1).
  VibrationSource();
  /// \brief Equivalent to reset(config).
  explicit VibrationSource(const VibrationConfig& config);

  /// \brief Restart at sample 0 with \p config (channels clamped to 1..kMaxChannels, a zero
  /// rate replaced by 6400, windowFrames by at least 1 and at most the period).
  void reset(const VibrationConfig& config);
  /// \brief Continue the stream by \p frames interleaved frames into \p out.
  void generate(std::int16_t* out, std::uint32_t frames);
  /// \brief Change the fault from the next measurement window on.
  void setFault(MachineFault fault);
  /// \brief Change the operating point (shaft speed, load) from the next window on.
  void setOperatingPoint(float shaftHz, float load);

  /// \brief The fault of the window playing (or the next one between windows).
  MachineFault fault() const { return m_config.fault; }
  /// \brief True while a measurement window is being emitted.
  bool measuring() const { return m_inWindow; }
  /// \brief Shaft frequency of the current window (drift applied).
  float currentShaftHz() const { return m_shaftHz; }
  /// \brief Absolute index of the next sample generate() will produce.
  std::uint32_t sampleIndex() const { return m_sampleIndex; }
  const VibrationConfig& config() const { return m_config; }

  /// \brief Short English name of \p fault ("none", "bearing", ...); "?" when out of range.
  static const char* faultName(std::uint8_t fault);
  /// \brief The fault named \p name (faultName()); false if no fault has that name.
  static bool faultFromName(const char* name, MachineFault& fault);

private:
  void startWindow();
  void machineFrame(std::int16_t* out);
  float bearingImpact();
  std::uint32_t nextRandom();
  float uniform(float lo, float hi);
  float gaussian();

  VibrationConfig m_config;
  std::uint32_t m_rng = 1;
  std::uint32_t m_sampleIndex = 0;
  std::uint32_t m_periodFrames = 1;
  std::uint32_t m_phaseInPeriod = 0;  // frames since the current period began
  bool m_inWindow = false;

  // Operating point of the current window, and the drift phases drawn from the seed.
  float m_shaftHz = 30.0f;
  float m_load = 1.0f;
  float m_driftPhase[2] = {0.0f, 0.0f};

  float m_shaftPhase = 0.0f;    // cycles, in [0, 1)
  float m_bearingPhase = 0.0f;  // cycles of the defect frequency, an impact at each wrap
  float m_bearingRate = 1.0f;   // cycles per frame, jittered at each impact (slip)
  float m_subPhase = 0.0f;      // half-order cycles (looseness), in [0, 1)

  // The housing resonance: a two-pole resonator driven by the impacts.
  float m_resA1 = 0.0f;
  float m_resA2 = 0.0f;
  float m_res1 = 0.0f;
  float m_res2 = 0.0f;
};

} // namespace dlm::firmware
