// FirmwareApp model storage: push (interrupted, resumed, corrupted), activation, pull, boot
// from storage, flash-only storage, and the push replies against protocol::ModelReceiver.

#include <QtTest>

#include <cmath>

#include "app_harness.h"
#include "core/crc32.h"
#include "core/protocol/model_transfer.h"

using namespace dlm;
using namespace dlm::firmware;
using namespace dlm::firmware::test;
using protocol::AckCode;
using protocol::CommandId;

namespace {

// A model trained on the host with the board's capacity, from events the board reported.
struct HostModel {
  std::vector<std::max_align_t> arena;
  Network network;
  Bytes bytes;
  std::uint32_t identity = 0;  // ModelInfo::crc
  std::uint32_t transferCrc = 0;

  bool train(const std::vector<protocol::Event>& events, const std::vector<int>& labels) {
    arena.assign(Network::arenaBytes(leanCapacity()) / sizeof(std::max_align_t) + 1, {});
    if (network.init(leanCapacity(), arena.data(), arena.size() * sizeof(std::max_align_t)) !=
            Status::Ok ||
        network.reset(58, 0) != Status::Ok)
      return false;
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (network.learn(events[i].descriptor, labels[i]) != Status::Ok) return false;
    }
    return serialize();
  }
  bool serialize() {
    bytes.assign(modelBytes(network), 0);
    std::size_t written = 0;
    ModelInfo info;
    if (saveModel(network, nullptr, bytes.data(), bytes.size(), &written) != Status::Ok ||
        inspectModel(bytes.data(), written, &info) != Status::Ok)
      return false;
    identity = info.crc;
    transferCrc = crc32(bytes.data(), bytes.size());
    return true;
  }
  struct Snapshot {
    Bytes bytes;
    std::uint32_t identity;
    std::uint32_t transferCrc;
  };
  Snapshot snapshot() const { return {bytes, identity, transferCrc}; }
};

// Collects events of gestures 0..4, \p rounds times, and their true classes.
bool collect(AppHarness& h, int rounds, std::vector<protocol::Event>& events,
             std::vector<int>& labels) {
  for (int r = 0; r < rounds; ++r) {
    for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
      protocol::Event e;
      if (!h.gestureEvent(g, e)) return false;
      events.push_back(e);
      labels.push_back(g);
    }
  }
  return true;
}

std::uint32_t statusCrc(AppHarness& h) {
  protocol::BoardStatus s;
  return h.status(s) ? s.modelCrc : 0xFFFFFFFFu;
}

} // namespace

class TestFirmwareModels : public QObject {
  Q_OBJECT

  // Two host models (A: 2 rounds, B: 3 rounds) and the board they were trained from.
  std::unique_ptr<AppHarness> m_board;
  std::vector<protocol::Event> m_events;
  std::vector<int> m_labels;
  HostModel m_a;
  HostModel m_b;

  std::unique_ptr<AppHarness> freshBoard(bool ram = true) {
    auto h = std::make_unique<AppHarness>(requestedOnly(11), ram);
    protocol::Hello hello;
    if (!h->handshake(hello)) return nullptr;
    h->step(300);
    return h;
  }

private slots:
  void initTestCase() {
    m_board = freshBoard();
    QVERIFY(m_board);
    QVERIFY(collect(*m_board, 3, m_events, m_labels));
    QVERIFY(m_a.train(std::vector<protocol::Event>(m_events.begin(), m_events.begin() + 10),
                      std::vector<int>(m_labels.begin(), m_labels.begin() + 10)));
    QVERIFY(m_b.train(m_events, m_labels));
    QVERIFY(m_a.identity != m_b.identity);
    qInfo("host models: A %zu bytes, B %zu bytes", m_a.bytes.size(), m_b.bytes.size());
  }

