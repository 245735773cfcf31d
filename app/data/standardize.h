#pragma once

#include <vector>

#include "app/data/dataset.h"

namespace dlm::data {

/// \brief Z-score standardisation fitted on chosen rows (the training rows only, so the
/// test rows never leak into the scale) and applied to any dataset of the same width.
class Standardizer {
public:
    /// \brief Mean and standard deviation (population, 1/n) of each feature over \p rows of
    /// \p data. A feature constant over those rows keeps scale 1: it is only centred.
    void fit(const Dataset& data, const std::vector<int>& rows);
    /// \brief x -> (x - mean) / std for every row of \p data; data.dims must match the fit.
    void apply(Dataset& data) const;

    const std::vector<float>& mean() const { return m_mean; }
    const std::vector<float>& scale() const { return m_scale; }

private:
    std::vector<float> m_mean;
    std::vector<float> m_scale;
};

/// \brief Fits on \p train and applies to both \p train and \p test.
void standardize(Dataset& train, Dataset& test);

}  // namespace dlm::data
