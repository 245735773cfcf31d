// COBS and frames: known vectors, round trips, overflow, and the streaming decoder's
// resynchronisation after garbage, truncation, bit flips and oversize frames.
#include <QtTest>

#include <cstdint>
#include <vector>

#include "core/crc32.h"
#include "core/protocol/cobs.h"
#include "core/protocol/frame.h"
#include "core/protocol/messages.h"

using namespace dlm::protocol;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes encoded(const Bytes& in) {
  Bytes out(cobsMaxEncoded(in.size()) + 8, 0xEE);
  const std::size_t n = cobsEncode(in.data(), in.size(), out.data(), out.size());
  out.resize(n);
  return out;
}

Bytes run(std::size_t n, std::uint8_t first, std::uint8_t step = 1) {
  Bytes b(n);
  std::uint8_t v = first;
  for (auto& x : b) {
    x = v;
    v = std::uint8_t(v + step);
  }
  return b;
}

Bytes frameBytes(MessageType type, std::uint16_t seq, const Bytes& payload,
                 std::uint8_t version = kProtocolVersion) {
  Bytes out(kMaxWireFrame);
  const std::size_t n =
      encodeFrame(type, seq, payload.data(), payload.size(), out.data(), out.size(), version);
  out.resize(n);
  return out;
}

// A frame built by hand (bypassing encodeFrame's checks): raw bytes, CRC appended, COBS, 0x00.
Bytes handFrame(Bytes raw) {
  const std::uint32_t crc = dlm::crc32(raw.data(), raw.size());
  for (int i = 0; i < 4; ++i) raw.push_back(std::uint8_t(crc >> (8 * i)));
  Bytes wire = encoded(raw);
  wire.push_back(0);
  return wire;
}

Bytes commandPayload(std::uint32_t eventId) {
  Command c;
  c.id = CommandId::ForgetEvent;
  c.args.forgetEventId = eventId;
  Bytes p(16);
  p.resize(c.encode(p.data(), p.size()));
  return p;
}

struct Collected {
  std::vector<FrameView> frames;
  std::vector<Bytes> payloads;
};

void collect(void* context, const FrameView& frame) {
  auto* c = static_cast<Collected*>(context);
  c->frames.push_back(frame);
  c->payloads.emplace_back(frame.payload, frame.payload + frame.length);
}

Collected feedAll(FrameDecoder& d, const Bytes& stream) {
  Collected c;
  d.feed(stream.data(), stream.size(), collect, &c);
  return c;
}

void append(Bytes& a, const Bytes& b) { a.insert(a.end(), b.begin(), b.end()); }

bool bytesBalance(const FrameDecoder& d) {
  const DecoderStats& s = d.stats();
  return s.bytesReceived ==
         s.bytesAccepted + s.bytesDiscarded + s.idleDelimiters + std::uint32_t(d.pendingBytes());
}

} // namespace

class TestFraming : public QObject {
  Q_OBJECT
private slots:
  void cobsKnownVectors() {
    // The examples of Cheshire & Baker / Wikipedia.
    QCOMPARE(encoded({}), (Bytes{0x01}));
    QCOMPARE(encoded({0x00}), (Bytes{0x01, 0x01}));
    QCOMPARE(encoded({0x00, 0x00}), (Bytes{0x01, 0x01, 0x01}));
    QCOMPARE(encoded({0x00, 0x11, 0x00}), (Bytes{0x01, 0x02, 0x11, 0x01}));
    QCOMPARE(encoded({0x11, 0x22, 0x00, 0x33}), (Bytes{0x03, 0x11, 0x22, 0x02, 0x33}));
    QCOMPARE(encoded({0x11, 0x22, 0x33, 0x44}), (Bytes{0x05, 0x11, 0x22, 0x33, 0x44}));
    QCOMPARE(encoded({0x11, 0x00, 0x00, 0x00}), (Bytes{0x02, 0x11, 0x01, 0x01, 0x01}));

    Bytes expect{0xFF};
    append(expect, run(254, 0x01));
    QCOMPARE(encoded(run(254, 0x01)), expect);  // 254 non-zero: one full block, no tail

    expect = {0x01, 0xFF};
    append(expect, run(254, 0x01));
    QCOMPARE(encoded(run(255, 0x00)), expect);  // 00 01..FE

    expect = {0xFF};
    append(expect, run(254, 0x01));
    append(expect, {0x02, 0xFF});
    QCOMPARE(encoded(run(255, 0x01)), expect);  // 01..FF

    Bytes in = run(254, 0x02);
    in.push_back(0x00);
    expect = {0xFF};
    append(expect, run(254, 0x02));
    append(expect, {0x01, 0x01});
    QCOMPARE(encoded(in), expect);  // 02..FF 00
  }

