#pragma once

// The spectral front-end: event descriptors for sound (keywords) and vibration (machines),
// beside the motion descriptor of core/descriptor.h. Plain arrays, no Eigen, no heap: the work
// memory is the caller's, so a dependency-free export can ship this file and real_fft.* as is.

#include <cstddef>
#include <cstdint>

#include "core/descriptor.h"
#include "core/real_fft.h"
#include "core/status.h"

namespace dlm {

/// \brief How the spectral front-end spaces its bands: equal steps on the mel scale (sound:
/// resolution where the ear and speech have it) or equal steps in hertz (vibration: a shaft's
/// harmonics and bearing tones are evenly spread).
enum class BandScale : std::uint8_t { Mel = 0, Linear = 1 };

/// \brief Shape and parameters of the spectral descriptor.
///
/// Per channel: the event (mean removed, scaled by 1/\c fullScale) is cut into frames of
/// \c frameLength samples every \c hop samples (the last one zero-padded), each Hann-windowed
/// and transformed; the power of each frame is gathered into \c bands bands between \c fminHz
/// and \c fmaxHz (triangular filters for mel, rectangles for linear). The frames are grouped
/// into \c slices equal time slices (the event's time normalised, as the motion bins are);
/// each cell is 0.25·log10 of the slice's mean band power. Then the channel's level (the mean
/// of its cells), subtracted from the cells when \c normalise is set so that loudness does
/// not dominate. Layout: per channel slices x bands cells (slice-major), then its level;
/// last the event's duration relative to \c maxFrames.
struct SpectralConfig {
  std::uint8_t channels = 1;
  BandScale scale = BandScale::Mel;
  std::uint8_t bands = kSoundBands;
  std::uint8_t slices = kSoundSlices;
  std::uint16_t frameLength = 512;  ///< FFT length, a power of two (isFftLength())
  std::uint16_t hop = 256;          ///< 1..frameLength
  std::uint32_t sampleRateHz = 16000;
  float fminHz = 100.0f;            ///< 0 <= fminHz < fmaxHz
  float fmaxHz = 8000.0f;           ///< <= sampleRateHz / 2
  bool normalise = true;            ///< subtract each channel's level from its cells
  std::uint32_t maxFrames = 16000;  ///< longest event, for the duration feature
  float fullScale = 32768.0f;       ///< sensor counts mapped to 1.0

