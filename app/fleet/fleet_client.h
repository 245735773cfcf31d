#pragma once

// The studio's side of the fleet protocol (docs/fleet.md): one connection to the broker that
// keeps the fleet table filled from the retained identity and status messages and the stats
// topics, follows one board closely (its events, samples, logs and command results), sends it
// commands, and pushes models to a selection of boards with per-board progress and outcome.
// Every payload is strictly decoded; what is malformed is counted and ignored.

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

#include "app/fleet/fleet_sequence.h"
#include "app/fleet/fleet_table_model.h"
#include "app/views/fleet_views.h"
#include "devices/fleet/fleet_payloads.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm::fleet {
class MqttClient;
} // namespace dlm::fleet

namespace dlm::app {

class FleetClient : public QObject {
  Q_OBJECT
public:
  /// \brief How long a `watch` asks the gateway to stream samples; renewed at half of it.
  static constexpr int kWatchSeconds = 30;
  /// \brief The filters every studio subscribes to: what a fleet view and a push need.
  static QStringList fleetSubscriptions();

  explicit FleetClient(QObject* parent = nullptr);
  ~FleetClient() override;

  FleetTableModel* table() const { return m_table.get(); }
  BrokerStatusView status() const { return m_status; }
  BrokerSettings settings() const { return m_settings; }
  bool isConnected() const;

  /// \brief Connect (and keep reconnecting) to the broker \p settings names. False, with
  /// \p error in words, when the settings cannot work (a TLS file missing...): nothing changes.
  /// A broker that is unreachable or refuses is not an error here: status() says so and the
  /// client keeps trying.
  bool connectToBroker(const BrokerSettings& settings, QString* error);
  /// \brief Disconnect; the table is kept (greyed by the view) until the next connection.
  void disconnectFromBroker();

  // --- One board, watched closely --------------------------------------------------------
  /// \brief Follow board \p key: its events, samples (asked for with `watch`), logs and
  /// command results. Replaces the board followed before.
  void watch(const QString& key);
  /// \brief Stop following (the samples stop by themselves when the last `watch` expires).
  void unwatch();
  QString watched() const { return m_watched; }

  /// \brief Send \p command (its id is set here) to board \p key; returns the id, or an
  /// empty string when it could not be queued (not connected).
  QString sendCommand(const QString& key, fleet::FleetCommand command);

  // --- Pushes ----------------------------------------------------------------------------
  /// \brief Push \p model to the boards \p keys (one ModelPush per gateway, QoS 1). Returns
  /// the push's id, or an empty string with \p error when nothing was sent.
  QString pushModel(const QStringList& keys, const QByteArray& model, QString* error);
  FleetPushSummary pushSummary() const;

  // --- What was wrong --------------------------------------------------------------------
  /// \brief Payloads rejected and ignored, all topics.
  quint64 malformed() const { return m_status.malformed; }
  /// \brief Of them, those on topics of \p kind.
  quint64 malformed(fleet::TopicKind kind) const { return m_malformedByKind.value(int(kind)); }
  /// \brief Events of the watched boards delivered twice (dropped) and missing (gaps).
  quint64 duplicateEvents() const { return m_sequence.duplicates(); }
  quint64 lostEvents() const { return m_sequence.lost(); }

signals:
  void statusChanged(const dlm::app::BrokerStatusView& status);
  /// \brief The watched board's identity, state, stats (also in the table).
  void identityReceived(const QString& key, const dlm::fleet::BoardIdentity& identity);
  void stateReceived(const QString& key, const dlm::fleet::BoardState& state);
  void statsReceived(const QString& key, const dlm::fleet::BoardStats& stats);
  /// \brief A gateway's status changed (its boards may have gone offline with it).
  void gatewayChanged(const QString& site, const QString& gateway);
  /// \brief An event of the watched board, each once (duplicates dropped).
  void eventReceived(const QString& key, const dlm::fleet::FleetEvent& event);
  /// \brief \p count events of the watched board never arrived (a gap in their numbers).
  void eventsLost(const QString& key, quint64 count);
  void samplesReceived(const QString& key, const dlm::fleet::SamplesPayload& samples);
  void logReceived(const QString& key, const dlm::fleet::LogLine& line);
  /// \brief The result of a command this studio sent.
  void commandFinished(const QString& key, const dlm::fleet::CommandResult& result);
  /// \brief Progress and outcome of this studio's pushes, per board.
  void pushProgressed(const QString& key, const dlm::fleet::PushProgress& progress);
  void pushFinished(const QString& key, const dlm::fleet::PushOutcome& outcome);
  void pushSummaryChanged(const dlm::app::FleetPushSummary& summary);

private:
  void onConnected();
  void onDisconnected(const QString& reason);
  void onMessage(const QString& topic, const QByteArray& payload);
  void dispatch(const fleet::Topic& topic, const QByteArray& payload);
  void dispatchBoard(const fleet::Topic& topic, const QString& key, const QByteArray& payload);
  void dispatchWatched(const fleet::Topic& topic, const QString& key, const QByteArray& payload);
  void onEvent(const QString& key, const fleet::FleetEvent& event);
  void onProgress(const fleet::Topic& topic, const QString& key, const fleet::PushProgress& p);
  void onOutcome(const fleet::Topic& topic, const QString& key, const fleet::PushOutcome& o);
  void onCommandResult(const QString& key, const fleet::CommandResult& result);
  void rejectPayload(const QString& topic, fleet::TopicKind kind, const QString& reason);
  void setStatus(BrokerStatusView::State state, const QString& message);
  QStringList watchedFilters() const;
  void renewWatch();
  QString newId(const QString& prefix);

  std::unique_ptr<FleetTableModel> m_table;
  std::unique_ptr<fleet::MqttClient> m_mqtt;
  BrokerSettings m_settings;
  BrokerStatusView m_status;
  QHash<int, quint64> m_malformedByKind; ///< TopicKind -> count
  FleetSequence m_sequence;
  QString m_watched;          ///< key of the board followed, or empty
  QTimer m_watchTimer;        ///< renews its `watch`
  QHash<QString, fleet::CommandOp> m_commands; ///< ids of commands awaiting their result
  // The studio's latest push: its id, and the boards it went to.
  QString m_pushId;
  quint32 m_pushModel = 0;
  QStringList m_pushKeys;
  quint64 m_idCounter = 0;
  QString m_instance; ///< random, names this studio's client, commands and pushes
};

} // namespace dlm::app
