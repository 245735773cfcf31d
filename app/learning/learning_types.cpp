#include "app/learning/learning_types.h"

#include "app/session/session_event.h"

namespace dlm::app {

void registerStudioMetaTypes() {
  qRegisterMetaType<LearnerOp>();
  qRegisterMetaType<LearnerOps>();
  qRegisterMetaType<PredictionInfo>();
  qRegisterMetaType<QVector<PredictionInfo>>();
  qRegisterMetaType<QVector<int>>();
  qRegisterMetaType<QVector<float>>();
  qRegisterMetaType<NetworkSnapshot>();
  qRegisterMetaType<GrowthPoint>();
  qRegisterMetaType<KnownSetMap>();
  qRegisterMetaType<Explanation>();
  qRegisterMetaType<SessionEvent>();
  qRegisterMetaType<TagChange>();
  qRegisterMetaType<QVector<TagChange>>();
}

} // namespace dlm::app
