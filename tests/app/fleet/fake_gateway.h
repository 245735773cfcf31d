#pragma once
// A gateway played by a test (docs/fleet.md): it publishes what dlm-gateway would, with the
// reference codec, through the real broker client, and records what consumers send it (model
// pushes and commands, decoded strictly). The tests drive it step by step.
#include <QList>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"
#include "devices/fleet/mqtt_client.h"
#include "app/fleet_bench/broker_process.h"

namespace dlm::app::test {

constexpr int kBrokerTimeoutMs = 15000;

inline link::BoardInfo fakeBoardInfo(quint32 modelCrc = 0) {
  link::BoardInfo i;
  i.portName = QStringLiteral("/dev/pts/9");
  i.boardName = QStringLiteral("virtual-board");
  i.firmwareVersion = QStringLiteral("0.1.0");
  i.coreVersion = QStringLiteral("0.1.0");
  i.protocolVersion = 5;
  i.maxNeurons = 256;
  i.maxDeepNeurons = 128;
  i.maxDims = 64;
  i.maxLayers = 4;
  i.maxClasses = 16;
  i.sampleRateHz = 1000;
  i.channels = 3;
  i.descriptorDims = 58;
  i.modelCrc = modelCrc;
  i.modelBytes = modelCrc != 0 ? 4096 : 0;
  i.modelCapacity = 262112;
  i.frontEnd = motionFrontEnd(3);
  return i;
}

class FakeGateway {
public:
  FakeGateway(const fleetbench::BrokerProcess& broker, const QString& site, const QString& gateway)
      : m_site(site), m_gateway(gateway), m_stream(QStringLiteral("a1b2c3d4")) {
    fleet::MqttOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = broker.port();
    o.clientId = QStringLiteral("fake-gw-%1-%2").arg(site, gateway);
    o.reconnectMinMs = 100;
    o.reconnectMaxMs = 500;
    QObject::connect(&m_mqtt, &fleet::MqttClient::messageReceived, &m_mqtt,
                     [this](const QString& topic, const QByteArray& payload, bool) {
                       onMessage(topic, payload);
                     });
    for (const QString& f : fleet::gatewaySubscriptions(site, gateway)) m_mqtt.subscribe(f, 1);
    QString error;
    m_started = m_mqtt.start(o, &error);
  }

  bool waitConnected() {
    if (!m_started || !QTest::qWaitFor([&] { return m_mqtt.isConnected(); }, kBrokerTimeoutMs))
      return false;
    QTest::qWait(200); // the subscriptions are made in the connect callback
    return true;
  }

  QString site() const { return m_site; }
  QString gateway() const { return m_gateway; }
  QString stream() const { return m_stream; }
  QString key(const QString& board) const { return m_site + '/' + m_gateway + '/' + board; }
  QString topic(fleet::TopicKind kind, const QString& board = QString()) const {
    return fleet::topicFor(m_site, m_gateway, kind, board);
  }

  bool publish(const QString& topic, const QByteArray& payload, bool retain = false, int qos = 1) {
    return m_mqtt.publish(topic, payload, qos, retain) >= 0;
  }

  bool online(const QStringList& boards, bool up = true) {
    fleet::GatewayStatus s;
    s.gateway = m_gateway;
    s.site = m_site;
    s.online = up;
    s.reason = up ? QString() : QStringLiteral("lost");
    s.stream = m_stream;
    s.version = QStringLiteral("0.1.0");
    s.started = fleet::nowMs();
    s.boards = boards;
    return publish(topic(fleet::TopicKind::GatewayStatus), fleet::encode(s), true);
  }

  bool identity(const QString& board, const link::BoardInfo& info) {
    fleet::BoardIdentity id;
    id.board = board;
    id.info = info;
    id.t = fleet::nowMs();
    return publish(topic(fleet::TopicKind::BoardIdentity, board), fleet::encode(id), true);
  }

  bool state(const QString& board, link::LinkState state, quint32 modelCrc = 0,
             float rejection = 0.05f) {
    fleet::BoardState s;
    s.board = board;
    s.state = state;
    s.detail = fleet::linkStateName(state);
    s.t = fleet::nowMs();
    if (state == link::LinkState::Connected) {
      s.hasStatus = true;
      s.status.modelCrc = modelCrc;
      s.status.modelBytes = modelCrc != 0 ? 4096 : 0;
      s.status.rejectionThreshold = rejection;
      s.status.trigger = {1200.0f, 50, 200, 100, 2000};
    }
    return publish(topic(fleet::TopicKind::BoardState, board), fleet::encode(s), true);
  }

