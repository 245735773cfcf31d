// The firmware on an emulated Cortex-M4F board, end to end over the wire protocol. Built once
// per board (tests/devices/CMakeLists.txt): test_m4f_firmware_qemu runs
// dlm-firmware-mps2-an386.elf on `-M mps2-an386`, test_nucleo_firmware_qemu runs
// dlm-firmware-nucleo-f446re.elf on `-M netduinoplus2` (an STM32F405: the same image as on the
// Nucleo-F446RE, which detects the emulator; devices/boards/nucleo-f446re/README.md).
//
// Starts `qemu-system-arm -M <machine> -nographic -monitor none -serial ... -kernel <image>`
// (no -icount: time runs), reads the pseudo-terminal path QEMU prints on stdout, opens it raw
// and plays the studio with core/protocol:
//   handshake (HelloRequest with retries until Hello) -> the board's name and capacity;
//   Samples arrive with contiguous indices;
//   PerformGesture -> an Event with a 58-dim descriptor; LabelEvent -> Status neurons grow;
//   a model trained on the host (dlm::Network, the board's lean capacity) on the board's own
//   event descriptors is pushed -> Status and Hello report its CRC, and the board's predictions
//   on its next events match the host's prediction with the same model (classes identical,
//   scores within 1e-4);
//   the model pulled back is byte for byte the one pushed;
//   an interrupted push (half the chunks, then a new HelloRequest) leaves that model active;
//   the push then resumes and completes;
//   a push larger than the model slot is refused at its start (TooLarge, the capacity in the
//   ack), a model beyond the kernel's capacity (13 classes) is refused at activation, and the
//   running model stays in both cases;
//   garbage and a frame with a bad CRC are counted by the board, which keeps answering.
// Host only: the largest model at the board's capacity fits the board's model slot.
// QEMU is killed at the end whatever happens (and by the kernel if this process dies:
// PR_SET_PDEATHSIG). Every wait has a deadline (80 s in all); the test takes about 12 s.
//
// Paths and the board come from the build (compile definitions, m4f_qemu_harness.h).
#include <QtTest>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <termios.h>
#include <unistd.h>

#include "core/crc32.h"
#include "core/model_format.h"
#include "core/network.h"
#include "core/protocol/frame.h"
#include "core/protocol/link.h"
#include "core/protocol/messages.h"
#include "core/protocol/model_transfer.h"

#include "m4f_qemu_harness.h"
#include "tests/core/blobs.h"


class TestM4fFirmwareQemu : public QObject {
  Q_OBJECT

private slots:
  void initTestCase();
  void slotHoldsLargestModel();
  void handshake();
  void samplesAreContiguous();
  void gestureGivesEvent();
  void labelGrowsNeurons();
  void pushHostModel();
  void predictionsUsePushedModel();
  void pullReturnsPushedModel();
  void interruptedPushKeepsModel();
  void refusesModelTooLarge();
  void refusesModelBeyondCapacity();
  void corruptFramesAreCounted();
  void cleanupTestCase();

private:
  // Ask for gesture \p id and wait for the next new event (any: a spontaneous gesture of the
  // synthetic source may come first). Learned-flag re-sends of old events are skipped.
  bool gestureEvent(std::uint8_t id, proto::Event& out);
  bool push(const Model& model, std::size_t stopAfterChunks, proto::Ack& lastAck);
  static Model save(const dlm::Network& net);

  std::unique_ptr<Qemu> m_qemu;
  std::unique_ptr<Link> m_link;
  QElapsedTimer m_clock;
  std::uint32_t m_lastEventId = 0;
  std::vector<proto::Event> m_training;  // board events used to train the host model
  Model m_modelA;
  std::uint32_t m_activeCrc = 0;  // the model the board runs after interruptedPushKeepsModel
};

