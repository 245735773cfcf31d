#include "core/protocol/messages.h"

#include <cmath>

#include "core/protocol/message_checks.h"
#include "core/protocol/wire.h"

namespace dlm {
namespace protocol {

// Each message validates its fields with one predicate shared by encode() and decode(), so a
// board can never emit what a studio would refuse, and the reverse.

bool decodeHandshakeVersions(const std::uint8_t* payload, std::size_t length,
                             std::uint8_t& version, std::uint8_t& minVersion) {
  if (payload == nullptr || length < 2) return false;
  version = payload[0];
  minVersion = payload[1];
  return checks::versions(version, minVersion);
}

// --- HelloRequest ------------------------------------------------------------------------

std::size_t HelloRequest::encode(std::uint8_t* payload, std::size_t cap) const {
  if (!checks::versions(version, minVersion)) return 0;
  wire::Writer w(payload, cap);
  w.u8(version);
  w.u8(minVersion);
  return w.finish();
}

bool HelloRequest::decode(const std::uint8_t* payload, std::size_t length, HelloRequest& out) {
  wire::Reader r(payload, length);
  out.version = r.u8();
  out.minVersion = r.u8();
  return r.finishExact() && checks::versions(out.version, out.minVersion);
}

// --- Hello -------------------------------------------------------------------------------

namespace {

bool valid(const Hello& m) {
  return checks::versions(m.version, m.minVersion) && m.sampleRateHz >= 1 &&
         m.channels >= 1 && m.channels <= kMaxChannels &&
         m.descriptorDims <= m.capacity.maxDims && m.depth <= m.capacity.maxLayers &&
         m.capacity.maxDeepNeurons <= m.capacity.maxNeurons;
}

// Version 5: the front-end must be the one that makes this stream's descriptors.
bool validFrontEnd(const Hello& m) {
  const FrontEndConfig& f = m.frontEnd;
  return checkFrontEnd(f) == Status::Ok && f.channels() == m.channels &&
         f.dims() == m.descriptorDims &&
         (f.kind != FrontEndKind::Spectral || f.spectral.sampleRateHz == m.sampleRateHz);
}

} // namespace

std::size_t Hello::encode(std::uint8_t* payload, std::size_t cap,
                          std::uint8_t sessionVersion) const {
  if (!valid(*this) || sessionVersion < 2 || sessionVersion > kProtocolVersion) return 0;
  if (sessionVersion >= kFrontEndProtocolVersion && !validFrontEnd(*this)) return 0;
  wire::Writer w(payload, cap);
  w.u8(version);
  w.u8(minVersion);
  w.text(boardName, sizeof boardName);
  w.text(firmwareVersion, sizeof firmwareVersion);
  w.text(coreVersion, sizeof coreVersion);
  w.u16(capacity.maxNeurons);
  w.u16(capacity.maxDims);
  w.u8(capacity.maxLayers);
  w.u8(capacity.maxClasses);
  w.u32(capacity.maxEvents);
  w.u16(sampleRateHz);
  w.u8(channels);
  w.u16(descriptorDims);
  w.u32(modelCrc);
  w.u32(modelBytes);
  w.u16(neurons);
  w.u8(depth);
  w.u16(capacity.maxDeepNeurons);
  if (sessionVersion >= 4) w.u32(modelCapacity);
  if (sessionVersion >= kFrontEndProtocolVersion) {
    std::uint8_t block[kFrontEndBytes] = {};
    encodeFrontEnd(frontEnd, block, sizeof block);  // checked by validFrontEnd()
    w.bytes(block, sizeof block);
  }
  return w.finish();
}

bool Hello::decode(const std::uint8_t* payload, std::size_t length, Hello& out,
                   std::uint8_t sessionVersion) {
  if (sessionVersion < 2 || sessionVersion > kProtocolVersion) return false;
  wire::Reader r(payload, length);
  out.version = r.u8();
  out.minVersion = r.u8();
  r.text(out.boardName, sizeof out.boardName);
  r.text(out.firmwareVersion, sizeof out.firmwareVersion);
  r.text(out.coreVersion, sizeof out.coreVersion);
  out.capacity.maxNeurons = r.u16();
  out.capacity.maxDims = r.u16();
  out.capacity.maxLayers = r.u8();
  out.capacity.maxClasses = r.u8();
  out.capacity.maxEvents = r.u32();
  out.sampleRateHz = r.u16();
  out.channels = r.u8();
  out.descriptorDims = r.u16();
  out.modelCrc = r.u32();
  out.modelBytes = r.u32();
  out.neurons = r.u16();
  out.depth = r.u8();
  out.capacity.maxDeepNeurons = r.u16();
  out.modelCapacity = sessionVersion >= 4 ? r.u32() : 0;
  if (sessionVersion < kFrontEndProtocolVersion) {
    // What a board of those versions computes: the motion descriptor of its channels.
    out.frontEnd = motionFrontEnd(out.channels, out.capacity.maxDims);
    return r.finishExact() && valid(out);
  }
  std::uint8_t block[kFrontEndBytes] = {};
  for (std::uint8_t& b : block) b = r.u8();
  return r.finishExact() && valid(out) &&
         decodeFrontEnd(block, sizeof block, &out.frontEnd) == dlm::Status::Ok &&
         validFrontEnd(out);
}

// --- Samples -----------------------------------------------------------------------------

std::size_t Samples::encode(std::uint8_t* payload, std::size_t cap) const {
  if (!checks::sampleShape(channels, frames, kMaxSampleValues)) return 0;
  wire::Writer w(payload, cap);
  w.u32(firstSample);
  w.u8(channels);
  w.u8(frames);
  const std::size_t count = std::size_t{channels} * frames;
  for (std::size_t i = 0; i < count; ++i) w.i16(data[i]);
  return w.finish();
}

bool Samples::decode(const std::uint8_t* payload, std::size_t length, Samples& out) {
  wire::Reader r(payload, length);
  out.firstSample = r.u32();
  out.channels = r.u8();
  out.frames = r.u8();
  // The shape bounds the writes into out.data; check it before reading any sample.
  if (!checks::sampleShape(out.channels, out.frames, kMaxSampleValues)) return false;
  const std::size_t count = std::size_t{out.channels} * out.frames;
  if (r.remaining() != 2 * count) return false;
  for (std::size_t i = 0; i < count; ++i) out.data[i] = r.i16();
  return r.finishExact();
}

// --- Event -------------------------------------------------------------------------------

namespace {

constexpr std::uint8_t kKnownEventFlags = kEventLearned | kEventHasLabel;

bool validHead(const Event& m) {
  const bool hasLabel = (m.flags & kEventHasLabel) != 0;
  return m.frames >= 1 && m.predictedClass >= -1 && m.bestClass >= -1 &&
         std::isfinite(m.confidence) && m.confidence >= 0.0f && m.confidence <= 1.0f &&
         std::isfinite(m.knownScore) && (m.flags & ~kKnownEventFlags) == 0 &&
         (hasLabel ? m.label >= 0 : m.label == -1) && m.dims <= kMaxDescriptorDims;
}

bool valid(const Event& m) {
  if (!validHead(m)) return false;
  for (std::size_t i = 0; i < m.dims; ++i)
    if (!std::isfinite(m.descriptor[i])) return false;
  return true;
}

} // namespace

std::size_t Event::encode(std::uint8_t* payload, std::size_t cap, std::uint8_t version) const {
  if (!valid(*this) || version < 2 || version > kProtocolVersion) return 0;
  wire::Writer w(payload, cap);
  w.u32(eventId);
  w.u32(startSample);
  w.u16(frames);
  w.i16(predictedClass);
  w.i16(bestClass);
  w.f32(confidence);
  w.f32(knownScore);
  w.u8(flags);
  w.i16(label);
  w.u16(dims);
  for (std::size_t i = 0; i < dims; ++i) w.f32(descriptor[i]);
  // A version 2 peer would refuse the extra byte, so a version 2 session simply loses it.
  if (version >= 3) w.u8(requestedGesture);
  return w.finish();
}

bool Event::decode(const std::uint8_t* payload, std::size_t length, Event& out,
                   std::uint8_t version) {
  if (version < 2 || version > kProtocolVersion) return false;
  wire::Reader r(payload, length);
  out.eventId = r.u32();
  out.startSample = r.u32();
  out.frames = r.u16();
  out.predictedClass = r.i16();
  out.bestClass = r.i16();
  out.confidence = r.f32();
  out.knownScore = r.f32();
  out.flags = r.u8();
  out.label = r.i16();
  out.dims = r.u16();
  if (!validHead(out)) return false;  // dims bounds the writes below
  const std::size_t tail = version >= 3 ? 1u : 0u;
  if (r.remaining() != 4u * out.dims + tail) return false;
  for (std::size_t i = 0; i < out.dims; ++i) out.descriptor[i] = r.f32();
  // Any byte is a valid gesture id: the set is the board's (PerformGesture checks it).
  out.requestedGesture = tail != 0 ? r.u8() : kNoGesture;
  return r.finishExact() && valid(out);
}

// --- Ack ---------------------------------------------------------------------------------

std::size_t Ack::encode(std::uint8_t* payload, std::size_t cap) const {
  if (!isValidAckCode(static_cast<std::uint8_t>(code))) return 0;
  wire::Writer w(payload, cap);
  w.u16(seq);
  w.u8(static_cast<std::uint8_t>(commandId));
  w.u8(static_cast<std::uint8_t>(code));
  w.u32(value);
  return w.finish();
}

bool Ack::decode(const std::uint8_t* payload, std::size_t length, Ack& out) {
  wire::Reader r(payload, length);
  out.seq = r.u16();
  // Any command byte is legal here: an UnknownCommand ack echoes what the board received.
  out.commandId = static_cast<CommandId>(r.u8());
  const std::uint8_t code = r.u8();
  out.code = static_cast<AckCode>(code);
  out.value = r.u32();
  return r.finishExact() && isValidAckCode(code);
}

// --- ModelData ---------------------------------------------------------------------------

std::size_t ModelData::encode(std::uint8_t* payload, std::size_t cap) const {
  if (!checks::chunkWithin(offset, length, totalBytes)) return 0;
  wire::Writer w(payload, cap);
  w.u32(offset);
  w.u32(totalBytes);
  w.u32(crc);
  w.bytes(data, length);
  return w.finish();
}

bool ModelData::decode(const std::uint8_t* payload, std::size_t length, ModelData& out) {
  wire::Reader r(payload, length);
  out.offset = r.u32();
  out.totalBytes = r.u32();
  out.crc = r.u32();
  const std::size_t n = r.remaining();
  if (n > kMaxModelChunk) return false;
  out.length = static_cast<std::uint16_t>(n);
  r.bytes(out.data, n);
  return r.finishExact() && checks::chunkWithin(out.offset, out.length, out.totalBytes);
}

// --- BoardStatus -------------------------------------------------------------------------

std::size_t BoardStatus::encode(std::uint8_t* payload, std::size_t cap) const {
  if (!checks::trigger(trigger) || !checks::rejectionShare(rejectionThreshold)) return 0;
  wire::Writer w(payload, cap);
  w.u32(modelCrc);
  w.u32(modelBytes);
  w.u16(neurons);
  w.u8(depth);
  w.u16(freeNeurons);
  w.u32(eventsLearned);
  w.u32(lastLearnUs);
  w.u32(lastPredictUs);
  w.u32(framesOk);
  w.u32(frameErrors);
  w.u32(uptimeMs);
  checks::writeTrigger(w, trigger);
  w.f32(rejectionThreshold);
  return w.finish();
}

bool BoardStatus::decode(const std::uint8_t* payload, std::size_t length, BoardStatus& out) {
  wire::Reader r(payload, length);
  out.modelCrc = r.u32();
  out.modelBytes = r.u32();
  out.neurons = r.u16();
  out.depth = r.u8();
  out.freeNeurons = r.u16();
  out.eventsLearned = r.u32();
  out.lastLearnUs = r.u32();
  out.lastPredictUs = r.u32();
  out.framesOk = r.u32();
  out.frameErrors = r.u32();
  out.uptimeMs = r.u32();
  checks::readTrigger(r, out.trigger);
  out.rejectionThreshold = r.f32();
  return r.finishExact() && checks::trigger(out.trigger) &&
         checks::rejectionShare(out.rejectionThreshold);
}

// --- Log ---------------------------------------------------------------------------------

std::size_t Log::encode(std::uint8_t* payload, std::size_t cap) const {
  std::size_t n = 0;
  while (n < sizeof text && text[n] != '\0') ++n;
  if (n > kMaxLogText || static_cast<std::uint8_t>(level) > static_cast<std::uint8_t>(LogLevel::Error))
    return 0;
  wire::Writer w(payload, cap);
  w.u8(static_cast<std::uint8_t>(level));
  w.u8(static_cast<std::uint8_t>(n));
  for (std::size_t i = 0; i < n; ++i) w.u8(static_cast<std::uint8_t>(text[i]));
  return w.finish();
}

bool Log::decode(const std::uint8_t* payload, std::size_t length, Log& out) {
  wire::Reader r(payload, length);
  const std::uint8_t level = r.u8();
  const std::uint8_t n = r.u8();
  if (level > static_cast<std::uint8_t>(LogLevel::Error) || n > kMaxLogText ||
      r.remaining() != n)
    return false;
  out.level = static_cast<LogLevel>(level);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t c = r.u8();
    if (c == 0) return false;  // the length says where the text ends; a NUL would hide bytes
    out.text[i] = static_cast<char>(c);
  }
  for (std::size_t i = n; i < sizeof out.text; ++i) out.text[i] = '\0';
  return r.finishExact();
}

} // namespace protocol
} // namespace dlm
