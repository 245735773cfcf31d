#pragma once

// Random open-set and few-shot splits for `dlm bench`, all drawn from one printed seed.

#include <cstdint>
#include <string>
#include <vector>

#include "app/data/dataset.h"

namespace dlm::cli {

/// \brief Seed of draw \p index for data set \p tag under the master \p seed: each data set
/// gets its own stream, so the draws of one do not depend on which others run.
std::uint64_t splitSeed(std::uint64_t seed, const std::string& tag, int index);

/// \brief \p count distinct classes of 0..classes-1 drawn uniformly, in ascending order.
std::vector<int> drawClasses(int classes, int count, std::uint64_t seed);

/// \brief Rows of an open-set split. The training rows belong to the known classes only;
/// the test rows are the held-out known rows followed by every unknown row.
struct OpenSetSplit {
  std::vector<int> known;  ///< known class ids, ascending
  std::vector<int> train;  ///< rows of the training source
  std::vector<int> test;   ///< rows of the test source
};

/// \brief One source of rows: the known classes' rows split stratified, \p trainFraction of
/// each class to training; the rest of them and all rows of other classes are the test.
OpenSetSplit splitOpenSet(const std::vector<int>& labels, const std::vector<int>& known,
                          double trainFraction, std::uint64_t seed);

/// \brief An official train/test pair: \p trainRows rows drawn at random among the known
/// classes' rows of \p trainLabels (all of them if fewer), and every row of the test source.
OpenSetSplit sampleOpenSet(const std::vector<int>& trainLabels, int testRows,
                           const std::vector<int>& known, int trainRows, std::uint64_t seed);

/// \brief The training and test rows of a split, labels renumbered: known class i of
/// split.known becomes label i (classNames follow), every unknown row gets label -1.
struct OpenSetData {
  data::Dataset train;
  data::Dataset test;
};

OpenSetData materialize(const data::Dataset& trainSource, const data::Dataset& testSource,
                        const OpenSetSplit& split);

/// \brief Few-shot training rows: of each class present in \p pool (rows of \p labels), the
/// first \p k of a shuffle drawn from \p seed (all of them if fewer), returned in a shuffled
/// order. For one seed, the rows taken at a smaller k are among those taken at a larger k.
std::vector<int> drawFewShot(const std::vector<int>& labels, const std::vector<int>& pool, int k,
                             std::uint64_t seed);

} // namespace dlm::cli
