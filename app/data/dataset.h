#pragma once

#include <string>
#include <vector>

namespace dlm::data {

/// \brief An in-memory labelled dataset: a dense row-major feature matrix plus one class per row.
struct Dataset {
    int rows = 0;
    int dims = 0;
    std::vector<float> features;          ///< rows × dims, row-major.
    std::vector<int> labels;              ///< One per row: index into classNames, or -1 for none.
    std::vector<std::string> classNames;  ///< In order of first appearance in the source.
    std::vector<std::string> featureNames;  ///< Either empty (unnamed) or exactly dims entries.
    /// Rows are core descriptors (core/descriptor.h) of this many sensor channels; 0 for any
    /// other features. It decides the known-set prior weights (descriptorFeatureWeights()).
    int descriptorChannels = 0;

    /// \brief Pointer to the dims features of row i (0 <= i < rows).
    const float* row(int i) const;

    /// \brief Copy of the rows listed in idx, in that order (repeats allowed); class and feature
    /// names are kept whole so label indices stay comparable with this dataset.
    Dataset subset(const std::vector<int>& idx) const;

    /// \brief Index of the class called name, or -1 if there is none.
    int classIndex(const std::string& name) const;
};

}  // namespace dlm::data
