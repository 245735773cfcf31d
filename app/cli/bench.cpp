// dlm bench: the public benchmark protocol (docs/benchmarks.md), kernel and peers in one run.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/baselines/knn.h"
#include "app/baselines/metrics.h"
#include "app/baselines/mlp.h"
#include "app/cli/args.h"
#include "app/cli/bench_report.h"
#include "app/cli/bench_scoring.h"
#include "app/cli/commands.h"
#include "app/cli/evaluation.h"
#include "app/cli/network_box.h"
#include "app/data/datasets.h"
#include "app/data/random.h"

namespace dlm::cli {

namespace {

constexpr std::uint64_t kSeed = 42;

struct Split {
  data::Dataset train;
  data::Dataset test;
};

std::string layersText(const Network& net) {
  std::string s;
  for (int l = 0; l < net.depth(); ++l) s += (l ? "+" : "") + std::to_string(net.neurons(l));
  return s;
}


double mlpAccuracy(const bench::Mlp& mlp, const data::Dataset& test) {
  std::vector<int> pred(static_cast<std::size_t>(test.rows));
  mlp.predictBatch(test.features.data(), test.rows, pred.data());
  return bench::accuracy(pred.data(), test.labels.data(), test.rows);
}

double closedSet(BenchReport& report, const Split& s, int repeats) {
  NetworkBox box;
  const double rebuild = rebuildTimed(box, s.train, repeats, 2048);
  const Evaluation e = evaluate(box, s.test);
  const Network& net = box.network();
  bench::Knn1 knn;
  knn.fit(s.train.features.data(), s.train.labels.data(), s.train.rows, s.train.dims);
  std::vector<int> pred(static_cast<std::size_t>(s.test.rows));
  std::vector<float> dist(pred.size());
  knn.predictBatch(s.test.features.data(), s.test.rows, pred.data(), dist.data());
  const double knnAcc = bench::accuracy(pred.data(), s.test.labels.data(), s.test.rows);
  bench::Mlp mlp(s.train.dims, 100, int(s.train.classNames.size()), kSeed);
  const double epoch = mlpTimed(mlp, s.train, 30, kSeed);
  const double mlpAcc = mlpAccuracy(mlp, s.test);
  const double kept = double(net.totalNeurons()) / s.train.rows;
  report.add("digits", "closed-set accuracy (50/50)", fmt("%.4f", e.accuracy),
             "kNN-1 " + fmt("%.4f", knnAcc) + ", MLP(30 ep) " + fmt("%.4f", mlpAcc), ">= 0.985");
  report.add("digits", "neurons kept / training events", fmt("%.1f%%", 100 * kept),
             "kNN-1 100%", "<= 30%");
  report.add("digits", "depth, neurons per layer", std::to_string(net.depth()) + ", " +
             layersText(net), "MLP 64-100-10", "found by construction");
  report.add("digits", "full rebuild (median)", fmt("%.2f ms", 1e3 * rebuild),
             "MLP epoch " + fmt("%.2f ms", 1e3 * epoch), "");
  report.add("digits", "rebuild / one backprop epoch", fmt("%.2f", rebuild / epoch), "",
             "<= 1 (aim 0.1)");
  report.add("digits", "time to the accuracy above", fmt("%.1f ms", 1e3 * rebuild),
             "MLP 30 epochs " + fmt("%.1f ms", 30e3 * epoch), "");
  report.add("digits", "predict per event", fmt("%.1f us", 1e6 * e.predictSecondsPerRow), "", "");
  report.add("digits", "model bytes", std::to_string(box.bytes().size()), "", "");
  report.value("digits_accuracy", e.accuracy);
  report.value("digits_knn1_accuracy", knnAcc);
  report.value("digits_mlp_accuracy", mlpAcc);
  report.value("digits_neurons_fraction", kept);
  report.value("digits_depth", net.depth());
  report.value("digits_rebuild_seconds", rebuild);
  report.value("digits_mlp_epoch_seconds", epoch);
  report.value("digits_rebuild_epoch_ratio", rebuild / epoch);
  report.value("digits_predict_seconds", e.predictSecondsPerRow);
  return e.accuracy;
}

data::Dataset knownOnly(const data::Dataset& d, int classes) {
  std::vector<int> keep;
  for (int i = 0; i < d.rows; ++i) {
    if (d.labels[std::size_t(i)] < classes) keep.push_back(i);
  }
  data::Dataset out = d.subset(keep);
  out.classNames.resize(std::size_t(classes));
  return out;
}

void openSet(BenchReport& report, const Split& s) {
  const data::Dataset train = knownOnly(s.train, 6);
  NetworkBox box;
  rebuildTimed(box, train, 1, 2048);
  const Evaluation e = evaluate(box, s.test);
  bench::Knn1 knn;
  knn.fit(train.features.data(), train.labels.data(), train.rows, train.dims);
  std::vector<double> knnKnown, knnUnknown, mlpKnown, mlpUnknown;
  bench::Mlp mlp(train.dims, 100, 6, kSeed);
  mlpTimed(mlp, train, 30, kSeed);
  for (int i = 0; i < s.test.rows; ++i) {
    float d2 = 0.0f;
    float soft = 0.0f;
    knn.predict(s.test.row(i), &d2);
    mlp.predict(s.test.row(i), &soft);
    const bool known = s.test.labels[std::size_t(i)] < 6;
    (known ? knnKnown : knnUnknown).push_back(-double(d2));
    (known ? mlpKnown : mlpUnknown).push_back(double(soft));
  }
  const double knnAuroc = bench::auroc(knnKnown, knnUnknown);
  const double mlpAuroc = bench::auroc(mlpKnown, mlpUnknown);
  report.add("digits open set", "AUROC known-set score (0-5 known)", fmt("%.4f", e.auroc),
             "kNN-1 dist " + fmt("%.4f", knnAuroc) + ", MLP softmax " + fmt("%.4f", mlpAuroc),
             ">= 0.99");
  report.add("digits open set", "FPR at 95% TPR", fmt("%.4f", e.fprAt95Tpr),
             "kNN-1 " + fmt("%.4f", bench::fprAtTpr(knnKnown, knnUnknown, 0.95)), "");
  report.add("digits open set", "open-set accuracy (default threshold)",
             fmt("%.4f", e.openSetAccuracy), "", "");
  report.add("digits open set", "rejected, of all test rows", fmt("%.1f%%", 100 * e.rejectedFraction),
             "", "");
  report.value("openset_auroc", e.auroc);
  report.value("openset_fpr95", e.fprAt95Tpr);
  report.value("openset_accuracy", e.openSetAccuracy);
  report.value("openset_knn1_auroc", knnAuroc);
  report.value("openset_mlp_auroc", mlpAuroc);
}

} // namespace

void streaming(BenchReport& report, const data::Dataset& train, const data::Dataset& test,
               const data::Dataset& all, double rebuildAccuracy);

void benchDigits(BenchReport& report, int repeats) {
  data::Dataset all;
  std::string error;
  if (!data::loadDigits(all, error)) {
    report.note("digits skipped: " + error);
    return;
  }
  std::vector<int> train, test;
  data::stratifiedSplit(all.labels, 0.5, kSeed, train, test);
  const Split s{all.subset(train), all.subset(test)};
  const double rebuildAccuracy = closedSet(report, s, repeats);
  openSet(report, s);
  streaming(report, s.train, s.test, all, rebuildAccuracy);
}

} // namespace dlm::cli
