#pragma once

// Internal to devices/link: the studio's stop-and-wait command channel. One command is
// outstanding at a time; it is resent with the same sequence number after
// protocol::kCommandTimeoutMs (so the board answers a duplicate from its ack cache instead of
// executing it twice) and given up after protocol::kCommandTries. Pure logic over a
// caller-supplied millisecond clock; the worker does the I/O.

#include <QByteArray>

#include <cstdint>
#include <deque>
#include <vector>

#include "core/protocol/link.h"
#include "core/protocol/messages.h"
#include "devices/link/link_types.h"

namespace dlm {
namespace link {

/// Who asked for a command, hence who gets its outcome.
enum class CommandOrigin : std::uint8_t { User, Heartbeat, Push, Pull };

struct QueuedCommand {
  protocol::Command command;
  CommandOrigin origin = CommandOrigin::User;
  CommandKind kind = CommandKind::RequestStatus; // meaningful for CommandOrigin::User
};

class CommandQueue {
public:
  /// Commands waiting beyond this are refused (a runaway producer must not eat memory).
  static constexpr std::size_t kMaxQueued = 4096;

  /// Queue \p entry. False when its arguments cannot be encoded or the queue is full.
  bool enqueue(const QueuedCommand& entry);
  /// If nothing is outstanding, start the oldest queued command under \p seq and return its
  /// frame (encoded with frame \p version); otherwise, or with nothing queued, empty.
  QByteArray startNext(std::uint16_t seq, std::uint32_t nowMs, std::uint8_t version);
  /// What the retry timer says about the outstanding command. After Resend, send
  /// inFlightFrame() again; after GiveUp, collect the command with takeInFlight().
  protocol::RetryAction poll(std::uint32_t nowMs);
  /// The frame of the outstanding command, for a resend.
  const QByteArray& inFlightFrame() const { return m_frame; }
  /// An ack (or, for a pull chunk, its data) for \p seq and \p id: true if it answers the
  /// outstanding command, which is moved into \p done. \p latencyMs is the round trip when
  /// the first try was answered, else -1 (a retried command's timing is ambiguous).
  bool complete(std::uint16_t seq, protocol::CommandId id, std::uint32_t nowMs, QueuedCommand& done,
                qint64& latencyMs);
  /// Move out the outstanding command (after GiveUp).
  QueuedCommand takeInFlight();
  /// Remove everything, the outstanding command first.
  std::vector<QueuedCommand> clear();
  /// Remove the queued and outstanding commands of \p origin.
  void drop(CommandOrigin origin);

  bool hasInFlight() const { return m_hasInFlight; }
  const QueuedCommand& inFlight() const { return m_inFlight; }
  std::uint16_t inFlightSeq() const { return m_retry.seq(); }
  bool idle() const { return !m_hasInFlight && m_queue.empty(); }
  /// True when a command of \p origin is queued or outstanding.
  bool holds(CommandOrigin origin) const;

private:
  std::deque<QueuedCommand> m_queue;
  QueuedCommand m_inFlight;
  bool m_hasInFlight = false;
  QByteArray m_frame;
  protocol::CommandRetry m_retry;
  std::uint32_t m_sentMs = 0;
};

} // namespace link
} // namespace dlm