void TestM4fFirmwareQemu::initTestCase() {
  m_clock.start();
  if (!QFileInfo::exists(QStringLiteral(DLM_QEMU_SYSTEM_ARM)))
    QSKIP("qemu-system-arm not found (apt-get install qemu-system-arm): emulated board not tested");
  if (!QFileInfo::exists(QStringLiteral(DLM_M4F_FIRMWARE_ELF)))
    QFAIL("firmware image not built: " DLM_M4F_FIRMWARE_ELF);
  QFile::remove(QStringLiteral(DLM_M4F_UART1_LOG));
  m_qemu = std::make_unique<Qemu>();
  QString error;
  QVERIFY2(m_qemu->start(error), qPrintable(error));
  m_link = std::make_unique<Link>();
  m_link->budget = m_clock;
  QVERIFY2(m_link->open(m_qemu->pty(), error), qPrintable(error));
  qInfo("QEMU up, board link on %s", qPrintable(m_qemu->pty()));
}

void TestM4fFirmwareQemu::handshake() {
  Link& link = *m_link;
  // The first bytes after opening a QEMU pty can take ~1 s to flow: retry, never sleep.
  QElapsedTimer t;
  t.start();
  int tries = 0;
  while (link.hellos.empty() && t.elapsed() < kHandshakeTimeoutMs) {
    QVERIFY(link.sendHelloRequest());
    ++tries;
    link.pumpUntil(kHelloRetryMs, [&] { return !link.hellos.empty(); });
  }
  QVERIFY2(!link.hellos.empty(), "no Hello from the board");
  const proto::Hello& h = link.hellos.back();
  qInfo("Hello after %d HelloRequest(s), %lld ms: board '%s' firmware %s core %s, capacity "
        "%u x %u, %u Hz x %u channels, descriptor %u dims",
        tries, static_cast<long long>(t.elapsed()), h.boardName, h.firmwareVersion,
        h.coreVersion, unsigned{h.capacity.maxNeurons}, unsigned{h.capacity.maxDims},
        unsigned{h.sampleRateHz}, unsigned{h.channels}, unsigned{h.descriptorDims});
  QVERIFY2(std::strncmp(h.boardName, kBoardName, std::strlen(kBoardName)) == 0, h.boardName);
  QCOMPARE(h.capacity.maxNeurons, kBoardCapacity.maxNeurons);
  QCOMPARE(h.capacity.maxDims, kBoardCapacity.maxDims);
  QCOMPARE(int(h.capacity.maxClasses), int(kBoardCapacity.maxClasses));
  QCOMPARE(int(h.capacity.maxLayers), int(kBoardCapacity.maxLayers));
  QCOMPARE(h.capacity.maxDeepNeurons, kBoardCapacity.maxDeepNeurons);
  QCOMPARE(int(h.descriptorDims), kDescriptorDims);
  QCOMPARE(int(h.channels), 3);
  QCOMPARE(int(h.sampleRateHz), 1000);
  QCOMPARE(h.modelCrc, 0u);  // a fresh board: no model stored
}

void TestM4fFirmwareQemu::samplesAreContiguous() {
  Link& link = *m_link;
  const std::uint32_t before = link.sampleMessages;
  const std::uint64_t framesBefore = link.sampleFrames;
  const std::uint64_t bytesBefore = link.bytesReceived;
  QElapsedTimer t;
  t.start();
  link.pump(1500);
  const double seconds = static_cast<double>(t.elapsed()) / 1000.0;
  const std::uint32_t messages = link.sampleMessages - before;
  const std::uint64_t frames = link.sampleFrames - framesBefore;
  qInfo("stream: %u Samples messages, %llu frames in %.2f s (%.0f frames/s, %.0f bytes/s)",
        messages, static_cast<unsigned long long>(frames), seconds,
        static_cast<double>(frames) / seconds,
        static_cast<double>(link.bytesReceived - bytesBefore) / seconds);
  QVERIFY2(messages >= 10, "the board streams too few Samples");
  QCOMPARE(int(link.sampleChannels), 3);
  QCOMPARE(link.sampleGaps, 0u);
  QCOMPARE(link.decodeErrors, 0u);
  // Time runs in QEMU without -icount: about 1000 frames per second of host time.
  QVERIFY2(static_cast<double>(frames) / seconds > 500.0, "sample rate far below 1 kHz");
}

