#pragma once

#include <cstddef>
#include <cstdint>

#include "core/front_end.h"
#include "core/status.h"

namespace dlm {

class Network;

/// \brief Version of the model bytes a network with known-set scales other than all ones is
/// saved as: version 2 followed, after the calibration, by the dims known-set scales.
/// A network with unit scales is saved as version 2, byte for byte as before, so that its
/// identity (CRC) is unchanged and older loaders still read it. Loaders accept both and
/// refuse other versions with Status::BadVersion; a version 2 model loads with unit scales.
constexpr std::uint16_t kModelFormatVersion = 3;
/// \brief The oldest version loaders accept (no known-set scales: all ones).
constexpr std::uint16_t kModelFormatUnitScales = 2;
/// \brief Version of a model learned on other than motion descriptors (issue 13): version 3
/// (known-set scales always present) followed, after the scales, by a kFrontEndBytes block
/// naming the front-end and its parameters. A motion model is still saved as version 2 or 3,
/// byte for byte as before; versions 2 and 3 load as motion. A loader older than this refuses
/// a spectral model (BadVersion) rather than running it on motion descriptors.
constexpr std::uint16_t kModelFormatFrontEnd = 4;
/// \brief Longest class name stored in a model (bytes of UTF-8, without the terminator).
constexpr int kClassNameBytes = 31;

/// \brief A class name in a fixed slot, so that names cost no heap on the board.
struct ClassName {
  char text[kClassNameBytes + 1] = {};
};

/// \brief Header facts of a model, readable without loading it (e.g. to size a network).
struct ModelInfo {
  std::uint16_t version = 0;
  std::uint16_t dims = 0;
  std::uint8_t classes = 0;
  std::uint8_t depth = 0;
  std::uint16_t maxLayerNeurons = 0;  ///< capacity.maxNeurons needed to load it
  std::uint16_t maxDeepNeurons = 0;   ///< widest layer after the first (0: depth 1): the
                                      ///< capacity.maxDeepNeurons needed to load it
  std::uint32_t totalNeurons = 0;
  std::uint32_t eventsLearned = 0;
  std::uint32_t totalBytes = 0;
  std::uint32_t crc = 0;              ///< CRC-32 of the whole model: its identity ("hash")
  /// The front-end its descriptors come from. Versions 2 and 3 record none: kind Motion with
  /// the default motion parameters (a loader compares only the kind and dims then).
  FrontEndConfig frontEnd;
  bool frontEndRecorded = false;      ///< version 4: frontEnd was read from the model
};

/// \brief Exact number of bytes saveModel() writes for this network (and front-end).
std::size_t modelBytes(const Network& network, const FrontEndConfig* frontEnd = nullptr);

/// \brief Serialize: little-endian header, layers, class names, then a CRC-32 of all before it.
/// \p names may be null (names are then empty); otherwise it holds network.classes() entries.
/// \p frontEnd null or Motion: version 2 or 3 as before; any other front-end is recorded
/// (version 4; InvalidArgument if it does not pass checkFrontEnd() or its dims differ from the
/// network's).
Status saveModel(const Network& network, const ClassName* names, std::uint8_t* out,
                 std::size_t capacity, std::size_t* written,
                 const FrontEndConfig* frontEnd = nullptr);

/// \brief True when a model of \p info may run on descriptors of \p board: the same kind and
/// dims; for a recorded front-end (version 4), every parameter equal.
bool modelFitsFrontEnd(const ModelInfo& info, const FrontEndConfig& board);

/// \brief Validate the header and CRC of \p bytes without loading; fills \p info.
/// \p size must be the model's exact size: bytes after its end give Status::TrailingBytes.
Status inspectModel(const std::uint8_t* bytes, std::size_t size, ModelInfo* info);

/// \brief A model's identity: the CRC-32 it stores in its last 4 bytes (ModelInfo::crc), read
/// without checking it (0 for fewer than 4 bytes). The studio, the link and the firmware all
/// name a model by this one value; inspectModel() verifies it.
std::uint32_t modelIdentity(const std::uint8_t* bytes, std::size_t size);

/// \brief Validate everything, then load into \p network. On any failure the network keeps
/// the model it had. \p names (optional) receives network.classes() names; it must hold
/// capacity().maxClasses entries.
Status loadModel(const std::uint8_t* bytes, std::size_t size, Network& network,
                 ClassName* names);

} // namespace dlm
