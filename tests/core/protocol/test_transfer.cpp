// Model transfer through real frames between a simulated studio and board: full push,
// interrupted push resumed from the board's expected offset, lost acks answered from the ack
// cache, out-of-order chunks, CRC mismatch at activation, too large; pull; and the link
// rules (version negotiation, retries, heartbeat, dead link).
#include <QtTest>

#include <cstring>
#include <vector>

#include "core/crc32.h"
#include "core/protocol/link.h"
#include "core/protocol/model_transfer.h"

using namespace dlm::protocol;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes randomModel(std::size_t n, std::uint32_t seed) {
  Bytes b(n);
  for (auto& x : b) {
    seed = seed * 1664525u + 1013904223u;
    x = std::uint8_t(seed >> 24);
  }
  return b;
}

// The board side of a push, as the firmware does it: double buffer, staging receiver, ack
// cache for duplicates, activation as a swap after verification.
struct Board {
  Bytes bufferA = Bytes(8192, 0x11);
  Bytes bufferB = Bytes(8192, 0x22);
  std::uint8_t* active = bufferA.data();
  std::size_t activeBytes = 100;  // the model the board runs before any push
  ModelReceiver receiver{bufferB.data(), bufferB.size()};
  AckCache cache;
  FrameDecoder decoder;
  std::uint16_t seq = 0;
  int executed = 0;

  Ack execute(const Command& c, std::uint16_t cmdSeq) {
    ++executed;
    TransferReply r;
    switch (c.id) {
    case CommandId::ModelPushBegin:
      r = receiver.begin(c.args.modelPushBegin.totalBytes, c.args.modelPushBegin.crc);
      break;
    case CommandId::ModelChunk:
      r = receiver.chunk(c.args.modelChunk.offset, c.args.modelChunk.data, c.args.modelChunk.length);
      break;
    case CommandId::ModelActivate:
      r = receiver.finish(c.args.activateCrc);
      if (r.code == AckCode::Ok) {  // the atomic swap: one pointer, after verification
        Bytes& old = active == bufferA.data() ? bufferA : bufferB;
        Bytes& staged = active == bufferA.data() ? bufferB : bufferA;
        if (receiver.data() != staged.data()) r.code = AckCode::InternalError;
        active = staged.data();
        activeBytes = receiver.totalBytes();
        receiver.setStaging(old.data(), old.size());
      }
      break;
    default: r.code = AckCode::NotSupported; break;
    }
    Ack a;
    a.seq = cmdSeq;
    a.commandId = c.id;
    a.code = r.code;
    a.value = r.value;
    cache.remember(a);
    return a;
  }

  // Wire bytes in, wire bytes out.
  Bytes receive(const Bytes& wire) {
    Bytes out;
    for (std::uint8_t b : wire) {
      if (decoder.push(b) != DecodeEvent::Frame) continue;
      Command c;
      if (!decodeMessage(decoder.frame(), c)) continue;
      const std::uint16_t cmdSeq = decoder.frame().seq;
      const Ack* seen = cache.find(cmdSeq, c.id);
      const Ack a = seen != nullptr ? *seen : execute(c, cmdSeq);
      Bytes frame(kMaxWireFrame);
      frame.resize(encodeMessage(a, seq++, frame.data(), frame.size()));
      out.insert(out.end(), frame.begin(), frame.end());
    }
    return out;
  }
};

struct Studio {
  FrameDecoder decoder;
  std::uint16_t seq = 100;

  Bytes send(const Command& c, bool newSeq = true) {
    if (newSeq) ++seq;
    Bytes wire(kMaxWireFrame);
    wire.resize(encodeMessage(c, seq, wire.data(), wire.size()));
    return wire;
  }
  bool ackOf(const Bytes& wire, Ack& out) {
    bool got = false;
    for (std::uint8_t b : wire)
      if (decoder.push(b) == DecodeEvent::Frame && decodeMessage(decoder.frame(), out))
        got = out.seq == seq;
    return got;
  }
};

// Runs a push to completion; returns the number of chunks sent. -1 on failure.
int push(Studio& studio, Board& board, ModelSender& sender) {
  Command c;
  Ack a;
  int chunks = 0;
  for (int guard = 0; guard < 10000; ++guard) {
    if (sender.needsBegin()) {
      sender.makeBegin(c);
    } else if (!sender.done()) {
      sender.makeChunk(c);
      ++chunks;
    } else {
      sender.makeActivate(c);
      if (!studio.ackOf(board.receive(studio.send(c)), a)) return -1;
      return a.code == AckCode::Ok ? chunks : -1;
    }
    if (!studio.ackOf(board.receive(studio.send(c)), a) || !sender.onAck(a.code, a.value))
      return -1;
  }
  return -1;
}

} // namespace

