#pragma once

#include <QVector>

#include <vector>

#include "app/views/snapshots.h"

namespace dlm::app {

/// \brief The learning worker's mirror of one session event.
struct LearnerRow {
  int id = 0;
  int tag = kUntagged;
  bool learned = false;        ///< the current model learned it with this tag
  QVector<float> descriptor;   ///< shared with the session's copy (implicit sharing)
  int channels = 0;            ///< sensor channels of the descriptor (0: imported features)
  PredictionInfo prediction;   ///< cached studio prediction (threshold applied)
};

/// \brief The worker's events, sorted by id (ids only grow, so appends stay sorted).
class LearnerStore {
public:
  int size() const { return static_cast<int>(m_rows.size()); }
  const LearnerRow& at(int index) const { return m_rows[std::size_t(index)]; }
  LearnerRow& at(int index) { return m_rows[std::size_t(index)]; }
  /// \brief Index of event \p id, or -1 (binary search).
  int indexOf(int id) const;
  /// \brief Insert (or replace) a row at its sorted place; returns its index.
  int insert(LearnerRow row);
  /// \brief Remove event \p id; returns the removed row's tag and learned flag via the pointers.
  bool remove(int id, int* tag, bool* learned);
  void clear() { m_rows.clear(); }
  /// \brief The descriptor length most class-tagged events have (0 if none): the network's.
  int majorityDims() const;

private:
  std::vector<LearnerRow> m_rows;
};

} // namespace dlm::app
