#pragma once

// The protocols of `dlm bench` (docs/benchmarks.md), each adding its rows to one report.

#include <string>

#include "app/cli/bench_report.h"
#include "app/cli/bench_scoring.h"

namespace dlm::cli {

/// \brief Closed set, the single open-set split, streaming and cost on digits (bench.cpp).
void benchDigits(BenchReport& report, int repeats);
/// \brief Closed-set Fashion-MNIST, official split (bench_stream.cpp).
void benchFashion(BenchReport& report, int maxNeurons);

/// \brief Open set over many random splits: digits, wine, breast cancer, gestures,
/// Fashion-MNIST, as options.datasets selects.
void benchOpenSet(BenchReport& report, const BenchOptions& options);

/// \brief Few-shot: k labelled events per class, studio rebuild, board learning and kNN-1.
void benchFewShot(BenchReport& report, const BenchOptions& options);

/// \brief Rebuild and MLP epoch against training events (100 ... 60 000 of Fashion-MNIST);
/// the points also go to \p csvPath when it is not empty (bench_cost.cpp).
void benchCost(BenchReport& report, const BenchOptions& options, const std::string& csvPath);

/// \brief Fashion-MNIST's accuracy and rebuild time at 512 ... 8 192 neurons per layer; the
/// points also to \p csvPath when not empty (scripts/plot-capacity).
void benchCapacity(BenchReport& report, const std::string& csvPath);

/// \brief The studio's scripted session (3 gestures x k tags, 2 never seen), over draws.
void benchSession(BenchReport& report, const BenchOptions& options);

} // namespace dlm::cli
