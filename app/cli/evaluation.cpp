#include "app/cli/evaluation.h"

#include <cmath>
#include <limits>

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

Evaluation evaluate(NetworkBox& box, const data::Dataset& data, const std::string& dataName) {
  Network& net = box.network();
  Evaluation e;
  e.rows = data.rows;
  e.confusion = bench::ConfusionMatrix(net.classes() > 0 ? net.classes() : 1);
  const std::vector<int> byDataClass = mapClassNames(box.classNames(), data.classNames);
  for (std::size_t c = 0; c < byDataClass.size(); ++c) {
    if (byDataClass[c] < 0) e.unmatchedLabels.push_back(data.classNames[c]);
  }
  const std::vector<int> truth = mapLabels(box.classNames(), data);
  std::vector<double> knownScores;
  std::vector<double> unknownScores;
  int correct = 0;
  int accepted = 0;
  int acceptedCorrect = 0;
  int openRight = 0;
  int rejected = 0;
  Prediction p;
  const double start = bench::nowSeconds();
  for (int i = 0; i < data.rows; ++i) {
    net.predict(data.row(i), p, net.scratch());
    const int t = truth[std::size_t(i)];
    rejected += p.known ? 0 : 1;
    if (t < 0) {
      unknownScores.push_back(p.knownScore);
      openRight += p.known ? 0 : 1;
      continue;
    }
    knownScores.push_back(p.knownScore);
    e.confusion.add(t, p.classIndex);
    correct += p.bestClass == t ? 1 : 0;
    accepted += p.known ? 1 : 0;
    acceptedCorrect += p.known && p.classIndex == t ? 1 : 0;
    openRight += p.known && p.classIndex == t ? 1 : 0;
  }
  e.predictSecondsPerRow = data.rows > 0 ? (bench::nowSeconds() - start) / data.rows : 0.0;
  e.knownRows = static_cast<int>(knownScores.size());
  e.unknownRows = static_cast<int>(unknownScores.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  e.accuracy = e.knownRows > 0 ? double(correct) / e.knownRows : nan;
  e.acceptedAccuracy = accepted > 0 ? double(acceptedCorrect) / accepted : nan;
  e.openSetAccuracy = e.rows > 0 ? double(openRight) / e.rows : nan;
  e.rejectedFraction = e.rows > 0 ? double(rejected) / e.rows : nan;
  e.auroc = bench::auroc(knownScores, unknownScores);
  e.fprAt95Tpr = bench::fprAtTpr(knownScores, unknownScores, 0.95);
  explain(e, box.classNames(), data, dataName);
  return e;
}

} // namespace dlm::cli
