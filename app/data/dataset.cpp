#include "app/data/dataset.h"

#include <algorithm>
#include <cassert>
#include <cstddef>

namespace dlm::data {

const float* Dataset::row(int i) const
{
    assert(i >= 0 && i < rows);
    return features.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(dims);
}

Dataset Dataset::subset(const std::vector<int>& idx) const
{
    Dataset out;
    out.rows = static_cast<int>(idx.size());
    out.dims = dims;
    out.classNames = classNames;
    out.featureNames = featureNames;
    out.descriptorChannels = descriptorChannels;
    const auto width = static_cast<std::size_t>(dims);
    out.features.resize(idx.size() * width);
    out.labels.resize(idx.size());
    for (std::size_t k = 0; k < idx.size(); ++k) {
        const int i = idx[k];
        assert(i >= 0 && i < rows);
        const float* src = row(i);
        std::copy(src, src + width, out.features.begin() + static_cast<std::ptrdiff_t>(k * width));
        out.labels[k] = labels[static_cast<std::size_t>(i)];
    }
    return out;
}

int Dataset::classIndex(const std::string& name) const
{
    const auto it = std::find(classNames.begin(), classNames.end(), name);
    return it == classNames.end() ? -1 : static_cast<int>(it - classNames.begin());
}

}  // namespace dlm::data
