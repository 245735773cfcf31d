// Deterministic fuzzing of everything that reads untrusted bytes: FrameDecoder, cobsDecode
// and every message decoder. Fixed seeds and bounded iterations (a few seconds, also under
// AddressSanitizer). Inputs live in exactly-sized heap buffers so that a read one byte too far
// is caught by the sanitizer.
//
// Invariants checked:
//  - the streaming decoder delivers a frame exactly when an independent one-shot check of the
//    same wire segment (cobsDecodeChecked + CRC + header) says it is valid, with the same
//    fields and payload: so every delivered frame has a valid CRC;
//  - counters are consistent (one outcome per frame, every byte accounted for);
//  - a known-good frame after a delimiter is always delivered, whatever garbage came before;
//  - a payload any decoder accepts re-encodes to exactly the same bytes.
#include <QtTest>

#include <cstdio>
#include <string>
#include <vector>

#include "core/crc32.h"
#include "core/protocol/cobs.h"
#include "core/protocol/frame.h"
#include "core/protocol/messages.h"
#include "fixtures.h"

using namespace dlm::protocol;
using fixtures::Bytes;
using fixtures::Random;

namespace {

constexpr std::uint32_t kSeeds[] = {1u, 2u, 3u, 0xC0FFEEu};

struct Oracle {
  bool valid = false;
  std::uint8_t version = 0;
  std::uint8_t type = 0;
  std::uint16_t seq = 0;
  Bytes payload;
};

// What a frame decoder must make of one wire segment (the bytes between two delimiters).
Oracle oneShot(const Bytes& segment) {
  Oracle o;
  Bytes raw(kMaxRawFrame);
  std::size_t n = 0;
  if (!cobsDecodeChecked(segment.data(), segment.size(), raw.data(), raw.size(), n)) return o;
  if (n < kFrameOverhead) return o;
  std::uint32_t crc = 0;
  for (int i = 0; i < 4; ++i) crc |= std::uint32_t(raw[n - 4 + std::size_t(i)]) << (8 * i);
  if (dlm::crc32(raw.data(), n - 4) != crc) return o;
  const std::size_t length = std::size_t(raw[4] | (raw[5] << 8));
  if (length != n - kFrameOverhead) return o;
  o.version = raw[0];
  o.type = raw[1];
  const bool spoken = o.version >= kMinProtocolVersion && o.version <= kProtocolVersion;
  if (!spoken && !isVersionStable(MessageType(o.type))) return o;
  o.valid = true;
  o.seq = std::uint16_t(raw[2] | (raw[3] << 8));
  o.payload.assign(raw.begin() + 6, raw.begin() + long(n - 4));
  return o;
}

// Feeds a stream into a FrameDecoder in random chunks and checks every invariant.
class Harness {
public:
  std::string failure;
  std::size_t delivered = 0;
  std::size_t sentinels = 0;

  void feed(const Bytes& stream, Random& r) {
    std::size_t at = 0;
    while (at < stream.size() && failure.empty()) {
      const std::size_t chunk = std::min<std::size_t>(r.range(1, 300), stream.size() - at);
      // An exactly-sized copy: the decoder may not read past what it was given.
      const Bytes piece(stream.begin() + long(at), stream.begin() + long(at + chunk));
      for (std::uint8_t b : piece) step(b);
      at += chunk;
    }
  }

  void finish() {
    if (!failure.empty()) return;
    const DecoderStats& s = m_decoder.stats();
    const std::uint64_t outcomes = std::uint64_t(s.framesOk) + s.versionMismatches + s.crcErrors +
                                   s.cobsErrors + s.malformed + s.oversize;
    if (outcomes != m_terminated + (m_decoder.discarding() ? 1u : 0u))
      fail("one outcome per frame");
    if (s.bytesReceived != s.bytesAccepted + s.bytesDiscarded + s.idleDelimiters +
                               std::uint32_t(m_decoder.pendingBytes()))
      fail("byte accounting");
    if (delivered != s.framesOk + m_foreign || m_foreign > s.versionMismatches)
      fail("delivered frames vs counters");
    if (s.bytesReceived != m_bytes) fail("bytes received");
  }

  const DecoderStats& stats() const { return m_decoder.stats(); }

private:
  void fail(const std::string& what) {
    if (failure.empty()) failure = what + " (after byte " + std::to_string(m_bytes) + ")";
  }

