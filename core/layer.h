#pragma once

#include <cstdint>

#include "core/readout.h"  // DLM_CORE_REBUILD

/// Compact metrics (the lean device kernel by default): each neuron's metric is stored as a
/// power-of-two scale and half-precision fractions, half the bytes of floats. Every build
/// quantises metrics the same way when it writes them, so compact and float storage hold the
/// same values and predict alike.
#ifndef DLM_CORE_COMPACT_METRICS
#define DLM_CORE_COMPACT_METRICS (DLM_CORE_REBUILD == 0)
#endif
#if DLM_CORE_COMPACT_METRICS && DLM_CORE_REBUILD
#error "compact metrics are for the lean kernel (DLM_CORE_REBUILD=0)"
#endif

namespace dlm {

struct NearestTwo;

/// \brief One function layer: neurons with a centre, a class and a diagonal metric, plus the
/// linear readout that maps their activations to class scores.
///
/// Storage belongs to the network's arena; a Layer only views it. Neuron j's activation on
/// input z is phi_j = exp(-sharpness * q_j) with q_j = sum_i m_ji (z_i - c_ji)^2; its metric
/// ball {q_j <= 1} is the neuron's zone of competence.
struct Layer {
  std::uint16_t inDims = 0;    ///< length of this layer's input
  std::uint16_t stride = 0;    ///< floats between two neurons' centres (capacity)
  std::uint16_t count = 0;     ///< neurons in use
  std::uint16_t capacity = 0;  ///< neurons that fit
  std::uint8_t classes = 0;    ///< readout columns in use
  std::uint8_t classStride = 0;

  float* centres = nullptr;    ///< capacity x stride
  float* rowScratch = nullptr;  ///< stride floats: a metric row being assembled for setMetricRow
#if DLM_CORE_COMPACT_METRICS
  std::uint16_t* metrics = nullptr;  ///< capacity x metricStride(), binary16 fractions of the scale
  float* metricScales = nullptr;     ///< capacity, power-of-two scale of each neuron's metric
#else
  float* metrics = nullptr;    ///< capacity x stride, inverse squared radii per direction
#endif
  std::uint8_t* labels = nullptr;    ///< capacity, class of each neuron
  std::uint32_t* support = nullptr;  ///< capacity, events each neuron has covered
  float* weights = nullptr;    ///< (capacity + 1) x classStride, last row is the bias

  // Optional affine form of the distances, kept in step with centres and metrics so that a
  // block of events costs one matrix product: q_j(z) = [z*z, z] . affine_j + offsets_j with
  // affine_j = [m_j, -2 m_j*c_j] and offsets_j = sum m_j c_j^2. Host rebuilds only.
  float* affine = nullptr;     ///< capacity x 2 stride, or null
  float* offsets = nullptr;    ///< capacity
  /// capacity: what changed in a neuron since the caller last cleared it (kDirty* bits)
  std::uint8_t* dirty = nullptr;
  static constexpr std::uint8_t kDirtyMetric = 1;  ///< its metric (or anything) changed
  static constexpr std::uint8_t kDirtyCentre = 2;  ///< its slot holds another centre now

  float* centre(int j) { return centres + static_cast<long>(j) * stride; }
  const float* centre(int j) const { return centres + static_cast<long>(j) * stride; }
#if !DLM_CORE_COMPACT_METRICS
  /// \brief Neuron j's metric (read only: writes go through setMetricRow, which quantises).
  const float* metric(int j) const { return metrics + static_cast<long>(j) * stride; }
#endif
  /// \brief Entries between two neurons' metric rows; even in compact storage, so that rows
  /// start on a word and can be read two halves at a time.
  int metricStride() const { return DLM_CORE_COMPACT_METRICS ? (stride + 1) & ~1 : stride; }
  /// \brief Metric of neuron \p j along input direction \p i.
  float metricAt(int j, int i) const;
  /// \brief Neuron j's metric into \p out (inDims floats).
  void metricRow(int j, float* out) const;
  /// \brief Quantise \p m (inDims floats; may be rowScratch, which it overwrites) and store it
  /// as neuron j's metric.
  void setMetricRow(int j, const float* m);
  float* weightRow(int j) { return weights + static_cast<long>(j) * classStride; }
  const float* weightRow(int j) const { return weights + static_cast<long>(j) * classStride; }
  const float* bias() const { return weightRow(capacity); }
  float* bias() { return weightRow(capacity); }

  void clear();

  /// \brief Metric distance q_j of \p z to every neuron, written to \p q (count floats).
  /// With \p nearest, also the two smallest squared Euclidean distances to the centres (the
  /// known-set distance), in the same pass; \p scales (inDims floats, null: all ones) weigh
  /// each direction of that distance: sum_i (s_i (z_i - c_ji))^2.
  void distances(const float* z, float* q, NearestTwo* nearest = nullptr,
                 const float* scales = nullptr) const;

  template <bool Euclid, bool Scaled>
  void distancesImpl(const float* z, float* q, NearestTwo* nearest, const float* s) const;

  /// \brief Activations from distances: phi_j = exp(-sharpness * q_j).
  void activate(const float* q, float sharpness, float* phi) const;

  /// \brief scores += W^T phi + bias (scores has classStride floats).
  void readout(const float* phi, float* scores) const;

  /// \brief Append a neuron at \p z with an isotropic radius; returns its index or -1 if full.
  int commit(const float* z, std::uint8_t label, float radius);

  /// \brief Shrink neuron \p j along the direction of \p z only, so that q_j(z) becomes
  /// \p targetQ. The diagonal metric grows in proportion to the squared components of
  /// (z - c_j): directions where the conflicting event does not lie keep their extent.
  void shrinkToward(int j, const float* z, float qNow, float targetQ);

  /// \brief Remove neuron \p j, moving the last neuron into its slot (weights too).
  void removeNeuron(int j);

  /// \brief Exchange neurons \p a and \p b (centres, metrics, labels, support, weights).
  void swapNeurons(int a, int b);
  /// \brief Record that slot \p j holds another centre (no-op without the affine form).
  void markMoved(int j) {
    if (dirty != nullptr) dirty[j] |= kDirtyCentre;
  }

  /// \brief Recompute the affine form of neuron \p j (after loading, for instance).
  void refreshAffine(int j);
  const float* affineRow(int j) const { return affine + static_cast<long>(j) * 2 * stride; }
};

/// \brief Squared Euclidean distance between two vectors of length n.
float squaredDistance(const float* a, const float* b, int n);

} // namespace dlm
