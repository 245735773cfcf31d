#include "core/status.h"

namespace dlm {

const char* statusText(Status status) {
  switch (status) {
  case Status::Ok: return "ok";
  case Status::InvalidArgument: return "invalid argument";
  case Status::NotInitialized: return "network not initialised";
  case Status::ArenaTooSmall: return "arena too small for the requested capacity";
  case Status::DimsMismatch: return "descriptor length does not match the network";
  case Status::ClassOutOfRange: return "class index beyond capacity";
  case Status::NoEvents: return "no events to learn from";
  case Status::NumericalFailure: return "least-squares system numerically broken (a value not finite or not positive)";
  case Status::BadMagic: return "not a Deeplomath model (bad magic)";
  case Status::BadVersion: return "unsupported model format version";
  case Status::Truncated: return "model bytes truncated";
  case Status::BadCrc: return "model CRC mismatch";
  case Status::DimsBeyondCapacity: return "model needs more capacity than this network has";
  case Status::CorruptModel: return "model header inconsistent";
  case Status::BufferTooSmall: return "output buffer too small";
  case Status::NotSupported: return "not supported by this build";
  case Status::TrailingBytes: return "unexpected bytes after the end of the model";
  case Status::FrontEndMismatch: return "model made for another front-end";
  }
  return "unknown status";
}

} // namespace dlm
