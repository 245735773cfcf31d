#include "devices/fleet/mqtt_client.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

#include <mosquitto.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "devices/fleet/fleet_logging.h"

namespace dlm {
namespace fleet {

namespace {

// How long one pass of the network loop waits for traffic; publish() wakes it earlier.
constexpr int kLoopTimeoutMs = 100;
// How long stop() lets the network thread send the DISCONNECT.
constexpr int kStopDrainMs = 1000;

void initLibrary() {
  static std::once_flag once;
  std::call_once(once, [] { mosquitto_lib_init(); });
}

QString errorText(int rc) { return QString::fromUtf8(mosquitto_strerror(rc)); }

} // namespace

struct MqttClientPrivate {
  MqttClient* q = nullptr;
  mosquitto* mosq = nullptr;
  MqttOptions options;
  std::thread thread;
  std::mutex mutex; // guards stopRequested's wait and the sleep between reconnections
  std::condition_variable wake;
  std::atomic<bool> stopRequested{false};
  std::atomic<bool> connected{false};
  std::atomic<int> connections{0};
  std::atomic<int> delayMs{0};
  // Why the last attempt to connect failed, for connectFailed(): the library's code and, for
  // MOSQ_ERR_ERRNO, the system's (network thread only, but for start()'s first attempt).
  int attemptRc = MOSQ_ERR_SUCCESS;
  int attemptErrno = 0;
  std::atomic<bool> refused{false}; // the broker answered no: disconnected() said why
  QMutex subscriptionsMutex;
  std::vector<std::pair<QByteArray, int>> subscriptions;
  // libmosquitto calls on_publish for QoS 0 messages too (once written): only the QoS 1 ones
  // we handed over are acknowledgements. Held across mosquitto_publish() so that an ack
  // cannot be seen before its id is recorded.
  QMutex midsMutex;
  QSet<int> qos1Mids;

  // Callbacks, on the network thread: everything goes to the client's thread queued.
  static void onConnect(mosquitto*, void* self, int rc);
  static void onDisconnect(mosquitto*, void* self, int rc);
  static void onMessage(mosquitto*, void* self, const mosquitto_message* message);
  static void onPublish(mosquitto*, void* self, int mid);

