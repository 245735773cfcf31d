#pragma once

// dlm eval --baseline: the kernel's peers on the same recordings (issue 13, "Measured by"):
// kNN-1 on the front-end's descriptors and kNN-1 on a plain log-spectrogram of the same
// events, learned from a training folder, reported with the figures dlm eval gives the kernel.

#include <memory>
#include <string>

#include "app/cli/evaluation.h"
#include "app/data/dataset.h"
#include "app/data/recordings.h"

namespace dlm::cli {

class Args;

/// \brief The options of dlm eval's baseline mode.
inline constexpr const char* kBaselineOption = "baseline";
inline constexpr const char* kTrainOption = "train";
inline constexpr const char* kSpectrogramOption = "spectrogram";

/// \brief The knn1-spectrogram baseline's representation as a recordings describer: 62
/// Hann frames of 512 samples, every bin (bench::LogSpectrogram); frames spread over the
/// event, or every 256 samples from its start when \p hop.
std::unique_ptr<data::EventDescriber> spectrogramDescriber(bool hop);

/// \brief kNN-1 (Euclidean) with \p train's labelled rows as the reference set: each row of
/// \p test gets its nearest training row's class, is always accepted, and scores minus the
/// distance to it (the known score whose AUROC is reported). Classes are \p train's.
Evaluation evaluateNearest(const data::Dataset& train, const data::Dataset& test,
                           const std::string& testName);

/// \brief `dlm eval --baseline knn1|knn1-spectrogram --train DIR --recordings DIR`, the options
/// already parsed by runEval(). Exit code as the commands' (commands.h).
int runBaselineEval(const Args& args);

} // namespace dlm::cli