  void pushedModelPredictsAsOnTheHost() {
    AppHarness& h = *m_board;
    const protocol::Ack ack = h.push(m_b.bytes, m_b.transferCrc);
    QCOMPARE(ack.code, AckCode::Ok);
    QCOMPARE(ack.value, std::uint32_t(m_b.bytes.size()));
    protocol::BoardStatus s;
    QVERIFY(h.status(s));
    QCOMPARE(s.modelCrc, m_b.identity);
    QCOMPARE(s.modelBytes, std::uint32_t(m_b.bytes.size()));
    QCOMPARE(int(s.neurons), m_b.network.totalNeurons());
    QVERIFY(!h.host.logs.empty());  // "model activated"
    // New events: the board's prediction equals the host's on the same descriptor.
    for (int round = 0; round < 2; ++round) {
      for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
        protocol::Event e;
        QVERIFY(h.gestureEvent(g, e));
        Prediction p;
        QCOMPARE(m_b.network.predict(e.descriptor, p, m_b.network.scratch()), Status::Ok);
        QCOMPARE(int(e.predictedClass), p.classIndex);
        QCOMPARE(int(e.bestClass), p.bestClass);
        QVERIFY(std::fabs(e.confidence - p.confidence) <= 1e-4f);
        QVERIFY(std::fabs(e.knownScore - p.knownScore) <= 1e-4f);
      }
    }
    // Pulling it back gives the very bytes pushed (served from the active slot).
    QCOMPARE(h.pull(), m_b.bytes);
  }

  void interruptedPushKeepsTheOldModelAndResumes() {
    auto h = freshBoard();
    QVERIFY(h);
    QCOMPARE(h->push(m_a.bytes, m_a.transferCrc).code, AckCode::Ok);
    QCOMPARE(statusCrc(*h), m_a.identity);
    // Half of B, then the link "breaks".
    const std::uint32_t half = std::uint32_t(m_b.bytes.size() / 2) / 512 * 512;
    QCOMPARE(h->pushPart(m_b.bytes, m_b.transferCrc, 0, half).value, half);
    QCOMPARE(statusCrc(*h), m_a.identity);
    // Activating now: bytes missing.
    protocol::Ack ack = h->activate(m_b.transferCrc);
    QCOMPARE(ack.code, AckCode::OutOfOrder);
    QCOMPARE(ack.value, half);
    QCOMPARE(statusCrc(*h), m_a.identity);
    // A chunk at the wrong offset says where to continue.
    protocol::Command c;
    c.id = CommandId::ModelChunk;
    c.args.modelChunk.offset = 0;
    c.args.modelChunk.length = 1;
    ack = h->command(c);
    QCOMPARE(ack.code, AckCode::OutOfOrder);
    QCOMPARE(ack.value, half);
    // The same ModelPushBegin resumes at the expected offset; finish from there.
    ack = h->pushPart(m_b.bytes, m_b.transferCrc, half, std::uint32_t(m_b.bytes.size()));
    QCOMPARE(ack.code, AckCode::Ok);
    QCOMPARE(ack.value, std::uint32_t(m_b.bytes.size()));
    ack = h->activate(m_b.transferCrc);
    QCOMPARE(ack.code, AckCode::Ok);
    QCOMPARE(statusCrc(*h), m_b.identity);
    // After activation there is no transfer any more.
    ack = h->command(c);
    QCOMPARE(ack.code, AckCode::OutOfOrder);
    QCOMPARE(ack.value, protocol::kNoTransfer);
  }

  void corruptModelsAreRefused() {
    auto h = freshBoard();
    QVERIFY(h);
    QCOMPARE(h->push(m_a.bytes, m_a.transferCrc).code, AckCode::Ok);
    // 1. Bytes damaged in transit: the transfer CRC catches it.
    Bytes damaged = m_b.bytes;
    damaged[damaged.size() / 3] ^= 0x40;
    QCOMPARE(h->pushPart(damaged, m_b.transferCrc, 0, std::uint32_t(damaged.size())).code,
             AckCode::Ok);
    protocol::Ack ack = h->activate(m_b.transferCrc);
    QCOMPARE(ack.code, AckCode::CrcMismatch);
    QCOMPARE(statusCrc(*h), m_a.identity);
    QCOMPARE(h->activate(m_b.transferCrc).value, protocol::kNoTransfer);  // staging dropped
    // 2. A consistent transfer of a bad model: the model's own CRC fails in the loader.
    const std::uint32_t crc = crc32(damaged.data(), damaged.size());
    ack = h->push(damaged, crc);
    QCOMPARE(ack.code, AckCode::InternalError);
    QCOMPARE(ack.value, std::uint32_t(Status::BadCrc));
    QCOMPARE(statusCrc(*h), m_a.identity);
    // 3. Declared CRC differs at activation.
    QCOMPARE(h->pushPart(m_b.bytes, m_b.transferCrc, 0, std::uint32_t(m_b.bytes.size())).code,
             AckCode::Ok);
    ack = h->activate(m_b.transferCrc ^ 1u);
    QCOMPARE(ack.code, AckCode::CrcMismatch);
    QCOMPARE(statusCrc(*h), m_a.identity);
    // 4. Too large for a slot.
    protocol::Command c;
    c.id = CommandId::ModelPushBegin;
    c.args.modelPushBegin.totalBytes = FakePort::kSlotBytes;
    c.args.modelPushBegin.crc = 1;
    ack = h->command(c);
    QCOMPARE(ack.code, AckCode::TooLarge);
    QCOMPARE(ack.value, FakePort::kSlotBytes - ModelStore::kHeaderBytes);
    // The old model survives a power cycle too.
    QVERIFY(h->boot());
    protocol::Hello hello;
    QVERIFY(h->handshake(hello));
    QCOMPARE(hello.modelCrc, m_a.identity);
  }

  void bootLoadsTheNewestValidSlot() {
    auto h = freshBoard();
    QVERIFY(h);
    QCOMPARE(h->push(m_a.bytes, m_a.transferCrc).code, AckCode::Ok);
    QCOMPARE(h->push(m_b.bytes, m_b.transferCrc).code, AckCode::Ok);
    const int newest = h->app->network().totalNeurons() > 0 ? 1 : -1;  // A in 0, B in 1
    QCOMPARE(newest, 1);
    QVERIFY(h->boot());
    protocol::Hello hello;
    QVERIFY(h->handshake(hello));
    QCOMPARE(hello.modelCrc, m_b.identity);
    QCOMPARE(int(hello.neurons), m_b.network.totalNeurons());
    // Damage the newest slot (as a power cut during its write would): the older one loads.
    h->port.slot(1)[ModelStore::kHeaderBytes + 100] ^= 0xFF;
    QVERIFY(h->boot());
    QVERIFY(h->handshake(hello));
    QCOMPARE(hello.modelCrc, m_a.identity);
    // Both damaged: empty.
    h->port.slot(0)[ModelStore::kHeaderBytes + 100] ^= 0xFF;
    QVERIFY(h->boot());
    QVERIFY(h->handshake(hello));
    QCOMPARE(hello.modelCrc, 0u);
  }

  void pullOfAModelLearnedOnBoard() {
    auto h = freshBoard();
    QVERIFY(h);
    QCOMPARE(h->push(m_a.bytes, m_a.transferCrc).code, AckCode::Ok);
    protocol::Event e;
    QVERIFY(h->gestureEvent(4, e));
    QCOMPARE(h->labelEvent(e.eventId, 4).code, AckCode::Ok);
    // The host applies the same learn: the pulled bytes are its model, bit for bit.
    QCOMPARE(m_a.network.learn(e.descriptor, 4), Status::Ok);
    QVERIFY(m_a.serialize());
    const std::uint32_t crc = statusCrc(*h);
    QCOMPARE(crc, m_a.identity);
    const Bytes pulled = h->pull();
    QCOMPARE(pulled, m_a.bytes);
    const protocol::ModelData& d = h->host.modelData.back();
    QCOMPARE(d.totalBytes, std::uint32_t(pulled.size()));
    QCOMPARE(d.crc, crc32(pulled.data(), pulled.size()));
    // Pull rules: chunk beyond the end, and no pull while a push is staged.
    protocol::Command c;
    c.id = CommandId::ModelPullChunk;
    c.args.modelPullChunk.offset = std::uint32_t(pulled.size());
    c.args.modelPullChunk.length = 16;
    QCOMPARE(h->command(c).code, AckCode::BadArguments);
    QCOMPARE(h->pushPart(m_b.bytes, m_b.transferCrc, 0, 512).code, AckCode::Ok);
    c.id = CommandId::ModelPullBegin;
    QCOMPARE(h->command(c).code, AckCode::Busy);
    c.id = CommandId::ModelPullChunk;
    c.args.modelPullChunk.offset = 0;
    QCOMPARE(h->command(c).value, protocol::kNoTransfer);  // the push dropped the snapshot
  }

  void rejectionThresholdComesWithTheModel() {
    // A model whose default threshold is 0.2 (KernelParams::threshold, stored in the model).
    HostModel model;
    QVERIFY(model.train(m_events, m_labels));
    model.network.setThreshold(0.2f);
    QVERIFY(model.serialize());
    const HostModel::Snapshot stored = model.snapshot();
    auto h = freshBoard();
    QVERIFY(h);
    QCOMPARE(h->push(stored.bytes, stored.transferCrc).code, AckCode::Ok);
    protocol::BoardStatus s;
    QVERIFY(h->status(s));
    QCOMPARE(s.rejectionThreshold, 0.2f);
    QCOMPARE(s.modelCrc, stored.identity);

    // SetRejection changes the running model: identity and pulled bytes follow it, exactly as
    // the host's model with the same threshold.
    QCOMPARE(h->setRejection(0.6f).code, AckCode::Ok);
    model.network.setThreshold(0.6f);
    QVERIFY(model.serialize());
    QVERIFY(h->status(s));
    QCOMPARE(s.rejectionThreshold, 0.6f);
    QCOMPARE(s.modelCrc, model.identity);
    QCOMPARE(h->pull(), model.bytes);

    // Not persisted: a reset brings back the stored model with its own default...
    protocol::Command reset;
    reset.id = CommandId::Reset;
    QCOMPARE(h->command(reset).code, AckCode::Ok);
    h->step(10);
    protocol::Hello hello;
    QVERIFY(h->handshake(hello));
    QCOMPARE(hello.modelCrc, stored.identity);
    QVERIFY(h->status(s));
    QCOMPARE(s.rejectionThreshold, 0.2f);
    // ...and so does activating a model.
    QCOMPARE(h->setRejection(0.9f).code, AckCode::Ok);
    QCOMPARE(h->push(stored.bytes, stored.transferCrc).code, AckCode::Ok);
    QVERIFY(h->status(s));
    QCOMPARE(s.rejectionThreshold, 0.2f);
    QCOMPARE(s.modelCrc, stored.identity);
  }

  void emptyBoardPullsNothing() {
    auto h = freshBoard();
    QVERIFY(h);
    protocol::Command c;
    c.id = CommandId::ModelPullBegin;
    const protocol::Ack ack = h->command(c);
    QCOMPARE(ack.code, AckCode::Ok);
    QCOMPARE(ack.value, 0u);
  }

  void flashOnlyStorage() {
    auto h = freshBoard(false);  // storageRam() returns null, as on a real MCU's flash
    QVERIFY(h);
    QCOMPARE(h->push(m_a.bytes, m_a.transferCrc).code, AckCode::Ok);
    QCOMPARE(statusCrc(*h), m_a.identity);
    QCOMPARE(h->pull(), m_a.bytes);  // unchanged model: served from its slot
    protocol::Event e;
    QVERIFY(h->gestureEvent(0, e));
    QCOMPARE(h->labelEvent(e.eventId, 0).code, AckCode::Ok);
    protocol::BoardStatus s;
    QVERIFY(h->status(s));
    QCOMPARE(s.modelCrc, 0u);  // changed on the board, identity not computable without RAM
    QVERIFY(s.modelBytes > 0);
    protocol::Command c;
    c.id = CommandId::ModelPullBegin;
    QCOMPARE(h->command(c).code, AckCode::NotSupported);
    QCOMPARE(h->push(m_b.bytes, m_b.transferCrc).code, AckCode::Ok);
    QCOMPARE(statusCrc(*h), m_b.identity);
    // A storage failure is an internal error, and the old model stays.
    h->port.failStorage = true;
    protocol::Ack ack = h->pushPart(m_a.bytes, m_a.transferCrc, 0, 512);
    QCOMPARE(ack.code, AckCode::InternalError);
    QCOMPARE(statusCrc(*h), m_b.identity);
  }

  // Random begin/chunk/finish sequences: the store answers exactly as ModelReceiver does.
  void pushRepliesMatchModelReceiver() {
    FakePort port(requestedOnly());
    ModelStore store;
    const FrontEndConfig motion = motionFrontEnd(3);  // 58 dims; outlives the store
    store.attach(port, motion);
    std::vector<std::max_align_t> arena(Network::arenaBytes(leanCapacity()) /
                                        sizeof(std::max_align_t) + 1);
    Network net;
    QCOMPARE(net.init(leanCapacity(), arena.data(), arena.size() * sizeof(std::max_align_t)),
             Status::Ok);
    Bytes staging(store.modelCapacity());
    protocol::ModelReceiver reference(staging.data(), staging.size());
    Rng rng(5);
    Bytes model(3600);  // 3000 transferred; the rest lets oversized chunks read valid memory
    for (std::uint8_t& b : model) b = std::uint8_t(rng());
    const std::uint32_t crc = crc32(model.data(), 3000);
    for (int step = 0; step < 20000; ++step) {
      const int what = int(rng() % 10);
      protocol::TransferReply a, b;
      if (what == 0) {
        const std::uint32_t total = rng() % 4 == 0 ? std::uint32_t(rng()) : 3000u;
        const std::uint32_t c = rng() % 3 == 0 ? crc ^ 1u : crc;
        a = store.pushBegin(total, c);
        b = reference.begin(total, c);
      } else if (what == 1) {
        const std::uint32_t c = rng() % 3 == 0 ? crc ^ 1u : crc;
        a = store.activate(c, net, nullptr);  // not a loadable model: refused by the loader
        b = reference.finish(c);
        if (b.code == AckCode::Ok) {
          QCOMPARE(a.code, AckCode::InternalError);
          reference.abort();
          continue;
        }
      } else {
        const std::uint32_t expected = reference.expectedOffset();
        const std::uint32_t offset = rng() % 5 == 0 ? std::uint32_t(rng() % 3000) : expected;
        const std::size_t length = 1 + rng() % 600;
        const std::size_t n = offset < 3000 ? std::min<std::size_t>(length, 3000 - offset) : 1;
        const std::uint8_t* data = model.data() + (offset < 3000 ? offset : 0);
        const std::size_t len = rng() % 7 == 0 ? length : n;
        a = store.pushChunk(offset, data, len);
        b = reference.chunk(offset, data, len);
      }
      QCOMPARE(int(a.code), int(b.code));
      QCOMPARE(a.value, b.value);
    }
  }
};

QTEST_GUILESS_MAIN(TestFirmwareModels)
#include "test_firmware_models.moc"
