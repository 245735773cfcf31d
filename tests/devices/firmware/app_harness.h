#pragma once
// Test harness of the firmware application: an in-memory BoardPort (byte queues, a clock the
// test advances, RAM or flash-like storage) and a host side that decodes everything the
// board sends. Test code: the heap is fine here.

#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/model_format.h"
#include "core/network.h"
#include "core/protocol/frame.h"
#include "core/protocol/messages.h"
#include "devices/firmware/board_port.h"
#include "devices/simulator/clocked_motion_source.h"
#include "devices/firmware/firmware_app.h"

namespace dlm::firmware::test {

using Bytes = std::vector<std::uint8_t>;

// 32-bit random numbers without conversion warnings (mt19937's result_type is 64-bit).
class Rng {
public:
  explicit Rng(std::uint32_t seed) : m_engine(seed) {}
  std::uint32_t operator()() { return static_cast<std::uint32_t>(m_engine()); }

private:
  std::mt19937 m_engine;
};

// Gestures only on request, so that the test knows what each event is.
inline MotionConfig requestedOnly(std::uint32_t seed = 7) {
  MotionConfig m;
  m.seed = seed;
  m.gestureRatePerMinute = 0.0f;
  return m;
}

// The lean capacity of the board, for host-side networks.
inline Capacity leanCapacity() { return FirmwareApp::kCapacity; }

class FakePort final : public BoardPort {
public:
  static constexpr std::uint32_t kSlotBytes = 256u * 1024u;

  explicit FakePort(const MotionConfig& motion, bool ramStorage = true)
      : m_ram(ramStorage), m_slots{Bytes(kSlotBytes, 0xFF), Bytes(kSlotBytes, 0xFF)} {
    m_motion.start(motion, 0);
  }

  // --- board side ---------------------------------------------------------------------
  BoardDescription description() const override {
    BoardDescription d;
    d.name = "fake-board";
    d.firmwareVersion = "9.8.7";
    d.channels = m_motion.source().config().channels;
    d.frontEnd = frontEnd;
    return d;
  }
  std::size_t readSerial(std::uint8_t* out, std::size_t capacity) override {
    std::size_t n = 0;
    while (n < capacity && !rx.empty()) {
      out[n++] = rx.front();
      rx.pop_front();
    }
    return n;
  }
  std::size_t writeSerial(const std::uint8_t* data, std::size_t length) override {
    const std::size_t n = length < writeBudget ? length : writeBudget;
    tx.insert(tx.end(), data, data + n);
    writeBudget -= n;
    return n;
  }
  std::uint32_t micros() override { return now; }
  std::uint32_t pullSamples(std::int16_t* out, std::uint32_t maxFrames) override {
    return m_motion.pull(now, out, maxFrames);
  }
  GestureRequest performGesture(std::uint8_t id) override { return m_motion.performGesture(id); }
  GestureRequest setSpontaneousGestures(float ratePerMinute) override {
    return realSensor ? GestureRequest::NotSupported
                      : m_motion.setSpontaneousGestures(ratePerMinute);
  }
  std::uint8_t requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const override {
    return realSensor ? kNoRequestedGesture : m_motion.requestedGesture(framesAgo, frames);
  }
  std::uint32_t storageCapacity() const override { return kSlotBytes; }
  bool storageErase(std::uint8_t slot) override {
    if (slot > 1 || failStorage) return false;
    std::fill(m_slots[slot].begin(), m_slots[slot].end(), std::uint8_t{0xFF});
    ++erases;
    return true;
  }
  bool storageWrite(std::uint8_t slot, std::uint32_t offset, const std::uint8_t* data,
                    std::uint32_t length) override {
    if (slot > 1 || failStorage || offset > kSlotBytes || length > kSlotBytes - offset)
      return false;
    // Flash semantics: a write can only clear bits of erased bytes.
    for (std::uint32_t i = 0; i < length; ++i) m_slots[slot][offset + i] &= data[i];
    return true;
  }
  const std::uint8_t* storageData(std::uint8_t slot) const override {
    return slot > 1 ? nullptr : m_slots[slot].data();
  }
  std::uint8_t* storageRam(std::uint8_t slot) override {
    return slot > 1 || !m_ram ? nullptr : m_slots[slot].data();
  }
  void log(std::uint8_t level, const char* text) override {
    if (keepLogs) logs.push_back(std::to_string(level) + ": " + text);
  }