  /// Identity and a connected status: the board is up.
  bool boardUp(const QString& board, quint32 modelCrc = 0) {
    return identity(board, fakeBoardInfo(modelCrc)) &&
           state(board, link::LinkState::Connected, modelCrc);
  }

  bool stats(const QString& board, double eventRate, double rejectionRate) {
    fleet::BoardStats s;
    s.board = board;
    s.stream = m_stream;
    s.t = fleet::nowMs();
    s.intervalMs = 5000;
    s.events = quint32(eventRate * 5);
    s.rejected = quint32(eventRate * 5 * rejectionRate);
    s.eventRate = eventRate;
    s.rejectionRate = rejectionRate;
    s.lastEventT = s.t;
    s.link.framesOk = 1234;
    s.link.bytesInPerSecond = 9000.0;
    s.link.latencyMs = 3.5;
    return publish(topic(fleet::TopicKind::BoardStats, board), fleet::encode(s), false, 0);
  }

  bool event(const QString& board, quint64 seq, const link::BoardEvent& e, quint32 model = 0) {
    fleet::FleetEvent v;
    v.board = board;
    v.stream = m_stream;
    v.seq = seq;
    v.t = fleet::nowMs();
    v.event = e;
    v.modelCrc = model;
    return publish(topic(fleet::TopicKind::Event, board), fleet::encode(v));
  }

  bool progress(const QString& board, const QString& push, fleet::PushState state, quint32 sent,
                quint32 total) {
    fleet::PushProgress p{push, board, state, sent, total, fleet::nowMs()};
    return publish(topic(fleet::TopicKind::PushProgress, board), fleet::encode(p), false, 0);
  }

  bool outcome(const QString& board, const QString& push, fleet::PushResult result,
               quint32 modelCrc, const QString& message) {
    fleet::PushOutcome o{push, board, result, modelCrc, message, 420, fleet::nowMs()};
    return publish(topic(fleet::TopicKind::PushOutcome, board), fleet::encode(o), true);
  }

  bool result(const QString& board, const fleet::FleetCommand& c, bool ok, const QString& msg) {
    fleet::CommandResult r{c.id, c.op, ok, msg, fleet::nowMs()};
    return publish(topic(fleet::TopicKind::CommandResult, board), fleet::encode(r));
  }

  /// Remove the retained messages of \p boards and of the gateway (between tests).
  void clearRetained(const QStringList& boards) {
    for (const QString& b : boards) {
      for (fleet::TopicKind k : {fleet::TopicKind::BoardIdentity, fleet::TopicKind::BoardState,
                                 fleet::TopicKind::PushOutcome})
        publish(topic(k, b), QByteArray(), true);
    }
    publish(topic(fleet::TopicKind::GatewayStatus), QByteArray(), true);
  }

  // What consumers sent.
  QList<fleet::ModelPush> pushes;
  QList<QPair<QString, fleet::FleetCommand>> commands; ///< (board, command)
  int malformed = 0;

  /// The commands of \p op received so far, for \p board.
  QList<fleet::FleetCommand> commandsOf(const QString& board, fleet::CommandOp op) const {
    QList<fleet::FleetCommand> out;
    for (const auto& c : commands)
      if (c.first == board && c.second.op == op) out << c.second;
    return out;
  }

private:
  void onMessage(const QString& topicName, const QByteArray& payload) {
    fleet::Topic t;
    if (!fleet::parseTopic(topicName, t)) return;
    if (t.kind == fleet::TopicKind::ModelPush) {
      fleet::ModelPush p;
      if (fleet::decode(payload, p)) pushes << p; else ++malformed;
    } else if (t.kind == fleet::TopicKind::Command) {
      fleet::FleetCommand c;
      if (fleet::decode(payload, c)) commands << qMakePair(t.board, c); else ++malformed;
    }
  }

  QString m_site;
  QString m_gateway;
  QString m_stream;
  fleet::MqttClient m_mqtt;
  bool m_started = false;
};

} // namespace dlm::app::test