bool TestM4fFirmwareQemu::gestureEvent(std::uint8_t id, proto::Event& out) {
  Link& link = *m_link;
  proto::Command c;
  c.id = proto::CommandId::PerformGesture;
  c.args.gesture = id;
  proto::Ack ack;
  if (!link.command(c, ack) || ack.code != proto::AckCode::Ok) {
    qWarning("PerformGesture %u: %s", unsigned{id}, link.acks.empty() ? "no ack" : ackText(ack));
    return false;
  }
  std::size_t index = 0;
  const bool got = link.pumpUntil(kEventTimeoutMs, [&] {
    for (std::size_t i = 0; i < link.events.size(); ++i) {
      if (link.events[i].eventId > m_lastEventId) {
        index = i;
        return true;
      }
    }
    return false;
  });
  if (!got) return false;
  out = link.events[index];
  m_lastEventId = out.eventId;
  return true;
}

void TestM4fFirmwareQemu::gestureGivesEvent() {
  proto::Event e;
  QVERIFY2(gestureEvent(0, e), "no Event after PerformGesture");
  qInfo("event %u: start %u, %u frames, predicted %d, dims %u", e.eventId, e.startSample,
        unsigned{e.frames}, int{e.predictedClass}, unsigned{e.dims});
  QCOMPARE(int(e.dims), kDescriptorDims);
  QCOMPARE(int(e.predictedClass), -1);  // nothing learned yet
  for (int i = 0; i < e.dims; ++i) QVERIFY(std::isfinite(e.descriptor[i]));
  m_training.push_back(e);
}

void TestM4fFirmwareQemu::labelGrowsNeurons() {
  Link& link = *m_link;
  proto::BoardStatus before;
  QVERIFY2(link.status(before), "no Status");
  QCOMPARE(int(before.neurons), 0);
  proto::Command c;
  c.id = proto::CommandId::LabelEvent;
  c.args.labelEvent.eventId = m_training.front().eventId;
  c.args.labelEvent.classIndex = 0;
  proto::Ack ack;
  QVERIFY2(link.command(c, ack), "no ack to LabelEvent");
  QVERIFY2(ack.code == proto::AckCode::Ok, ackText(ack));
  proto::BoardStatus after;
  QVERIFY2(link.status(after), "no Status");
  qInfo("LabelEvent: neurons %u -> %u, events learned %u, learn took %u us, predict %u us",
        unsigned{before.neurons}, unsigned{after.neurons}, after.eventsLearned,
        after.lastLearnUs, after.lastPredictUs);
  QVERIFY(after.neurons > before.neurons);
  QCOMPARE(after.eventsLearned, 1u);
}

Model TestM4fFirmwareQemu::save(const dlm::Network& net) {
  Model m;
  m.bytes.resize(dlm::modelBytes(net));
  std::size_t written = 0;
  if (dlm::saveModel(net, nullptr, m.bytes.data(), m.bytes.size(), &written) != dlm::Status::Ok ||
      written != m.bytes.size() ||
      dlm::inspectModel(m.bytes.data(), m.bytes.size(), &m.info) != dlm::Status::Ok) {
    qFatal("host model serialization failed");
  }
  return m;
}

// Push \p model; stop (without activating) after \p stopAfterChunks chunks if non-zero.
bool TestM4fFirmwareQemu::push(const Model& model, std::size_t stopAfterChunks,
                               proto::Ack& lastAck) {
  Link& link = *m_link;
  proto::ModelSender sender(model.bytes.data(), static_cast<std::uint32_t>(model.bytes.size()));
  proto::Command c;
  std::size_t chunks = 0;
  for (int step = 0; step < 10000; ++step) {
    if (sender.needsBegin()) {
      sender.makeBegin(c);
    } else if (!sender.done()) {
      if (stopAfterChunks != 0 && chunks == stopAfterChunks) return true;
      sender.makeChunk(c);
      ++chunks;
    } else {
      sender.makeActivate(c);
      return link.command(c, lastAck) && lastAck.code == proto::AckCode::Ok;
    }
    if (!link.command(c, lastAck)) return false;
    if (c.id == proto::CommandId::ModelPushBegin && lastAck.code == proto::AckCode::Ok &&
        lastAck.value != 0) {
      qInfo("push resumes at offset %u of %zu", lastAck.value, model.bytes.size());
    }
    if (!sender.onAck(lastAck.code, lastAck.value)) return false;
  }
  return false;
}

