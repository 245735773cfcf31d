// dlm bench --protocol few-shot: k labelled events per class, learned by the studio's full
// rebuild, by the board's lean kernel one event at a time, and held by kNN-1 (the same events
// for all three); accuracy on the known classes and AUROC against never-seen classes.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "app/baselines/lean_kernel.h"
#include "app/baselines/metrics.h"
#include "app/cli/bench_protocols.h"
#include "app/cli/bench_report.h"
#include "app/cli/bench_scoring.h"
#include "app/cli/bench_splits.h"
#include "app/data/datasets.h"
#include "app/data/gestures.h"

namespace dlm::cli {

namespace {

constexpr int kShots[] = {1, 2, 3, 5, 10};
constexpr int kShotCount = int(sizeof kShots / sizeof kShots[0]);
constexpr int kDigitsKnown = 6;
constexpr int kGesturesPerClass = 40;

enum Learner { kRebuild, kBoard, kKnn, kLearners };
const char* const kLearnerKeys[kLearners] = {"rebuild", "board", "knn1"};

/// Accuracy and AUROC of one learner at one k, over the draws.
struct Tally {
  std::vector<double> accuracy;
  std::vector<double> auroc;
  std::vector<double> rejectedUnknown;  ///< share of never-seen rows rejected (threshold)
  std::vector<double> rejectedKnown;    ///< share of known rows rejected (threshold)
  int failures = 0;  ///< kernel calls that failed (reported as a note)
};

double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (const double x : v) s += x;
  return v.empty() ? std::numeric_limits<double>::quiet_NaN() : s / double(v.size());
}

double worst(const std::vector<double>& v) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  return *std::min_element(v.begin(), v.end());
}

void record(Tally& t, const OpenSetScores& s) {
  t.accuracy.push_back(s.accuracy());
  t.auroc.push_back(s.auroc());
  t.rejectedUnknown.push_back(s.rejectedUnknownShare());
  t.rejectedKnown.push_back(s.rejectedKnownShare());
  t.failures += s.nonFinite;
}

// The board: a lean network at the board's capacity learns the events one at a time, in order.
OpenSetScores boardScores(const data::Dataset& shots, const data::Dataset& test) {
  leankernel::BoardKernel board;
  OpenSetScores failed;
  failed.nonFinite = 1;
  if (!board.reset(shots.dims)) return failed;
  std::vector<float> scales;
  if (boardKnownScales(shots, scales) && !board.setKnownScales(scales.data())) return failed;
  for (int i = 0; i < shots.rows; ++i) {
    if (!board.learn(shots.row(i), shots.labels[std::size_t(i)])) return failed;
  }
  return scoreRows(test, [&board](const float* x) {
    leankernel::Outcome out;
    if (!board.predict(x, out)) {
      return RowVerdict{-1, std::numeric_limits<double>::quiet_NaN(), true};
    }
    return RowVerdict{out.bestClass, double(out.knownScore), out.classIndex < 0};
  });
}

/// One few-shot draw: the pool the shots come from, and the test rows (known and never seen).
using DrawMaker = std::function<OpenSetData(int)>;

void runDraw(const OpenSetData& d, std::uint64_t shotSeed, int maxNeurons,
             Tally (&tally)[kShotCount][kLearners]) {
  std::vector<int> pool(static_cast<std::size_t>(d.train.rows));
  for (int i = 0; i < d.train.rows; ++i) pool[std::size_t(i)] = i;
  for (int s = 0; s < kShotCount; ++s) {
    const data::Dataset shots =
        d.train.subset(drawFewShot(d.train.labels, pool, kShots[s], shotSeed));
    NetworkBox box;
    rebuildTimed(box, shots, 1, maxNeurons);
    record(tally[s][kRebuild], kernelScores(box.network(), d.test));
    record(tally[s][kBoard], boardScores(shots, d.test));
    record(tally[s][kKnn], knnScores(shots, d.test));
  }
}

std::string figures(const Tally& t) {
  return fmt("%.4f", mean(t.accuracy)) + "; " + fmt("%.4f", mean(t.auroc)) + " (" +
         fmt("%.4f", worst(t.auroc)) + ")";
}

