#include "app/gateway/outbound_queue.h"

#include <algorithm>
#include <utility>

namespace dlm {
namespace gateway {

void OutboundQueue::push(OutboundMessage message) {
  if (message.retain) {
    auto same = std::find_if(m_queue.begin(), m_queue.end(), [&](const OutboundMessage& m) {
      return m.retain && m.topic == message.topic;
    });
    if (same != m_queue.end()) {
      // The newer state replaces the older one where it waited: the order of the others stays.
      *same = std::move(message);
      return;
    }
  }
  m_queue.push_back(std::move(message));
  while (static_cast<int>(m_queue.size()) > m_capacity) {
    auto oldest = std::find_if(m_queue.begin(), m_queue.end(),
                               [](const OutboundMessage& m) { return m.droppable; });
    // No event left: the oldest message that is not a state (a command result, an outcome
    // already superseded by nothing); states are one per topic, so they are bounded anyway.
    if (oldest == m_queue.end())
      oldest = std::find_if(m_queue.begin(), m_queue.end(),
                            [](const OutboundMessage& m) { return !m.retain; });
    if (oldest == m_queue.end()) break;
    m_queue.erase(oldest);
    ++m_dropped;
  }
}

OutboundMessage OutboundQueue::take() {
  OutboundMessage m = std::move(m_queue.front());
  m_queue.pop_front();
  return m;
}

} // namespace gateway
} // namespace dlm