void TestM4fFirmwareQemu::pushHostModel() {
  Link& link = *m_link;
  // More board events, one per known gesture, to train the host model on real descriptors
  // (labels: the gesture asked for; a spontaneous gesture may slip in, which is harmless).
  for (std::uint8_t id = 1; id < 5; ++id) {
    proto::Event e;
    QVERIFY2(gestureEvent(id, e), "no Event after PerformGesture");
    m_training.push_back(e);
  }
  HostNetwork host;
  QCOMPARE(host.net.reset(kDescriptorDims, 0), dlm::Status::Ok);
  dlm::test::Events train;
  train.dims = kDescriptorDims;
  for (std::size_t i = 0; i < m_training.size(); ++i) {
    QCOMPARE(host.net.learn(m_training[i].descriptor, static_cast<int>(i % 5)), dlm::Status::Ok);
    train.x.insert(train.x.end(), m_training[i].descriptor,
                   m_training[i].descriptor + kDescriptorDims);
    train.y.push_back(static_cast<std::uint8_t>(i % 5));
  }
  // The board's full depth: correction layers as wide as it holds (set by hand, as a studio
  // rebuild keeps depth only where it helps), so the board runs every layer it can hold.
  QVERIFY(dlm::test::deepen(host.net, train, kBoardCapacity.maxLayers,
                            kBoardCapacity.maxDeepNeurons));
  m_modelA = save(host.net);
  qInfo("host model A: %d layers, %d neurons, %zu bytes, crc %08x", host.net.depth(),
        host.net.totalNeurons(), m_modelA.bytes.size(), m_modelA.info.crc);

  QElapsedTimer t;
  t.start();
  proto::Ack ack;
  QVERIFY2(push(m_modelA, 0, ack), qPrintable(QString("push failed: %1 value %2")
                                                  .arg(ackText(ack)).arg(ack.value)));
  qInfo("push of %zu bytes took %lld ms (%u command retries so far)", m_modelA.bytes.size(),
        static_cast<long long>(t.elapsed()), link.retries);
  proto::BoardStatus s;
  QVERIFY2(link.status(s), "no Status");
  QCOMPARE(s.modelCrc, m_modelA.info.crc);
  QCOMPARE(s.modelBytes, static_cast<std::uint32_t>(m_modelA.bytes.size()));
  QCOMPARE(int(s.neurons), host.net.totalNeurons());
  // Events the board detected before the activation (a gesture's tail, a spontaneous one) were
  // predicted with the model before A; the board sends them in order, so all of them came
  // before this Status. The prediction check below takes only later ones.
  for (const proto::Event& e : link.events) m_lastEventId = std::max(m_lastEventId, e.eventId);
}

void TestM4fFirmwareQemu::predictionsUsePushedModel() {
  Link& link = *m_link;
  HostNetwork mirror;  // the pushed bytes, loaded as the board loaded them
  QCOMPARE(dlm::loadModel(m_modelA.bytes.data(), m_modelA.bytes.size(), mirror.net, nullptr),
           dlm::Status::Ok);
  QCOMPARE(mirror.net.depth(), int(kBoardCapacity.maxLayers));
  for (std::uint8_t id : {std::uint8_t{0}, std::uint8_t{3}}) {
    proto::Event e;
    QVERIFY2(gestureEvent(id, e), "no Event after PerformGesture");
    QCOMPARE(int(e.dims), kDescriptorDims);
    dlm::Prediction p;
    QCOMPARE(mirror.net.predict(e.descriptor, p, mirror.net.scratch()), dlm::Status::Ok);
    qInfo("event %u (gesture %u asked): board predicted %d (best %d, confidence %.5f, known "
          "%.5f), host %d (best %d, confidence %.5f, known %.5f)",
          e.eventId, unsigned{id}, int{e.predictedClass}, int{e.bestClass},
          double{e.confidence}, double{e.knownScore}, p.classIndex, p.bestClass,
          double{p.confidence}, double{p.knownScore});
    QCOMPARE(int(e.predictedClass), p.classIndex);
    QCOMPARE(int(e.bestClass), p.bestClass);
    QVERIFY(std::fabs(e.confidence - p.confidence) <= 1e-4f);
    QVERIFY(std::fabs(e.knownScore - p.knownScore) <= 1e-4f * std::max(1.0f, std::fabs(p.knownScore)));
    QVERIFY(e.bestClass >= 0 && e.bestClass < 5);  // the pushed model's classes
  }
  proto::BoardStatus s;
  QVERIFY2(link.status(s), "no Status");
  QCOMPARE(s.modelCrc, m_modelA.info.crc);  // still the pushed model (nothing learned since)
}

