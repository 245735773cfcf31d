// The link's pure parts: sample batching and gap counting, the stop-and-wait command queue,
// and the push and pull tasks' reading of the board's acks.
#include <QtTest>

#include "core/crc32.h"
#include "devices/link/command_queue.h"
#include "devices/link/sample_batcher.h"
#include "devices/link/transfer_tasks.h"

using namespace dlm;
using namespace dlm::link;
using protocol::AckCode;
using protocol::CommandId;

namespace {

protocol::Ack ackOf(CommandId id, AckCode code, std::uint32_t value, std::uint16_t seq = 0) {
  protocol::Ack a;
  a.seq = seq;
  a.commandId = id;
  a.code = code;
  a.value = value;
  return a;
}

QByteArray bytes(int n) {
  QByteArray b(n, '\0');
  for (int i = 0; i < n; ++i) b[i] = static_cast<char>(i * 13 + 1);
  return b;
}

} // namespace

class TestLinkUnits : public QObject {
  Q_OBJECT
private slots:
  void batcherJoinsContiguousMessages() {
    SampleBatcher b;
    const std::int16_t v[6] = {1, 2, 3, 4, 5, 6};
    b.add(100, 3, v, 2, 0);
    b.add(102, 3, v, 2, 5);
    QVERIFY(b.take().empty()); // still young
    b.closeIfDue(SampleBatcher::kMaxAgeMs);
    const auto out = b.take();
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(out[0].firstIndex, 100u);
    QCOMPARE(out[0].values.size(), 12);
    QCOMPARE(b.lostFrames(), 0u);
  }

  void batcherCountsGapsAndSplitsThere() {
    SampleBatcher b;
    const std::int16_t v[3] = {1, 2, 3};
    b.add(0, 3, v, 1, 0);
    b.add(5, 3, v, 1, 0);           // frames 1..4 lost
    b.add(0xFFFFFFFFu, 3, v, 1, 0); // a restart is not a loss
    b.add(0, 3, v, 1, 0);           // across the 32-bit wrap: contiguous
    b.closeIfDue(0, true);
    const auto out = b.take();
    QCOMPARE(out.size(), std::size_t(3));
    QCOMPARE(out[2].firstIndex, 0xFFFFFFFFu);
    QCOMPARE(out[2].values.size(), 6);
    QCOMPARE(b.lostFrames(), 4u);
    QCOMPARE(b.gaps(), 1u);
    b.restart();
    b.add(1000, 3, v, 1, 0);
    QCOMPARE(b.lostFrames(), 4u);
  }

  void queueIsStopAndWaitAndRetriesWithTheSameFrame() {
    CommandQueue q;
    QueuedCommand c;
    c.command.id = CommandId::GetStatus;
    QVERIFY(q.enqueue(c));
    c.command.id = CommandId::Heartbeat;
    QVERIFY(q.enqueue(c));
    const QByteArray first = q.startNext(10, 0, 1);
    QVERIFY(!first.isEmpty());
    QVERIFY(q.startNext(11, 0, 1).isEmpty()); // one outstanding at a time
    QCOMPARE(q.poll(199), protocol::RetryAction::Wait);
    QCOMPARE(q.poll(200), protocol::RetryAction::Resend);
    QCOMPARE(q.inFlightFrame(), first);
    QueuedCommand done;
    qint64 latency = 0;
    QVERIFY(!q.complete(10, CommandId::Heartbeat, 250, done, latency)); // other command
    QVERIFY(!q.complete(9, CommandId::GetStatus, 250, done, latency));  // other sequence
    QVERIFY(q.complete(10, CommandId::GetStatus, 250, done, latency));
    QCOMPARE(latency, -1); // answered after a retry: no latency sample
    QVERIFY(!q.startNext(11, 300, 1).isEmpty());
    QVERIFY(q.complete(11, CommandId::Heartbeat, 342, done, latency));
    QCOMPARE(latency, 42);
    QVERIFY(q.idle());
  }

