#include "app/data/standardize.h"

#include <cassert>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace dlm::data {

void Standardizer::fit(const Dataset& data, const std::vector<int>& rows)
{
    const auto dims = static_cast<std::size_t>(data.dims);
    // Doubles: a float running sum loses digits on features in the thousands (wine's proline).
    std::vector<double> sum(dims, 0.0);
    std::vector<double> sumSq(dims, 0.0);
    for (const int r : rows) {
        const float* x = data.row(r);
        for (std::size_t d = 0; d < dims; ++d)
            sum[d] += x[d];
    }
    const double n = rows.empty() ? 1.0 : double(rows.size());
    m_mean.assign(dims, 0.0f);
    for (std::size_t d = 0; d < dims; ++d)
        m_mean[d] = static_cast<float>(sum[d] / n);
    for (const int r : rows) {
        const float* x = data.row(r);
        for (std::size_t d = 0; d < dims; ++d) {
            const double c = double(x[d]) - sum[d] / n;
            sumSq[d] += c * c;
        }
    }
    m_scale.assign(dims, 1.0f);
    for (std::size_t d = 0; d < dims; ++d) {
        const double sd = std::sqrt(sumSq[d] / n);
        if (sd > 0.0)
            m_scale[d] = static_cast<float>(1.0 / sd);
    }
}

void Standardizer::apply(Dataset& data) const
{
    assert(static_cast<std::size_t>(data.dims) == m_mean.size());
    const auto dims = static_cast<std::size_t>(data.dims);
    for (std::size_t i = 0; i < data.features.size(); ++i) {
        const std::size_t d = i % dims;
        data.features[i] = (data.features[i] - m_mean[d]) * m_scale[d];
    }
}

void standardize(Dataset& train, Dataset& test)
{
    std::vector<int> all(static_cast<std::size_t>(train.rows));
    std::iota(all.begin(), all.end(), 0);
    Standardizer s;
    s.fit(train, all);
    s.apply(train);
    s.apply(test);
}

}  // namespace dlm::data
