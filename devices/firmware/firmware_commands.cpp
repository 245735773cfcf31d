// FirmwareApp: the command side of the wire protocol (docs/protocol.md §4-§6).

#include "core/version.h"
#include "devices/firmware/firmware_app.h"

namespace dlm::firmware {

namespace {

using protocol::Ack;
using protocol::AckCode;
using protocol::CommandId;

Ack makeAck(CommandId id, AckCode code, std::uint32_t value) {
  Ack a;
  a.commandId = id;
  a.code = code;
  a.value = value;
  return a;
}

Ack fromReply(CommandId id, const protocol::TransferReply& r) {
  return makeAck(id, r.code, r.value);
}

// Fixed-size text field: truncated, zero-padded (Hello's strict decoding wants the padding).
void copyText(char* out, std::size_t size, const char* text) {
  std::size_t n = 0;
  if (text != nullptr) {
    for (; n + 1 < size && text[n] != '\0'; ++n) out[n] = text[n];
  }
  for (; n < size; ++n) out[n] = '\0';
}

// Tiny text builder: snprintf would pull a large part of the C library into the firmware.
struct Text {
  char buffer[protocol::kMaxLogText + 1] = {};
  std::size_t length = 0;
  Text& operator<<(const char* s) {
    while (*s != '\0' && length < protocol::kMaxLogText) buffer[length++] = *s++;
    return *this;
  }
  Text& operator<<(std::uint32_t v) {
    char digits[10];
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + v % 10u);
      v /= 10u;
    } while (v != 0 && n < 10);
    while (n > 0 && length < protocol::kMaxLogText) buffer[length++] = digits[--n];
    return *this;
  }
};

} // namespace

void FirmwareApp::handleFrame(const protocol::FrameView& frame) {
  m_link.onValidFrame(nowMs());
  if (frame.type == protocol::MessageType::HelloRequest) {
    handleHello(frame);
  } else if (frame.type == protocol::MessageType::Command) {
    handleCommand(frame);
  }
  // Anything else is a board-to-studio message echoed back, or noise: ignored (§2).
}

void FirmwareApp::handleHello(const protocol::FrameView& frame) {
  std::uint8_t version = 0;
  std::uint8_t minVersion = 0;
  Ack ack = makeAck(CommandId::None, AckCode::Ok, 0);
  ack.seq = frame.seq;
  if (!protocol::decodeHandshakeVersions(frame.payload, frame.length, version, minVersion)) {
    ack.code = AckCode::BadArguments;
    if (!send(ack, 0, protocol::kProtocolVersion)) ++m_counters.repliesDropped;
    return;
  }
  const std::uint8_t lowest = minProtocolVersion();
  const std::uint8_t common =
      protocol::negotiateVersion(lowest, protocol::kProtocolVersion, minVersion, version);
  if (common == 0) {
    // §5.2: say so in words and in an ack, both in our own highest version.
    Text t;
    t << "protocol mismatch: board speaks v" << std::uint32_t{lowest}
      << "-" << std::uint32_t{protocol::kProtocolVersion} << ", studio v"
      << std::uint32_t{minVersion} << "-" << std::uint32_t{version};
    protocol::Log log;
    log.level = protocol::LogLevel::Error;
    copyText(log.text, sizeof log.text, t.buffer);
    m_port->log(kLogError, t.buffer);
    ack.code = AckCode::NotSupported;
    ack.value = lowest |
                (static_cast<std::uint32_t>(protocol::kProtocolVersion) << 8);
    if (!send(log, 0, protocol::kProtocolVersion)) ++m_counters.repliesDropped;
    if (!send(ack, 0, protocol::kProtocolVersion)) ++m_counters.repliesDropped;
    return;
  }
  m_acks.clear();  // a new session may reuse sequence numbers
  m_version = common;
  m_session = true;
  m_batch.frames = 0;  // the stream restarts at the next frame
  sendHello();
}

void FirmwareApp::handleCommand(const protocol::FrameView& frame) {
  Ack ack;
  ack.seq = frame.seq;
  if (frame.length == 0) {
    ack.code = AckCode::BadArguments;  // §4.2: empty payload, command id 0
    sendAck(ack);
    return;
  }
  const std::uint8_t raw = frame.payload[0];
  ack.commandId = static_cast<CommandId>(raw);
  if (!protocol::isValidCommandId(raw)) {
    ack.code = AckCode::UnknownCommand;
    sendAck(ack);
    return;
  }
  const CommandId id = ack.commandId;
  const bool readOnly = protocol::isReadOnlyCommand(id);
  if (!readOnly) {
    // A retry after a lost ack: answer it again, do not execute it twice.
    if (const Ack* cached = m_acks.find(frame.seq, id)) {
      ++m_counters.duplicates;
      sendAck(*cached);
      return;
    }
  }
  if (!protocol::Command::decode(frame.payload, frame.length, m_command)) {
    ack.code = AckCode::BadArguments;
    sendAck(ack);
    return;
  }
  ++m_counters.commands;
  ack = execute(m_command);
  ack.seq = frame.seq;
  ack.commandId = id;
  if (!readOnly) m_acks.remember(ack);
  sendAck(ack);
  if (id == CommandId::Reset) m_resetPending = true;  // poll() resets once the ack has left
}

