// Hostile input on the command path of FirmwareApp: random bytes, mutated valid frames and
// random valid commands, deterministic and bounded. Nothing may crash, every byte the board
// sends must still be a valid frame, and the board must answer a handshake afterwards.

#include <QtTest>


#include "app_harness.h"

using namespace dlm;
using namespace dlm::firmware;
using namespace dlm::firmware::test;
using protocol::CommandId;

namespace {

// A random valid command (any id, random arguments within the wire format).
protocol::Command randomCommand(Rng& rng) {
  protocol::Command c;
  c.id = static_cast<CommandId>(1 + rng() % 14);
  // Reset reboots the app and wipes its state: keep it rare so that state builds up.
  if (c.id == CommandId::Reset && rng() % 16 != 0) c.id = CommandId::Heartbeat;
  protocol::Command::Args& a = c.args;
  switch (c.id) {
  case CommandId::SetTrigger:
    a.setTrigger.threshold = float(rng() % 5000);
    a.setTrigger.preTriggerFrames = std::uint16_t(rng());
    a.setTrigger.holdOffFrames = std::uint16_t(rng());
    a.setTrigger.minFrames = std::uint16_t(1 + rng() % 500);
    a.setTrigger.maxFrames = std::uint16_t(a.setTrigger.minFrames + rng() % 5000);
    break;
  case CommandId::LabelEvent:
    a.labelEvent.eventId = rng() % 40;
    a.labelEvent.classIndex = std::uint8_t(rng() % 20);
    break;
  case CommandId::ForgetEvent: a.forgetEventId = rng() % 40; break;
  case CommandId::PerformGesture: a.gesture = std::uint8_t(rng() % 9); break;
  case CommandId::ModelPushBegin:
    a.modelPushBegin.totalBytes = rng() % 2 ? 1 + rng() % 4000 : std::uint32_t(rng());
    a.modelPushBegin.crc = rng();
    break;
  case CommandId::ModelChunk:
    a.modelChunk.offset = rng() % 4 ? rng() % 4000 : std::uint32_t(rng());
    a.modelChunk.length = std::uint16_t(1 + rng() % protocol::kMaxModelChunk);
    for (int i = 0; i < a.modelChunk.length; ++i) a.modelChunk.data[i] = std::uint8_t(rng());
    break;
  case CommandId::ModelActivate: a.activateCrc = rng(); break;
  case CommandId::ModelPullChunk:
    a.modelPullChunk.offset = rng() % 2 ? rng() % 4000 : std::uint32_t(rng());
    a.modelPullChunk.length = std::uint16_t(1 + rng() % protocol::kMaxModelChunk);
    break;
  case CommandId::InjectSamples:
    a.injectSamples.channels = std::uint8_t(rng() % 4 ? 3 : 1 + rng() % 16);
    a.injectSamples.frames =
        std::uint8_t(1 + rng() % (protocol::kMaxInjectValues / a.injectSamples.channels));
    for (int i = 0; i < a.injectSamples.channels * a.injectSamples.frames; ++i)
      a.injectSamples.data[i] = std::int16_t(rng());
    break;
  case CommandId::SetRejection: a.rejectionShare = float(rng() % 1001) / 1000.0f; break;
  default: break;
  }
  return c;
}

Bytes encode(const protocol::Command& c, std::uint16_t seq) {
  std::uint8_t wire[protocol::kMaxWireFrame];
  const std::size_t n = protocol::encodeMessage(c, seq, wire, sizeof wire);
  return Bytes(wire, wire + n);
}

void mutate(Bytes& b, Rng& rng) {
  const int kind = int(rng() % 5);
  if (b.empty()) return;
  const std::size_t at = rng() % b.size();
  switch (kind) {
  case 0: b[at] ^= std::uint8_t(1u << (rng() % 8)); break;          // bit flip
  case 1: b.resize(at); break;                                       // truncation
  case 2: b.insert(b.begin() + long(at), std::uint8_t(rng())); break;  // inserted byte
  case 3: b.erase(b.begin() + long(at)); break;                      // lost byte
  default: b[at] = 0; break;                                         // spurious delimiter
  }
}

} // namespace

class TestFirmwareFuzz : public QObject {
  Q_OBJECT

private slots:
  void hostileInputDoesNotBreakTheBoard() {
    AppHarness h(requestedOnly(3));
    Rng rng(20261101);
    // Fixed count, so the run is deterministic: about 2 s of CPU in a Release build (a sixth
    // of it under AddressSanitizer, which is ~25x slower here).
#ifdef __SANITIZE_ADDRESS__
    constexpr int kIterations = 100000;
#else
    constexpr int kIterations = 600000;
#endif
    for (int i = 0; i < kIterations; ++i) {
      const int kind = int(rng() % 4);
      Bytes bytes;
      if (kind == 0) {
        bytes.resize(1 + rng() % 300);
        for (std::uint8_t& b : bytes) b = rng() % 8 == 0 ? 0 : std::uint8_t(rng());
      } else if (kind == 1) {
        bytes = encode(randomCommand(rng), std::uint16_t(rng()));
        const int mutations = 1 + int(rng() % 3);
        for (int m = 0; m < mutations; ++m) mutate(bytes, rng);
      } else if (kind == 2) {
        bytes = encode(randomCommand(rng), std::uint16_t(rng() % 8));  // duplicates too
      } else {
        protocol::HelloRequest r;
        r.version = std::uint8_t(1 + rng() % 3);
        r.minVersion = std::uint8_t(1 + rng() % r.version);
        std::uint8_t wire[protocol::kMaxWireFrame];
        const std::size_t n = protocol::encodeMessage(r, std::uint16_t(rng()), wire, sizeof wire,
                                                      std::uint8_t(1 + rng() % 2));
        bytes.assign(wire, wire + n);
        if (rng() % 2) mutate(bytes, rng);
      }
      h.sendBytes(bytes);
      h.step(1 + rng() % 3);
    }
    h.sendBytes(Bytes{0});  // end any partial frame the fuzz left behind
    h.step(50);
    // Everything the board sent was a valid frame of a known message.
    QCOMPARE(h.host.frameErrors(), 0u);
    QCOMPARE(h.host.undecodable, 0);
    QVERIFY(h.host.acks.size() > std::size_t{kIterations} / 10);
    // And it still talks and streams.
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    QCOMPARE(int(hello.descriptorDims), 58);
    const std::size_t n = h.host.samples.size();
    h.step(200);
    QVERIFY(h.host.samples.size() > n);
    protocol::BoardStatus s;
    QVERIFY(h.status(s));
    std::size_t rejected = 0;
    for (const protocol::Ack& a : h.host.acks) rejected += a.code != protocol::AckCode::Ok;
    qInfo("%d inputs; %zu acks (%zu not Ok), %zu hellos, %zu events, %zu logs",
          kIterations, h.host.acks.size(), rejected, h.host.hellos.size(), h.host.events.size(),
          h.host.logs.size());
  }
};

QTEST_GUILESS_MAIN(TestFirmwareFuzz)
#include "test_firmware_fuzz.moc"
