#include "app/cli/bench_splits.h"

#include <algorithm>
#include <map>

#include "app/data/random.h"

namespace dlm::cli {

namespace {

std::uint64_t mix(std::uint64_t z) {
  // splitmix64's finaliser: neighbouring inputs give unrelated outputs.
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

bool contains(const std::vector<int>& sorted, int value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

std::vector<int> sortedCopy(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v;
}

} // namespace

std::uint64_t splitSeed(std::uint64_t seed, const std::string& tag, int index) {
  std::uint64_t h = mix(seed);
  for (const char c : tag) h = mix(h ^ static_cast<unsigned char>(c));
  return mix(h ^ static_cast<std::uint64_t>(index));
}

std::vector<int> drawClasses(int classes, int count, std::uint64_t seed) {
  std::vector<int> all;
  for (int c = 0; c < classes; ++c) all.push_back(c);
  data::Rng rng(seed);
  data::shuffle(all, rng);
  all.resize(std::size_t(std::clamp(count, 0, classes)));
  return sortedCopy(all);
}

OpenSetSplit splitOpenSet(const std::vector<int>& labels, const std::vector<int>& known,
                          double trainFraction, std::uint64_t seed) {
  OpenSetSplit s;
  s.known = sortedCopy(known);
  std::vector<int> knownRows;
  std::vector<int> knownLabels;
  std::vector<int> unknownRows;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (contains(s.known, labels[i])) {
      knownRows.push_back(int(i));
      knownLabels.push_back(labels[i]);
    } else {
      unknownRows.push_back(int(i));
    }
  }
  std::vector<int> train, test;
  data::stratifiedSplit(knownLabels, trainFraction, seed, train, test);
  for (const int t : train) s.train.push_back(knownRows[std::size_t(t)]);
  for (const int t : test) s.test.push_back(knownRows[std::size_t(t)]);
  s.test.insert(s.test.end(), unknownRows.begin(), unknownRows.end());
  return s;
}

OpenSetSplit sampleOpenSet(const std::vector<int>& trainLabels, int testRows,
                           const std::vector<int>& known, int trainRows, std::uint64_t seed) {
  OpenSetSplit s;
  s.known = sortedCopy(known);
  for (std::size_t i = 0; i < trainLabels.size(); ++i) {
    if (contains(s.known, trainLabels[i])) s.train.push_back(int(i));
  }
  data::Rng rng(seed);
  data::shuffle(s.train, rng);
  if (trainRows >= 0 && std::size_t(trainRows) < s.train.size()) {
    s.train.resize(std::size_t(trainRows));
  }
  for (int i = 0; i < testRows; ++i) s.test.push_back(i);
  return s;
}

namespace {

data::Dataset renumbered(const data::Dataset& source, const std::vector<int>& rows,
                         const std::vector<int>& known) {
  data::Dataset d = source.subset(rows);
  for (int& label : d.labels) {
    const auto it = std::lower_bound(known.begin(), known.end(), label);
    label = it != known.end() && *it == label ? int(it - known.begin()) : -1;
  }
  d.classNames.clear();
  for (const int c : known) {
    d.classNames.push_back(std::size_t(c) < source.classNames.size()
                               ? source.classNames[std::size_t(c)] : std::to_string(c));
  }
  return d;
}

} // namespace

OpenSetData materialize(const data::Dataset& trainSource, const data::Dataset& testSource,
                        const OpenSetSplit& split) {
  return {renumbered(trainSource, split.train, split.known),
          renumbered(testSource, split.test, split.known)};
}

std::vector<int> drawFewShot(const std::vector<int>& labels, const std::vector<int>& pool, int k,
                             std::uint64_t seed) {
  std::map<int, std::vector<int>> byClass;  // ascending classes: the draw ignores pool order
  for (const int row : sortedCopy(pool)) byClass[labels[std::size_t(row)]].push_back(row);
  data::Rng rng(seed);
  std::vector<int> out;
  for (auto& entry : byClass) {
    data::shuffle(entry.second, rng);
    const std::size_t take = std::min(entry.second.size(), std::size_t(std::max(k, 0)));
    out.insert(out.end(), entry.second.begin(), entry.second.begin() + std::ptrdiff_t(take));
  }
  data::Rng order(splitSeed(seed, "order", k));
  data::shuffle(out, order);
  return out;
}

} // namespace dlm::cli