class TestTransfer : public QObject {
  Q_OBJECT
private slots:
  void fullPushActivatesByAtomicSwap() {
    Board board;
    Studio studio;
    const Bytes model = randomModel(5000, 1);
    ModelSender sender(model.data(), std::uint32_t(model.size()));
    QCOMPARE(sender.crc(), dlm::crc32(model.data(), model.size()));
    QCOMPARE(push(studio, board, sender), 10);  // ceil(5000 / 512)
    QCOMPARE(board.active, board.bufferB.data());
    QCOMPARE(board.activeBytes, model.size());
    QVERIFY(std::memcmp(board.active, model.data(), model.size()) == 0);
    QCOMPARE(board.receiver.state(), ModelReceiver::State::Idle);  // staging is now buffer A
    // A second push lands in buffer A and swaps back.
    const Bytes second = randomModel(777, 2);
    ModelSender again(second.data(), std::uint32_t(second.size()));
    QCOMPARE(push(studio, board, again), 2);
    QCOMPARE(board.active, board.bufferA.data());
    QVERIFY(std::memcmp(board.active, second.data(), second.size()) == 0);
  }

  void interruptedPushResumesFromTheBoardsOffset() {
    Board board;
    Studio studio;
    const Bytes model = randomModel(6000, 3);
    {
      ModelSender first(model.data(), std::uint32_t(model.size()));
      Command c;
      Ack a;
      first.makeBegin(c);
      QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
      QVERIFY(first.onAck(a.code, a.value));
      for (int i = 0; i < 5; ++i) {
        first.makeChunk(c);
        QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
        QVERIFY(first.onAck(a.code, a.value));
      }
      // The 6th chunk is cut in half by the link dropping; the studio forgets everything.
      first.makeChunk(c);
      const Bytes wire = studio.send(c);
      board.receive(Bytes(wire.begin(), wire.begin() + long(wire.size() / 2)));
    }
    QCOMPARE(board.receiver.expectedOffset(), 5u * 512u);
    QCOMPARE(board.active, board.bufferA.data());  // untouched by the partial transfer
    // Reconnected: the same begin resumes at the board's expected offset.
    board.decoder.reset();
    ModelSender resumed(model.data(), std::uint32_t(model.size()));
    QCOMPARE(push(studio, board, resumed), 12 - 5);
    QVERIFY(std::memcmp(board.active, model.data(), model.size()) == 0);
  }

  void lostAcksAreAnsweredWithoutExecutingTwice() {
    Board board;
    Studio studio;
    const Bytes model = randomModel(1500, 4);
    ModelSender sender(model.data(), std::uint32_t(model.size()));
    Command c;
    Ack a;
    sender.makeBegin(c);
    QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
    QVERIFY(sender.onAck(a.code, a.value));
    sender.makeChunk(c);
    board.receive(studio.send(c));  // executed, but the ack is lost
    const int executed = board.executed;
    // The retry carries the same sequence number: the cached ack comes back.
    QVERIFY(studio.ackOf(board.receive(studio.send(c, false)), a));
    QCOMPARE(board.executed, executed);
    QCOMPARE(a.code, AckCode::Ok);
    QCOMPARE(a.value, 512u);
    // The same chunk under a new sequence number is out of order; the sender follows.
    QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
    QCOMPARE(a.code, AckCode::OutOfOrder);
    QCOMPARE(a.value, 512u);
    QVERIFY(sender.onAck(a.code, a.value));
    QCOMPARE(sender.offset(), 512u);
    QCOMPARE(push(studio, board, sender), 2);
  }

