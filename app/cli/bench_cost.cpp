// The cost curve (issue 11, item 6): one full rebuild against one epoch of backpropagation of
// the in-project MLP (inputs-100-10), on growing prefixes of a seeded shuffle of the
// Fashion-MNIST training set, so the growth of each cost can be seen, not only one point.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/baselines/metrics.h"
#include "app/baselines/mlp.h"
#include "app/cli/bench_protocols.h"
#include "app/cli/network_box.h"
#include "app/data/datasets.h"
#include "app/data/random.h"

namespace dlm::cli {

namespace {

constexpr int kSizes[] = {100, 300, 1000, 3000, 10000, 30000, 60000};

struct CostPoint {
  int events = 0;
  double rebuildSeconds = 0.0;
  double epochSeconds = 0.0;
  int neurons = 0;
  int depth = 0;
  double ratio() const { return rebuildSeconds / epochSeconds; }
};

// Small sizes are timed several times (median); a 60 000-event rebuild once.
int repeatsFor(int events) { return events <= 3000 ? 5 : (events <= 10000 ? 2 : 1); }

bool writeCsv(const std::string& path, const std::vector<CostPoint>& points) {
  std::ofstream out(path, std::ios::trunc);
  out << "events,rebuild_seconds,mlp_epoch_seconds,ratio,neurons,depth\n";
  for (const CostPoint& p : points) {
    char line[160];
    std::snprintf(line, sizeof line, "%d,%.6f,%.6f,%.3f,%d,%d\n", p.events, p.rebuildSeconds,
                  p.epochSeconds, p.ratio(), p.neurons, p.depth);
    out << line;
  }
  return static_cast<bool>(out);
}

} // namespace

void benchCost(BenchReport& report, const BenchOptions& o, const std::string& csvPath) {
  data::Dataset train, test;
  std::string error;
  if (!data::loadFashionMnist(train, test, error)) {
    report.note("cost curve skipped: " + error);
    return;
  }
  std::vector<int> order(std::size_t(train.rows));
  for (int i = 0; i < train.rows; ++i) order[std::size_t(i)] = i;
  data::Rng rng(o.seed);
  data::shuffle(order, rng);
  std::vector<CostPoint> points;
  for (int size : kSizes) {
    if (size > train.rows) break;
    const data::Dataset part =
        train.subset(std::vector<int>(order.begin(), order.begin() + size));
    NetworkBox box;
    CostPoint p;
    p.events = size;
    p.rebuildSeconds = rebuildTimed(box, part, repeatsFor(size), o.maxNeurons);
    if (std::isnan(p.rebuildSeconds)) {
      report.note("cost curve stopped at " + std::to_string(size) + " events: rebuild failed");
      break;
    }
    bench::Mlp mlp(part.dims, 100, int(part.classNames.size()), o.seed);
    p.epochSeconds = mlpTimed(mlp, part, repeatsFor(size), o.seed);
    p.neurons = box.network().totalNeurons();
    p.depth = box.network().depth();
    points.push_back(p);
    std::printf("cost: %6d events: rebuild %.4f s (%d neurons, depth %d), MLP epoch %.4f s, "
                "ratio %.2f\n",
                p.events, p.rebuildSeconds, p.neurons, p.depth, p.epochSeconds, p.ratio());
    std::fflush(stdout);
    const std::string n = std::to_string(size);
    char cost[96];
    std::snprintf(cost, sizeof cost, "%.3f s / %.3f s = %.2f", p.rebuildSeconds, p.epochSeconds,
                  p.ratio());
    report.add("cost", n + " events: rebuild / MLP epoch", cost,
               std::to_string(p.neurons) + " neurons, depth " + std::to_string(p.depth), "<= 1");
    report.value("cost_rebuild_seconds_" + n, p.rebuildSeconds);
    report.value("cost_mlp_epoch_seconds_" + n, p.epochSeconds);
  }
  if (!csvPath.empty() && !writeCsv(csvPath, points)) report.note("cannot write " + csvPath);
}

} // namespace dlm::cli
