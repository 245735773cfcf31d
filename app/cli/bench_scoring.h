#pragma once

// Shared pieces of the `dlm bench` protocols: building the kernel, and scoring a model's or a
// peer's known-set evidence on one test set (higher score = more known).

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "app/cli/network_box.h"
#include "app/data/dataset.h"
#include "core/descriptor.h"
#include "core/network.h"

namespace dlm::bench {
class Mlp;
}

namespace dlm::cli {

/// \brief Seed of the open-set and few-shot draws unless --seed gives another.
inline constexpr std::uint64_t kDefaultProtocolSeed = 20261204;

/// \brief Options of `dlm bench` that the protocols share.
struct BenchOptions {
  std::uint64_t seed = kDefaultProtocolSeed;
  int splits = 20;        ///< open-set splits per small data set
  int fashionSplits = 3;  ///< open-set splits on Fashion-MNIST (each a 20 000-row rebuild)
  int draws = 10;         ///< few-shot draws per k
  int repeats = 5;
  int maxNeurons = 2048;
  std::set<std::string> datasets;  ///< data sets asked for; empty = the protocol's defaults
  /// \brief True if \p name was asked for, or nothing was and the protocol runs it by default.
  bool wants(const std::string& name, bool byDefault) const;
};

/// \brief How the bench's rebuilds and boards choose the known-set scales (--known-scales).
struct KnownScalesChoice {
  /// unit: plain Euclidean everywhere (before issue 10); standardise: every data set's
  /// rebuild standardises; descriptor: only descriptor data (the gestures) is standardised
  /// and weighted, as the studio does (the default).
  enum class Mode { Unit, Standardise, Descriptor } mode = Mode::Descriptor;
  float rebuildWeight = 1.0f;  ///< prior weight of statistics and duration at a rebuild
  float boardWeight = kDescriptorStatsWeight;  ///< the board's starting prior (unit x prior)
  bool boardPrior = true;      ///< the board starts from the descriptor prior (else unit)
  float floorFraction = KnownScaling().floorFraction;
  bool withinClass = KnownScaling().withinClass;
};

/// \brief The choice every rebuildTimed() and board of this run follows (default: the
/// studio's and the board's).
KnownScalesChoice& knownScalesChoice();

/// \brief Apply the choice to \p net before a rebuild on \p train (its descriptor prior when
/// its rows are descriptors).
void applyKnownScaling(Network& net, const data::Dataset& train);

/// \brief The board's starting known-set scales for \p train's rows into \p out (dims
/// floats): the descriptor prior when the choice and the rows allow it. False: unit scales.
bool boardKnownScales(const data::Dataset& train, std::vector<float>& out);

/// \brief One label byte per row (the kernel's rebuild input).
std::vector<std::uint8_t> byteLabels(const data::Dataset& d);

/// \brief Train \p mlp for \p epochs (epoch e shuffled with \p seed + e); returns the median
/// seconds of an epoch.
double mlpTimed(bench::Mlp& mlp, const data::Dataset& train, int epochs, std::uint64_t seed);

/// \brief True (--profile): every rebuildTimed() prints where its last rebuild's time went.
bool& rebuildProfiling();
/// \brief With --profile, give \p net the clock its rebuild profile needs.
void watchRebuild(Network& net);
/// \brief With --profile, print where \p net's last rebuild (over \p train) spent its time.
void printProfileIfAsked(const Network& net, const data::Dataset& train);

/// \brief Rebuild \p repeats times on \p train; returns the median seconds and leaves the
/// network built (a full rebuild, as the studio does).
double rebuildTimed(NetworkBox& box, const data::Dataset& train, int repeats, int maxNeurons);

/// \brief What a model said about one row.
struct RowVerdict {
  int bestClass = -1;     ///< its best class, rejection aside
  double score = 0.0;     ///< known score, higher = more known; NaN if the model failed
  bool rejected = false;  ///< rejected as unknown at the model's threshold
};

/// \brief Known-set scores of the test rows split by truth (label >= 0 known, -1 unknown),
/// the closed-set hits on the known rows and the rejections on both sides.
struct OpenSetScores {
  std::vector<double> known;
  std::vector<double> unknown;
  int hits = 0;             ///< known rows whose best class is their label
  int rejectedKnown = 0;
  int rejectedUnknown = 0;
  int nonFinite = 0;        ///< NaN scores, counted as the least known of all

  void add(int truth, const RowVerdict& verdict);
  double accuracy() const;  ///< hits / known rows
  double auroc() const;     ///< known vs unknown; NaN without both
  double fpr95() const;     ///< unknowns accepted at 95% of knowns accepted
  double rejectedKnownShare() const;
  double rejectedUnknownShare() const;
};

/// \brief Scores of every row of \p test under \p predict.
OpenSetScores scoreRows(const data::Dataset& test,
                        const std::function<RowVerdict(const float*)>& predict);

/// \brief The kernel: Prediction::bestClass and Prediction::knownScore.
OpenSetScores kernelScores(Network& network, const data::Dataset& test);

/// \brief kNN-1 fitted on \p train: nearest label, and minus the distance as known score.
OpenSetScores knnScores(const data::Dataset& train, const data::Dataset& test);

} // namespace dlm::cli
