#include "app/session/session_event.h"

#include <algorithm>

namespace dlm::app {

int SessionState::insertionRow(int id) const {
  const auto it = std::lower_bound(events.begin(), events.end(), id,
                                   [](const SessionEvent& e, int key) { return e.id < key; });
  return static_cast<int>(it - events.begin());
}

int SessionState::rowOf(int id) const {
  const int row = insertionRow(id);
  return row < static_cast<int>(events.size()) && events[std::size_t(row)].id == id ? row : -1;
}

bool SessionState::validTag(int tag) const {
  return tag == kUntagged || tag == kOutlier || (tag >= 0 && tag < classes.size());
}

int SessionState::insert(SessionEvent event) {
  const int row = insertionRow(event.id);
  if (event.id >= nextEventId) nextEventId = event.id + 1;
  events.insert(events.begin() + row, std::move(event));
  return row;
}

void SessionState::setTag(int row, int tag) {
  SessionEvent& e = events[std::size_t(row)];
  if (e.tag == tag) return;
  e.tag = tag;
  // The network learned the old tag, not this one; the learning service sets it again.
  e.learned = false;
}

} // namespace dlm::app
