// A board whose BoardDescription asks for the spectral front-end (issue 13): it announces it
// in Hello (protocol 5 only), computes its events' descriptors with it (the host's numbers
// for the same window), saves its models recording it, and refuses a model of another kind.
#include <QtTest>

#include <vector>

#include "app_harness.h"
#include "core/crc32.h"

using namespace dlm;
using namespace dlm::firmware;
using namespace dlm::firmware::test;
using protocol::AckCode;

namespace {

// The fake port's motion source streams 3 channels at 1 kHz: the vibration preset at that rate.
FrontEndConfig boardFrontEnd() { return spectralFrontEnd(vibrationSpectral(1000, 3)); }

// The event's window, from the Samples messages the host received.
bool windowOf(const HostView& host, const protocol::Event& e, std::vector<std::int16_t>& out) {
  out.assign(std::size_t(e.frames) * 3, 0);
  std::uint32_t found = 0;
  for (const protocol::Samples& s : host.samples) {
    for (std::uint32_t f = 0; f < s.frames; ++f) {
      const std::uint32_t index = s.firstSample + f - e.startSample;  // wraps below the start
      if (index >= e.frames) continue;
      for (int c = 0; c < 3; ++c) out[index * 3 + std::size_t(c)] = s.data[f * 3 + std::uint32_t(c)];
      ++found;
    }
  }
  return found == e.frames;
}

} // namespace

class TestFirmwareFrontEnd : public QObject {
  Q_OBJECT

private slots:
  void helloAnnouncesTheSpectralFrontEnd() {
    AppHarness h;
    h.port.frontEnd = boardFrontEnd();
    QVERIFY(h.boot());
    QCOMPARE(h.app->frontEnd().kind, FrontEndKind::Spectral);
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    QCOMPARE(hello.minVersion, protocol::kFrontEndProtocolVersion);
    QVERIFY(sameFrontEnd(hello.frontEnd, boardFrontEnd()));
    QCOMPARE(int(hello.descriptorDims), 64);
    // A motion board still says motion, and still speaks from version 2.
    AppHarness motion;
    QVERIFY(motion.handshake(hello));
    QCOMPARE(hello.minVersion, protocol::kMinProtocolVersion);
    QVERIFY(sameFrontEnd(hello.frontEnd, motionFrontEnd(3)));
  }

  void anOlderStudioIsRefusedInWords() {
    AppHarness h;
    h.port.frontEnd = boardFrontEnd();
    QVERIFY(h.boot());
    protocol::HelloRequest r;
    r.version = 4;
    r.minVersion = 2;
    h.send(r, 9);
    h.step(20);
    QCOMPARE(int(h.host.hellos.size()), 0);
    QCOMPARE(int(h.host.logs.size()), 1);
    QVERIFY(QByteArray(h.host.logs[0].text).contains("board speaks v5-5, studio v2-4"));
    QCOMPARE(h.host.acks.back().code, AckCode::NotSupported);
  }

  void eventsCarryTheHostsSpectralDescriptor() {
    AppHarness h;
    h.port.frontEnd = boardFrontEnd();
    QVERIFY(h.boot());
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    h.step(500);
    EventFrontEnd host;
    std::vector<std::uint8_t> work(EventFrontEnd::workBytes(boardFrontEnd()));
    QCOMPARE(host.init(boardFrontEnd(), work.data(), work.size()), Status::Ok);
    for (std::uint8_t g = 0; g < 3; ++g) {
      protocol::Event e;
      QVERIFY(h.gestureEvent(g, e));
      QCOMPARE(int(e.dims), 64);
      std::vector<std::int16_t> window;
      QVERIFY(windowOf(h.host, e, window));
      std::vector<float> expected(64);
      QCOMPARE(host.compute(window.data(), e.frames, expected.data(), expected.size()),
               Status::Ok);
      for (int i = 0; i < 64; ++i) QCOMPARE(e.descriptor[i], expected[std::size_t(i)]);
      QCOMPARE(h.labelEvent(e.eventId, g).code, AckCode::Ok);
    }
  }

  void modelsRecordTheFrontEndAndOthersAreRefused() {
    AppHarness h;
    h.port.frontEnd = boardFrontEnd();
    QVERIFY(h.boot());
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    h.step(500);
    protocol::Event e;
    QVERIFY(h.gestureEvent(0, e));
    QCOMPARE(h.labelEvent(e.eventId, 0).code, AckCode::Ok);
    // The board serialises what it learned for its identity: a version 4 model, this front-end.
    const ModelIdentity id = h.app->modelIdentity();
    QVERIFY(id.crc != 0);
    const Bytes& staged = h.port.slot(0);  // the staging slot while none is active
    const std::uint8_t* model = staged.data() + ModelStore::kHeaderBytes;
    ModelInfo info;
    QCOMPARE(inspectModel(model, id.bytes, &info), Status::Ok);
    QCOMPARE(int(info.version), int(kModelFormatFrontEnd));
    QVERIFY(info.frontEndRecorded);
    QVERIFY(sameFrontEnd(info.frontEnd, boardFrontEnd()));
    // The same network saved as a motion model (no front-end): the store refuses it.
    Bytes motion(modelBytes(h.app->network()));
    QCOMPARE(saveModel(h.app->network(), nullptr, motion.data(), motion.size(), nullptr),
             Status::Ok);
    FakePort port(requestedOnly());
    ModelStore store;
    const FrontEndConfig frontEnd = boardFrontEnd();  // outlives the store
    store.attach(port, frontEnd);
    const std::uint32_t crc = crc32(motion.data(), motion.size());
    QCOMPARE(store.pushBegin(std::uint32_t(motion.size()), crc).code, AckCode::Ok);
    QCOMPARE(store.pushChunk(0, motion.data(), motion.size()).code, AckCode::Ok);
    std::vector<std::max_align_t> arena(FirmwareApp::kArenaBytes / sizeof(std::max_align_t) + 1);
    Network net;
    QCOMPARE(net.init(FirmwareApp::kCapacity, arena.data(), FirmwareApp::kArenaBytes), Status::Ok);
    const protocol::TransferReply refused = store.activate(crc, net, nullptr);
    QCOMPARE(refused.code, AckCode::InternalError);
    QCOMPARE(refused.value, std::uint32_t(Status::FrontEndMismatch));
    // ... and accepts the board's own bytes.
    const Bytes own(model, model + id.bytes);
    const std::uint32_t ownCrc = crc32(own.data(), own.size());
    QCOMPARE(store.pushBegin(std::uint32_t(own.size()), ownCrc).code, AckCode::Ok);
    QCOMPARE(store.pushChunk(0, own.data(), own.size()).code, AckCode::Ok);
    QCOMPARE(store.activate(ownCrc, net, nullptr).code, AckCode::Ok);
  }

  void aFrontEndTheBuildCannotRunIsRefused() {
    AppHarness h;
    SpectralConfig wrongRate = vibrationSpectral(16000, 3);  // the board streams at 1 kHz
    h.port.frontEnd = spectralFrontEnd(wrongRate);
    QVERIFY(!h.boot());
    SpectralConfig big = vibrationSpectral(1000, 3);
    big.frameLength = 4096;  // more work memory than the build reserves
    big.hop = 2048;
    h.port.frontEnd = spectralFrontEnd(big);
    QVERIFY(!h.boot());
    QVERIFY(QByteArray::fromStdString(h.port.logs.back()).contains("work memory"));
  }
};

QTEST_APPLESS_MAIN(TestFirmwareFrontEnd)
#include "test_firmware_front_end.moc"
