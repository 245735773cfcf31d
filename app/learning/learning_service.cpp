#include "app/learning/learning_service.h"

#include <algorithm>
#include <cmath>

#include <QTimer>

#include <limits>

#include "app/learning/learning_worker.h"

namespace dlm::app {

/// \brief The service's outgoing signals to the worker, kept off the service's public API.
class LearningPort : public QObject {
  Q_OBJECT

public:
  using QObject::QObject;

signals:
  void ops(const dlm::app::LearnerOps& ops, quint64 generation);
  void reset(const dlm::app::LearnerOps& events, const QStringList& classNames,
             quint64 generation);
  void model(const QByteArray& bytes, quint64 generation);
  void classNames(const QStringList& names);
  void threshold(float threshold);
  void map(int projection, int featureX, int featureY);
  void explain(int eventId);
  void rebuild();
  void limits(int maxLayers, int maxNeurons, int maxDeepNeurons);
};

LearningService::LearningService(QObject* parent)
    : QObject(parent), m_port(new LearningPort(this)),
      m_posted(std::make_shared<std::atomic<quint64>>(0)), m_flushTimer(new QTimer(this)) {
  registerStudioMetaTypes();
  m_thread.setObjectName(QStringLiteral("dlm-learning"));
  m_worker = new LearningWorker(m_posted);
  m_worker->moveToThread(&m_thread);
  connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  // Edits made during one turn of the event loop travel together.
  m_flushTimer->setSingleShot(true);
  m_flushTimer->setInterval(0);
  connect(m_flushTimer, &QTimer::timeout, this, &LearningService::flush);
  connectWorker();
  m_thread.start();
}

LearningService::~LearningService() {
  // Every result is stale from now on: chunked loops in the worker stop early.
  m_posted->store(std::numeric_limits<quint64>::max());
  m_thread.quit();
  m_thread.wait();
}

void LearningService::connectWorker() {
  LearningWorker* w = m_worker;
  connect(m_port, &LearningPort::ops, w, &LearningWorker::applyOps);
  connect(m_port, &LearningPort::reset, w, &LearningWorker::resetSession);
  connect(m_port, &LearningPort::model, w, &LearningWorker::loadModel);
  connect(m_port, &LearningPort::classNames, w, &LearningWorker::setClassNames);
  connect(m_port, &LearningPort::threshold, w, &LearningWorker::setThreshold);
  connect(m_port, &LearningPort::map, w, &LearningWorker::requestKnownSetMap);
  connect(m_port, &LearningPort::explain, w, &LearningWorker::requestExplanation);
  connect(m_port, &LearningPort::rebuild, w, &LearningWorker::requestRebuild);
  connect(m_port, &LearningPort::limits, w, &LearningWorker::setLimits);

  connect(w, &LearningWorker::predictionsReady, this, &LearningService::onPredictions);
  connect(w, &LearningWorker::learnedReady, this, &LearningService::onLearned);
  connect(w, &LearningWorker::growthReady, this, &LearningService::growthPoint);
  connect(w, &LearningWorker::networkReady, this, &LearningService::onNetwork);
  connect(w, &LearningWorker::modelReady, this, &LearningService::onModel);
  connect(w, &LearningWorker::knownSetMapReady, this, &LearningService::onMap);
  connect(w, &LearningWorker::explanationReady, this, &LearningService::explanationReady);
  connect(w, &LearningWorker::rejectionRateChanged, this,
          &LearningService::rejectionRateChanged);
  connect(w, &LearningWorker::activity, this, &LearningService::activityChanged);
  connect(w, &LearningWorker::problem, this, &LearningService::problem);
}

// ---- the session mirror -------------------------------------------------------------------

void LearningService::attachSession(Session* session) {
  Q_ASSERT(m_session == nullptr);
  m_session = session;
  connect(session, &Session::eventsInserted, this, [this](int first, int last) {
    for (int row = first; row <= last; ++row) {
      const SessionEvent& e = m_session->eventAt(row);
      LearnerOp op;
      op.kind = LearnerOp::Add;
      op.id = e.id;
      op.tag = e.tag;
      op.learned = e.learned;
      op.descriptor = e.descriptor;
      queueOp(std::move(op));
    }
  });
  connect(session, &Session::eventRemoved, this, [this](int, int id) {
    LearnerOp op;
    op.kind = LearnerOp::Remove;
    op.id = id;
    queueOp(std::move(op));
  });
  connect(session, &Session::tagsChanged, this, [this](const QVector<TagChange>& changes) {
    for (const TagChange& c : changes) {
      LearnerOp op;
      op.kind = LearnerOp::Tag;
      op.id = c.id;
      op.tag = c.newTag;
      queueOp(std::move(op));
    }
  });
  auto names = [this] { postClassNames(m_session->classNames()); };
  connect(session, &Session::classAdded, this, names);
  connect(session, &Session::classRemoved, this, names);
  connect(session, &Session::classChanged, this, names);
  connect(session, &Session::resetDone, this, &LearningService::postSessionReset);
  connect(this, &LearningService::predictionsUpdated, session, &Session::setStudioPredictions);
  connect(this, &LearningService::learnedUpdated, session, &Session::setLearned);
  postSessionReset();
}

void LearningService::postSessionReset() {
  LearnerOps events;
  events.reserve(m_session->eventCount());
  for (int row = 0; row < m_session->eventCount(); ++row) {
    const SessionEvent& e = m_session->eventAt(row);
    LearnerOp op;
    op.id = e.id;
    op.tag = e.tag;
    op.learned = e.learned;
    op.descriptor = e.descriptor;
    events << op;
  }
  postReset(events, m_session->classNames());
}

void LearningService::queueOp(LearnerOp op) {
  const bool affects = op.kind != LearnerOp::Add || op.tag >= 0;
  m_pendingAffectsModel = m_pendingAffectsModel || affects;
  m_pending << std::move(op);
  if (!m_flushTimer->isActive()) m_flushTimer->start();
}

void LearningService::flush() {
  if (m_pending.isEmpty()) return;
  LearnerOps ops;
  ops.swap(m_pending);
  postOps(ops);
}

void LearningService::postOps(const LearnerOps& ops) {
  // Only batches that can change the model make earlier results stale: a new untagged event
  // streaming in does not.
  bool affects = m_pendingAffectsModel;
  for (const LearnerOp& op : ops) affects = affects || op.kind != LearnerOp::Add || op.tag >= 0;
  m_pendingAffectsModel = false;
  const quint64 generation = affects ? m_posted->load() + 1 : m_posted->load();
  m_posted->store(generation);
  emit m_port->ops(ops, generation);
}

void LearningService::postReset(const LearnerOps& events, const QStringList& classNames) {
  // Edits queued before the reset belong to the replaced session.
  m_pending.clear();
  m_pendingAffectsModel = false;
  m_classNames = classNames;
  const quint64 generation = m_posted->load() + 1;
  m_posted->store(generation);
  emit m_port->reset(events, classNames, generation);
}

void LearningService::postClassNames(const QStringList& names) {
  if (names == m_classNames) return;
  m_classNames = names;
  emit m_port->classNames(names);
}

void LearningService::loadModel(const QByteArray& bytes) {
  flush();
  emit m_port->model(bytes, m_posted->load());
}

void LearningService::setThreshold(float threshold) {
  // A share of known events to reject: the kernel's unit, from "nothing" to "everything".
  if (!std::isfinite(threshold)) return;
  threshold = std::clamp(threshold, 0.0f, 1.0f);
  if (threshold == m_threshold) return;
  m_threshold = threshold;
  emit m_port->threshold(threshold);
}

void LearningService::requestKnownSetMap(KnownSetMap::Projection projection, int featureX,
                                         int featureY) {
  flush();
  emit m_port->map(int(projection), featureX, featureY);
}

void LearningService::requestExplanation(int eventId) {
  flush();
  emit m_port->explain(eventId);
}

void LearningService::setCapacityLimits(int maxLayers, int maxNeurons, int maxDeepNeurons) {
  flush();
  emit m_port->limits(maxLayers, maxNeurons, maxDeepNeurons);
}

void LearningService::requestRebuild() {
  flush();
  emit m_port->rebuild();
}

bool LearningService::isUpToDate() const {
  return m_pending.isEmpty() && m_applied >= m_posted->load();
}

// ---- results ------------------------------------------------------------------------------

void LearningService::noteApplied(quint64 generation) {
  if (generation > m_applied) m_applied = generation;
}

void LearningService::onPredictions(const QVector<int>& ids,
                                    const QVector<PredictionInfo>& predictions,
                                    quint64 generation) {
  if (!fresh(generation)) return;
  emit predictionsUpdated(ids, predictions);
  noteApplied(generation);
}

void LearningService::onLearned(const QVector<int>& ids, bool replaceAll, quint64 generation) {
  if (!fresh(generation)) return;
  emit learnedUpdated(ids, replaceAll);
}

void LearningService::onNetwork(const NetworkSnapshot& snapshot, quint64 generation) {
  if (!fresh(generation)) return;
  m_network = snapshot;
  emit networkChanged(snapshot);
}

void LearningService::onModel(const QByteArray& bytes, quint32 crc, quint64 generation) {
  Q_UNUSED(generation);
  // Kept even when stale: it is the model the worker holds right now, and a newer one follows.
  m_modelBytes = bytes;
  m_modelCrc = crc;
  emit modelChanged(bytes, crc);
}

void LearningService::onMap(const KnownSetMap& map, quint64 generation) {
  if (!fresh(generation)) return;
  emit knownSetMapReady(map);
}

} // namespace dlm::app

#include "learning_service.moc"