  // --- test side ----------------------------------------------------------------------
  std::deque<std::uint8_t> rx;  // host -> board
  Bytes tx;                     // board -> host, not yet decoded by the host
  std::size_t writeBudget = std::numeric_limits<std::size_t>::max();
  std::uint32_t now = 0;
  bool failStorage = false;
  bool realSensor = false;  // answer like a board whose gestures come from a hand
  bool keepLogs = true;
  FrontEndConfig frontEnd;  // what description() asks for (motion: the default); boot() again
  int erases = 0;
  std::vector<std::string> logs;
  ClockedMotionSource& motion() { return m_motion; }
  Bytes& slot(int i) { return m_slots[i]; }

private:
  bool m_ram;
  ClockedMotionSource m_motion;
  Bytes m_slots[2];
};

// What the host received, decoded.
struct HostView {
  protocol::FrameDecoder decoder;
  std::vector<protocol::Samples> samples;
  std::vector<protocol::Event> events;
  std::vector<protocol::Ack> acks;
  std::vector<protocol::BoardStatus> statuses;
  std::vector<protocol::Hello> hellos;
  std::vector<protocol::ModelData> modelData;
  std::vector<protocol::Log> logs;
  std::vector<protocol::MessageType> order;
  int undecodable = 0;
  std::uint32_t frameErrors() const {
    const protocol::DecoderStats& s = decoder.stats();
    return s.crcErrors + s.cobsErrors + s.oversize + s.malformed + s.versionMismatches;
  }
};

class AppHarness {
public:
  // Line rate of 921 600 baud, 8N1: what the fake UART takes per millisecond.
  static constexpr std::size_t kBytesPerMs = 92;

  explicit AppHarness(const MotionConfig& motion = requestedOnly(), bool ramStorage = true)
      : port(motion, ramStorage) {
    boot();
  }

  // A fresh app on the same port (power cycle): storage kept.
  bool boot() {
    app = std::make_unique<FirmwareApp>();
    arena.assign(FirmwareApp::kArenaBytes / sizeof(std::max_align_t) + 1, std::max_align_t{});
    return app->init(port, arena.data(), FirmwareApp::kArenaBytes);
  }

  // Advance \p ms milliseconds, one poll() per millisecond, decoding the board's output.
  void step(std::uint32_t ms) {
    for (std::uint32_t i = 0; i < ms; ++i) {
      port.now += 1000;
      port.writeBudget = hostReading ? kBytesPerMs : 0;
      if (autoHeartbeat && port.now - m_lastSentUs >= 1000000u) heartbeat();
      if (aroundPoll != nullptr) aroundPoll(true);
      app->poll();
      if (aroundPoll != nullptr) aroundPoll(false);
      drain();
    }
  }

  void drain() {
    for (std::uint8_t b : port.tx) {
      if (host.decoder.push(b) == protocol::DecodeEvent::Frame) record(host.decoder.frame());
    }
    port.tx.clear();
  }

  void sendBytes(const Bytes& bytes) {
    port.rx.insert(port.rx.end(), bytes.begin(), bytes.end());
    m_lastSentUs = port.now;
  }

  template <typename M>
  void send(const M& message, std::uint16_t sequence) {
    std::uint8_t wire[protocol::kMaxWireFrame];
    const std::size_t n =
        protocol::encodeMessage(message, sequence, wire, sizeof wire, wireVersion);
    sendBytes(Bytes(wire, wire + n));
  }

