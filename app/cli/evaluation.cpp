#include "app/cli/evaluation.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "app/cli/json.h"
#include "app/data/csv.h"

namespace dlm::cli {

namespace {

// A one-line message listing 255 classes would bury what it says.
constexpr std::size_t kMaxListedNames = 12;

// Why each figure that cannot be computed is missing, in the words of the data and the model.
void explain(Evaluation& e, const std::vector<std::string>& modelClasses,
             const data::Dataset& data, const std::string& dataName) {
  if (e.knownRows == 0) {
    if (data.classNames.empty()) {
      e.notes.push_back("no row of " + dataName + " has a label: all rows are treated as " +
                        "unknown, so accuracy cannot be measured");
    } else {
      e.notes.push_back("none of the labels in " + dataName + " (" +
                        listNames(data.classNames) + ") is a class of the model (" +
                        listNames(modelClasses) + "): all rows are treated as unknown, so " +
                        "accuracy cannot be measured");
    }
  } else if (!e.unmatchedLabels.empty()) {
    e.notes.push_back("labels in " + dataName + " that are not classes of the model, counted " +
                      "as unknown: " + listNames(e.unmatchedLabels));
  }
  int unlabelled = 0;
  for (const int label : data.labels) unlabelled += label < 0 ? 1 : 0;
  if (unlabelled > 0 && e.knownRows > 0) {
    e.notes.push_back(std::to_string(unlabelled) + " rows of " + dataName + " have an empty " +
                      "label and count as unknown");
  }
  if (e.knownRows > 0 && std::isnan(e.acceptedAccuracy)) {
    e.notes.push_back("every row of a known class was rejected, so accepted_accuracy cannot be "
                      "measured");
  }
  if (e.knownRows > 0 && e.unknownRows == 0) {
    e.notes.push_back("every row of " + dataName + " is of a class the model knows, so auroc " +
                      "and fpr_at_95tpr (known against unknown) cannot be measured");
  }
}

} // namespace

std::string listNames(const std::vector<std::string>& names) {
  std::string list;
  const std::size_t shown = names.size() < kMaxListedNames ? names.size() : kMaxListedNames;
  for (std::size_t i = 0; i < shown; ++i) list += (i == 0 ? "" : ", ") + names[i];
  if (shown < names.size()) list += ", ... (" + std::to_string(names.size()) + " in all)";
  return list;
}

std::vector<int> mapClassNames(const std::vector<std::string>& modelClasses,
                               const std::vector<std::string>& names) {
  std::vector<std::string> modelKeys;
  for (const std::string& m : modelClasses) modelKeys.push_back(data::labelKey(m));
  std::vector<int> mapped(names.size(), -1);
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string key = data::labelKey(names[c]);
    for (std::size_t k = 0; k < modelKeys.size() && mapped[c] < 0; ++k) {
      if (modelKeys[k] == key) mapped[c] = static_cast<int>(k);
    }
  }
  return mapped;
}

std::vector<int> mapLabels(const std::vector<std::string>& modelClasses,
                           const data::Dataset& data) {
  const std::vector<int> byDataClass = mapClassNames(modelClasses, data.classNames);
  std::vector<int> mapped(static_cast<std::size_t>(data.rows), -1);
  for (int i = 0; i < data.rows; ++i) {
    const int label = data.labels[std::size_t(i)];
    mapped[std::size_t(i)] = label >= 0 ? byDataClass[std::size_t(label)] : -1;
  }
  return mapped;
}

