// The learning worker's outputs after a change: predictions of every event, the learned set,
// the model bytes, the network snapshot and the known-set map; and the threshold, which moves
// the rejection boundary without relearning.
#include "app/learning/learning_worker.h"

#include <QElapsedTimer>
#include <QTimer>

#include <cmath>

#include "app/session/app_logging.h"
#include "core/model_format.h"

namespace dlm::app {

namespace {

// Between two chunks of predictions the worker checks whether a newer edit was posted, so a
// large session's refresh is abandoned within a few milliseconds when the user keeps editing.
constexpr int kPredictChunk = 512;
// Refreshes of sessions larger than this are announced in the status bar.
constexpr int kAnnouncedRefresh = 20000;

} // namespace

void LearningWorker::scheduleRefresh() {
  if (!m_refreshTimer->isActive()) m_refreshTimer->start(kRefreshDelayMs);
}

void LearningWorker::refresh() {
  m_refreshTimer->stop();
  // A newer edit is queued: its own refresh follows, this one would be dropped anyway.
  if (stale()) return;
  const bool announce = m_store.size() > kAnnouncedRefresh;
  if (announce) emit activity(tr("Predicting %n event(s)…", "", m_store.size()));
  QElapsedTimer clock;
  clock.start();
  if (predictAll()) {
    QVector<int> all(m_store.size());
    for (int i = 0; i < all.size(); ++i) all[i] = i;
    emitPredictions(all);
    emitLearnedSet();
    emit rejectionRateChanged(rejectionRate(m_store, 0));
    emitModel();
    emitSnapshot();
    if (m_mapWanted) emitMap();
    qCDebug(lcApp) << "refresh of" << m_store.size() << "events took" << clock.elapsed() << "ms";
  }
  if (announce) emit activity(QString());
}

bool LearningWorker::predictAll() {
  if (!m_net.hasModel()) {
    for (int i = 0; i < m_store.size(); ++i) m_store.at(i).prediction = PredictionInfo();
    m_coverage.clear();
    return true;
  }
  Network& net = m_net.network();
  const int dims = net.dims();
  const int neurons = net.neurons(0);
  // Inside a ball iff q <= 1 iff phi = exp(-sharpness q) >= exp(-sharpness).
  const float inside = std::exp(-net.params().sharpness);
  Coverage coverage(neurons);
  Prediction p;
  for (int i = 0; i < m_store.size(); ++i) {
    if (i > 0 && i % kPredictChunk == 0 && stale()) return false;
    LearnerRow& row = m_store.at(i);
    if (row.descriptor.size() != dims) {
      row.prediction = PredictionInfo();
      continue;
    }
    net.predict(row.descriptor.constData(), p, net.scratch());
    row.prediction = toPredictionInfo(p);
    const float* phi = net.scratch().activations(0);
    for (int j = 0; j < neurons; ++j) {
      if (phi[j] >= inside) coverage[j] << row.id;
    }
  }
  m_coverage = std::move(coverage);
  return true;
}

void LearningWorker::predictRows(const QVector<int>& ids) {
  Network& net = m_net.network();
  QVector<int> indices;
  Prediction p;
  for (int id : ids) {
    const int i = m_store.indexOf(id);
    if (i < 0) continue;
    LearnerRow& row = m_store.at(i);
    if (row.descriptor.size() != net.dims()) continue;
    net.predict(row.descriptor.constData(), p, net.scratch());
    row.prediction = toPredictionInfo(p);
    indices << i;
  }
  if (!indices.isEmpty()) emitPredictions(indices);
}

void LearningWorker::emitPredictions(const QVector<int>& indices) {
  QVector<int> ids;
  QVector<PredictionInfo> predictions;
  ids.reserve(indices.size());
  predictions.reserve(indices.size());
  for (int i : indices) {
    ids << m_store.at(i).id;
    predictions << m_store.at(i).prediction;
  }
  emit predictionsReady(ids, predictions, m_generation);
}

void LearningWorker::emitLearnedSet() {
  QVector<int> ids;
  for (int i = 0; i < m_store.size(); ++i) {
    if (m_store.at(i).learned) ids << m_store.at(i).id;
  }
  emit learnedReady(ids, true, m_generation);
}

void LearningWorker::emitModel() {
  if (!m_net.hasModel()) {
    if (m_modelCrc != 0 || !m_modelBytes.isEmpty()) {
      m_modelBytes.clear();
      m_modelCrc = 0;
      emit modelReady(QByteArray(), 0, m_generation);
    }
    return;
  }
  if (!m_modelBytes.isEmpty()) return;  // unchanged since the last emission
  m_modelBytes = m_net.modelBytes(m_names);
  ModelInfo info;
  const auto* data = reinterpret_cast<const std::uint8_t*>(m_modelBytes.constData());
  m_modelCrc = inspectModel(data, std::size_t(m_modelBytes.size()), &info) == Status::Ok
                   ? info.crc
                   : 0;
  emit modelReady(m_modelBytes, m_modelCrc, m_generation);
}

void LearningWorker::emitSnapshot() {
  if (!m_net.ready()) {
    m_lastSnapshot = NetworkSnapshot();
  } else {
    m_lastSnapshot = buildNetworkSnapshot(m_net.network(), m_coverage,
                                          m_net.hasModel() ? m_modelCrc : 0,
                                          m_modelBytes.size(), m_threshold);
  }
  if (!m_net.hasModel()) m_lastSnapshot.neuronsPerLayer.clear();
  emit networkReady(m_lastSnapshot, m_generation);
}

void LearningWorker::emitMap() {
  QElapsedTimer clock;
  clock.start();
  m_lastMap = buildKnownSetMap(m_net.hasModel() ? &m_net.network() : nullptr, m_store,
                               m_mapRequest, m_threshold);
  qCDebug(lcApp) << "known-set map of" << m_lastMap.points.size() << "events in"
                 << clock.elapsed() << "ms";
  emit knownSetMapReady(m_lastMap, m_generation);
}

void LearningWorker::requestKnownSetMap(int projection, int featureX, int featureY) {
  m_mapWanted = true;
  m_mapRequest.projection = projection == int(KnownSetMap::Projection::FeaturePair)
                                ? KnownSetMap::Projection::FeaturePair
                                : KnownSetMap::Projection::Pca;
  m_mapRequest.featureX = featureX;
  m_mapRequest.featureY = featureY;
  emitMap();
}

void LearningWorker::requestExplanation(int eventId) {
  const int i = m_store.indexOf(eventId);
  Explanation e;
  e.eventId = eventId;
  e.threshold = m_threshold;
  if (i >= 0 && !m_net.hasModel()) e.examples = nearestExamples(m_store, m_store.at(i));
  if (i >= 0 && m_net.hasModel()) {
    e = explainEvent(m_net.network(), m_store, m_store.at(i), m_threshold);
    // explainEvent() predicted with the network: keep the cache consistent with it.
    m_store.at(i).prediction = e.prediction;
  }
  emit explanationReady(e);
}

void LearningWorker::setThreshold(float threshold) {
  if (threshold == m_threshold) return;
  m_threshold = threshold;
  if (!m_net.ready()) return;
  m_net.network().setThreshold(threshold);
  rederiveFromThreshold();
}

void LearningWorker::rederiveFromThreshold() {
  // The known-set level does not move with the threshold, so no event is predicted again
  // and nothing is relearned.
  QVector<int> all(m_store.size());
  for (int i = 0; i < m_store.size(); ++i) {
    PredictionInfo& p = m_store.at(i).prediction;
    if (p.valid && p.bestClass >= 0) {
      p.classIndex = acceptedAt(p.knownScore, m_threshold) ? p.bestClass : -1;
    }
    all[i] = i;
  }
  emitPredictions(all);
  const double rate = rejectionRate(m_store, 0);
  emit rejectionRateChanged(rate);
  if (m_net.hasModel()) {
    m_modelBytes.clear();  // the threshold is stored in the model
    emitModel();
    m_lastSnapshot.threshold = m_threshold;
    m_lastSnapshot.modelCrc = m_modelCrc;
    m_lastSnapshot.modelBytes = m_modelBytes.size();
    emit networkReady(m_lastSnapshot, m_generation);
  }
  if (m_mapWanted) {
    applyThreshold(m_lastMap, m_store, m_threshold);
    emit knownSetMapReady(m_lastMap, m_generation);
  }
}

} // namespace dlm::app
