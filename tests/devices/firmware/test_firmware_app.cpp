// FirmwareApp through an in-memory BoardPort: handshake, sample stream, events, on-board
// learning and the command rules of docs/protocol.md.

#include <QtTest>

#include <cmath>
#include <cstring>

#include "app_harness.h"
#include "core/protocol/link.h"
#include "core/version.h"

using namespace dlm;
using namespace dlm::firmware;
using namespace dlm::firmware::test;
using protocol::AckCode;
using protocol::CommandId;

namespace {

protocol::Command cmd(CommandId id) {
  protocol::Command c;
  c.id = id;
  return c;
}

// Sample frames must be contiguous across messages; returns the frames seen.
std::uint64_t checkContiguous(const std::vector<protocol::Samples>& samples, std::size_t from,
                              std::uint64_t* gaps) {
  std::uint64_t frames = 0;
  *gaps = 0;
  for (std::size_t i = from; i < samples.size(); ++i) {
    if (i > from) {
      const std::uint32_t expected = samples[i - 1].firstSample + samples[i - 1].frames;
      *gaps += samples[i].firstSample - expected;
    }
    frames += samples[i].frames;
  }
  return frames;
}

} // namespace

class TestFirmwareApp : public QObject {
  Q_OBJECT

private slots:
  void arenaFitsTheLeanCapacity() {
    const std::size_t need = Network::arenaBytes(FirmwareApp::kCapacity);
    QVERIFY(need <= FirmwareApp::kArenaBytes);
    QVERIFY(FirmwareApp::kArenaBytes - need < 1024);  // not wasteful either
    qInfo("arena %zu of %zu bytes; FirmwareApp object %zu bytes", need,
          FirmwareApp::kArenaBytes, sizeof(FirmwareApp));
    FakePort port(requestedOnly());
    std::vector<std::max_align_t> small(need / sizeof(std::max_align_t) / 2);
    FirmwareApp app;
    QVERIFY(!app.init(port, small.data(), small.size() * sizeof(std::max_align_t)));
  }

  void handshake() {
    AppHarness h;
    h.step(100);
    QVERIFY(h.host.samples.empty());  // no session, no stream (§5.1)
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    QCOMPARE(QByteArray(hello.boardName), QByteArray("fake-board"));
    QCOMPARE(QByteArray(hello.firmwareVersion), QByteArray("9.8.7"));
    QCOMPARE(QByteArray(hello.coreVersion), QByteArray(coreVersion()));
    QCOMPARE(int(hello.capacity.maxNeurons), 256);
    QCOMPARE(int(hello.capacity.maxDims), 64);
    QCOMPARE(int(hello.capacity.maxLayers), 4);  // the studio builds up to 4 layers
    QCOMPARE(int(hello.capacity.maxDeepNeurons), int(FirmwareApp::kCapacity.maxDeepNeurons));
    QVERIFY(hello.capacity.maxDeepNeurons > 0);
    QCOMPARE(int(hello.capacity.maxClasses), int(FirmwareApp::kCapacity.maxClasses));
    QCOMPARE(hello.capacity.maxEvents, 0u);
    QCOMPARE(int(hello.sampleRateHz), 1000);
    QCOMPARE(int(hello.channels), 3);
    QCOMPARE(int(hello.descriptorDims), 58);
    QCOMPARE(hello.modelCrc, 0u);  // nothing stored, nothing learned
    QCOMPARE(hello.modelBytes, 0u);
    QCOMPARE(int(hello.neurons), 0);
    // Version 4: the bytes ModelPushBegin accepts, the slot less the store's header.
    QCOMPARE(hello.modelCapacity, FakePort::kSlotBytes - ModelStore::kHeaderBytes);
    h.step(200);
    QVERIFY(!h.host.samples.empty());
    QCOMPARE(h.host.frameErrors(), 0u);
    QCOMPARE(h.host.undecodable, 0);
  }