Evaluation summarise(const std::vector<RowOutcome>& outcomes, const std::vector<int>& truth,
                     const std::vector<std::string>& modelClasses, const data::Dataset& data,
                     const std::string& dataName) {
  Evaluation e;
  e.rows = data.rows;
  e.confusion = bench::ConfusionMatrix(modelClasses.empty() ? 1 : int(modelClasses.size()));
  const std::vector<int> byDataClass = mapClassNames(modelClasses, data.classNames);
  for (std::size_t c = 0; c < byDataClass.size(); ++c) {
    if (byDataClass[c] < 0) e.unmatchedLabels.push_back(data.classNames[c]);
  }
  std::vector<double> knownScores;
  std::vector<double> unknownScores;
  int correct = 0, accepted = 0, acceptedCorrect = 0, openRight = 0, rejected = 0;
  int unknownsRejected = 0;
  for (std::size_t i = 0; i < outcomes.size() && i < truth.size(); ++i) {
    const RowOutcome& p = outcomes[i];
    const int t = truth[i];
    rejected += p.known ? 0 : 1;
    if (t < 0) {
      unknownScores.push_back(p.score);
      openRight += p.known ? 0 : 1;
      unknownsRejected += p.known ? 0 : 1;
      continue;
    }
    knownScores.push_back(p.score);
    e.confusion.add(t, p.known ? p.bestClass : bench::ConfusionMatrix::kUnknown);
    correct += p.bestClass == t ? 1 : 0;
    accepted += p.known ? 1 : 0;
    acceptedCorrect += p.known && p.bestClass == t ? 1 : 0;
    openRight += p.known && p.bestClass == t ? 1 : 0;
  }
  e.knownRows = static_cast<int>(knownScores.size());
  e.unknownRows = static_cast<int>(unknownScores.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  e.accuracy = e.knownRows > 0 ? double(correct) / e.knownRows : nan;
  e.acceptedAccuracy = accepted > 0 ? double(acceptedCorrect) / accepted : nan;
  e.openSetAccuracy = e.rows > 0 ? double(openRight) / e.rows : nan;
  e.rejectedFraction = e.rows > 0 ? double(rejected) / e.rows : nan;
  e.knownRejected = e.knownRows > 0 ? double(e.knownRows - accepted) / e.knownRows : nan;
  e.unknownRejected = e.unknownRows > 0 ? double(unknownsRejected) / e.unknownRows : nan;
  e.auroc = bench::auroc(knownScores, unknownScores);
  e.fprAt95Tpr = bench::fprAtTpr(knownScores, unknownScores, 0.95);
  explain(e, modelClasses, data, dataName);
  return e;
}

Evaluation evaluate(NetworkBox& box, const data::Dataset& data, const std::string& dataName) {
  Network& net = box.network();
  std::vector<RowOutcome> outcomes(static_cast<std::size_t>(data.rows));
  Prediction p;
  const double start = bench::nowSeconds();
  for (int i = 0; i < data.rows; ++i) {
    net.predict(data.row(i), p, net.scratch());
    // bestClass is the closed-set answer; classIndex is it when accepted (-1 when rejected).
    outcomes[std::size_t(i)] = {p.bestClass, p.known, double(p.knownScore)};
  }
  const double seconds = bench::nowSeconds() - start;
  Evaluation e = summarise(outcomes, mapLabels(box.classNames(), data), box.classNames(), data,
                           dataName);
  e.predictSecondsPerRow = data.rows > 0 ? seconds / data.rows : 0.0;
  return e;
}

void printEvaluation(const Evaluation& e, const std::vector<std::string>& classNames,
                     const std::string& method, double threshold, bool json) {
  if (json) {
    // Said on stderr as well, so that a script reading the JSON cannot miss it.
    if (e.knownRows == 0) std::fprintf(stderr, "dlm eval: %s\n", e.notes.front().c_str());
    Json j;
    j.text("method", method);
    j.integer("n", e.rows).integer("known_rows", e.knownRows);
    j.integer("unknown_rows", e.unknownRows);
    j.number("accuracy", e.accuracy).number("accepted_accuracy", e.acceptedAccuracy);
    j.number("auroc", e.auroc).number("fpr_at_95tpr", e.fprAt95Tpr);
    j.number("open_set_accuracy", e.openSetAccuracy);
    j.number("rejected_fraction", e.rejectedFraction);
    j.number("known_rejected", e.knownRejected).number("unknown_rejected", e.unknownRejected);
    j.number("threshold", threshold);
    j.texts("unmatched_labels", e.unmatchedLabels).texts("notes", e.notes);
    std::printf("%s\n", j.str().c_str());
    return;
  }
  std::printf("rows %d (known classes %d, unknown %d)\n", e.rows, e.knownRows, e.unknownRows);
  if (e.knownRows > 0) {
    std::printf("accuracy %.4f (closed set), ", e.accuracy);
    if (!std::isnan(e.acceptedAccuracy)) {
      std::printf("%.4f among accepted\n", e.acceptedAccuracy);
    } else {
      std::printf("none accepted\n");
    }
  }
  std::printf("rejected %.2f%%", 100.0 * e.rejectedFraction);
  if (e.knownRows > 0 && e.unknownRows > 0) {
    std::printf(" (%.2f%% of known-class rows, %.2f%% of unknown rows)", 100.0 * e.knownRejected,
                100.0 * e.unknownRejected);
  }
  std::printf(", open-set accuracy %.4f\n", e.openSetAccuracy);
  if (e.unknownRows > 0 && e.knownRows > 0) {
    std::printf("AUROC %.4f, FPR at 95%% TPR %.4f\n", e.auroc, e.fprAt95Tpr);
  }
  for (const std::string& note : e.notes) std::printf("note: %s\n", note.c_str());
  if (e.knownRows > 0) std::printf("\n%s", e.confusion.toText(classNames).c_str());
}

} // namespace dlm::cli
