#include "core/layer.h"

#include <Eigen/Core>

#include <cmath>
#include <cstring>

#include "core/half.h"
#include "core/known_set.h"

namespace dlm {

#if DLM_CORE_COMPACT_METRICS
namespace {

// Two binary16 fractions packed in one word -> two floats. The Cortex-M4F FPU converts half
// precision itself: one VLDR and two VCVT instructions (GCC would go through a core register);
// elsewhere the portable decoder.
struct HalfPair {
  std::uint16_t lo, hi;
};

// Halves Offset and Offset + 1 of \p row. Offset is even (a word boundary).
template <int Offset>
inline void unpackPair(const std::uint16_t* row, float& lo, float& hi) {
  static_assert(Offset % 2 == 0, "pairs start on a word");
#if defined(__ARM_FP) && (defined(__ARM_ARCH_7EM__) || (__ARM_FP & 2))  // FPv4/FPv5: VCVTB/VCVTT
  // The offset goes into the VLDR itself ("Uv" operands get a separate address add each).
  const HalfPair* pair = reinterpret_cast<const HalfPair*>(row + Offset);
  float packed;
  __asm__("vldr %2, [%3, #%c4]\n\tvcvtb.f32.f16 %0, %2\n\tvcvtt.f32.f16 %1, %2"
          : "=&t"(lo), "=&t"(hi), "=&t"(packed)
          : "r"(row), "i"(Offset * 2), "m"(*pair));
#else
  lo = floatFromHalf(row[Offset]);
  hi = floatFromHalf(row[Offset + 1]);
#endif
}

} // namespace
#endif

float squaredDistance(const float* a, const float* b, int n) {
#if defined(EIGEN_DONT_VECTORIZE)
  float s0 = 0.0f, s1 = 0.0f;
  int i = 0;
  for (; i + 2 <= n; i += 2) {
    const float d0 = a[i] - b[i], d1 = a[i + 1] - b[i + 1];
    s0 += d0 * d0;
    s1 += d1 * d1;
  }
  for (; i < n; ++i) s0 += (a[i] - b[i]) * (a[i] - b[i]);
  return s0 + s1;
#else
  using Array = Eigen::Map<const Eigen::ArrayXf>;
  return (Array(a, n) - Array(b, n)).square().sum();
#endif
}

void Layer::clear() {
  count = 0;
  for (int c = 0; c < classStride; ++c) bias()[c] = 0.0f;
}

#if DLM_CORE_COMPACT_METRICS
template <bool Euclid, bool Scaled>
void Layer::distancesImpl(const float* z, float* q, NearestTwo* nearest, const float* s) const {
  // q_j = scale_j * sum_i f_ji (z_i - c_ji)^2: the power-of-two scale factors out exactly.
  // Rows have an even length, so a trailing odd entry is read with its zero padding.
  const int rowStride = metricStride();
  for (int j = 0; j < count; ++j) {
    const float* c = centre(j);
    const std::uint16_t* m = metrics + static_cast<long>(j) * rowStride;
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f, e0 = 0.0f, e1 = 0.0f;
    int i = 0;
    // Eight directions per turn: the loop's own bookkeeping is then ~1 instruction in 8.
    for (; i + 8 <= inDims; i += 8) {
      float m0, m1, m2, m3, m4, m5, m6, m7;
      unpackPair<0>(m + i, m0, m1);
      unpackPair<2>(m + i, m2, m3);
      unpackPair<4>(m + i, m4, m5);
      unpackPair<6>(m + i, m6, m7);
      const float d0 = z[i] - c[i], d1 = z[i + 1] - c[i + 1];
      const float d2 = z[i + 2] - c[i + 2], d3 = z[i + 3] - c[i + 3];
      const float d4 = z[i + 4] - c[i + 4], d5 = z[i + 5] - c[i + 5];
      const float d6 = z[i + 6] - c[i + 6], d7 = z[i + 7] - c[i + 7];
      s0 += m0 * d0 * d0;
      s1 += m1 * d1 * d1;
      s2 += m2 * d2 * d2;
      s3 += m3 * d3 * d3;
      s0 += m4 * d4 * d4;
      s1 += m5 * d5 * d5;
      s2 += m6 * d6 * d6;
      s3 += m7 * d7 * d7;
      if (Euclid && Scaled) {
        // The known-set scales weigh the directions: one multiply more per direction, paid
        // only by a model whose scales are not all ones.
        const float t0 = s[i] * d0, t1 = s[i + 1] * d1, t2 = s[i + 2] * d2, t3 = s[i + 3] * d3;
        const float t4 = s[i + 4] * d4, t5 = s[i + 5] * d5, t6 = s[i + 6] * d6, t7 = s[i + 7] * d7;
        e0 += t0 * t0 + t2 * t2 + t4 * t4 + t6 * t6;
        e1 += t1 * t1 + t3 * t3 + t5 * t5 + t7 * t7;
      } else if (Euclid) {
        e0 += d0 * d0 + d2 * d2 + d4 * d4 + d6 * d6;
        e1 += d1 * d1 + d3 * d3 + d5 * d5 + d7 * d7;
      }
    }
    for (; i < inDims; i += 2) {
      float m0, m1;
      unpackPair<0>(m + i, m0, m1);
      const float d0 = z[i] - c[i];
      s0 += m0 * d0 * d0;
      const float t0 = Scaled ? s[i] * d0 : d0;
      if (Euclid) e0 += t0 * t0;
      if (i + 1 < inDims) {
        const float d1 = z[i + 1] - c[i + 1];
        s1 += m1 * d1 * d1;
        const float t1 = Scaled ? s[i + 1] * d1 : d1;
        if (Euclid) e1 += t1 * t1;
      }
    }
    q[j] = metricScales[j] * ((s0 + s1) + (s2 + s3));
    if (Euclid) nearest->add(e0 + e1);
  }
}
#else
template <bool Euclid, bool Scaled>
void Layer::distancesImpl(const float* z, float* q, NearestTwo* nearest, const float* s) const {
#if defined(EIGEN_DONT_VECTORIZE)
  // Without SIMD (the Cortex-M4F build), a plain loop with four accumulators: at -Os GCC
  // leaves Eigen's evaluators out of line, which costs ~37 instructions per neuron and
  // dimension instead of ~8 (measured on the emulated M4F, see docs/benchmarks.md).
  for (int j = 0; j < count; ++j) {
    const float* c = centre(j);
    const float* m = metric(j);
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f, e0 = 0.0f;
    int i = 0;
    for (; i + 4 <= inDims; i += 4) {
      const float d0 = z[i] - c[i], d1 = z[i + 1] - c[i + 1];
      const float d2 = z[i + 2] - c[i + 2], d3 = z[i + 3] - c[i + 3];
      s0 += m[i] * d0 * d0;
      s1 += m[i + 1] * d1 * d1;
      s2 += m[i + 2] * d2 * d2;
      s3 += m[i + 3] * d3 * d3;
      if (Euclid && Scaled) {
        const float t0 = s[i] * d0, t1 = s[i + 1] * d1, t2 = s[i + 2] * d2, t3 = s[i + 3] * d3;
        e0 += (t0 * t0 + t1 * t1) + (t2 * t2 + t3 * t3);
      } else if (Euclid) {
        e0 += (d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3);
      }
    }
    for (; i < inDims; ++i) {
      const float d = z[i] - c[i];
      s0 += m[i] * d * d;
      const float t = Scaled ? s[i] * d : d;
      if (Euclid) e0 += t * t;
    }
    q[j] = (s0 + s1) + (s2 + s3);
    if (Euclid) nearest->add(e0);
  }
#else
  // Eigen arrays vectorise the reduction on the host.
  using Array = Eigen::Map<const Eigen::ArrayXf>;
  const Array input(z, inDims);
  for (int j = 0; j < count; ++j) {
    const Array c(centre(j), inDims);
    const Array m(metric(j), inDims);
    q[j] = (m * (input - c).square()).sum();
    if (Euclid && Scaled) {
      nearest->add((Array(s, inDims) * (input - c)).square().sum());
    } else if (Euclid) {
      nearest->add((input - c).square().sum());
    }
  }
#endif
}
#endif

// One distance loop per storage, compiled with and without the known-set distance, so that a
// caller that does not need it pays nothing for it.
void Layer::distances(const float* z, float* q, NearestTwo* nearest,
                      const float* scales) const {
  if (nearest != nullptr && scales != nullptr) {
    distancesImpl<true, true>(z, q, nearest, scales);
  } else if (nearest != nullptr) {
    distancesImpl<true, false>(z, q, nearest, nullptr);
  } else {
    distancesImpl<false, false>(z, q, nullptr, nullptr);
  }
}

void Layer::activate(const float* q, float sharpness, float* phi) const {
  // Past exp(-27.6) ~ 1e-12 an activation is below what readout() adds up, so far neurons
  // (most of them, for any one input) skip the exponential: ~80 instructions each on the M4F.
  const float cutoff = 27.6f / sharpness;
  for (int j = 0; j < count; ++j) phi[j] = q[j] > cutoff ? 0.0f : std::exp(-sharpness * q[j]);
}

void Layer::readout(const float* phi, float* scores) const {
  const float* b = bias();
  for (int c = 0; c < classes; ++c) scores[c] += b[c];
  for (int j = 0; j < count; ++j) {
    const float p = phi[j];
    if (p < 1e-12f) continue; // far neurons contribute nothing measurable
    const float* w = weightRow(j);
    for (int c = 0; c < classes; ++c) scores[c] += p * w[c];
  }
}

int Layer::commit(const float* z, std::uint8_t label, float radius) {
  if (count >= capacity || !(radius > 0.0f)) return -1;
  const int j = count++;
  float* c = centre(j);
  float* m = rowScratch;
  const float inv = 1.0f / (radius * radius);
  for (int i = 0; i < inDims; ++i) {
    c[i] = z[i];
    m[i] = inv;
  }
  setMetricRow(j, m);
  labels[j] = label;
  support[j] = 1;
  float* w = weightRow(j);
  for (int k = 0; k < classStride; ++k) w[k] = 0.0f;
  refreshAffine(j);
  markMoved(j);
  return j;
}

void Layer::refreshAffine(int j) {
  if (affine == nullptr) return;
  const float* c = centre(j);
  float* a = affine + static_cast<long>(j) * 2 * stride;
  float offset = 0.0f;
  for (int i = 0; i < inDims; ++i) {
    const float m = metricAt(j, i);
    a[i] = m;
    a[inDims + i] = -2.0f * m * c[i];
    offset += m * c[i] * c[i];
  }
  offsets[j] = offset;
  dirty[j] |= kDirtyMetric;
}

void Layer::shrinkToward(int j, const float* z, float qNow, float targetQ) {
  if (!(targetQ > qNow)) return;
  const float* c = centre(j);
  float fourth = 0.0f;
  for (int i = 0; i < inDims; ++i) {
    const float d = z[i] - c[i];
    fourth += d * d * d * d;
  }
  if (!(fourth > 0.0f)) return; // event sits on the centre: nothing can separate them
  const float alpha = (targetQ - qNow) / fourth;
  float* m = rowScratch;
  metricRow(j, m);
  for (int i = 0; i < inDims; ++i) {
    const float d = z[i] - c[i];
    m[i] += alpha * d * d;
  }
  setMetricRow(j, m);
  refreshAffine(j);
}

void Layer::removeNeuron(int j) {
  const int last = count - 1;
  if (j < 0 || j > last) return;
  if (j != last) {
    for (int i = 0; i < inDims; ++i) centre(j)[i] = centre(last)[i];
    const int rowStride = metricStride();
    for (int i = 0; i < rowStride; ++i) {
      metrics[static_cast<long>(j) * rowStride + i] =
          metrics[static_cast<long>(last) * rowStride + i];
    }
#if DLM_CORE_COMPACT_METRICS
    metricScales[j] = metricScales[last];
#endif
    labels[j] = labels[last];
    support[j] = support[last];
    for (int k = 0; k < classStride; ++k) weightRow(j)[k] = weightRow(last)[k];
    refreshAffine(j);
    markMoved(j);
  }
  count = static_cast<std::uint16_t>(last);
}

void Layer::swapNeurons(int a, int b) {
  if (a == b || a < 0 || b < 0 || a >= count || b >= count) return;
  const auto swapRange = [](auto* base, long step, int x, int y, int n) {
    for (int i = 0; i < n; ++i) {
      const auto t = base[x * step + i];
      base[x * step + i] = base[y * step + i];
      base[y * step + i] = t;
    }
  };
  swapRange(centres, stride, a, b, inDims);
  swapRange(metrics, metricStride(), a, b, metricStride());
#if DLM_CORE_COMPACT_METRICS
  swapRange(metricScales, 1, a, b, 1);
#endif
  swapRange(labels, 1, a, b, 1);
  swapRange(support, 1, a, b, 1);
  swapRange(weights, classStride, a, b, classStride);
  refreshAffine(a);
  refreshAffine(b);
  markMoved(a);
  markMoved(b);
}

float Layer::metricAt(int j, int i) const {
  const long at = static_cast<long>(j) * metricStride() + i;
#if DLM_CORE_COMPACT_METRICS
  return metricScales[j] * floatFromHalf(metrics[at]);
#else
  return metrics[at];
#endif
}

void Layer::metricRow(int j, float* out) const {
  for (int i = 0; i < inDims; ++i) out[i] = metricAt(j, i);
}

void Layer::setMetricRow(int j, const float* m) {
  float* row = rowScratch;
  if (m != row) std::memcpy(row, m, sizeof(float) * static_cast<std::size_t>(inDims));
#if DLM_CORE_COMPACT_METRICS
  metricScales[j] = quantizeMetricRow(row, inDims, metrics + static_cast<long>(j) * metricStride());
#else
  // Float storage keeps exactly the values compact storage would: boards and studio agree.
  quantizeMetricRow(row, inDims);
  std::memcpy(metrics + static_cast<long>(j) * stride, row,
              sizeof(float) * static_cast<std::size_t>(inDims));
#endif
}

} // namespace dlm