  void cobsRoundTrips() {
    std::vector<Bytes> inputs;
    for (std::size_t n : {0, 1, 2, 253, 254, 255, 256, 507, 508, 509, 1034, 3000}) {
      inputs.push_back(Bytes(n, 0x00));  // all zero
      inputs.push_back(Bytes(n, 0x5A));  // no zero at all: the longest encodings
      inputs.push_back(run(n, 0x00));    // a zero every 256 bytes
      inputs.push_back(run(n, 0x01, 7));
    }
    for (const Bytes& in : inputs) {
      const Bytes enc = encoded(in);
      QVERIFY(!enc.empty());
      QVERIFY(enc.size() <= cobsMaxEncoded(in.size()));
      for (std::uint8_t b : enc) QVERIFY(b != 0);
      Bytes dec(in.size() + 1);
      std::size_t written = 99;
      QVERIFY(cobsDecodeChecked(enc.data(), enc.size(), dec.data(), dec.size(), written));
      QCOMPARE(written, in.size());
      dec.resize(written);
      QCOMPARE(dec, in);
    }
    // Exact lengths of zero-free runs: one code byte per started block of 254.
    QCOMPARE(encoded(Bytes(254, 7)).size(), std::size_t(255));
    QCOMPARE(encoded(Bytes(255, 7)).size(), std::size_t(257));
    QCOMPARE(encoded(Bytes(256, 7)).size(), std::size_t(258));
    QCOMPARE(encoded(Bytes(508, 7)).size(), std::size_t(510));
    // All zeros: n + 1 bytes of 0x01.
    QCOMPARE(encoded(Bytes(256, 0)), Bytes(257, 0x01));
  }

  void cobsOverflowNeverWritesPastCap() {
    for (const Bytes& in : {Bytes(300, 9), run(600, 0), Bytes(40, 0), Bytes{}}) {
      const std::size_t need = encoded(in).size();
      for (std::size_t cap = 0; cap < need; ++cap) {
        Bytes out(cap + 16, 0xEE);
        QCOMPARE(cobsEncode(in.data(), in.size(), out.data(), cap), std::size_t(0));
        for (std::size_t i = cap; i < out.size(); ++i) QCOMPARE(out[i], std::uint8_t(0xEE));
      }
      Bytes out(need);
      QCOMPARE(cobsEncode(in.data(), in.size(), out.data(), need), need);
      // Decoding into one byte less than needed fails, without writing past the cap.
      if (!in.empty()) {
        Bytes dec(in.size() - 1 + 16, 0xEE);
        std::size_t written = 0;
        QVERIFY(!cobsDecodeChecked(out.data(), out.size(), dec.data(), in.size() - 1, written));
        for (std::size_t i = in.size() - 1; i < dec.size(); ++i) QCOMPARE(dec[i], std::uint8_t(0xEE));
      }
    }
  }

  void cobsDecodeRejectsMalformed() {
    Bytes out(64);
    std::size_t w = 0;
    QVERIFY(!cobsDecodeChecked(nullptr, 0, out.data(), out.size(), w));
    const Bytes empty;
    QVERIFY(!cobsDecodeChecked(empty.data(), 0, out.data(), out.size(), w));
    const Bytes zeroCode{0x00, 0x11};
    QVERIFY(!cobsDecodeChecked(zeroCode.data(), zeroCode.size(), out.data(), out.size(), w));
    const Bytes zeroInside{0x03, 0x11, 0x00};
    QVERIFY(!cobsDecodeChecked(zeroInside.data(), zeroInside.size(), out.data(), out.size(), w));
    const Bytes overrun{0x05, 0x11, 0x22};
    QVERIFY(!cobsDecodeChecked(overrun.data(), overrun.size(), out.data(), out.size(), w));
    QCOMPARE(cobsDecode(overrun.data(), overrun.size(), out.data(), out.size()), std::size_t(0));
    // The non-minimal form (a 0x01 after a final full block) is accepted.
    Bytes nonMinimal{0xFF};
    append(nonMinimal, run(254, 1));
    nonMinimal.push_back(0x01);
    Bytes dec(300);
    QVERIFY(cobsDecodeChecked(nonMinimal.data(), nonMinimal.size(), dec.data(), dec.size(), w));
    QCOMPARE(w, std::size_t(254));
  }

