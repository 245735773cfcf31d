#include "devices/link/transfer_tasks.h"

#include <QLocale>

#include "devices/link/link_types.h"
#include "devices/link/message_convert.h"

namespace dlm {
namespace link {

using protocol::AckCode;
using protocol::CommandId;

namespace {

std::uint32_t sizeOf(const QByteArray& bytes) {
  return bytes.size() > 0 ? static_cast<std::uint32_t>(bytes.size()) : 0u;
}

} // namespace

QString crcText(std::uint32_t crc) {
  // Upper-case digits after "0x": the way the board panel and the network panel show it.
  return QStringLiteral("0x") + QStringLiteral("%1").arg(crc, 8, 16, QLatin1Char('0')).toUpper();
}

// --- push --------------------------------------------------------------------------------

PushTask::PushTask(const QByteArray& model)
    : m_model(model),
      m_sender(reinterpret_cast<const std::uint8_t*>(m_model.constData()), sizeOf(m_model)),
      m_identity(modelIdentity(m_model)) {}

void PushTask::nextCommand(protocol::Command& out) {
  if (m_sender.needsBegin()) {
    m_sender.makeBegin(out);
  } else if (!m_sender.done()) {
    m_sender.makeChunk(out);
  } else {
    // Only once the board's own ack says it holds every byte (done() follows the board's
    // expected offset); the board verifies the whole-model CRC before it swaps.
    m_sender.makeActivate(out);
    m_activationSent = true;
  }
}

TransferStep PushTask::onAck(const protocol::Ack& ack) {
  m_giveUps = 0;
  switch (ack.commandId) {
  case CommandId::ModelPushBegin:
    if (ack.code == AckCode::TooLarge)
      return fail(tr("The model is %1 bytes but the board can hold at most %2 bytes; "
                     "the board keeps its previous model.")
                      .arg(QLocale().toString(total()))
                      .arg(ack.value));
    if (ack.code == AckCode::Busy)
      return fail(tr("The board is busy with another model transfer; try again in a moment."));
    break;
  case CommandId::ModelChunk: break;
  case CommandId::ModelActivate: return onActivateAck(ack);
  default: return TransferStep::Continue; // not ours
  }
  if (ack.code != AckCode::Ok && ack.code != AckCode::OutOfOrder)
    return fail(tr("The board refused the model push (%1); the board keeps its previous "
                   "model.")
                    .arg(ackCodeWords(ack.code)));
  if (!m_sender.onAck(ack.code, ack.value))
    return fail(tr("The board asked for byte %1 of a %2-byte model; the push was stopped and "
                   "the board keeps its previous model.")
                    .arg(ack.value)
                    .arg(total()));
  return TransferStep::Continue;
}

TransferStep PushTask::onActivateAck(const protocol::Ack& ack) {
  switch (ack.code) {
  case AckCode::Ok:
    m_message = tr("The board verified the model (%1 bytes, identity %2) and activated it.")
                    .arg(QLocale().toString(total()))
                    .arg(crcText(identity()));
    return TransferStep::Done;
  case AckCode::CrcMismatch:
    return fail(
        tr("The board's CRC-32 check of the received model failed, so the model was "
           "not activated: the board keeps its previous model. Push it again."));
  case AckCode::OutOfOrder:
    // Bytes are missing on the board (or it lost the transfer): send them, then activate.
    m_activationSent = false;
    if (m_sender.onAck(ack.code, ack.value)) return TransferStep::Continue;
    break;
  case AckCode::InternalError:
    return fail(
        tr("The board received the model intact but could not load it; it keeps "
           "its previous model. Check that the model suits this board's capacity."));
  default: break;
  }
  return fail(tr("The board refused to activate the model (%1); it keeps its previous model.")
                  .arg(ackCodeWords(ack.code)));
}

TransferStep PushTask::onGiveUp() {
  if (++m_giveUps < kMaxGiveUps) return TransferStep::Continue;
  return fail(
      tr("The board stopped answering during the model push; it keeps its previous "
         "model."));
}

void PushTask::onLinkLost() {
  // ModelSender asks for a new begin on "no transfer"; the board answers a begin of the same
  // model with the offset it expects next.
  m_sender.onAck(AckCode::OutOfOrder, protocol::kNoTransfer);
}

TransferStep PushTask::onBoardModel(std::uint32_t boardCrc, std::uint32_t bytes) {
  if (!m_activationSent || boardCrc != identity() || bytes != total())
    return TransferStep::Continue;
  m_message = tr("The board verified the model (%1 bytes, identity %2) and activated it.")
                  .arg(QLocale().toString(total()))
                  .arg(crcText(identity()));
  return TransferStep::Done;
}

TransferStep PushTask::fail(const QString& message) {
  m_message = message;
  return TransferStep::Failed;
}

// --- pull --------------------------------------------------------------------------------

void PullTask::nextCommand(protocol::Command& out) const {
  if (!m_begun) {
    out.id = CommandId::ModelPullBegin;
    return;
  }
  out.id = CommandId::ModelPullChunk;
  out.args.modelPullChunk.offset =
      m_receiver.state() == protocol::ModelReceiver::State::Idle ? 0u : m_receiver.expectedOffset();
  out.args.modelPullChunk.length = static_cast<std::uint16_t>(protocol::kMaxModelChunk);
}

TransferStep PullTask::onAck(const protocol::Ack& ack) {
  m_giveUps = 0;
  if (ack.commandId == CommandId::ModelPullBegin) {
    if (ack.code == AckCode::Busy)
      return fail(
          tr("The board is busy with a model transfer; try the pull again once it "
             "has finished."));
    if (ack.code == AckCode::NotSupported) return fail(tr("This board cannot send its model."));
    if (ack.code != AckCode::Ok)
      return fail(tr("The board refused to send its model (%1).").arg(ackCodeWords(ack.code)));
    if (ack.value == 0) return fail(tr("The board has no model to send."));
    if (ack.value > kMaxModelBytes)
      return fail(
          tr("The board's model (%1 bytes) is larger than the studio accepts.").arg(ack.value));
    m_begun = true;
    return TransferStep::Continue;
  }
  if (ack.commandId == CommandId::ModelPullChunk && ack.code != AckCode::Ok)
    return fail(tr("The board stopped sending its model (%1).").arg(ackCodeWords(ack.code)));
  return TransferStep::Continue;
}

TransferStep PullTask::onData(const protocol::ModelData& data) {
  m_giveUps = 0;
  const bool sameSnapshot = m_receiver.state() != protocol::ModelReceiver::State::Idle &&
                            data.totalBytes == m_receiver.totalBytes() &&
                            data.crc == m_receiver.crc();
  if (!sameSnapshot) {
    const TransferStep step = restart(data);
    if (step != TransferStep::Continue) return step;
  }
  // A chunk other than the expected one (a late duplicate) is simply not staged.
  m_receiver.chunk(data.offset, data.data, data.length);
  if (m_receiver.expectedOffset() < m_receiver.totalBytes()) return TransferStep::Continue;
  const protocol::TransferReply r = m_receiver.finish(data.crc);
  if (r.code != AckCode::Ok)
    return fail(tr("The model received from the board is damaged (CRC-32 %1 announced, %2 "
                   "computed); nothing was loaded. Pull it again.")
                    .arg(crcText(data.crc))
                    .arg(crcText(r.value)));
  m_result = QByteArray(reinterpret_cast<const char*>(m_staging.data()),
                        static_cast<qsizetype>(m_receiver.totalBytes()));
  m_message = tr("Pulled the board's model (%1 bytes, identity %2); its CRC-32 checks out.")
                  .arg(QLocale().toString(m_result.size()))
                  .arg(crcText(modelIdentity(m_result)));
  return TransferStep::Done;
}

TransferStep PullTask::restart(const protocol::ModelData& data) {
  if (m_receiver.state() != protocol::ModelReceiver::State::Idle && ++m_restarts > kMaxRestarts)
    return fail(tr("The board's model kept changing during the pull; pull it again."));
  if (data.totalBytes == 0 || data.totalBytes > kMaxModelBytes)
    return fail(tr("The board announced a model of %1 bytes, which the studio cannot accept.")
                    .arg(data.totalBytes));
  m_staging.assign(data.totalBytes, 0);
  m_receiver.setStaging(m_staging.data(), m_staging.size());
  m_receiver.begin(data.totalBytes, data.crc);
  return TransferStep::Continue;
}

TransferStep PullTask::onGiveUp() {
  if (++m_giveUps < kMaxGiveUps) return TransferStep::Continue;
  return fail(tr("The board stopped answering during the model pull."));
}

TransferStep PullTask::fail(const QString& message) {
  m_message = message;
  return TransferStep::Failed;
}

} // namespace link
} // namespace dlm
