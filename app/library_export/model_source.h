#pragma once

// The generated parts of an exported library: the model's constants and its arrays as C++
// source text (internal to library_export).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/front_end.h"

namespace dlm {
class Network;
}

namespace dlm::library_export {

/// \brief Facts the generated sources state besides the network's own.
struct ModelFacts {
  std::uint32_t identity = 0;
  std::string frontEnd;  ///< "motion", "none", ...
  int channels = 0;
  std::uint32_t maxFrames = 0;
};

/// \brief ExportName_config.h: sizes and constants of the model.
std::string configHeader(const Network& network, const ModelFacts& facts);

/// \brief ExportName_frontend_config.h: the front-end's parameters (frontEndConfig()) and,
/// for the spectral one, the work memory it needs (kFrontEndWorkBytes).
std::string frontEndConfigHeader(const FrontEndConfig& config);

/// \brief ExportName_model.cpp: the model as const arrays. \p floats receives their count.
std::string modelSource(const Network& network, const std::vector<std::string>& names,
                        std::size_t* floats);

/// \brief The first neuron's centre as initialiser lines (an example descriptor).
std::string sampleDescriptor(const Network& network);

/// \brief \p value as a C++ float literal that reads back as the same float.
std::string floatLiteral(float value);

} // namespace dlm::library_export
