#include "app/cli/bench_scoring.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "app/baselines/knn.h"
#include "app/baselines/metrics.h"
#include "app/baselines/mlp.h"

namespace dlm::cli {

bool BenchOptions::wants(const std::string& name, bool byDefault) const {
  return datasets.empty() ? byDefault : datasets.count(name) != 0 || datasets.count("all") != 0;
}

std::vector<std::uint8_t> byteLabels(const data::Dataset& d) {
  std::vector<std::uint8_t> out(d.labels.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>(d.labels[i]);
  return out;
}

KnownScalesChoice& knownScalesChoice() {
  static KnownScalesChoice choice;
  return choice;
}

namespace {

// The descriptor's prior weights (statistics and duration at \p weight) when \p train's rows
// are descriptors.
bool descriptorPrior(const data::Dataset& train, float weight, std::vector<float>& out) {
  if (train.descriptorChannels <= 0) return false;
  const DescriptorConfig config = descriptorFor(train.descriptorChannels);
  if (config.channels == 0 || config.dims() != train.dims) return false;
  out.assign(std::size_t(train.dims), 1.0f);
  return descriptorFeatureWeights(config, weight, out.data(), out.size()) == Status::Ok;
}

} // namespace

void applyKnownScaling(Network& net, const data::Dataset& train) {
  using Mode = KnownScalesChoice::Mode;
  const KnownScalesChoice& c = knownScalesChoice();
  std::vector<float> prior;
  const bool descriptor = descriptorPrior(train, c.rebuildWeight, prior);
  KnownScaling rule;
  rule.standardise = c.mode == Mode::Standardise || (c.mode == Mode::Descriptor && descriptor);
  rule.floorFraction = c.floorFraction;
  rule.withinClass = c.withinClass;
  const bool withPrior = c.mode == Mode::Descriptor && descriptor && c.rebuildWeight != 1.0f;
  net.setKnownScaling(rule, withPrior ? prior.data() : nullptr);
}

bool boardKnownScales(const data::Dataset& train, std::vector<float>& out) {
  const KnownScalesChoice& c = knownScalesChoice();
  return c.boardPrior && descriptorPrior(train, c.boardWeight, out);
}

double mlpTimed(bench::Mlp& mlp, const data::Dataset& train, int epochs, std::uint64_t seed) {
  std::vector<double> times;
  for (int e = 0; e < epochs; ++e) {
    const double t0 = bench::nowSeconds();
    mlp.trainEpoch(train.features.data(), train.labels.data(), train.rows, seed + std::uint64_t(e));
    times.push_back(bench::nowSeconds() - t0);
  }
  return bench::summarize(times).median;
}

bool& rebuildProfiling() {
  static bool on = false;
  return on;
}

namespace {

std::uint64_t nanoseconds() {
  return std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count());
}

void printProfile(const Network& net, const data::Dataset& train) {
  const RebuildProfile& p = net.rebuildProfile();
  const auto ms = [](std::uint64_t ns) { return double(ns) * 1e-6; };
  std::printf("profile: %d events x %d dims -> depth %d, %d neurons (%d at the class boundaries): total %.2f ms = scales and "
              "spacing %.2f, structure %.2f, Gram %.2f, solve %.2f, leave-one-out %.2f "
              "(all layers); repair %.2f, calibration %.2f, deeper layers %.2f (wall, "
              "including their own solves)\n",
              train.rows, train.dims, net.depth(), net.totalNeurons(), p.boundaryNeurons, ms(p.total),
              ms(p.scalesAndSpacing), ms(p.structure), ms(p.gram), ms(p.solve),
              ms(p.leaveOneOut), ms(p.repair), ms(p.calibration), ms(p.deeper));
}

} // namespace

void watchRebuild(Network& net) { net.setProfileClock(rebuildProfiling() ? &nanoseconds : nullptr); }

void printProfileIfAsked(const Network& net, const data::Dataset& train) {
  if (rebuildProfiling()) printProfile(net, train);
}

double rebuildTimed(NetworkBox& box, const data::Dataset& train, int repeats, int maxNeurons) {
  std::string error;
  if (!box.create(learningCapacity(train.rows, train.dims, int(train.classNames.size()),
                                   maxNeurons),
                  train.dims, error)) {
    std::fprintf(stderr, "dlm bench: %s\n", error.c_str());
    return std::nan("");
  }
  applyKnownScaling(box.network(), train);
  box.classNames() = train.classNames;
  watchRebuild(box.network());
  const std::vector<std::uint8_t> labels = byteLabels(train);
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const double t0 = bench::nowSeconds();
    const Status s =
        box.network().rebuild(train.features.data(), labels.data(), std::uint32_t(train.rows));
    times.push_back(bench::nowSeconds() - t0);
    if (s != Status::Ok) {
      // A failed rebuild's time means nothing, and its model would be scored as if it worked.
      std::fprintf(stderr, "dlm bench: rebuild of %d events failed: %s\n", train.rows,
                   statusText(s));
      return std::nan("");
    }
  }
  printProfileIfAsked(box.network(), train);
  return bench::summarize(times).median;
}

void OpenSetScores::add(int truth, const RowVerdict& verdict) {
  double score = verdict.score;
  if (std::isnan(score)) {
    ++nonFinite;
    score = -std::numeric_limits<double>::infinity();
  }
  if (truth < 0) {
    unknown.push_back(score);
    rejectedUnknown += verdict.rejected ? 1 : 0;
    return;
  }
  known.push_back(score);
  hits += verdict.bestClass == truth ? 1 : 0;
  rejectedKnown += verdict.rejected ? 1 : 0;
}

double OpenSetScores::accuracy() const {
  if (known.empty()) return std::numeric_limits<double>::quiet_NaN();
  return double(hits) / double(known.size());
}

double OpenSetScores::rejectedKnownShare() const {
  if (known.empty()) return std::numeric_limits<double>::quiet_NaN();
  return double(rejectedKnown) / double(known.size());
}

double OpenSetScores::rejectedUnknownShare() const {
  if (unknown.empty()) return std::numeric_limits<double>::quiet_NaN();
  return double(rejectedUnknown) / double(unknown.size());
}

double OpenSetScores::auroc() const { return bench::auroc(known, unknown); }

double OpenSetScores::fpr95() const { return bench::fprAtTpr(known, unknown, 0.95); }

OpenSetScores scoreRows(const data::Dataset& test,
                        const std::function<RowVerdict(const float*)>& predict) {
  OpenSetScores s;
  for (int i = 0; i < test.rows; ++i) s.add(test.labels[std::size_t(i)], predict(test.row(i)));
  return s;
}

OpenSetScores kernelScores(Network& network, const data::Dataset& test) {
  return scoreRows(test, [&network](const float* x) {
    Prediction p;
    if (network.predict(x, p, network.scratch()) != Status::Ok) {
      return RowVerdict{-1, std::numeric_limits<double>::quiet_NaN(), true};
    }
    return RowVerdict{p.bestClass, double(p.knownScore), p.classIndex < 0};
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
    s.add(test.labels[i], RowVerdict{pred[i], -std::sqrt(double(dist[i])), false});
  }
  return s;
}

} // namespace dlm::cli
