#include "devices/link/command_queue.h"

#include <algorithm>

namespace dlm {
namespace link {

bool CommandQueue::enqueue(const QueuedCommand& entry) {
  if (m_queue.size() >= kMaxQueued) return false;
  std::uint8_t payload[protocol::kMaxPayload];
  if (entry.command.encode(payload, sizeof payload) == 0) return false;
  m_queue.push_back(entry);
  return true;
}

QByteArray CommandQueue::startNext(std::uint16_t seq, std::uint32_t nowMs, std::uint8_t version) {
  if (m_hasInFlight || m_queue.empty()) return QByteArray();
  m_inFlight = m_queue.front();
  m_queue.pop_front();
  QByteArray frame(static_cast<qsizetype>(protocol::kMaxWireFrame), Qt::Uninitialized);
  const std::size_t n = protocol::encodeMessage(m_inFlight.command, seq,
                                                reinterpret_cast<std::uint8_t*>(frame.data()),
                                                static_cast<std::size_t>(frame.size()), version);
  frame.resize(static_cast<qsizetype>(n));
  m_frame = frame;
  m_hasInFlight = true;
  m_sentMs = nowMs;
  m_retry.start(seq, nowMs);
  return m_frame;
}

protocol::RetryAction CommandQueue::poll(std::uint32_t nowMs) {
  if (!m_hasInFlight) return protocol::RetryAction::Wait;
  return m_retry.poll(nowMs);
}

bool CommandQueue::complete(std::uint16_t seq, protocol::CommandId id, std::uint32_t nowMs,
                            QueuedCommand& done, qint64& latencyMs) {
  // The command id is checked too: an ack left over from an earlier session may carry the
  // same sequence number.
  if (!m_hasInFlight || id != m_inFlight.command.id) return false;
  const bool firstTry = m_retry.tries() == 1;
  if (!m_retry.onAck(seq)) return false;
  latencyMs = firstTry ? static_cast<qint64>(nowMs - m_sentMs) : -1;
  done = takeInFlight();
  return true;
}

QueuedCommand CommandQueue::takeInFlight() {
  m_hasInFlight = false;
  m_frame.clear();
  // A later ack for the same sequence number must not complete anything.
  m_retry.onAck(m_retry.seq());
  return m_inFlight;
}

std::vector<QueuedCommand> CommandQueue::clear() {
  std::vector<QueuedCommand> out;
  if (m_hasInFlight) out.push_back(takeInFlight());
  out.insert(out.end(), m_queue.begin(), m_queue.end());
  m_queue.clear();
  return out;
}

void CommandQueue::drop(CommandOrigin origin) {
  if (m_hasInFlight && m_inFlight.origin == origin) takeInFlight();
  m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(),
                               [origin](const QueuedCommand& c) { return c.origin == origin; }),
                m_queue.end());
}

bool CommandQueue::holds(CommandOrigin origin) const {
  if (m_hasInFlight && m_inFlight.origin == origin) return true;
  return std::any_of(m_queue.begin(), m_queue.end(),
                     [origin](const QueuedCommand& c) { return c.origin == origin; });
}

} // namespace link
} // namespace dlm
