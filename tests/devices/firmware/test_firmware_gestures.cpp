// Which gesture caused an event, as the board reports it (protocol version 3): every requested
// gesture's event carries its id, spontaneous ones and a real sensor's carry none, a Reset does
// not shift the attribution, and SetSpontaneousGestures turns the board's own gestures on and
// off at once. In a version 2 session neither exists.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

#include "app_harness.h"

using namespace dlm;
using namespace dlm::firmware;
using namespace dlm::firmware::test;

namespace {

protocol::Command spontaneous(float perMinute) {
  protocol::Command c;
  c.id = protocol::CommandId::SetSpontaneousGestures;
  c.args.spontaneousRate = perMinute;
  return c;
}

// Events (not re-reports of learned ones) that arrived from \p mark on.
std::vector<protocol::Event> newEvents(const AppHarness& h, std::size_t mark) {
  std::vector<protocol::Event> out;
  for (std::size_t i = mark; i < h.host.events.size(); ++i)
    if ((h.host.events[i].flags & protocol::kEventLearned) == 0) out.push_back(h.host.events[i]);
  return out;
}

// A raw Command payload (bypassing the encoder's checks), acked.
protocol::Ack rawCommand(AppHarness& h, const Bytes& payload) {
  std::uint8_t wire[protocol::kMaxWireFrame];
  const std::uint16_t seq = h.seq++;
  const std::size_t n = protocol::encodeFrame(protocol::MessageType::Command, seq, payload.data(),
                                              payload.size(), wire, sizeof wire);
  const std::size_t mark = h.host.acks.size();
  h.sendBytes(Bytes(wire, wire + n));
  for (int t = 0; t < 1000; ++t) {
    h.step(1);
    for (std::size_t i = mark; i < h.host.acks.size(); ++i)
      if (h.host.acks[i].seq == seq) return h.host.acks[i];
  }
  return protocol::Ack{};
}

Bytes ratePayload(float perMinute) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &perMinute, sizeof bits);
  return Bytes{15, std::uint8_t(bits), std::uint8_t(bits >> 8), std::uint8_t(bits >> 16),
               std::uint8_t(bits >> 24)};
}

} // namespace

