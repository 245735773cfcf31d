// Shared by the protocol tests: one valid instance of every message (fixed values, or
// random ones from a seeded generator), field-by-field equality naming the first field that
// differs, and a decoder that tries the message a payload claims to be.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "core/protocol/messages.h"

namespace fixtures {

using namespace dlm::protocol;
using Bytes = std::vector<std::uint8_t>;

// ---- equality ---------------------------------------------------------------------------

#define DLM_FIELD(x)                \
  if (!(a.x == b.x)) {              \
    field = #x;                     \
    return false;                   \
  }
// Text fields compare as strings: bytes after the terminator are not part of the value.
#define DLM_TEXT(x)                                   \
  if (std::strncmp(a.x, b.x, sizeof a.x) != 0) {      \
    field = #x;                                       \
    return false;                                     \
  }
#define DLM_ARRAY(x, n)                                              \
  for (std::size_t i_ = 0; i_ < std::size_t(n); ++i_)                \
    if (!(a.x[i_] == b.x[i_])) {                                     \
      field = #x;                                                    \
      return false;                                                  \
    }

inline bool equal(const HelloRequest& a, const HelloRequest& b, std::string& field) {
  DLM_FIELD(version) DLM_FIELD(minVersion)
  return true;
}

inline bool equal(const Hello& a, const Hello& b, std::string& field) {
  DLM_FIELD(version) DLM_FIELD(minVersion)
  DLM_TEXT(boardName) DLM_TEXT(firmwareVersion) DLM_TEXT(coreVersion)
  DLM_FIELD(capacity.maxNeurons) DLM_FIELD(capacity.maxDims) DLM_FIELD(capacity.maxLayers)
  DLM_FIELD(capacity.maxClasses) DLM_FIELD(capacity.maxEvents)
  DLM_FIELD(capacity.maxDeepNeurons)
  DLM_FIELD(sampleRateHz) DLM_FIELD(channels) DLM_FIELD(descriptorDims) DLM_FIELD(modelCrc)
  DLM_FIELD(modelBytes) DLM_FIELD(neurons) DLM_FIELD(depth) DLM_FIELD(modelCapacity)
  if (!dlm::sameFrontEnd(a.frontEnd, b.frontEnd)) {
    field = "frontEnd";
    return false;
  }
  return true;
}

inline bool equal(const Samples& a, const Samples& b, std::string& field) {
  DLM_FIELD(firstSample) DLM_FIELD(channels) DLM_FIELD(frames)
  DLM_ARRAY(data, std::size_t(a.channels) * a.frames)
  return true;
}

inline bool equal(const Event& a, const Event& b, std::string& field) {
  DLM_FIELD(eventId) DLM_FIELD(startSample) DLM_FIELD(frames) DLM_FIELD(predictedClass)
  DLM_FIELD(bestClass) DLM_FIELD(confidence) DLM_FIELD(knownScore) DLM_FIELD(flags)
  DLM_FIELD(label) DLM_FIELD(dims) DLM_ARRAY(descriptor, a.dims) DLM_FIELD(requestedGesture)
  return true;
}

inline bool equal(const TriggerSettings& a, const TriggerSettings& b, std::string& field) {
  DLM_FIELD(threshold) DLM_FIELD(preTriggerFrames) DLM_FIELD(holdOffFrames)
  DLM_FIELD(minFrames) DLM_FIELD(maxFrames)
  return true;
}

inline bool equal(const Command& a, const Command& b, std::string& field) {
  DLM_FIELD(id)
  switch (a.id) {
  case CommandId::SetTrigger: return equal(a.args.setTrigger, b.args.setTrigger, field);
  case CommandId::LabelEvent:
    DLM_FIELD(args.labelEvent.eventId) DLM_FIELD(args.labelEvent.classIndex) break;
  case CommandId::ForgetEvent: DLM_FIELD(args.forgetEventId) break;
  case CommandId::PerformGesture: DLM_FIELD(args.gesture) break;
  case CommandId::ModelPushBegin:
    DLM_FIELD(args.modelPushBegin.totalBytes) DLM_FIELD(args.modelPushBegin.crc) break;
  case CommandId::ModelChunk:
    DLM_FIELD(args.modelChunk.offset) DLM_FIELD(args.modelChunk.length)
    DLM_ARRAY(args.modelChunk.data, a.args.modelChunk.length) break;
  case CommandId::ModelActivate: DLM_FIELD(args.activateCrc) break;
  case CommandId::ModelPullChunk:
    DLM_FIELD(args.modelPullChunk.offset) DLM_FIELD(args.modelPullChunk.length) break;
  case CommandId::InjectSamples:
    DLM_FIELD(args.injectSamples.channels) DLM_FIELD(args.injectSamples.frames)
    DLM_ARRAY(args.injectSamples.data,
              std::size_t(a.args.injectSamples.channels) * a.args.injectSamples.frames)
    break;
  case CommandId::SetRejection: DLM_FIELD(args.rejectionShare) break;
  case CommandId::SetSpontaneousGestures: DLM_FIELD(args.spontaneousRate) break;
  default: break;
  }
  return true;
}

inline bool equal(const Ack& a, const Ack& b, std::string& field) {
  DLM_FIELD(seq) DLM_FIELD(commandId) DLM_FIELD(code) DLM_FIELD(value)
  return true;
}

inline bool equal(const ModelData& a, const ModelData& b, std::string& field) {
  DLM_FIELD(offset) DLM_FIELD(totalBytes) DLM_FIELD(crc) DLM_FIELD(length)
  DLM_ARRAY(data, a.length)
  return true;
}

inline bool equal(const BoardStatus& a, const BoardStatus& b, std::string& field) {
  DLM_FIELD(modelCrc) DLM_FIELD(modelBytes) DLM_FIELD(neurons) DLM_FIELD(depth)
  DLM_FIELD(freeNeurons) DLM_FIELD(eventsLearned) DLM_FIELD(lastLearnUs)
  DLM_FIELD(lastPredictUs) DLM_FIELD(framesOk) DLM_FIELD(frameErrors) DLM_FIELD(uptimeMs)
  DLM_FIELD(rejectionThreshold)
  return equal(a.trigger, b.trigger, field);
}

inline bool equal(const Log& a, const Log& b, std::string& field) {
  DLM_FIELD(level) DLM_TEXT(text)
  return true;
}

#undef DLM_FIELD
#undef DLM_ARRAY
#undef DLM_TEXT

// ---- random valid messages --------------------------------------------------------------

class Random {
public:
  explicit Random(std::uint32_t seed) : m_engine(seed) {}
  // Raw engine output only (never std::*_distribution): the same numbers on every library.
  std::uint32_t next() { return std::uint32_t(m_engine()); }
  std::uint32_t below(std::uint32_t n) { return n == 0 ? 0 : next() % n; }
  std::uint32_t range(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }
  bool chance(std::uint32_t percent) { return below(100) < percent; }
  std::uint8_t byte() { return std::uint8_t(next()); }
  std::uint16_t u16() { return std::uint16_t(next()); }
  float unit() { return float(next() >> 8) / 16777216.0f; }  // [0, 1)
  float signedFloat() { return (unit() * 2.0f - 1.0f) * 100.0f; }
  void text(char* out, std::size_t size) {
    const std::size_t n = below(std::uint32_t(size));  // 0..size-1 characters
    for (std::size_t i = 0; i < size; ++i) out[i] = i < n ? char(range(32, 126)) : '\0';
  }

private:
  std::mt19937 m_engine;
};

inline TriggerSettings randomTrigger(Random& r) {
  TriggerSettings t;
  t.threshold = r.unit() * 5.0f;
  t.preTriggerFrames = r.u16();
  t.holdOffFrames = r.u16();
  t.minFrames = std::uint16_t(r.range(1, 1000));
  t.maxFrames = std::uint16_t(r.range(t.minFrames, 65535));
  return t;
}

inline Hello randomHello(Random& r) {
  Hello m;
  m.minVersion = kMinProtocolVersion;
  m.version = kProtocolVersion;
  r.text(m.boardName, sizeof m.boardName);
  r.text(m.firmwareVersion, sizeof m.firmwareVersion);
  r.text(m.coreVersion, sizeof m.coreVersion);
  m.capacity.maxNeurons = r.u16();
  m.capacity.maxLayers = std::uint8_t(r.range(1, 8));
  m.capacity.maxClasses = r.byte();
  m.capacity.maxEvents = r.next();
  m.sampleRateHz = std::uint16_t(r.range(1, 65535));
  // Version 5: the front-end makes the descriptors, so it fixes their dims and channels.
  const int channels = int(r.range(1, 6));
  if (r.range(0, 1) == 0) {
    m.frontEnd = dlm::motionFrontEnd(channels);
  } else {
    m.sampleRateHz = std::uint16_t(r.range(1000, 25600));
    m.frontEnd = dlm::spectralFrontEnd(dlm::vibrationSpectral(m.sampleRateHz, channels));
  }
  m.channels = std::uint8_t(channels);
  m.descriptorDims = m.frontEnd.dims();
  m.capacity.maxDims = std::uint16_t(r.range(m.descriptorDims, 512));
  m.modelCrc = r.next();
  m.modelBytes = r.next();
  m.neurons = r.u16();
  m.depth = std::uint8_t(r.range(0, m.capacity.maxLayers));
  m.modelCapacity = r.next();
  m.capacity.maxDeepNeurons = std::uint16_t(r.range(0, m.capacity.maxNeurons));
  return m;
}

inline Samples randomSamples(Random& r) {
  Samples m;
  m.firstSample = r.next();
  m.channels = std::uint8_t(r.range(1, kMaxChannels));
  m.frames = std::uint8_t(r.range(1, std::uint32_t(kMaxSampleValues / m.channels)));
  for (std::size_t i = 0; i < std::size_t(m.channels) * m.frames; ++i)
    m.data[i] = std::int16_t(r.u16());
  return m;
}

inline Event randomEvent(Random& r) {
  Event m;
  m.eventId = r.next();
  m.startSample = r.next();
  m.frames = std::uint16_t(r.range(1, 65535));
  m.predictedClass = std::int16_t(int(r.range(0, 40)) - 1);
  m.bestClass = std::int16_t(r.range(0, 39));
  m.confidence = r.unit();
  m.knownScore = r.signedFloat();
  m.flags = std::uint8_t(r.below(4));
  m.label = (m.flags & kEventHasLabel) ? std::int16_t(r.range(0, 32767)) : std::int16_t(-1);
  m.dims = std::uint16_t(r.range(0, kMaxDescriptorDims));
  for (std::size_t i = 0; i < m.dims; ++i) m.descriptor[i] = r.signedFloat();
  m.requestedGesture = r.chance(2) ? r.byte() : kNoGesture;
  return m;
}

inline Command randomCommand(Random& r) {
  Command c;
  c.id = CommandId(r.range(1, 15));
  auto& a = c.args;
  switch (c.id) {
  case CommandId::SetTrigger: a.setTrigger = randomTrigger(r); break;
  case CommandId::LabelEvent: a.labelEvent = {r.next(), r.byte()}; break;
  case CommandId::ForgetEvent: a.forgetEventId = r.next(); break;
  case CommandId::PerformGesture: a.gesture = r.byte(); break;
  case CommandId::ModelPushBegin: a.modelPushBegin = {r.range(1, 0xFFFFFFFFu), r.next()}; break;
  case CommandId::ModelChunk:
    a.modelChunk.offset = r.next();
    a.modelChunk.length = std::uint16_t(r.range(1, kMaxModelChunk));
    for (std::size_t i = 0; i < a.modelChunk.length; ++i) a.modelChunk.data[i] = r.byte();
    break;
  case CommandId::ModelActivate: a.activateCrc = r.next(); break;
  case CommandId::ModelPullChunk:
    a.modelPullChunk = {r.next(), std::uint16_t(r.range(1, kMaxModelChunk))};
    break;
  case CommandId::InjectSamples: {
    auto& s = a.injectSamples;
    s.channels = std::uint8_t(r.range(1, kMaxChannels));
    s.frames = std::uint8_t(r.range(1, std::uint32_t(std::min<std::size_t>(255, kMaxInjectValues / s.channels))));
    for (std::size_t i = 0; i < std::size_t(s.channels) * s.frames; ++i)
      s.data[i] = std::int16_t(r.u16());
    break;
  }
  // The bounds themselves now and then: 0 rejects nothing, 1 everything.
  case CommandId::SetRejection:
    a.rejectionShare = r.chance(10) ? float(r.below(2)) : r.unit();
    break;
  case CommandId::SetSpontaneousGestures:
    a.spontaneousRate = r.chance(10) ? float(r.below(2)) * kMaxSpontaneousRate
                                     : r.unit() * kMaxSpontaneousRate;
    break;
  default: break;
  }
  return c;
}

inline Ack randomAck(Random& r) {
  Ack m;
  m.seq = r.u16();
  m.commandId = CommandId(r.byte());
  m.code = AckCode(r.range(0, 9));
  m.value = r.next();
  return m;
}

inline ModelData randomModelData(Random& r) {
  ModelData m;
  m.length = std::uint16_t(r.range(1, kMaxModelChunk));
  m.totalBytes = r.range(m.length, 1u << 20);
  m.offset = r.range(0, m.totalBytes - m.length);
  m.crc = r.next();
  for (std::size_t i = 0; i < m.length; ++i) m.data[i] = r.byte();
  return m;
}

inline BoardStatus randomStatus(Random& r) {
  BoardStatus m;
  m.modelCrc = r.next();
  m.modelBytes = r.next();
  m.neurons = r.u16();
  m.depth = r.byte();
  m.freeNeurons = r.u16();
  m.eventsLearned = r.next();
  m.lastLearnUs = r.next();
  m.lastPredictUs = r.next();
  m.framesOk = r.next();
  m.frameErrors = r.next();
  m.uptimeMs = r.next();
  m.trigger = randomTrigger(r);
  m.rejectionThreshold = r.unit();
  return m;
}

inline Log randomLog(Random& r) {
  Log m;
  m.level = LogLevel(r.range(0, 3));
  r.text(m.text, kMaxLogText + 1);
  return m;
}

// A payload of \p type, valid and random.
inline Bytes randomPayload(Random& r, MessageType type) {
  Bytes out(kMaxPayload);
  std::size_t n = 0;
  switch (type) {
  case MessageType::HelloRequest: {
    HelloRequest m;
    m.version = std::uint8_t(r.range(1, 255));
    m.minVersion = std::uint8_t(r.range(1, m.version));
    n = m.encode(out.data(), out.size());
    break;
  }
  case MessageType::Hello: n = randomHello(r).encode(out.data(), out.size()); break;
  case MessageType::Samples: n = randomSamples(r).encode(out.data(), out.size()); break;
  case MessageType::Event: n = randomEvent(r).encode(out.data(), out.size()); break;
  case MessageType::Command: n = randomCommand(r).encode(out.data(), out.size()); break;
  case MessageType::Ack: n = randomAck(r).encode(out.data(), out.size()); break;
  case MessageType::ModelData: n = randomModelData(r).encode(out.data(), out.size()); break;
  case MessageType::Status: n = randomStatus(r).encode(out.data(), out.size()); break;
  case MessageType::Log: n = randomLog(r).encode(out.data(), out.size()); break;
  }
  out.resize(n);
  return out;
}

// ---- decode by type ---------------------------------------------------------------------

// Decodes \p payload as the message \p type names; when that succeeds, re-encodes it into
// \p again (a valid decode must reproduce the exact bytes: every message has one encoding).
inline bool decodeAs(MessageType type, const std::uint8_t* p, std::size_t n, Bytes& again) {
  again.assign(kMaxPayload, 0);
  std::size_t m = 0;
  bool ok = false;
  auto run = [&](auto& msg) {
    ok = std::decay_t<decltype(msg)>::decode(p, n, msg);
    if (ok) m = msg.encode(again.data(), again.size());
  };
  switch (type) {
  case MessageType::HelloRequest: { HelloRequest x; run(x); break; }
  case MessageType::Hello: { Hello x; run(x); break; }
  case MessageType::Samples: { Samples x; run(x); break; }
  case MessageType::Event: { Event x; run(x); break; }
  case MessageType::Command: { Command x; run(x); break; }
  case MessageType::Ack: { Ack x; run(x); break; }
  case MessageType::ModelData: { ModelData x; run(x); break; }
  case MessageType::Status: { BoardStatus x; run(x); break; }
  case MessageType::Log: { Log x; run(x); break; }
  default: return false;
  }
  again.resize(m);
  return ok;
}

constexpr MessageType kAllTypes[] = {
    MessageType::HelloRequest, MessageType::Hello, MessageType::Samples,
    MessageType::Event, MessageType::Command, MessageType::Ack,
    MessageType::ModelData, MessageType::Status, MessageType::Log};

} // namespace fixtures
