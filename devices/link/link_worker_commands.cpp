// LinkWorker, second part: the stop-and-wait command queue, model transfers, samples, and the
// requests BoardLink forwards. The session lifecycle and frame dispatch are in link_worker.cpp.
#include <algorithm>

#include "devices/link/link_logging.h"
#include "devices/link/link_worker.h"
#include "devices/link/message_convert.h"

namespace dlm {
namespace link {

using protocol::AckCode;
using protocol::CommandId;

// --- commands and transfers --------------------------------------------------------------

void LinkWorker::serviceSession(std::uint32_t now) {
  if (!m_monitor.alive(now)) {
    loseLink(tr("No data from the board for %1 s: the link is lost.")
                 .arg(protocol::kLinkTimeoutMs / 1000));
    return;
  }
  pollCommands(now);
  if (m_phase != Phase::Connected) return;
  if (m_commands.idle() && !m_push && !m_pull && m_monitor.heartbeatDue(now)) {
    QueuedCommand heartbeat;
    heartbeat.command.id = CommandId::Heartbeat;
    heartbeat.origin = CommandOrigin::Heartbeat;
    m_commands.enqueue(heartbeat);
  }
  feedTransfers();
  pumpCommands();
  flushSamples(false);
}

void LinkWorker::pumpCommands() {
  if (m_phase != Phase::Connected) return;
  const QByteArray frame = m_commands.startNext(m_nextSeq, nowMs(), m_version);
  if (frame.isEmpty()) return;
  ++m_nextSeq;
  ++m_stats.commandsSent;
  writeFrame(frame);
}

void LinkWorker::pollCommands(std::uint32_t now) {
  switch (m_commands.poll(now)) {
  case protocol::RetryAction::Wait: return;
  case protocol::RetryAction::Resend:
    if (m_commands.inFlight().origin == CommandOrigin::Heartbeat) {
      m_commands.takeInFlight(); // heartbeats are not retried: the next one follows (4.4)
      return;
    }
    ++m_stats.commandRetries;
    writeFrame(m_commands.inFlightFrame());
    return;
  case protocol::RetryAction::GiveUp: onGiveUp(m_commands.takeInFlight()); return;
  }
}

void LinkWorker::dispatchAck(const QueuedCommand& done, const protocol::Ack& ack) {
  switch (done.origin) {
  case CommandOrigin::User:
    if (ack.code == AckCode::Ok) emit commandSucceeded(done.kind, ack.value);
    if (ack.code == AckCode::Ok && done.command.id == CommandId::Reset) {
      // The board reboots once this ack has left: a new session, as after a lost link.
      loseLink(tr("The board is restarting."));
      return;
    }
    if (ack.code != AckCode::Ok) {
      ++m_stats.commandsFailed;
      emit commandFailed(done.kind,
                         tr("The board refused the command: %1.").arg(ackCodeWords(ack.code)));
    }
    break;
  case CommandOrigin::Heartbeat: break;
  case CommandOrigin::Push:
    if (!m_push) break;
    {
      const TransferStep step = m_push->onAck(ack);
      if (step == TransferStep::Continue && done.command.id != CommandId::ModelActivate)
        emit pushProgress(m_push->sent(), m_push->total());
      handlePushStep(step);
    }
    break;
  case CommandOrigin::Pull:
    if (m_pull) handlePullStep(m_pull->onAck(ack));
    break;
  }
  pumpCommands();
}

void LinkWorker::onGiveUp(const QueuedCommand& given) {
  switch (given.origin) {
  case CommandOrigin::User:
    ++m_stats.commandsFailed;
    emit commandFailed(given.kind, tr("The board did not acknowledge the command after %1 tries.")
                                       .arg(int{protocol::kCommandTries}));
    break;
  case CommandOrigin::Heartbeat:
    qCDebug(lcLink) << "heartbeat unanswered"; // liveness is judged on received frames
    break;
  case CommandOrigin::Push:
    if (m_push) handlePushStep(m_push->onGiveUp());
    break;
  case CommandOrigin::Pull:
    if (m_pull) handlePullStep(m_pull->onGiveUp());
    break;
  }
  feedTransfers();
  pumpCommands();
}

void LinkWorker::feedTransfers() {
  if (m_phase != Phase::Connected) return;
  QueuedCommand step;
  if (m_push && !m_commands.holds(CommandOrigin::Push)) {
    m_push->nextCommand(step.command);
    step.origin = CommandOrigin::Push;
    if (!m_commands.enqueue(step)) {
      finishPush(false, tr("The next step of the model push could not be sent to the board."));
    }
  }
  if (m_pull && !m_commands.holds(CommandOrigin::Pull)) {
    m_pull->nextCommand(step.command);
    step.origin = CommandOrigin::Pull;
    if (!m_commands.enqueue(step))
      finishPull(false, QByteArray(),
                 tr("The next step of the model pull could not be sent to the board; pull the "
                    "model again."));
  }
}

void LinkWorker::handlePushStep(TransferStep step) {
  if (!m_push) return;
  if (step == TransferStep::Continue) {
    feedTransfers();
    return;
  }
  const bool ok = step == TransferStep::Done;
  if (ok) {
    m_info.modelCrc = m_push->identity();
    m_info.modelBytes = static_cast<quint32>(m_push->total());
    emit pushProgress(m_push->total(), m_push->total());
    emit boardModelChanged(m_info.modelCrc, m_info.modelBytes);
  }
  finishPush(ok, m_push->message());
}

void LinkWorker::handlePullStep(TransferStep step) {
  if (!m_pull) return;
  if (step == TransferStep::Continue) {
    feedTransfers();
    return;
  }
  const bool ok = step == TransferStep::Done;
  finishPull(ok, ok ? m_pull->result() : QByteArray(), m_pull->message());
}

void LinkWorker::finishPush(bool ok, const QString& message) {
  m_commands.drop(CommandOrigin::Push);
  m_push.reset();
  m_shared->transferActive.store(m_pull != nullptr);
  qCInfo(lcLink).noquote() << "push" << (ok ? "done:" : "failed:") << message;
  emit pushFinished(ok, message);
}

void LinkWorker::finishPull(bool ok, const QByteArray& bytes, const QString& message) {
  m_commands.drop(CommandOrigin::Pull);
  m_pull.reset();
  m_shared->transferActive.store(m_push != nullptr);
  qCInfo(lcLink).noquote() << "pull" << (ok ? "done:" : "failed:") << message;
  emit pullFinished(ok, bytes, message);
}

void LinkWorker::failUserCommands(const QString& message) {
  // Everything queued goes: transfer steps are made again from their task on reconnection,
  // heartbeats are not needed without a link.
  for (const QueuedCommand& c : m_commands.clear()) {
    if (c.origin != CommandOrigin::User) continue;
    ++m_stats.commandsFailed;
    emit commandFailed(c.kind, message);
  }
}

void LinkWorker::flushSamples(bool force) {
  m_batcher.closeIfDue(m_clock.elapsed(), force);
  for (SampleBatcher::Batch& batch : m_batcher.take())
    emit samplesReceived(batch.firstIndex, batch.channels, batch.values);
}

void LinkWorker::writeFrame(const QByteArray& frame) {
  if (!m_transport || !m_transport->isOpen() || frame.isEmpty()) return;
  const qint64 n = m_transport->write(frame);
  if (n > 0) m_stats.bytesOut += static_cast<quint64>(n);
  m_monitor.onSent(nowMs());
}

std::uint32_t LinkWorker::nowMs() const { return static_cast<std::uint32_t>(m_clock.elapsed()); }

// --- requests from BoardLink -------------------------------------------------------------

void LinkWorker::sendCommand(const QueuedCommand& command) {
  if (m_phase != Phase::Connected) {
    ++m_stats.commandsFailed;
    emit commandFailed(command.kind, tr("The board is not connected."));
    return;
  }
  if (!m_commands.enqueue(command)) {
    ++m_stats.commandsFailed;
    emit commandFailed(command.kind, tr("The command could not be sent: too many commands are "
                                        "waiting for the board."));
    return;
  }
  pumpCommands();
}

void LinkWorker::pushModel(const QByteArray& model) {
  QString refusal;
  if (m_push || m_pull)
    refusal = tr("A model transfer is already in progress; wait for it to end.");
  else if (model.isEmpty())
    refusal = tr("The model is empty; there is nothing to push.");
  else if (m_phase != Phase::Connected)
    refusal = tr("The board is not connected; connect it and push again.");
  if (!refusal.isEmpty()) {
    emit pushFinished(false, refusal);
    return;
  }
  m_push = std::make_unique<PushTask>(model);
  m_shared->transferActive.store(true);
  emit pushProgress(0, m_push->total());
  feedTransfers();
  pumpCommands();
}

void LinkWorker::pullModel() {
  QString refusal;
  if (m_push || m_pull)
    refusal = tr("A model transfer is already in progress; wait for it to end.");
  else if (m_phase != Phase::Connected)
    refusal = tr("The board is not connected; connect it and pull again.");
  if (!refusal.isEmpty()) {
    emit pullFinished(false, QByteArray(), refusal);
    return;
  }
  m_pull = std::make_unique<PullTask>();
  m_shared->transferActive.store(true);
  feedTransfers();
  pumpCommands();
}

} // namespace link
} // namespace dlm
