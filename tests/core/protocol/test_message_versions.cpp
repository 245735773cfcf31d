// Layouts that differ between the protocol versions spoken (docs/protocol.md §5.4): Hello's
// modelCapacity (version 4) and front-end block (version 5). Event's requestedGesture (version 3) is in test_messages.cpp.
#include <QtTest>

#include <cstring>

#include "core/protocol/frame.h"
#include "core/protocol/messages.h"
#include "fixtures.h"

using namespace dlm::protocol;
using fixtures::Bytes;

namespace {

Hello sampleHello() {
  Hello h;
  std::strcpy(h.boardName, "nucleo-f446re");
  std::strcpy(h.firmwareVersion, "0.1.0");
  std::strcpy(h.coreVersion, "0.1.0");
  h.capacity = {128, 64, 4, 12, 0, 4};
  h.sampleRateHz = 1000;
  h.channels = 3;
  h.descriptorDims = 58;
  h.modelCrc = 0x01020304;
  h.modelBytes = 4000;
  h.neurons = 20;
  h.depth = 1;
  h.modelCapacity = 147424;
  return h;
}

Bytes encodeIn(const Hello& h, std::uint8_t version) {
  Bytes p(kMaxPayload);
  p.resize(h.encode(p.data(), p.size(), version));
  return p;
}

// The Hello that encodeMessage -> FrameDecoder -> decodeMessage delivers in \p version.
bool throughFrame(const Hello& h, std::uint8_t version, Hello& out) {
  Bytes wire(kMaxWireFrame);
  wire.resize(encodeMessage(h, 5, wire.data(), wire.size(), version));
  FrameDecoder d;
  bool got = false;
  for (std::uint8_t b : wire)
    if (d.push(b) == DecodeEvent::Frame) got = d.frame().version == version &&
                                               decodeMessage(d.frame(), out);
  return got;
}

} // namespace

class TestMessageVersions : public QObject {
  Q_OBJECT
private slots:
  void helloCarriesModelCapacityFromVersion4() {
    const Hello h = sampleHello();
    const Bytes v4 = encodeIn(h, 4);
    QCOMPARE(v4.size(), std::size_t(90));
    QCOMPARE(Bytes(v4.end() - 4, v4.end()), (Bytes{0xE0, 0x3F, 0x02, 0x00}));  // LE 147424
    Hello back;
    QVERIFY(Hello::decode(v4.data(), v4.size(), back, 4));
    std::string field;
    QVERIFY2(fixtures::equal(h, back, field), field.c_str());
    QVERIFY(throughFrame(h, 4, back));
    QCOMPARE(back.modelCapacity, h.modelCapacity);
  }

  void olderVersionsHaveNoModelCapacity() {
    const Hello h = sampleHello();
    const Bytes v4 = encodeIn(h, 4);
    for (std::uint8_t version : {std::uint8_t(2), std::uint8_t(3)}) {
      const Bytes old = encodeIn(h, version);
      QCOMPARE(old.size(), std::size_t(86));
      QCOMPARE(Bytes(v4.begin(), v4.end() - 4), old);  // the same bytes but the last four
      Hello back;
      back.modelCapacity = 99;
      QVERIFY(Hello::decode(old.data(), old.size(), back, version));
      QCOMPARE(back.modelCapacity, std::uint32_t(0));
      QCOMPARE(back.capacity.maxDeepNeurons, h.capacity.maxDeepNeurons);
      // Each layout is exact in its own version.
      QVERIFY(!Hello::decode(v4.data(), v4.size(), back, version));
      QVERIFY(!Hello::decode(old.data(), old.size(), back, 4));
      // decodeMessage reads the layout of the frame's version.
      back.modelCapacity = 99;
      QVERIFY(throughFrame(h, version, back));
      QCOMPARE(back.modelCapacity, std::uint32_t(0));
      QCOMPARE(back.depth, h.depth);
    }
  }

  void helloNamesItsFrontEndFromVersion5() {
    Hello h = sampleHello();
    const Bytes v4 = encodeIn(h, 4);
    const Bytes motion = encodeIn(h, 5);
    QCOMPARE(motion.size(), std::size_t(122));
    QCOMPARE(Bytes(motion.begin(), motion.begin() + 90), v4);  // version 4 then the block
    QCOMPARE(int(motion[90]), 0);                              // kind: motion
    QCOMPARE(int(motion[91]), 3);                              // its channels
    // A microphone board: the sound preset, 1 channel at 16 kHz, 62 dims.
    h.channels = 1;
    h.sampleRateHz = 16000;
    h.frontEnd = dlm::spectralFrontEnd(dlm::soundSpectral());
    h.descriptorDims = h.frontEnd.dims();
    h.minVersion = kFrontEndProtocolVersion;
    const Bytes sound = encodeIn(h, 5);
    QCOMPARE(sound.size(), std::size_t(122));
    QCOMPARE(int(sound[90]), 1);  // kind: spectral
    Hello back;
    QVERIFY(Hello::decode(sound.data(), sound.size(), back, 5));
    std::string field;
    QVERIFY2(fixtures::equal(h, back, field), field.c_str());
    QVERIFY(throughFrame(h, 5, back));
    QCOMPARE(back.frontEnd.kind, dlm::FrontEndKind::Spectral);
    QCOMPARE(int(back.frontEnd.spectral.bands), 10);
    // The block must be the one that makes these descriptors: dims, channels and rate agree.
    Hello wrong = h;
    wrong.descriptorDims = 58;
    QVERIFY(encodeIn(wrong, 5).empty());
    wrong = h;
    wrong.sampleRateHz = 8000;
    QVERIFY(encodeIn(wrong, 5).empty());
    Bytes damaged = sound;
    damaged[92] = 7;  // an unknown band scale
    QVERIFY(!Hello::decode(damaged.data(), damaged.size(), back, 5));
    // Read before version 5, a Hello says nothing of its front-end: motion of its channels.
    const Bytes old = encodeIn(sampleHello(), 4);
    QVERIFY(Hello::decode(old.data(), old.size(), back, 4));
    QVERIFY(dlm::sameFrontEnd(back.frontEnd, dlm::motionFrontEnd(3)));
    QVERIFY(!Hello::decode(old.data(), old.size(), back, 5));
  }

  void versionsOutsideTheRangeNeitherEncodeNorDecode() {
    const Hello h = sampleHello();
    const Bytes v4 = encodeIn(h, 4);
    for (std::uint8_t version : {std::uint8_t(1), std::uint8_t(kProtocolVersion + 1)}) {
      QVERIFY(encodeIn(h, version).empty());
      Hello back;
      QVERIFY(!Hello::decode(v4.data(), v4.size(), back, version));
      // The handshake still reads the two leading bytes of any version.
      std::uint8_t highest = 0;
      std::uint8_t lowest = 0;
      QVERIFY(decodeHandshakeVersions(v4.data(), v4.size(), highest, lowest));
      QCOMPARE(highest, h.version);
    }
  }
};

QTEST_APPLESS_MAIN(TestMessageVersions)
#include "test_message_versions.moc"
