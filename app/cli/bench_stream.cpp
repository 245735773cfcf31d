// dlm bench, continued: streaming, incremental cost and closed-set Fashion-MNIST.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/baselines/knn.h"
#include "app/baselines/metrics.h"
#include "app/baselines/mlp.h"
#include "app/cli/bench_report.h"
#include "app/cli/bench_protocols.h"
#include "app/cli/evaluation.h"
#include "app/cli/network_box.h"
#include "app/data/datasets.h"
#include "app/data/random.h"

namespace dlm::cli {

namespace {

struct Stream {
  double prequential = 0.0;
  std::vector<double> learnSeconds;
  std::string curve;
};

/// Predict then learn each event of \p d in order, on a network sized for \p capacityEvents.
Stream predictThenLearn(NetworkBox& box, const data::Dataset& d, int from, int to) {
  Stream out;
  int right = 0;
  Prediction p;
  for (int i = from; i < to; ++i) {
    box.network().predict(d.row(i), p, box.network().scratch());
    right += p.bestClass == d.labels[std::size_t(i)] ? 1 : 0;
    const double t0 = bench::nowSeconds();
    box.network().learn(d.row(i), d.labels[std::size_t(i)]);
    out.learnSeconds.push_back(bench::nowSeconds() - t0);
    const int seen = i - from + 1;
    if (seen % ((to - from) / 5 > 0 ? (to - from) / 5 : 1) == 0) {
      out.curve += (out.curve.empty() ? "" : " ") + fmt("%.3f", double(right) / seen);
    }
  }
  out.prequential = to > from ? double(right) / (to - from) : 0.0;
  return out;
}

void incrementalCost(BenchReport& report, const data::Dataset& all) {
  std::vector<int> order(static_cast<std::size_t>(all.rows));
  for (int i = 0; i < all.rows; ++i) order[std::size_t(i)] = i;
  data::Rng rng(7);
  data::shuffle(order, rng);
  const data::Dataset d = all.subset(order);
  for (const bool auto_ : {false, true}) {
    NetworkBox box;
    std::string error;
    box.create(learningCapacity(d.rows, d.dims, 10, 2048), d.dims, error);
    predictThenLearn(box, d, 0, 1000);
    box.network().setAutoRebuild(auto_ ? 0.1f : 0.0f);
    const Stream s = predictThenLearn(box, d, 1000, 1200);
    const bench::TimingStats t = bench::summarize(s.learnSeconds);
    report.add("digits", std::string("learn one event at 1000 known") +
               (auto_ ? " (auto rebuild)" : " (incremental only)"),
               "median " + fmt("%.0f us", 1e6 * t.median) + ", p99 " + fmt("%.0f us", 1e6 * t.p99) +
                   ", max " + fmt("%.1f ms", 1e3 * t.max),
               "", "median <= 200 us");
    report.value(auto_ ? "learn_auto_median_seconds" : "learn_median_seconds", t.median);
    report.value(auto_ ? "learn_auto_p99_seconds" : "learn_p99_seconds", t.p99);
  }
}

} // namespace

void streaming(BenchReport& report, const data::Dataset& train, const data::Dataset& test,
               const data::Dataset& all, double rebuildAccuracy) {
  NetworkBox box;
  std::string error;
  box.create(learningCapacity(train.rows, train.dims, int(train.classNames.size()), 2048),
             train.dims, error);
  box.classNames() = train.classNames;
  const Stream s = predictThenLearn(box, train, 0, train.rows);
  const Evaluation e = evaluate(box, test);
  report.add("digits stream", "prequential accuracy (one pass)", fmt("%.4f", s.prequential),
             "curve " + s.curve, "");
  report.add("digits stream", "final test accuracy vs full rebuild", fmt("%.4f", e.accuracy),
             "rebuild " + fmt("%.4f", rebuildAccuracy), "within 0.01");
  report.value("stream_prequential", s.prequential);
  report.value("stream_final_accuracy", e.accuracy);
  incrementalCost(report, all);
}

void benchFashion(BenchReport& report, int maxNeurons) {
  data::Dataset train, test;
  std::string error;
  if (!data::loadFashionMnist(train, test, error)) {
    report.note("fashion-mnist skipped: " + error);
    return;
  }
  NetworkBox box;
  if (!box.create(learningCapacity(train.rows, train.dims, 10, maxNeurons), train.dims, error)) {
    report.note("fashion-mnist not run: " + error);
    return;
  }
  box.classNames() = train.classNames;
  std::vector<std::uint8_t> labels(train.labels.begin(), train.labels.end());
  watchRebuild(box.network());
  const double t0 = bench::nowSeconds();
  const Status s =
      box.network().rebuild(train.features.data(), labels.data(), std::uint32_t(train.rows));
  const double rebuild = bench::nowSeconds() - t0;
  printProfileIfAsked(box.network(), train);
  if (s != Status::Ok) {
    report.note(std::string("fashion-mnist rebuild failed: ") + statusText(s));
    return;
  }
  const Evaluation e = evaluate(box, test);
  bench::Knn1 knn;
  knn.fit(train.features.data(), train.labels.data(), train.rows, train.dims);
  std::vector<int> pred(static_cast<std::size_t>(test.rows));
  std::vector<float> dist(pred.size());
  knn.predictBatch(test.features.data(), test.rows, pred.data(), dist.data());
  const double knnAcc = bench::accuracy(pred.data(), test.labels.data(), test.rows);
  bench::Mlp mlp(train.dims, 100, 10, 42);
  const double e0 = bench::nowSeconds();
  mlp.trainEpoch(train.features.data(), train.labels.data(), train.rows, 42);
  const double epoch = bench::nowSeconds() - e0;
  std::string layers;
  for (int l = 0; l < box.network().depth(); ++l) {
    layers += (l ? "+" : "") + std::to_string(box.network().neurons(l));
  }
  report.add("fashion-mnist", "accuracy (60k/10k)", fmt("%.4f", e.accuracy),
             "kNN-1 " + fmt("%.4f", knnAcc), ">= 0.87");
  report.add("fashion-mnist", "full rebuild", fmt("%.1f s", rebuild),
             "MLP 784-100-10 epoch " + fmt("%.2f s", epoch), "<= 120 s");
  report.add("fashion-mnist", "depth, neurons per layer",
             std::to_string(box.network().depth()) + ", " + layers, "", "");
  report.value("fashion_accuracy", e.accuracy);
  report.value("fashion_knn1_accuracy", knnAcc);
  report.value("fashion_rebuild_seconds", rebuild);
  report.value("fashion_mlp_epoch_seconds", epoch);
}

} // namespace dlm::cli
