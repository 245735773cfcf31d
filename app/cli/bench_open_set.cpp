// dlm bench --protocol open-set: the known-set score against kNN-1 distance over many random
// open-set splits per data set, all drawn from one printed seed (docs/benchmarks.md).
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "app/baselines/metrics.h"
#include "app/cli/bench_protocols.h"
#include "app/cli/bench_report.h"
#include "app/cli/bench_scoring.h"
#include "app/cli/bench_splits.h"
#include "app/data/datasets.h"
#include "app/data/gestures.h"
#include "app/data/standardize.h"

namespace dlm::cli {

namespace {

constexpr int kDigitsKnown = 6;
constexpr int kFashionKnown = 6;
constexpr int kFashionTrainRows = 20000;
constexpr int kGesturesPerClass = 40;

struct SplitResult {
  double auroc = 0.0;
  double fpr95 = 0.0;
  double accuracy = 0.0;
  double knnAuroc = 0.0;
  double knnFpr95 = 0.0;
  double knnAccuracy = 0.0;
  double rejectedUnknown = 0.0;  ///< at the model's default threshold
  double rejectedKnown = 0.0;
  int nonFinite = 0;
};

SplitResult runSplit(const OpenSetData& d, int maxNeurons) {
  NetworkBox box;
  rebuildTimed(box, d.train, 1, maxNeurons);
  const OpenSetScores kernel = kernelScores(box.network(), d.test);
  const OpenSetScores knn = knnScores(d.train, d.test);
  return {kernel.auroc(),
          kernel.fpr95(),
          kernel.accuracy(),
          knn.auroc(),
          knn.fpr95(),
          knn.accuracy(),
          kernel.rejectedUnknownShare(),
          kernel.rejectedKnownShare(),
          kernel.nonFinite};
}

double meanOf(const std::vector<SplitResult>& r, double SplitResult::*field) {
  double sum = 0.0;
  for (const SplitResult& s : r) sum += s.*field;
  return r.empty() ? 0.0 : sum / double(r.size());
}

double worstOf(const std::vector<SplitResult>& r, double SplitResult::*field) {
  double worst = 1.0;
  for (const SplitResult& s : r) worst = std::min(worst, s.*field);
  return worst;
}

/// One data set's protocol: its name, what a split is, and how to make split i.
struct OpenSetCase {
  std::string name;  ///< table name, e.g. "wine"
  std::string key;   ///< JSON key part, e.g. "wine"
  std::string what;  ///< one line: what is known and how rows are split
  std::string aurocTarget;
  int splits = 0;
  std::function<OpenSetData(int)> split;
};

void reportCase(BenchReport& report, const OpenSetCase& c, const std::vector<SplitResult>& r,
                std::uint64_t seed, double seconds) {
  const std::string table = c.name + " open set";
  const std::string k = "open_set_" + c.key + "_";
  const double auroc = meanOf(r, &SplitResult::auroc);
  const double worst = worstOf(r, &SplitResult::auroc);
  const double knnAuroc = meanOf(r, &SplitResult::knnAuroc);
  const double knnWorst = worstOf(r, &SplitResult::knnAuroc);
  report.add(table, "splits: " + c.what,
             std::to_string(r.size()) + ", seed " + std::to_string(seed), "", "");
  report.add(table, "AUROC known-set score, mean (worst)",
             fmt("%.4f", auroc) + " (" + fmt("%.4f", worst) + ")",
             "kNN-1 dist " + fmt("%.4f", knnAuroc) + " (" + fmt("%.4f", knnWorst) + ")",
             c.aurocTarget);
  report.add(table, "FPR at 95% TPR, mean", fmt("%.4f", meanOf(r, &SplitResult::fpr95)),
             "kNN-1 " + fmt("%.4f", meanOf(r, &SplitResult::knnFpr95)), "");
  report.add(table, "closed-set accuracy on known test rows, mean",
             fmt("%.4f", meanOf(r, &SplitResult::accuracy)),
             "kNN-1 " + fmt("%.4f", meanOf(r, &SplitResult::knnAccuracy)), "");
  report.add(table, "rejected at the default threshold: unknown / known rows, mean",
             fmt("%.3f", meanOf(r, &SplitResult::rejectedUnknown)) + " / " +
                 fmt("%.3f", meanOf(r, &SplitResult::rejectedKnown)),
             "", "");
  report.add(table, "time, all splits (rebuild, predict, kNN-1)", fmt("%.1f s", seconds), "", "");
  report.value(k + "splits", double(r.size()));
  report.text(k + "seed", std::to_string(seed));
  report.value(k + "auroc_mean", auroc);
  report.value(k + "auroc_worst", worst);
  report.value(k + "fpr95_mean", meanOf(r, &SplitResult::fpr95));
  report.value(k + "accuracy_mean", meanOf(r, &SplitResult::accuracy));
  report.value(k + "rejected_unknown_mean", meanOf(r, &SplitResult::rejectedUnknown));
  report.value(k + "rejected_known_mean", meanOf(r, &SplitResult::rejectedKnown));
  report.value(k + "knn1_auroc_mean", knnAuroc);
  report.value(k + "knn1_auroc_worst", knnWorst);
  report.value(k + "knn1_fpr95_mean", meanOf(r, &SplitResult::knnFpr95));
  report.value(k + "knn1_accuracy_mean", meanOf(r, &SplitResult::knnAccuracy));
  int nonFinite = 0;
  for (const SplitResult& s : r) nonFinite += s.nonFinite;
  if (nonFinite > 0) {
    report.note(c.name + " open set: " + std::to_string(nonFinite) +
                " known-set scores were NaN (counted as the least known)");
  }
}

void runCase(BenchReport& report, const OpenSetCase& c, const BenchOptions& o) {
  const double t0 = bench::nowSeconds();
  std::vector<SplitResult> results;
  for (int i = 0; i < c.splits; ++i) {
    const double s0 = bench::nowSeconds();
    results.push_back(runSplit(c.split(i), o.maxNeurons));
    if (bench::nowSeconds() - s0 > 2.0) {  // slow data sets (Fashion-MNIST) show progress
      std::fprintf(stderr, "%s open set: split %d of %d done, %.0f s so far\n", c.name.c_str(),
                   i + 1, c.splits, bench::nowSeconds() - t0);
    }
  }
  reportCase(report, c, results, o.seed, bench::nowSeconds() - t0);
  std::fflush(stdout);
}

// Random known classes, then a stratified 50/50 split of their rows; optionally standardised.
OpenSetCase randomClasses(const data::Dataset& all, const std::string& key, int known,
                          bool standardise, const BenchOptions& o) {
  OpenSetCase c;
  c.key = key;
  c.splits = o.splits;
  const int classes = int(all.classNames.size());
  c.what = std::to_string(known) + " of " + std::to_string(classes) + " classes known, " +
           "50/50 of their rows" + (standardise ? ", z-score on training rows" : "");
  c.split = [&all, key, known, classes, standardise, seed = o.seed](int i) {
    const std::vector<int> cls = drawClasses(classes, known, splitSeed(seed, key + "/classes", i));
    const OpenSetSplit s = splitOpenSet(all.labels, cls, 0.5, splitSeed(seed, key + "/rows", i));
    OpenSetData d = materialize(all, all, s);
    if (standardise) data::standardize(d.train, d.test);
    return d;
  };
  return c;
}

void benchOpenSetGestures(BenchReport& report, const BenchOptions& o) {
  OpenSetCase c;
  c.name = "gestures";
  c.key = "gestures";
  c.splits = o.splits;
  c.aurocTarget = "mean and worst >= kNN-1";
  c.what = std::to_string(data::kKnownGestureClasses) + " known gestures, " +
           std::to_string(data::kGestureClasses - data::kKnownGestureClasses) +
           " never seen; a fresh stream per split, 50/50 of the known events";
  c.split = [seed = o.seed](int i) {
    data::GestureOptions g;
    g.seed = static_cast<std::uint32_t>(splitSeed(seed, "gestures/motion", i));
    g.perGesture = kGesturesPerClass;
    const data::Dataset all = data::generateGestures(g);
    std::vector<int> known;
    for (int k = 0; k < data::kKnownGestureClasses; ++k) known.push_back(k);
    return materialize(all, all, splitOpenSet(all.labels, known, 0.5,
                                              splitSeed(seed, "gestures/rows", i)));
  };
  runCase(report, c, o);
}

void benchOpenSetFashion(BenchReport& report, const BenchOptions& o) {
  data::Dataset train, test;
  std::string error;
  if (!data::loadFashionMnist(train, test, error)) {
    report.note("fashion-mnist open set skipped: " + error);
    return;
  }
  OpenSetCase c;
  c.name = "fashion-mnist";
  c.key = "fashion";
  c.splits = o.fashionSplits;
  c.aurocTarget = "mean and worst >= kNN-1";
  c.what = std::to_string(kFashionKnown) + " of 10 classes known, " +
           std::to_string(kFashionTrainRows) + " of their official training rows; official test";
  c.split = [&train, &test, seed = o.seed](int i) {
    const std::vector<int> cls =
        drawClasses(10, kFashionKnown, splitSeed(seed, "fashion/classes", i));
    return materialize(train, test, sampleOpenSet(train.labels, test.rows, cls, kFashionTrainRows,
                                                  splitSeed(seed, "fashion/rows", i)));
  };
  runCase(report, c, o);
}

} // namespace

namespace {

bool loadWine(data::Dataset& out, std::string& error) {
  return data::loadSklearnTable(out, error, data::kWinePath);
}

bool loadCancer(data::Dataset& out, std::string& error) {
  return data::loadSklearnTable(out, error, data::kBreastCancerPath);
}

bool loadDigitsDefault(data::Dataset& out, std::string& error) {
  return data::loadDigits(out, error);
}

/// The table data sets: known classes drawn at random from all of theirs.
struct TableCase {
  const char* option;   ///< --dataset name
  const char* name;     ///< printed
  const char* seedKey;  ///< names the split seeds, so one set's draws never move another's
  int known;
  bool standardise;     ///< z-score on the training rows
  const char* target;
  bool (*load)(data::Dataset&, std::string&);
};

const TableCase kTableCases[] = {
    {"digits", "digits", "digits", kDigitsKnown, false,
     "mean >= 0.99 and >= kNN-1, worst >= kNN-1", loadDigitsDefault},
    {"wine", "wine", "wine", 2, true, "mean and worst >= kNN-1", loadWine},
    {"breast-cancer", "breast cancer", "breast_cancer", 1, true, "mean and worst >= kNN-1",
     loadCancer},
};

} // namespace

void benchOpenSet(BenchReport& report, const BenchOptions& o) {
  for (const TableCase& t : kTableCases) {
    if (!o.wants(t.option, true)) continue;
    std::string error;
    data::Dataset d;  // the split closures read it: it outlives runCase()
    if (!t.load(d, error)) {
      report.note(std::string(t.name) + " open set skipped: " + error);
      continue;
    }
    OpenSetCase c = randomClasses(d, t.seedKey, t.known, t.standardise, o);
    c.name = t.name;
    c.aurocTarget = t.target;
    runCase(report, c, o);
  }
  if (o.wants("gestures", true)) benchOpenSetGestures(report, o);
  if (o.wants("fashion-mnist", true)) benchOpenSetFashion(report, o);
}

} // namespace dlm::cli
