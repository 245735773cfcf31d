// dlm-board through a real pseudo-terminal: started as a subprocess, handshake with retries,
// live stream, gesture -> event, on-board learning, model push, reopening the port, garbage,
// clean exit. Label `integration`. Never a fixed sleep: every wait polls with a deadline.

#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <random>

#include "core/crc32.h"
#include "core/model_format.h"
#include "core/network.h"
#include "core/protocol/link.h"
#include "devices/boards/virtual/board_process.h"
#include "devices/boards/virtual/host_link.h"
#include "devices/firmware/firmware_app.h"

using namespace dlm;
using namespace dlm::board;
using protocol::AckCode;
using protocol::CommandId;

namespace {

constexpr int kTimeoutMs = 10000;

protocol::Command cmd(CommandId id) {
  protocol::Command c;
  c.id = id;
  return c;
}

// Stream bookkeeping shared by every wait: contiguity of Samples and the events seen.
struct Stream {
  std::uint64_t frames = 0;
  std::uint64_t gaps = 0;
  bool started = false;
  std::uint32_t next = 0;
  std::vector<protocol::Event> events;

  bool onFrame(const protocol::FrameView& f) {
    protocol::Samples s;
    if (protocol::decodeMessage(f, s)) {
      if (started && s.firstSample != next) gaps += s.firstSample - next;
      started = true;
      next = s.firstSample + s.frames;
      frames += s.frames;
      return false;
    }
    protocol::Event e;
    if (protocol::decodeMessage(f, e)) events.push_back(e);
    return false;
  }
};

} // namespace

class TestVirtualBoard : public QObject {
  Q_OBJECT

  BoardProcess m_board;
  HostLink m_link;
  Stream m_stream;
  std::string m_linkPath;

  HostLink::Handler handler() {
    return [this](const protocol::FrameView& f) { return m_stream.onFrame(f); };
  }

  protocol::Ack command(const protocol::Command& c) {
    protocol::Ack ack;
    ack.code = AckCode::InternalError;
    ack.value = 0xDEADu;
    if (!m_link.command(c, ack, kTimeoutMs, handler())) qWarning("no ack for command %d", int(c.id));
    return ack;
  }

  // Heartbeats every second while reading, as a studio does.
  void readFor(int ms) {
    const std::int64_t end = monotonicMs() + ms;
    while (monotonicMs() < end) {
      protocol::Ack ack;
      m_link.command(cmd(CommandId::Heartbeat), ack, 2000, handler());
      m_link.pump(static_cast<int>(std::min<std::int64_t>(1000, end - monotonicMs())), handler());
    }
  }

private slots:
  void initTestCase() {
    m_linkPath = "/tmp/dlm-board-test-" + std::to_string(getpid());
    std::string error;
    QVERIFY2(m_board.start(DLM_BOARD_EXE,
                           {"--seed", "1", "--gesture-rate", "30", "--quiet", "--link", m_linkPath},
                           kTimeoutMs, error),
             error.c_str());
    QVERIFY(m_board.port().rfind("/dev/pts/", 0) == 0);
    // The stable link points at the port.
    char target[256] = {};
    QVERIFY(readlink(m_linkPath.c_str(), target, sizeof target - 1) > 0);
    QCOMPARE(std::string(target), m_board.port());
  }

  void handshake() {
    std::string error;
    QVERIFY2(m_link.open(m_linkPath, error), error.c_str());
    protocol::Hello hello;
    QVERIFY(m_link.handshake(kTimeoutMs, hello, handler()));
    QCOMPARE(QByteArray(hello.boardName), QByteArray("virtual-board"));
    QCOMPARE(int(hello.sampleRateHz), 1000);
    QCOMPARE(int(hello.channels), 3);
    QCOMPARE(int(hello.descriptorDims), 58);
    QCOMPARE(int(hello.capacity.maxNeurons), 256);
  }

  void liveStream() {
    m_stream = Stream();
    const std::int64_t start = monotonicMs();
    readFor(3000);
    const double seconds = double(monotonicMs() - start) / 1000.0;
    const double rate = double(m_stream.frames) / seconds;
    qInfo("%llu sample frames in %.2f s = %.0f frames/s, %llu bytes received, gaps %llu",
          static_cast<unsigned long long>(m_stream.frames), seconds, rate,
          static_cast<unsigned long long>(m_link.bytesIn()),
          static_cast<unsigned long long>(m_stream.gaps));
    QCOMPARE(m_stream.gaps, 0u);
    QVERIFY2(rate > 900.0 && rate < 1100.0, qPrintable(QString::number(rate)));
    QCOMPARE(m_link.stats().crcErrors + m_link.stats().cobsErrors + m_link.stats().malformed, 0u);
  }

