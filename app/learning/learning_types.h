#pragma once

// Messages between the GUI thread and the learning worker. Plain values (implicitly shared
// descriptors), registered with the meta-type system so that they travel in queued signals.

#include <QMetaType>
#include <QVector>

#include "app/views/snapshots.h"

namespace dlm::app {

/// \brief One change of the session, as the learning worker mirrors it.
struct LearnerOp {
  enum Kind : quint8 {
    Add,     ///< a new (or restored) event, with its tag and descriptor
    Tag,     ///< the tag of an event changed
    Remove,  ///< the event was discarded
  };
  Kind kind = Add;
  int id = 0;
  int tag = kUntagged;
  bool learned = false;       ///< Add only: the event is already in the current model
  QVector<float> descriptor;  ///< Add only
  /// Add only: the sensor channels the descriptor was computed from (0: imported features).
  int channels = 0;
};

using LearnerOps = QVector<LearnerOp>;

/// \brief Register the studio's value types for queued connections (idempotent). Called by
/// LearningService; call it before connecting any of these types across threads yourself.
void registerStudioMetaTypes();

} // namespace dlm::app

Q_DECLARE_METATYPE(dlm::app::LearnerOp)
Q_DECLARE_METATYPE(dlm::app::PredictionInfo)
