// Messages: exact layouts and sizes, round trips through frames for every message and every
// command, and strict rejection of short/long payloads, bad enums, ranges and strings.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

#include "core/protocol/frame.h"
#include "core/protocol/messages.h"
#include "fixtures.h"

using namespace dlm::protocol;
using fixtures::Bytes;

namespace {

template <typename M>
Bytes payloadOf(const M& m) {
  Bytes p(kMaxPayload + 16);
  p.resize(m.encode(p.data(), p.size()));
  return p;
}

template <typename M>
bool decodes(const Bytes& p) {
  M m;
  return M::decode(p.data(), p.size(), m);
}

// Sends \p m through encodeMessage -> FrameDecoder -> decodeMessage and returns the copy.
template <typename M>
bool throughFrame(const M& m, std::uint16_t seq, M& out) {
  Bytes wire(kMaxWireFrame);
  wire.resize(encodeMessage(m, seq, wire.data(), wire.size()));
  if (wire.empty()) return false;
  FrameDecoder d;
  bool got = false;
  for (std::uint8_t b : wire)
    if (d.push(b) == DecodeEvent::Frame)
      got = d.frame().seq == seq && decodeMessage(d.frame(), out);
  return got;
}

template <typename M>
void checkRoundTrip(const M& m, std::uint16_t seq) {
  const Bytes p = payloadOf(m);
  QVERIFY2(!p.empty(), "valid message failed to encode");
  M back;
  QVERIFY(M::decode(p.data(), p.size(), back));
  std::string field;
  QVERIFY2(fixtures::equal(m, back, field), field.c_str());
  M framed;
  QVERIFY(throughFrame(m, seq, framed));
  QVERIFY2(fixtures::equal(m, framed, field), field.c_str());
  // Every prefix is too short, and any extra byte too long (for exact-length layouts).
  for (std::size_t n = 0; n < p.size(); ++n) {
    M x;
    QVERIFY2(!M::decode(p.data(), n, x), "accepted a truncated payload");
  }
  Bytes longer = p;
  longer.push_back(0);
  QVERIFY2(!decodes<M>(longer), "accepted a payload with an extra byte");
  // Encoding never writes past a too small buffer.
  for (std::size_t cap = 0; cap < p.size(); ++cap) {
    Bytes small(cap + 4, 0xEE);
    QCOMPARE(m.encode(small.data(), cap), std::size_t(0));
    for (std::size_t i = cap; i < small.size(); ++i) QCOMPARE(small[i], std::uint8_t(0xEE));
  }
}

Hello sampleHello() {
  Hello h;
  std::strcpy(h.boardName, "virtual-board");
  std::strcpy(h.firmwareVersion, "0.3.1");
  std::strcpy(h.coreVersion, "0.1.0");
  h.capacity = {256, 64, 3, 16, 1024};
  h.sampleRateHz = 1000;
  h.channels = 3;
  h.descriptorDims = 58;
  h.modelCrc = 0xDEADBEEF;
  h.modelBytes = 70000;
  h.neurons = 140;
  h.depth = 2;
  return h;
}

BoardStatus sampleStatus() {
  BoardStatus s;
  s.modelCrc = 0x12345678;
  s.modelBytes = 4096;
  s.neurons = 31;
  s.depth = 1;
  s.freeNeurons = 225;
  s.eventsLearned = 77;
  s.lastLearnUs = 1500;
  s.lastPredictUs = 90;
  s.framesOk = 1000;
  s.frameErrors = 2;
  s.uptimeMs = 3600000;
  s.trigger = {0.25f, 100, 200, 50, 2000};
  s.rejectionThreshold = 0.05f;
  return s;
}

Event sampleEvent() {
  Event e;
  e.eventId = 12;
  e.startSample = 48000;
  e.frames = 700;
  e.predictedClass = -1;
  e.bestClass = 2;
  e.confidence = 0.5f;
  e.knownScore = -0.125f;
  e.flags = kEventLearned | kEventHasLabel;
  e.label = 4;
  e.dims = 58;
  for (int i = 0; i < 58; ++i) e.descriptor[i] = float(i) * 0.01f - 0.2f;
  e.requestedGesture = 5;  // figure-eight, asked for
  return e;
}

} // namespace