  void frameLayoutMatchesTheDocumentedExample() {
    // docs/protocol.md, "Worked example": Command ForgetEvent(42), sequence 2.
    const Bytes payload = commandPayload(42);
    QCOMPARE(payload, (Bytes{0x03, 0x2A, 0x00, 0x00, 0x00}));
    // The example is a version 4 frame (Command's layout is the same in version 5).
    const Bytes wire = frameBytes(MessageType::Command, 2, payload, 4);
    const Bytes expect{0x04, 0x04, 0x05, 0x02, 0x02, 0x05, 0x03, 0x03, 0x2A,
                       0x01, 0x01, 0x05, 0x81, 0x3B, 0x96, 0xC9, 0x00};
    QCOMPARE(wire, expect);
    const Bytes wire5 = frameBytes(MessageType::Command, 2, payload, 5);
    const Bytes expect5{0x04, 0x05, 0x05, 0x02, 0x02, 0x05, 0x03, 0x03, 0x2A,
                        0x01, 0x01, 0x05, 0x41, 0xE4, 0x18, 0x08, 0x00};
    QCOMPARE(wire5, expect5);
    const Bytes wire3 = frameBytes(MessageType::Command, 2, payload, 3);
    const Bytes expect3{0x04, 0x03, 0x05, 0x02, 0x02, 0x05, 0x03, 0x03, 0x2A,
                        0x01, 0x01, 0x05, 0x02, 0x2E, 0xAD, 0xE0, 0x00};
    QCOMPARE(wire3, expect3);
    // ... and the same command in a version 2 session, as the document gives it too.
    const Bytes wire2 = frameBytes(MessageType::Command, 2, payload, 2);
    const Bytes expect2{0x04, 0x02, 0x05, 0x02, 0x02, 0x05, 0x03, 0x03, 0x2A,
                        0x01, 0x01, 0x05, 0xC2, 0xF1, 0x23, 0x21, 0x00};
    QCOMPARE(wire2, expect2);
    QCOMPARE(dlm::crc32("123456789", 9), 0xCBF43926u);
    // docs/protocol.md §3.5: Command SetRejection(0.25), sequence 3, version 3.
    Command c;
    c.id = CommandId::SetRejection;
    c.args.rejectionShare = 0.25f;  // 0x3E800000
    Bytes rejection(kMaxWireFrame);
    rejection.resize(encodeMessage(c, 3, rejection.data(), rejection.size(), 3));
    const Bytes rejectionExpect{0x04, 0x03, 0x05, 0x03, 0x02, 0x05, 0x02, 0x0E, 0x01,
                                0x07, 0x80, 0x3E, 0x4A, 0x34, 0x2B, 0x3A, 0x00};
    QCOMPARE(rejection, rejectionExpect);
    // docs/protocol.md §3.5.2: Command SetSpontaneousGestures(12), sequence 4, version 3.
    Command demo;
    demo.id = CommandId::SetSpontaneousGestures;
    demo.args.spontaneousRate = 12.0f;  // 0x41400000
    Bytes spontaneous(kMaxWireFrame);
    spontaneous.resize(encodeMessage(demo, 4, spontaneous.data(), spontaneous.size(), 3));
    const Bytes spontaneousExpect{0x04, 0x03, 0x05, 0x04, 0x02, 0x05, 0x02, 0x0F, 0x01,
                                  0x07, 0x40, 0x41, 0xD0, 0xCB, 0x6A, 0x68, 0x00};
    QCOMPARE(spontaneous, spontaneousExpect);
  }

