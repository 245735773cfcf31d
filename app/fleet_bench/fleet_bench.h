#pragma once

// dlm-fleet-bench: a whole fleet on one machine, measured (docs/benchmarks.md, "Fleet"). A
// private mosquitto, gateways of virtual boards (real processes, the real serial protocol), a
// consumer; then events per second and end-to-end latency while every board streams, the time
// to push one model to every board, and the CPU each part used. A last phase measures the MQTT
// path alone (the bench publishes events itself, same codec and QoS, no boards): its ceiling.

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace dlm {
namespace fleetbench {

struct BenchOptions {
  int gateways = 5;
  int boardsPerGateway = 10;
  int seconds = 30;            ///< the streaming window
  double gestureRate = 600.0;  ///< spontaneous gestures per minute and board (the most)
  int tickMs = 10;             ///< the virtual boards' main loop (dlm-board --tick)
  int modelGestures = 40;      ///< gestures per class in the pushed model (its size)
  int floodSeconds = 10;       ///< 0: no MQTT-path phase
  QString gatewayExe;
  QString boardExe;
};

struct LatencySummary {
  int count = 0;
  double p50 = 0.0;
  double p99 = 0.0;
  double max = 0.0;
};

struct BenchResults {
  int boards = 0;
  double connectSeconds = 0.0;
  double windowSeconds = 0.0;
  quint64 events = 0;
  double eventsPerSecond = 0.0;
  LatencySummary latency;
  quint64 lost = 0;       ///< gaps in the sequence numbers at the end
  quint64 duplicates = 0;
  int modelBytes = 0;
  double pushSeconds = 0.0;       ///< publish to the last verified outcome
  double pushMedianBoardMs = 0.0; ///< the outcomes' durationMs, median
  int pushVerified = 0;
  double cpuGateways = 0.0; ///< share of one core over the window, all gateways
  double cpuBoards = 0.0;   ///< all virtual boards
  double cpuBroker = 0.0;
  double floodEventsPerSecond = 0.0;
  LatencySummary floodLatency;
  quint64 floodLost = 0;
  QString error; ///< non-empty: the run failed there
};

/// \brief Run the whole benchmark; progress lines go to stderr.
BenchResults runFleetBench(const BenchOptions& options);

/// \brief p50/p99/max of \p samples (sorted in place).
LatencySummary summarize(std::vector<double>& samples);

/// \brief The results as the Markdown rows docs/benchmarks.md shows.
QString formatResults(const BenchOptions& options, const BenchResults& results);

} // namespace fleetbench
} // namespace dlm
