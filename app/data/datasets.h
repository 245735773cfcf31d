#pragma once

#include <string>

#include "app/data/dataset.h"

namespace dlm::data {

/// \brief Where Debian's python3-sklearn package installs the 8×8 handwritten digits set.
inline constexpr char kDigitsPath[] =
    "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";

/// \brief scikit-learn's wine recognition set (178 rows, 13 measurements, 3 cultivars).
inline constexpr char kWinePath[] =
    "/usr/lib/python3/dist-packages/sklearn/datasets/data/wine_data.csv";

/// \brief scikit-learn's Wisconsin breast cancer set (569 rows, 30 features, 2 classes).
inline constexpr char kBreastCancerPath[] =
    "/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv";

/// \brief Where Debian's dataset-fashion-mnist package installs the Fashion-MNIST IDX files.
inline constexpr char kFashionMnistDir[] = "/usr/share/datasets/fashion-mnist";

/// \brief Loads scikit-learn's digits set (1797 rows of 64 pixels valued 0–16, then the digit).
///
/// Pixels are scaled by 1/16 into [0, 1]; classNames are "0".."9" in numeric order, so a label's
/// index equals its digit.
bool loadDigits(Dataset& out, std::string& error, const std::string& path = kDigitsPath);

/// \brief Loads one of scikit-learn's bundled tables (kWinePath, kBreastCancerPath).
///
/// Their first line is "rows,features,class names..."; every further line holds the features
/// then the class index. Features are kept as they are (see standardize.h); classNames come
/// from the header. Errors name the file and line; a row count that disagrees with the header
/// is an error.
bool loadSklearnTable(Dataset& out, std::string& error, const std::string& path);

/// \brief Loads Fashion-MNIST from the gzip-compressed IDX files in dir.
///
/// Pixels are scaled by 1/255 into [0, 1]; classNames are the ten clothing categories in label
/// order. A positive trainLimit / testLimit keeps only that many leading images (0 = all), which
/// also skips decompressing the rest.
bool loadFashionMnist(Dataset& train, Dataset& test, std::string& error,
                      const std::string& dir = kFashionMnistDir, int trainLimit = 0,
                      int testLimit = 0);

}  // namespace dlm::data
