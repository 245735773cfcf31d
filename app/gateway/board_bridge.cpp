#include "app/gateway/board_bridge.h"

#include <algorithm>

#include "app/gateway/gateway_logging.h"
#include "devices/fleet/fleet_codec.h"

namespace dlm {
namespace gateway {

using fleet::TopicKind;

namespace {

// Samples while watched leave about this often (docs/fleet.md §3.7).
constexpr qint64 kSamplesBatchMs = 100;
constexpr int kMaxSamplesPerMessage = 8192;

// Status fields worth a retained republish: not the counters, which BoardStats carries.
bool sameState(const link::BoardStatus& a, const link::BoardStatus& b) {
  return a.modelCrc == b.modelCrc && a.modelBytes == b.modelBytes && a.neurons == b.neurons &&
         a.depth == b.depth && a.freeNeurons == b.freeNeurons &&
         a.eventsLearned == b.eventsLearned && a.rejectionThreshold == b.rejectionThreshold &&
         a.trigger.threshold == b.trigger.threshold &&
         a.trigger.preTriggerFrames == b.trigger.preTriggerFrames &&
         a.trigger.holdOffFrames == b.trigger.holdOffFrames &&
         a.trigger.minFrames == b.trigger.minFrames && a.trigger.maxFrames == b.trigger.maxFrames;
}

} // namespace

BoardBridge::BoardBridge(const QString& id, const QString& port, qint32 baud, BridgeHost& host,
                         QObject* parent)
    : QObject(parent), m_id(id), m_port(port), m_baud(baud), m_host(host),
      m_link(std::make_unique<link::BoardLink>()) {
  m_detail = QStringLiteral("Opening %1.").arg(port);
  m_interval.start();
  wireLink();
}

BoardBridge::~BoardBridge() = default;

void BoardBridge::wireLink() {
  link::BoardLink* l = m_link.get();
  connect(l, &link::BoardLink::connected, this, &BoardBridge::onConnected);
  connect(l, &link::BoardLink::stateChanged, this, &BoardBridge::onStateChanged);
  connect(l, &link::BoardLink::eventReceived, this, &BoardBridge::onEvent);
  connect(l, &link::BoardLink::statusReceived, this, &BoardBridge::onStatus);
  connect(l, &link::BoardLink::samplesReceived, this, &BoardBridge::onSamples);
  connect(l, &link::BoardLink::statisticsUpdated, this,
          [this](const link::LinkStatistics& s) { m_linkStats = s; });
  connect(l, &link::BoardLink::logReceived, this, [this](link::LogLevel level, const QString& text) {
    m_host.publishLive(m_host.topicOf(TopicKind::Log, m_id),
                       fleet::encode(fleet::LogLine{m_id, level, text, fleet::nowMs()}));
  });
  connect(l, &link::BoardLink::commandSucceeded, this,
          [this](link::CommandKind kind, quint32) { onCommandOutcome(kind, true, QString()); });
  connect(l, &link::BoardLink::commandFailed, this,
          [this](link::CommandKind kind, const QString& message) {
            onCommandOutcome(kind, false, message);
          });
  connect(l, &link::BoardLink::boardModelChanged, this, [this](quint32 crc, quint32 bytes) {
    m_info.modelCrc = crc;
    m_info.modelBytes = bytes;
    if (m_hasInfo) publishIdentity();
  });
  connect(l, &link::BoardLink::pushProgress, this, &BoardBridge::onPushProgress);
  connect(l, &link::BoardLink::pushFinished, this, &BoardBridge::onPushFinished);
}

void BoardBridge::start(const QString& port) {
  if (!port.isEmpty()) m_port = port;
  m_link->connectTo(m_port, m_baud);
}

void BoardBridge::stop() {
  m_state = link::LinkState::Disconnected;
  m_detail = QStringLiteral("The gateway stopped.");
  publishState();
  m_stopped = true; // what the closing link reports next is not news
  m_link->disconnect();
}

void BoardBridge::republish() {
  if (m_hasInfo) publishIdentity();
  publishState();
}

// --- from the link -------------------------------------------------------------------------

void BoardBridge::onConnected(const link::BoardInfo& info) {
  m_info = info;
  m_hasInfo = true;
  qCInfo(lcGateway).noquote() << m_id << "connected:" << info.boardName << "on" << info.portName;
  publishIdentity();
  m_link->requestStatus();
  track(Origin::Poll, link::CommandKind::RequestStatus);
  afterReconnect();
}

void BoardBridge::onStateChanged(link::LinkState state, const QString& detail) {
  m_state = state;
  m_detail = detail;
  publishState();
  if (state != link::LinkState::Connected) m_waitingPublished = false;
}

void BoardBridge::onEvent(const link::BoardEvent& event) {
  if (m_stopped) return;
  fleet::FleetEvent e;
  e.board = m_id;
  e.stream = m_host.stream();
  e.seq = ++m_seq;
  e.t = fleet::nowMs();
  e.event = event;
  e.modelCrc = m_info.modelCrc;
  ++m_intervalEvents;
  if (event.isUnknown()) ++m_intervalRejected;
  m_lastEventT = e.t;
  m_host.publishReliable(m_host.topicOf(TopicKind::Event, m_id), fleet::encode(e), false, true);
}

void BoardBridge::onStatus(const link::BoardStatus& status) {
  const bool changed = !m_hasStatus || !sameState(m_status, status);
  m_status = status;
  m_hasStatus = true;
  if (m_hasInfo && (m_info.modelCrc != status.modelCrc || m_info.modelBytes != status.modelBytes)) {
    // The board learned on its own (a label): its identity names the model it runs.
    m_info.modelCrc = status.modelCrc;
    m_info.modelBytes = status.modelBytes;
    m_info.neurons = status.neurons;
    m_info.depth = status.depth;
    publishIdentity();
  }
  if (changed || m_statusWanted) publishState();
  m_statusWanted = false;
  if (m_pushPhase == PushPhase::Verifying) verifyPush(status);
}

void BoardBridge::onSamples(quint32 first, int channels, const QVector<qint16>& values) {
  if (m_watchMs <= 0 || !m_watchClock.isValid() || m_watchClock.elapsed() > m_watchMs) {
    m_watchMs = 0;
    return;
  }
  const bool contiguous =
      !m_samples.values.isEmpty() && m_samples.channels == channels &&
      m_samples.first + static_cast<quint32>(m_samples.values.size() / channels) == first;
  if (!m_samples.values.isEmpty() && !contiguous) flushSamples();
  if (m_samples.values.isEmpty()) {
    m_samples.board = m_id;
    m_samples.first = first;
    m_samples.channels = channels;
    m_samples.rateHz = static_cast<quint32>(std::max(1, m_info.sampleRateHz));
    m_samplesAge.start();
  }
  m_samples.values += values;
  if (m_samplesAge.elapsed() >= kSamplesBatchMs || m_samples.values.size() >= kMaxSamplesPerMessage)
    flushSamples();
}

void BoardBridge::flushSamples() {
  if (m_samples.values.isEmpty()) return;
  m_host.publishLive(m_host.topicOf(TopicKind::Samples, m_id), fleet::encode(m_samples));
  m_samples.values.clear();
}

// --- publishing ----------------------------------------------------------------------------

void BoardBridge::publishIdentity() {
  if (m_stopped) return;
  fleet::BoardIdentity identity{m_id, m_info, fleet::nowMs()};
  m_host.publishReliable(m_host.topicOf(TopicKind::BoardIdentity, m_id), fleet::encode(identity),
                         true, false);
}

void BoardBridge::publishState() {
  if (m_stopped) return;
  fleet::BoardState s;
  s.board = m_id;
  s.state = m_state;
  s.detail = m_detail;
  s.t = fleet::nowMs();
  s.hasStatus = m_hasStatus;
  s.status = m_status;
  m_host.publishReliable(m_host.topicOf(TopicKind::BoardState, m_id), fleet::encode(s), true,
                         false);
}

void BoardBridge::publishStats() {
  fleet::BoardStats s;
  s.board = m_id;
  s.stream = m_host.stream();
  s.t = fleet::nowMs();
  s.lastSeq = m_seq;
  s.intervalMs = static_cast<quint32>(std::max<qint64>(1, m_interval.restart()));
  s.events = m_intervalEvents;
  s.rejected = m_intervalRejected;
  s.eventRate = 1000.0 * s.events / s.intervalMs;
  s.rejectionRate = s.events == 0 ? 0.0 : static_cast<double>(s.rejected) / s.events;
  s.lastEventT = m_lastEventT;
  s.link = fleet::toLinkCounters(m_linkStats);
  m_intervalEvents = 0;
  m_intervalRejected = 0;
  m_host.publishLive(m_host.topicOf(TopicKind::BoardStats, m_id), fleet::encode(s));
  if (connected()) {
    m_link->requestStatus();
    track(Origin::Poll, link::CommandKind::RequestStatus);
  }
}

void BoardBridge::publishResult(const fleet::FleetCommand& command, bool ok,
                                const QString& message) {
  fleet::CommandResult r{command.id, command.op, ok, message, fleet::nowMs()};
  m_host.publishReliable(m_host.topicOf(TopicKind::CommandResult, m_id), fleet::encode(r), false,
                         false);
}

// --- commands ------------------------------------------------------------------------------

void BoardBridge::handleCommand(const fleet::FleetCommand& command) {
  if (command.op == fleet::CommandOp::Watch) {
    m_watchMs = qint64{command.seconds} * 1000;
    m_watchClock.start();
    if (m_watchMs == 0) flushSamples();
    publishResult(command, true,
                  m_watchMs > 0 ? QStringLiteral("Samples for %1 s.").arg(command.seconds)
                                : QStringLiteral("Samples stopped."));
    return;
  }
  if (!connected()) {
    publishResult(command, false, QStringLiteral("The board is not connected."));
    return;
  }
  if (!sendToBoard(command))
    publishResult(command, false, QStringLiteral("The command cannot be sent to this board."));
}

bool BoardBridge::sendToBoard(const fleet::FleetCommand& c) {
  using fleet::CommandOp;
  using link::CommandKind;
  switch (c.op) {
  case CommandOp::Label:
    m_link->labelEvent(c.eventId, c.classIndex);
    track(Origin::Fleet, CommandKind::LabelEvent, c);
    return true;
  case CommandOp::Forget:
    m_link->forgetEvent(c.eventId);
    track(Origin::Fleet, CommandKind::ForgetEvent, c);
    return true;
  case CommandOp::SetRejection:
    m_link->setRejection(c.share);
    track(Origin::Fleet, CommandKind::SetRejection, c);
    return true;
  case CommandOp::SetTrigger:
    m_link->setTrigger(c.trigger);
    track(Origin::Fleet, CommandKind::SetTrigger, c);
    return true;
  case CommandOp::Gesture:
    m_link->performGesture(c.gesture);
    track(Origin::Fleet, CommandKind::PerformGesture, c);
    return true;
  case CommandOp::Spontaneous:
    m_link->setSpontaneousGestures(c.perMinute);
    track(Origin::Fleet, CommandKind::SetSpontaneousGestures, c);
    return true;
  case CommandOp::Status:
    m_statusWanted = true;
    m_link->requestStatus();
    track(Origin::Fleet, CommandKind::RequestStatus, c);
    return true;
  case CommandOp::Reset:
    m_link->resetBoard();
    track(Origin::Fleet, CommandKind::ResetBoard, c);
    return true;
  case CommandOp::Watch: break;
  }
  return false;
}

void BoardBridge::track(Origin origin, link::CommandKind kind, const fleet::FleetCommand& command) {
  m_pending.push_back(PendingCommand{origin, kind, command});
}

void BoardBridge::onCommandOutcome(link::CommandKind kind, bool ok, const QString& message) {
  // One outcome per command, in order; matching the kind as well keeps the pairing right even
  // if an outcome of another kind were ever reported out of turn.
  auto it = std::find_if(m_pending.begin(), m_pending.end(),
                         [kind](const PendingCommand& p) { return p.kind == kind; });
  if (it == m_pending.end()) return;
  const PendingCommand done = *it;
  m_pending.erase(it);
  if (done.origin == Origin::Fleet) {
    publishResult(done.command, ok, ok ? QStringLiteral("Done.") : message);
  } else if (done.origin == Origin::Verify && !ok) {
    qCInfo(lcGateway).noquote() << m_id << "push verification postponed:" << message;
  }
}

} // namespace gateway
} // namespace dlm
