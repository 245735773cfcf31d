#pragma once

// Internal to core/protocol: field predicates and shared sub-layouts used by both the
// encoders and the decoders of the messages.

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/protocol/messages.h"
#include "core/protocol/wire.h"

namespace dlm {
namespace protocol {
namespace checks {

inline bool versions(std::uint8_t version, std::uint8_t minVersion) {
  return minVersion >= 1 && minVersion <= version;
}

inline bool sampleShape(std::uint8_t channels, std::uint8_t frames, std::size_t maxValues) {
  return channels >= 1 && channels <= kMaxChannels && frames >= 1 &&
         std::size_t{channels} * frames <= maxValues;
}

inline bool chunkWithin(std::uint32_t offset, std::size_t length, std::uint32_t total) {
  // Written as subtractions so that no sum can wrap around.
  return length >= 1 && length <= kMaxModelChunk && length <= total && offset <= total - length;
}

inline bool trigger(const TriggerSettings& t) {
  return std::isfinite(t.threshold) && t.threshold >= 0.0f && t.minFrames >= 1 &&
         t.minFrames <= t.maxFrames;
}

/// A rejection threshold (SetRejection, Status): a share, so finite and within [0, 1].
inline bool rejectionShare(float share) {
  return std::isfinite(share) && share >= 0.0f && share <= 1.0f;
}

/// \brief SetSpontaneousGestures: a finite rate in [0, kMaxSpontaneousRate] per minute.
inline bool spontaneousRate(float perMinute) {
  return std::isfinite(perMinute) && perMinute >= 0.0f && perMinute <= kMaxSpontaneousRate;
}

inline void writeTrigger(wire::Writer& w, const TriggerSettings& t) {
  w.f32(t.threshold);
  w.u16(t.preTriggerFrames);
  w.u16(t.holdOffFrames);
  w.u16(t.minFrames);
  w.u16(t.maxFrames);
}

inline void readTrigger(wire::Reader& r, TriggerSettings& t) {
  t.threshold = r.f32();
  t.preTriggerFrames = r.u16();
  t.holdOffFrames = r.u16();
  t.minFrames = r.u16();
  t.maxFrames = r.u16();
}

} // namespace checks
} // namespace protocol
} // namespace dlm
