#include "core/layer.h"

#include <Eigen/Core>

#include <cmath>

namespace dlm {

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

void Layer::distances(const float* z, float* q) const {
#if defined(EIGEN_DONT_VECTORIZE)
  // Without SIMD (the Cortex-M4F build), a plain loop with four accumulators: at -Os GCC
  // leaves Eigen's evaluators out of line, which costs ~37 instructions per neuron and
  // dimension instead of ~8 (measured on the emulated M4F, see docs/benchmarks.md).
  for (int j = 0; j < count; ++j) {
    const float* c = centre(j);
    const float* m = metric(j);
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
    int i = 0;
    for (; i + 4 <= inDims; i += 4) {
      const float d0 = z[i] - c[i], d1 = z[i + 1] - c[i + 1];
      const float d2 = z[i + 2] - c[i + 2], d3 = z[i + 3] - c[i + 3];
      s0 += m[i] * d0 * d0;
      s1 += m[i + 1] * d1 * d1;
      s2 += m[i + 2] * d2 * d2;
      s3 += m[i + 3] * d3 * d3;
    }
    for (; i < inDims; ++i) s0 += m[i] * (z[i] - c[i]) * (z[i] - c[i]);
    q[j] = (s0 + s1) + (s2 + s3);
  }
#else
  // Eigen arrays vectorise the reduction on the host.
  using Array = Eigen::Map<const Eigen::ArrayXf>;
  const Array input(z, inDims);
  for (int j = 0; j < count; ++j) {
    const Array c(centre(j), inDims);
    const Array m(metric(j), inDims);
    q[j] = (m * (input - c).square()).sum();
  }
#endif
}

void Layer::activate(const float* q, float sharpness, float* phi) const {
  for (int j = 0; j < count; ++j) phi[j] = std::exp(-sharpness * q[j]);
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
  float* m = metric(j);
  const float inv = 1.0f / (radius * radius);
  for (int i = 0; i < inDims; ++i) {
    c[i] = z[i];
    m[i] = inv;
  }
  labels[j] = label;
  support[j] = 1;
  float* w = weightRow(j);
  for (int k = 0; k < classStride; ++k) w[k] = 0.0f;
  refreshAffine(j);
  return j;
}

void Layer::refreshAffine(int j) {
  if (affine == nullptr) return;
  const float* c = centre(j);
  const float* m = metric(j);
  float* a = affine + static_cast<long>(j) * 2 * stride;
  float offset = 0.0f;
  for (int i = 0; i < inDims; ++i) {
    a[i] = m[i];
    a[inDims + i] = -2.0f * m[i] * c[i];
    offset += m[i] * c[i] * c[i];
  }
  offsets[j] = offset;
  dirty[j] = 1;
}

void Layer::shrinkToward(int j, const float* z, float qNow, float targetQ) {
  if (!(targetQ > qNow)) return;
  const float* c = centre(j);
  float* m = metric(j);
  float fourth = 0.0f;
  for (int i = 0; i < inDims; ++i) {
    const float d = z[i] - c[i];
    fourth += d * d * d * d;
  }
  if (!(fourth > 0.0f)) return; // event sits on the centre: nothing can separate them
  const float alpha = (targetQ - qNow) / fourth;
  for (int i = 0; i < inDims; ++i) {
    const float d = z[i] - c[i];
    m[i] += alpha * d * d;
  }
  refreshAffine(j);
}

void Layer::removeNeuron(int j) {
  const int last = count - 1;
  if (j < 0 || j > last) return;
  if (j != last) {
    for (int i = 0; i < inDims; ++i) {
      centre(j)[i] = centre(last)[i];
      metric(j)[i] = metric(last)[i];
    }
    labels[j] = labels[last];
    support[j] = support[last];
    for (int k = 0; k < classStride; ++k) weightRow(j)[k] = weightRow(last)[k];
    refreshAffine(j);
  }
  count = static_cast<std::uint16_t>(last);
}

} // namespace dlm