void TestM4fFirmwareQemu::interruptedPushKeepsModel() {
  Link& link = *m_link;
  // Model B: A plus one more event, so another CRC (and size).
  HostNetwork host;
  QCOMPARE(dlm::loadModel(m_modelA.bytes.data(), m_modelA.bytes.size(), host.net, nullptr),
           dlm::Status::Ok);
  float x[kDescriptorDims];
  for (int i = 0; i < kDescriptorDims; ++i) x[i] = 0.5f - 0.01f * static_cast<float>(i);
  QCOMPARE(host.net.learn(x, 5), dlm::Status::Ok);
  const Model modelB = save(host.net);
  QVERIFY(modelB.info.crc != m_modelA.info.crc);
  const std::size_t chunks = (modelB.bytes.size() + proto::kMaxModelChunk - 1) / proto::kMaxModelChunk;
  QVERIFY2(chunks >= 2, "model B too small to interrupt");

  proto::Ack ack;
  QVERIFY2(push(modelB, chunks / 2, ack), "first half of push B failed");
  qInfo("push of model B (%zu bytes, %zu chunks) interrupted after %zu chunks",
        modelB.bytes.size(), chunks, chunks / 2);

  // A new session, as a studio that was restarted would open.
  const std::size_t hellos = link.hellos.size();
  QElapsedTimer t;
  t.start();
  while (link.hellos.size() == hellos && t.elapsed() < 5000) {
    QVERIFY(link.sendHelloRequest());
    link.pumpUntil(kHelloRetryMs, [&] { return link.hellos.size() > hellos; });
  }
  QVERIFY2(link.hellos.size() > hellos, "no Hello after the interrupted push");
  QCOMPARE(link.hellos.back().modelCrc, m_modelA.info.crc);
  proto::BoardStatus s;
  QVERIFY2(link.status(s), "no Status");
  QCOMPARE(s.modelCrc, m_modelA.info.crc);

  // The push goes on from where the board says (resume) and activates B.
  QVERIFY2(push(modelB, 0, ack), qPrintable(QString("push B failed: %1").arg(ackText(ack))));
  QVERIFY2(link.status(s), "no Status");
  QCOMPARE(s.modelCrc, modelB.info.crc);
  m_activeCrc = modelB.info.crc;
  QCOMPARE(link.sampleGaps, 0u);
  QCOMPARE(link.decodeErrors, 0u);
  qInfo("link: %u frames received, %llu bytes, %u command retries, board frames ok %u, "
        "board frame errors %u",
        link.framesReceived, static_cast<unsigned long long>(link.bytesReceived),
        link.retries, s.framesOk, s.frameErrors);
  QCOMPARE(s.frameErrors, 0u);
  std::vector<qint64> rtt = link.roundTripsUs;
  std::sort(rtt.begin(), rtt.end());
  if (!rtt.empty()) {
    qInfo("command round trips (%zu): min %lld us, median %lld us, max %lld us", rtt.size(),
          static_cast<long long>(rtt.front()), static_cast<long long>(rtt[rtt.size() / 2]),
          static_cast<long long>(rtt.back()));
  }
}

// Host only: the slot size the port reserves holds the largest model its kernel can load
// (every layer full, every class, known-set scales) with ModelStore's header.
void TestM4fFirmwareQemu::slotHoldsLargestModel() {
  HostNetwork host;
  std::uint16_t counts[8] = {kBoardCapacity.maxNeurons};
  for (int l = 1; l < kBoardCapacity.maxLayers; ++l) counts[l] = kBoardCapacity.maxDeepNeurons;
  QCOMPARE(host.net.setStructure(kDescriptorDims, kBoardCapacity.maxClasses,
                                 kBoardCapacity.maxLayers, counts, host.net.params(), 0),
           dlm::Status::Ok);
  host.net.finishLoad();
  const std::vector<float> scales(kDescriptorDims, 2.0f);
  QCOMPARE(host.net.setKnownScales(scales.data()), dlm::Status::Ok);
  const std::size_t need = dlm::modelBytes(host.net) + dlm::firmware::ModelStore::kHeaderBytes;
  const std::uint32_t slot = kFlashSlotBytes != 0 ? kFlashSlotBytes : kSlotBytes;
  qInfo("largest model at %u + %d x %u neurons, %d dims, %d classes: %zu B with the slot "
        "header; slot %u B (emulated slot %u B)",
        unsigned{kBoardCapacity.maxNeurons}, kBoardCapacity.maxLayers - 1,
        unsigned{kBoardCapacity.maxDeepNeurons}, kDescriptorDims, int{kBoardCapacity.maxClasses},
        need, slot, kSlotBytes);
  QVERIFY(need <= slot);
}