  // Send \p c with sequence \p sequence and run until its Ack (or \p maxMs).
  bool commandSeq(const protocol::Command& c, std::uint16_t sequence, protocol::Ack& ack,
                  std::uint32_t maxMs = 1000) {
    const std::size_t mark = host.acks.size();
    send(c, sequence);
    for (std::uint32_t t = 0; t < maxMs; ++t) {
      step(1);
      for (std::size_t i = mark; i < host.acks.size(); ++i) {
        if (host.acks[i].seq == sequence) {
          ack = host.acks[i];
          return true;
        }
      }
    }
    return false;
  }
  bool command(const protocol::Command& c, protocol::Ack& ack, std::uint32_t maxMs = 1000) {
    return commandSeq(c, seq++, ack, maxMs);
  }
  protocol::Ack command(const protocol::Command& c) {
    protocol::Ack ack;
    ack.code = protocol::AckCode::InternalError;
    ack.value = 0xDEADu;  // "no ack": never a real answer in these tests
    command(c, ack);
    return ack;
  }

  bool handshake(protocol::Hello& hello, std::uint32_t maxMs = 1000) {
    const std::size_t mark = host.hellos.size();
    send(protocol::HelloRequest(), seq++);
    for (std::uint32_t t = 0; t < maxMs; ++t) {
      step(1);
      if (host.hellos.size() > mark) {
        hello = host.hellos.back();
        return true;
      }
    }
    return false;
  }

  bool status(protocol::BoardStatus& out) {
    protocol::Command c;
    c.id = protocol::CommandId::GetStatus;
    const std::size_t mark = host.statuses.size();
    protocol::Ack ack;
    if (!command(c, ack) || host.statuses.size() == mark) return false;
    out = host.statuses.back();
    return true;
  }

  // Perform gesture \p id and run until its event arrives (or \p maxMs).
  bool gestureEvent(std::uint8_t id, protocol::Event& event, std::uint32_t maxMs = 5000) {
    protocol::Command c;
    c.id = protocol::CommandId::PerformGesture;
    c.args.gesture = id;
    const std::size_t mark = host.events.size();
    if (command(c).code != protocol::AckCode::Ok) return false;
    for (std::uint32_t t = 0; t < maxMs; ++t) {
      step(1);
      for (std::size_t i = mark; i < host.events.size(); ++i) {
        if ((host.events[i].flags & protocol::kEventLearned) == 0) {
          event = host.events[i];
          step(300);  // let the source finish its rest
          return true;
        }
      }
    }
    return false;
  }

  protocol::Ack labelEvent(std::uint32_t eventId, std::uint8_t classIndex) {
    protocol::Command c;
    c.id = protocol::CommandId::LabelEvent;
    c.args.labelEvent.eventId = eventId;
    c.args.labelEvent.classIndex = classIndex;
    return command(c);
  }

  protocol::Ack setRejection(float share) {
    protocol::Command c;
    c.id = protocol::CommandId::SetRejection;
    c.args.rejectionShare = share;
    return command(c);
  }

