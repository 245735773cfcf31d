#include <QSysInfo>
#include <QThread>

#include "app/fleet_bench/fleet_bench.h"

namespace dlm {
namespace fleetbench {

namespace {
QString ms(double v) { return QString::number(v, 'f', v < 10.0 ? 2 : 1); }
QString pct(double share) { return QString::number(100.0 * share, 'f', 1) + QStringLiteral(" %"); }
} // namespace

QString formatResults(const BenchOptions& o, const BenchResults& r) {
  QString t;
  t += QStringLiteral("Fleet: %1 gateways x %2 virtual boards (--gesture-rate %3 --tick %4), "
                      "%5, %6 cores\n\n")
           .arg(o.gateways).arg(o.boardsPerGateway).arg(o.gestureRate).arg(o.tickMs)
           .arg(QSysInfo::prettyProductName()).arg(QThread::idealThreadCount());
  t += QStringLiteral("| measure | value |\n|---|---|\n");
  t += QStringLiteral("| boards connected (start to all 'connected') | %1 in %2 s |\n")
           .arg(r.boards).arg(r.connectSeconds, 0, 'f', 1);
  t += QStringLiteral("| events through the broker, %1 s window | %2 (%3 events/s) |\n")
           .arg(r.windowSeconds, 0, 'f', 1).arg(r.events).arg(r.eventsPerSecond, 0, 'f', 1);
  t += QStringLiteral("| latency gateway -> consumer, p50 / p99 / max | %1 / %2 / %3 ms (%4 events) |\n")
           .arg(ms(r.latency.p50), ms(r.latency.p99), ms(r.latency.max)).arg(r.latency.count);
  t += QStringLiteral("| events lost / duplicated (whole run) | %1 / %2 |\n").arg(r.lost).arg(r.duplicates);
  t += QStringLiteral("| push one model (%1 bytes) to %2 boards, verified | %3 s to the last "
                      "outcome (median board %4 ms), %5 verified |\n")
           .arg(r.modelBytes).arg(r.boards).arg(r.pushSeconds, 0, 'f', 2)
           .arg(r.pushMedianBoardMs, 0, 'f', 0).arg(r.pushVerified);
  t += QStringLiteral("| CPU over the window (share of one core): gateways / boards / broker | "
                      "%1 / %2 / %3 |\n")
           .arg(pct(r.cpuGateways), pct(r.cpuBoards), pct(r.cpuBroker));
  if (o.floodSeconds > 0)
    t += QStringLiteral("| MQTT path alone (bench publishes, %1 connections, QoS 1) | %2 events/s, "
                        "p50 / p99 %3 / %4 ms, %5 lost |\n")
             .arg(o.gateways).arg(r.floodEventsPerSecond, 0, 'f', 0)
             .arg(ms(r.floodLatency.p50), ms(r.floodLatency.p99)).arg(r.floodLost);
  return t;
}

} // namespace fleetbench
} // namespace dlm
