#pragma once

// Plain data the application layer hands to the widgets. Produced off the GUI thread
// (learning worker, link worker), copied into queued signals, drawn by ui/ panels.
// Shared contract between app/ and ui/: change it in one place.

#include <QColor>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <cstdint>

#include "core/known_set.h"

namespace dlm::app {

/// \brief The rejection rule (core's, in one place): an event whose calibrated known-set
/// level is \p level is accepted at \p threshold (a share of known events to reject).
inline bool acceptedAt(float level, float threshold) { return isKnownLevel(level, threshold); }


/// \brief A class the user tags events with.
struct ClassInfo {
  QString name;
  QColor colour;
};

/// \brief Tag of an event: a class index, or one of these special values.
enum TagValue : int {
  kUntagged = -1,  ///< not tagged yet
  kOutlier = -2,   ///< tagged "unknown / outlier" (U): never learned as a class
};

/// \brief The board's or the studio's prediction for an event.
struct PredictionInfo {
  int classIndex = -1;       ///< -1: rejected as unknown
  int bestClass = -1;        ///< the readout's favourite even when rejected
  float confidence = 0.0f;
  float knownScore = 0.0f;
  bool valid = false;        ///< false until something predicted it
};

/// \brief One neuron, as the network view and the known-set view draw it.
struct NeuronInfo {
  int layer = 0;
  int index = 0;
  int classIndex = 0;
  std::uint32_t support = 0;    ///< events it has covered
  QVector<float> centre;        ///< layer input space
  QVector<float> radii;         ///< metric radii per direction (1/sqrt(m))
  QVector<int> coveredEvents;   ///< session event ids inside its ball (first layer only)
};

/// \brief The network at one moment: what the network panel draws.
struct NetworkSnapshot {
  int dims = 0;
  int classes = 0;
  int depth = 0;
  QVector<int> neuronsPerLayer;
  QVector<NeuronInfo> neurons;     ///< all layers, layer-major
  quint32 modelCrc = 0;            ///< the model's identity (dlm::ModelInfo::crc)
  qint64 modelBytes = 0;
  quint32 eventsLearned = 0;
  float threshold = 0.0f;
};

/// \brief One point of the growth charts, taken after each learned event or rebuild.
struct GrowthPoint {
  quint32 eventsLearned = 0;
  int depth = 0;
  QVector<int> neuronsPerLayer;
  double learnMicros = 0.0;          ///< time of this learn (or rebuild)
  double prequentialAccuracy = 0.0;  ///< running predict-then-learn accuracy
  double rejectionRate = 0.0;        ///< running fraction of events rejected as unknown
  bool rebuild = false;              ///< a full rebuild, not an incremental learn
};

/// \brief The known set as the known-set panel draws it: every event with its own calibrated
/// level (its true score, not a score read off a plane), placed on a 2-D embedding (PCA of the
/// tagged events, or two chosen descriptor features). Nothing here is interpolated, so what is
/// drawn agrees with the decisions: an event is accepted exactly when acceptedAt(level, t).
struct KnownSetMap {
  enum class Projection { Pca, FeaturePair };
  Projection projection = Projection::Pca;
  int featureX = 0;                  ///< for FeaturePair
  int featureY = 1;
  QString axisX;                     ///< axis labels ("PC1 (34%)", "ch1 RMS")
  QString axisY;
  struct Point {
    int eventId = 0;
    float x = 0.0f;
    float y = 0.0f;
    int tag = kUntagged;             ///< class index or TagValue
    int predicted = -1;              ///< current network's class at the map's threshold, -1 rejected
    int bestClass = -1;              ///< the class it resembles most, rejection aside
    float knownScore = 0.0f;         ///< calibrated level in [0, 1]: how typical it is
    bool valid = false;              ///< false until the current model predicted it
  };
  QVector<Point> points;
  bool hasModel = false;             ///< a model exists (else nothing is known yet)
  float threshold = 0.0f;
  double rejectionRate = 0.0;        ///< of the session's predicted events at this threshold
};

/// \brief Whether \p point is accepted at \p threshold: the model's own rule on its own level.
inline bool pointAccepted(const KnownSetMap::Point& point, float threshold) {
  return point.valid && acceptedAt(point.knownScore, threshold);
}

/// \brief Why one event was classified as it was: the "explain" box of the known-set view.
struct Explanation {
  int eventId = 0;
  PredictionInfo prediction;
  float threshold = 0.0f;            ///< the strictness it was judged at
  struct Example {
    int eventId = 0;
    int classIndex = 0;
    float distance = 0.0f;           ///< descriptor distance to the explained event
  };
  /// \brief The nearest tagged event of each class, nearest first (the event itself excluded).
  QVector<Example> examples;
  struct Near {
    int neuron = 0;
    int classIndex = 0;
    float q = 0.0f;                  ///< metric distance (<= 1 inside the ball)
    float activation = 0.0f;
  };
  QVector<Near> nearest;             ///< closest first-layer neurons, nearest first
  float margin = 0.0f;               ///< level minus the threshold (>= 0 accepted)
  QVector<float> scores;             ///< class scores
};

} // namespace dlm::app

Q_DECLARE_METATYPE(dlm::app::NetworkSnapshot)
Q_DECLARE_METATYPE(dlm::app::GrowthPoint)
Q_DECLARE_METATYPE(dlm::app::KnownSetMap)
Q_DECLARE_METATYPE(dlm::app::Explanation)