  void receiverRejectsOutOfOrderAndOversize() {
    Bytes staging(1000, 0);
    ModelReceiver rx(staging.data(), staging.size());
    const Bytes data(300, 7);
    TransferReply r = rx.chunk(0, data.data(), 100);
    QCOMPARE(r.code, AckCode::OutOfOrder);
    QCOMPARE(r.value, kNoTransfer);
    QCOMPARE(rx.finish(0).value, kNoTransfer);
    r = rx.begin(1001, 0);
    QCOMPARE(r.code, AckCode::TooLarge);
    QCOMPARE(r.value, 1000u);
    QCOMPARE(rx.state(), ModelReceiver::State::Idle);
    QCOMPARE(rx.begin(0, 0).code, AckCode::BadArguments);
    const std::uint32_t crc = dlm::crc32(data.data(), data.size());
    QCOMPARE(rx.begin(300, crc).code, AckCode::Ok);
    r = rx.chunk(100, data.data(), 100);  // ahead
    QCOMPARE(r.code, AckCode::OutOfOrder);
    QCOMPARE(r.value, 0u);
    QCOMPARE(rx.chunk(0, data.data(), 100).value, 100u);
    r = rx.chunk(0, data.data(), 100);  // behind
    QCOMPARE(r.code, AckCode::OutOfOrder);
    QCOMPARE(r.value, 100u);
    QCOMPARE(rx.chunk(100, data.data(), 201).code, AckCode::BadArguments);  // past the total
    QCOMPARE(rx.chunk(100, nullptr, 10).code, AckCode::BadArguments);
    QCOMPARE(rx.chunk(100, data.data(), 0).code, AckCode::BadArguments);
    r = rx.finish(crc);  // missing bytes
    QCOMPARE(r.code, AckCode::OutOfOrder);
    QCOMPARE(r.value, 100u);
    // A failed begin leaves the transfer in progress alone.
    QCOMPARE(rx.begin(5000, 1).code, AckCode::TooLarge);
    QCOMPARE(rx.expectedOffset(), 100u);
    QCOMPARE(rx.chunk(100, data.data() + 100, 200).value, 300u);
    QVERIFY(rx.data() == nullptr);
    QCOMPARE(rx.finish(crc).code, AckCode::Ok);
    QVERIFY(rx.data() == staging.data());
    QCOMPARE(rx.finish(crc).code, AckCode::Ok);  // repeated: idempotent
    QCOMPARE(rx.chunk(300, data.data(), 1).code, AckCode::OutOfOrder);
    QCOMPARE(rx.begin(300, crc).value, 300u);  // same transfer: already all there
  }

  void crcMismatchAtFinishKeepsTheActiveModel() {
    Board board;
    Studio studio;
    const Bytes model = randomModel(2000, 5);
    ModelSender sender(model.data(), std::uint32_t(model.size()));
    Command c;
    Ack a;
    sender.makeBegin(c);
    QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
    QVERIFY(sender.onAck(a.code, a.value));
    while (!sender.done()) {
      sender.makeChunk(c);
      if (sender.offset() == 1024) c.args.modelChunk.data[17] ^= 0x40;  // corrupted at the source
      QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
      QVERIFY(sender.onAck(a.code, a.value));
    }
    // Activation with a CRC other than the declared one: refused, transfer kept.
    c.id = CommandId::ModelActivate;
    c.args.activateCrc = sender.crc() ^ 1;
    QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
    QCOMPARE(a.code, AckCode::CrcMismatch);
    QCOMPARE(board.receiver.state(), ModelReceiver::State::Receiving);
    // The declared CRC, but the staged bytes do not match it: refused, transfer dropped.
    sender.makeActivate(c);
    QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
    QCOMPARE(a.code, AckCode::CrcMismatch);
    QCOMPARE(board.receiver.state(), ModelReceiver::State::Idle);
    QCOMPARE(board.active, board.bufferA.data());
    QCOMPARE(board.bufferA, Bytes(8192, 0x11));  // the active model was never touched
    // Chunks now need a new begin; the sender sees kNoTransfer and restarts.
    sender.resumeFrom(0);
    sender.makeChunk(c);
    QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
    QCOMPARE(a.value, kNoTransfer);
    QVERIFY(sender.onAck(a.code, a.value));
    QVERIFY(sender.needsBegin());
    QCOMPARE(push(studio, board, sender), 4);
    QVERIFY(std::memcmp(board.active, model.data(), model.size()) == 0);
  }

  void tooLargeIsRefusedUpFront() {
    Board board;
    Studio studio;
    const Bytes model = randomModel(9000, 6);
    ModelSender sender(model.data(), std::uint32_t(model.size()));
    Command c;
    Ack a;
    sender.makeBegin(c);
    QVERIFY(studio.ackOf(board.receive(studio.send(c)), a));
    QCOMPARE(a.code, AckCode::TooLarge);
    QCOMPARE(a.value, 8192u);
    QVERIFY(!sender.onAck(a.code, a.value));
    QCOMPARE(push(studio, board, sender), -1);
  }

  void pullUsesTheSameReceiver() {
    const Bytes model = randomModel(1300, 7);
    const ModelSender board(model.data(), std::uint32_t(model.size()));
    Bytes staging(4096);
    ModelReceiver studio(staging.data(), staging.size());
    ModelData md;
    QVERIFY(!board.makeModelData(1300, 10, md));
    QVERIFY(!board.makeModelData(0, 0, md));
    std::uint32_t offset = 0;
    while (offset < model.size()) {
      QVERIFY(board.makeModelData(offset, 512, md));
      Bytes wire(kMaxWireFrame);
      wire.resize(encodeMessage(md, 1, wire.data(), wire.size()));
      FrameDecoder d;
      ModelData got;
      for (std::uint8_t b : wire)
        if (d.push(b) == DecodeEvent::Frame) QVERIFY(decodeMessage(d.frame(), got));
      if (offset == 0) QCOMPARE(studio.begin(got.totalBytes, got.crc).code, AckCode::Ok);
      const TransferReply r = studio.chunk(got.offset, got.data, got.length);
      QCOMPARE(r.code, AckCode::Ok);
      offset = r.value;
    }
    QCOMPARE(md.length, std::uint16_t(1300 - 1024));  // the last chunk is short
    QCOMPARE(studio.finish(board.crc()).code, AckCode::Ok);
    QVERIFY(std::memcmp(studio.data(), model.data(), model.size()) == 0);
  }