Ack FirmwareApp::execute(const protocol::Command& c) {
  const protocol::Command::Args& a = c.args;
  switch (c.id) {
  case CommandId::SetTrigger: return setTrigger(a.setTrigger);
  case CommandId::LabelEvent: return labelEvent(a.labelEvent);
  case CommandId::ForgetEvent:
    return makeAck(c.id, m_events.forget(a.forgetEventId) ? AckCode::Ok : AckCode::NoSuchEvent,
                   0);
  case CommandId::PerformGesture:
    switch (m_port->performGesture(a.gesture)) {
    case GestureRequest::Queued: return makeAck(c.id, AckCode::Ok, 0);
    case GestureRequest::Rejected: return makeAck(c.id, AckCode::BadArguments, 0);
    case GestureRequest::NotSupported: break;
    }
    return makeAck(c.id, AckCode::NotSupported, 0);
  case CommandId::GetStatus: sendStatus(); return makeAck(c.id, AckCode::Ok, 0);
  case CommandId::ModelPushBegin:
    return fromReply(c.id, m_store.pushBegin(a.modelPushBegin.totalBytes, a.modelPushBegin.crc));
  case CommandId::ModelChunk:
    return fromReply(c.id, m_store.pushChunk(a.modelChunk.offset, a.modelChunk.data,
                                             a.modelChunk.length));
  case CommandId::ModelActivate: {
    const protocol::TransferReply r = m_store.activate(a.activateCrc, m_network, m_names);
    if (r.code == AckCode::Ok) {
      sendLog(kLogInfo, "model activated");
    } else if (r.code == AckCode::InternalError) {
      Text t;
      t << "model refused: " << statusText(static_cast<Status>(r.value));
      sendLog(kLogWarning, t.buffer);
    }
    return fromReply(c.id, r);
  }
  case CommandId::ModelPullBegin: return fromReply(c.id, m_store.pullBegin(m_network, m_names));
  case CommandId::ModelPullChunk: return pullChunk(a.modelPullChunk);
  case CommandId::InjectSamples: return injectSamples(a.injectSamples);
  case CommandId::Heartbeat: return makeAck(c.id, AckCode::Ok, uptimeMs());
  case CommandId::Reset: return makeAck(c.id, AckCode::Ok, 0);
  case CommandId::SetRejection: return setRejection(a.rejectionShare);
  case CommandId::SetSpontaneousGestures: return setSpontaneousGestures(a.spontaneousRate);
  case CommandId::None: break;
  }
  return makeAck(c.id, AckCode::UnknownCommand, 0);
}

Ack FirmwareApp::setTrigger(const protocol::TriggerSettings& t) {
  TriggerConfig config = m_detector.config();
  config.threshold = t.threshold;
  config.preTriggerFrames = t.preTriggerFrames;
  config.holdOffFrames = t.holdOffFrames;
  config.minFrames = t.minFrames;
  config.maxFrames = t.maxFrames;
  configureTrigger(config);  // clamped to what the window buffers hold; Status shows the result
  return makeAck(CommandId::SetTrigger, AckCode::Ok, 0);
}

Ack FirmwareApp::setRejection(float share) {
  // Command::decode checked share (finite, in [0, 1]). The threshold is part of the model
  // (KernelParams::threshold), so the model's identity follows it as it follows learning: the
  // studio sees the same identity for the same model and threshold. It is not written to
  // storage: after a reset, or when a model is activated, the model's own default applies.
  if (share != m_network.threshold()) {
    m_network.setThreshold(share);
    if (m_network.totalNeurons() > 0) m_store.networkChanged();  // no model: nothing to name
  }
  return makeAck(CommandId::SetRejection, AckCode::Ok, 0);
}

Ack FirmwareApp::setSpontaneousGestures(float ratePerMinute) {
  // A version 2 session has no such command: answer as a version 2 board would.
  if (m_version < 3)
    return makeAck(CommandId::SetSpontaneousGestures, AckCode::UnknownCommand, 0);
  switch (m_port->setSpontaneousGestures(ratePerMinute)) {
  case GestureRequest::Queued: return makeAck(CommandId::SetSpontaneousGestures, AckCode::Ok, 0);
  case GestureRequest::Rejected: break;
  case GestureRequest::NotSupported:
    return makeAck(CommandId::SetSpontaneousGestures, AckCode::NotSupported, 0);
  }
  return makeAck(CommandId::SetSpontaneousGestures, AckCode::BadArguments, 0);
}

