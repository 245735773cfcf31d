#include "app/gateway/gateway.h"

#include <QDir>

#include "app/gateway/gateway_logging.h"
#include "core/version.h"
#include "devices/fleet/fleet_codec.h"

namespace dlm {
namespace gateway {

using fleet::TopicKind;

namespace {
constexpr int kWatchdogMs = 1000;
} // namespace

Gateway::Gateway(const GatewayOptions& options, QObject* parent)
    : QObject(parent), m_options(options), m_stream(fleet::newStreamId()),
      m_queue(options.bufferMessages) {
  m_uptime.start();
  m_startedMs = fleet::nowMs();
  connect(&m_client, &fleet::MqttClient::connected, this, &Gateway::onBrokerConnected);
  connect(&m_client, &fleet::MqttClient::disconnected, this, [this](const QString& reason) {
    qCWarning(lcGateway).noquote() << "broker connection lost:" << reason
                                   << "- buffering up to" << m_queue.capacity() << "messages";
  });
  connect(&m_client, &fleet::MqttClient::messageReceived, this, &Gateway::onMessage);
  connect(&m_client, &fleet::MqttClient::published, this, [this](int) {
    m_inflight = std::max(0, m_inflight - 1);
    ++m_acked;
    pump();
  });
  connect(&m_statsTimer, &QTimer::timeout, this, &Gateway::publishStats);
  connect(&m_watchdog, &QTimer::timeout, this, [this] {
    for (int i : m_virtual.restartExited())
      if (BoardBridge* b = m_byId.value(VirtualBoards::idOf(i))) b->start(m_virtual.port(i));
  });
}

Gateway::~Gateway() {
  m_bridges.clear(); // links first: their threads stop before the boards' ptys go
  m_virtual.stop();
}

fleet::GatewayStatus Gateway::statusPayload(bool online, const QString& reason) const {
  fleet::GatewayStatus s;
  s.gateway = m_options.gateway;
  s.site = m_options.site;
  s.online = online;
  s.reason = reason;
  s.stream = m_stream;
  s.version = QStringLiteral(DLM_CORE_VERSION_STRING);
  s.started = m_startedMs;
  for (const auto& b : m_bridges) s.boards << b->id();
  return s;
}

bool Gateway::start(QString* error) {
  if (!QDir().mkpath(m_options.stateDir) || !m_store.open(m_options.stateDir, error)) {
    if (error != nullptr && error->isEmpty())
      *error = QStringLiteral("cannot create the state directory %1").arg(m_options.stateDir);
    return false;
  }
  if (m_options.virtualBoards > 0) {
    const quint32 seedBase = static_cast<quint32>(qHash(m_options.gateway) % 10000u) * 100u + 1u;
    if (!m_virtual.start(m_options.virtualBoards, m_options.stateDir, m_options.virtualArgs,
                         seedBase, error))
      return false;
  }
  for (int i = 0; i < m_virtual.count(); ++i)
    m_bridges.push_back(std::make_unique<BoardBridge>(VirtualBoards::idOf(i), m_virtual.port(i),
                                                      m_options.baud, *this));
  for (const BoardPort& p : m_options.boards)
    m_bridges.push_back(std::make_unique<BoardBridge>(p.id, p.path, m_options.baud, *this));
  for (const auto& b : m_bridges) m_byId.insert(b->id(), b.get());
  if (!startBroker(error)) return false;
  resumeJournal();
  for (const auto& b : m_bridges) b->start();
  m_statsTimer.start(m_options.statsIntervalS * 1000);
  if (m_virtual.count() > 0) m_watchdog.start(kWatchdogMs);
  qCInfo(lcGateway).noquote() << "gateway" << m_options.gateway << "of site" << m_options.site
                              << "stream" << m_stream << "with" << m_bridges.size() << "boards,"
                              << "broker" << m_options.brokerHost << m_options.port();
  return true;
}

bool Gateway::startBroker(QString* error) {
  fleet::MqttOptions o;
  o.host = m_options.brokerHost;
  o.port = m_options.port();
  o.clientId = QStringLiteral("dlm-gateway-%1-%2").arg(m_options.site, m_options.gateway);
  o.cleanSession = false; // commands and pushes sent while we are away wait for us
  o.username = m_options.username;
  o.password = m_options.password;
  o.caFile = m_options.caFile;
  o.certFile = m_options.certFile;
  o.keyFile = m_options.keyFile;
  o.keepAliveSeconds = m_options.keepAliveS;
  o.maxInflight = kInflightWindow;
  o.willTopic = topicOf(TopicKind::GatewayStatus, QString());
  o.willPayload = fleet::encode(statusPayload(false, QStringLiteral("lost")));
  for (const QString& filter : fleet::gatewaySubscriptions(m_options.site, m_options.gateway))
    m_client.subscribe(filter, 1);
  return m_client.start(o, error);
}

void Gateway::resumeJournal() {
  QStringList problems;
  for (const std::shared_ptr<PushJob>& job : m_store.load(&problems)) {
    qCInfo(lcGateway).noquote() << "resuming push" << job->push.push << "for"
                                << job->pending.join(QLatin1Char(' '));
    m_jobs.insert(job->push.push, job);
    for (const QString& board : job->pending) {
      if (BoardBridge* b = m_byId.value(board)) b->enqueuePush(job);
      else boardDone(job->push.push, board); // no longer ours
    }
  }
  for (const QString& p : problems) qCWarning(lcGateway).noquote() << "push journal:" << p;
}

void Gateway::stop(std::function<void()> done) {
  if (m_stopping) return;
  m_stopping = true;
  m_stopped = std::move(done);
  m_statsTimer.stop();
  m_watchdog.stop();
  for (const auto& b : m_bridges) b->stop();
  publishReliable(topicOf(TopicKind::GatewayStatus, QString()),
                  fleet::encode(statusPayload(false, QStringLiteral("shutdown"))), true, false);
  m_stopTimer.setSingleShot(true);
  connect(&m_stopTimer, &QTimer::timeout, this, &Gateway::finishStop);
  m_stopTimer.start(m_client.isConnected() ? kStopDrainMs : 0);
  pump();
}

void Gateway::finishStop() {
  if (!m_stopped) return;
  if (!m_queue.empty() || m_inflight > 0)
    qCWarning(lcGateway) << m_queue.size() + m_inflight
                         << "messages were not acknowledged by the broker before the stop";
  m_client.stop();
  m_bridges.clear();
  m_virtual.stop();
  auto done = std::move(m_stopped);
  m_stopped = nullptr;
  done();
}

// --- publishing ----------------------------------------------------------------------------

QString Gateway::topicOf(TopicKind kind, const QString& board) const {
  return fleet::topicFor(m_options.site, m_options.gateway, kind, board);
}

void Gateway::publishReliable(const QString& topic, const QByteArray& payload, bool retain,
                              bool droppable) {
  m_queue.push(OutboundMessage{topic, payload, retain, droppable});
  pump();
}

void Gateway::publishLive(const QString& topic, const QByteArray& payload) {
  if (m_client.isConnected()) m_client.publish(topic, payload, 0, false);
}

void Gateway::pump() {
  while (m_client.isConnected() && m_inflight < kInflightWindow && !m_queue.empty()) {
    const OutboundMessage m = m_queue.take();
    if (m_client.publish(m.topic, m.payload, 1, m.retain) < 0) {
      qCWarning(lcGateway).noquote() << "could not publish to" << m.topic;
      continue;
    }
    ++m_inflight;
    ++m_published;
  }
  if (m_stopping && m_queue.empty() && m_inflight == 0 && m_stopTimer.isActive()) {
    m_stopTimer.stop();
    QTimer::singleShot(0, this, &Gateway::finishStop);
  }
}

void Gateway::onBrokerConnected() {
  qCInfo(lcGateway) << "connected to the broker" << m_options.brokerHost << m_options.port();
  if (!m_stopping) {
    publishReliable(topicOf(TopicKind::GatewayStatus, QString()),
                    fleet::encode(statusPayload(true, QString())), true, false);
    for (const auto& b : m_bridges) b->republish();
  }
  pump();
}

void Gateway::publishStats() {
  fleet::GatewayStats s;
  s.gateway = m_options.gateway;
  s.stream = m_stream;
  s.t = fleet::nowMs();
  s.uptimeMs = static_cast<quint64>(m_uptime.elapsed());
  s.boards = static_cast<quint32>(m_bridges.size());
  for (const auto& b : m_bridges) s.connected += b->connected() ? 1u : 0u;
  s.published = m_published;
  s.acked = m_acked;
  s.queued = static_cast<quint32>(m_queue.size() + m_inflight);
  s.dropped = m_queue.dropped();
  s.reconnects = static_cast<quint32>(m_client.reconnects());
  s.malformedPush = m_malformedPush;
  s.malformedCmd = m_malformedCmd;
  s.hasLastMalformed = m_hasMalformed;
  s.lastMalformed = m_lastMalformed;
  s.pushes = static_cast<quint32>(m_jobs.size());
  publishLive(topicOf(TopicKind::GatewayStats, QString()), fleet::encode(s));
  for (const auto& b : m_bridges) b->publishStats();
}

} // namespace gateway
} // namespace dlm
