// The known set at rebuild: the spacing that thins each class into centres, and the held-out
// distances that calibrate the rejection threshold (see docs/kernel.md, "Known set").
#include <Eigen/Core>

#include <algorithm>
#include <cmath>

#include "core/dense_parallel.h"
#include "core/network.h"
#include "core/network_events.h"

#if DLM_CORE_REBUILD

namespace dlm {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMap = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;
using ConstRowMap = Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>>;

} // namespace

void Network::chooseKnownScales(const Events& events) {
  // Per feature 1 / max(std, floor) over the training events, times the caller's prior: a
  // distance in which every feature counts by how much it varies among known events, so that
  // the many dimensions of one kind (the time bins of a descriptor, the pixels of an image)
  // do not drown the few that tell two events apart (see docs/kernel.md, "Known set").
  const int d = m_dims;
  float* scales = m_knownScales;
  for (int i = 0; i < d; ++i) scales[i] = 1.0f;
  if (m_scaling.standardise && events.rows > 1) {
    double* mean = m_rebuild.featureMoments;
    double* squares = mean + d;
    for (int i = 0; i < d; ++i) squares[i] = 0.0;
    const int groups = m_scaling.withinClass ? m_capacity.maxClasses : 1;
    for (int c = 0; c < groups; ++c) m_rebuild.classCounts[c] = 0;
    // Welford's update, one event at a time: no cancellation when a feature's mean dwarfs
    // its spread (a duration, an RMS). Within classes, each class has its running mean and
    // the squares pool.
    for (std::uint32_t r = 0; r < events.rows; ++r) {
      const float* x = events.row(r);
      const int group = m_scaling.withinClass ? events.label(r) : 0;
      mean = m_rebuild.classMeans + std::size_t(group) * d;
      const std::uint32_t seen = ++m_rebuild.classCounts[group];
      if (seen == 1) {
        for (int i = 0; i < d; ++i) mean[i] = 0.0;
      }
      const double inverse = 1.0 / double(seen);
      for (int i = 0; i < d; ++i) {
        const double delta = double(x[i]) - mean[i];
        mean[i] += delta * inverse;
        squares[i] += delta * (double(x[i]) - mean[i]);
      }
    }
    double meanStd = 0.0;
    for (int i = 0; i < d; ++i) {
      squares[i] = std::sqrt(squares[i] / double(events.rows));
      meanStd += squares[i] / double(d);
    }
    const double floor = double(m_scaling.floorFraction) * meanStd;
    // With every feature constant there is nothing to standardise: unit scales.
    if (meanStd > 0.0 && floor > 0.0) {
      for (int i = 0; i < d; ++i) {
        const double std = squares[i] > floor ? squares[i] : floor;
        scales[i] = float(1.0 / std);
      }
    } else if (meanStd > 0.0) {
      for (int i = 0; i < d; ++i) {
        if (squares[i] > 0.0) scales[i] = float(1.0 / squares[i]);
      }
    }
  }
  if (m_priorDims == d) {
    for (int i = 0; i < d; ++i) scales[i] *= m_rebuild.scalePrior[i];
  }
  bool unit = true;
  for (int i = 0; i < d; ++i) {
    // A float overflow (a std below 1e-38) would make the model unloadable: keep it finite.
    if (!(scales[i] > 0.0f) || !std::isfinite(scales[i])) scales[i] = 1.0f;
    unit = unit && scales[i] == 1.0f;
  }
  m_unitScales = unit;
}

