#pragma once

// A Qt face for libmosquitto (Debian's MQTT client library): one connection to a broker, kept
// up by a network thread of its own that reconnects with backoff whatever the error (the
// library's own loop_forever gives up after TLS and protocol errors, which a restarting
// broker can cause). Every signal is delivered on the thread the client lives on.

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace dlm {
namespace fleet {

/// \brief How to reach and log in to a broker (docs/fleet.md §7).
struct MqttOptions {
  QString host = QStringLiteral("localhost");
  int port = 1883;
  QString clientId;          ///< required with a persistent session
  bool cleanSession = true;  ///< false: the broker keeps subscriptions and QoS 1 messages
  QString username;          ///< empty: anonymous
  QString password;
  QString caFile;            ///< non-empty: TLS, the broker's certificate checked against it
  QString certFile;          ///< client certificate (with keyFile), when the broker asks
  QString keyFile;
  int keepAliveSeconds = 30; ///< 5 ... 65535
  int maxInflight = 100;     ///< QoS 1 messages sent and not yet acknowledged
  int reconnectMinMs = 500;  ///< first retry after a lost connection; doubles ...
  int reconnectMaxMs = 30000; ///< ... up to this
  QString willTopic;         ///< empty: no last will
  QByteArray willPayload;
  int willQos = 1;
  bool willRetain = true;
};

struct MqttClientPrivate;

/// \brief One broker connection: publish (thread-safe), subscriptions that survive reconnects,
/// incoming messages and acknowledgements as signals.
class MqttClient : public QObject {
  Q_OBJECT
public:
  explicit MqttClient(QObject* parent = nullptr);
  /// \brief Stops the network thread (without waiting for anything to be sent).
  ~MqttClient() override;

  /// \brief Start connecting (and keep reconnecting) with \p options. False, with \p error
  /// set, when the options cannot work (bad TLS files, bad values); a broker that is not
  /// reachable yet is not an error: connected() follows when it is.
  bool start(const MqttOptions& options, QString* error);
  /// \brief Disconnect cleanly (no last will) and stop the network thread.
  void stop();

  /// \brief Subscribe to \p filter now and after every reconnection.
  void subscribe(const QString& filter, int qos);
  /// \brief Stop the subscription to \p filter, now and after reconnections.
  void unsubscribe(const QString& filter);
  /// \brief Publish; returns the message id (> 0) the published() signal will carry for QoS
  /// 1, 0 for a QoS 0 message sent, -1 when it could not be queued (QoS 0 while offline, a
  /// payload too large, stopped). QoS 1 messages given while offline wait in the library and
  /// leave after the next connection, in order. Thread-safe.
  int publish(const QString& topic, const QByteArray& payload, int qos, bool retain);

  bool isConnected() const;
  /// \brief Connections established after the first.
  int reconnects() const;

signals:
  void connected();
  void disconnected(const QString& reason);
  /// \brief An attempt to connect failed before the broker answered (not reachable, a TLS
  /// error...): \p reason in words. The client tries again by itself, as after a loss; a
  /// broker that answers and refuses says so with disconnected() instead.
  void connectFailed(const QString& reason);
  void messageReceived(const QString& topic, const QByteArray& payload, bool retained);
  /// \brief The broker acknowledged the QoS 1 message \p mid.
  void published(int mid);

private:
  friend struct MqttClientPrivate;
  std::unique_ptr<MqttClientPrivate> d;
};

} // namespace fleet
} // namespace dlm
