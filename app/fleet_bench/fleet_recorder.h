#pragma once

// A fleet consumer for the scale test and the benchmark: subscribes to a site's topics, decodes
// every payload strictly (counting what does not decode), and keeps what they need to check —
// per board the event sequence numbers of every gateway stream (loss, duplicates), the
// end-to-end latency of each event, identities, states, push progress and outcomes; per gateway
// its status and statistics.

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <vector>

#include "devices/fleet/fleet_payloads.h"
#include "devices/fleet/mqtt_client.h"

namespace dlm {
namespace fleetbench {

/// \brief What one board's event stream looked like within one gateway stream.
struct StreamRecord {
  QSet<quint64> seqs;
  quint64 maxSeq = 0;
  quint64 duplicates = 0;
  /// \brief Every number from 1 to maxSeq arrived.
  bool contiguous() const { return static_cast<quint64>(seqs.size()) == maxSeq; }
};

/// \brief Everything recorded about one board ("gateway/board").
struct BoardRecord {
  QHash<QString, StreamRecord> streams; ///< by gateway stream
  QList<fleet::BoardIdentity> identities; ///< in arrival order
  fleet::BoardState state;
  bool hasState = false;
  QList<fleet::PushOutcome> outcomes;
  fleet::PushProgress progress;
  bool hasProgress = false;
  quint64 events = 0;
  double lastEventArrivalMs = 0.0;
  QList<fleet::CommandResult> results;
};

class FleetRecorder : public QObject {
  Q_OBJECT
public:
  explicit FleetRecorder(QObject* parent = nullptr);

  /// \brief Connect (persistent session \p clientId) and subscribe to dlm/v1/\p site/#.
  bool start(const QString& host, int port, const QString& clientId, const QString& site,
             QString* error);
  void stop() { m_client.stop(); }
  fleet::MqttClient& client() { return m_client; }

  const QHash<QString, BoardRecord>& boards() const { return m_boards; }
  const BoardRecord* board(const QString& gateway, const QString& board) const;
  const QHash<QString, fleet::GatewayStatus>& gatewayStatus() const { return m_gateways; }
  const QHash<QString, fleet::GatewayStats>& gatewayStats() const { return m_stats; }
  /// \brief Latency of every event (receipt here minus the gateway's `t`), in ms.
  const std::vector<double>& latenciesMs() const { return m_latencies; }
  void clearLatencies() { m_latencies.clear(); }
  quint64 totalEvents() const { return m_totalEvents; }
  quint64 undecodable() const { return m_undecodable; }
  QString lastUndecodable() const { return m_lastUndecodable; }

  /// \brief Boards whose last outcome for \p push is \p result with identity \p crc.
  int countOutcomes(const QString& push, fleet::PushResult result, quint32 crc) const;
  /// \brief Boards whose last identity reports model \p crc.
  int countIdentities(quint32 crc) const;
  /// \brief Boards currently connected (retained status).
  int countConnected() const;

signals:
  void eventRecorded(const QString& key, const fleet::FleetEvent& event);
  void progressRecorded(const QString& key, const fleet::PushProgress& progress);

private:
  void onMessage(const QString& topic, const QByteArray& payload, bool retained);
  void onEvent(const QString& key, const QByteArray& payload, double arrivalMs);
  bool undecodable(const QString& topic, const QString& why);

  fleet::MqttClient m_client;
  QString m_site;
  QHash<QString, BoardRecord> m_boards;
  QHash<QString, fleet::GatewayStatus> m_gateways;
  QHash<QString, fleet::GatewayStats> m_stats;
  std::vector<double> m_latencies;
  quint64 m_totalEvents = 0;
  quint64 m_undecodable = 0;
  QString m_lastUndecodable;
};

} // namespace fleetbench
} // namespace dlm
