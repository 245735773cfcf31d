#pragma once

// Link-level rules shared by both ends (docs/protocol.md, "Commands, acks and retries",
// "Heartbeat" and "Handshake"): timing constants, version negotiation, the board's memory of
// recent acks (idempotent duplicates), the studio's retry timer and the dead-link monitor.
// Times are milliseconds from any free-running 32-bit clock; wrap-around is handled.

#include <cstddef>
#include <cstdint>

#include "core/protocol/messages.h"
#include "core/protocol/types.h"

namespace dlm {
namespace protocol {

/// \brief The studio resends a command with no ack after this long.
constexpr std::uint32_t kCommandTimeoutMs = 200;
/// \brief Attempts per command (the first send included) before the studio gives up.
constexpr std::uint8_t kCommandTries = 3;
/// \brief The studio sends a Heartbeat this often when it has nothing else to send.
constexpr std::uint32_t kHeartbeatIntervalMs = 1000;
/// \brief A side considers the link dead after this long without any valid frame.
constexpr std::uint32_t kLinkTimeoutMs = 3000;
/// \brief Acks the board remembers for answering duplicates.
constexpr std::size_t kAckCacheSize = 4;

/// \brief Highest version both ranges contain, or 0 when they do not overlap.
std::uint8_t negotiateVersion(std::uint8_t ourMin, std::uint8_t ourMax, std::uint8_t theirMin,
                              std::uint8_t theirMax);

/// \brief Commands that change nothing on the board (GetStatus, ModelPullChunk, Heartbeat): a
/// duplicate of one is executed again, since its data reply must be re-sent anyway.
bool isReadOnlyCommand(CommandId id);

/// \brief The board's memory of its last acks. A command that arrives again with the same
/// sequence number and command id (the studio retrying after a lost ack) is answered with
/// the remembered ack instead of being executed twice (read-only commands excepted). Clear it on HelloRequest: a new
/// session may reuse sequence numbers.
class AckCache {
public:
  /// \brief The remembered ack for (\p seq, \p id), or null.
  const Ack* find(std::uint16_t seq, CommandId id) const;
  /// \brief Remember \p ack, forgetting the oldest beyond kAckCacheSize.
  void remember(const Ack& ack);
  /// \brief Forget everything.
  void clear() { m_count = 0; }

private:
  Ack m_entries[kAckCacheSize];
  std::size_t m_next = 0;
  std::size_t m_count = 0;
};

/// \brief What the studio should do for its outstanding command.
enum class RetryAction : std::uint8_t { Wait, Resend, GiveUp };

/// \brief The studio's timer for one outstanding command (stop-and-wait).
class CommandRetry {
public:
  /// \brief A command with sequence \p seq was sent (first try) at \p nowMs.
  void start(std::uint16_t seq, std::uint32_t nowMs);
  /// \brief Resend (same sequence) after kCommandTimeoutMs; GiveUp after kCommandTries.
  /// After Resend the caller sends again; the timer restarts by itself.
  RetryAction poll(std::uint32_t nowMs);
  /// \brief An ack for \p seq arrived: true if it completes the outstanding command.
  bool onAck(std::uint16_t seq);

  bool pending() const { return m_pending; }
  std::uint16_t seq() const { return m_seq; }
  std::uint8_t tries() const { return m_tries; }

private:
  std::uint32_t m_sentMs = 0;
  std::uint16_t m_seq = 0;
  std::uint8_t m_tries = 0;
  bool m_pending = false;
};

/// \brief Liveness of the link as seen by one side.
class LinkMonitor {
public:
  /// \brief Any valid frame arrived at \p nowMs.
  void onValidFrame(std::uint32_t nowMs);
  /// \brief A frame was sent at \p nowMs (for heartbeatDue()).
  void onSent(std::uint32_t nowMs) { m_lastSentMs = nowMs; }
  /// \brief True while a valid frame arrived within kLinkTimeoutMs.
  bool alive(std::uint32_t nowMs) const;
  /// \brief True when nothing was sent for kHeartbeatIntervalMs (studio side).
  bool heartbeatDue(std::uint32_t nowMs) const;

private:
  std::uint32_t m_lastValidMs = 0;
  std::uint32_t m_lastSentMs = 0;
  bool m_seen = false;
};

} // namespace protocol
} // namespace dlm