  void senderEdgeCases() {
    const Bytes model = randomModel(1000, 8);
    ModelSender s(model.data(), 1000, 300);
    QCOMPARE(s.next().length, std::uint16_t(300));
    QVERIFY(!s.resumeFrom(1001));
    QVERIFY(s.resumeFrom(900));
    QCOMPARE(s.next().length, std::uint16_t(100));
    QVERIFY(!s.onAck(AckCode::Ok, 5000));
    QVERIFY(!s.onAck(AckCode::Busy, 0));
    QVERIFY(s.onAck(AckCode::Ok, 1000));
    QVERIFY(s.done());
    Command c;
    QVERIFY(!s.makeChunk(c));
    QCOMPARE(s.next().length, std::uint16_t(0));
    ModelSender odd(model.data(), 1000, 0);  // an invalid chunk size falls back to the maximum
    QCOMPARE(odd.next().length, std::uint16_t(kMaxModelChunk));
  }

  void versionNegotiation() {
    QCOMPARE(negotiateVersion(1, 1, 1, 1), std::uint8_t(1));
    QCOMPARE(negotiateVersion(1, 3, 2, 5), std::uint8_t(3));
    QCOMPARE(negotiateVersion(2, 5, 1, 3), std::uint8_t(3));
    QCOMPARE(negotiateVersion(1, 1, 2, 3), std::uint8_t(0));
    QCOMPARE(negotiateVersion(4, 5, 1, 3), std::uint8_t(0));
    QCOMPARE(negotiateVersion(0, 0, 0, 0), std::uint8_t(0));
  }

  void ackCacheRemembersTheLastFew() {
    AckCache cache;
    Ack a;
    for (std::uint16_t s = 0; s < 6; ++s) {
      a.seq = s;
      a.commandId = CommandId::ModelChunk;
      a.value = s * 10u;
      cache.remember(a);
    }
    QVERIFY(cache.find(0, CommandId::ModelChunk) == nullptr);  // evicted
    QVERIFY(cache.find(1, CommandId::ModelChunk) == nullptr);
    QVERIFY(cache.find(5, CommandId::ModelChunk) != nullptr);
    QCOMPARE(cache.find(2, CommandId::ModelChunk)->value, 20u);
    QVERIFY(cache.find(5, CommandId::Heartbeat) == nullptr);  // same seq, other command
    cache.clear();
    QVERIFY(cache.find(5, CommandId::ModelChunk) == nullptr);
    QVERIFY(isReadOnlyCommand(CommandId::GetStatus) && isReadOnlyCommand(CommandId::Heartbeat) &&
            isReadOnlyCommand(CommandId::ModelPullChunk));
    QVERIFY(!isReadOnlyCommand(CommandId::ModelChunk) && !isReadOnlyCommand(CommandId::ModelPullBegin));
  }

  void retryTimerResendsThenGivesUp() {
    CommandRetry r;
    QCOMPARE(r.poll(0), RetryAction::Wait);
    const std::uint32_t t0 = 0xFFFFFF00u;  // across the 32-bit wrap
    r.start(7, t0);
    QCOMPARE(r.poll(t0 + 199), RetryAction::Wait);
    QCOMPARE(r.poll(t0 + 200), RetryAction::Resend);
    QCOMPARE(r.tries(), std::uint8_t(2));
    QCOMPARE(r.poll(t0 + 399), RetryAction::Wait);
    QCOMPARE(r.poll(t0 + 400), RetryAction::Resend);
    QCOMPARE(r.poll(t0 + 600), RetryAction::GiveUp);
    QVERIFY(!r.pending());
    r.start(8, 0);
    QVERIFY(!r.onAck(7));
    QVERIFY(r.onAck(8));
    QCOMPARE(r.poll(1000), RetryAction::Wait);
  }

  void linkMonitorDetectsSilence() {
    LinkMonitor m;
    QVERIFY(!m.alive(0));
    m.onValidFrame(10);
    QVERIFY(m.alive(3009));
    QVERIFY(!m.alive(3010));
    m.onSent(0xFFFFFE00u);
    QVERIFY(!m.heartbeatDue(0xFFFFFE00u + 999));
    QVERIFY(m.heartbeatDue(0xFFFFFE00u + 1000));  // wraps past zero
  }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "test_transfer.moc"
