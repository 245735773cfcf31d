#pragma once
// Deterministic data sets on which stacking layers is tempting and can hurt (issue 8, item 5):
// n-bit parity, two interleaved spirals, XOR hidden among noise dimensions, a checkerboard;
// and seeded 50/50 splits. Every generator is a pure function of its arguments.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "blobs.h"

namespace dlm::test {

/// All 2^n patterns of n bits as 0/1 floats, labelled by their parity (odd: class 1).
inline Events parity(int bits) {
  Events e;
  e.dims = bits;
  for (int pattern = 0; pattern < (1 << bits); ++pattern) {
    int ones = 0;
    for (int b = 0; b < bits; ++b) {
      const int bit = (pattern >> b) & 1;
      e.x.push_back(float(bit));
      ones += bit;
    }
    e.y.push_back(std::uint8_t(ones & 1));
  }
  return e;
}

/// Two interleaved spirals in the plane, \p perClass points each (interleaved by class), one
/// and a half turns from the centre outwards, with Gaussian-ish noise of \p noiseScale.
inline Events spirals(int perClass, float noiseScale, std::uint64_t seed) {
  Events e;
  e.dims = 2;
  const float kPi = 3.14159265358979f;
  for (int i = 0; i < perClass; ++i) {
    // Evenly spaced along the arm, from a quarter turn in (the centre is where arms meet).
    const float t = 0.5f * kPi + 3.0f * kPi * float(i) / float(perClass - 1);
    for (int c = 0; c < 2; ++c) {
      const float angle = t + float(c) * kPi;
      const float r = t / (3.5f * kPi);  // radius up to 1
      e.x.push_back(r * std::cos(angle) + noiseScale * noise(seed));
      e.x.push_back(r * std::sin(angle) + noiseScale * noise(seed));
      e.y.push_back(std::uint8_t(c));
    }
  }
  return e;
}

/// Uniform in [-1, 1]^dims; the class is whether x0 and x1 have the same sign, every other
/// dimension is noise.
inline Events xorNoise(int rows, int dims, std::uint64_t seed) {
  Events e;
  e.dims = dims;
  for (int i = 0; i < rows; ++i) {
    for (int d = 0; d < dims; ++d) e.x.push_back(2.0f * uniform(seed) - 1.0f);
    const float* x = e.row(i);
    e.y.push_back(std::uint8_t(x[0] * x[1] > 0.0f ? 1 : 0));
  }
  return e;
}

/// A \p cells x \p cells checkerboard on [0, cells)^2, uniform points.
inline Events checkerboard(int rows, int cells, std::uint64_t seed) {
  Events e;
  e.dims = 2;
  for (int i = 0; i < rows; ++i) {
    const float x = float(cells) * uniform(seed);
    const float y = float(cells) * uniform(seed);
    e.x.push_back(x);
    e.x.push_back(y);
    e.y.push_back(std::uint8_t((int(std::floor(x)) + int(std::floor(y))) & 1));
  }
  return e;
}

/// The rows of \p e listed in \p idx, in that order.
inline Events subset(const Events& e, const std::vector<int>& idx) {
  Events out;
  out.dims = e.dims;
  for (int i : idx) {
    out.x.insert(out.x.end(), e.row(i), e.row(i) + e.dims);
    out.y.push_back(e.y[std::size_t(i)]);
  }
  return out;
}

/// A seeded random half of the rows for training, the rest held out (Fisher-Yates on the
/// generator above, so the split is the same with every standard library).
inline void splitHalf(const Events& e, std::uint64_t seed, Events& train, Events& held) {
  std::vector<int> order(std::size_t(e.rows()));
  std::iota(order.begin(), order.end(), 0);
  for (int i = e.rows() - 1; i > 0; --i) {
    int j = int(uniform(seed) * float(i + 1));
    if (j > i) j = i;
    std::swap(order[std::size_t(i)], order[std::size_t(j)]);
  }
  const auto half = order.begin() + e.rows() / 2;
  train = subset(e, std::vector<int>(order.begin(), half));
  held = subset(e, std::vector<int>(half, order.end()));
}

} // namespace dlm::test