void TestM4fFirmwareQemu::pullReturnsPushedModel() {
  Link& link = *m_link;
  proto::Command c;
  c.id = proto::CommandId::ModelPullBegin;
  proto::Ack ack;
  QVERIFY2(link.command(c, ack), "no ack to ModelPullBegin");
  QVERIFY2(ack.code == proto::AckCode::Ok, ackText(ack));
  QCOMPARE(ack.value, static_cast<std::uint32_t>(m_modelA.bytes.size()));
  std::vector<std::uint8_t> pulled(m_modelA.bytes.size());
  const std::uint32_t transferCrc = dlm::crc32(m_modelA.bytes.data(), m_modelA.bytes.size());
  QElapsedTimer t;
  t.start();
  for (std::uint32_t offset = 0; offset < pulled.size();) {
    c.id = proto::CommandId::ModelPullChunk;
    c.args.modelPullChunk.offset = offset;
    c.args.modelPullChunk.length = static_cast<std::uint16_t>(
        std::min<std::size_t>(proto::kMaxModelChunk, pulled.size() - offset));
    const std::size_t seen = link.modelData.size();
    QVERIFY2(link.command(c, ack), "no ack to ModelPullChunk");
    QVERIFY2(ack.code == proto::AckCode::Ok, ackText(ack));
    // ModelData goes out before the ack; a retried command may bring it twice.
    QVERIFY2(link.modelData.size() > seen, "no ModelData before the ack");
    const proto::ModelData& d = link.modelData.back();
    QCOMPARE(d.offset, offset);
    QCOMPARE(d.totalBytes, static_cast<std::uint32_t>(pulled.size()));
    QCOMPARE(d.crc, transferCrc);  // the CRC of the bytes, as a push's (not the identity)
    std::memcpy(pulled.data() + offset, d.data, d.length);
    offset += d.length;
  }
  qInfo("pull of %zu bytes took %lld ms", pulled.size(), static_cast<long long>(t.elapsed()));
  QVERIFY(pulled == m_modelA.bytes);
}

void TestM4fFirmwareQemu::refusesModelTooLarge() {
  Link& link = *m_link;
  // One byte more than the slot holds: refused before anything is erased or written, with
  // the largest model the slot takes as the ack's value.
  const std::uint32_t capacity = kSlotBytes - dlm::firmware::ModelStore::kHeaderBytes;
  proto::Command c;
  c.id = proto::CommandId::ModelPushBegin;
  c.args.modelPushBegin.totalBytes = capacity + 1u;
  c.args.modelPushBegin.crc = 0x12345678u;
  proto::Ack ack;
  QVERIFY2(link.command(c, ack), "no ack to ModelPushBegin");
  qInfo("push of %u bytes: %s, value %u", capacity + 1u, ackText(ack), ack.value);
  QVERIFY2(ack.code == proto::AckCode::TooLarge, ackText(ack));
  QCOMPARE(ack.value, capacity);
  proto::BoardStatus s;
  QVERIFY2(link.status(s), "no Status");
  QCOMPARE(s.modelCrc, m_activeCrc);
}

