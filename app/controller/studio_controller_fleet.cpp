// StudioController: boards of a fleet behind an MQTT broker (docs/fleet.md). The broker's
// retained messages and the gateways' statistics fill the fleet table; a board opened from it
// becomes the studio's board as one on a cable does: its events come into the session with its
// prediction and descriptor, tags reach it as labels through its gateway, its samples stream
// while it is open, and the studio's model goes to it (or to a selection of boards) through
// the gateways, which activate it only once the board has verified it.
#include <QLocale>

#include "app/controller/studio_controller.h"
#include "app/controller/virtual_board_process.h"
#include "app/fleet/fleet_client.h"
#include "app/learning/learning_service.h"
#include "app/persistence/studio_settings.h"
#include "app/session/app_logging.h"
#include "app/views/sample_store.h"
#include "devices/link/board_link.h"

namespace dlm::app {

namespace {

LinkStatsView toView(const fleet::LinkCounters& c) {
  LinkStatsView v;
  v.bytesInPerSecond = c.bytesInPerSecond; // of the board's serial link, on its gateway
  v.framesOk = c.framesOk;
  v.crcErrors = c.frameErrors;
  v.lostFrames = c.lostSampleFrames;
  v.latencyMs = c.latencyMs;
  v.reconnects = c.reconnects;
  return v;
}

// "b00 (gateway gw1, site plant)".
QString boardWords(const QString& key) {
  const QStringList p = key.split(QLatin1Char('/'));
  if (p.size() != 3) return key;
  //: %1 board id, %2 gateway id, %3 site id (of a fleet behind a broker).
  return StudioController::tr("%1 (gateway %2, site %3)").arg(p.at(2), p.at(1), p.at(0));
}

} // namespace

QAbstractItemModel* StudioController::fleetBoards() const { return m_fleet->table(); }

BrokerStatusView StudioController::brokerStatus() const { return m_fleet->status(); }

BrokerSettings StudioController::brokerSettings() const {
  // Connected to one in this session: that one; else the one kept in the settings.
  if (m_settings && m_broker == BrokerSettings()) return m_settings->broker();
  return m_broker;
}

FleetPushSummary StudioController::fleetPush() const { return m_fleet->pushSummary(); }

QString StudioController::fleetPullRefusal() {
  return tr("A board of the fleet cannot be pulled through the broker: the Fleet view shows "
            "the model it runs. Push the studio's model to it instead.");
}

void StudioController::wireFleet() {
  m_fleet = std::make_unique<FleetClient>();
  FleetClient* f = m_fleet.get();
  connect(f, &FleetClient::statusChanged, this,
          [this, said = QString()](const BrokerStatusView& s) mutable {
            emit brokerStatusChanged(s);
            if (s.message != said) emit statusMessage(s.message); // not every malformed count
            said = s.message;
            if (isFleetBoard()) updateFleetBoard();
          });
  connect(m_learning.get(), &LearningService::modelChanged, this,
          [this] { m_fleet->table()->setStudioModel(studioModelIdentity()); });
  connect(f, &FleetClient::pushSummaryChanged, this, &StudioController::onFleetPushSummary);
  connect(f, &FleetClient::pushProgressed, this,
          [this](const QString& key, const fleet::PushProgress& p) {
            if (key == m_fleetBoard && p.push == m_fleetPushId)
              emit pushProgress(qint64(p.sent), qint64(p.total));
          });
  connect(f, &FleetClient::pushFinished, this, &StudioController::onFleetOutcome);
  wireFleetBoard();
}

void StudioController::wireFleetBoard() {
  FleetClient* f = m_fleet.get();
  connect(f, &FleetClient::identityReceived, this,
          [this](const QString& key, const fleet::BoardIdentity& id) {
            if (key != m_fleetBoard) return;
            if (m_fleetBoardUp && id.info.modelCrc != m_boardModelCrc)
              onBoardModel(id.info.modelCrc); // a push (ours or another studio's) took
            updateFleetBoard();
          });
  connect(f, &FleetClient::stateReceived, this,
          [this](const QString& key, const fleet::BoardState& s) {
            if (key == m_fleetBoard) onFleetState(s);
          });
  connect(f, &FleetClient::gatewayChanged, this, [this] {
    if (isFleetBoard()) updateFleetBoard();
  });
  connect(f, &FleetClient::statsReceived, this,
          [this](const QString& key, const fleet::BoardStats& s) {
            if (key == m_fleetBoard) onFleetStats(s);
          });
  connect(f, &FleetClient::eventReceived, this,
          [this](const QString& key, const fleet::FleetEvent& e) {
            if (key == m_fleetBoard && m_fleetBoardUp) onBoardEvent(e.event);
          });
  connect(f, &FleetClient::eventsLost, this, [this](const QString& key, quint64 count) {
    if (key != m_fleetBoard) return;
    emit statusMessage(tr("%n event(s) of the board never arrived through the broker.", "",
                          int(std::min<quint64>(count, 1000000))));
  });
  connect(f, &FleetClient::samplesReceived, this,
          [this](const QString& key, const fleet::SamplesPayload& s) {
            if (key != m_fleetBoard || !m_fleetBoardUp || s.channels != m_history->channels())
              return;
            m_history->append(s.first, s.channels, s.values);
            emit samplesReceived(SampleBatch{s.first, s.channels, s.values});
          });
  connect(f, &FleetClient::commandFinished, this,
          [this](const QString& key, const fleet::CommandResult& r) {
            if (key == m_fleetBoard) onFleetCommand(r);
          });
}

bool StudioController::connectToBroker(const BrokerSettings& settings, QString* error) {
  if (!m_fleet->connectToBroker(settings, error)) return false;
  m_broker = settings;
  if (m_settings) m_settings->setBroker(settings);
  return true;
}

void StudioController::disconnectBroker() {
  closeFleetBoard(tr("Disconnected from the broker."));
  m_fleet->disconnectFromBroker();
}

void StudioController::openFleetBoard(const QString& key) {
  if (key == m_fleetBoard) return;
  closeFleetBoard(tr("Switched to another board of the fleet."));
  stopTextBoard();
  m_virtualWanted = false;
  m_lastBoardWanted = false; // the last-board logic is for boards on this machine
  m_autoReconnecting = false;
  m_textOfferTimer.stop();
  m_virtual->stop();
  if (m_link->isConnected()) emit boardLost(tr("Switched to a board of the fleet."));
  m_fleetBoard = key; // before the link's disconnected(): the fleet board speaks now
  m_link->disconnect();
  m_fleet->watch(key);
  emit statusMessage(tr("Opening board %1 through the broker…").arg(boardWords(key)));
  updateFleetBoard(); // its retained identity and status may be here already
}

void StudioController::closeFleetBoard(const QString& why) {
  if (!isFleetBoard()) return;
  const bool wasUp = m_fleetBoardUp;
  m_fleet->unwatch();
  m_fleetBoard.clear();
  m_fleetBoardUp = false;
  m_fleetPushId.clear();
  m_rejectionTimer.stop();
  m_rejectionSyncPending = false;
  setStale(QString());
  if (wasUp) emit boardLost(why);
}

void StudioController::updateFleetBoard() {
  const FleetTableModel* table = m_fleet->table();
  const FleetBoardRecord* r = table->record(m_fleetBoard);
  const bool up = m_fleet->isConnected() && r != nullptr && r->hasIdentity &&
                  table->isOnline(m_fleetBoard);
  if (up == m_fleetBoardUp) return;
  m_fleetBoardUp = up;
  if (up) {
    // A session with the board starts, as after a handshake on a cable: its stream's
    // format, its capacity, its event ids (the ledger), its Status (asked for here).
    onBoardConnected(fleetBoardInfo());
    return;
  }
  m_rejectionTimer.stop();
  m_rejectionSyncPending = false;
  setStale(QString());
  const QString reason = !m_fleet->isConnected() ? tr("the broker is not connected")
                         : r == nullptr          ? tr("unknown board")
                         : r->detail.isEmpty()   ? tr("its gateway says it is offline")
                                                 : r->detail;
  emit boardLost(reason);
  emit statusMessage(tr("Board %1 is offline: %2").arg(boardWords(m_fleetBoard), reason));
}

link::BoardInfo StudioController::fleetBoardInfo() const {
  const FleetBoardRecord* r = m_fleet->table()->record(m_fleetBoard);
  if (r == nullptr) return link::BoardInfo();
  link::BoardInfo info = r->info;
  info.modelCrc = r->modelCrc; // the newest report of its model
  info.portName = m_fleetBoard;
  return info;
}

void StudioController::onFleetState(const fleet::BoardState& state) {
  updateFleetBoard();
  if (m_fleetBoardUp && state.hasStatus) onBoardStatus(state.status);
}

void StudioController::onFleetStats(const fleet::BoardStats& stats) {
  if (m_fleetBoardUp) emit linkStatsChanged(toView(stats.link));
}

void StudioController::onFleetCommand(const fleet::CommandResult& result) {
  if (result.ok) return;
  // As on a cable: a forget that fails leaves nothing to do; a lapsed watch is renewed.
  if (result.op == fleet::CommandOp::Forget || result.op == fleet::CommandOp::Watch ||
      result.op == fleet::CommandOp::Status) {
    return;
  }
  //: %1: a board of the fleet; %2: a command's name (label, setRejection...); %3: why.
  emit problem(tr("Board %1 did not carry out “%2”: %3")
                   .arg(boardWords(m_fleetBoard), fleet::commandOpName(result.op),
                        result.message));
}

void StudioController::sendFleetCommand(const fleet::FleetCommand& command) {
  if (m_fleetBoardUp) m_fleet->sendCommand(m_fleetBoard, command);
}

bool StudioController::boardTakesCommands() const {
  return isFleetBoard() ? m_fleetBoardUp : m_link->isConnected();
}

void StudioController::requestBoardStatus() {
  if (isFleetBoard()) {
    fleet::FleetCommand c;
    c.op = fleet::CommandOp::Status; // the gateway republishes the board's status
    sendFleetCommand(c);
  } else if (m_link->isConnected()) {
    m_link->requestStatus();
  }
}

} // namespace dlm::app