class TestMessages : public QObject {
  Q_OBJECT
private slots:
  void documentedSizes() {
    QCOMPARE(payloadOf(HelloRequest()).size(), std::size_t(2));
    QCOMPARE(payloadOf(sampleHello()).size(), std::size_t(122));
    QCOMPARE(payloadOf(sampleStatus()).size(), std::size_t(53));
    QCOMPARE(payloadOf(sampleEvent()).size(), std::size_t(28 + 4 * 58));
    QCOMPARE(payloadOf(Ack()).size(), std::size_t(8));
    Samples s;
    s.channels = 3;
    s.frames = 32;
    QCOMPARE(payloadOf(s).size(), std::size_t(6 + 2 * 96));
    s.frames = std::uint8_t(kMaxSampleValues / 3);
    QVERIFY(payloadOf(s).size() <= kMaxPayload);
    Log l;
    std::strcpy(l.text, "hello");
    QCOMPARE(payloadOf(l), (Bytes{1, 5, 'h', 'e', 'l', 'l', 'o'}));
    Ack a;
    a.seq = 0x0102;
    a.commandId = CommandId::ModelChunk;
    a.code = AckCode::OutOfOrder;
    a.value = 0x0A0B0C0D;
    QCOMPARE(payloadOf(a), (Bytes{0x02, 0x01, 7, 4, 0x0D, 0x0C, 0x0B, 0x0A}));
    Command c;
    c.id = CommandId::SetTrigger;
    c.args.setTrigger = {1.0f, 1, 2, 3, 4};  // 1.0f = 0x3F800000
    QCOMPARE(payloadOf(c), (Bytes{1, 0x00, 0x00, 0x80, 0x3F, 1, 0, 2, 0, 3, 0, 4, 0}));
    c.id = CommandId::SetRejection;
    c.args.rejectionShare = 0.25f;  // 0x3E800000
    QCOMPARE(payloadOf(c), (Bytes{14, 0x00, 0x00, 0x80, 0x3E}));
    // Status ends with the rejection threshold: 0.05f = 0x3D4CCCCD at offset 49.
    const Bytes status = payloadOf(sampleStatus());
    QCOMPARE(Bytes(status.begin() + 49, status.end()), (Bytes{0xCD, 0xCC, 0x4C, 0x3D}));
  }

  void everyMessageRoundTrips() {
    checkRoundTrip(HelloRequest(), 1);
    checkRoundTrip(sampleHello(), 2);
    checkRoundTrip(sampleEvent(), 3);
    checkRoundTrip(sampleStatus(), 4);
    Samples s;
    s.firstSample = 0xFFFFFFF0;
    s.channels = 3;
    s.frames = 169;  // 507 values: the largest multiple of 3 that fits
    for (int i = 0; i < 507; ++i) s.data[i] = std::int16_t(i * 129 - 32768);
    checkRoundTrip(s, 5);
    Ack a;
    a.seq = 65535;
    a.commandId = CommandId(200);  // an unknown command is echoed as received
    a.code = AckCode::UnknownCommand;
    checkRoundTrip(a, 6);
    ModelData md;
    md.offset = 1024;
    md.totalBytes = 1536;
    md.crc = 0xCAFEF00D;
    md.length = 512;
    for (int i = 0; i < 512; ++i) md.data[i] = std::uint8_t(i);
    {
      // ModelData carries its data length implicitly: only the checks that apply.
      const Bytes p = payloadOf(md);
      QCOMPARE(p.size(), std::size_t(12 + 512));
      ModelData back;
      QVERIFY(ModelData::decode(p.data(), p.size(), back));
      std::string field;
      QVERIFY2(fixtures::equal(md, back, field), field.c_str());
      QVERIFY(throughFrame(md, 7, back));
      QVERIFY2(fixtures::equal(md, back, field), field.c_str());
    }
    Log l;
    l.level = LogLevel::Error;
    std::memset(l.text, 'x', kMaxLogText);
    checkRoundTrip(l, 8);
    for (int level = 0; level < 4; ++level) {
      l.level = LogLevel(level);
      std::strcpy(l.text, "");
      checkRoundTrip(l, 9);
    }
  }

