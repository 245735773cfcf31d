#include "app/cli/bench_scoring.h"

#include <cmath>
#include <limits>

#include "app/bench/knn.h"
#include "app/bench/metrics.h"

namespace dlm::cli {

bool BenchOptions::wants(const std::string& name, bool byDefault) const {
  return datasets.empty() ? byDefault : datasets.count(name) != 0 || datasets.count("all") != 0;
}

std::vector<std::uint8_t> byteLabels(const data::Dataset& d) {
  std::vector<std::uint8_t> out(d.labels.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>(d.labels[i]);
  return out;
}

double rebuildTimed(NetworkBox& box, const data::Dataset& train, int repeats, int maxNeurons) {
  std::string error;
  box.create(learningCapacity(train.rows, train.dims, int(train.classNames.size()), maxNeurons),
             train.dims, error);
  box.classNames() = train.classNames;
  const std::vector<std::uint8_t> labels = byteLabels(train);
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const double t0 = bench::nowSeconds();
    box.network().rebuild(train.features.data(), labels.data(), std::uint32_t(train.rows));
    times.push_back(bench::nowSeconds() - t0);
  }
  return bench::summarize(times).median;
}

void OpenSetScores::add(int truth, int predictedClass, double score) {
  if (std::isnan(score)) {
    ++nonFinite;
    score = -std::numeric_limits<double>::infinity();
  }
  if (truth < 0) {
    unknown.push_back(score);
    return;
  }
  known.push_back(score);
  hits += predictedClass == truth ? 1 : 0;
}

double OpenSetScores::accuracy() const {
  return known.empty() ? std::numeric_limits<double>::quiet_NaN() : double(hits) / double(known.size());
}

double OpenSetScores::auroc() const { return bench::auroc(known, unknown); }

double OpenSetScores::fpr95() const { return bench::fprAtTpr(known, unknown, 0.95); }

OpenSetScores scoreRows(const data::Dataset& test,
                        const std::function<void(const float*, int&, double&)>& predict) {
  OpenSetScores s;
  for (int i = 0; i < test.rows; ++i) {
    int best = -1;
    double score = 0.0;
    predict(test.row(i), best, score);
    s.add(test.labels[std::size_t(i)], best, score);
  }
  return s;
}

OpenSetScores kernelScores(Network& network, const data::Dataset& test) {
  return scoreRows(test, [&network](const float* x, int& best, double& score) {
    Prediction p;
    if (network.predict(x, p) != Status::Ok) {
      best = -1;
      score = std::numeric_limits<double>::quiet_NaN();
      return;
    }
    best = p.bestClass;
    score = p.knownScore;
  });
}

OpenSetScores knnScores(const data::Dataset& train, const data::Dataset& test) {
  bench::Knn1 knn;
  knn.fit(train.features.data(), train.labels.data(), train.rows, train.dims);
  std::vector<int> pred(static_cast<std::size_t>(test.rows));
  std::vector<float> dist(pred.size());
  if (test.rows > 0) knn.predictBatch(test.features.data(), test.rows, pred.data(), dist.data());
  OpenSetScores s;
  for (std::size_t i = 0; i < pred.size(); ++i) {
    // Minus the distance: nearer to a training event = more known (sqrt keeps the order).
    s.add(test.labels[i], pred[i], -std::sqrt(double(dist[i])));
  }
  return s;
}

} // namespace dlm::cli
