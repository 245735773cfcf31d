#include "core/protocol/link.h"

namespace dlm {
namespace protocol {

namespace {

// Elapsed time on a wrapping 32-bit millisecond clock (valid for spans below 49 days).
std::uint32_t since(std::uint32_t thenMs, std::uint32_t nowMs) { return nowMs - thenMs; }

} // namespace

std::uint8_t negotiateVersion(std::uint8_t ourMin, std::uint8_t ourMax, std::uint8_t theirMin,
                              std::uint8_t theirMax) {
  const std::uint8_t high = ourMax < theirMax ? ourMax : theirMax;
  const std::uint8_t low = ourMin > theirMin ? ourMin : theirMin;
  return high >= low && low >= 1 ? high : std::uint8_t{0};
}

bool isReadOnlyCommand(CommandId id) {
  return id == CommandId::GetStatus || id == CommandId::ModelPullChunk ||
         id == CommandId::Heartbeat;
}

const Ack* AckCache::find(std::uint16_t seq, CommandId id) const {
  for (std::size_t i = 0; i < m_count; ++i) {
    const Ack& a = m_entries[i];
    if (a.seq == seq && a.commandId == id) return &a;
  }
  return nullptr;
}

void AckCache::remember(const Ack& ack) {
  m_entries[m_next] = ack;
  m_next = (m_next + 1) % kAckCacheSize;
  if (m_count < kAckCacheSize) ++m_count;
}

void CommandRetry::start(std::uint16_t seq, std::uint32_t nowMs) {
  m_seq = seq;
  m_sentMs = nowMs;
  m_tries = 1;
  m_pending = true;
}

RetryAction CommandRetry::poll(std::uint32_t nowMs) {
  if (!m_pending || since(m_sentMs, nowMs) < kCommandTimeoutMs) return RetryAction::Wait;
  if (m_tries >= kCommandTries) {
    m_pending = false;
    return RetryAction::GiveUp;
  }
  ++m_tries;
  m_sentMs = nowMs;
  return RetryAction::Resend;
}

bool CommandRetry::onAck(std::uint16_t seq) {
  if (!m_pending || seq != m_seq) return false;
  m_pending = false;
  return true;
}

void LinkMonitor::onValidFrame(std::uint32_t nowMs) {
  m_lastValidMs = nowMs;
  m_seen = true;
}

bool LinkMonitor::alive(std::uint32_t nowMs) const {
  return m_seen && since(m_lastValidMs, nowMs) < kLinkTimeoutMs;
}

bool LinkMonitor::heartbeatDue(std::uint32_t nowMs) const {
  return since(m_lastSentMs, nowMs) >= kHeartbeatIntervalMs;
}

} // namespace protocol
} // namespace dlm