  /// \brief Length of the descriptor this configuration produces.
  constexpr std::uint16_t dims() const {
    return static_cast<std::uint16_t>(channels * (slices * bands + kStatsPerChannel) + 1);
  }
  static constexpr int kStatsPerChannel = 1;  ///< the level
  static constexpr int kSoundBands = 10;
  static constexpr int kSoundSlices = 6;
  static constexpr int kVibrationBands = 60;
  static constexpr int kVibrationSlices = 1;
};

/// \brief \p preferred fitted to \p channels channels within \p maxDims dimensions: the same
/// rule on every board and in the studio, like descriptorFor(). Each channel may take
/// (maxDims - 1) / channels - 1 cells; when slices x bands exceeds that, time yields first
/// (as many slices as fit at the preferred bands), then bands (one slice, as many bands as
/// fit). At 64 dims: sound (10 bands x 6 slices) gives 62 dims for 1 channel, 3 slices for 2
/// (63), 2 for 3 (64); vibration (60 bands x 1 slice) 62 for 1, 30 bands for 2 (63), 20 for
/// 3 (64).
/// channels is 0 (init() refuses it) when not even one cell per channel fits.
constexpr SpectralConfig spectralFor(SpectralConfig preferred, int channels,
                                     int maxDims = kMaxDescriptorDims) {
  SpectralConfig c = preferred;
  const int cells = channels >= 1 ? (maxDims - 1) / channels - SpectralConfig::kStatsPerChannel
                                  : 0;
  if (channels < 1 || channels > 255 || cells < 1 || c.bands < 1 || c.slices < 1) {
    c.channels = 0;
    return c;
  }
  c.channels = static_cast<std::uint8_t>(channels);
  if (c.bands * c.slices <= cells) return c;
  if (cells / c.bands >= 1) {
    c.slices = static_cast<std::uint8_t>(cells / c.bands);
  } else {
    c.slices = 1;
    c.bands = static_cast<std::uint8_t>(cells);
  }
  return c;
}

/// \brief The sound preset: 16 kHz, 512-sample frames every 256 (32 ms, 16 ms), 10 mel bands
/// from 100 Hz to 8 kHz, 6 slices, per-event normalisation, events up to 1 s.
constexpr SpectralConfig soundSpectral(int channels = 1, int maxDims = kMaxDescriptorDims) {
  return spectralFor(SpectralConfig(), channels, maxDims);
}

/// \brief The vibration preset at \p sampleRateHz (1 to 25.6 kHz and more): 512-sample frames
/// every 256, 60 mel bands (30 for 2 channels, 20 for 3) from the first FFT bin (rate / 512:
/// 12.5 Hz at 6.4 kHz) to Nyquist, one slice, per-event normalisation, events up to 2048
/// frames. Why: a machine's faults are told by its shaft orders (1x, 2x, 3x of 25-50 Hz) and by
/// bearing tones ringing a resonance in the kHz. Bands about 20 Hz wide at the bottom of the mel
/// scale resolve the orders, which the linear preset before (20 bands 160 Hz wide at 6.4 kHz)
/// held in one band, so that imbalance (1x up) looked like load and misalignment (2x up) was
/// at chance; above 700 Hz mel bands widen only slowly, which keeps the resonance apart from
/// the broadband noise (log-spaced bands, tried, lost the inner-race defect on 2 and 3 axes).
/// One slice: a measurement window of a running machine is stationary, so time slices would
/// only trade frequency resolution and averaging for nothing (docs/benchmarks.md,
/// "Vibration anomaly detection").
constexpr SpectralConfig vibrationSpectral(std::uint32_t sampleRateHz, int channels = 1,
                                           int maxDims = kMaxDescriptorDims) {
  SpectralConfig c;
  c.scale = BandScale::Mel;
  c.bands = SpectralConfig::kVibrationBands;
  c.slices = SpectralConfig::kVibrationSlices;
  c.sampleRateHz = sampleRateHz;
  c.fminHz = static_cast<float>(sampleRateHz) / static_cast<float>(c.frameLength);
  c.fmaxHz = static_cast<float>(sampleRateHz) * 0.5f;
  c.maxFrames = kEventWindowFrames;
  return spectralFor(c, channels, maxDims);
}

/// \brief InvalidArgument unless \p config is one the front-end can run (channels >= 1,
/// a valid frame length and hop, bands and slices >= 1, 0 <= fmin < fmax <= rate / 2, ...).
Status checkSpectralConfig(const SpectralConfig& config);

/// \brief Frequency of band boundary \p i of \p config: for mel, the filters' corners
/// (i = 0..bands+1; filter b rises from point b to b+1 and falls to b+2); for linear, the band
/// edges (i = 0..bands). Equally spaced on the band scale from fminHz to fmaxHz.
float bandPointHz(const SpectralConfig& config, int i);

/// \brief Prior weights of the spectral descriptor's features for the known-set scales (as
/// descriptorFeatureWeights()): 1 per cell, \p statsWeight for each level and the duration.
Status spectralFeatureWeights(const SpectralConfig& config, float statsWeight, float* out,
                              std::size_t outCapacity);

/// \brief Computes spectral descriptors with work memory the caller owns.
///
/// Usage: SpectralFrontEnd::workBytes(config) bytes (any alignment) given to init() once; then
/// compute() for each event. compute() allocates nothing and writes only into that memory and
/// its output; O(frames / hop x frameLength log frameLength) per channel.
class SpectralFrontEnd {
public:
  /// \brief Bytes of work memory init() needs for \p config (0 if the config is invalid).
  static std::size_t workBytes(const SpectralConfig& config);

  /// \brief Check \p config, carve the FFT table, band layout and accumulators from \p work.
  Status init(const SpectralConfig& config, void* work, std::size_t workSize);

  /// \brief True once init() succeeded.
  bool ready() const { return m_fft.length() != 0; }
  const SpectralConfig& config() const { return m_config; }

  /// \brief Descriptor of one event: \p frames frames of config().channels interleaved int16
  /// samples. Writes config().dims() floats to \p out. Any frames >= 1 is accepted (a
  /// window shorter than a frame is zero-padded; slices then repeat frames).
  Status compute(const std::int16_t* samples, std::uint32_t frames, float* out,
                 std::size_t outCapacity);

  /// \brief The band layout init() built: FFT bin \p k (0..frameLength/2) adds (1 - w) of its
  /// power to band \p lower and w to band lower + 1 (bands outside 0..bands-1 get nothing;
  /// lower is -2 when the bin lies outside fmin..fmax). For tests and plots.
  void binBands(int k, int* lower, float* w) const;

private:
  void channelCells(const std::int16_t* samples, std::uint32_t frames, int channel, float* out);
  void frameBandPower(const std::int16_t* samples, std::uint32_t frames, int channel,
                      std::uint32_t start, float mean);
  void buildBandLayout();

  SpectralConfig m_config;
  RealFft m_fft;
  float* m_frame = nullptr;         // frameLength: one frame, transformed in place
  std::int16_t* m_binLower = nullptr;  // frameLength/2 + 1: see binBands()
  float* m_binWeight = nullptr;     // frameLength/2 + 1
  float* m_bandPower = nullptr;     // bands: one frame's band powers
  float* m_cells = nullptr;         // slices x bands: accumulated band powers of the slices
  float m_powerScale = 0.0f;        // |X|^2 to a one-sided mean-square density
};

} // namespace dlm