  void versionMismatchIsSaidInWords() {
    AppHarness h;
    protocol::HelloRequest r;
    r.version = protocol::kProtocolVersion + 2;
    r.minVersion = protocol::kProtocolVersion + 1;
    h.send(r, 77);
    h.step(20);
    QCOMPARE(int(h.host.hellos.size()), 0);
    QCOMPARE(int(h.host.logs.size()), 1);
    const QByteArray range = "protocol mismatch: board speaks v2-" +
                             QByteArray::number(protocol::kProtocolVersion);
    QVERIFY(QByteArray(h.host.logs[0].text).contains(range));
    QCOMPARE(int(h.host.acks.size()), 1);
    QCOMPARE(h.host.acks[0].seq, std::uint16_t(77));
    QCOMPARE(h.host.acks[0].commandId, CommandId::None);
    QCOMPARE(h.host.acks[0].code, AckCode::NotSupported);
    QCOMPARE(h.host.acks[0].value, 2u | (std::uint32_t(protocol::kProtocolVersion) << 8));
    // A version 1 studio is refused the same way (Status and knownScore changed in v2).
    r.version = 1;
    r.minVersion = 1;
    h.send(r, 78);
    h.step(20);
    QCOMPARE(int(h.host.hellos.size()), 0);
    QCOMPARE(int(h.host.acks.size()), 2);
    QCOMPARE(h.host.acks[1].code, AckCode::NotSupported);
    QVERIFY(QByteArray(h.host.logs[1].text).contains("studio v1-1"));
    h.step(200);
    QVERIFY(h.host.samples.empty());  // no session
  }