  // Push begin + chunks [0, stopAt) of \p model; returns the last ack.
  protocol::Ack pushPart(const Bytes& model, std::uint32_t crc, std::uint32_t from,
                         std::uint32_t stopAt) {
    protocol::Command c;
    c.id = protocol::CommandId::ModelPushBegin;
    c.args.modelPushBegin.totalBytes = static_cast<std::uint32_t>(model.size());
    c.args.modelPushBegin.crc = crc;
    protocol::Ack ack = command(c);
    if (ack.code != protocol::AckCode::Ok) return ack;
    for (std::uint32_t offset = from; offset < stopAt;) {
      const std::uint32_t n =
          std::min<std::uint32_t>(static_cast<std::uint32_t>(protocol::kMaxModelChunk),
                                  stopAt - offset);
      c.id = protocol::CommandId::ModelChunk;
      c.args.modelChunk.offset = offset;
      c.args.modelChunk.length = static_cast<std::uint16_t>(n);
      std::memcpy(c.args.modelChunk.data, model.data() + offset, n);
      ack = command(c);
      if (ack.code != protocol::AckCode::Ok) return ack;
      offset += n;
    }
    return ack;
  }
  protocol::Ack activate(std::uint32_t crc) {
    protocol::Command c;
    c.id = protocol::CommandId::ModelActivate;
    c.args.activateCrc = crc;
    return command(c);
  }
  // Whole push: begin, every chunk, activate. Returns the activation's ack.
  protocol::Ack push(const Bytes& model, std::uint32_t crc) {
    const protocol::Ack last =
        pushPart(model, crc, 0, static_cast<std::uint32_t>(model.size()));
    if (last.code != protocol::AckCode::Ok) return last;
    return activate(crc);
  }

  // Whole pull; empty on failure.
  Bytes pull() {
    protocol::Command c;
    c.id = protocol::CommandId::ModelPullBegin;
    const protocol::Ack begin = command(c);
    if (begin.code != protocol::AckCode::Ok) return {};
    Bytes out;
    while (out.size() < begin.value) {
      c.id = protocol::CommandId::ModelPullChunk;
      c.args.modelPullChunk.offset = static_cast<std::uint32_t>(out.size());
      c.args.modelPullChunk.length = static_cast<std::uint16_t>(protocol::kMaxModelChunk);
      const std::size_t mark = host.modelData.size();
      const protocol::Ack ack = command(c);
      if (ack.code != protocol::AckCode::Ok || host.modelData.size() != mark + 1) return {};
      const protocol::ModelData& d = host.modelData.back();
      out.insert(out.end(), d.data, d.data + d.length);
    }
    return out;
  }

  FakePort port;
  std::unique_ptr<FirmwareApp> app;
  std::vector<std::max_align_t> arena;
  HostView host;
  std::uint16_t seq = 1;
  std::uint8_t wireVersion = protocol::kProtocolVersion;  // header of the frames send() makes
  bool autoHeartbeat = true;
  bool hostReading = true;
  void (*aroundPoll)(bool entering) = nullptr;  // e.g. to count allocations inside poll()

private:
  void heartbeat() {
    protocol::Command c;
    c.id = protocol::CommandId::Heartbeat;
    send(c, m_heartbeatSeq++);
  }

  void record(const protocol::FrameView& f) {
    host.order.push_back(f.type);
    bool ok = true;
    switch (f.type) {
    case protocol::MessageType::Samples: {
      host.samples.emplace_back();
      ok = protocol::decodeMessage(f, host.samples.back());
      break;
    }
    case protocol::MessageType::Event:
      host.events.emplace_back();
      ok = protocol::decodeMessage(f, host.events.back());
      break;
    case protocol::MessageType::Ack:
      host.acks.emplace_back();
      ok = protocol::decodeMessage(f, host.acks.back());
      break;
    case protocol::MessageType::Status:
      host.statuses.emplace_back();
      ok = protocol::decodeMessage(f, host.statuses.back());
      break;
    case protocol::MessageType::Hello:
      host.hellos.emplace_back();
      ok = protocol::decodeMessage(f, host.hellos.back());
      break;
    case protocol::MessageType::ModelData:
      host.modelData.emplace_back();
      ok = protocol::decodeMessage(f, host.modelData.back());
      break;
    case protocol::MessageType::Log:
      host.logs.emplace_back();
      ok = protocol::decodeMessage(f, host.logs.back());
      break;
    default: ok = false; break;
    }
    if (!ok) ++host.undecodable;
  }

  std::uint32_t m_lastSentUs = 0;
  std::uint16_t m_heartbeatSeq = 0xC000;
};

} // namespace dlm::firmware::test
