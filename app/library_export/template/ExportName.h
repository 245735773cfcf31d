// A Deeplomath model as a self-contained C++ library, written by `dlm export`.
// Plain C++17 loops over const arrays: no heap, no exceptions, no RTTI, nothing outside
// this folder. See README.md for how to call it and the memory it needs.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ExportName_config.h"

namespace ExportName {

/// \brief What predict() says about one event.
struct Prediction {
  int classIndex = -1;        ///< the class, or -1 when rejected as unknown
  int bestClass = -1;         ///< the class the readout favours, even when rejected
  float confidence = 0.0f;    ///< margin between the two best class scores, in [0, 1]
  /// Known-set score in [0, 1]: the estimated share of known events that lie farther from
  /// the known set than this one. Known when it is at least the threshold.
  float knownScore = 0.0f;
  float knownDistance = 0.0f;  ///< the distance the known-set score comes from
  bool known = false;
};

/// \brief Classify a descriptor of kDims floats with the model's threshold (kThreshold).
Prediction predict(const float* descriptor);

/// \brief Classify with another threshold: the share of known events to reject, 0 (reject
/// nothing) to 1 (reject everything), as `dlm predict --threshold`.
Prediction predict(const float* descriptor, float threshold);

/// \brief Name of class \p classIndex; "unknown" for -1 or any index out of range.
const char* className(int classIndex);

/// \brief Descriptor of one event window for this model's front-end: \p frames frames of
/// kChannels interleaved int16 samples in, kDims floats out. False when the model has no
/// front-end that turns samples into its descriptor (kChannels is 0), for an empty window, or
/// when \p outCapacity is below kDims.
bool computeDescriptor(const std::int16_t* samples, std::uint32_t frames, float* out,
                       std::size_t outCapacity);

/// \brief computeDescriptor() then predict(), with kDims floats on the stack. False (and
/// \p out unknown) when computeDescriptor() is.
bool predictSamples(const std::int16_t* samples, std::uint32_t frames, Prediction& out,
                    float threshold = kThreshold);

} // namespace ExportName
