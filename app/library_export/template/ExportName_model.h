// The model's arrays (ExportName_model.cpp, written by `dlm export`) as the predict path reads
// them. Internal to the library: call the functions of ExportName.h instead.
#pragma once

#include <cstdint>

#include "ExportName_config.h"

namespace ExportName {
namespace model {

/// \brief One function layer: neuron j has a centre and a diagonal metric (inDims floats
/// each, at j * inDims) and a row of class weights (kClasses floats); bias ends the readout.
struct Layer {
  int count;             ///< neurons
  int inDims;            ///< kDims for the first layer, kDims + kClasses for deeper ones
  const float* centres;  ///< count x inDims
  const float* metrics;  ///< count x inDims, inverse squared radii per direction
  const float* weights;  ///< count x kClasses
  const float* bias;     ///< kClasses
};

extern const Layer kLayers[kDepth];
/// Per-feature scales of the known-set distance (kDims floats), or null: all ones.
extern const float* const kKnownScales;
/// Held-out known-set distances, ascending (kKnots of them): they turn a distance into a score.
extern const float kKnotValues[kKnots > 0 ? kKnots : 1];
extern const char* const kClassNames[kClasses];

} // namespace model
} // namespace ExportName