  void streamIsContiguous() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    const std::size_t first = h.host.samples.size();
    h.step(5000);  // heartbeats keep the session alive past kLinkTimeoutMs
    std::uint64_t gaps = 0;
    const std::uint64_t frames = checkContiguous(h.host.samples, first, &gaps);
    QCOMPARE(gaps, 0u);
    QVERIFY(frames >= 5000 - 2 * FirmwareApp::kBatchFrames && frames <= 5000);
    for (std::size_t i = first; i < h.host.samples.size(); ++i)
      QCOMPARE(int(h.host.samples[i].channels), 3);
    QCOMPARE(h.app->counters().samplesDropped, 0u);
    QCOMPARE(h.host.frameErrors(), 0u);
    // Samples carry exactly what the source generated.
    MotionSource reference(requestedOnly());
    std::vector<std::int16_t> expected(std::size_t{h.app->sampleIndex()} * 3);
    reference.generate(expected.data(), h.app->sampleIndex());
    for (std::size_t i = first; i < h.host.samples.size(); ++i) {
      const protocol::Samples& s = h.host.samples[i];
      QVERIFY(std::memcmp(s.data, expected.data() + std::size_t{s.firstSample} * 3,
                          std::size_t{s.frames} * 6) == 0);
    }
  }

  void slowHostLosesWholeMessagesOnly() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    const std::size_t first = h.host.samples.size();
    h.step(500);
    h.hostReading = false;  // the host stops reading for 2 s: the TX queue overflows
    h.step(2000);
    h.hostReading = true;
    h.step(1500);
    const AppCounters& c = h.app->counters();
    QVERIFY(c.samplesDropped > 0);
    QCOMPARE(c.sampleFramesDropped, c.samplesDropped * FirmwareApp::kBatchFrames);
    std::uint64_t gaps = 0;
    checkContiguous(h.host.samples, first, &gaps);
    QCOMPARE(gaps, std::uint64_t{c.sampleFramesDropped});  // every lost frame is a visible gap
    QCOMPARE(h.host.frameErrors(), 0u);                     // and nothing arrived corrupted
    QCOMPARE(h.host.undecodable, 0);
    protocol::BoardStatus s;
    QVERIFY(h.status(s));  // commands still work
  }

  void deadLinkStopsTheStream() {
    AppHarness h;
    h.autoHeartbeat = false;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    h.step(protocol::kLinkTimeoutMs + 500);
    QVERIFY(!h.app->streaming());
    const std::size_t n = h.host.samples.size();
    h.step(500);
    QCOMPARE(h.host.samples.size(), n);
    QVERIFY(h.handshake(hello));  // a new handshake restarts it
    h.step(100);
    QVERIFY(h.host.samples.size() > n);
  }

  void requestedGestureGivesAnEvent() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    h.step(500);
    protocol::Event e;
    QVERIFY(h.gestureEvent(1, e));
    GestureTruth truth;
    QVERIFY(h.port.motion().source().popTruth(truth));
    QCOMPARE(int(truth.id), 1);
    QVERIFY(e.eventId >= 1);
    QCOMPARE(int(e.dims), 58);
    QVERIFY(e.startSample <= truth.start && truth.start - e.startSample <= 200);
    // The window covers the gesture (a smooth ending may fall below the trigger a little early).
    QVERIFY(e.startSample + e.frames >= truth.start + truth.frames * 9u / 10u);
    QCOMPARE(int(e.predictedClass), -1);  // nothing learned yet: rejected
    QCOMPARE(e.flags, std::uint8_t(0));
    QCOMPARE(int(e.label), -1);
    for (int i = 0; i < e.dims; ++i) QVERIFY(std::isfinite(e.descriptor[i]));
    // The event follows the samples that contain it.
    const protocol::Samples& last = h.host.samples.back();
    QVERIFY(last.firstSample + last.frames >= e.startSample + e.frames);
    QCOMPARE(h.app->counters().eventsSent, 1u);
  }

  void channelCountComesFromTheSensor() {
    // A 1-axis and a 6-axis sensor: the handshake, the stream and the descriptor follow them.
    for (const int channels : {1, 6}) {
      MotionConfig motion = requestedOnly();
      motion.channels = std::uint8_t(channels);
      AppHarness h(motion);
      protocol::Hello hello;
      QVERIFY(h.handshake(hello));
      QCOMPARE(int(hello.channels), channels);
      QCOMPARE(int(hello.descriptorDims), int(dlm::descriptorFor(channels).dims()));
      QVERIFY(hello.descriptorDims <= hello.capacity.maxDims);
      h.step(500);
      protocol::Event e;
      QVERIFY(h.gestureEvent(0, e));  // a shake
      QCOMPARE(int(e.dims), int(hello.descriptorDims));
      QCOMPARE(int(h.host.samples.back().channels), channels);
    }
  }

  void labelledEventsAreLearnedOnBoard() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    h.step(500);
    std::vector<protocol::Event> learned;
    for (int round = 0; round < 3; ++round) {
      for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
        protocol::Event e;
        QVERIFY(h.gestureEvent(g, e));
        const protocol::Ack ack = h.labelEvent(e.eventId, g);
        QCOMPARE(ack.code, AckCode::Ok);
        QCOMPARE(ack.value, std::uint32_t(learned.size() + 1));  // events learned so far
        // The event is sent again, flagged as learned with its label, before the ack.
        const protocol::Event& again = h.host.events.back();
        QCOMPARE(again.eventId, e.eventId);
        QCOMPARE(again.flags, std::uint8_t(protocol::kEventLearned | protocol::kEventHasLabel));
        QCOMPARE(int(again.label), int(g));
        learned.push_back(e);
      }
    }
    protocol::BoardStatus s;
    QVERIFY(h.status(s));
    QVERIFY(s.neurons >= MotionSource::kKnownGestures);
    QCOMPARE(int(s.freeNeurons), 256 - int(s.neurons));
    QCOMPARE(s.eventsLearned, 15u);
    QVERIFY(s.modelCrc != 0);  // the learned model has an identity (RAM storage)
    QVERIFY(s.modelBytes > 0);

    // A host network fed the same descriptors in the same order is the same model.
    std::vector<std::max_align_t> arena(Network::arenaBytes(leanCapacity()) /
                                        sizeof(std::max_align_t) + 1);
    Network host;
    QCOMPARE(host.init(leanCapacity(), arena.data(), arena.size() * sizeof(std::max_align_t)),
             Status::Ok);
    QCOMPARE(host.reset(58, 0), Status::Ok);
    // A board starting empty weighs the descriptor's statistics by the prior (issue 10).
    float prior[58];
    QCOMPARE(descriptorFeatureWeights(descriptorFor(3), kDescriptorStatsWeight, prior, 58),
             Status::Ok);
    QCOMPARE(host.setKnownScales(prior), Status::Ok);
    for (std::size_t i = 0; i < learned.size(); ++i)
      QCOMPARE(host.learn(learned[i].descriptor, int(i % MotionSource::kKnownGestures)),
               Status::Ok);
    Bytes hostBytes(modelBytes(host));
    std::size_t written = 0;
    QCOMPARE(saveModel(host, nullptr, hostBytes.data(), hostBytes.size(), &written), Status::Ok);
    ModelInfo info;
    QCOMPARE(inspectModel(hostBytes.data(), written, &info), Status::Ok);
    QCOMPARE(s.modelCrc, info.crc);

    // New instances of each gesture are now recognised.
    int correct = 0;
    for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
      protocol::Event e;
      QVERIFY(h.gestureEvent(g, e));
      if (e.bestClass == g) ++correct;
    }
    QVERIFY2(correct >= 4, qPrintable(QString("%1 of 5 recognised").arg(correct)));
  }

  void rejectionThresholdGovernsPredictions() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    h.step(500);
    for (int round = 0; round < 2; ++round) {
      for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
        protocol::Event e;
        QVERIFY(h.gestureEvent(g, e));
        QCOMPARE(h.labelEvent(e.eventId, g).code, AckCode::Ok);
      }
    }
    protocol::BoardStatus s;
    QVERIFY(h.status(s));
    QCOMPARE(s.rejectionThreshold, KernelParams().threshold);  // started empty: the default
    const std::uint32_t learnedCrc = s.modelCrc;

    // 1 rejects everything: the readout still names a class, the board says unknown.
    protocol::Ack ack = h.setRejection(1.0f);
    QCOMPARE(ack.code, AckCode::Ok);
    QCOMPARE(ack.commandId, CommandId::SetRejection);
    QCOMPARE(h.app->network().threshold(), 1.0f);
    QVERIFY(h.status(s));
    QCOMPARE(s.rejectionThreshold, 1.0f);
    QVERIFY(s.modelCrc != learnedCrc);  // the threshold is part of the model's identity
    for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
      protocol::Event e;
      QVERIFY(h.gestureEvent(g, e));
      QCOMPARE(int(e.predictedClass), -1);
      QVERIFY(e.bestClass >= 0);
    }
    // 0 rejects nothing: every event gets the readout's class.
    QCOMPARE(h.setRejection(0.0f).code, AckCode::Ok);
    QVERIFY(h.status(s));
    QCOMPARE(s.rejectionThreshold, 0.0f);
    for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
      protocol::Event e;
      QVERIFY(h.gestureEvent(g, e));
      QVERIFY(e.predictedClass >= 0);
      QCOMPARE(e.predictedClass, e.bestClass);
    }

    // NaN, infinity and shares outside [0, 1] are refused and change nothing.
    const std::size_t mark = h.host.acks.size();
    const std::uint32_t bad[] = {0x7FC00000u, 0x7F800000u, 0x3FC00000u /* 1.5 */,
                                 0xBDCCCCCDu /* -0.1 */};
    std::uint16_t seq = 700;
    for (std::uint32_t bits : bad) {
      const std::uint8_t payload[5] = {14, std::uint8_t(bits), std::uint8_t(bits >> 8),
                                       std::uint8_t(bits >> 16), std::uint8_t(bits >> 24)};
      std::uint8_t wire[protocol::kMaxWireFrame];
      const std::size_t n = protocol::encodeFrame(protocol::MessageType::Command, seq++, payload,
                                                  sizeof payload, wire, sizeof wire);
      h.sendBytes(Bytes(wire, wire + n));
    }
    h.step(20);
    QCOMPARE(h.host.acks.size(), mark + 4);
    for (std::size_t i = mark; i < h.host.acks.size(); ++i) {
      QCOMPARE(h.host.acks[i].code, AckCode::BadArguments);
      QCOMPARE(h.host.acks[i].commandId, CommandId::SetRejection);
    }
    QCOMPARE(h.app->network().threshold(), 0.0f);
  }

  void labelRules() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    QCOMPARE(h.labelEvent(12345, 0).code, AckCode::NoSuchEvent);
    protocol::Event e;
    QVERIFY(h.gestureEvent(2, e));
    QCOMPARE(h.labelEvent(e.eventId, FirmwareApp::kCapacity.maxClasses).code, AckCode::BadArguments);
    // A retry with the same sequence number is answered, not executed twice.
    protocol::Command c = cmd(CommandId::LabelEvent);
    c.args.labelEvent.eventId = e.eventId;
    c.args.labelEvent.classIndex = 3;
    protocol::Ack first, again;
    QVERIFY(h.commandSeq(c, 500, first));
    QVERIFY(h.commandSeq(c, 500, again));
    QCOMPARE(first.code, AckCode::Ok);
    QCOMPARE(again.code, AckCode::Ok);
    QCOMPARE(again.value, first.value);
    QCOMPARE(h.app->network().eventsLearned(), 1u);
    QCOMPARE(h.app->counters().duplicates, 1u);
    // Forgotten events cannot be labelled.
    c = cmd(CommandId::ForgetEvent);
    c.args.forgetEventId = e.eventId;
    QCOMPARE(h.command(c).code, AckCode::Ok);
    QCOMPARE(h.command(c).code, AckCode::NoSuchEvent);
    QCOMPARE(h.labelEvent(e.eventId, 3).code, AckCode::NoSuchEvent);
    // Only the EventRing::kCapacity (16) most recent events are kept.
    for (int i = 0; i < 33; ++i) {
      protocol::Event x;
      QVERIFY(h.gestureEvent(std::uint8_t(i % 5), x));
    }
    QCOMPARE(h.labelEvent(e.eventId + 1, 0).code, AckCode::NoSuchEvent);
    QCOMPARE(h.labelEvent(h.host.events.back().eventId, 0).code, AckCode::Ok);
  }

  void commandRules() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    // Unknown command id: UnknownCommand, echoing the id.
    std::uint8_t payload[1] = {200};
    std::uint8_t wire[protocol::kMaxWireFrame];
    std::size_t n = protocol::encodeFrame(protocol::MessageType::Command, 9, payload, 1, wire,
                                          sizeof wire);
    h.sendBytes(Bytes(wire, wire + n));
    // Empty payload: BadArguments with command id 0.
    n = protocol::encodeFrame(protocol::MessageType::Command, 10, payload, 0, wire, sizeof wire);
    h.sendBytes(Bytes(wire, wire + n));
    // Known id, bad arguments (SetTrigger with 2 bytes).
    std::uint8_t bad[3] = {1, 0, 0};
    n = protocol::encodeFrame(protocol::MessageType::Command, 11, bad, 3, wire, sizeof wire);
    h.sendBytes(Bytes(wire, wire + n));
    h.step(20);
    QCOMPARE(int(h.host.acks.size()), 3);
    QCOMPARE(h.host.acks[0].code, AckCode::UnknownCommand);
    QCOMPARE(int(h.host.acks[0].commandId), 200);
    QCOMPARE(h.host.acks[1].code, AckCode::BadArguments);
    QCOMPARE(h.host.acks[1].commandId, CommandId::None);
    QCOMPARE(h.host.acks[2].code, AckCode::BadArguments);
    QCOMPARE(h.host.acks[2].commandId, CommandId::SetTrigger);

    // Heartbeat: value = uptime in ms.
    const protocol::Ack hb = h.command(cmd(CommandId::Heartbeat));
    QCOMPARE(hb.code, AckCode::Ok);
    QVERIFY(std::abs(int(hb.value) - int(h.app->uptimeMs())) <= 2);
    // GetStatus: Status before the Ack.
    const std::size_t mark = h.host.order.size();
    protocol::BoardStatus s;
    QVERIFY(h.status(s));
    std::vector<protocol::MessageType> tail(h.host.order.begin() + long(mark), h.host.order.end());
    tail.erase(std::remove(tail.begin(), tail.end(), protocol::MessageType::Samples), tail.end());
    QCOMPARE(int(tail.size()), 2);
    QCOMPARE(tail[0], protocol::MessageType::Status);
    QCOMPARE(tail[1], protocol::MessageType::Ack);
    QVERIFY(s.framesOk >= 5);
    QCOMPARE(s.frameErrors, 0u);
    // PerformGesture: unknown gesture.
    protocol::Command g = cmd(CommandId::PerformGesture);
    g.args.gesture = 7;
    QCOMPARE(h.command(g).code, AckCode::BadArguments);
    // Garbage between frames costs only that garbage.
    h.sendBytes(Bytes{1, 2, 3, 0, 0xFF, 0xFE, 0});
    QVERIFY(h.status(s));
    QCOMPARE(s.frameErrors, 2u);
  }

  void setTriggerIsApplied() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    protocol::Command c = cmd(CommandId::SetTrigger);
    c.args.setTrigger.threshold = 900.0f;
    c.args.setTrigger.preTriggerFrames = 80;
    c.args.setTrigger.holdOffFrames = 120;
    c.args.setTrigger.minFrames = 100;
    c.args.setTrigger.maxFrames = 4000;  // beyond the window buffer: clamped
    QCOMPARE(h.command(c).code, AckCode::Ok);
    protocol::BoardStatus s;
    QVERIFY(h.status(s));
    QCOMPARE(s.trigger.threshold, 900.0f);
    QCOMPARE(int(s.trigger.preTriggerFrames), 80);
    QCOMPARE(int(s.trigger.holdOffFrames), 120);
    QCOMPARE(int(s.trigger.minFrames), 100);
    QVERIFY(s.trigger.maxFrames <= FirmwareApp::kWindowFrames);
    protocol::Event e;
    QVERIFY(h.gestureEvent(0, e));  // events still come, with stream-absolute indices
    GestureTruth truth;
    QVERIFY(h.port.motion().source().popTruth(truth));
    QVERIFY(e.startSample <= truth.start && truth.start - e.startSample <= 200);
  }

  void injectedSamplesFlowThroughThePipeline() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    // A recording: a gesture generated by another source, 170 frames per command.
    MotionSource recorder(requestedOnly(99));
    recorder.performGesture(3);
    std::vector<std::int16_t> rec(1500 * 3);
    recorder.generate(rec.data(), 1500);
    const std::uint32_t startIndex = h.app->sampleIndex();
    std::uint32_t sent = 0;
    while (sent < 1500) {
      protocol::Command c = cmd(CommandId::InjectSamples);
      const std::uint32_t n = std::min<std::uint32_t>(170, 1500 - sent);
      c.args.injectSamples.channels = 3;
      c.args.injectSamples.frames = std::uint8_t(n);
      std::memcpy(c.args.injectSamples.data, rec.data() + sent * 3, n * 6);
      const protocol::Ack ack = h.command(c);
      if (ack.code == AckCode::Busy) continue;  // queue full: the board plays it out first
      QCOMPARE(ack.code, AckCode::Ok);
      QCOMPARE(ack.value, n);
      sent += n;
    }
    h.step(1000);
    QCOMPARE(h.app->counters().injectedFrames, 1500u);
    // The stream carried the recording verbatim, contiguous with the board's own samples.
    std::vector<std::int16_t> seen;
    std::uint32_t seenFirst = 0;
    for (const protocol::Samples& s : h.host.samples) {
      if (s.firstSample + s.frames <= startIndex) continue;
      if (seen.empty()) seenFirst = s.firstSample;
      seen.insert(seen.end(), s.data, s.data + s.frames * 3);
    }
    const auto it = std::search(seen.begin(), seen.end(), rec.begin(), rec.end());
    QVERIFY(it != seen.end());
    const std::uint32_t injectedAt = seenFirst + std::uint32_t((it - seen.begin()) / 3);
    // And through the detector: one event inside the injected range.
    bool found = false;
    for (const protocol::Event& e : h.host.events)
      found |= e.startSample >= injectedAt && e.startSample < injectedAt + 1500;
    QVERIFY(found);
    // Wrong channel count.
    protocol::Command c = cmd(CommandId::InjectSamples);
    c.args.injectSamples.channels = 2;
    c.args.injectSamples.frames = 1;
    QCOMPARE(h.command(c).code, AckCode::BadArguments);
  }

  void resetReboots() {
    AppHarness h;
    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    protocol::Event e;
    QVERIFY(h.gestureEvent(0, e));
    QCOMPARE(h.labelEvent(e.eventId, 0).code, AckCode::Ok);
    QCOMPARE(h.command(cmd(CommandId::Reset)).code, AckCode::Ok);
    h.step(10);
    QVERIFY(!h.app->streaming());
    QCOMPARE(h.app->network().totalNeurons(), 0);  // learned, never stored: gone
    QCOMPARE(h.labelEvent(e.eventId, 0).code, AckCode::NoSuchEvent);
    QVERIFY(h.handshake(hello));
    QCOMPARE(int(hello.neurons), 0);
  }
};

QTEST_GUILESS_MAIN(TestFirmwareApp)
#include "test_firmware_app.moc"
