#pragma once

// Small helpers shared by the kernel's translation units (internal, not public API).

#include <limits>

namespace dlm::detail {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

/// Index of the largest of \p n values (the first on ties).
inline int argmax(const float* v, int n) {
  int best = 0;
  for (int i = 1; i < n; ++i) {
    if (v[i] > v[best]) best = i;
  }
  return best;
}

} // namespace dlm::detail
