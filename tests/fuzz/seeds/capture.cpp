// The scripted session with the virtual board that the protocol and firmware seeds are cut
// from: every frame both ways is kept as its wire bytes (re-encoding a received frame gives
// back exactly the bytes that arrived: the encoding is canonical).

#include <algorithm>
#include <cstring>

#include "core/crc32.h"
#include "core/protocol/frame.h"
#include "devices/boards/virtual/board_process.h"
#include "devices/boards/virtual/host_link.h"
#include "tests/fuzz/seeds/seeds.h"

namespace dlm::fuzz::seeds {

namespace {

using protocol::AckCode;
using protocol::CommandId;

constexpr int kTimeoutMs = 8000;

protocol::Command cmd(CommandId id) {
  protocol::Command c;
  c.id = id;
  return c;
}

class Session {
public:
  Session(board::HostLink& link, Capture& out)
      : m_link(link), m_out(out), m_start(board::monotonicMs()) {}

  void phase(const char* name) { m_phase = name; }

  template <typename M>
  std::uint16_t send(const M& message, std::uint8_t version = protocol::kProtocolVersion) {
    std::uint8_t wire[protocol::kMaxWireFrame];
    const std::uint16_t seq = m_seq++;
    const std::size_t n = protocol::encodeMessage(message, seq, wire, sizeof wire, version);
    record(wire, n, false);
    m_link.writeAll(wire, n);
    return seq;
  }

  bool command(const protocol::Command& c, protocol::Ack& ack) {
    const std::uint16_t seq = send(c);
    return m_link.pump(kTimeoutMs, [&](const protocol::FrameView& f) {
      onFrame(f);
      return f.type == protocol::MessageType::Ack && protocol::Ack::decode(f.payload, f.length, ack) &&
             ack.seq == seq;
    });
  }
  AckCode command(const protocol::Command& c) {
    protocol::Ack ack;
    ack.code = AckCode::InternalError;
    command(c, ack);
    return ack.code;
  }

  // HelloRequest for versions [minVersion, version]; true on a Hello (false on a refusal).
  bool hello(std::uint8_t version, std::uint8_t minVersion) {
    protocol::HelloRequest r;
    r.version = version;
    r.minVersion = minVersion;
    send(r, version);
    bool got = false;
    m_link.pump(kTimeoutMs, [&](const protocol::FrameView& f) {
      onFrame(f);
      got = f.type == protocol::MessageType::Hello;
      return got || f.type == protocol::MessageType::Ack;
    });
    return got;
  }

  bool gesture(std::uint8_t id, protocol::Event& event) {
    protocol::Command c = cmd(CommandId::PerformGesture);
    c.args.gesture = id;
    if (command(c) != AckCode::Ok) return false;
    const std::size_t mark = m_out.events.size();
    const bool got = m_link.pump(kTimeoutMs, [&](const protocol::FrameView& f) {
      onFrame(f);
      return m_out.events.size() > mark;
    });
    if (got) event = m_out.events.back();
    pumpFor(300);
    return got;
  }

  void pumpFor(int ms) {
    m_link.pump(ms, [&](const protocol::FrameView& f) {
      onFrame(f);
      return false;
    });
  }

  Bytes pull() {
    protocol::Ack ack;
    if (!command(cmd(CommandId::ModelPullBegin), ack) || ack.code != AckCode::Ok) return {};
    m_pulled.clear();
    while (m_pulled.size() < ack.value) {
      protocol::Command c = cmd(CommandId::ModelPullChunk);
      c.args.modelPullChunk.offset = std::uint32_t(m_pulled.size());
      c.args.modelPullChunk.length = std::uint16_t(protocol::kMaxModelChunk);
      protocol::Ack chunk;
      const std::size_t before = m_pulled.size();
      if (!command(c, chunk) || chunk.code != AckCode::Ok || m_pulled.size() == before) return {};
    }
    return m_pulled;
  }

  bool push(const Bytes& model) {
    const std::uint32_t crc = crc32(model.data(), model.size());
    protocol::Command c = cmd(CommandId::ModelPushBegin);
    c.args.modelPushBegin.totalBytes = std::uint32_t(model.size());
    c.args.modelPushBegin.crc = crc;
    if (command(c) != AckCode::Ok) return false;
    for (std::size_t offset = 0; offset < model.size(); offset += protocol::kMaxModelChunk) {
      const std::size_t n = std::min(protocol::kMaxModelChunk, model.size() - offset);
      c = cmd(CommandId::ModelChunk);
      c.args.modelChunk.offset = std::uint32_t(offset);
      c.args.modelChunk.length = std::uint16_t(n);
      std::memcpy(c.args.modelChunk.data, model.data() + offset, n);
      if (command(c) != AckCode::Ok) return false;
    }
    c = cmd(CommandId::ModelActivate);
    c.args.activateCrc = crc;
    return command(c) == AckCode::Ok;
  }

private:
  void record(const std::uint8_t* wire, std::size_t n, bool fromBoard) {
    WireFrame w;
    w.bytes.assign(wire, wire + n);
    w.fromBoard = fromBoard;
    w.atMs = board::monotonicMs() - m_start;
    w.phase = m_phase;
    // The header, decoded back (the frame is ours or was just validated by the link).
    std::uint8_t raw[protocol::kMaxRawFrame];
    std::size_t length = 0;
    if (n > 1 && protocol::cobsDecodeChecked(wire, n - 1, raw, sizeof raw, length) &&
        length >= protocol::kFrameOverhead) {
      w.version = raw[0];
      w.type = protocol::MessageType(raw[1]);
      w.seq = std::uint16_t(raw[2] | (raw[3] << 8));
      w.payload.assign(raw + protocol::kFrameHeaderSize, raw + length - protocol::kFrameCrcSize);
    }
    m_out.frames.push_back(std::move(w));
  }