void TestM4fFirmwareQemu::refusesModelBeyondCapacity() {
  Link& link = *m_link;
  // A small model (it fits the slot) with one class more than the board's kernel holds: the
  // push completes and verifies, the load refuses it, the running model stays.
  dlm::Capacity wide = kBoardCapacity;
  wide.maxClasses = static_cast<std::uint8_t>(kBoardCapacity.maxClasses + 1);
  HostNetwork host(wide);
  QCOMPARE(host.net.reset(kDescriptorDims, 0), dlm::Status::Ok);
  float x[kDescriptorDims];
  for (int k = 0; k < wide.maxClasses; ++k) {
    for (int i = 0; i < kDescriptorDims; ++i) x[i] = (i % 13 == k) ? 3.0f : 0.1f * float(k);
    QCOMPARE(host.net.learn(x, k), dlm::Status::Ok);
  }
  QCOMPARE(host.net.classes(), int(wide.maxClasses));
  const Model model = save(host.net);
  QVERIFY(model.bytes.size() + dlm::firmware::ModelStore::kHeaderBytes <= kSlotBytes);
  proto::Ack ack;
  QVERIFY2(!push(model, 0, ack), "a model beyond the board's capacity was activated");
  qInfo("push of a %d-class model (%zu bytes): %s, value %u", host.net.classes(),
        model.bytes.size(), ackText(ack), ack.value);
  QVERIFY(ack.code != proto::AckCode::Ok);
  proto::BoardStatus s;
  QVERIFY2(link.status(s), "no Status");
  QCOMPARE(s.modelCrc, m_activeCrc);
}

void TestM4fFirmwareQemu::corruptFramesAreCounted() {
  Link& link = *m_link;
  proto::BoardStatus before;
  QVERIFY2(link.status(before), "no Status");
  // Garbage, then a delimiter: the board resynchronises there.
  std::uint8_t garbage[40];
  for (std::size_t i = 0; i < sizeof garbage; ++i)
    garbage[i] = static_cast<std::uint8_t>(0x11u + 7u * i);  // no 0x00 inside
  const std::uint8_t delimiter = 0;
  QVERIFY(link.writeRaw(garbage, sizeof garbage) && link.writeRaw(&delimiter, 1));
  // A well-formed GetStatus frame with one payload byte flipped: a CRC error.
  proto::Command c;
  c.id = proto::CommandId::GetStatus;
  std::uint8_t payload[proto::kMaxPayload];
  const std::size_t length = c.encode(payload, sizeof payload);
  std::uint8_t wire[proto::kMaxWireFrame];
  const std::size_t n = proto::encodeFrame(proto::MessageType::Command, 0x7777, payload,
                                           length, wire, sizeof wire);
  QVERIFY(n > 4);
  wire[n / 2] = static_cast<std::uint8_t>(wire[n / 2] == 0x55 ? 0x56 : 0x55);  // never 0x00
  QVERIFY(link.writeRaw(wire, n));
  proto::BoardStatus after;
  QVERIFY2(link.status(after), "no Status after corrupt frames");
  qInfo("board frame errors %u -> %u, frames ok %u -> %u", before.frameErrors,
        after.frameErrors, before.framesOk, after.framesOk);
  QVERIFY(after.frameErrors >= before.frameErrors + 2u);
  QCOMPARE(after.modelCrc, m_activeCrc);
  QCOMPARE(link.decodeErrors, 0u);
  link.pump(1200);  // the board prints its figures on its log every second: let one more out
}

void TestM4fFirmwareQemu::cleanupTestCase() {
  if (m_qemu) {
    const bool wasRunning = m_qemu->running();
    m_qemu->stop();
    const QByteArray err = m_qemu->stderrText();
    if (!err.isEmpty()) qInfo("qemu stderr: %s", err.constData());
    if (!wasRunning) qWarning("QEMU had stopped by itself (exit code %d)", m_qemu->exitCode());
  }
  m_link.reset();
  m_qemu.reset();
  // The board's own figures (UART1): the last report line.
  QFile log(QStringLiteral(DLM_M4F_UART1_LOG));
  if (log.open(QIODevice::ReadOnly)) {
    const QList<QByteArray> lines = log.readAll().split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
      if (it->startsWith(QByteArray(kBoardName) + ": uptime")) {
        qInfo("board (log console): %s", it->trimmed().constData());
        break;
      }
    }
  }
  qInfo("whole test: %lld ms", static_cast<long long>(m_clock.elapsed()));
}

QTEST_GUILESS_MAIN(TestM4fFirmwareQemu)
#include "test_m4f_firmware_qemu.moc"
