#pragma once

#include <string>
#include <vector>

#include "app/bench/metrics.h"
#include "app/cli/network_box.h"
#include "app/data/dataset.h"

namespace dlm::cli {

/// \brief What `dlm eval` reports. Accuracy is the closed-set accuracy on rows of classes the
/// model knows (its best class, rejection aside); open-set accuracy counts a known row right
/// when accepted with the right class and an unknown row right only when rejected.
struct Evaluation {
  int rows = 0;
  int knownRows = 0;
  int unknownRows = 0;
  double accuracy = 0.0;
  double acceptedAccuracy = 0.0;   ///< accuracy among accepted known rows
  double openSetAccuracy = 0.0;
  double rejectedFraction = 0.0;   ///< of all rows
  double auroc = 0.0;              ///< NaN without unknown rows
  double fprAt95Tpr = 0.0;         ///< NaN without unknown rows
  double predictSecondsPerRow = 0.0;
  bench::ConfusionMatrix confusion{1};
};

/// \brief Predict every row of \p data (labels matched to the model's classes by name; other
/// labels are unknowns) and compute the metrics above.
Evaluation evaluate(NetworkBox& box, const data::Dataset& data);

/// \brief Model class index of each row's label, -1 for labels the model never learned.
std::vector<int> mapLabels(const std::vector<std::string>& modelClasses,
                           const data::Dataset& data);

} // namespace dlm::cli
