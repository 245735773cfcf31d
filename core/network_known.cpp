// The known set at rebuild: the spacing that thins each class into centres, and the held-out
// distances that calibrate the rejection threshold (see docs/kernel.md, "Known set").
#include <Eigen/Core>

#include <algorithm>
#include <cmath>

#include "core/dense.h"
#include "core/network.h"
#include "core/network_events.h"

#if DLM_CORE_REBUILD

namespace dlm {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMap = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;
using ConstRowMap = Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>>;

} // namespace

float Network::estimateSpacing(const Events& events) {
  // The median distance from an event to its nearest neighbour of the same class: the
  // typical gap between known events. Classes with a single event fall back on neighbours
  // of any class (the scale of everything seen), one event on no spacing at all.
  // A few hundred nearest-neighbour distances estimate a median well, and the cost stays
  // quadratic in the sample, not in the events.
  const Events sample = events.subsample(detail::kSpacingSample);
  float* gaps = m_rebuild.spacingGaps;
  std::uint32_t n = 0;
  for (int anyClass = 0; anyClass < 2 && n == 0; ++anyClass) {
    for (std::uint32_t i = 0; i < sample.rows; ++i) {
      float best = -1.0f;
      for (std::uint32_t k = 0; k < sample.rows; ++k) {
        if (k == i || (!anyClass && sample.label(k) != sample.label(i))) continue;
        const float d = squaredDistance(sample.row(i), sample.row(k), m_dims);
        if (best < 0.0f || d < best) best = d;
      }
      if (best >= 0.0f) gaps[n++] = best;
    }
  }
  if (n == 0) return 0.0f;
  std::nth_element(gaps, gaps + n / 2, gaps + n);
  return std::sqrt(gaps[n / 2]);
}

void Network::calibrateKnownSet(const Events& events) {
  // Each validation event's known-set distance with the centre committed at it (if any) left
  // out: how far a fresh event of a known class falls from the other centres. Their quantiles
  // become the calibration knots, so the threshold reads as a share of knowns rejected.
  const Layer& l = m_layers[0];
  const int d = m_dims;
  const int k = l.count;
  float* norms = m_rebuild.centreNorms;
  for (int j = 0; j < k; ++j) {
    norms[j] = Eigen::Map<const Eigen::VectorXf>(l.centre(j), d).squaredNorm();
  }
  const float self = 1e-4f * m_params.spacing * m_params.spacing;
  float* held = m_rebuild.heldDistances;
  std::uint32_t n = 0;
  const ConstRowMap centres(l.centres, k, d, Eigen::OuterStride<>(l.stride));
  for (std::uint32_t first = 0; first < events.rows; first += kBlock) {
    const std::uint32_t left = events.rows - first;
    const int rows = left < std::uint32_t(kBlock) ? int(left) : kBlock;
    for (int r = 0; r < rows; ++r) {
      const float* z = events.row(first + std::uint32_t(r));
      std::copy(z, z + d, m_rebuild.blockInput + std::size_t(r) * d);
    }
    const ConstRowMap input(m_rebuild.blockInput, rows, d, Eigen::OuterStride<>(d));
    RowMap dots(m_rebuild.blockValues, rows, k, Eigen::OuterStride<>(k));
    detail::dense::multiply(dots, input, centres.transpose(), m_rebuild.dense);
    for (int r = 0; r < rows; ++r) {
      const float zz = input.row(r).squaredNorm();
      NearestTwo nearest;
      for (int j = 0; j < k; ++j) {
        const float q = zz - 2.0f * dots(r, j) + norms[j];
        if (q > self) nearest.add(q);
      }
      if (!nearest.empty()) held[n++] = nearest.distance();
    }
  }
  std::sort(held, held + n);
  m_calibration.setFromSorted(held, n);
}

} // namespace dlm

#endif // DLM_CORE_REBUILD