  void everyCommandRoundTrips() {
    fixtures::Random r(42);
    int seen[16] = {};
    for (int i = 0; i < 400; ++i) {
      const Command c = fixtures::randomCommand(r);
      ++seen[int(c.id)];
      if (c.id == CommandId::ModelChunk) {
        const Bytes p = payloadOf(c);
        QCOMPARE(p.size(), std::size_t(5) + c.args.modelChunk.length);
        Command back;
        QVERIFY(Command::decode(p.data(), p.size(), back));
        std::string field;
        QVERIFY2(fixtures::equal(c, back, field), field.c_str());
        QVERIFY(throughFrame(c, std::uint16_t(i), back));
        QVERIFY2(fixtures::equal(c, back, field), field.c_str());
      } else {
        checkRoundTrip(c, std::uint16_t(i));
      }
      if (QTest::currentTestFailed()) return;
    }
    for (int id = 1; id <= 15; ++id) QVERIFY2(seen[id] > 0, "a command id was never generated");
    // Commands without arguments are a single byte.
    for (CommandId id : {CommandId::GetStatus, CommandId::ModelPullBegin, CommandId::Heartbeat,
                         CommandId::Reset}) {
      Command c;
      c.id = id;
      QCOMPARE(payloadOf(c), Bytes{std::uint8_t(id)});
    }
  }

  void rejectsBadEnums() {
    Bytes p = payloadOf(Ack());
    p[3] = 10;  // AckCode beyond InternalError
    QVERIFY(!decodes<Ack>(p));
    Log l;
    p = payloadOf(l);
    p[0] = 4;  // LogLevel beyond Error
    QVERIFY(!decodes<Log>(p));
    l.level = LogLevel(4);
    QCOMPARE(l.encode(p.data(), p.size()), std::size_t(0));
    for (int id : {0, 16, 255}) QVERIFY(!decodes<Command>(Bytes{std::uint8_t(id)}));
    Command c;
    c.id = CommandId::None;
    QCOMPARE(payloadOf(c).size(), std::size_t(0));
    p = payloadOf(sampleEvent());
    p[22] = 0x04;  // flags: an undefined bit
    QVERIFY(!decodes<Event>(p));
  }

  void rejectsOutOfRangeHelloAndSamples() {
    auto bad = [](auto m) { return payloadOf(m).empty(); };
    HelloRequest hr;
    hr.minVersion = 0;
    QVERIFY(bad(hr));
    QVERIFY(!decodes<HelloRequest>(Bytes{1, 0}));
    QVERIFY(!decodes<HelloRequest>(Bytes{1, 2}));  // lowest above highest
    Hello h = sampleHello();
    h.channels = 0;
    QVERIFY(bad(h));
    h = sampleHello();
    h.channels = kMaxChannels + 1;
    QVERIFY(bad(h));
    h = sampleHello();
    h.descriptorDims = 65;
    QVERIFY(bad(h));
    h = sampleHello();
    h.depth = 4;
    QVERIFY(bad(h));
    h = sampleHello();
    h.sampleRateHz = 0;
    QVERIFY(bad(h));

    Samples s;
    s.channels = 3;
    s.frames = 0;
    QVERIFY(bad(s));
    s.frames = 170;  // 510 values > kMaxSampleValues
    QVERIFY(bad(s));
    QVERIFY(!decodes<Samples>(Bytes{0, 0, 0, 0, 0, 1}));         // 0 channels
    QVERIFY(!decodes<Samples>(Bytes{0, 0, 0, 0, 17, 1}));        // too many channels
    QVERIFY(!decodes<Samples>(Bytes{0, 0, 0, 0, 2, 255}));       // 510 values claimed
    QVERIFY(!decodes<Samples>(Bytes{0, 0, 0, 0, 1, 2, 7, 0}));   // 2 frames, 1 sent
  }