  void encodeFrameRejectsWhatCannotBeSent() {
    Bytes out(kMaxWireFrame + 8);
    const Bytes tooBig(kMaxPayload + 1, 1);
    QCOMPARE(encodeFrame(MessageType::Log, 0, tooBig.data(), tooBig.size(), out.data(), out.size()),
             std::size_t(0));
    QCOMPARE(encodeFrame(MessageType::Log, 0, nullptr, 3, out.data(), out.size()), std::size_t(0));
    const Bytes payload = run(100, 0);
    const Bytes wire = frameBytes(MessageType::Samples, 7, payload);
    QVERIFY(wire.size() <= wireFrameBound(payload.size()));
    for (std::size_t cap = 0; cap < wire.size(); ++cap) {
      Bytes small(cap + 8, 0xEE);
      QCOMPARE(encodeFrame(MessageType::Samples, 7, payload.data(), payload.size(), small.data(), cap),
               std::size_t(0));
      for (std::size_t i = cap; i < small.size(); ++i) QCOMPARE(small[i], std::uint8_t(0xEE));
    }
    // The largest frame fits kMaxWireFrame and decodes.
    const Bytes full(kMaxPayload, 0xA5);
    const Bytes big = frameBytes(MessageType::Samples, 1, full);
    QVERIFY(!big.empty() && big.size() <= kMaxWireFrame);
    FrameDecoder d;
    const Collected c = feedAll(d, big);
    QCOMPARE(c.payloads.size(), std::size_t(1));
    QCOMPARE(c.payloads[0], full);
  }

  void decoderDeliversFieldsAndCounts() {
    FrameDecoder d;
    Bytes stream{0x00, 0x00};  // leading delimiters only flush: idle, not errors
    append(stream, frameBytes(MessageType::Command, 0xBEEF, commandPayload(7)));
    append(stream, frameBytes(MessageType::Log, 3, {}));  // an empty payload is a valid frame
    const Collected c = feedAll(d, stream);
    QCOMPARE(c.frames.size(), std::size_t(2));
    QCOMPARE(c.frames[0].type, MessageType::Command);
    QCOMPARE(c.frames[0].seq, std::uint16_t(0xBEEF));
    QCOMPARE(c.frames[0].version, kProtocolVersion);
    QCOMPARE(c.payloads[0], commandPayload(7));
    QCOMPARE(c.frames[1].length, std::uint16_t(0));
    QCOMPARE(d.stats().framesOk, 2u);
    QCOMPARE(d.stats().idleDelimiters, 2u);
    QCOMPARE(d.stats().bytesDiscarded, 0u);
    QVERIFY(bytesBalance(d));
  }

  void resynchronisesAfterGarbage() {
    FrameDecoder d;
    const Bytes good = frameBytes(MessageType::Command, 1, commandPayload(1));
    Bytes stream = {0x13, 0x37, 0xFF, 0x01, 0x99, 0x00};  // garbage, then a delimiter
    append(stream, good);
    Collected c = feedAll(d, stream);
    QCOMPARE(c.frames.size(), std::size_t(1));
    QCOMPARE(d.stats().bytesDiscarded, 6u);
    QCOMPARE(d.stats().crcErrors + d.stats().cobsErrors + d.stats().malformed, 1u);

    // Garbage glued to the front of a frame costs that frame, not the next one.
    FrameDecoder e;
    stream = {0x42, 0x42, 0x42};
    append(stream, good);
    append(stream, good);
    c = feedAll(e, stream);
    QCOMPARE(c.frames.size(), std::size_t(1));
    QVERIFY(bytesBalance(e));
  }

  void resynchronisesAfterTruncatedFrame() {
    const Bytes good = frameBytes(MessageType::Command, 5, commandPayload(123456));
    for (std::size_t cut = 1; cut + 1 < good.size(); ++cut) {
      // Cut and then a delimiter (a line glitch): the fragment is rejected, the next is fine.
      FrameDecoder d;
      Bytes stream(good.begin(), good.begin() + long(cut));
      stream.push_back(0x00);
      append(stream, good);
      Collected c = feedAll(d, stream);
      QCOMPARE(c.frames.size(), std::size_t(1));
      QCOMPARE(c.payloads[0], commandPayload(123456));
      QCOMPARE(d.stats().framesOk, 1u);
      QCOMPARE(d.stats().crcErrors + d.stats().cobsErrors + d.stats().malformed, 1u);
      // Cut with no delimiter (the sender reset): the fragment spoils the next frame only.
      FrameDecoder e;
      stream.assign(good.begin(), good.begin() + long(cut));
      append(stream, good);
      append(stream, good);
      c = feedAll(e, stream);
      QCOMPARE(c.frames.size(), std::size_t(1));
      QVERIFY(bytesBalance(e));
    }
  }

