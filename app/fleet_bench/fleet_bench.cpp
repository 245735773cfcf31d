#include "app/fleet_bench/fleet_bench.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <unistd.h>

#include "app/fleet_bench/bench_fleet.h"
#include "app/fleet_bench/fleet_recorder.h"
#include "app/fleet_bench/gesture_model.h"
#include "devices/fleet/fleet_codec.h"
#include "devices/fleet/fleet_topics.h"

namespace dlm {
namespace fleetbench {

namespace {

constexpr int kConnectTimeoutMs = 120000;
constexpr int kPushTimeoutMs = 300000;
constexpr int kWarmUpMs = 5000;

void note(const QString& text) { std::fprintf(stderr, "dlm-fleet-bench: %s\n", qPrintable(text)); }

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())) - 1);
  return sorted[std::min(i, sorted.size() - 1)];
}

// Gaps and duplicates over every board and stream.
void countLoss(const FleetRecorder& r, quint64& lost, quint64& duplicates) {
  lost = 0;
  duplicates = 0;
  for (const BoardRecord& b : r.boards())
    for (const StreamRecord& s : b.streams) {
      lost += s.maxSeq - static_cast<quint64>(s.seqs.size());
      duplicates += s.duplicates;
    }
}

bool measureStreaming(BenchFleet& fleet, const BenchOptions& o, BenchResults& out) {
  FleetRecorder& r = fleet.recorder();
  waitFor([] { return false; }, kWarmUpMs); // every board streaming for a while first
  const double cpuBefore[3] = {fleet.cpuSeconds(BenchFleet::Part::Gateways),
                               fleet.cpuSeconds(BenchFleet::Part::Boards),
                               fleet.cpuSeconds(BenchFleet::Part::Broker)};
  r.clearLatencies();
  const quint64 before = r.totalEvents();
  QElapsedTimer window;
  window.start();
  waitFor([] { return false; }, o.seconds * 1000);
  out.windowSeconds = static_cast<double>(window.elapsed()) / 1000.0;
  out.events = r.totalEvents() - before;
  out.eventsPerSecond = static_cast<double>(out.events) / out.windowSeconds;
  std::vector<double> latencies = r.latenciesMs();
  out.latency = summarize(latencies);
  out.cpuGateways = (fleet.cpuSeconds(BenchFleet::Part::Gateways) - cpuBefore[0]) / out.windowSeconds;
  out.cpuBoards = (fleet.cpuSeconds(BenchFleet::Part::Boards) - cpuBefore[1]) / out.windowSeconds;
  out.cpuBroker = (fleet.cpuSeconds(BenchFleet::Part::Broker) - cpuBefore[2]) / out.windowSeconds;
  note(QStringLiteral("%1 events in %2 s").arg(out.events).arg(out.windowSeconds));
  return true;
}

bool measurePush(BenchFleet& fleet, const BenchOptions& o, BenchResults& out) {
  QString error;
  const QByteArray model = gestureModel(4242, o.modelGestures, 250, &error);
  if (model.isEmpty()) {
    out.error = error;
    return false;
  }
  out.modelBytes = static_cast<int>(model.size());
  const quint32 crc = link::modelIdentity(model);
  const QString pushId = QStringLiteral("bench-push");
  QElapsedTimer clock;
  clock.start();
  fleet.pushToAll(pushId, model);
  FleetRecorder& r = fleet.recorder();
  const bool done = waitFor(
      [&] { return r.countOutcomes(pushId, fleet::PushResult::Verified, crc) == out.boards; },
      kPushTimeoutMs);
  out.pushSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
  out.pushVerified = r.countOutcomes(pushId, fleet::PushResult::Verified, crc);
  std::vector<double> perBoard;
  for (const BoardRecord& b : r.boards())
    for (const fleet::PushOutcome& po : b.outcomes)
      if (po.push == pushId) perBoard.push_back(po.durationMs);
  std::sort(perBoard.begin(), perBoard.end());
  out.pushMedianBoardMs = percentile(perBoard, 0.5);
  if (!done) out.error = QStringLiteral("only %1 of %2 boards verified the model")
                             .arg(out.pushVerified).arg(out.boards);
  note(QStringLiteral("model of %1 bytes on %2 boards in %3 s")
           .arg(model.size()).arg(out.pushVerified).arg(out.pushSeconds));
  return done;
}

} // namespace

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
  QDeadlineTimer deadline(timeoutMs);
  while (!deadline.hasExpired()) {
    if (done()) return true;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    usleep(2000);
  }
  return done();
}

LatencySummary summarize(std::vector<double>& samples) {
  LatencySummary s;
  std::sort(samples.begin(), samples.end());
  s.count = static_cast<int>(samples.size());
  s.p50 = percentile(samples, 0.5);
  s.p99 = percentile(samples, 0.99);
  s.max = samples.empty() ? 0.0 : samples.back();
  return s;
}

BenchResults runFleetBench(const BenchOptions& o) {
  BenchResults out;
  out.boards = o.gateways * o.boardsPerGateway;
  BenchFleet fleet(o);
  QElapsedTimer clock;
  clock.start();
  if (!fleet.start(&out.error)) return out;
  note(QStringLiteral("waiting for %1 boards").arg(out.boards));
  if (!waitFor([&] { return fleet.recorder().countConnected() == out.boards; }, kConnectTimeoutMs)) {
    out.error = QStringLiteral("%1 of %2 boards connected")
                    .arg(fleet.recorder().countConnected()).arg(out.boards);
    return out;
  }
  out.connectSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
  if (!measureStreaming(fleet, o, out) || !measurePush(fleet, o, out)) return out;
  countLoss(fleet.recorder(), out.lost, out.duplicates);
  fleet.stopGateways();
  if (o.floodSeconds > 0) measureFlood(fleet, o, out);
  return out;
}

} // namespace fleetbench
} // namespace dlm
