#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

#include "app/learning/host_network.h"
#include "app/learning/learner_store.h"
#include "app/learning/learning_types.h"
#include "app/learning/network_views.h"

class QTimer;

namespace dlm::app {

/// \brief The studio's learner, living on its own thread (see LearningService).
///
/// Mirrors the session's events (descriptors and tags), holds a full host kernel network and
/// keeps it in step: a newly tagged event is learned incrementally (predict-then-learn, which
/// gives the prequential accuracy); a re-tag, a discarded learned event, or a large batch of
/// tags triggers a full rebuild from every class-tagged event, coalesced over kRebuildDelayMs.
/// After each change every event is predicted again (in chunks, abandoned as soon as a newer
/// edit is posted). Results carry the generation of the last edit they include, so that the
/// GUI side can drop stale ones.
class LearningWorker : public QObject {
  Q_OBJECT

public:
  /// \brief Edits within this delay are coalesced into one rebuild.
  static constexpr int kRebuildDelayMs = 100;
  /// \brief Delay before re-predicting everything after incremental learns (coalesces them).
  static constexpr int kRefreshDelayMs = 30;
  /// \brief A batch with more newly tagged events than this is rebuilt, not learned one by one.
  static constexpr int kIncrementalBatch = 16;
  /// \brief Events the rejection rate of the growth chart is measured over (the latest).
  static constexpr int kRecentEvents = 200;
  /// \brief Incremental learns the prequential accuracy is measured over (the latest).
  static constexpr int kPrequentialWindow = 100;

  /// \brief \p posted is the GUI side's latest generation: newer than ours means stale.
  explicit LearningWorker(std::shared_ptr<std::atomic<quint64>> posted,
                          QObject* parent = nullptr);
  ~LearningWorker() override;

  /// \brief Bytes of the network's arena (for diagnostics and tests).
  std::size_t arenaBytes() const { return m_net.arenaBytes(); }

public slots:
  void applyOps(const dlm::app::LearnerOps& ops, quint64 generation);
  void resetSession(const dlm::app::LearnerOps& events, const QStringList& classNames,
                    quint64 generation);
  void loadModel(const QByteArray& bytes, quint64 generation);
  /// \brief Seed the prequential window with \p samples outcomes, a share \p accuracy right.
  void seedPrequential(double accuracy, int samples);
  void setClassNames(const QStringList& names);
  void setThreshold(float threshold);
  void requestKnownSetMap(int projection, int featureX, int featureY);
  void requestExplanation(int eventId);
  void requestRebuild();
  /// \brief Build within a board's capacity from now on (rebuilds if the network is larger).
  void setLimits(int maxLayers, int maxNeurons, int maxDeepNeurons);

signals:
  void predictionsReady(const QVector<int>& ids,
                        const QVector<dlm::app::PredictionInfo>& predictions, quint64 generation);
  void learnedReady(const QVector<int>& ids, bool replaceAll, quint64 generation);
  void growthReady(const dlm::app::GrowthPoint& point);
  void networkReady(const dlm::app::NetworkSnapshot& snapshot, quint64 generation);
  void modelReady(const QByteArray& bytes, quint32 crc, quint64 generation);
  void knownSetMapReady(const dlm::app::KnownSetMap& map, quint64 generation);
  void explanationReady(const dlm::app::Explanation& explanation);
  void rejectionRateChanged(double rate);
  /// \brief What the worker is doing, for the status bar; empty when idle.
  void activity(const QString& message);
  void problem(const QString& message);

private:
  // learning_worker.cpp: edits, incremental learning, rebuilds.
  bool applyOp(const LearnerOp& op, QVector<int>& candidates, QVector<int>& added);
  void learnIncrementally(const QVector<int>& ids);
  enum class LearnResult { Learned, Skipped, NeedsRebuild };
  LearnResult learnOne(int index);
  void scheduleRebuild();
  void rebuildNow();
  /// The sensor channels the tagged events \p ids are descriptors of, or 0 (other features).
  int descriptorChannels(const QVector<int>& ids, int dims) const;
  bool collectTagged(std::vector<float>& x, std::vector<std::uint8_t>& labels, QVector<int>& ids,
                     int& dims) const;
  void forgetModel();
  void emitGrowth(double micros, bool rebuild);
  int taggedCount() const;

  // learning_worker_refresh.cpp: predictions and views after a change.
  void scheduleRefresh();
  void refresh();
  bool predictAll();
  void predictRows(const QVector<int>& ids);
  void emitPredictions(const QVector<int>& indices);
  void emitLearnedSet();
  void emitModel();
  void emitSnapshot();
  void emitMap();
  void rederiveFromThreshold();
  bool stale() const { return m_posted->load() > m_generation; }

  HostNetwork m_net;
  LearnerStore m_store;
  QStringList m_names;
  float m_threshold = KernelParams().threshold;
  quint64 m_generation = 0;
  std::shared_ptr<std::atomic<quint64>> m_posted;
  QTimer* m_rebuildTimer = nullptr;
  QTimer* m_refreshTimer = nullptr;
  bool m_rebuildPending = false;
  int m_sinceRebuild = 0;
  /// Cost of the last full rebuild of this session: 0 before the first (which resetSession()
  /// schedules at once); for an adopted saved model, whose cost is not known, 0 if the session
  /// is small and infinite otherwise (see loadModel()).
  double m_lastRebuildMicros = 0.0;
  int m_dimsWarned = -1;
  QVector<bool> m_prequential;  ///< ring of the latest predict-then-learn outcomes
  int m_prequentialNext = 0;
  double m_prequentialAccuracy = 0.0;
  Coverage m_coverage;
  QByteArray m_modelBytes;
  quint32 m_modelCrc = 0;
  bool m_mapWanted = false;
  MapRequest m_mapRequest;
  KnownSetMap m_lastMap;
  NetworkSnapshot m_lastSnapshot;
};

} // namespace dlm::app