  void flippedBitIsACrcErrorAndNeverDelivered() {
    const Bytes good = frameBytes(MessageType::Command, 9, commandPayload(0x01020304));
    {
      // Byte 8 is payload data (0x04 -> 0x05): the structure survives, the CRC does not.
      FrameDecoder d;
      Bytes bad = good;
      QCOMPARE(bad[8], std::uint8_t(0x04));
      bad[8] ^= 0x01;
      append(bad, good);
      const Collected c = feedAll(d, bad);
      QCOMPARE(c.frames.size(), std::size_t(1));
      QCOMPARE(d.stats().crcErrors, 1u);
    }
    // Every single-bit error anywhere: never delivered, and the next frame always is.
    for (std::size_t i = 0; i < good.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        Bytes bad = good;
        bad[i] = std::uint8_t(bad[i] ^ (1u << bit));
        bad.push_back(0x00);
        append(bad, good);
        FrameDecoder d;
        const Collected c = feedAll(d, bad);
        QCOMPARE(c.frames.size(), std::size_t(1));
        QCOMPARE(c.frames[0].seq, std::uint16_t(9));
        QVERIFY(bytesBalance(d));
      }
    }
  }

  void oversizeFrameIsSkippedToTheDelimiter() {
    FrameDecoder d;
    Bytes raw = {kProtocolVersion, std::uint8_t(MessageType::Samples), 0, 0, 0x4C, 0x04};
    append(raw, Bytes(1100, 0x33));  // length field 1100: beyond kMaxPayload
    Bytes stream = handFrame(raw);
    append(stream, frameBytes(MessageType::Command, 1, commandPayload(1)));
    Collected c = feedAll(d, stream);
    QCOMPARE(c.frames.size(), std::size_t(1));
    QCOMPARE(d.stats().oversize, 1u);
    QVERIFY(bytesBalance(d));

    // An endless run without delimiter: one oversize, then everything is discarded.
    FrameDecoder e;
    Bytes flood(20000, 0x7F);
    feedAll(e, flood);
    QVERIFY(e.discarding());
    QCOMPARE(e.stats().oversize, 1u);
    QCOMPARE(e.pendingBytes(), std::size_t(0));
    QVERIFY(bytesBalance(e));
    c = feedAll(e, Bytes{0x00});
    QVERIFY(!e.discarding());
    c = feedAll(e, frameBytes(MessageType::Command, 4, commandPayload(4)));
    QCOMPARE(c.frames.size(), std::size_t(1));

    // The largest legal decoded size is accepted, one byte more is not.
    Bytes maxRaw = {kProtocolVersion, 3, 0, 0, 0x00, 0x04};
    append(maxRaw, Bytes(kMaxPayload, 0x44));
    FrameDecoder f;
    QCOMPARE(feedAll(f, handFrame(maxRaw)).frames.size(), std::size_t(1));
    maxRaw[4] = 0x01;
    maxRaw.push_back(0x44);
    QCOMPARE(feedAll(f, handFrame(maxRaw)).frames.size(), std::size_t(0));
    QCOMPARE(f.stats().oversize, 1u);
  }

  void malformedAndForeignVersions() {
    FrameDecoder d;
    // Valid CRC but a length field that disagrees with the bytes.
    feedAll(d, handFrame({kProtocolVersion, 5, 0, 0, 9, 0, 0x0C}));
    // Shorter than a header and a CRC.
    feedAll(d, Bytes{0x03, 0x11, 0x22, 0x00});
    QCOMPARE(d.stats().malformed, 2u);
    // An older (1, no longer spoken) or newer version of a type whose layout may change:
    // dropped and counted.
    Collected c = feedAll(d, frameBytes(MessageType::Command, 1, commandPayload(1), 1));
    QCOMPARE(c.frames.size(), std::size_t(0));
    const auto newer = std::uint8_t(kProtocolVersion + 1);
    c = feedAll(d, frameBytes(MessageType::Status, 1, commandPayload(1), newer));
    QCOMPARE(c.frames.size(), std::size_t(0));
    QCOMPARE(d.stats().versionMismatches, 2u);
    // A foreign version of a version-stable type: delivered, flagged by its version.
    HelloRequest hr;
    hr.version = newer;
    hr.minVersion = newer;
    Bytes payload(8);
    payload.resize(hr.encode(payload.data(), payload.size()));
    c = feedAll(d, frameBytes(MessageType::HelloRequest, 1, payload, newer));
    QCOMPARE(c.frames.size(), std::size_t(1));
    QCOMPARE(c.frames[0].version, newer);
    hr.version = 1;
    hr.minVersion = 1;
    payload.resize(8);
    payload.resize(hr.encode(payload.data(), payload.size()));
    c = feedAll(d, frameBytes(MessageType::HelloRequest, 2, payload, 1));
    QCOMPARE(c.frames.size(), std::size_t(1));
    QCOMPARE(c.frames[0].version, std::uint8_t(1));
    QCOMPARE(d.stats().versionMismatches, 4u);
    QCOMPARE(d.stats().framesOk, 0u);
    // The older version still spoken (2): any type is delivered, with its version.
    c = feedAll(d, frameBytes(MessageType::Command, 3, commandPayload(1), kMinProtocolVersion));
    QCOMPARE(c.frames.size(), std::size_t(1));
    QCOMPARE(c.frames[0].version, kMinProtocolVersion);
    QCOMPARE(d.stats().versionMismatches, 4u);
    QCOMPARE(d.stats().framesOk, 1u);
    QVERIFY(bytesBalance(d));
  }

  void splitFeedsDecodeTheSame() {
    Bytes stream;
    std::vector<Bytes> payloads;
    for (std::uint16_t i = 0; i < 40; ++i) {
      Bytes p = run(std::size_t(i) * 25, std::uint8_t(i), 3);
      append(stream, frameBytes(MessageType::Samples, i, p));
      payloads.push_back(p);
      if (i % 7 == 0) stream.push_back(0x00);
    }
    FrameDecoder whole;
    const Collected reference = feedAll(whole, stream);
    QCOMPARE(reference.payloads, payloads);
    // Byte by byte through push(), and in chunks of every size from 1 to 97.
    FrameDecoder bytewise;
    std::vector<Bytes> got;
    for (std::uint8_t b : stream)
      if (bytewise.push(b) == DecodeEvent::Frame)
        got.emplace_back(bytewise.frame().payload, bytewise.frame().payload + bytewise.frame().length);
    QCOMPARE(got, payloads);
    for (std::size_t chunk = 1; chunk < 98; ++chunk) {
      FrameDecoder d;
      Collected c;
      for (std::size_t at = 0; at < stream.size(); at += chunk)
        d.feed(stream.data() + at, std::min(chunk, stream.size() - at), collect, &c);
      QCOMPARE(c.payloads, payloads);
      QCOMPARE(d.stats().bytesAccepted, whole.stats().bytesAccepted);
    }
  }

  void feedWithoutHandlerStillCounts() {
    FrameDecoder d;
    const Bytes f = frameBytes(MessageType::Command, 1, commandPayload(1));
    QCOMPARE(d.feed(f.data(), f.size(), nullptr, nullptr), std::size_t(1));
    QCOMPARE(d.feed(nullptr, 10, nullptr, nullptr), std::size_t(0));
    // reset() drops a frame in progress.
    d.feed(f.data(), 5, nullptr, nullptr);
    QCOMPARE(d.pendingBytes(), std::size_t(5));
    d.reset();
    QCOMPARE(d.pendingBytes(), std::size_t(0));
    QVERIFY(bytesBalance(d));
    QCOMPARE(d.feed(f.data(), f.size(), nullptr, nullptr), std::size_t(1));
    d.resetStats();
    QCOMPARE(d.stats().framesOk, 0u);
  }
};

QTEST_GUILESS_MAIN(TestFraming)
#include "test_framing.moc"