  void step(std::uint8_t b) {
    ++m_bytes;
    const DecodeEvent event = m_decoder.push(b);
    if (b != 0) {
      m_segment.push_back(b);
      if (event == DecodeEvent::Frame) fail("frame without a delimiter");
      return;
    }
    const Oracle o = oneShot(m_segment);
    const bool empty = m_segment.empty();
    m_segment.clear();
    if (!empty) ++m_terminated;
    if (o.valid != (event == DecodeEvent::Frame)) {
      fail(o.valid ? "valid frame not delivered" : "invalid frame delivered");
      return;
    }
    if (!o.valid) return;
    const FrameView& f = m_decoder.frame();
    const Bytes payload(f.payload, f.payload + f.length);
    if (f.version != o.version || std::uint8_t(f.type) != o.type || f.seq != o.seq ||
        payload != o.payload)
      fail("delivered fields differ from the wire");
    ++delivered;
    if (f.version != kProtocolVersion) ++m_foreign;
    Bytes again;
    if (fixtures::decodeAs(f.type, payload.data(), payload.size(), again) && again != payload)
      fail("accepted payload is not canonical");
    if (f.type == MessageType::Log && f.seq >= 0xF000) ++sentinels;
  }

  FrameDecoder m_decoder;
  Bytes m_segment;
  std::uint64_t m_terminated = 0;
  std::uint64_t m_bytes = 0;
  std::size_t m_foreign = 0;
};

Bytes wireOf(MessageType type, std::uint16_t seq, const Bytes& payload, std::uint8_t version) {
  Bytes out(kMaxWireFrame);
  out.resize(encodeFrame(type, seq, payload.data(), payload.size(), out.data(), out.size(), version));
  return out;
}

Bytes sentinel(std::uint16_t n) {
  Log l;
  std::snprintf(l.text, sizeof l.text, "sentinel %u", unsigned(n));
  Bytes p(kMaxPayload);
  p.resize(l.encode(p.data(), p.size()));
  return wireOf(MessageType::Log, std::uint16_t(0xF000 | (n & 0x0FFF)), p, kProtocolVersion);
}

MessageType anyType(Random& r) { return fixtures::kAllTypes[r.below(9)]; }

// Any version byte this library does not speak: older, newer, 0 or 255.
std::uint8_t foreignVersion(Random& r) {
  const std::uint32_t spoken = kProtocolVersion - kMinProtocolVersion + 1u;
  const std::uint32_t v = r.below(256u - spoken);
  return std::uint8_t(v < kMinProtocolVersion ? v : v + spoken);
}

// One of: bit flips, truncation, insertion, deletion, duplicated or inserted delimiters,
// a splice of random bytes, or nothing. Returns true if the frame is left intact.
bool mutate(Bytes& w, Random& r) {
  if (w.empty()) return false;
  switch (r.below(8)) {
  case 0: {
    const std::uint32_t flips = r.range(1, 3);
    for (std::uint32_t i = 0; i < flips; ++i) w[r.below(std::uint32_t(w.size()))] ^= std::uint8_t(1u << r.below(8));
    return false;
  }
  case 1: w.resize(r.below(std::uint32_t(w.size()))); return false;
  case 2: {
    const std::uint32_t n = r.range(1, 20);
    for (std::uint32_t i = 0; i < n; ++i) w.insert(w.begin() + r.below(std::uint32_t(w.size() + 1)), r.byte());
    return false;
  }
  case 3: w.erase(w.begin() + r.below(std::uint32_t(w.size()))); return false;
  case 4: w.insert(w.begin() + r.below(std::uint32_t(w.size() + 1)), std::uint8_t(0)); return false;
  case 5: w.push_back(0); w.push_back(0); return true;  // duplicated delimiters: harmless
  case 6:
    for (std::uint32_t i = r.range(0, 30); i > 0; --i) w[r.below(std::uint32_t(w.size()))] = r.byte();
    return false;
  default: return true;
  }
}

} // namespace

class TestProtocolFuzz : public QObject {
  Q_OBJECT
private slots:
  void randomBytesIntoFrameDecoder() {
    for (std::uint32_t seed : kSeeds) {
      Random r(seed);
      Harness h;
      for (int block = 0; block < 40 && h.failure.empty(); ++block) {
        // Vary how often 0x00 occurs, from never (oversize runs) to very often.
        const std::uint32_t zeroPercent = r.below(4) == 0 ? 0 : r.range(1, 30);
        Bytes stream(r.range(100, 6000));
        for (auto& b : stream) b = r.chance(zeroPercent) ? 0 : std::uint8_t(r.range(1, 255));
        h.feed(stream, r);
      }
      h.finish();
      QVERIFY2(h.failure.empty(), h.failure.c_str());
      QVERIFY(h.stats().bytesReceived > 100000);
    }
  }

