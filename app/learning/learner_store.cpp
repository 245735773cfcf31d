#include "app/learning/learner_store.h"

#include <QHash>

#include <algorithm>

namespace dlm::app {

int LearnerStore::indexOf(int id) const {
  const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                   [](const LearnerRow& r, int key) { return r.id < key; });
  return it != m_rows.end() && it->id == id ? static_cast<int>(it - m_rows.begin()) : -1;
}

int LearnerStore::insert(LearnerRow row) {
  if (m_rows.empty() || m_rows.back().id < row.id) {
    m_rows.push_back(std::move(row));
    return size() - 1;
  }
  const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), row.id,
                                   [](const LearnerRow& r, int key) { return r.id < key; });
  if (it != m_rows.end() && it->id == row.id) {
    *it = std::move(row);
    return static_cast<int>(it - m_rows.begin());
  }
  return static_cast<int>(m_rows.insert(it, std::move(row)) - m_rows.begin());
}

bool LearnerStore::remove(int id, int* tag, bool* learned) {
  const int index = indexOf(id);
  if (index < 0) return false;
  if (tag) *tag = m_rows[std::size_t(index)].tag;
  if (learned) *learned = m_rows[std::size_t(index)].learned;
  m_rows.erase(m_rows.begin() + index);
  return true;
}

int LearnerStore::majorityDims() const {
  QHash<int, int> counts;
  int best = 0;
  int bestCount = 0;
  for (const LearnerRow& r : m_rows) {
    if (r.tag < 0 || r.descriptor.isEmpty()) continue;
    const int n = ++counts[int(r.descriptor.size())];
    // Ties go to the descriptor length seen first, so the choice is stable as events arrive.
    if (n > bestCount) {
      best = int(r.descriptor.size());
      bestCount = n;
    }
  }
  return best;
}

} // namespace dlm::app
