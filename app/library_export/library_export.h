#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/front_end.h"

namespace dlm {
class Network;
}

namespace dlm::library_export {

/// \brief The folder layout written: a plain C++ folder, or an Arduino library.
enum class Format { Cpp, Arduino };

/// \brief What exportLibrary() writes, and where.
struct ExportOptions {
  std::string outDir;       ///< created if missing; files of the same names are replaced
  std::string name;         ///< the namespace, header and library name (a C++ identifier)
  Format format = Format::Cpp;
  /// The front-end the model records (model format 4: ModelInfo::frontEnd), which the
  /// library then carries with every parameter; false for a model that records none (a
  /// motion model, versions 2 and 3).
  bool frontEndRecorded = false;
  FrontEndConfig frontEnd;
  /// Channels of the motion front-end of a model that records none (its descriptor's length
  /// must be the model's); -1: inferred from the model's length when one channel count gives
  /// it, else no front-end (0).
  int motionChannels = -1;
};

/// \brief What exportLibrary() wrote.
struct ExportReport {
  std::vector<std::string> files;  ///< paths relative to outDir
  std::string frontEnd;            ///< "motion", "spectral" or "none"
  int channels = 0;                ///< of the front-end (0: none)
  std::size_t modelFloats = 0;     ///< floats in the model arrays (flash: 4 bytes each)
  std::size_t frontEndRam = 0;     ///< static work memory of the front-end (spectral)
};

/// \brief True when \p name can name the library: a C++ identifier of at most 40 characters
/// that is not a keyword the library would clash with.
bool validName(const std::string& name);

/// \brief A library name from a model file's path: its stem, other characters than letters,
/// digits and '_' dropped, a leading digit prefixed; "DlmModel" when nothing is left.
std::string nameFromPath(const std::string& modelPath);

/// \brief Write the self-contained library of \p network (a loaded model; \p classNames, one
/// per class, and \p identity, its CRC, as the model file holds them) into options.outDir.
/// False with a one-line \p error when it cannot (a bad name, channels that do not give the
/// model's length, a file that cannot be written).
bool exportLibrary(const Network& network, const std::vector<std::string>& classNames,
                   std::uint32_t identity, const ExportOptions& options, ExportReport* report,
                   std::string& error);

} // namespace dlm::library_export
