#pragma once

// dlm-gateway's service: the broker connection, the boards' bridges, the offline buffer, the
// push journal and the gateway's own topics (docs/fleet.md). Runs on the thread it lives on
// (the main thread); each board's link has its own worker thread.

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

#include "app/gateway/board_bridge.h"
#include "app/gateway/gateway_options.h"
#include "app/gateway/outbound_queue.h"
#include "app/gateway/push_store.h"
#include "app/gateway/virtual_boards.h"
#include "devices/fleet/mqtt_client.h"

namespace dlm {
namespace gateway {

class Gateway : public QObject, public BridgeHost {
  Q_OBJECT
public:
  /// \brief QoS 1 messages handed to the broker connection and not yet acknowledged, at most.
  static constexpr int kInflightWindow = 100;
  /// \brief Longest a clean stop waits for the broker to acknowledge the last messages.
  static constexpr int kStopDrainMs = 5000;

  explicit Gateway(const GatewayOptions& options, QObject* parent = nullptr);
  ~Gateway() override;

  /// \brief State directory, journal, virtual boards, broker connection, serial links.
  /// False with \p error set when the gateway cannot run.
  bool start(QString* error);
  /// \brief Publish every board disconnected and the gateway offline ("shutdown"), wait for
  /// the broker (at most kStopDrainMs), then close everything and call \p done.
  void stop(std::function<void()> done);

  const QString& streamId() const { return m_stream; }

  // BridgeHost
  void publishReliable(const QString& topic, const QByteArray& payload, bool retain,
                       bool droppable) override;
  void publishLive(const QString& topic, const QByteArray& payload) override;
  QString topicOf(fleet::TopicKind kind, const QString& board) const override;
  QString stream() const override { return m_stream; }
  void boardDone(const QString& pushId, const QString& board) override;

private:
  fleet::GatewayStatus statusPayload(bool online, const QString& reason) const;
  bool startBroker(QString* error);
  void startBoards();
  void resumeJournal();
  void onBrokerConnected();
  void onMessage(const QString& topic, const QByteArray& payload, bool retained);
  void onPush(const QString& topic, const QByteArray& payload);
  void onCommand(const QString& topic, const QString& board, const QByteArray& payload,
                 bool retained);
  void malformed(bool push, const QString& topic, const QString& reason);
  void acceptPush(const fleet::ModelPush& push);
  void pump();
  void publishStats();
  void finishStop();

  GatewayOptions m_options;
  QString m_stream;
  double m_startedMs = 0.0;
  QElapsedTimer m_uptime;
  fleet::MqttClient m_client;
  OutboundQueue m_queue;
  int m_inflight = 0;
  quint64 m_published = 0;
  quint64 m_acked = 0;
  quint64 m_malformedPush = 0;
  quint64 m_malformedCmd = 0;
  bool m_hasMalformed = false;
  fleet::MalformedNote m_lastMalformed;
  PushStore m_store;
  QHash<QString, std::shared_ptr<PushJob>> m_jobs;
  VirtualBoards m_virtual;
  std::vector<std::unique_ptr<BoardBridge>> m_bridges;
  QHash<QString, BoardBridge*> m_byId;
  QTimer m_statsTimer;
  QTimer m_watchdog; ///< restarts virtual boards that exited
  bool m_stopping = false;
  std::function<void()> m_stopped;
  QTimer m_stopTimer;
};

} // namespace gateway
} // namespace dlm
