// Fuzz target: the whole firmware application (devices/firmware) fed what arrives on its
// serial port: the code every board runs on bytes from whoever holds the other end of the
// cable. The app runs on the in-memory port of its unit tests (app_harness.h): a simulated
// accelerometer, a clock the target advances, RAM or flash-like model slots.
//
// Input: one byte of setup (bit 0: the board boots with a stored model; bit 1: flash-like
// storage, no RAM slots), then operations until the input ends:
//   0 raw     n:u8, n bytes             bytes as they are (noise, partial frames)
//   1 frame   version:u8 type:u8 seq:u16 n:u16, n payload bytes
//                                       a frame with a valid CRC (version 0: the current one)
//   2 time    ms:u8                     1..256 ms of the main loop, one poll() per ms
//   3 push    n:u16, n bytes            ModelPushBegin, ModelChunks and ModelActivate of
//                                       those bytes with their true CRC, then time to run
//   4 reboot                            power cycle (the model slots are kept)
//   5 reader                            the host stops or resumes reading (a full TX path)
// Op 1 lets mutations reach the command decoder past the frame CRC, op 3 past the model CRC.
//
// Checked at the end: every byte the board sent decoded as a valid frame of a known message;
// it still answers a handshake; and the model it runs saves and loads again (a board keeps
// its model until a new one is verified).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "core/crc32.h"
#include "core/model_format.h"
#include "core/protocol/frame.h"
#include "tests/devices/firmware/app_harness.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm;
using namespace dlm::firmware;
using namespace dlm::firmware::test;

namespace {

// Simulated time one input may take: bounds the time one execution takes.
constexpr std::uint32_t kMaxSimulatedMs = 8000;

// The model slots of a board that was pushed a small valid model (made once).
struct StoredModel {
  Bytes slots[2];
  std::uint32_t crc = 0;
};

const StoredModel& storedModel() {
  static const StoredModel stored = [] {
    StoredModel s;
    AppHarness h;
    h.port.keepLogs = false;
    protocol::Hello hello;
    DLM_FUZZ_CHECK(h.handshake(hello), "no handshake");
    const Capacity cap = leanCapacity();
    std::vector<std::max_align_t> arena(Network::arenaBytes(cap) / sizeof(std::max_align_t) + 1);
    Network net;
    DLM_FUZZ_CHECK(net.init(cap, arena.data(), arena.size() * sizeof(std::max_align_t)) ==
                           Status::Ok &&
                       net.reset(hello.descriptorDims, 3) == Status::Ok,
                   "init");
    std::vector<float> x(hello.descriptorDims);
    for (int i = 0; i < 9; ++i) {
      for (std::size_t d = 0; d < x.size(); ++d) x[d] = float((d * 7 + std::size_t(i)) % 11);
      net.learn(x.data(), i % 3);
    }
    Bytes model(modelBytes(net));
    DLM_FUZZ_CHECK(saveModel(net, nullptr, model.data(), model.size(), nullptr) == Status::Ok,
                   "save");
    s.crc = crc32(model.data(), model.size());
    DLM_FUZZ_CHECK(h.push(model, s.crc).code == protocol::AckCode::Ok, "push");
    s.slots[0] = h.port.slot(0);
    s.slots[1] = h.port.slot(1);
    return s;
  }();
  return stored;
}

Bytes frameOf(protocol::MessageType type, std::uint16_t seq, const std::uint8_t* payload,
              std::size_t n, std::uint8_t version) {
  Bytes wire(protocol::kMaxWireFrame);
  wire.resize(protocol::encodeFrame(type, seq, payload, n, wire.data(), wire.size(), version));
  return wire;
}

Bytes commandFrame(const protocol::Command& c, std::uint16_t seq) {
  Bytes wire(protocol::kMaxWireFrame);
  wire.resize(protocol::encodeMessage(c, seq, wire.data(), wire.size()));
  return wire;
}

// A whole push of \p model: its frames, back to back.
Bytes pushFrames(const std::uint8_t* model, std::size_t n, std::uint16_t& seq) {
  const std::uint32_t crc = crc32(model, n);
  Bytes out;
  protocol::Command c;
  c.id = protocol::CommandId::ModelPushBegin;
  c.args.modelPushBegin.totalBytes = static_cast<std::uint32_t>(n);
  c.args.modelPushBegin.crc = crc;
  Bytes f = commandFrame(c, seq++);
  out.insert(out.end(), f.begin(), f.end());
  for (std::size_t offset = 0; offset < n; offset += protocol::kMaxModelChunk) {
    const std::size_t length = std::min(protocol::kMaxModelChunk, n - offset);
    c.id = protocol::CommandId::ModelChunk;
    c.args.modelChunk.offset = static_cast<std::uint32_t>(offset);
    c.args.modelChunk.length = static_cast<std::uint16_t>(length);
    std::memcpy(c.args.modelChunk.data, model + offset, length);
    f = commandFrame(c, seq++);
    out.insert(out.end(), f.begin(), f.end());
  }
  c.id = protocol::CommandId::ModelActivate;
  c.args.activateCrc = crc;
  f = commandFrame(c, seq++);
  out.insert(out.end(), f.begin(), f.end());
  return out;
}

class Run {
public:
  explicit Run(std::uint8_t setup)
      : m_h(std::make_unique<AppHarness>(requestedOnly(), (setup & 2) == 0)) {
    m_h->port.keepLogs = false;
    if ((setup & 1) != 0) {
      m_h->port.slot(0) = storedModel().slots[0];
      m_h->port.slot(1) = storedModel().slots[1];
      m_h->boot();
    }
  }

