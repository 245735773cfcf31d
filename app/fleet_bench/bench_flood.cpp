// dlm-fleet-bench, last phase: the MQTT path alone. The bench publishes events itself — the
// gateway's payload, codec and QoS 1, one connection per "gateway", as many in flight as a
// gateway allows — and the consumer decodes and checks them as before. No boards, no serial
// links: this is the ceiling of broker, client library and codec on this machine, which the
// boards' own rate (the streaming phase) stays far below.
#include <QElapsedTimer>

#include <memory>
#include <vector>

#include "app/fleet_bench/bench_fleet.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace fleetbench {

namespace {

constexpr int kInflight = 100; // as a gateway (Gateway::kInflightWindow)
constexpr int kDrainTimeoutMs = 60000;

struct Publisher {
  std::unique_ptr<fleet::MqttClient> client;
  QString gateway;
  int inflight = 0;
  std::vector<quint64> seq;
  int next = 0;
};

fleet::FleetEvent templateEvent(const QString& stream) {
  fleet::FleetEvent e;
  e.stream = stream;
  e.event.id = 1;
  e.event.frames = 640;
  e.event.predictedClass = 2;
  e.event.bestClass = 2;
  e.event.confidence = 0.93f;
  e.event.knownScore = 0.71f;
  for (int i = 0; i < 58; ++i) e.event.descriptor.append(0.0123f * static_cast<float>(i % 17) - 0.1f);
  return e;
}

void refill(Publisher& p, const fleet::FleetEvent& shape, const QElapsedTimer& clock, qint64 untilMs) {
  while (p.inflight < kInflight && clock.elapsed() < untilMs && p.client->isConnected()) {
    fleet::FleetEvent e = shape;
    const int b = p.next;
    p.next = (p.next + 1) % static_cast<int>(p.seq.size());
    e.board = QStringLiteral("v%1").arg(b, 2, 10, QLatin1Char('0'));
    e.seq = ++p.seq[static_cast<std::size_t>(b)];
    e.event.id = static_cast<quint32>(e.seq);
    e.t = fleet::nowMs();
    const QString topic = fleet::topicFor(BenchFleet::site(), p.gateway, fleet::TopicKind::Event, e.board);
    if (p.client->publish(topic, fleet::encode(e), 1, false) <= 0) break;
    ++p.inflight;
  }
}

} // namespace

void measureFlood(BenchFleet& fleet, const BenchOptions& o, BenchResults& out) {
  FleetRecorder& r = fleet.recorder();
  const fleet::FleetEvent shape = templateEvent(fleet::newStreamId());
  std::vector<Publisher> pubs(static_cast<std::size_t>(o.gateways));
  QElapsedTimer clock;
  const qint64 untilMs = qint64{o.floodSeconds} * 1000;
  for (int g = 0; g < o.gateways; ++g) {
    Publisher& p = pubs[static_cast<std::size_t>(g)];
    p.gateway = QStringLiteral("flood%1").arg(g);
    p.seq.assign(static_cast<std::size_t>(o.boardsPerGateway), 0);
    p.client = std::make_unique<fleet::MqttClient>();
    fleet::MqttOptions mo;
    mo.host = QStringLiteral("127.0.0.1");
    mo.port = fleet.brokerPort();
    mo.clientId = p.gateway;
    mo.maxInflight = kInflight;
    QString error;
    p.client->start(mo, &error);
    QObject::connect(p.client.get(), &fleet::MqttClient::published, p.client.get(), [&, g](int) {
      Publisher& me = pubs[static_cast<std::size_t>(g)];
      --me.inflight;
      refill(me, shape, clock, untilMs);
    });
  }
  waitFor([&] {
    for (const Publisher& p : pubs) if (!p.client->isConnected()) return false;
    return true;
  }, 30000);
  r.clearLatencies();
  const quint64 before = r.totalEvents();
  clock.start();
  for (Publisher& p : pubs) refill(p, shape, clock, untilMs);
  quint64 sent = 0;
  waitFor([&] { return clock.elapsed() >= untilMs; }, static_cast<int>(untilMs) + 1000);
  for (const Publisher& p : pubs) for (quint64 s : p.seq) sent += s;
  waitFor([&] { return r.totalEvents() - before >= sent; }, kDrainTimeoutMs);
  const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
  const quint64 received = r.totalEvents() - before;
  out.floodEventsPerSecond = static_cast<double>(received) / seconds;
  std::vector<double> latencies = r.latenciesMs();
  out.floodLatency = summarize(latencies);
  out.floodLost = sent - std::min(sent, received);
  for (Publisher& p : pubs) p.client->stop();
}

} // namespace fleetbench
} // namespace dlm