  void rejectsOutOfRangeEventStatusAndData() {
    auto bad = [](auto m) { return payloadOf(m).empty(); };
    Event e = sampleEvent();
    e.dims = 65;
    QVERIFY(bad(e));
    e = sampleEvent();
    e.confidence = 1.5f;
    QVERIFY(bad(e));
    e = sampleEvent();
    e.descriptor[3] = std::numeric_limits<float>::quiet_NaN();
    QVERIFY(bad(e));
    e = sampleEvent();
    e.knownScore = std::numeric_limits<float>::infinity();
    QVERIFY(bad(e));
    e = sampleEvent();
    e.flags = kEventLearned;  // no label flag but a label
    QVERIFY(bad(e));
    e = sampleEvent();
    e.predictedClass = -2;
    QVERIFY(bad(e));
    e = sampleEvent();
    e.frames = 0;
    QVERIFY(bad(e));
    Bytes p = payloadOf(sampleEvent());
    p[22] = 0;  // clears the label flag while the label stays 4
    QVERIFY(!decodes<Event>(p));
    p = payloadOf(sampleEvent());
    p[27 + 4 * 5 + 3] = 0x7F;  // descriptor[5] -> 0x7F...: NaN or infinity
    p[27 + 4 * 5 + 2] = 0xC0;
    QVERIFY(!decodes<Event>(p));

    BoardStatus st = sampleStatus();
    st.trigger.minFrames = 0;
    QVERIFY(bad(st));
    st.trigger = {1.0f, 0, 0, 10, 9};  // min > max
    QVERIFY(bad(st));
    st.trigger = {-1.0f, 0, 0, 1, 9};
    QVERIFY(bad(st));

    ModelData md;
    md.totalBytes = 100;
    md.offset = 90;
    md.length = 11;  // runs past the end
    QVERIFY(bad(md));
    md.offset = 0xFFFFFFFF;  // offset + length would wrap
    md.length = 2;
    QVERIFY(bad(md));
    md.offset = 0;
    md.length = 0;
    QVERIFY(bad(md));
    QVERIFY(!decodes<ModelData>(Bytes(12 + 513, 1)));
  }

  void rejectsBadCommandArguments() {
    auto bad = [](const Command& c) { return payloadOf(c).empty(); };
    Command c;
    c.id = CommandId::SetTrigger;
    c.args.setTrigger = {std::numeric_limits<float>::quiet_NaN(), 0, 0, 1, 2};
    QVERIFY(bad(c));
    c.id = CommandId::ModelPushBegin;
    c.args.modelPushBegin = {0, 1};
    QVERIFY(bad(c));
    c.id = CommandId::ModelChunk;
    c.args.modelChunk.length = 0;
    QVERIFY(bad(c));
    c.args.modelChunk.length = kMaxModelChunk + 1;
    QVERIFY(bad(c));
    c.id = CommandId::ModelPullChunk;
    c.args.modelPullChunk = {0, 0};
    QVERIFY(bad(c));
    QVERIFY(!decodes<Command>(Bytes{10, 0, 0, 0, 0, 0x01, 0x02}));  // pull 513 bytes
    c.id = CommandId::InjectSamples;
    c.args.injectSamples.channels = 2;
    c.args.injectSamples.frames = 0;
    QVERIFY(bad(c));
    QVERIFY(!decodes<Command>(Bytes{11, 1, 2, 5, 0}));  // 2 frames announced, 1 sent
    QVERIFY(!decodes<Command>(Bytes{7, 0, 0, 0, 0}));   // a chunk without data
    Bytes chunk(5 + kMaxModelChunk + 1, 1);
    chunk[0] = 7;
    QVERIFY(!decodes<Command>(chunk));                  // a chunk of 513 bytes
    QVERIFY(!decodes<Command>(Bytes{}));
  }