  void op(fuzz::Input& in) {
    AppHarness& h = *m_h;
    switch (in.u8() % 6) {
    case 0: {
      std::size_t n = in.u8();
      const std::uint8_t* p = in.take(n);
      h.sendBytes(Bytes(p, p + n));
      break;
    }
    case 1: {
      std::uint8_t version = in.u8();
      if (version == 0) version = protocol::kProtocolVersion;
      const auto type = static_cast<protocol::MessageType>(in.u8());
      const std::uint16_t seq = in.u16();
      std::size_t n = in.u16() % (protocol::kMaxPayload + 1);
      const std::uint8_t* p = in.take(n);
      h.sendBytes(frameOf(type, seq, p, n, version));
      break;
    }
    case 2: advance(1 + std::uint32_t(in.u8())); break;
    case 3: {
      std::size_t n = in.u16();
      const std::uint8_t* p = in.take(n);
      if (n == 0) break;
      h.sendBytes(pushFrames(p, n, m_seq));
      advance(50 + std::uint32_t(n / 40));
      break;
    }
    case 4:
      h.drain();
      h.boot();
      // The frame the board was sending when it lost power is cut short: not an error.
      h.host.decoder.reset();
      break;
    default: h.hostReading = !h.hostReading; break;
    }
  }

  bool timeLeft() const { return m_elapsed < kMaxSimulatedMs; }

  void finish() {
    AppHarness& h = *m_h;
    h.hostReading = true;
    h.sendBytes(Bytes{0});  // end any partial frame the input left behind
    h.step(100);
    DLM_FUZZ_CHECK(h.host.frameErrors() == 0, "the board sent bytes that are not a valid frame");
    DLM_FUZZ_CHECK(h.host.undecodable == 0, "the board sent a message that does not decode");
    protocol::Hello hello;
    DLM_FUZZ_CHECK(h.handshake(hello, 2000), "the board no longer answers a handshake");
    checkRunningModel(hello);
  }

private:
  void advance(std::uint32_t ms) {
    ms = std::min(ms, kMaxSimulatedMs - std::min(m_elapsed, kMaxSimulatedMs));
    m_h->step(ms);
    m_elapsed += ms;
  }

  // The running model (pushed, learned on the board, or booted) is a valid model.
  void checkRunningModel(const protocol::Hello& hello) {
    const Network& net = m_h->app->network();
    if (net.totalNeurons() == 0) return;
    DLM_FUZZ_CHECK(hello.neurons == net.totalNeurons(), "Hello's neuron count");
    Bytes model(modelBytes(net));
    std::size_t written = 0;
    DLM_FUZZ_CHECK(saveModel(net, nullptr, model.data(), model.size(), &written) == Status::Ok,
                   "the running model cannot be saved");
    static std::vector<std::max_align_t> arena;
    static Network fresh;
    if (arena.empty()) {
      const Capacity cap = leanCapacity();
      arena.resize(Network::arenaBytes(cap) / sizeof(std::max_align_t) + 1);
      DLM_FUZZ_CHECK(fresh.init(cap, arena.data(), arena.size() * sizeof(std::max_align_t)) ==
                         Status::Ok,
                     "init");
    }
    DLM_FUZZ_CHECK(loadModel(model.data(), written, fresh, nullptr) == Status::Ok,
                   "the running model does not load again");
  }

  std::unique_ptr<AppHarness> m_h;
  std::uint32_t m_elapsed = 0;
  std::uint16_t m_seq = 0x8000;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  storedModel();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  Run run(in.u8());
  while (!in.empty() && run.timeLeft()) run.op(in);
  run.finish();
  return 0;
}
