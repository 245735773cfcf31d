#pragma once

// Internal to the kernel's rebuild translation units: the events a rebuild reads.

#include <cstdint>

#include "core/network.h"

namespace dlm {

/// Events to build from: the network's own ring, or rows held by the caller.
struct Network::Events {
  const float* base = nullptr;
  const std::uint8_t* labels = nullptr;
  std::uint32_t rows = 0;
  std::uint32_t first = 0;  ///< ring slot of the oldest event
  std::uint32_t ring = 0;   ///< ring size, 0 when rows are contiguous
  std::uint32_t step = 1;   ///< every step-th event: a deterministic subsample
  int stride = 0;

  std::uint32_t index(std::uint32_t i) const { return i * step; }
  std::uint32_t slot(std::uint32_t i) const {
    return ring != 0 ? (first + i * step) % ring : i * step;
  }
  /// Every k-th event so that at most \p limit remain.
  Events subsample(std::uint32_t limit) const {
    Events sub = *this;
    if (rows <= limit) return sub;
    sub.step = step * ((rows + limit - 1) / limit);
    sub.rows = (rows + sub.step / step - 1) / (sub.step / step);
    return sub;
  }
  const float* row(std::uint32_t i) const { return base + std::size_t(slot(i)) * stride; }
  int label(std::uint32_t i) const { return labels[slot(i)]; }
};

} // namespace dlm
