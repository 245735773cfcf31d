#include "core/layer.h"

#include <Eigen/Core>

#include <cmath>

namespace dlm {

float squaredDistance(const float* a, const float* b, int n) {
  using Array = Eigen::Map<const Eigen::ArrayXf>;
  return (Array(a, n) - Array(b, n)).square().sum();
}

void Layer::clear() {
  count = 0;
  for (int c = 0; c < classStride; ++c) bias()[c] = 0.0f;
}

void Layer::distances(const float* z, float* q) const {
  // Eigen arrays vectorise the reduction on the host; on the board they compile to the
  // plain loop.
  using Array = Eigen::Map<const Eigen::ArrayXf>;
  const Array input(z, inDims);
  for (int j = 0; j < count; ++j) {
    const Array c(centre(j), inDims);
    const Array m(metric(j), inDims);
    q[j] = (m * (input - c).square()).sum();
  }
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