  void onFrame(const protocol::FrameView& f) {
    std::uint8_t wire[protocol::kMaxWireFrame];
    const std::size_t n =
        protocol::encodeFrame(f.type, f.seq, f.payload, f.length, wire, sizeof wire, f.version);
    record(wire, n, true);
    static protocol::Samples s;
    protocol::Event e;
    protocol::ModelData d;
    if (protocol::decodeMessage(f, s)) {
      addSamples(s);
    } else if (protocol::decodeMessage(f, e) && (e.flags & protocol::kEventLearned) == 0) {
      m_out.events.push_back(e);
    } else if (protocol::decodeMessage(f, d) && d.offset == m_pulled.size()) {
      m_pulled.insert(m_pulled.end(), d.data, d.data + d.length);
    }
  }

  void addSamples(const protocol::Samples& s) {
    if (m_out.channels == 0) {
      m_out.channels = s.channels;
      m_out.signalStart = s.firstSample;
    }
    if (s.channels != m_out.channels || s.firstSample < m_out.signalStart) return;
    const std::size_t at = std::size_t(s.firstSample - m_out.signalStart) * s.channels;
    const std::size_t n = std::size_t(s.frames) * s.channels;
    if (m_out.signal.size() < at + n) m_out.signal.resize(at + n, 0);  // a gap reads as 0
    std::copy(s.data, s.data + n, m_out.signal.begin() + long(at));
  }

  board::HostLink& m_link;
  Capture& m_out;
  std::int64_t m_start;
  std::string m_phase = "start";
  std::uint16_t m_seq = 1;
  Bytes m_pulled;
};

bool script(Session& s, Capture& out, std::string& error) {
  s.phase("handshake");
  if (!s.hello(protocol::kProtocolVersion, protocol::kMinProtocolVersion)) {
    error = "no handshake";
    return false;
  }
  s.pumpFor(200);
  s.phase("settings");
  protocol::Command c = cmd(CommandId::SetTrigger);
  c.args.setTrigger = protocol::kDefaultTrigger;
  s.command(c);
  c = cmd(CommandId::SetRejection);
  c.args.rejectionShare = 0.1f;
  s.command(c);
  c = cmd(CommandId::SetSpontaneousGestures);
  c.args.spontaneousRate = 0.0f;
  s.command(c);
  s.command(cmd(CommandId::GetStatus));
  s.command(cmd(CommandId::Heartbeat));
  s.phase("gestures");
  for (std::uint8_t g = 0; g < 5; ++g) {
    protocol::Event e;
    if (!s.gesture(g, e)) {
      error = "no event for gesture " + std::to_string(g);
      return false;
    }
    c = cmd(CommandId::LabelEvent);
    c.args.labelEvent.eventId = e.eventId;
    c.args.labelEvent.classIndex = std::uint8_t(g % 3);
    s.command(c);
    s.pumpFor(100);
  }
  s.phase("unknown");
  protocol::Event unknown;
  if (s.gesture(5, unknown)) {
    c = cmd(CommandId::ForgetEvent);
    c.args.forgetEventId = unknown.eventId;
    s.command(c);
  }
  s.phase("inject");
  c = cmd(CommandId::InjectSamples);
  c.args.injectSamples.channels = std::uint8_t(out.channels);
  c.args.injectSamples.frames = 40;
  for (int i = 0; i < 40 * out.channels; ++i)
    c.args.injectSamples.data[i] = std::int16_t((i % 7) * 900 - 2700);
  s.command(c);
  s.pumpFor(200);
  return true;
}

bool scriptModels(Session& s, Capture& out, std::string& error) {
  s.phase("pull");
  out.boardModel = s.pull();
  if (out.boardModel.empty()) {
    error = "no model pulled";
    return false;
  }
  s.phase("push");
  out.hostModel = modelFromEvents(out.events);
  if (!s.push(out.hostModel)) {
    error = "the push failed";
    return false;
  }
  s.command(cmd(CommandId::GetStatus));
  // Older sessions: Hello and Event in the layouts of versions 2 to 4.
  for (std::uint8_t v = protocol::kMinProtocolVersion; v < protocol::kProtocolVersion; ++v) {
    s.phase(("version" + std::to_string(v)).c_str());
    s.hello(v, protocol::kMinProtocolVersion);
    protocol::Event e;
    if (v == protocol::kMinProtocolVersion) s.gesture(1, e);
    s.pumpFor(150);
  }
  s.phase("mismatch");
  s.hello(1, 1);  // a studio of a version the board does not speak: a Log and a refusal
  s.phase("reset");
  s.hello(protocol::kProtocolVersion, protocol::kMinProtocolVersion);
  s.command(cmd(CommandId::Reset));
  s.pumpFor(200);
  s.hello(protocol::kProtocolVersion, protocol::kMinProtocolVersion);  // the stored model
  s.pumpFor(100);
  return true;
}

} // namespace

bool captureVirtualBoard(const std::string& boardExe, Capture& out, std::string& error) {
  board::BoardProcess process;
  if (!process.start(boardExe, {"--seed", "1", "--gesture-rate", "0", "--quiet"}, kTimeoutMs,
                     error))
    return false;
  board::HostLink link;
  if (!link.open(process.port(), error)) return false;
  Session session(link, out);
  const bool ok = script(session, out, error) && scriptModels(session, out, error);
  link.close();
  process.stop();
  return ok;
}

} // namespace dlm::fuzz::seeds
