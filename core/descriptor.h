#pragma once

#include <cstddef>
#include <cstdint>

#include "core/status.h"

namespace dlm {

/// \brief Shape of the event descriptor computed from a raw multi-channel window.
///
/// For each channel: \c bins time-normalised means of the window (the gesture's shape,
/// independent of its speed), then its detrended RMS, its peak magnitude and its mean
/// absolute first difference (how jerky it is); finally one global feature, the window's
/// duration relative to \c maxFrames. Values are scaled by 1/\c fullScale so a descriptor
/// lies roughly in [-1, 1] whatever the sensor's range.
struct DescriptorConfig {
  std::uint8_t channels = 3;
  std::uint8_t bins = 16;
  std::uint32_t maxFrames = 2048;  ///< longest window the board keeps, for the duration feature
  float fullScale = 32768.0f;      ///< sensor counts mapped to 1.0

  /// \brief Length of the descriptor this configuration produces.
  std::uint16_t dims() const {
    return static_cast<std::uint16_t>(channels * (bins + kStatsPerChannel) + 1);
  }
  static constexpr int kStatsPerChannel = 3;
};

/// \brief Compute the descriptor of one event window.
///
/// \p samples holds \p frames frames of \p config.channels interleaved int16 samples.
/// Writes config.dims() floats to \p out. Deterministic, allocation-free, O(frames × channels).
/// Windows shorter than \p config.bins frames are accepted (bins then repeat samples).
Status computeDescriptor(const DescriptorConfig& config, const std::int16_t* samples,
                         std::uint32_t frames, float* out, std::size_t outCapacity);

} // namespace dlm
