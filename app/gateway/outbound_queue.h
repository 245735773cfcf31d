#pragma once

// The gateway's offline buffer (docs/fleet.md §5): QoS 1 messages waiting for the broker, in
// order, bounded. A retained state message replaces the one still waiting for its topic (only
// the latest state matters); when the buffer is full the oldest droppable message (an event)
// goes, and is counted, so the consumer sees the gap in its sequence numbers. Pure logic.

#include <QByteArray>
#include <QString>

#include <deque>

namespace dlm {
namespace gateway {

struct OutboundMessage {
  QString topic;
  QByteArray payload;
  bool retain = false;
  bool droppable = false; ///< may be dropped from a full buffer (events)
};

class OutboundQueue {
public:
  explicit OutboundQueue(int capacity) : m_capacity(capacity < 1 ? 1 : capacity) {}

  /// \brief Append \p message (or replace the waiting retained message of its topic).
  void push(OutboundMessage message);
  bool empty() const { return m_queue.empty(); }
  int size() const { return static_cast<int>(m_queue.size()); }
  int capacity() const { return m_capacity; }
  /// \brief Remove and return the oldest message (the queue must not be empty).
  OutboundMessage take();
  /// \brief Messages dropped because the queue was full.
  quint64 dropped() const { return m_dropped; }

private:
  std::deque<OutboundMessage> m_queue;
  int m_capacity;
  quint64 m_dropped = 0;
};

} // namespace gateway
} // namespace dlm
