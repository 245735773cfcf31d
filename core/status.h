#pragma once

#include <cstdint>

namespace dlm {

/// \brief Outcome of every fallible kernel call. The kernel never throws; callers check this.
enum class Status : std::uint8_t {
  Ok = 0,
  InvalidArgument,    ///< a parameter is out of its documented range
  NotInitialized,     ///< the network has no arena yet
  ArenaTooSmall,      ///< the caller's buffer cannot hold the requested capacity
  DimsMismatch,       ///< descriptor length differs from the network's
  ClassOutOfRange,    ///< label beyond the capacity's class count
  NoEvents,           ///< rebuild asked with nothing to learn from
  NumericalFailure,   ///< a least-squares system held a non-finite value (NaN, infinity)
  // Model-bytes validation, one status per failure so a loader can say exactly what is wrong.
  BadMagic,
  BadVersion,
  Truncated,
  BadCrc,
  DimsBeyondCapacity,
  CorruptModel,       ///< header fields inconsistent with each other or with the payload
  BufferTooSmall,     ///< output buffer too small for the serialized model
  NotSupported,       ///< compiled out of this build (e.g. rebuild on a lean device build)
  TrailingBytes,      ///< bytes follow the model's end: a concatenation or a damaged copy
  FrontEndMismatch,   ///< the model was learned on another front-end's descriptors
};

/// \brief A short English name for a status, e.g. "bad CRC". Never null.
const char* statusText(Status status);

} // namespace dlm
