#pragma once

// Internal to dlm-fleet-bench: the fleet it runs (a private broker, gateway processes of
// virtual boards, a consumer, a publisher that pushes as a studio would) and the CPU each
// part used.

#include <QProcess>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

#include "app/fleet_bench/broker_process.h"
#include "app/fleet_bench/fleet_bench.h"
#include "app/fleet_bench/fleet_recorder.h"
#include "devices/fleet/mqtt_client.h"

namespace dlm {
namespace fleetbench {

/// \brief Process events until \p done says so or \p timeoutMs passes; what \p done says last.
bool waitFor(const std::function<bool()>& done, int timeoutMs);

class BenchFleet {
public:
  enum class Part { Gateways, Boards, Broker };

  explicit BenchFleet(const BenchOptions& options);
  ~BenchFleet();

  bool start(QString* error);
  FleetRecorder& recorder() { return *m_recorder; }
  fleet::MqttClient& publisher() { return *m_publisher; }
  int brokerPort() const { return m_broker.port(); }
  /// \brief One ModelPush per gateway, naming all its boards.
  void pushToAll(const QString& pushId, const QByteArray& model);
  /// \brief CPU seconds (user + system) the part has used so far.
  double cpuSeconds(Part part) const;
  /// \brief SIGTERM every gateway and wait (their boards go with them).
  void stopGateways();

  static QString site() { return QStringLiteral("bench"); }
  static QString gatewayId(int i) { return QStringLiteral("g%1").arg(i); }

private:
  BenchOptions m_options;
  QTemporaryDir m_dir;
  BrokerProcess m_broker;
  std::unique_ptr<FleetRecorder> m_recorder;
  std::unique_ptr<fleet::MqttClient> m_publisher;
  std::vector<std::unique_ptr<QProcess>> m_gateways;
};

/// \brief The MQTT path alone: the bench publishes events itself (bench_flood.cpp).
void measureFlood(BenchFleet& fleet, const BenchOptions& options, BenchResults& out);

} // namespace fleetbench
} // namespace dlm
