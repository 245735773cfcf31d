#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

#include "app/learning/learning_types.h"
#include "app/session/session.h"
#include "core/network.h"

class QTimer;

namespace dlm::app {

class LearningPort;
class LearningWorker;

/// \brief GUI-thread façade of the studio's learner: owns a LearningWorker on its own QThread
/// and talks to it only through queued signals, so the GUI never waits for learning.
///
/// attachSession() mirrors a Session into the worker (edits of one event-loop turn travel as
/// one batch) and applies the worker's results back to it: studio predictions and learned
/// flags. Every batch that can change the model bumps a generation; results of an older
/// generation than the latest posted one are stale and dropped (a newer result follows).
class LearningService : public QObject {
  Q_OBJECT

public:
  explicit LearningService(QObject* parent = nullptr);
  /// \brief Stops the worker thread (waits for a rebuild in progress to finish).
  ~LearningService() override;

  /// \brief Mirror \p session (not owned) into the learner and apply results to it. Posts the
  /// session's current content at once. Call once.
  void attachSession(Session* session);
  Session* session() const { return m_session; }

  /// \brief Adopt a saved model (after opening a project or recovering): used as is when it
  /// learned exactly the session's class-tagged events, otherwise the network is rebuilt.
  void loadModel(const QByteArray& bytes);

  float threshold() const { return m_threshold; }
  /// \brief The latest model bytes (what "push to board" sends and a project stores).
  QByteArray modelBytes() const { return m_modelBytes; }
  /// \brief The studio model's identity (dlm::ModelInfo::crc, the CRC-32 its bytes store and
  /// what a board running it reports), 0 without a model.
  quint32 modelCrc() const { return m_modelCrc; }
  /// \brief The latest network snapshot.
  const NetworkSnapshot& network() const { return m_network; }
  /// \brief True when every posted edit is reflected in the results received.
  bool isUpToDate() const;

  // The session mirror, for an integrator that feeds the learner without a Session.
  /// \brief Post session changes (applied in order).
  void postOps(const LearnerOps& ops);
  /// \brief Replace the learner's events and class names.
  void postReset(const LearnerOps& events, const QStringList& classNames);
  /// \brief Class names changed (they are part of the model bytes).
  void postClassNames(const QStringList& names);

public slots:
  /// \brief Move the rejection boundary (known iff score >= -threshold) without relearning.
  void setThreshold(float threshold);
  /// \brief Ask for a known-set map; it is then recomputed after every change until the
  /// next request changes its parameters.
  void requestKnownSetMap(dlm::app::KnownSetMap::Projection projection, int featureX,
                          int featureY);
  void requestExplanation(int eventId);
  /// \brief Rebuild from every class-tagged event now (coalesced like any edit).
  void requestRebuild();
  /// \brief Keep the studio's network within a board's capacity so its models can be pushed.
  void setCapacityLimits(int maxLayers, int maxNeurons, int maxDeepNeurons = 0);

signals:
  void predictionsUpdated(const QVector<int>& ids,
                          const QVector<dlm::app::PredictionInfo>& predictions);
  void learnedUpdated(const QVector<int>& ids, bool replaceAll);
  void growthPoint(const dlm::app::GrowthPoint& point);
  void networkChanged(const dlm::app::NetworkSnapshot& snapshot);
  /// \brief The studio model changed (bytes empty when there is none).
  void modelChanged(const QByteArray& bytes, quint32 crc);
  void knownSetMapReady(const dlm::app::KnownSetMap& map);
  void explanationReady(const dlm::app::Explanation& explanation);
  /// \brief Fraction of the session's predicted events rejected as unknown.
  void rejectionRateChanged(double rate);
  /// \brief What the learner is doing ("Rebuilding the network from 5 000 events…"), or
  /// empty when idle: for the status bar.
  void activityChanged(const QString& message);
  /// \brief Something the user should know, in plain words.
  void problem(const QString& message);

private:
  void connectWorker();
  void queueOp(LearnerOp op);
  void flush();
  void postSessionReset();
  bool fresh(quint64 generation) const { return generation >= m_posted->load(); }
  void onPredictions(const QVector<int>& ids, const QVector<PredictionInfo>& predictions,
                     quint64 generation);
  void onLearned(const QVector<int>& ids, bool replaceAll, quint64 generation);
  void onNetwork(const NetworkSnapshot& snapshot, quint64 generation);
  void onModel(const QByteArray& bytes, quint32 crc, quint64 generation);
  void onMap(const KnownSetMap& map, quint64 generation);
  void noteApplied(quint64 generation);

  QThread m_thread;
  LearningWorker* m_worker = nullptr;
  LearningPort* m_port = nullptr;
  std::shared_ptr<std::atomic<quint64>> m_posted;
  quint64 m_applied = 0;
  LearnerOps m_pending;
  bool m_pendingAffectsModel = false;
  QTimer* m_flushTimer = nullptr;
  Session* m_session = nullptr;  // not owned; outlives this object
  QStringList m_classNames;
  float m_threshold = KernelParams().threshold;
  QByteArray m_modelBytes;
  quint32 m_modelCrc = 0;
  NetworkSnapshot m_network;
};

} // namespace dlm::app