class TestFirmwareGestures : public QObject {
  Q_OBJECT

private slots:
  void everyRequestedGestureIsReported() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    QCOMPARE(hello.version, protocol::kProtocolVersion);
    h.step(500);
    for (std::uint8_t id = 0; id < MotionSource::kGestureCount; ++id) {
      protocol::Event e;
      QVERIFY2(h.gestureEvent(id, e), MotionSource::gestureName(id));
      QCOMPARE(int(e.requestedGesture), int(id));
    }
    // Learned and re-reported: still the same gesture.
    const std::size_t mark = h.host.events.size();
    protocol::Event e;
    QVERIFY(h.gestureEvent(2, e));
    QCOMPARE(h.labelEvent(e.eventId, 0).code, protocol::AckCode::Ok);
    h.step(50);
    QVERIFY(h.host.events.size() > mark + 1);
    const protocol::Event& again = h.host.events.back();
    QCOMPARE(again.eventId, e.eventId);
    QVERIFY(again.flags & protocol::kEventLearned);
    QCOMPARE(int(again.requestedGesture), 2);
  }

  void attributionSurvivesAReset() {
    // The app's stream index restarts at a Reset while the source runs on: the port is asked
    // by relative age, so the next event is still attributed to the right gesture.
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    protocol::Event e;
    QVERIFY(h.gestureEvent(0, e));
    protocol::Command reset;
    reset.id = protocol::CommandId::Reset;
    QCOMPARE(h.command(reset).code, protocol::AckCode::Ok);
    h.step(50);
    QVERIFY(h.handshake(hello));
    h.step(300);
    QVERIFY(h.gestureEvent(4, e));
    QCOMPARE(int(e.requestedGesture), 4);
    QVERIFY(h.gestureEvent(6, e));
    QCOMPARE(int(e.requestedGesture), 6);
  }

  void spontaneousGesturesCarryNoneAndTurnOff() {
    AppHarness h;  // requestedOnly(): no spontaneous gesture to start with
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    std::size_t mark = h.host.events.size();
    h.step(10000);
    QCOMPARE(newEvents(h, mark).size(), std::size_t(0));  // nothing happens on its own

    QCOMPARE(h.command(spontaneous(120.0f)).code, protocol::AckCode::Ok);  // one every 0.5 s
    QCOMPARE(h.port.motion().source().config().gestureRatePerMinute, 120.0f);
    mark = h.host.events.size();
    h.step(10000);
    const std::vector<protocol::Event> own = newEvents(h, mark);
    QVERIFY2(own.size() >= 4, qPrintable(QString::number(own.size())));
    for (const protocol::Event& e : own) QCOMPARE(e.requestedGesture, protocol::kNoGesture);

    // Mixed with a request: only the requested one is attributed, to the event that holds it.
    GestureTruth t;
    while (h.port.motion().source().popTruth(t)) {
    }
    protocol::Command perform;
    perform.id = protocol::CommandId::PerformGesture;
    perform.args.gesture = 1;
    mark = h.host.events.size();
    QCOMPARE(h.command(perform).code, protocol::AckCode::Ok);
    h.step(6000);
    GestureTruth circle;
    bool found = false;
    while (h.port.motion().source().popTruth(t)) {
      if (t.requested) {
        QVERIFY(!found);
        circle = t;
        found = true;
      }
    }
    QVERIFY(found && circle.id == 1);
    int attributed = 0;
    for (const protocol::Event& e : newEvents(h, mark)) {
      if (e.requestedGesture == protocol::kNoGesture) continue;
      QCOMPARE(int(e.requestedGesture), 1);
      QVERIFY(e.startSample <= circle.start && e.startSample + e.frames > circle.start);
      ++attributed;
    }
    QCOMPARE(attributed, 1);

    QCOMPARE(h.command(spontaneous(0.0f)).code, protocol::AckCode::Ok);
    h.step(3000);  // a gesture already playing finishes
    mark = h.host.events.size();
    h.step(15000);
    QCOMPARE(newEvents(h, mark).size(), std::size_t(0));
  }

  void badRatesAreRefused() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    for (float rate : {nan, inf, -1.0f, 600.5f}) {
      const protocol::Ack ack = rawCommand(h, ratePayload(rate));
      QCOMPARE(ack.commandId, protocol::CommandId::SetSpontaneousGestures);
      QCOMPARE(ack.code, protocol::AckCode::BadArguments);
    }
    QCOMPARE(rawCommand(h, Bytes{15, 0, 0}).code, protocol::AckCode::BadArguments);
    QCOMPARE(h.port.motion().source().config().gestureRatePerMinute, 0.0f);  // unchanged
    QCOMPARE(rawCommand(h, ratePayload(600.0f)).code, protocol::AckCode::Ok);
  }

  void realSensorReportsNoGesture() {
    AppHarness h;
    h.port.realSensor = true;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    QCOMPARE(h.command(spontaneous(12.0f)).code, protocol::AckCode::NotSupported);
    // The motion source still moves (it stands in for a hand), but the port cannot know.
    protocol::Event e;
    QVERIFY(h.gestureEvent(0, e));
    QCOMPARE(e.requestedGesture, protocol::kNoGesture);
  }

  void versionTwoSessionHasNeither() {
    AppHarness h;
    h.wireVersion = 2;
    protocol::HelloRequest request;
    request.version = 2;
    request.minVersion = 2;
    const std::size_t mark = h.host.hellos.size();
    h.send(request, h.seq++);
    h.step(50);
    QVERIFY(h.host.hellos.size() > mark);
    h.step(300);
    protocol::Event e;
    QVERIFY(h.gestureEvent(3, e));
    QCOMPARE(e.requestedGesture, protocol::kNoGesture);  // decoded as version 2: no byte
    QCOMPARE(h.host.frameErrors(), 0u);
    QCOMPARE(h.command(spontaneous(12.0f)).code, protocol::AckCode::UnknownCommand);
    QCOMPARE(h.port.motion().source().config().gestureRatePerMinute, 0.0f);
  }
};

QTEST_GUILESS_MAIN(TestFirmwareGestures)
#include "test_firmware_gestures.moc"
