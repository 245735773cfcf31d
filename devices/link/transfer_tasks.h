#pragma once

// Internal to devices/link: the studio's side of a model push and of a model pull, one step
// at a time over the command queue. Both survive a lost link: after a reconnect the push
// begins again and the board answers with its expected offset, so it resumes there; the pull
// asks again from the bytes it already holds. Pure logic; the worker does the I/O.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <vector>

#include "core/protocol/messages.h"
#include "core/protocol/model_transfer.h"

namespace dlm {
namespace link {

enum class TransferStep { Continue, Done, Failed };

class PushTask {
  Q_DECLARE_TR_FUNCTIONS(dlm::link::PushTask)
public:
  /// Consecutive unanswered steps before the push is abandoned.
  static constexpr int kMaxGiveUps = 3;

  explicit PushTask(const QByteArray& model);
  PushTask(const PushTask&) = delete;
  PushTask& operator=(const PushTask&) = delete;

  /// The command of the next step: begin (also to resume), a chunk, or the activation.
  void nextCommand(protocol::Command& out);
  /// The board's answer to the step sent last.
  TransferStep onAck(const protocol::Ack& ack);
  /// The step sent last got no answer after every try.
  TransferStep onGiveUp();
  /// The link was lost: the next step begins again, to learn where the board stands.
  void onLinkLost();
  /// After a reconnect: the board's active model. If the activation was sent and the board
  /// now runs this very model, the push is done (its ack was lost with the link).
  TransferStep onBoardModel(std::uint32_t crc, std::uint32_t bytes);

  qint64 sent() const { return m_sender.offset(); }
  qint64 total() const { return m_sender.totalBytes(); }
  /// The transfer CRC (of all the bytes), which the board checks before activation.
  std::uint32_t crc() const { return m_sender.crc(); }
  /// The model's identity, as the board reports it once the model is active.
  std::uint32_t identity() const { return m_identity; }
  bool activationSent() const { return m_activationSent; }
  /// The outcome for the user once Done or Failed.
  QString message() const { return m_message; }

private:
  TransferStep fail(const QString& message);
  TransferStep onActivateAck(const protocol::Ack& ack);

  QByteArray m_model; // never modified: m_sender points into it
  protocol::ModelSender m_sender;
  std::uint32_t m_identity = 0;
  bool m_activationSent = false;
  int m_giveUps = 0;
  QString m_message;
};

class PullTask {
  Q_DECLARE_TR_FUNCTIONS(dlm::link::PullTask)
public:
  /// The largest model the studio accepts from a board.
  static constexpr std::uint32_t kMaxModelBytes = 64u * 1024u * 1024u;
  static constexpr int kMaxGiveUps = 3;
  /// Times the board's snapshot may change under a pull before it is abandoned.
  static constexpr int kMaxRestarts = 3;

  PullTask() = default;

  /// The command of the next step: begin, or a request for the next chunk.
  void nextCommand(protocol::Command& out) const;
  /// An ack of a begin, or an error ack of a chunk request.
  TransferStep onAck(const protocol::Ack& ack);
  /// A chunk of the board's model.
  TransferStep onData(const protocol::ModelData& data);
  TransferStep onGiveUp();
  void onLinkLost() { m_begun = false; }

  qint64 received() const { return m_receiver.expectedOffset(); }
  qint64 total() const { return m_receiver.totalBytes(); }
  /// The verified model once Done.
  QByteArray result() const { return m_result; }
  QString message() const { return m_message; }

private:
  TransferStep fail(const QString& message);
  TransferStep restart(const protocol::ModelData& data);

  std::vector<std::uint8_t> m_staging;
  protocol::ModelReceiver m_receiver;
  bool m_begun = false;
  int m_giveUps = 0;
  int m_restarts = 0;
  QByteArray m_result;
  QString m_message;
};

/// "0x1a2b3c4d": how CRCs are shown to the user.
QString crcText(std::uint32_t crc);

} // namespace link
} // namespace dlm
