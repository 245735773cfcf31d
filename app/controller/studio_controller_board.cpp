// StudioController: the board. The only file of the studio that reads the link's own types:
// they become app-level values here (toView), and nowhere else.
#include <QDateTime>
#include <QLocale>

#include "app/controller/model_identity.h"
#include "app/controller/studio_controller.h"
#include "app/controller/virtual_board_process.h"
#include "app/learning/learning_service.h"
#include "app/session/session.h"
#include "app/views/class_palette.h"
#include "app/views/sample_store.h"
#include "devices/link/board_link.h"
#include "devices/link/port_discovery.h"

namespace dlm::app {

namespace {

constexpr double kHistorySeconds = 60.0;  // of the board's stream: events come within a second

BoardInfoView toView(const link::BoardInfo& info, bool isVirtual) {
  BoardInfoView v;
  v.portName = info.portName;
  v.boardName = info.boardName;
  v.firmwareVersion = info.firmwareVersion;
  v.coreVersion = info.coreVersion;
  v.maxNeurons = info.maxNeurons;
  v.maxDims = info.maxDims;
  v.maxLayers = info.maxLayers;
  v.maxClasses = info.maxClasses;
  v.modelCapacity = info.modelCapacity;
  v.sampleRateHz = info.sampleRateHz;
  v.channels = info.channels;
  v.descriptorDims = info.descriptorDims;
  v.modelIdentity = info.modelCrc;
  v.isVirtual = isVirtual;
  return v;
}

LinkStatsView toView(const link::LinkStatistics& s) {
  LinkStatsView v;
  v.bytesInPerSecond = s.bytesInPerSecond;
  v.bytesOutPerSecond = s.bytesOutPerSecond;
  v.framesOk = s.framesOk;
  v.crcErrors = s.frameErrors();
  v.lostFrames = s.lostSampleFrames;
  v.latencyMs = s.latencyMs;
  v.reconnects = s.reconnects;
  return v;
}

// The sample stream as the panels take it. Kept to the one conversion so that a change of the
// batch (channel count from the handshake, one sample store) has one place to go.
SampleBatch toView(quint32 firstIndex, int channels, const QVector<qint16>& values) {
  return SampleBatch{firstIndex, channels, values};
}

TriggerView toView(const link::TriggerConfig& t) {
  return TriggerView{t.threshold, t.preTriggerFrames, t.holdOffFrames, t.minFrames, t.maxFrames};
}

PredictionInfo boardPrediction(const link::BoardEvent& event, int classCount) {
  PredictionInfo p;
  // A class the studio does not have (the board learned it before this session) shows as
  // unknown rather than indexing past the session's classes.
  p.classIndex = event.predictedClass < classCount ? event.predictedClass : -1;
  p.bestClass = event.bestClass;
  p.confidence = event.confidence;
  p.knownScore = event.knownScore;
  p.valid = true;
  return p;
}

} // namespace

void StudioController::wireLink() {
  link::BoardLink* board = m_link.get();
  connect(board, &link::BoardLink::connected, this, &StudioController::onBoardConnected);
  connect(board, &link::BoardLink::disconnected, this, [this](const QString& reason) {
    // Closed to read the port as a text board: that board's own signals speak for the port.
    if (m_textMode != TextMode::Off || isFleetBoard()) return;
    m_rejectionTimer.stop();
    m_rejectionSyncPending = false;
    setStale(QString());  // nothing to be in step with
    emit boardLost(reason);
    emit statusMessage(tr("Board disconnected: %1").arg(reason));
  });
  connect(board, &link::BoardLink::samplesReceived, this,
          [this](quint32 first, int channels, const QVector<qint16>& values) {
            m_history->append(first, channels, values);
            emit samplesReceived(toView(first, channels, values));
          });
  connect(board, &link::BoardLink::eventReceived, this, &StudioController::onBoardEvent);
  connect(board, &link::BoardLink::boardModelChanged, this,
          [this](quint32 identity, quint32) { onBoardModel(identity); });
  connect(board, &link::BoardLink::statusReceived, this, &StudioController::onBoardStatus);
  connect(board, &link::BoardLink::statisticsUpdated, this,
          [this](const link::LinkStatistics& s) { emit linkStatsChanged(toView(s)); });
  connect(board, &link::BoardLink::commandFailed, this,
          [this](link::CommandKind kind, const QString& message) {
            // A forget that fails leaves a board that cannot label the event either way (it
            // had already dropped it, or the link went down and its ids start again).
            if (kind != link::CommandKind::ForgetEvent) emit problem(message);
          });
}

void StudioController::wireLinkTransfers() {
  link::BoardLink* board = m_link.get();
  connect(board, &link::BoardLink::pushProgress, this, &StudioController::pushProgress);
  connect(board, &link::BoardLink::pushFinished, this, [this](bool ok, const QString& m) {
    if (ok) {
      // The board now runs what the studio learned: in step again.
      m_ledger.boardHolds(m_pushing);
      setStale(QString());
      // The activated model brings its own threshold: ask, so that the board's is shown.
      m_link->requestStatus();
    }
    m_pushing.clear();
    emit pushFinished(ok, m);
    emit statusMessage(ok ? tr("Model pushed and verified on the board.")
                          : tr("Model push failed: %1").arg(m));
  });
  connect(board, &link::BoardLink::pullFinished, this, &StudioController::pullFinished);
}

void StudioController::onBoardConnected(const link::BoardInfo& info) {
  m_boardModelCrc = info.modelCrc;
  m_history->reset(info.sampleRateHz, info.channels, kHistorySeconds);  // the handshake's format
  // Build only what this board can hold (its depth, and its narrower deeper layers), so every
  // model the studio makes can be pushed.
  if (info.maxLayers > 0 && info.maxNeurons > 0) {
    m_learning->setCapacityLimits(info.maxLayers, info.maxNeurons, info.maxDeepNeurons);
  }
  // A new session with the board: its event ids start again. A board running the studio's
  // model holds what the studio learned; of another model nothing is known.
  m_ledger.clear();
  if (info.modelCrc != 0 && info.modelCrc == studioModelIdentity()) {
    m_ledger.boardHolds(studioLearned());
  }
  setStale(QString());
  m_boardTriggerKnown = false;
  m_rejectionSyncPending = true; // decided by the Status asked for here
  requestBoardStatus();          // learns the board's trigger settings and threshold
  sendDemoGestures();
  BoardInfoView view = toView(info, m_virtualWanted);
  view.fleetKey = m_fleetBoard;  // a board of the fleet, followed through the broker
  emit boardReady(view);
  emit modelHashesChanged(studioModelIdentity(), m_boardModelCrc);
  emit statusMessage(tr("Connected to %1 (firmware %2, core %3).")
                         .arg(info.boardName, info.firmwareVersion, info.coreVersion));
}

void StudioController::onBoardModel(quint32 identity) {
  m_boardModelCrc = identity;
  emit modelHashesChanged(studioModelIdentity(), m_boardModelCrc);
  if (identity != 0 && identity == studioModelIdentity()) setStale(QString());  // in step
}

void StudioController::onBoardStatus(const link::BoardStatus& status) {
  if (status.trigger.maxFrames >= status.trigger.minFrames && status.trigger.minFrames > 0) {
    // The board's trigger is the one that detects events: the live plot shows it, not the
    // studio's idea of it (the first status of a connection always reports it).
    const bool changed = !m_boardTriggerKnown || status.trigger.threshold != m_trigger.threshold;
    m_trigger = toView(status.trigger);
    m_boardTriggerKnown = true;
    if (changed) emit boardTriggerChanged(m_trigger.threshold);
  }
  emit boardRejectionChanged(status.rejectionThreshold);
  // The board's identity follows its threshold (and its own learning): keep the badge true.
  if (status.modelCrc != m_boardModelCrc) onBoardModel(status.modelCrc);
  if (m_rejectionSyncPending) {
    m_rejectionSyncPending = false;
    syncRejectionAfterConnect(status);
  }
}

void StudioController::syncRejectionAfterConnect(const link::BoardStatus& status) {
  const float share = m_learning->threshold();
  if (status.rejectionThreshold == share) return;
  // A board does not keep a threshold across a restart or a model activation, so after a
  // (re)connect its threshold may no longer be the one the slider shows. The studio sends its
  // own only when it is about the same model: the board has none yet (the model it learns
  // keeps the value), or it runs the studio's model with another threshold (e.g. pushed, then
  // the slider moved, then the board restarted). A board running a model of its own, such as
  // one deployed from another project, keeps its threshold: connecting to look at a board
  // must not change how it decides. Moving the slider sets it explicitly.
  const QByteArray model = m_learning->modelBytes();
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
  m_learning->setThreshold(share);  // clamps; the studio's decisions follow at once
  if (boardTakesCommands()) m_rejectionTimer.start();  // restarted by every move
}

void StudioController::sendRejection() {
  m_rejectionTimer.stop();
  m_rejectionSyncPending = false;  // the value sent is the studio's latest either way
  if (!boardTakesCommands()) return;
  setBoardRejection(m_learning->threshold());
  requestBoardStatus();  // answered after the threshold is set: the panel shows it
}

void StudioController::onBoardEvent(const link::BoardEvent& event) {
  const int classCount = m_session->classCount();
  // The board re-reports an event after learning it (flagged learned): update, don't add.
  const int seen = m_ledger.sessionId(event.id);
  if (seen >= 0) {
    m_session->setBoardPrediction(seen, boardPrediction(event, classCount));
    if (event.learned) {
      m_ledger.learnedOnBoard(seen, event.label);
      // The board's model changed as it learned: ask for its identity, or the Board panel
      // would say "Board model: none" beside the classes the board now predicts.
      m_boardStatusTimer.start();
    }
    return;
  }
  const int id = addBoardEvent(event, boardPrediction(event, classCount));
  m_ledger.addEvent(id, event.id);
  if (event.learned) m_ledger.learnedOnBoard(id, event.label);
  const bool known = !event.isUnknown() && event.predictedClass < classCount;
  const QColor colour =
      known ? m_session->classAt(event.predictedClass).colour : unknownColour();
  emit eventDetected(id, event.startSample, quint32(event.frames), colour,
                     known ? m_session->tagName(event.predictedClass) : tr("unknown"));
}

int StudioController::addBoardEvent(const link::BoardEvent& event, const PredictionInfo& board) {
  SessionEvent e;
  e.wallClockMs = QDateTime::currentMSecsSinceEpoch();
  e.boardSample = event.startSample;
  e.frames = quint32(event.frames);
  e.channels = quint8(m_history->channels());
  e.sampleRateHz = quint32(m_history->sampleRateHz());
  e.raw = m_history->window(event.startSample, quint32(event.frames));
  e.descriptor = event.descriptor;
  e.board = board;
  e.origin = EventOrigin::Board;
  suggestTag(e, event.requestedGesture);
  return m_session->addEvent(e);
}

bool StudioController::isBoardConnected() const {
  if (isFleetBoard()) return m_fleetBoardUp;
  return isTextBoard() ? m_text != nullptr && !m_textLost : m_link->isConnected();
}

BoardInfoView StudioController::boardInfo() const {
  if (isTextBoard()) return textBoardView();
  if (isFleetBoard()) {
    BoardInfoView v = toView(fleetBoardInfo(), false);
    v.fleetKey = m_fleetBoard;
    v.modelIdentity = m_boardModelCrc;
    return v;
  }
  BoardInfoView v = toView(m_link->boardInfo(), m_virtualWanted);
  v.modelIdentity = m_boardModelCrc;
  return v;
}

void StudioController::startVirtualBoard() {
  closeFleetBoard(tr("Switched to the virtual board."));
  stopTextBoard();
  m_virtualWanted = true;
  m_lastBoardWanted = false;  // the user picked another board
  m_link->disconnect();
  m_virtual->start(QString(), m_virtualArguments);
  emit statusMessage(tr("Starting the built-in virtual board…"));
}

void StudioController::connectToPort(const QString& path, qint32 baud) {
  closeFleetBoard(tr("Switched to the board on %1.").arg(path));
  stopTextBoard();
  const qint32 requestedBaud = baud;
  if (baud <= 0) baud = link::BoardLink::kDefaultBaud;
  m_virtualWanted = false;
  m_lastBoardWanted = false;  // until this board answers (studio_controller_ports.cpp)
  m_autoReconnecting = false;
  m_baud = baud;
  // A pseudo-terminal (an emulated board) is not enumerable: list it while it exists.
  if (path.startsWith(QStringLiteral("/dev/pts/"))) m_ports->addExplicitPort(path);
  m_virtual->stop();
  m_link->connectTo(path, baud);
  armTextOffer(requestedBaud);  // a board that never answers may be one that prints numbers
  emit statusMessage(tr("Connecting to %1 at %2 baud…").arg(path, QLocale().toString(baud)));
}

void StudioController::disconnectBoard() {
  m_lastBoardWanted = false;  // on purpose: not reconnected when it comes back
  m_autoReconnecting = false;
  closeFleetBoard(tr("Disconnected."));
  stopTextBoard();
  m_link->disconnect();
  m_virtual->stop();
  emit statusMessage(tr("Disconnected."));
}

void StudioController::pushModel() {
  if (isTextBoard()) {  // nothing to push to: no firmware, no model storage
    emit problem(textBoardRefusal());
    return;
  }
  if (isFleetBoard()) {  // through its gateway, which activates it only once verified
    pushModelToFleet({m_fleetBoard});
    return;
  }
  const QByteArray bytes = m_learning->modelBytes();
  if (bytes.isEmpty()) {
    emit problem(tr("There is no model to push yet: tag a few events first."));
    return;
  }
  if (!m_link->isConnected()) {
    emit problem(tr("No board is connected: connect one or start the virtual board."));
    return;
  }
  const quint32 capacity = m_link->boardInfo().modelCapacity;  // 0: an older board
  if (capacity != 0 && quint32(bytes.size()) > capacity) {
    // Said here rather than by the board's TooLarge: nothing is sent, and the user learns how
    // much smaller the model must get.
    emit problem(tr("The model is %1 bytes but this board stores at most %2 bytes: tag fewer "
                    "events or lower the neuron limit. The board keeps its model.")
                     .arg(QLocale().toString(bytes.size()), QLocale().toString(capacity)));
    return;
  }
  m_pushing = studioLearned();  // what the board will hold once it runs these bytes
  m_link->pushModel(bytes);
  emit statusMessage(tr("Pushing the model (%1 bytes)…").arg(QLocale().toString(bytes.size())));
}

void StudioController::pullModel() {
  if (isTextBoard()) {
    emit problem(textBoardRefusal());
    return;
  }
  if (isFleetBoard()) {
    emit problem(fleetPullRefusal());
    return;
  }
  if (!m_link->isConnected()) {
    emit problem(tr("No board is connected: connect one or start the virtual board."));
    return;
  }
  m_link->pullModel();
  emit statusMessage(tr("Pulling the board's model…"));
}

void StudioController::setTriggerThreshold(float threshold) {
  if (isTextBoard()) {  // the host's detector, at the stream's rate
    m_textThreshold = threshold;
    applyTextTrigger();
    return;
  }
  if (!boardTakesCommands()) return;
  m_trigger.threshold = threshold;
  setBoardTrigger(m_trigger);
}

} // namespace dlm::app
