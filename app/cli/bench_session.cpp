// dlm bench --protocol session: the studio's scripted session, headless and over many draws.
// Three gestures are known (shake, circle, tap) from k tagged events each, as a user tags them
// in the studio; fresh performances of those and of the two never-seen gestures (figure-eight,
// triple-knock) are then judged at the default threshold, by the studio's full rebuild and by
// the board's lean kernel.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "app/baselines/lean_kernel.h"
#include "app/cli/bench_protocols.h"
#include "app/cli/bench_report.h"
#include "app/cli/bench_scoring.h"
#include "app/cli/bench_splits.h"
#include "app/data/gestures.h"

namespace dlm::cli {

namespace {

constexpr int kSessionShots = 5;
constexpr int kPerGesture = 25;
const std::vector<int> kSessionKnown = {0, 1, 2};     // shake, circle, tap
const std::vector<int> kSessionNeverSeen = {5, 6};    // figure-eight, triple-knock

struct SessionTally {
  std::vector<double> rejectedUnknown;
  std::vector<double> acceptedRightKnown;
  std::vector<double> auroc;
};

double meanOf(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / double(v.size());
}

double worstOf(const std::vector<double>& v) {
  return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
}

// Known rows accepted with the right class, over known rows.
double acceptedRight(const data::Dataset& test, const std::function<RowVerdict(const float*)>& f) {
  int known = 0, right = 0;
  for (int i = 0; i < test.rows; ++i) {
    const int truth = test.labels[std::size_t(i)];
    if (truth < 0) continue;
    ++known;
    const RowVerdict v = f(test.row(i));
    right += (!v.rejected && v.bestClass == truth) ? 1 : 0;
  }
  return known == 0 ? 0.0 : double(right) / double(known);
}

void record(SessionTally& t, const data::Dataset& test,
            const std::function<RowVerdict(const float*)>& f) {
  const OpenSetScores s = scoreRows(test, f);
  t.rejectedUnknown.push_back(s.rejectedUnknownShare());
  t.auroc.push_back(s.auroc());
  t.acceptedRightKnown.push_back(acceptedRight(test, f));
}

OpenSetData sessionDraw(std::uint64_t seed, int d) {
  data::GestureOptions g;
  g.seed = static_cast<std::uint32_t>(splitSeed(seed, "session/motion", d));
  g.perGesture = kPerGesture;
  const data::Dataset all = data::generateGestures(g);
  std::vector<int> rows;
  for (int i = 0; i < all.rows; ++i) {
    const int l = all.labels[std::size_t(i)];
    if (std::count(kSessionKnown.begin(), kSessionKnown.end(), l) ||
        std::count(kSessionNeverSeen.begin(), kSessionNeverSeen.end(), l)) {
      rows.push_back(i);
    }
  }
  const data::Dataset pool = all.subset(rows);
  return materialize(pool, pool,
                     splitOpenSet(pool.labels, kSessionKnown, 0.5, splitSeed(seed, "session/rows", d)));
}

} // namespace

void benchSession(BenchReport& report, const BenchOptions& o) {
  SessionTally rebuild, board;
  for (int d = 0; d < o.draws; ++d) {
    const OpenSetData data = sessionDraw(o.seed, d);
    std::vector<int> pool(std::size_t(data.train.rows));
    for (int i = 0; i < data.train.rows; ++i) pool[std::size_t(i)] = i;
    const data::Dataset shots = data.train.subset(
        drawFewShot(data.train.labels, pool, kSessionShots, splitSeed(o.seed, "session/shots", d)));
    NetworkBox box;
    rebuildTimed(box, shots, 1, o.maxNeurons);
    Network& net = box.network();
    record(rebuild, data.test, [&net](const float* x) {
      Prediction p;
      net.predict(x, p, net.scratch());
      return RowVerdict{p.bestClass, double(p.knownScore), p.classIndex < 0};
    });
    leankernel::BoardKernel lean;
    bool ok = lean.reset(shots.dims);
    for (int i = 0; ok && i < shots.rows; ++i) ok = lean.learn(shots.row(i), shots.labels[std::size_t(i)]);
    record(board, data.test, [&lean](const float* x) {
      leankernel::Outcome out;
      lean.predict(x, out);
      return RowVerdict{out.bestClass, double(out.knownScore), out.classIndex < 0};
    });
  }
  const std::string table = "studio session (3 known gestures x 5 tags, 2 never seen)";
  auto add = [&](const char* who, const SessionTally& t) {
    report.add(table, std::string(who) + ": never seen rejected, mean (worst)",
               fmt("%.3f", meanOf(t.rejectedUnknown)) + " (" + fmt("%.3f", worstOf(t.rejectedUnknown)) + ")",
               "", ">= 0.9");
    report.add(table, std::string(who) + ": knowns accepted and right, mean (worst)",
               fmt("%.3f", meanOf(t.acceptedRightKnown)) + " (" +
                   fmt("%.3f", worstOf(t.acceptedRightKnown)) + ")", "", ">= 0.95");
    report.add(table, std::string(who) + ": AUROC mean (worst)",
               fmt("%.3f", meanOf(t.auroc)) + " (" + fmt("%.3f", worstOf(t.auroc)) + ")", "", "");
  };
  add("studio rebuild", rebuild);
  add("board", board);
  report.add(table, "draws", std::to_string(o.draws) + ", seed " + std::to_string(o.seed), "", "");
}

} // namespace dlm::cli
