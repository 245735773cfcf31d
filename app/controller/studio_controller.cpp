#include "app/controller/studio_controller.h"

#include <QDateTime>
#include <QLocale>
#include <QJsonObject>

#include "app/controller/model_identity.h"
#include "core/descriptor.h"
#include "core/version.h"

namespace dlm::app {

namespace {

constexpr int kHistoryFrames = 60000; // 60 s at 1 kHz: events are reported within a second
constexpr char kVirtualLink[] = "virtual board";

} // namespace

StudioController::StudioController(QObject* parent)
    : QObject(parent), m_recovery(&m_session), m_history(kHistoryFrames, 3) {
  m_learning.attachSession(&m_session);
  m_recovery.setExtrasProvider([this] { return extras(); });
  connect(&m_recovery, &RecoveryManager::problem, this, &StudioController::problem);
  connect(&m_virtual, &VirtualBoardProcess::ready, this, [this](const QString& path) {
    m_ports.addExplicitPort(path, tr("Built-in virtual board"));
    m_link.connectTo(path);
    emit statusMessage(tr("Virtual board started on %1; connecting…").arg(path));
  });
  connect(&m_virtual, &VirtualBoardProcess::failed, this, &StudioController::problem);
  m_rejectionTimer.setSingleShot(true);
  m_rejectionTimer.setInterval(kRejectionQuietMs);
  connect(&m_rejectionTimer, &QTimer::timeout, this, &StudioController::sendRejection);
  wireLink();
  wireLearning();
  m_ports.start();
}

StudioController::~StudioController() {
  m_link.disconnect();
  m_virtual.stop();
}

void StudioController::wireLink() {
  connect(&m_link, &link::BoardLink::connected, this, &StudioController::onBoardConnected);
  connect(&m_link, &link::BoardLink::disconnected, this, [this](const QString& reason) {
    m_rejectionTimer.stop();
    m_rejectionSyncPending = false;
    emit boardLost(reason);
    emit statusMessage(tr("Board disconnected: %1").arg(reason));
  });
  connect(&m_link, &link::BoardLink::samplesReceived, this,
          [this](quint32 first, int channels, const QVector<qint16>& values) {
            m_history.append(first, channels, values);
          });
  connect(&m_link, &link::BoardLink::eventReceived, this, &StudioController::onBoardEvent);
  connect(&m_link, &link::BoardLink::boardModelChanged, this, [this](quint32 crc, quint32) {
    m_boardModelCrc = crc;
    emit modelHashesChanged(studioModelIdentity(), m_boardModelCrc);
  });
  connect(&m_link, &link::BoardLink::statusReceived, this, &StudioController::onBoardStatus);
  connect(&m_link, &link::BoardLink::commandFailed, this,
          [this](link::CommandKind, const QString& message) { emit problem(message); });
  connect(&m_link, &link::BoardLink::pushFinished, this, [this](bool ok, const QString& m) {
    // The activated model brings its own threshold: ask, so that the board's is shown.
    if (ok) m_link.requestStatus();
    emit statusMessage(ok ? tr("Model pushed and verified on the board.")
                          : tr("Model push failed: %1").arg(m));
  });
}

void StudioController::wireLearning() {
  connect(&m_session, &Session::tagsChanged, this, &StudioController::onTagsChanged);
  connect(&m_learning, &LearningService::modelChanged, this, [this](const QByteArray&, quint32) {
    emit modelHashesChanged(studioModelIdentity(), m_boardModelCrc);
  });
  connect(&m_learning, &LearningService::activityChanged, this, &StudioController::statusMessage);
  connect(&m_learning, &LearningService::problem, this, &StudioController::problem);
}

void StudioController::onBoardConnected(const link::BoardInfo& info) {
  m_boardModelCrc = info.modelCrc;
  // Build only what this board can hold (its depth, and its narrower deeper layers), so every
  // model the studio makes can be pushed.
  if (info.maxLayers > 0 && info.maxNeurons > 0) {
    m_learning.setCapacityLimits(info.maxLayers, info.maxNeurons, info.maxDeepNeurons);
  }
  m_boardIds.clear();
  m_sessionIds.clear(); // a new session with the board: its event ids start again
  m_rejectionSyncPending = true; // decided by the Status asked for here
  m_link.requestStatus();        // learns the board's trigger settings and threshold
  emit boardReady(info, m_virtualWanted);
  emit modelHashesChanged(studioModelIdentity(), m_boardModelCrc);
  emit statusMessage(tr("Connected to %1 (firmware %2, core %3).")
                         .arg(info.boardName, info.firmwareVersion, info.coreVersion));
}

void StudioController::onBoardStatus(const link::BoardStatus& status) {
  if (status.trigger.maxFrames >= status.trigger.minFrames && status.trigger.minFrames > 0) {
    m_trigger = status.trigger;
  }
  // The board's identity follows its threshold (and its own learning): keep the badge true.
  if (status.modelCrc != m_boardModelCrc) {
    m_boardModelCrc = status.modelCrc;
    emit modelHashesChanged(studioModelIdentity(), m_boardModelCrc);
  }
  if (m_rejectionSyncPending) {
    m_rejectionSyncPending = false;
    syncRejectionAfterConnect(status);
  }
}

void StudioController::syncRejectionAfterConnect(const link::BoardStatus& status) {
  const float share = m_learning.threshold();
  if (status.rejectionThreshold == share) return;
  // A board does not keep a threshold across a restart or a model activation, so after a
  // (re)connect its threshold may no longer be the one the slider shows. The studio sends its
  // own only when it is about the same model: the board has none yet (the model it learns
  // keeps the value), or it runs the studio's model with another threshold (e.g. pushed, then
  // the slider moved, then the board restarted). A board running a model of its own, such as
  // one deployed from another project, keeps its threshold: connecting to look at a board
  // must not change how it decides. Moving the slider sets it explicitly.
  const QByteArray model = m_learning.modelBytes();
  const bool sameModel =
      !model.isEmpty() &&
      modelIdentityAtThreshold(model, status.rejectionThreshold) == status.modelCrc;
  if (status.modelCrc == 0 || sameModel) {
    sendRejection();
    return;
  }
  //: %1: a percentage in the locale's format, e.g. "5.0".
  emit statusMessage(tr("The board runs another model and keeps its own rejection threshold "
                        "(%1% of knowns); move the slider to set it.")
                         .arg(QLocale().toString(100.0 * double(status.rejectionThreshold),
                                                 'f', 1)));
}

void StudioController::setRejectionThreshold(float share) {
  m_learning.setThreshold(share);  // clamps; the studio's decisions follow at once
  if (m_link.isConnected()) m_rejectionTimer.start();  // restarted by every move
}

void StudioController::sendRejection() {
  m_rejectionTimer.stop();
  m_rejectionSyncPending = false;  // the value sent is the studio's latest either way
  if (!m_link.isConnected()) return;
  m_link.setRejection(m_learning.threshold());
  m_link.requestStatus();  // answered after the threshold is set: the panel shows it
}

QString StudioController::predictionLabel(const link::BoardEvent& event) const {
  if (event.isUnknown()) return tr("unknown");
  return m_session.tagName(event.predictedClass);
}

PredictionInfo StudioController::boardPrediction(const link::BoardEvent& event) const {
  PredictionInfo p;
  // A class the studio does not have (the board learned it before this session) shows as
  // unknown rather than indexing past the session's classes.
  p.classIndex = event.predictedClass < m_session.classCount() ? event.predictedClass : -1;
  p.bestClass = event.bestClass;
  p.confidence = event.confidence;
  p.knownScore = event.knownScore;
  p.valid = true;
  return p;
}

void StudioController::onBoardEvent(const link::BoardEvent& event) {
  // The board re-reports an event after learning it (flagged learned): update, don't add.
  const auto seen = m_sessionIds.constFind(event.id);
  if (seen != m_sessionIds.constEnd()) {
    m_session.setBoardPrediction(seen.value(), boardPrediction(event));
    return;
  }
  SessionEvent e;
  e.wallClockMs = QDateTime::currentMSecsSinceEpoch();
  e.boardSample = event.startSample;
  e.frames = quint32(event.frames);
  e.channels = quint8(m_history.channels());
  e.sampleRateHz = quint32(m_link.boardInfo().sampleRateHz > 0 ? m_link.boardInfo().sampleRateHz
                                                                 : 1000);
  e.raw = m_history.window(event.startSample, quint32(event.frames));
  e.descriptor = event.descriptor;
  e.board = boardPrediction(event);
  e.origin = EventOrigin::Board;
  const int id = m_session.addEvent(e);
  m_boardIds.insert(id, event.id);
  m_sessionIds.insert(event.id, id);
  const bool known = !event.isUnknown() && event.predictedClass < m_session.classCount();
  const QColor colour = known ? m_session.classAt(event.predictedClass).colour : QColor(Qt::gray);
  emit eventDetected(id, event.startSample, quint32(event.frames), colour,
                     known ? predictionLabel(event) : tr("unknown"));
}

void StudioController::onTagsChanged(const QVector<TagChange>& changes) {
  // The board learns on-board with the same core: label the events it still remembers.
  if (!m_link.isConnected()) return;
  for (const TagChange& c : changes) {
    const auto it = m_boardIds.constFind(c.id);
    if (it == m_boardIds.constEnd() || c.newTag < 0) continue;
    m_link.labelEvent(it.value(), c.newTag);
  }
}

void StudioController::startVirtualBoard() {
  m_virtualWanted = true;
  m_link.disconnect();
  m_virtual.start(QString(), m_virtualArguments);
  emit statusMessage(tr("Starting the built-in virtual board…"));
}

void StudioController::connectToPort(const QString& path, qint32 baud) {
  m_virtualWanted = false;
  m_virtual.stop();
  m_link.connectTo(path, baud);
  emit statusMessage(tr("Connecting to %1 at %2 baud…").arg(path).arg(baud));
}

void StudioController::disconnectBoard() {
  m_link.disconnect();
  m_virtual.stop();
  emit statusMessage(tr("Disconnected."));
}

void StudioController::pushModel() {
  const QByteArray bytes = m_learning.modelBytes();
  if (bytes.isEmpty()) {
    emit problem(tr("There is no model to push yet: tag a few events first."));
    return;
  }
  if (!m_link.isConnected()) {
    emit problem(tr("No board is connected: connect one or start the virtual board."));
    return;
  }
  m_link.pushModel(bytes);
  emit statusMessage(tr("Pushing the model (%1 bytes)…").arg(bytes.size()));
}

void StudioController::pullModel() {
  if (!m_link.isConnected()) {
    emit problem(tr("No board is connected: connect one or start the virtual board."));
    return;
  }
  m_link.pullModel();
  emit statusMessage(tr("Pulling the board's model…"));
}

void StudioController::performGesture(int gesture) {
  if (m_link.isConnected()) m_link.performGesture(gesture);
}

void StudioController::setTriggerThreshold(float threshold) {
  if (!m_link.isConnected()) return;
  m_trigger.threshold = threshold;
  m_link.setTrigger(m_trigger);
}

QString StudioController::kernelVersion() { return QString::fromLatin1(dlm::coreVersion()); }

quint32 StudioController::studioModelIdentity() const {
  // The identity core/model_format gave the model (what a board running it reports), as the
  // learner read it when it saved the model: not computed a second time here.
  return m_learning.modelCrc();
}

ProjectExtras StudioController::extras() const {
  ProjectExtras e;
  e.modelBytes = m_learning.modelBytes();
  e.settings.insert(QStringLiteral("rejectionShare"), double(m_learning.threshold()));
  return e;
}

} // namespace dlm::app
