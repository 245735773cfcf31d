#include "tests/devices/link/mock_board.h"

#include <algorithm>
#include <cstring>

#include "core/crc32.h"
#include "devices/link/link_types.h"
#include "devices/link/mock_transport.h"

namespace dlm {
namespace test {

using protocol::AckCode;
using protocol::CommandId;

std::int16_t sampleValue(std::uint32_t index, int channel) {
  return static_cast<std::int16_t>(
      static_cast<int>((index * 7u + static_cast<std::uint32_t>(channel) * 1000u) % 20000u) -
      10000);
}

QByteArray randomBytes(int n, std::uint32_t seed) {
  QByteArray b(n, '\0');
  for (char& c : b) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>(seed >> 24);
  }
  return b;
}

MockBoard::MockBoard(QObject* parent) : QObject(parent), m_streamTimer(this) {
  setStagingCapacity(256 * 1024);
  connect(&m_streamTimer, &QTimer::timeout, this, &MockBoard::stream);
}

MockBoard::MockBoard(link::MockPort* port, QObject* parent) : MockBoard(parent) {
  connect(port, &link::MockPort::bytesToBoard, this, &MockBoard::receive);
  connect(port, &link::MockPort::opened, this, &MockBoard::resetSession);
  connect(this, &MockBoard::output, port, &link::MockPort::sendToStudio);
}

void MockBoard::setVersions(std::uint8_t highest, std::uint8_t lowest, bool refuseWithAck) {
  m_highest = highest;
  m_lowest = lowest;
  m_refuseWithAck = refuseWithAck;
}

void MockBoard::setStagingCapacity(int bytes) {
  m_staging.assign(static_cast<std::size_t>(bytes), 0);
  m_receiver.setStaging(m_staging.data(), m_staging.size());
}

void MockBoard::startStreaming(int framesPerMessage, int intervalMs) {
  m_framesPerMessage = framesPerMessage;
  m_streamTimer.start(intervalMs);
}

void MockBoard::stopStreaming() { m_streamTimer.stop(); }

void MockBoard::sendEvent(const protocol::Event& event) {
  m_events[event.eventId] = event;
  send(event);
}

void MockBoard::labelEvent(std::uint32_t id, int classIndex) {
  m_labels.append({id, classIndex});
  const auto it = m_events.find(id);
  if (it == m_events.end()) return;
  // As the firmware does: learn it, and report it again, flagged learned with its label.
  it->second.flags = protocol::kEventLearned | protocol::kEventHasLabel;
  it->second.label = static_cast<std::int16_t>(classIndex);
  send(it->second);
}

void MockBoard::sendLog(protocol::LogLevel level, const char* text) {
  protocol::Log log;
  log.level = level;
  std::strncpy(log.text, text, protocol::kMaxLogText);
  send(log);
}

int MockBoard::count(CommandId id) const {
  int n = 0;
  for (const Received& r : m_received)
    if (r.id == id) ++n;
  return n;
}

int MockBoard::executed(CommandId id) const {
  const auto it = m_executed.find(id);
  return it == m_executed.end() ? 0 : it->second;
}

void MockBoard::receive(const QByteArray& bytes) {
  for (const char c : bytes)
    if (m_decoder.push(static_cast<std::uint8_t>(c)) == protocol::DecodeEvent::Frame)
      handleFrame(m_decoder.frame());
}

void MockBoard::resetSession() {
  m_decoder.reset();
  m_session = false;
}

void MockBoard::handleFrame(const protocol::FrameView& frame) {
  if (frame.type == protocol::MessageType::HelloRequest)
    handleHello(frame);
  else if (frame.type == protocol::MessageType::Command)
    handleCommand(frame);
}

void MockBoard::handleHello(const protocol::FrameView& frame) {
  ++m_helloRequests;
  m_helloSeqs.append(frame.seq);
  if (m_dropHellos > 0) {
    --m_dropHellos;
    return;
  }
  std::uint8_t version = 0;
  std::uint8_t minVersion = 0;
  if (!protocol::decodeHandshakeVersions(frame.payload, frame.length, version, minVersion)) return;
  const std::uint8_t common = protocol::negotiateVersion(m_lowest, m_highest, minVersion, version);
  protocol::Hello h;
  h.version = m_highest;
  h.minVersion = m_lowest;
  std::strcpy(h.boardName, "mock-board");
  std::strcpy(h.firmwareVersion, "0.9.1-test");
  std::strcpy(h.coreVersion, "0.1.0");
  h.capacity = {256, 64, 4, 16, 1000};
  h.sampleRateHz = 1000;
  h.channels = kChannels;
  h.descriptorDims = 58;
  h.modelCrc = link::modelIdentity(m_active);
  h.modelBytes = static_cast<std::uint32_t>(m_active.size());
  h.modelCapacity = static_cast<std::uint32_t>(m_staging.size());  // what it can stage
  if (common == 0 && m_refuseWithAck) {
    sendLog(protocol::LogLevel::Error, "protocol mismatch");
    protocol::Ack ack;
    ack.seq = frame.seq;
    ack.commandId = CommandId::None;
    ack.code = AckCode::NotSupported;
    ack.value = m_lowest | (static_cast<std::uint32_t>(m_highest) << 8);
    send(ack, m_highest);
    return;
  }
  if (common == 0) { // an old board that answers without checking
    send(h, m_highest);
    return;
  }
  m_acks.clear();
  m_session = true;
  m_version = common;  // every later frame, both ways, is of this version (docs §5.1)
  send(h);
}

void MockBoard::handleCommand(const protocol::FrameView& frame) {
  protocol::Command c;
  if (!protocol::Command::decode(frame.payload, frame.length, c)) return;
  Received r{c.id, frame.seq, 0, 0};
  if (c.id == CommandId::ModelChunk) {
    r.offset = c.args.modelChunk.offset;
    r.length = c.args.modelChunk.length;
  } else if (c.id == CommandId::ModelPullChunk) {
    r.offset = c.args.modelPullChunk.offset;
  }
  m_received.append(r);
  const bool readOnly = protocol::isReadOnlyCommand(c.id);
  const protocol::Ack* cached = readOnly ? nullptr : m_acks.find(frame.seq, c.id);
  protocol::Ack ack;
  bool sendData = false;
  if (cached != nullptr) {
    ack = *cached;
  } else {
    ++m_executed[c.id];
    if (c.id == CommandId::ModelPullChunk)
      ack = pullChunk(c.args.modelPullChunk.offset, c.args.modelPullChunk.length, sendData);
    else
      ack = execute(c);
    ack.seq = frame.seq;
    ack.commandId = c.id;
    if (!readOnly) m_acks.remember(ack);
  }
  emit commandReceived(c.id, r.offset);
  int& drop = m_dropReplies[c.id];
  if (drop > 0) {
    --drop;
    return;
  }
  if (c.id == CommandId::GetStatus) {
    protocol::BoardStatus s;
    s.modelCrc = link::modelIdentity(m_active);
    s.modelBytes = static_cast<std::uint32_t>(m_active.size());
    s.uptimeMs = 1234;
    s.trigger = m_trigger;
    s.rejectionThreshold = m_rejection;
    send(s);
  }
  if (sendData) {
    protocol::ModelData d;
    const std::uint32_t offset = c.args.modelPullChunk.offset;
    const protocol::ModelSender sender(
        reinterpret_cast<const std::uint8_t*>(m_snapshot.constData()),
        static_cast<std::uint32_t>(m_snapshot.size()));
    sender.makeModelData(offset, c.args.modelPullChunk.length, d);
    if (m_damagePull && offset > 0) {
      d.data[0] ^= 0x5A;
      m_damagePull = false;
    }
    send(d);
  }
  send(ack);
  if (c.id == CommandId::Reset) m_session = false;
}

protocol::Ack MockBoard::execute(const protocol::Command& c) {
  protocol::Ack ack;
  protocol::TransferReply r;
  switch (c.id) {
  case CommandId::ModelPushBegin:
    r = m_receiver.begin(c.args.modelPushBegin.totalBytes, c.args.modelPushBegin.crc);
    break;
  case CommandId::ModelChunk:
    r = m_receiver.chunk(c.args.modelChunk.offset, c.args.modelChunk.data,
                         c.args.modelChunk.length);
    break;
  case CommandId::ModelActivate: return activate(c.args.activateCrc);
  case CommandId::ModelPullBegin:
    m_snapshot = m_active;
    r.value = static_cast<std::uint32_t>(m_snapshot.size());
    break;
  case CommandId::InjectSamples: r.value = c.args.injectSamples.frames; break;
  case CommandId::SetRejection: m_rejection = c.args.rejectionShare; break;
  case CommandId::SetTrigger: m_trigger = c.args.setTrigger; break;
  case CommandId::LabelEvent:
    labelEvent(c.args.labelEvent.eventId, c.args.labelEvent.classIndex);
    break;
  case CommandId::ForgetEvent:
    m_forgotten.append(c.args.forgetEventId);
    m_events.erase(c.args.forgetEventId);
    break;
  default: break; // accepted
  }
  ack.code = r.code;
  ack.value = r.value;
  return ack;
}

protocol::Ack MockBoard::activate(std::uint32_t crc) {
  if (m_damageStaging && m_receiver.totalBytes() > 0) {
    m_staging[0] ^= 0x01;
    m_damageStaging = false;
  }
  const protocol::TransferReply r = m_receiver.finish(crc);
  protocol::Ack ack;
  ack.code = r.code;
  ack.value = r.value;
  if (r.code == AckCode::Ok) { // the swap, only after verification
    m_active = QByteArray(reinterpret_cast<const char*>(m_receiver.data()),
                          static_cast<qsizetype>(m_receiver.totalBytes()));
    ++m_activations;
    m_receiver.abort();
  }
  return ack;
}

protocol::Ack MockBoard::pullChunk(std::uint32_t offset, std::uint16_t length, bool& sendData) {
  protocol::Ack ack;
  if (m_snapshot.isEmpty()) {
    ack.code = AckCode::OutOfOrder;
    ack.value = protocol::kNoTransfer;
  } else if (offset >= static_cast<std::uint32_t>(m_snapshot.size())) {
    ack.code = AckCode::BadArguments;
  } else {
    sendData = true;
    ack.value =
        std::min<std::uint32_t>(length, static_cast<std::uint32_t>(m_snapshot.size()) - offset);
  }
  return ack;
}

void MockBoard::stream() {
  if (!m_session) return;
  protocol::Samples s;
  s.firstSample = m_nextSample;
  s.channels = kChannels;
  s.frames = static_cast<std::uint8_t>(m_framesPerMessage);
  for (int f = 0; f < m_framesPerMessage; ++f)
    for (int ch = 0; ch < kChannels; ++ch)
      s.data[f * kChannels + ch] = sampleValue(m_nextSample + static_cast<std::uint32_t>(f), ch);
  m_nextSample += static_cast<std::uint32_t>(m_framesPerMessage);
  send(s);
}

template <typename M>
void MockBoard::send(const M& message, std::uint8_t version) {
  if (version == 0) version = m_version;
  QByteArray frame(static_cast<qsizetype>(protocol::kMaxWireFrame), '\0');
  // A board from the future (a version above ours) is mocked with our newest layout under its
  // version byte: the studio must read only the version-stable leading bytes of such a Hello.
  std::uint8_t payload[protocol::kMaxPayload];
  const std::size_t length = protocol::encodePayload(
      message, payload, sizeof payload, std::min(version, protocol::kProtocolVersion));
  const std::size_t n =
      length == 0 ? 0
                  : protocol::encodeFrame(M::kType, m_seq++, payload, length,
                                          reinterpret_cast<std::uint8_t*>(frame.data()),
                                          static_cast<std::size_t>(frame.size()), version);
  frame.resize(static_cast<qsizetype>(n));
  emit output(frame);
}

} // namespace test
} // namespace dlm
