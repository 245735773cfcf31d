#include "app/cli/evaluation.h"

#include <cmath>
#include <limits>

namespace dlm::cli {

std::vector<int> mapLabels(const std::vector<std::string>& modelClasses,
                           const data::Dataset& data) {
  std::vector<int> byDataClass(data.classNames.size(), -1);
  for (std::size_t c = 0; c < data.classNames.size(); ++c) {
    for (std::size_t k = 0; k < modelClasses.size(); ++k) {
      if (modelClasses[k] == data.classNames[c]) byDataClass[c] = static_cast<int>(k);
    }
  }
  std::vector<int> mapped(static_cast<std::size_t>(data.rows), -1);
  for (int i = 0; i < data.rows; ++i) {
    const int label = data.labels[std::size_t(i)];
    mapped[std::size_t(i)] = label >= 0 ? byDataClass[std::size_t(label)] : -1;
  }
  return mapped;
}

Evaluation evaluate(NetworkBox& box, const data::Dataset& data) {
  Network& net = box.network();
  Evaluation e;
  e.rows = data.rows;
  e.confusion = bench::ConfusionMatrix(net.classes() > 0 ? net.classes() : 1);
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
    net.predict(data.row(i), p);
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
  return e;
}

} // namespace dlm::cli
