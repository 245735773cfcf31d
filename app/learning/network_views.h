#pragma once

// What the network and known-set panels draw, computed from the learning worker's network and
// events. Pure functions of their inputs; they run on the worker thread (predict() uses the
// network's scratch buffers, so the network must not be shared with another thread).

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include "app/learning/learner_store.h"
#include "app/views/snapshots.h"
#include "core/network.h"

namespace dlm::app {

/// \brief Per first-layer neuron, the ids of the events inside its ball (q <= 1).
using Coverage = QVector<QVector<int>>;

/// \brief Parameters of a known-set map request.
struct MapRequest {
  KnownSetMap::Projection projection = KnownSetMap::Projection::Pca;
  int featureX = 0;
  int featureY = 1;
};

/// \brief Translation context of the views' strings.
class NetworkViews {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::NetworkViews)

public:
  /// \brief Readable name of descriptor feature \p index ("ch2 bin 5", "ch1 RMS", "duration")
  /// when \p dims matches the studio's descriptor layout (16 bins), else "f<index>".
  static QString featureName(int index, int dims);
};

/// \brief Metric radius standing for "unbounded" (a zero metric entry) in radii.
constexpr float kUnboundedRadius = 1.0e6f;

/// \brief The network as the network panel draws it.
NetworkSnapshot buildNetworkSnapshot(const Network& network, const Coverage& coverage,
                                     quint32 modelCrc, qint64 modelBytes, float threshold);

/// \brief Every event projected to 2-D with its own level and decision. \p network is null
/// (or empty) while nothing is learned: the events are placed, none is predicted.
KnownSetMap buildKnownSetMap(const Network* network, const LearnerStore& store,
                             const MapRequest& request, float threshold);

/// \brief Re-derive the points' predictions and the rejection rate after a threshold change
/// (levels do not depend on the threshold).
void applyThreshold(KnownSetMap& map, const LearnerStore& store, float threshold);

/// \brief Why \p row is classified as it is: the nearest tagged event of each class in
/// \p store, the nearest first-layer neurons, scores, margin.
Explanation explainEvent(Network& network, const LearnerStore& store, const LearnerRow& row,
                         float threshold, int nearestCount = 5);

/// \brief The nearest tagged event of each class to \p row (itself excluded), nearest first.
QVector<Explanation::Example> nearestExamples(const LearnerStore& store, const LearnerRow& row);

/// \brief Prediction as the session stores it.
PredictionInfo toPredictionInfo(const Prediction& prediction);

/// \brief Fraction of rows [first, size) with a valid prediction that are rejected.
double rejectionRate(const LearnerStore& store, int first);

} // namespace dlm::app