  bool configure(QString* error);
  void noteAttempt(int rc) {
    attemptErrno = errno;
    attemptRc = rc;
  }
  void reportFailure(int loopRc, int loopErrno);
  void run();
  void sleepInterruptibly(int ms);
};

void MqttClientPrivate::onConnect(mosquitto* m, void* self, int rc) {
  auto* d = static_cast<MqttClientPrivate*>(self);
  if (rc != 0) {
    d->refused = true;
    const QString reason = QString::fromUtf8(mosquitto_connack_string(rc));
    QMetaObject::invokeMethod(d->q, [q = d->q, reason] { emit q->disconnected(reason); },
                              Qt::QueuedConnection);
    return;
  }
  d->delayMs = d->options.reconnectMinMs;
  d->attemptRc = MOSQ_ERR_SUCCESS;
  qCDebug(lcFleet).noquote() << d->options.clientId << "connected to" << d->options.host
                             << d->options.port;
  {
    QMutexLocker lock(&d->subscriptionsMutex);
    for (const auto& s : d->subscriptions) mosquitto_subscribe(m, nullptr, s.first.constData(), s.second);
  }
  d->connected = true;
  ++d->connections;
  QMetaObject::invokeMethod(d->q, [q = d->q] { emit q->connected(); }, Qt::QueuedConnection);
}

void MqttClientPrivate::onDisconnect(mosquitto*, void* self, int rc) {
  auto* d = static_cast<MqttClientPrivate*>(self);
  const bool was = d->connected.exchange(false);
  qCDebug(lcFleet).noquote() << d->options.clientId << "disconnected:" << errorText(rc)
                             << (was ? "" : "(was not connected)");
  if (!was) return;
  const QString reason = rc == 0 ? QStringLiteral("disconnected") : errorText(rc);
  QMetaObject::invokeMethod(d->q, [q = d->q, reason] { emit q->disconnected(reason); },
                            Qt::QueuedConnection);
}

void MqttClientPrivate::onMessage(mosquitto*, void* self, const mosquitto_message* message) {
  auto* d = static_cast<MqttClientPrivate*>(self);
  const QString topic = QString::fromUtf8(message->topic);
  const QByteArray payload(static_cast<const char*>(message->payload), message->payloadlen);
  const bool retained = message->retain;
  QMetaObject::invokeMethod(
      d->q, [q = d->q, topic, payload, retained] { emit q->messageReceived(topic, payload, retained); },
      Qt::QueuedConnection);
}

void MqttClientPrivate::onPublish(mosquitto*, void* self, int mid) {
  auto* d = static_cast<MqttClientPrivate*>(self);
  {
    QMutexLocker lock(&d->midsMutex);
    if (!d->qos1Mids.remove(mid)) return;
  }
  QMetaObject::invokeMethod(d->q, [q = d->q, mid] { emit q->published(mid); },
                            Qt::QueuedConnection);
}

bool MqttClientPrivate::configure(QString* error) {
  auto fail = [error](const QString& why) {
    if (error != nullptr) *error = why;
    return false;
  };
  const MqttOptions& o = options;
  mosquitto_threaded_set(mosq, true); // our own thread runs the loop: publish() only queues
  mosquitto_int_option(mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
  mosquitto_max_inflight_messages_set(mosq, static_cast<unsigned>(std::max(1, o.maxInflight)));
  if (!o.username.isEmpty()) {
    const QByteArray user = o.username.toUtf8();
    const QByteArray pass = o.password.toUtf8();
    const int rc = mosquitto_username_pw_set(mosq, user.constData(),
                                             o.password.isEmpty() ? nullptr : pass.constData());
    if (rc != MOSQ_ERR_SUCCESS) return fail(QStringLiteral("user name: %1").arg(errorText(rc)));
  }
  if (!o.caFile.isEmpty() || !o.certFile.isEmpty()) {
    for (const QString& f : {o.caFile, o.certFile, o.keyFile})
      if (!f.isEmpty() && !QFileInfo(f).isReadable())
        return fail(QStringLiteral("cannot read %1").arg(f));
    if (o.caFile.isEmpty()) return fail(QStringLiteral("a client certificate needs --cafile"));
    if (o.certFile.isEmpty() != o.keyFile.isEmpty())
      return fail(QStringLiteral("--cert and --key go together"));
    const QByteArray ca = o.caFile.toLocal8Bit(), cert = o.certFile.toLocal8Bit(),
                     key = o.keyFile.toLocal8Bit();
    const int rc = mosquitto_tls_set(mosq, ca.constData(), nullptr,
                                     cert.isEmpty() ? nullptr : cert.constData(),
                                     key.isEmpty() ? nullptr : key.constData(), nullptr);
    if (rc != MOSQ_ERR_SUCCESS) return fail(QStringLiteral("TLS: %1").arg(errorText(rc)));
  }
  if (!o.willTopic.isEmpty()) {
    const QByteArray topic = o.willTopic.toUtf8();
    const int rc = mosquitto_will_set(mosq, topic.constData(), static_cast<int>(o.willPayload.size()),
                                      o.willPayload.constData(), o.willQos, o.willRetain);
    if (rc != MOSQ_ERR_SUCCESS) return fail(QStringLiteral("last will: %1").arg(errorText(rc)));
  }
  mosquitto_connect_callback_set(mosq, &MqttClientPrivate::onConnect);
  mosquitto_disconnect_callback_set(mosq, &MqttClientPrivate::onDisconnect);
  mosquitto_message_callback_set(mosq, &MqttClientPrivate::onMessage);
  mosquitto_publish_callback_set(mosq, &MqttClientPrivate::onPublish);
  return true;
}

void MqttClientPrivate::reportFailure(int loopRc, int loopErrno) {
  if (connected || refused.exchange(false)) return; // a loss, or a refusal already said
  const int rc = attemptRc != MOSQ_ERR_SUCCESS ? attemptRc : loopRc;
  const int err = attemptRc != MOSQ_ERR_SUCCESS ? attemptErrno : loopErrno;
  const QString reason = rc == MOSQ_ERR_ERRNO ? QString::fromLocal8Bit(std::strerror(err))
                                              : errorText(rc);
  QMetaObject::invokeMethod(q, [p = q, reason] { emit p->connectFailed(reason); },
                            Qt::QueuedConnection);
}

void MqttClientPrivate::sleepInterruptibly(int ms) {
  std::unique_lock<std::mutex> lock(mutex);
  wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopRequested.load(); });
}

void MqttClientPrivate::run() {
  std::chrono::steady_clock::time_point drainUntil;
  bool draining = false;
  while (true) {
    const int rc = mosquitto_loop(mosq, kLoopTimeoutMs, 1);
    const int loopErrno = errno;
    if (stopRequested) {
      if (!draining) {
        draining = true;
        drainUntil = std::chrono::steady_clock::now() + std::chrono::milliseconds(kStopDrainMs);
      }
      // After stop()'s DISCONNECT the loop reports the closed socket: done.
      if (rc != MOSQ_ERR_SUCCESS || std::chrono::steady_clock::now() > drainUntil) break;
      continue;
    }
    if (rc == MOSQ_ERR_SUCCESS) continue;
    // Lost or never made: wait (backing off), then try again, whatever the error was.
    reportFailure(rc, loopErrno);
    onDisconnect(mosq, this, rc);
    const int delay = delayMs.load();
    sleepInterruptibly(delay);
    delayMs = std::min(delay * 2, options.reconnectMaxMs);
    if (stopRequested) break;
    noteAttempt(mosquitto_reconnect_async(mosq));
  }
}

// --- MqttClient ------------------------------------------------------------------------------

MqttClient::MqttClient(QObject* parent) : QObject(parent), d(std::make_unique<MqttClientPrivate>()) {
  d->q = this;
}

MqttClient::~MqttClient() {
  d->stopRequested = true;
  d->wake.notify_all();
  if (d->thread.joinable()) d->thread.join();
  if (d->mosq != nullptr) mosquitto_destroy(d->mosq);
}

bool MqttClient::start(const MqttOptions& options, QString* error) {
  if (d->mosq != nullptr) {
    if (error != nullptr) *error = QStringLiteral("already started");
    return false;
  }
  initLibrary();
  d->options = options;
  d->delayMs = options.reconnectMinMs;
  const QByteArray id = options.clientId.toUtf8();
  d->mosq = mosquitto_new(id.isEmpty() ? nullptr : id.constData(), options.cleanSession, d.get());
  if (d->mosq == nullptr) {
    if (error != nullptr)
      *error = QStringLiteral("cannot create the MQTT client (a persistent session needs an id)");
    return false;
  }
  if (!d->configure(error)) return false;
  const QByteArray host = options.host.toUtf8();
  const int rc = mosquitto_connect_async(d->mosq, host.constData(), options.port,
                                         options.keepAliveSeconds);
  d->noteAttempt(rc);
  if (rc == MOSQ_ERR_INVAL) {
    if (error != nullptr) *error = QStringLiteral("bad broker address or keep-alive");
    return false;
  }
  if (rc != MOSQ_ERR_SUCCESS)
    qCInfo(lcFleet).noquote() << "broker" << options.host << options.port
                              << "not reachable yet:" << errorText(rc) << "- retrying";
  d->thread = std::thread([p = d.get()] { p->run(); });
  return true;
}

void MqttClient::stop() {
  if (d->mosq == nullptr || d->stopRequested) return;
  d->stopRequested = true;
  mosquitto_disconnect(d->mosq); // a clean DISCONNECT: the broker does not send the last will
  d->wake.notify_all();
  if (d->thread.joinable()) d->thread.join();
  d->connected = false;
}

void MqttClient::subscribe(const QString& filter, int qos) {
  const QByteArray f = filter.toUtf8();
  {
    QMutexLocker lock(&d->subscriptionsMutex);
    d->subscriptions.emplace_back(f, qos);
  }
  if (d->mosq != nullptr && d->connected) mosquitto_subscribe(d->mosq, nullptr, f.constData(), qos);
}

void MqttClient::unsubscribe(const QString& filter) {
  const QByteArray f = filter.toUtf8();
  {
    QMutexLocker lock(&d->subscriptionsMutex);
    d->subscriptions.erase(std::remove_if(d->subscriptions.begin(), d->subscriptions.end(),
                                          [&f](const auto& s) { return s.first == f; }),
                           d->subscriptions.end());
  }
  if (d->mosq != nullptr && d->connected) mosquitto_unsubscribe(d->mosq, nullptr, f.constData());
}

int MqttClient::publish(const QString& topic, const QByteArray& payload, int qos, bool retain) {
  if (d->mosq == nullptr || d->stopRequested) return -1;
  if (qos == 0 && !d->connected) return -1;
  const QByteArray t = topic.toUtf8();
  int mid = 0;
  QMutexLocker lock(&d->midsMutex);
  const int rc = mosquitto_publish(d->mosq, &mid, t.constData(), static_cast<int>(payload.size()),
                                   payload.constData(), qos, retain);
  if (rc != MOSQ_ERR_SUCCESS && !(qos > 0 && rc == MOSQ_ERR_NO_CONN)) {
    qCDebug(lcFleet).noquote() << "publish to" << topic << "failed:" << errorText(rc);
    return -1;
  }
  if (qos == 0) return 0;
  d->qos1Mids.insert(mid);
  return mid;
}

bool MqttClient::isConnected() const { return d->connected; }

int MqttClient::reconnects() const { return std::max(0, d->connections.load() - 1); }

} // namespace fleet
} // namespace dlm