  void rejectionShareIsCheckedBothWays() {
    // Every share in [0, 1] goes through, the bounds included.
    for (float share : {0.0f, 0.05f, 0.5f, 0.999f, 1.0f}) {
      Command c;
      c.id = CommandId::SetRejection;
      c.args.rejectionShare = share;
      checkRoundTrip(c, 3);
      QCOMPARE(payloadOf(c).size(), std::size_t(5));
      BoardStatus st = sampleStatus();
      st.rejectionThreshold = share;
      checkRoundTrip(st, 4);
      if (QTest::currentTestFailed()) return;
    }
    // NaN, infinities and shares outside [0, 1] are refused by the encoder and the decoder.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    for (float share : {nan, inf, -inf, -0.001f, std::nextafter(1.0f, 2.0f), 2.0f, -1.0f}) {
      Command c;
      c.id = CommandId::SetRejection;
      c.args.rejectionShare = share;
      QVERIFY(payloadOf(c).empty());
      BoardStatus st = sampleStatus();
      st.rejectionThreshold = share;
      QVERIFY(payloadOf(st).empty());
      std::uint32_t bits = 0;
      std::memcpy(&bits, &share, sizeof bits);
      const Bytes wire{14, std::uint8_t(bits), std::uint8_t(bits >> 8), std::uint8_t(bits >> 16),
                       std::uint8_t(bits >> 24)};
      QVERIFY2(!decodes<Command>(wire), qPrintable(QString::number(double(share))));
      Bytes p = payloadOf(sampleStatus());
      for (int i = 0; i < 4; ++i) p[49 + std::size_t(i)] = wire[1 + std::size_t(i)];
      QVERIFY2(!decodes<BoardStatus>(p), qPrintable(QString::number(double(share))));
    }
    // The share is exactly 4 bytes.
    QVERIFY(!decodes<Command>(Bytes{14}));
    QVERIFY(!decodes<Command>(Bytes{14, 0, 0, 0}));
    QVERIFY(!decodes<Command>(Bytes{14, 0, 0, 0, 0, 0}));
    QVERIFY(decodes<Command>(Bytes{14, 0, 0, 0, 0}));
  }

  void eventRequestedGestureFollowsTheVersion() {
    // Version 3: one byte after the descriptor, any value; 0xFF is "none".
    for (std::uint8_t g : {std::uint8_t(0), std::uint8_t(4), std::uint8_t(6), std::uint8_t(254),
                           kNoGesture}) {
      Event e = sampleEvent();
      e.requestedGesture = g;
      checkRoundTrip(e, 11);
      const Bytes p = payloadOf(e);
      QCOMPARE(p.back(), g);
      if (QTest::currentTestFailed()) return;
    }
    // Version 2: no such byte. The board leaves it out; the studio reads "none".
    Event e = sampleEvent();
    Bytes v2(kMaxPayload);
    v2.resize(e.encode(v2.data(), v2.size(), 2));
    QCOMPARE(v2.size(), std::size_t(27 + 4 * 58));
    const Bytes v3 = payloadOf(e);
    QCOMPARE(Bytes(v3.begin(), v3.end() - 1), v2);  // the same bytes but the last
    Event back;
    back.requestedGesture = 3;
    QVERIFY(Event::decode(v2.data(), v2.size(), back, 2));
    QCOMPARE(back.requestedGesture, kNoGesture);
    QCOMPARE(back.descriptor[57], e.descriptor[57]);
    // Each layout is exact in its own version: one byte short or long is refused.
    QVERIFY(!Event::decode(v2.data(), v2.size(), back, 3));
    QVERIFY(!Event::decode(v3.data(), v3.size(), back, 2));
    Bytes longer = v3;
    longer.push_back(0);
    QVERIFY(!Event::decode(longer.data(), longer.size(), back, 3));
    // Versions outside the spoken range neither encode nor decode.
    Bytes out(kMaxPayload);
    for (std::uint8_t version : {std::uint8_t(1), std::uint8_t(kProtocolVersion + 1)}) {
      QCOMPARE(e.encode(out.data(), out.size(), version), std::size_t(0));
      QVERIFY(!Event::decode(v3.data(), v3.size(), back, version));
    }
    // Version 4 left Event as it was in 3.
    Bytes v4(kMaxPayload);
    v4.resize(e.encode(v4.data(), v4.size(), 4));
    QCOMPARE(v4, v3);
    // decodeMessage and encodeMessage use the frame's version.
    for (std::uint8_t version : {std::uint8_t(2), std::uint8_t(3), std::uint8_t(4)}) {
      Bytes wire(kMaxWireFrame);
      wire.resize(encodeMessage(e, 9, wire.data(), wire.size(), version));
      FrameDecoder d;
      bool got = false;
      for (std::uint8_t b : wire)
        if (d.push(b) == DecodeEvent::Frame) {
          QCOMPARE(d.frame().version, version);
          got = decodeMessage(d.frame(), back);
        }
      QVERIFY(got);
      QCOMPARE(back.requestedGesture, version >= 3 ? e.requestedGesture : kNoGesture);
    }
  }

  void spontaneousRateIsCheckedBothWays() {
    for (float rate : {0.0f, 0.5f, 12.0f, kMaxSpontaneousRate}) {
      Command c;
      c.id = CommandId::SetSpontaneousGestures;
      c.args.spontaneousRate = rate;
      checkRoundTrip(c, 5);
      QCOMPARE(payloadOf(c).size(), std::size_t(5));
      QCOMPARE(payloadOf(c)[0], std::uint8_t(15));
      if (QTest::currentTestFailed()) return;
    }
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    for (float rate : {nan, inf, -inf, -0.001f, std::nextafter(kMaxSpontaneousRate, 1e9f),
                       -1.0f, 1e9f}) {
      Command c;
      c.id = CommandId::SetSpontaneousGestures;
      c.args.spontaneousRate = rate;
      QVERIFY(payloadOf(c).empty());
      std::uint32_t bits = 0;
      std::memcpy(&bits, &rate, sizeof bits);
      const Bytes wire{15, std::uint8_t(bits), std::uint8_t(bits >> 8), std::uint8_t(bits >> 16),
                       std::uint8_t(bits >> 24)};
      QVERIFY2(!decodes<Command>(wire), qPrintable(QString::number(double(rate))));
    }
    // The rate is exactly 4 bytes; the id after it is unknown.
    QVERIFY(!decodes<Command>(Bytes{15}));
    QVERIFY(!decodes<Command>(Bytes{15, 0, 0, 0}));
    QVERIFY(!decodes<Command>(Bytes{15, 0, 0, 0, 0, 0}));
    QVERIFY(decodes<Command>(Bytes{15, 0, 0, 0, 0}));
    QVERIFY(!decodes<Command>(Bytes{16, 0, 0, 0, 0}));
    QVERIFY(isValidCommandId(15) && !isValidCommandId(16));
  }

  void stringsMustBeTerminatedAndPadded() {
    Hello h = sampleHello();
    std::memset(h.boardName, 'A', sizeof h.boardName);  // no terminator
    QVERIFY(payloadOf(h).empty());
    h = sampleHello();
    std::memset(h.boardName, 'A', sizeof h.boardName - 1);  // 23 characters: the maximum
    QVERIFY(!payloadOf(h).empty());

    const Bytes good = payloadOf(sampleHello());
    Bytes p = good;
    for (std::size_t i = 2; i < 2 + kBoardNameSize; ++i) p[i] = 'B';
    QVERIFY(!decodes<Hello>(p));  // board name without NUL
    p = good;
    p[2 + kBoardNameSize - 1] = 'Z';  // a byte after the terminator
    QVERIFY(!decodes<Hello>(p));
    p = good;
    p[2 + kBoardNameSize + kVersionTextSize - 1] = 'Z';  // firmware version
    QVERIFY(!decodes<Hello>(p));
    p = good;
    p[2 + kBoardNameSize + 2 * kVersionTextSize - 1] = 'Z';  // core version
    QVERIFY(!decodes<Hello>(p));

    QVERIFY(!decodes<Log>(Bytes{1, 3, 'a', 0, 'b'}));  // NUL inside the text
    Bytes longLog(2 + kMaxLogText + 1, 'x');
    longLog[0] = 1;
    longLog[1] = std::uint8_t(kMaxLogText + 1);
    QVERIFY(!decodes<Log>(longLog));
    QVERIFY(!decodes<Log>(Bytes{1, 3, 'a', 'b'}));  // length says 3, 2 sent
    Log l;
    std::memset(l.text, 'x', sizeof l.text);  // unterminated
    QVERIFY(payloadOf(l).empty());
  }

  void handshakeVersionsReadAnyVersion() {
    // A future Hello is longer, but its first two bytes keep their meaning.
    Bytes future = payloadOf(sampleHello());
    future[0] = 7;
    future[1] = 5;
    future.resize(future.size() + 40, 0xAB);
    std::uint8_t version = 0;
    std::uint8_t minVersion = 0;
    QVERIFY(decodeHandshakeVersions(future.data(), future.size(), version, minVersion));
    QCOMPARE(version, std::uint8_t(7));
    QCOMPARE(minVersion, std::uint8_t(5));
    QVERIFY(!decodes<Hello>(future));
    QVERIFY(!decodeHandshakeVersions(future.data(), 1, version, minVersion));
    const Bytes inverted{2, 3};
    QVERIFY(!decodeHandshakeVersions(inverted.data(), inverted.size(), version, minVersion));
  }

  void decodeMessageChecksTheType() {
    const Bytes p = payloadOf(Ack());
    FrameView f;
    f.type = MessageType::Log;
    f.payload = p.data();
    f.length = std::uint16_t(p.size());
    Ack a;
    QVERIFY(!decodeMessage(f, a));
    f.type = MessageType::Ack;
    QVERIFY(decodeMessage(f, a));
    QVERIFY(isValidMessageType(9) && !isValidMessageType(0) && !isValidMessageType(10));
    QCOMPARE(QString(ackCodeText(AckCode::OutOfOrder)), QString("out of order"));
    QCOMPARE(QString(ackCodeText(AckCode(99))), QString("unknown ack code"));
  }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "test_messages.moc"
