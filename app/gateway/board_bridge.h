#pragma once

// One board of a gateway: its serial link (the studio's BoardLink, unchanged) on one side, the
// board's topics on the other (docs/fleet.md §3.3-3.12). It numbers the board's events, keeps
// its state and statistics, runs fleet commands on the board and answers each, streams samples
// while watched, and takes the board's share of each model push through to a verified
// outcome.

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <deque>
#include <memory>

#include "app/gateway/push_store.h"
#include "devices/fleet/fleet_payloads.h"
#include "devices/fleet/fleet_topics.h"
#include "devices/link/board_link.h"

namespace dlm {
namespace gateway {

/// \brief What a bridge needs from its gateway.
class BridgeHost {
public:
  virtual ~BridgeHost() = default;
  /// QoS 1, through the offline buffer (docs/fleet.md §5).
  virtual void publishReliable(const QString& topic, const QByteArray& payload, bool retain,
                               bool droppable) = 0;
  /// QoS 0, only while connected.
  virtual void publishLive(const QString& topic, const QByteArray& payload) = 0;
  virtual QString topicOf(fleet::TopicKind kind, const QString& board) const = 0;
  virtual QString stream() const = 0;
  /// \p board published its outcome for \p pushId.
  virtual void boardDone(const QString& pushId, const QString& board) = 0;
};

class BoardBridge : public QObject {
  Q_OBJECT
public:
  BoardBridge(const QString& id, const QString& port, qint32 baud, BridgeHost& host,
              QObject* parent = nullptr);
  ~BoardBridge() override;

  const QString& id() const { return m_id; }
  bool connected() const { return m_state == link::LinkState::Connected; }
  /// \brief Open the link (again, on \p port when it moved: a restarted virtual board).
  void start(const QString& port = QString());
  /// \brief Publish identity (once known) and status again: after a broker reconnection.
  void republish();
  /// \brief Publish BoardStats for the interval since the last call; ask for a Status.
  void publishStats();
  /// \brief A fleet command for this board.
  void handleCommand(const fleet::FleetCommand& command);
  /// \brief This board's share of \p job.
  void enqueuePush(const std::shared_ptr<PushJob>& job);
  /// \brief The gateway stops: status "disconnected", link closed.
  void stop();

private:
  // What a link command was sent for; results come back in order, one per command.
  enum class Origin { Fleet, Poll, Verify };
  struct PendingCommand {
    Origin origin = Origin::Fleet;
    link::CommandKind kind = link::CommandKind::RequestStatus;
    fleet::FleetCommand command;
  };
  enum class PushPhase { None, Sending, Verifying };

  void wireLink();
  void onConnected(const link::BoardInfo& info);
  void onStateChanged(link::LinkState state, const QString& detail);
  void onEvent(const link::BoardEvent& event);
  void onStatus(const link::BoardStatus& status);
  void onSamples(quint32 first, int channels, const QVector<qint16>& values);
  void onCommandOutcome(link::CommandKind kind, bool ok, const QString& message);
  void publishIdentity();
  void publishState();
  void publishResult(const fleet::FleetCommand& command, bool ok, const QString& message);
  void flushSamples();
  bool sendToBoard(const fleet::FleetCommand& command);
  void track(Origin origin, link::CommandKind kind, const fleet::FleetCommand& command = {});

  // Pushes (board_bridge_push.cpp).
  void tryStartPush();
  void onPushProgress(qint64 sent, qint64 total);
  void onPushFinished(bool ok, const QString& message);
  void verifyPush(const link::BoardStatus& status);
  void afterReconnect();
  void publishProgress(fleet::PushState state, qint64 sent, qint64 total);
  // \p job by value: it may be m_activePush, which this resets.
  void finishPush(std::shared_ptr<PushJob> job, fleet::PushResult result,
                  const QString& message);

  QString m_id;
  QString m_port;
  qint32 m_baud;
  BridgeHost& m_host;
  std::unique_ptr<link::BoardLink> m_link;

  bool m_stopped = false; ///< after stop(): nothing more is published
  link::LinkState m_state = link::LinkState::Connecting;
  QString m_detail;
  bool m_hasInfo = false;
  link::BoardInfo m_info;
  bool m_hasStatus = false;
  link::BoardStatus m_status;
  bool m_statusWanted = false; ///< a `status` command asked for it: publish even if unchanged
  link::LinkStatistics m_linkStats;
  std::deque<PendingCommand> m_pending;

  quint64 m_seq = 0;
  quint32 m_intervalEvents = 0;
  quint32 m_intervalRejected = 0;
  double m_lastEventT = 0.0;
  QElapsedTimer m_interval;

  QElapsedTimer m_watchClock; ///< samples flow while it is valid and below m_watchMs
  qint64 m_watchMs = 0;
  fleet::SamplesPayload m_samples;
  QElapsedTimer m_samplesAge;

  std::deque<std::shared_ptr<PushJob>> m_pushQueue;
  std::shared_ptr<PushJob> m_activePush;
  PushPhase m_pushPhase = PushPhase::None;
  QElapsedTimer m_progressClock;
  bool m_waitingPublished = false;
};

} // namespace gateway
} // namespace dlm
