// Fuzz target: the wire protocol's decoders (core/protocol), the first door of every byte a
// board or a studio receives. The input is a byte stream as it arrives on a serial port
// (the seed corpus holds real traffic of the virtual board, both directions).
//
// 1. The stream goes through a FrameDecoder byte by byte. Checked: a frame is delivered
//    exactly when an independent one-shot check of its wire segment (cobsDecodeChecked, CRC,
//    header) says it is valid, with the same fields; the counters account for every byte.
// 2. Every payload a frame carries (delivered, or only COBS-decodable: so that mutations that
//    break a CRC still reach the message decoders) is decoded as every message type, at every
//    protocol version spoken. Checked: whatever a decoder accepts re-encodes to exactly the
//    same bytes (the decoders are strict), and the handshake's version bytes are consistent.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/crc32.h"
#include "core/protocol/cobs.h"
#include "core/protocol/frame.h"
#include "core/protocol/messages.h"
#include "tests/fuzz/fuzz_support.h"

using namespace dlm::protocol;

namespace {

// Decode \p payload as an M (at \p version for the layouts that depend on it); if accepted, it
// must re-encode to the same bytes.
template <typename M>
void roundTrip(const std::uint8_t* payload, std::size_t length, std::uint8_t version) {
  static M message;  // some are kilobytes: not on the stack, and reused between inputs
  message = M();
  bool ok = false;
  if constexpr (std::is_same_v<M, Event> || std::is_same_v<M, Hello>) {
    ok = M::decode(payload, length, message, version);
  } else {
    ok = M::decode(payload, length, message);
  }
  if (!ok) return;
  static std::uint8_t again[kMaxPayload];
  std::size_t n = 0;
  if constexpr (std::is_same_v<M, Event> || std::is_same_v<M, Hello>) {
    n = message.encode(again, sizeof again, version);
  } else {
    n = message.encode(again, sizeof again);
  }
  DLM_FUZZ_CHECK(n == length && std::memcmp(again, payload, n) == 0,
                 "an accepted payload does not re-encode to the same bytes");
}

void decodeAsEveryType(const std::uint8_t* payload, std::size_t length) {
  for (std::uint8_t version = kMinProtocolVersion; version <= kProtocolVersion; ++version) {
    roundTrip<Hello>(payload, length, version);
    roundTrip<Event>(payload, length, version);
  }
  roundTrip<HelloRequest>(payload, length, kProtocolVersion);
  roundTrip<Samples>(payload, length, kProtocolVersion);
  roundTrip<Command>(payload, length, kProtocolVersion);
  roundTrip<Ack>(payload, length, kProtocolVersion);
  roundTrip<ModelData>(payload, length, kProtocolVersion);
  roundTrip<BoardStatus>(payload, length, kProtocolVersion);
  roundTrip<Log>(payload, length, kProtocolVersion);
  std::uint8_t highest = 0;
  std::uint8_t lowest = 0;
  if (decodeHandshakeVersions(payload, length, highest, lowest)) {
    DLM_FUZZ_CHECK(lowest >= 1 && lowest <= highest, "inconsistent handshake versions");
  }
}

// What a frame decoder must make of one wire segment (the bytes between two delimiters).
struct OneShot {
  bool cobs = false;   // the segment COBS-decodes into a header and a CRC at least
  bool valid = false;  // ... and is a frame the decoder must deliver
  std::uint8_t raw[kMaxRawFrame] = {};
  std::size_t length = 0;
};

void checkSegment(const std::uint8_t* segment, std::size_t n, OneShot& o) {
  o.cobs = o.valid = false;
  if (!cobsDecodeChecked(segment, n, o.raw, sizeof o.raw, o.length)) return;
  if (o.length < kFrameOverhead) return;
  o.cobs = true;
  std::uint32_t crc = 0;
  for (std::size_t i = 0; i < 4; ++i) crc |= std::uint32_t(o.raw[o.length - 4 + i]) << (8 * i);
  const std::size_t declared = std::size_t(o.raw[4] | (o.raw[5] << 8));
  if (dlm::crc32(o.raw, o.length - 4) != crc || declared != o.length - kFrameOverhead) return;
  const bool spoken = o.raw[0] >= kMinProtocolVersion && o.raw[0] <= kProtocolVersion;
  o.valid = spoken || isVersionStable(MessageType(o.raw[1]));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static FrameDecoder decoder;
  static OneShot oneShot;
  decoder = FrameDecoder();
  std::size_t segmentStart = 0;
  std::size_t terminated = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const DecodeEvent event = decoder.push(data[i]);
    if (data[i] != 0) {
      DLM_FUZZ_CHECK(event != DecodeEvent::Frame, "a frame without its delimiter");
      continue;
    }
    const std::size_t segment = i - segmentStart;
    if (segment > 0) ++terminated;
    checkSegment(data + segmentStart, segment, oneShot);
    const bool valid = oneShot.valid;
    DLM_FUZZ_CHECK(valid == (event == DecodeEvent::Frame), valid ? "a valid frame not delivered"
                                                                 : "an invalid frame delivered");
    if (valid) {
      const FrameView& f = decoder.frame();
      DLM_FUZZ_CHECK(f.version == oneShot.raw[0] && std::uint8_t(f.type) == oneShot.raw[1] &&
                         f.length == oneShot.length - kFrameOverhead &&
                         std::memcmp(f.payload, oneShot.raw + kFrameHeaderSize, f.length) == 0,
                     "the delivered frame differs from the wire");
    }
    if (oneShot.cobs) {
      decodeAsEveryType(oneShot.raw + kFrameHeaderSize, oneShot.length - kFrameOverhead);
    }
    segmentStart = i + 1;
  }
  const DecoderStats& s = decoder.stats();
  DLM_FUZZ_CHECK(s.bytesReceived == size, "bytes received");
  DLM_FUZZ_CHECK(s.bytesReceived == s.bytesAccepted + s.bytesDiscarded + s.idleDelimiters +
                                        decoder.pendingBytes(),
                 "byte accounting");
  const std::uint64_t outcomes = std::uint64_t(s.framesOk) + s.versionMismatches + s.crcErrors +
                                 s.cobsErrors + s.malformed + s.oversize;
  // An oversize frame is counted when it overflows, before its delimiter arrives.
  DLM_FUZZ_CHECK(outcomes == terminated + (decoder.discarding() ? 1u : 0u),
                 "one outcome per frame");
  return 0;
}