void reportFewShot(BenchReport& report, const std::string& name, const std::string& key,
                   const std::string& what, const BenchOptions& o,
                   const Tally (&tally)[kShotCount][kLearners], double seconds) {
  const std::string table = name + " few-shot";
  report.add(table, "draws: " + what, std::to_string(o.draws) + ", seed " + std::to_string(o.seed),
             "", "");
  for (int s = 0; s < kShotCount; ++s) {
    const std::string k = "k=" + std::to_string(kShots[s]);
    const Tally& knn = tally[s][kKnn];
    report.add(table, k + " studio rebuild: accuracy; AUROC mean (worst)",
               figures(tally[s][kRebuild]), "kNN-1 " + figures(knn), "accuracy >= kNN-1");
    report.add(table, k + " board learning: accuracy; AUROC mean (worst)",
               figures(tally[s][kBoard]), "kNN-1 " + figures(knn),
               "accuracy >= kNN-1, AUROC within 0.05 of rebuild");
    const auto rejected = [](const Tally& t) {
      return fmt("%.2f", mean(t.rejectedUnknown)) + " / " + fmt("%.2f", mean(t.rejectedKnown));
    };
    report.add(table, k + " rejected at the default threshold: never seen / known",
               "rebuild " + rejected(tally[s][kRebuild]) + ", board " +
                   rejected(tally[s][kBoard]),
               "", "board's never-seen share within 0.05 of rebuild's");
    for (int l = 0; l < kLearners; ++l) {
      const std::string p = "few_shot_" + key + "_k" + std::to_string(kShots[s]) + "_" +
                            kLearnerKeys[l] + "_";
      report.value(p + "accuracy_mean", mean(tally[s][l].accuracy));
      report.value(p + "auroc_mean", mean(tally[s][l].auroc));
      report.value(p + "auroc_worst", worst(tally[s][l].auroc));
      if (l != kKnn) {
        report.value(p + "rejected_unknown_mean", mean(tally[s][l].rejectedUnknown));
        report.value(p + "rejected_known_mean", mean(tally[s][l].rejectedKnown));
      }
      if (tally[s][l].failures > 0) {
        report.note(table + " " + k + " " + kLearnerKeys[l] + ": " +
                    std::to_string(tally[s][l].failures) + " kernel calls failed or gave NaN");
      }
    }
  }
  report.add(table, "time, all draws", fmt("%.1f s", seconds), "", "");
  report.value("few_shot_" + key + "_draws", o.draws);
  report.text("few_shot_" + key + "_seed", std::to_string(o.seed));
}

void runFewShot(BenchReport& report, const std::string& name, const std::string& key,
                const std::string& what, const BenchOptions& o, const DrawMaker& draw) {
  const double t0 = bench::nowSeconds();
  Tally tally[kShotCount][kLearners];
  for (int d = 0; d < o.draws; ++d) {
    runDraw(draw(d), splitSeed(o.seed, key + "/shots", d), o.maxNeurons, tally);
  }
  reportFewShot(report, name, key, what, o, tally, bench::nowSeconds() - t0);
  std::fflush(stdout);
}

// Digits: 6 random classes known, half of their rows the pool, the rest and 4 classes the test.
OpenSetData digitsDraw(const data::Dataset& digits, std::uint64_t seed, int d) {
  const std::vector<int> cls =
      drawClasses(10, kDigitsKnown, splitSeed(seed, "digits/few/classes", d));
  return materialize(digits, digits,
                     splitOpenSet(digits.labels, cls, 0.5, splitSeed(seed, "digits/few/rows", d)));
}

// Gestures: a fresh stream of every gesture; the known ones split half and half.
OpenSetData gesturesDraw(std::uint64_t seed, int d) {
  data::GestureOptions g;
  g.seed = static_cast<std::uint32_t>(splitSeed(seed, "gestures/few/motion", d));
  g.perGesture = kGesturesPerClass;
  const data::Dataset all = data::generateGestures(g);
  std::vector<int> known;
  for (int k = 0; k < data::kKnownGestureClasses; ++k) known.push_back(k);
  return materialize(all, all,
                     splitOpenSet(all.labels, known, 0.5, splitSeed(seed, "gestures/few/rows", d)));
}

} // namespace

void benchFewShot(BenchReport& report, const BenchOptions& o) {
  const std::string shots = "k events per known class from half of their rows";
  if (o.wants("digits", true)) {
    data::Dataset digits;
    std::string error;
    if (data::loadDigits(digits, error)) {
      runFewShot(report, "digits", "digits", "6 of 10 digits known, 4 never seen; " + shots, o,
                 [&digits, &o](int d) { return digitsDraw(digits, o.seed, d); });
    } else {
      report.note("digits few-shot skipped: " + error);
    }
  }
  if (o.wants("gestures", true)) {
    runFewShot(report, "gestures", "gestures",
               "5 gestures known, 2 never seen, a fresh stream each; " + shots, o,
               [&o](int d) { return gesturesDraw(o.seed, d); });
  }
}

} // namespace dlm::cli
