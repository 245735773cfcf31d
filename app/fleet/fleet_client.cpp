// FleetClient: the broker connection, the subscriptions, and every incoming payload decoded
// strictly and routed (the table, the watched board, this studio's pushes and commands).
#include "app/fleet/fleet_client.h"

#include <QRandomGenerator>

#include "app/fleet/fleet_logging.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/mqtt_client.h"

namespace dlm::app {

Q_LOGGING_CATEGORY(lcAppFleet, "dlm.app.fleet", QtInfoMsg)

namespace {

constexpr int kKeepAliveSeconds = 20;
constexpr int kReconnectMinMs = 500;
constexpr int kReconnectMaxMs = 10000; // a person waits for the studio: retry often
constexpr int kUnknownKind = -1;       // a topic under dlm/v1/ that is none of the layout's

// Decode \p payload into \p out; false with \p why.
template <typename T>
bool decodeAs(const QByteArray& payload, T& out, QString& why) {
  return fleet::decode(payload, out, &why);
}

QString refusalHint(const QString& reason) {
  // mosquitto's CONNACK words ("Connection Refused: not authorised."): say what to check.
  if (reason.contains(QLatin1String("authori"), Qt::CaseInsensitive) ||
      reason.contains(QLatin1String("password"), Qt::CaseInsensitive)) {
    return FleetClient::tr("Check the user name and password (or the client certificate).");
  }
  return QString();
}

} // namespace

QStringList FleetClient::fleetSubscriptions() {
  // docs/fleet.md §1: the retained state and the statistics fill a fleet view; the progress
  // and outcome topics follow pushes. Events and samples only for the board watched.
  return {QStringLiteral("dlm/v1/+/+/status"),          QStringLiteral("dlm/v1/+/+/stats"),
          QStringLiteral("dlm/v1/+/+/+/identity"),      QStringLiteral("dlm/v1/+/+/+/status"),
          QStringLiteral("dlm/v1/+/+/+/stats"),         QStringLiteral("dlm/v1/+/+/+/model/progress"),
          QStringLiteral("dlm/v1/+/+/+/model/outcome")};
}

FleetClient::FleetClient(QObject* parent)
    : QObject(parent), m_table(std::make_unique<FleetTableModel>()) {
  qRegisterMetaType<BrokerStatusView>();
  qRegisterMetaType<FleetPushSummary>();
  m_instance = QString::number(QRandomGenerator::global()->generate(), 16);
  m_watchTimer.setInterval(kWatchSeconds * 1000 / 2);
  connect(&m_watchTimer, &QTimer::timeout, this, &FleetClient::renewWatch);
}

FleetClient::~FleetClient() {
  if (m_mqtt) m_mqtt->stop();
}

bool FleetClient::isConnected() const { return m_mqtt && m_mqtt->isConnected(); }

bool FleetClient::connectToBroker(const BrokerSettings& settings, QString* error) {
  fleet::MqttOptions o;
  o.host = settings.host.trimmed();
  o.port = settings.port;
  o.clientId = QStringLiteral("dlm-studio-") + m_instance;
  o.cleanSession = true; // the studio follows the fleet live; it keeps no queue at the broker
  o.username = settings.username;
  o.password = settings.password;
  o.caFile = settings.caFile;
  o.certFile = settings.certFile;
  o.keyFile = settings.keyFile;
  o.keepAliveSeconds = kKeepAliveSeconds;
  o.reconnectMinMs = kReconnectMinMs;
  o.reconnectMaxMs = kReconnectMaxMs;
  if (o.host.isEmpty() || o.port < 1 || o.port > 65535) {
    if (error != nullptr) *error = tr("Give the broker's host name and a port from 1 to 65535.");
    return false;
  }
  auto mqtt = std::make_unique<fleet::MqttClient>();
  QString why;
  if (!mqtt->start(o, &why)) {
    if (error != nullptr) *error = tr("Cannot connect to the broker: %1").arg(why);
    return false;
  }
  if (m_mqtt) m_mqtt->stop();
  const bool sameBroker = m_settings.host == settings.host && m_settings.port == settings.port;
  m_mqtt = std::move(mqtt);
  m_settings = settings;
  if (!sameBroker) m_table->clear(); // another fleet: the retained messages refill it
  m_status.address = settings.address();
  m_status.reconnects = 0;
  fleet::MqttClient* client = m_mqtt.get();
  connect(client, &fleet::MqttClient::connected, this, &FleetClient::onConnected);
  connect(client, &fleet::MqttClient::disconnected, this, &FleetClient::onDisconnected);
  connect(client, &fleet::MqttClient::connectFailed, this, &FleetClient::onDisconnected);
  connect(client, &fleet::MqttClient::messageReceived, this,
          [this](const QString& topic, const QByteArray& payload, bool) {
            onMessage(topic, payload);
          });
  for (const QString& filter : fleetSubscriptions()) client->subscribe(filter, 1);
  for (const QString& filter : watchedFilters()) client->subscribe(filter, 1);
  setStatus(BrokerStatusView::State::Connecting,
            tr("Connecting to the broker at %1…").arg(m_status.address));
  return true;
}

void FleetClient::disconnectFromBroker() {
  if (!m_mqtt) return;
  m_watchTimer.stop();
  m_mqtt->stop();
  m_mqtt.reset();
  setStatus(BrokerStatusView::State::Off, tr("Disconnected from the broker."));
}

void FleetClient::onConnected() {
  m_status.reconnects = m_mqtt->reconnects();
  setStatus(BrokerStatusView::State::Connected,
            tr("Connected to the broker at %1.").arg(m_status.address));
  if (!m_watched.isEmpty()) renewWatch(); // a watch may have lapsed while away
}

void FleetClient::onDisconnected(const QString& reason) {
  if (!m_mqtt) return;
  const bool wasConnected = m_status.state == BrokerStatusView::State::Connected;
  QString why = reason.trimmed();
  while (why.endsWith(QLatin1Char('.'))) why.chop(1); // inside parentheses, mid-sentence
  const QString hint = refusalHint(why);
  QString message;
  if (!hint.isEmpty()) {
    //: %1: the broker's address; %2: the broker's reason; %3: what to check.
    message = tr("The broker at %1 refused the connection: %2. %3 Retrying…")
                  .arg(m_status.address, why, hint);
  } else if (wasConnected) {
    message = tr("Lost the broker at %1: %2. Reconnecting…").arg(m_status.address, why);
  } else if (why.contains(QLatin1String("TLS"))) {
    //: %1: the broker's address; %2: the TLS library's words.
    message = tr("The TLS connection to the broker at %1 failed: %2. Is the CA certificate the "
                 "one that signed the broker's, and does the broker's certificate name this "
                 "host? Retrying…")
                  .arg(m_status.address, why);
  } else {
    message = tr("Cannot reach the broker at %1: %2. Is the broker running there, and are the "
                 "address, port and TLS settings right? Retrying…")
                  .arg(m_status.address, why);
  }
  qCInfo(lcAppFleet).noquote() << message;
  setStatus(BrokerStatusView::State::Retrying, message);
}

void FleetClient::setStatus(BrokerStatusView::State state, const QString& message) {
  m_status.state = state;
  m_status.message = message;
  emit statusChanged(m_status);
}

void FleetClient::rejectPayload(const QString& topic, fleet::TopicKind kind,
                                const QString& reason) {
  ++m_malformedByKind[int(kind)];
  ++m_status.malformed;
  m_status.lastMalformed = QStringLiteral("%1: %2").arg(topic, reason);
  qCDebug(lcAppFleet).noquote() << "ignored a malformed payload on" << topic << "-" << reason;
  emit statusChanged(m_status);
}

void FleetClient::onMessage(const QString& topic, const QByteArray& payload) {
  fleet::Topic t;
  if (!fleet::parseTopic(topic, t)) {
    ++m_malformedByKind[kUnknownKind];
    ++m_status.malformed;
    m_status.lastMalformed = tr("%1: not a topic of the fleet protocol").arg(topic);
    emit statusChanged(m_status);
    return;
  }
  if (payload.size() > fleet::kMaxPayloadBytes) {
    rejectPayload(topic, t.kind, tr("larger than 1 MiB"));
    return;
  }
  dispatch(t, payload);
}

void FleetClient::dispatch(const fleet::Topic& topic, const QByteArray& payload) {
  const QString name = fleet::topicFor(topic.site, topic.gateway, topic.kind, topic.board);
  QString why;
  if (topic.kind == fleet::TopicKind::GatewayStatus) {
    fleet::GatewayStatus s;
    if (!decodeAs(payload, s, why)) return rejectPayload(name, topic.kind, why);
    if (s.gateway != topic.gateway || s.site != topic.site)
      return rejectPayload(name, topic.kind, tr("names another gateway than its topic"));
    m_table->applyGatewayStatus(topic.site, s);
    emit gatewayChanged(topic.site, topic.gateway);
    return;
  }
  if (topic.kind == fleet::TopicKind::GatewayStats) {
    fleet::GatewayStats s; // decoded only to count what is malformed: the view has no use yet
    if (!decodeAs(payload, s, why)) rejectPayload(name, topic.kind, why);
    return;
  }
  if (!fleet::isBoardTopic(topic.kind)) return; // model/push: another consumer's, not ours
  dispatchBoard(topic, FleetTableModel::keyOf(topic.site, topic.gateway, topic.board), payload);
}

void FleetClient::dispatchBoard(const fleet::Topic& topic, const QString& key,
                                const QByteArray& payload) {
  const QString name = fleet::topicFor(topic.site, topic.gateway, topic.kind, topic.board);
  const QString wrongBoard = tr("names another board than its topic");
  QString why;
  switch (topic.kind) {
  case fleet::TopicKind::BoardIdentity: {
    fleet::BoardIdentity v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    m_table->applyIdentity(topic.site, topic.gateway, v);
    emit identityReceived(key, v);
    return;
  }
  case fleet::TopicKind::BoardState: {
    fleet::BoardState v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    m_table->applyState(topic.site, topic.gateway, v);
    emit stateReceived(key, v);
    return;
  }
  case fleet::TopicKind::BoardStats: {
    fleet::BoardStats v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    m_table->applyStats(topic.site, topic.gateway, v);
    emit statsReceived(key, v);
    return;
  }
  case fleet::TopicKind::PushProgress: {
    fleet::PushProgress v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    return onProgress(topic, key, v);
  }
  case fleet::TopicKind::PushOutcome: {
    fleet::PushOutcome v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    return onOutcome(topic, key, v);
  }
  default: return dispatchWatched(topic, key, payload);
  }
}

void FleetClient::dispatchWatched(const fleet::Topic& topic, const QString& key,
                                  const QByteArray& payload) {
  if (key != m_watched) return; // left over from a board followed before
  const QString name = fleet::topicFor(topic.site, topic.gateway, topic.kind, topic.board);
  const QString wrongBoard = tr("names another board than its topic");
  QString why;
  switch (topic.kind) {
  case fleet::TopicKind::Event: {
    fleet::FleetEvent v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    return onEvent(key, v);
  }
  case fleet::TopicKind::Samples: {
    fleet::SamplesPayload v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    emit samplesReceived(key, v);
    return;
  }
  case fleet::TopicKind::Log: {
    fleet::LogLine v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    if (v.board != topic.board) return rejectPayload(name, topic.kind, wrongBoard);
    emit logReceived(key, v);
    return;
  }
  case fleet::TopicKind::CommandResult: {
    fleet::CommandResult v;
    if (!decodeAs(payload, v, why)) return rejectPayload(name, topic.kind, why);
    return onCommandResult(key, v);
  }
  default: return; // a command: another consumer's
  }
}

void FleetClient::onEvent(const QString& key, const fleet::FleetEvent& event) {
  const FleetSequence::Verdict v = m_sequence.accept(key, event.stream, event.seq);
  if (v.duplicate) return; // QoS 1 delivers at least once
  if (v.lost > 0) {
    qCInfo(lcAppFleet).noquote() << key << "lost" << v.lost << "events before seq" << event.seq;
    emit eventsLost(key, v.lost);
  }
  const QStringList parts = key.split(QLatin1Char('/'));
  m_table->applySeen(parts.value(0), parts.value(1), event.board, event.t);
  emit eventReceived(key, event);
}

} // namespace dlm::app