  void queueGivesUpAfterThreeTriesAndRefusesInvalidCommands() {
    CommandQueue q;
    QueuedCommand c;
    c.command.id = CommandId::ModelPullChunk;
    c.command.args.modelPullChunk = {0, 0}; // length 0: invalid
    QVERIFY(!q.enqueue(c));
    c.command.id = CommandId::ForgetEvent;
    QVERIFY(q.enqueue(c));
    q.startNext(1, 0, 1);
    QCOMPARE(q.poll(200), protocol::RetryAction::Resend);
    QCOMPARE(q.poll(400), protocol::RetryAction::Resend);
    QCOMPARE(q.poll(600), protocol::RetryAction::GiveUp);
    QCOMPARE(q.takeInFlight().command.id, CommandId::ForgetEvent);
    QueuedCommand done;
    qint64 latency = 0;
    QVERIFY(!q.complete(1, CommandId::ForgetEvent, 700, done, latency)); // too late
  }

  void pushFollowsTheBoardsOffsets() {
    const QByteArray model = bytes(1500);
    PushTask push(model);
    protocol::Command c;
    push.nextCommand(c);
    QCOMPARE(c.id, CommandId::ModelPushBegin);
    QCOMPARE(c.args.modelPushBegin.crc, crc32(model.constData(), 1500));
    QCOMPARE(push.onAck(ackOf(CommandId::ModelPushBegin, AckCode::Ok, 1024)),
             TransferStep::Continue); // a resume point
    push.nextCommand(c);
    QCOMPARE(c.id, CommandId::ModelChunk);
    QCOMPARE(c.args.modelChunk.offset, 1024u);
    QCOMPARE(c.args.modelChunk.length, std::uint16_t(476));
    QCOMPARE(push.onAck(ackOf(CommandId::ModelChunk, AckCode::OutOfOrder, 512)),
             TransferStep::Continue);
    push.nextCommand(c);
    QCOMPARE(c.args.modelChunk.offset, 512u);
    push.onAck(ackOf(CommandId::ModelChunk, AckCode::Ok, 1500));
    QVERIFY(!push.activationSent());
    push.nextCommand(c);
    QCOMPARE(c.id, CommandId::ModelActivate);
    QVERIFY(push.activationSent());
    // The activation's ack was lost with the link; the board now runs this model.
    push.onLinkLost();
    QCOMPARE(push.onBoardModel(modelIdentity(model), 1500), TransferStep::Done);
  }

  void pushFailuresSayWhy() {
    PushTask tooLarge(bytes(5000));
    QCOMPARE(tooLarge.onAck(ackOf(CommandId::ModelPushBegin, AckCode::TooLarge, 4096)),
             TransferStep::Failed);
    QVERIFY(tooLarge.message().contains(QStringLiteral("at most 4096 bytes")));
    PushTask silent(bytes(10));
    QCOMPARE(silent.onGiveUp(), TransferStep::Continue);
    QCOMPARE(silent.onGiveUp(), TransferStep::Continue);
    QCOMPARE(silent.onGiveUp(), TransferStep::Failed);
    PushTask refused(bytes(10));
    refused.onAck(ackOf(CommandId::ModelPushBegin, AckCode::Ok, 10));
    QCOMPARE(refused.onAck(ackOf(CommandId::ModelActivate, AckCode::InternalError, 3)),
             TransferStep::Failed);
    QVERIFY(refused.message().contains(QStringLiteral("previous model")));
  }

  void pullStagesAndVerifies() {
    const QByteArray model = bytes(700);
    const protocol::ModelSender board(reinterpret_cast<const std::uint8_t*>(model.constData()),
                                      700);
    PullTask pull;
    protocol::Command c;
    pull.nextCommand(c);
    QCOMPARE(c.id, CommandId::ModelPullBegin);
    QCOMPARE(pull.onAck(ackOf(CommandId::ModelPullBegin, AckCode::Ok, 700)),
             TransferStep::Continue);
    protocol::ModelData d;
    pull.nextCommand(c);
    QCOMPARE(c.args.modelPullChunk.offset, 0u);
    board.makeModelData(0, 512, d);
    QCOMPARE(pull.onData(d), TransferStep::Continue);
    pull.onLinkLost();
    pull.nextCommand(c);
    QCOMPARE(c.id, CommandId::ModelPullBegin); // asks again after a reconnection...
    pull.onAck(ackOf(CommandId::ModelPullBegin, AckCode::Ok, 700));
    pull.nextCommand(c);
    QCOMPARE(c.args.modelPullChunk.offset, 512u); // ...and keeps what it has
    board.makeModelData(512, 512, d);
    QCOMPARE(pull.onData(d), TransferStep::Done);
    QCOMPARE(pull.result(), model);
  }
};

QTEST_GUILESS_MAIN(TestLinkUnits)
#include "test_link_units.moc"
