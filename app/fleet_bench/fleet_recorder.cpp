#include "app/fleet_bench/fleet_recorder.h"

#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace fleetbench {

using fleet::TopicKind;

FleetRecorder::FleetRecorder(QObject* parent) : QObject(parent) {
  connect(&m_client, &fleet::MqttClient::messageReceived, this, &FleetRecorder::onMessage);
}

bool FleetRecorder::start(const QString& host, int port, const QString& clientId,
                          const QString& site, QString* error) {
  m_site = site;
  fleet::MqttOptions o;
  o.host = host;
  o.port = port;
  o.clientId = clientId;
  o.cleanSession = false; // what arrives while the broker restarts must not be lost
  o.reconnectMinMs = 200;
  o.reconnectMaxMs = 1000;
  m_client.subscribe(QStringLiteral("dlm/v1/%1/#").arg(site), 1);
  return m_client.start(o, error);
}

const BoardRecord* FleetRecorder::board(const QString& gateway, const QString& board) const {
  auto it = m_boards.constFind(gateway + QLatin1Char('/') + board);
  return it == m_boards.constEnd() ? nullptr : &it.value();
}

bool FleetRecorder::undecodable(const QString& topic, const QString& why) {
  ++m_undecodable;
  m_lastUndecodable = topic + QStringLiteral(": ") + why;
  return false;
}

void FleetRecorder::onMessage(const QString& topic, const QByteArray& payload, bool) {
  const double arrival = fleet::nowMs();
  fleet::Topic t;
  if (!fleet::parseTopic(topic, t)) {
    undecodable(topic, QStringLiteral("not a fleet topic"));
    return;
  }
  const QString key = t.gateway + QLatin1Char('/') + t.board;
  QString why;
  switch (t.kind) {
  case TopicKind::Event: onEvent(key, payload, arrival); return;
  case TopicKind::GatewayStatus: {
    fleet::GatewayStatus s;
    if (fleet::decode(payload, s, &why)) m_gateways.insert(t.gateway, s);
    else if (!payload.isEmpty()) undecodable(topic, why);
    return;
  }
  case TopicKind::GatewayStats: {
    fleet::GatewayStats s;
    if (fleet::decode(payload, s, &why)) m_stats.insert(t.gateway, s);
    else undecodable(topic, why);
    return;
  }
  case TopicKind::BoardIdentity: {
    fleet::BoardIdentity id;
    if (fleet::decode(payload, id, &why)) m_boards[key].identities << id;
    else if (!payload.isEmpty()) undecodable(topic, why);
    return;
  }
  case TopicKind::BoardState: {
    fleet::BoardState s;
    if (!fleet::decode(payload, s, &why)) {
      if (!payload.isEmpty()) undecodable(topic, why);
      return;
    }
    m_boards[key].state = s;
    m_boards[key].hasState = true;
    return;
  }
  case TopicKind::PushProgress: {
    fleet::PushProgress p;
    if (!fleet::decode(payload, p, &why)) {
      undecodable(topic, why);
      return;
    }
    m_boards[key].progress = p;
    m_boards[key].hasProgress = true;
    emit progressRecorded(key, p);
    return;
  }
  case TopicKind::PushOutcome: {
    fleet::PushOutcome o;
    if (fleet::decode(payload, o, &why)) m_boards[key].outcomes << o;
    else if (!payload.isEmpty()) undecodable(topic, why);
    return;
  }
  case TopicKind::CommandResult: {
    fleet::CommandResult r;
    if (fleet::decode(payload, r, &why)) m_boards[key].results << r;
    else undecodable(topic, why);
    return;
  }
  default: return; // stats, samples, logs; pushes and commands are other clients' input
  }
}

void FleetRecorder::onEvent(const QString& key, const QByteArray& payload, double arrivalMs) {
  fleet::FleetEvent e;
  QString why;
  if (!fleet::decode(payload, e, &why)) {
    undecodable(key + QStringLiteral("/event"), why);
    return;
  }
  BoardRecord& b = m_boards[key];
  StreamRecord& s = b.streams[e.stream];
  if (s.seqs.contains(e.seq)) {
    ++s.duplicates;
    return;
  }
  s.seqs.insert(e.seq);
  s.maxSeq = std::max(s.maxSeq, e.seq);
  ++b.events;
  ++m_totalEvents;
  b.lastEventArrivalMs = arrivalMs;
  m_latencies.push_back(arrivalMs - e.t);
  emit eventRecorded(key, e);
}

int FleetRecorder::countOutcomes(const QString& push, fleet::PushResult result, quint32 crc) const {
  int n = 0;
  for (const BoardRecord& b : m_boards) {
    for (auto it = b.outcomes.crbegin(); it != b.outcomes.crend(); ++it) {
      if (it->push != push) continue;
      if (it->result == result && it->modelCrc == crc) ++n;
      break;
    }
  }
  return n;
}

int FleetRecorder::countIdentities(quint32 crc) const {
  int n = 0;
  for (const BoardRecord& b : m_boards)
    if (!b.identities.isEmpty() && b.identities.last().info.modelCrc == crc) ++n;
  return n;
}

int FleetRecorder::countConnected() const {
  int n = 0;
  for (const BoardRecord& b : m_boards)
    if (b.hasState && b.state.state == link::LinkState::Connected) ++n;
  return n;
}

} // namespace fleetbench
} // namespace dlm
