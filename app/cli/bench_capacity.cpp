// The capacity curve (issue 11, item 4): Fashion-MNIST's full rebuild at 512 ... 8 192
// neurons per layer, its accuracy on the official test set and its time, so the trade-off a
// user picks with --max-neurons can be seen.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/cli/bench_protocols.h"
#include "app/cli/evaluation.h"
#include "app/cli/network_box.h"
#include "app/data/datasets.h"

namespace dlm::cli {

namespace {

constexpr int kCapacities[] = {512, 1024, 2048, 3072, 4096, 6144, 8192};

struct CapacityPoint {
  int capacity = 0;
  double accuracy = 0.0;
  double rebuildSeconds = 0.0;
  int neurons = 0;
  int depth = 0;
};

bool writeCsv(const std::string& path, const std::vector<CapacityPoint>& points) {
  std::ofstream out(path, std::ios::trunc);
  out << "max_neurons,accuracy,rebuild_seconds,neurons,depth\n";
  for (const CapacityPoint& p : points) {
    char line[128];
    std::snprintf(line, sizeof line, "%d,%.4f,%.3f,%d,%d\n", p.capacity, p.accuracy,
                  p.rebuildSeconds, p.neurons, p.depth);
    out << line;
  }
  return static_cast<bool>(out);
}

} // namespace

void benchCapacity(BenchReport& report, const std::string& csvPath) {
  data::Dataset train, test;
  std::string error;
  if (!data::loadFashionMnist(train, test, error)) {
    report.note("capacity curve skipped: " + error);
    return;
  }
  std::vector<CapacityPoint> points;
  for (int capacity : kCapacities) {
    NetworkBox box;
    CapacityPoint p;
    p.capacity = capacity;
    p.rebuildSeconds = rebuildTimed(box, train, 1, capacity);
    if (std::isnan(p.rebuildSeconds)) {
      report.note("capacity curve stopped at " + std::to_string(capacity) + " neurons");
      break;
    }
    p.accuracy = evaluate(box, test).accuracy;
    p.neurons = box.network().totalNeurons();
    p.depth = box.network().depth();
    points.push_back(p);
    std::printf("capacity: %5d neurons per layer: accuracy %.4f, rebuild %.1f s (%d neurons, "
                "depth %d)\n",
                capacity, p.accuracy, p.rebuildSeconds, p.neurons, p.depth);
    std::fflush(stdout);
    char figures[64];
    std::snprintf(figures, sizeof figures, "%.4f in %.1f s", p.accuracy, p.rebuildSeconds);
    report.add("fashion-mnist capacity", std::to_string(capacity) + " neurons: accuracy, rebuild",
               figures, std::to_string(p.neurons) + " neurons, depth " + std::to_string(p.depth),
               ">= 0.88 in <= 30 s");
  }
  if (!csvPath.empty() && !writeCsv(csvPath, points)) report.note("cannot write " + csvPath);
}

} // namespace dlm::cli