float Network::estimateSpacing(const Events& events, float* knownSpacing) {
  // The median distance from an event to its nearest neighbour of the same class: the
  // typical gap between known events. Classes with a single event fall back on neighbours
  // of any class (the scale of everything seen), one event on no spacing at all.
  // A few hundred nearest-neighbour distances estimate a median well, and the cost stays
  // quadratic in the sample, not in the events. The same median in the known-set distance
  // (\p knownSpacing) tells the calibration what "at the same place" means in its scales.
  const Events sample = events.subsample(detail::kSpacingSample);
  float* gaps = m_rebuild.spacingGaps;
  float* knownGaps = m_rebuild.heldDistances;  // free until calibrateKnownSet() fills it
  std::uint32_t n = 0;
  for (int anyClass = 0; anyClass < 2 && n == 0; ++anyClass) {
    for (std::uint32_t i = 0; i < sample.rows; ++i) {
      float best = -1.0f;
      float bestKnown = -1.0f;
      for (std::uint32_t k = 0; k < sample.rows; ++k) {
        if (k == i || (!anyClass && sample.label(k) != sample.label(i))) continue;
        const float d = squaredDistance(sample.row(i), sample.row(k), m_dims);
        if (best < 0.0f || d < best) best = d;
        if (!m_unitScales) {
          const float dk = knownSquaredDistance(sample.row(i), sample.row(k));
          if (bestKnown < 0.0f || dk < bestKnown) bestKnown = dk;
        }
      }
      if (best >= 0.0f) {
        knownGaps[n] = bestKnown;
        gaps[n++] = best;
      }
    }
  }
  *knownSpacing = 0.0f;
  if (n == 0) return 0.0f;
  std::nth_element(gaps, gaps + n / 2, gaps + n);
  const float spacing = std::sqrt(gaps[n / 2]);
  if (m_unitScales) {
    *knownSpacing = spacing;
  } else {
    std::nth_element(knownGaps, knownGaps + n / 2, knownGaps + n);
    *knownSpacing = std::sqrt(knownGaps[n / 2]);
  }
  return spacing;
}

void Network::calibrateKnownSet(const Events& events, float knownSpacing) {
  // Each validation event's known-set distance with the centre committed at it (if any) left
  // out: how far a fresh event of a known class falls from the other centres. Their quantiles
  // become the calibration knots, so the threshold reads as a share of knowns rejected.
  // In the known-set scales s: |s (z - c)|^2 = |s z|^2 - 2 (s^2 z) . c + |s c|^2, so the
  // centres stay as they are and one product serves the whole block.
  const Layer& l = m_layers[0];
  const int d = m_dims;
  const int k = l.count;
  const float* s = m_knownScales;
  const bool unit = m_unitScales;
  float* norms = m_rebuild.centreNorms;
  for (int j = 0; j < k; ++j) {
    const Eigen::Map<const Eigen::ArrayXf> c(l.centre(j), d);
    norms[j] = unit ? c.matrix().squaredNorm()
                    : (c * Eigen::Map<const Eigen::ArrayXf>(s, d)).matrix().squaredNorm();
  }
  const float self = 1e-4f * knownSpacing * knownSpacing;
  float* held = m_rebuild.heldDistances;
  std::uint32_t n = 0;
  const ConstRowMap centres(l.centres, k, d, Eigen::OuterStride<>(l.stride));
  for (std::uint32_t first = 0; first < events.rows; first += kBlock) {
    const std::uint32_t left = events.rows - first;
    const int rows = left < std::uint32_t(kBlock) ? int(left) : kBlock;
    float* in = m_rebuild.blockInput;
    // The block's rows weighted by s^2 (for the product with the centres), and |s z|^2.
    float* weights = m_rebuild.blockInput + std::size_t(rows) * d;
    for (int r = 0; r < rows; ++r) {
      const float* z = events.row(first + std::uint32_t(r));
      float* row = in + std::size_t(r) * d;
      float norm = 0.0f;
      for (int i = 0; i < d; ++i) {
        const float sz = unit ? z[i] : s[i] * z[i];
        row[i] = unit ? z[i] : s[i] * sz;
        norm += sz * sz;
      }
      weights[r] = norm;
    }
    const ConstRowMap input(in, rows, d, Eigen::OuterStride<>(d));
    RowMap dots(m_rebuild.blockValues, rows, k, Eigen::OuterStride<>(k));
    detail::multiplyByNeurons(dots, input, centres, taskRunner(), m_rebuild.dense);
    for (int r = 0; r < rows; ++r) {
      const float zNorm = unit ? input.row(r).squaredNorm() : weights[r];
      NearestTwo nearest;
      for (int j = 0; j < k; ++j) {
        const float q = zNorm - 2.0f * dots(r, j) + norms[j];
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