  void mutatedFramesIntoFrameDecoder() {
    for (std::uint32_t seed : kSeeds) {
      Random r(seed);
      Harness h;
      std::size_t mustDeliver = 0;
      std::size_t sentinelsSent = 0;
      for (int i = 0; i < 1500 && h.failure.empty(); ++i) {
        Bytes stream;
        bool afterDelimiter = true;  // the previous sentinel ended with one
        const int frames = int(r.range(1, 6));
        for (int k = 0; k < frames; ++k) {
          const MessageType type = anyType(r);
          // Now and then a foreign version, and a type byte that is no message at all.
          const std::uint8_t version = r.chance(5) ? foreignVersion(r) : kProtocolVersion;
          Bytes payload = fixtures::randomPayload(r, type);
          Bytes w = wireOf(r.chance(3) ? MessageType(r.byte()) : type, std::uint16_t(r.below(0xF000)),
                           payload, version);
          const bool intact = mutate(w, r);
          // Only a frame that starts right after a delimiter is sure to get through.
          if (intact && afterDelimiter && version == kProtocolVersion) ++mustDeliver;
          if (!w.empty()) afterDelimiter = w.back() == 0;
          stream.insert(stream.end(), w.begin(), w.end());
        }
        // A flush delimiter and a known-good frame: it must get through whatever came before.
        stream.push_back(0);
        const Bytes s = sentinel(std::uint16_t(i));
        stream.insert(stream.end(), s.begin(), s.end());
        ++sentinelsSent;
        h.feed(stream, r);
      }
      h.finish();
      QVERIFY2(h.failure.empty(), h.failure.c_str());
      QCOMPARE(h.sentinels, sentinelsSent);
      QVERIFY(h.delivered >= mustDeliver + sentinelsSent);
      const DecoderStats& st = h.stats();
      QVERIFY(st.crcErrors > 0 && st.cobsErrors > 0 && st.malformed > 0 && st.versionMismatches > 0);
    }
  }

  void messageDecodersOnArbitraryPayloads() {
    std::size_t accepted = 0;
    for (std::uint32_t seed : kSeeds) {
      Random r(seed);
      for (int i = 0; i < 6000; ++i) {
        Bytes p;
        switch (r.below(4)) {
        case 0:  // random bytes of any length, beyond kMaxPayload included
          p.resize(r.below(1100));
          for (auto& b : p) b = r.byte();
          break;
        case 1:  // a valid payload, truncated or extended
          p = fixtures::randomPayload(r, anyType(r));
          if (r.chance(50)) p.resize(r.below(std::uint32_t(p.size()) + 1));
          else for (std::uint32_t k = r.range(1, 8); k > 0; --k) p.push_back(r.byte());
          break;
        default:  // a valid payload with a few bytes changed (headers most likely)
          p = fixtures::randomPayload(r, anyType(r));
          for (std::uint32_t k = r.range(1, 4); k > 0 && !p.empty(); --k) {
            const std::uint32_t at = r.chance(70) ? r.below(std::min<std::uint32_t>(12, std::uint32_t(p.size())))
                                                  : r.below(std::uint32_t(p.size()));
            p[at] = r.chance(30) ? std::uint8_t(0) : r.byte();
          }
          break;
        }
        // Every decoder sees every payload, in an exactly-sized buffer.
        for (MessageType type : fixtures::kAllTypes) {
          const Bytes exact(p);
          Bytes again;
          if (fixtures::decodeAs(type, exact.data(), exact.size(), again)) {
            ++accepted;
            QVERIFY2(again == exact, "accepted payload is not canonical");
          }
        }
        std::uint8_t v = 0;
        std::uint8_t mv = 0;
        if (decodeHandshakeVersions(p.data(), p.size(), v, mv)) QVERIFY(mv >= 1 && mv <= v);
      }
    }
    QVERIFY(accepted > 1000);  // the mutations do not only produce garbage
  }

  void cobsOnArbitraryBytes() {
    for (std::uint32_t seed : kSeeds) {
      Random r(seed);
      for (int i = 0; i < 3000; ++i) {
        Bytes in(r.below(2000));
        const std::uint32_t zeroPercent = r.range(0, 50);
        for (auto& b : in) b = r.chance(zeroPercent) ? 0 : r.byte();
        Bytes enc(cobsMaxEncoded(in.size()));
        const std::size_t n = cobsEncode(in.data(), in.size(), enc.data(), enc.size());
        QVERIFY(n > 0 && n <= enc.size());
        enc.resize(n);
        Bytes dec(in.size());
        std::size_t w = 0;
        QVERIFY(cobsDecodeChecked(enc.data(), enc.size(), dec.data(), dec.size(), w));
        QCOMPARE(w, in.size());
        QVERIFY(dec == in);
        // Arbitrary bytes as COBS input, into an exactly-sized (possibly too small) output.
        Bytes junk(r.below(600));
        for (auto& b : junk) b = r.chance(3) ? 0 : r.byte();
        Bytes out(r.below(700));
        if (cobsDecodeChecked(junk.data(), junk.size(), out.data(), out.size(), w)) {
          QVERIFY(w <= out.size());
          Bytes re(cobsMaxEncoded(w));
          const std::size_t m = cobsEncode(out.data(), w, re.data(), re.size());
          QVERIFY(m > 0 && m <= junk.size());  // minimal form: never longer than the input
        }
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestProtocolFuzz)
#include "test_fuzz.moc"
