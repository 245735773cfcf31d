#pragma once

#include <cstddef>
#include <cstdint>

#include "core/status.h"

namespace dlm {

/// \brief Longest descriptor an event carries: the boards' kernel capacity (its maxDims) and the
/// room the Event message has for it. Whatever the channel count, descriptorFor() fits in it.
constexpr int kMaxDescriptorDims = 64;
/// \brief Most channels of a sensor stream anywhere it is handled (the boards' trigger and
/// descriptor, the studio's sample store and live plot, imports): an accelerometer and a
/// gyroscope. The wire format could carry more (protocol::kMaxChannels).
constexpr int kMaxSensorChannels = 6;
/// \brief Longest event window: the trigger cuts an event here (its default maxFrames) and the
/// descriptor's duration feature is relative to it.
constexpr std::uint32_t kEventWindowFrames = 2048;

/// \brief Shape of the event descriptor computed from a raw multi-channel window.
///
/// For each channel: \c bins time-normalised means of the window (the gesture's shape,
/// independent of its speed), then its detrended RMS, its peak magnitude and its mean
/// absolute first difference (how jerky it is); finally one global feature, the window's
/// duration relative to \c maxFrames. Values are scaled by 1/\c fullScale so a descriptor
/// lies roughly in [-1, 1] whatever the sensor's range.
struct DescriptorConfig {
  std::uint8_t channels = 3;
  std::uint8_t bins = kBins;
  std::uint32_t maxFrames = kEventWindowFrames;  ///< longest window, for the duration feature
  float fullScale = 32768.0f;      ///< sensor counts mapped to 1.0

  /// \brief Length of the descriptor this configuration produces.
  constexpr std::uint16_t dims() const {
    return static_cast<std::uint16_t>(channels * (bins + kStatsPerChannel) + 1);
  }
  static constexpr int kStatsPerChannel = 3;
  /// \brief Time bins per channel when they fit (descriptorFor()).
  static constexpr int kBins = 16;
};

/// \brief The descriptor of a stream of \p channels channels within \p maxDims dimensions: the
/// same rule on every board and in the studio, so that an event has the same descriptor
/// wherever it is computed. kBins time bins per channel while they fit (1 to 3 channels at 64
/// dims: 20, 39, 58 dims), else as many as fit (6 channels: 7 bins, 61 dims). channels is 0
/// (computeDescriptor() refuses it) when not even one bin per channel fits.
constexpr DescriptorConfig descriptorFor(int channels, int maxDims = kMaxDescriptorDims) {
  DescriptorConfig c;
  // Each channel costs its bins plus its statistics; one dimension is the duration.
  const int perChannel = channels >= 1 ? (maxDims - 1) / channels : 0;
  const int bins = perChannel - DescriptorConfig::kStatsPerChannel;
  if (channels < 1 || channels > 255 || bins < 1) {
    c.channels = 0;
    return c;
  }
  c.channels = static_cast<std::uint8_t>(channels);
  c.bins = static_cast<std::uint8_t>(bins < DescriptorConfig::kBins ? bins : DescriptorConfig::kBins);
  return c;
}

/// \brief The longest descriptor of any channel count from 1 to \p maxChannels (descriptorFor()
/// within \p maxDims): what a buffer for the descriptors of such a stream must hold.
constexpr int longestDescriptor(int maxChannels, int maxDims = kMaxDescriptorDims) {
  int longest = 0;
  for (int channels = 1; channels <= maxChannels; ++channels) {
    const DescriptorConfig c = descriptorFor(channels, maxDims);
    if (c.channels != 0 && c.dims() > longest) longest = c.dims();
  }
  return longest;
}

/// \brief Prior weight of a descriptor's energy statistics (RMS, peak, jerk) and duration in
/// the known-set distance, against 1 for each time bin (descriptorFeatureWeights()).
/// Measured on the studio-session protocol (docs/benchmarks.md, "Known-set scales").
constexpr float kDescriptorStatsWeight = 3.0f;

/// \brief The descriptor's prior feature weights for the known-set scales (KnownScaling): 1
/// for each time bin, \p statsWeight for each channel's statistics and for the duration.
/// The bins are many and alike (bins x channels of them, 48 of 58 for 3 axes), the
/// statistics few; with equal weights the bins decide alone whether an event looks known,
/// and a triple knock on x passes for a tap on z. Writes config.dims() floats;
/// InvalidArgument for a config without channels, BufferTooSmall when they do not fit.
Status descriptorFeatureWeights(const DescriptorConfig& config, float statsWeight, float* out,
                                std::size_t outCapacity);

/// \brief Compute the descriptor of one event window.
///
/// \p samples holds \p frames frames of \p config.channels interleaved int16 samples.
/// Writes config.dims() floats to \p out. Deterministic, allocation-free, O(frames × channels).
/// Windows shorter than \p config.bins frames are accepted (bins then repeat samples).
Status computeDescriptor(const DescriptorConfig& config, const std::int16_t* samples,
                         std::uint32_t frames, float* out, std::size_t outCapacity);

} // namespace dlm
