#pragma once

#include <string>
#include <vector>

#include "app/baselines/metrics.h"
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
  double accuracy = 0.0;           ///< NaN without known rows (see notes)
  double acceptedAccuracy = 0.0;   ///< accuracy among accepted known rows; NaN if none
  double openSetAccuracy = 0.0;
  double rejectedFraction = 0.0;   ///< of all rows
  double knownRejected = 0.0;      ///< share of known rows rejected; NaN without known rows
  double unknownRejected = 0.0;    ///< share of unknown rows rejected; NaN without unknowns
  double auroc = 0.0;              ///< NaN without unknown rows
  double fprAt95Tpr = 0.0;         ///< NaN without unknown rows
  double predictSecondsPerRow = 0.0;
  bench::ConfusionMatrix confusion{1};
  /// Labels of the data that are none of the model's classes: their rows count as unknown.
  std::vector<std::string> unmatchedLabels;
  /// One sentence for each figure above that is NaN, saying why; and for unmatched labels.
  std::vector<std::string> notes;
};

/// \brief What a method said about one row: its best class (closed set), whether it
/// accepted the row as known, and its known score (higher = more like the training events).
struct RowOutcome {
  int bestClass = -1;
  bool known = true;
  double score = 0.0;
};

/// \brief The metrics above from one outcome per row of \p data, \p truth being each row's
/// class index in \p modelClasses (-1: unknown). The same figures for the kernel and its peers.
Evaluation summarise(const std::vector<RowOutcome>& outcomes, const std::vector<int>& truth,
                     const std::vector<std::string>& modelClasses, const data::Dataset& data,
                     const std::string& dataName);

/// \brief Predict every row of \p data (labels matched to the model's classes by name; other
/// labels are unknowns) and compute the metrics above. \p dataName names the data in notes.
Evaluation evaluate(NetworkBox& box, const data::Dataset& data,
                    const std::string& dataName = "the data");

/// \brief Print \p e for `dlm eval`: one JSON object when \p json, else text with the
/// confusion matrix over \p classNames. \p method names what made the predictions ("kernel",
/// a baseline); \p threshold is the kernel's (NaN for a method without one, printed null).
void printEvaluation(const Evaluation& e, const std::vector<std::string>& classNames,
                     const std::string& method, double threshold, bool json);

/// \brief Index in \p modelClasses of each of \p names, matched as data::labelKey() says
/// (numbers as numbers), or -1.
std::vector<int> mapClassNames(const std::vector<std::string>& modelClasses,
                               const std::vector<std::string>& names);

/// \brief Model class index of each row's label, -1 for labels the model never learned.
std::vector<int> mapLabels(const std::vector<std::string>& modelClasses,
                           const data::Dataset& data);

/// \brief "a, b, c" (the first dozen, then how many in all), for messages.
std::string listNames(const std::vector<std::string>& names);

} // namespace dlm::cli