  void gestureEventLabelAndLearn() {
    protocol::BoardStatus before;
    QVERIFY(m_link.status(before, kTimeoutMs, handler()));
    protocol::Command g = cmd(CommandId::PerformGesture);
    g.args.gesture = 2;
    QCOMPARE(command(g).code, AckCode::Ok);
    const std::size_t mark = m_stream.events.size();
    QVERIFY(m_link.pump(kTimeoutMs, [this, mark](const protocol::FrameView& f) {
      m_stream.onFrame(f);
      return m_stream.events.size() > mark;
    }));
    const protocol::Event e = m_stream.events.back();
    QCOMPARE(int(e.dims), 58);
    protocol::Command label = cmd(CommandId::LabelEvent);
    label.args.labelEvent.eventId = e.eventId;
    label.args.labelEvent.classIndex = 2;
    const protocol::Ack ack = command(label);
    QCOMPARE(ack.code, AckCode::Ok);
    QCOMPARE(ack.value, before.eventsLearned + 1);
    protocol::BoardStatus after;
    QVERIFY(m_link.status(after, kTimeoutMs, handler()));
    QVERIFY(after.neurons > before.neurons);
    QCOMPARE(after.eventsLearned, before.eventsLearned + 1);
    QVERIFY(after.modelCrc != before.modelCrc);
    qInfo("learn %u us, predict %u us (wall clock)", after.lastLearnUs, after.lastPredictUs);
  }

  void modelPush() {
    QVERIFY(!m_stream.events.empty());
    // A host model with the board's capacity, from the events the board reported.
    const Capacity capacity = firmware::FirmwareApp::kCapacity;
    std::vector<std::max_align_t> arena(Network::arenaBytes(capacity) / sizeof(std::max_align_t) +
                                        1);
    Network net;
    QCOMPARE(net.init(capacity, arena.data(), arena.size() * sizeof(std::max_align_t)), Status::Ok);
    QCOMPARE(net.reset(58, 0), Status::Ok);
    for (std::size_t i = 0; i < m_stream.events.size(); ++i)
      QCOMPARE(net.learn(m_stream.events[i].descriptor, int(i % 3)), Status::Ok);
    std::vector<std::uint8_t> model(modelBytes(net));
    std::size_t written = 0;
    QCOMPARE(saveModel(net, nullptr, model.data(), model.size(), &written), Status::Ok);
    ModelInfo info;
    QCOMPARE(inspectModel(model.data(), written, &info), Status::Ok);
    const std::uint32_t crc = crc32(model.data(), model.size());

    protocol::Command c = cmd(CommandId::ModelPushBegin);
    c.args.modelPushBegin.totalBytes = std::uint32_t(model.size());
    c.args.modelPushBegin.crc = crc;
    protocol::Ack ack = command(c);
    QCOMPARE(ack.code, AckCode::Ok);
    for (std::uint32_t offset = ack.value; offset < model.size();) {
      const std::uint32_t n =
          std::min<std::uint32_t>(512, std::uint32_t(model.size()) - offset);
      c = cmd(CommandId::ModelChunk);
      c.args.modelChunk.offset = offset;
      c.args.modelChunk.length = std::uint16_t(n);
      std::memcpy(c.args.modelChunk.data, model.data() + offset, n);
      ack = command(c);
      QCOMPARE(ack.code, AckCode::Ok);
      offset = ack.value;
    }
    c = cmd(CommandId::ModelActivate);
    c.args.activateCrc = crc;
    ack = command(c);
    QCOMPARE(ack.code, AckCode::Ok);
    QCOMPARE(ack.value, std::uint32_t(model.size()));
    protocol::BoardStatus s;
    QVERIFY(m_link.status(s, kTimeoutMs, handler()));
    QCOMPARE(s.modelCrc, info.crc);
    QCOMPARE(s.modelBytes, std::uint32_t(model.size()));
    QCOMPARE(int(s.neurons), net.totalNeurons());
  }

  void survivesGarbageAndReopening() {
    std::mt19937 rng(1);
    std::vector<std::uint8_t> junk(5000);
    for (std::uint8_t& b : junk) b = std::uint8_t(rng());
    QVERIFY(m_link.writeAll(junk.data(), junk.size()));
    // Stop and wait: once the status arrives, the board has read past the junk.
    protocol::BoardStatus s;
    QVERIFY(m_link.status(s, kTimeoutMs, handler()));
    QVERIFY(s.frameErrors > 0);  // the junk was seen and rejected
    // Close and reopen the port, twice, as a studio reconnecting does.
    for (int i = 0; i < 2; ++i) {
      m_link.close();
      std::string error;
      QVERIFY2(m_link.open(m_board.port(), error), error.c_str());
      protocol::Hello hello;
      QVERIFY(m_link.handshake(kTimeoutMs, hello, handler()));
      QVERIFY(hello.modelCrc != 0);  // the pushed model is still active
    }
    QVERIFY(m_link.status(s, kTimeoutMs, handler()));
  }

  void cleanExit() {
    m_link.close();
    QCOMPARE(m_board.stop(), 0);  // SIGTERM: exit status 0
    struct stat st {};
    QVERIFY(lstat(m_linkPath.c_str(), &st) != 0);  // link removed
  }

  void cleanupTestCase() {
    m_link.close();
    m_board.stop();
    unlink(m_linkPath.c_str());
  }
};

QTEST_GUILESS_MAIN(TestVirtualBoard)
#include "test_virtual_board.moc"