Ack FirmwareApp::labelEvent(const protocol::LabelEventArgs& args) {
  if (args.classIndex >= kCapacity.maxClasses)
    return makeAck(CommandId::LabelEvent, AckCode::BadArguments, 0);
  StoredEvent* e = m_events.find(args.eventId);
  if (e == nullptr) return makeAck(CommandId::LabelEvent, AckCode::NoSuchEvent, 0);
  const std::uint32_t t0 = m_port->micros();
  const Status s = m_network.learn(e->descriptor, args.classIndex);
  m_lastLearnUs = m_port->micros() - t0;
  if (s != Status::Ok)
    return makeAck(CommandId::LabelEvent, AckCode::InternalError, static_cast<std::uint32_t>(s));
  m_store.networkChanged();
  e->label = args.classIndex;
  e->flags = static_cast<std::uint8_t>(e->flags | protocol::kEventLearned |
                                       protocol::kEventHasLabel);
  if (m_session) sendEvent(*e);  // the event again, now flagged as learned
  return makeAck(CommandId::LabelEvent, AckCode::Ok, m_network.eventsLearned());
}

Ack FirmwareApp::injectSamples(const protocol::InjectSamplesArgs& args) {
  if (args.channels != m_board.channels)
    return makeAck(CommandId::InjectSamples, AckCode::BadArguments, 0);
  const std::uint32_t room = kInjectFrames - m_injectCount;
  if (args.frames > room) return makeAck(CommandId::InjectSamples, AckCode::Busy, room);
  const std::uint32_t channels = m_board.channels;
  for (std::uint32_t f = 0; f < args.frames; ++f) {
    const std::uint32_t slot = (m_injectHead + m_injectCount) % kInjectFrames;
    for (std::uint32_t c = 0; c < channels; ++c)
      m_inject[slot * channels + c] = args.data[f * channels + c];
    ++m_injectCount;
  }
  return makeAck(CommandId::InjectSamples, AckCode::Ok, args.frames);
}

Ack FirmwareApp::pullChunk(const protocol::ModelPullChunkArgs& args) {
  const protocol::TransferReply r = m_store.pullChunk(args.offset, args.length, m_modelData);
  if (r.code == AckCode::Ok && !send(m_modelData, 0, m_version)) ++m_counters.repliesDropped;
  return fromReply(CommandId::ModelPullChunk, r);
}

void FirmwareApp::sendAck(const Ack& ack) {
  if (!send(ack, 0, m_version)) ++m_counters.repliesDropped;
}

void FirmwareApp::sendHello() {
  protocol::Hello h;
  copyText(h.boardName, sizeof h.boardName, m_board.name);
  copyText(h.firmwareVersion, sizeof h.firmwareVersion, m_board.firmwareVersion);
  copyText(h.coreVersion, sizeof h.coreVersion, coreVersion());
  h.capacity.maxNeurons = kCapacity.maxNeurons;
  h.capacity.maxDims = kCapacity.maxDims;
  h.capacity.maxLayers = kCapacity.maxLayers;
  h.capacity.maxClasses = kCapacity.maxClasses;
  h.capacity.maxEvents = kCapacity.maxEvents;
  h.capacity.maxDeepNeurons = kCapacity.maxDeepNeurons;
  h.sampleRateHz = m_board.sampleRateHz;
  h.channels = m_board.channels;
  h.minVersion = minProtocolVersion();
  h.descriptorDims = m_frontEndConfig.dims();
  h.frontEnd = m_frontEndConfig;
  const ModelIdentity id = m_store.identity(m_network, m_names);
  h.modelCrc = id.crc;
  h.modelBytes = id.bytes;
  h.neurons = static_cast<std::uint16_t>(m_network.totalNeurons());
  h.depth = static_cast<std::uint8_t>(m_network.depth());
  h.modelCapacity = m_store.modelCapacity();
  if (!send(h, 0, m_version)) ++m_counters.repliesDropped;
}

void FirmwareApp::sendStatus() {
  protocol::BoardStatus s;
  const ModelIdentity id = m_store.identity(m_network, m_names);
  s.modelCrc = id.crc;
  s.modelBytes = id.bytes;
  s.neurons = static_cast<std::uint16_t>(m_network.totalNeurons());
  s.depth = static_cast<std::uint8_t>(m_network.depth());
  s.freeNeurons = static_cast<std::uint16_t>(kCapacity.maxNeurons - m_network.neurons(0));
  s.eventsLearned = m_network.eventsLearned();
  s.lastLearnUs = m_lastLearnUs;
  s.lastPredictUs = m_lastPredictUs;
  const protocol::DecoderStats& d = m_decoder.stats();
  s.framesOk = d.framesOk;
  s.frameErrors = d.crcErrors + d.cobsErrors + d.oversize + d.versionMismatches + d.malformed;
  s.uptimeMs = uptimeMs();
  const TriggerConfig& t = m_detector.config();
  s.trigger.threshold = t.threshold;
  s.trigger.preTriggerFrames = t.preTriggerFrames;
  s.trigger.holdOffFrames = t.holdOffFrames;
  s.trigger.minFrames = t.minFrames;
  s.trigger.maxFrames = t.maxFrames;
  // The kernel keeps its threshold in [0, 1] (setThreshold clamps, the loader checks it);
  // clamped here too, so that a Status is never refused by its own encoder.
  const float share = m_network.threshold();
  s.rejectionThreshold = share >= 0.0f ? (share <= 1.0f ? share : 1.0f) : 0.0f;
  if (!send(s, 0, m_version)) ++m_counters.repliesDropped;
}

} // namespace dlm::firmware
