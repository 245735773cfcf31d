// Command::encode / Command::decode: one CommandId byte, then the arguments of that command.

#include "core/protocol/message_checks.h"
#include "core/protocol/messages.h"
#include "core/protocol/wire.h"

namespace dlm {
namespace protocol {

namespace {

bool valid(const Command& c) {
  switch (c.id) {
  case CommandId::SetTrigger: return checks::trigger(c.args.setTrigger);
  case CommandId::ModelPushBegin: return c.args.modelPushBegin.totalBytes >= 1;
  case CommandId::ModelChunk:
    return c.args.modelChunk.length >= 1 && c.args.modelChunk.length <= kMaxModelChunk;
  case CommandId::ModelPullChunk:
    return c.args.modelPullChunk.length >= 1 && c.args.modelPullChunk.length <= kMaxModelChunk;
  case CommandId::InjectSamples:
    return checks::sampleShape(c.args.injectSamples.channels, c.args.injectSamples.frames,
                               kMaxInjectValues);
  case CommandId::SetRejection: return checks::rejectionShare(c.args.rejectionShare);
  case CommandId::SetSpontaneousGestures: return checks::spontaneousRate(c.args.spontaneousRate);
  case CommandId::LabelEvent:
  case CommandId::ForgetEvent:
  case CommandId::PerformGesture:
  case CommandId::GetStatus:
  case CommandId::ModelActivate:
  case CommandId::ModelPullBegin:
  case CommandId::Heartbeat:
  case CommandId::Reset: return true;
  case CommandId::None: return false;
  }
  return false;  // a value outside the enumeration
}

void writeArgs(wire::Writer& w, const Command& c) {
  const Command::Args& a = c.args;
  switch (c.id) {
  case CommandId::SetTrigger: checks::writeTrigger(w, a.setTrigger); break;
  case CommandId::LabelEvent:
    w.u32(a.labelEvent.eventId);
    w.u8(a.labelEvent.classIndex);
    break;
  case CommandId::ForgetEvent: w.u32(a.forgetEventId); break;
  case CommandId::PerformGesture: w.u8(a.gesture); break;
  case CommandId::ModelPushBegin:
    w.u32(a.modelPushBegin.totalBytes);
    w.u32(a.modelPushBegin.crc);
    break;
  case CommandId::ModelChunk:
    w.u32(a.modelChunk.offset);
    w.bytes(a.modelChunk.data, a.modelChunk.length);
    break;
  case CommandId::ModelActivate: w.u32(a.activateCrc); break;
  case CommandId::ModelPullChunk:
    w.u32(a.modelPullChunk.offset);
    w.u16(a.modelPullChunk.length);
    break;
  case CommandId::InjectSamples: {
    const InjectSamplesArgs& s = a.injectSamples;
    w.u8(s.channels);
    w.u8(s.frames);
    const std::size_t count = std::size_t{s.channels} * s.frames;
    for (std::size_t i = 0; i < count; ++i) w.i16(s.data[i]);
    break;
  }
  case CommandId::SetRejection: w.f32(a.rejectionShare); break;
  case CommandId::SetSpontaneousGestures: w.f32(a.spontaneousRate); break;
  default: break;  // no arguments
  }
}

// Reads the arguments of c.id into c.args. Variable-length data is checked against the
// fixed arrays before a single byte is copied.
void readArgs(wire::Reader& r, Command& c) {
  Command::Args& a = c.args;
  switch (c.id) {
  case CommandId::SetTrigger: checks::readTrigger(r, a.setTrigger); break;
  case CommandId::LabelEvent:
    a.labelEvent.eventId = r.u32();
    a.labelEvent.classIndex = r.u8();
    break;
  case CommandId::ForgetEvent: a.forgetEventId = r.u32(); break;
  case CommandId::PerformGesture: a.gesture = r.u8(); break;
  case CommandId::ModelPushBegin:
    a.modelPushBegin.totalBytes = r.u32();
    a.modelPushBegin.crc = r.u32();
    break;
  case CommandId::ModelChunk: {
    a.modelChunk.offset = r.u32();
    const std::size_t n = r.remaining();
    if (n < 1 || n > kMaxModelChunk) {
      r.fail();
      break;
    }
    a.modelChunk.length = static_cast<std::uint16_t>(n);
    r.bytes(a.modelChunk.data, n);
    break;
  }
  case CommandId::ModelActivate: a.activateCrc = r.u32(); break;
  case CommandId::ModelPullChunk:
    a.modelPullChunk.offset = r.u32();
    a.modelPullChunk.length = r.u16();
    break;
  case CommandId::InjectSamples: {
    InjectSamplesArgs& s = a.injectSamples;
    s.channels = r.u8();
    s.frames = r.u8();
    const std::size_t count = std::size_t{s.channels} * s.frames;
    if (!checks::sampleShape(s.channels, s.frames, kMaxInjectValues) ||
        r.remaining() != 2 * count) {
      r.fail();
      break;
    }
    for (std::size_t i = 0; i < count; ++i) s.data[i] = r.i16();
    break;
  }
  case CommandId::SetRejection: a.rejectionShare = r.f32(); break;
  case CommandId::SetSpontaneousGestures: a.spontaneousRate = r.f32(); break;
  default: break;  // no arguments
  }
}

} // namespace

std::size_t Command::encode(std::uint8_t* payload, std::size_t cap) const {
  if (!valid(*this)) return 0;
  wire::Writer w(payload, cap);
  w.u8(static_cast<std::uint8_t>(id));
  writeArgs(w, *this);
  return w.finish();
}

bool Command::decode(const std::uint8_t* payload, std::size_t length, Command& out) {
  wire::Reader r(payload, length);
  const std::uint8_t id = r.u8();
  if (!isValidCommandId(id)) return false;
  out.id = static_cast<CommandId>(id);
  readArgs(r, out);
  return r.finishExact() && valid(out);
}

} // namespace protocol
} // namespace dlm
