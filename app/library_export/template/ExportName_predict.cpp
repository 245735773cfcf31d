// The lean predict path: descriptor -> function layers -> readout -> known-set score -> class
// or unknown. The same arithmetic as the kernel's forward pass (core/network.cpp,
// core/layer.cpp), written as plain loops over the model's const arrays: no arena, no heap.
#include <cmath>

#include "ExportName.h"
#include "ExportName_known_set.h"
#include "ExportName_model.h"

namespace ExportName {

namespace {

using core::KnownCalibration;
using core::NearestTwo;

// Past exp(-27.6) ~ 1e-12 an activation adds nothing measurable to the scores: the kernel
// skips the exponential there, and so must this path to give the same numbers.
constexpr float kActivationCutoff = 27.6f;
constexpr float kNegligibleActivation = 1e-12f;

// Squared known-set distance of z to centre c: in the model's known-set scales when it has
// them (the first layer only).
float knownSquared(const float* z, const float* c, int n) {
  float e0 = 0.0f, e1 = 0.0f;
  int i = 0;
  for (; i + 2 <= n; i += 2) {
    const float s0 = model::kKnownScales != nullptr ? model::kKnownScales[i] : 1.0f;
    const float s1 = model::kKnownScales != nullptr ? model::kKnownScales[i + 1] : 1.0f;
    const float t0 = s0 * (z[i] - c[i]), t1 = s1 * (z[i + 1] - c[i + 1]);
    e0 += t0 * t0;
    e1 += t1 * t1;
  }
  for (; i < n; ++i) {
    const float s = model::kKnownScales != nullptr ? model::kKnownScales[i] : 1.0f;
    const float t = s * (z[i] - c[i]);
    e0 += t * t;
  }
  return e0 + e1;
}

// Metric distance q = sum_i m_i (z_i - c_i)^2, four partial sums as the board's kernel.
float metricDistance(const float* z, const float* c, const float* m, int n) {
  float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const float d0 = z[i] - c[i], d1 = z[i + 1] - c[i + 1];
    const float d2 = z[i + 2] - c[i + 2], d3 = z[i + 3] - c[i + 3];
    s0 += m[i] * d0 * d0;
    s1 += m[i + 1] * d1 * d1;
    s2 += m[i + 2] * d2 * d2;
    s3 += m[i + 3] * d3 * d3;
  }
  for (; i < n; ++i) s0 += m[i] * (z[i] - c[i]) * (z[i] - c[i]);
  return (s0 + s1) + (s2 + s3);
}

// One layer on input z: scores += bias + sum_j phi_j w_j with phi_j = exp(-sharpness q_j).
// The first layer also tracks the two nearest centres (the known-set distance).
void runLayer(const model::Layer& layer, const float* z, float* scores, NearestTwo* nearest) {
  const float cutoff = kActivationCutoff / kSharpness;
  for (int k = 0; k < kClasses; ++k) scores[k] += layer.bias[k];
  for (int j = 0; j < layer.count; ++j) {
    const float* c = layer.centres + j * layer.inDims;
    const float q = metricDistance(z, c, layer.metrics + j * layer.inDims, layer.inDims);
    if (nearest != nullptr) nearest->add(knownSquared(z, c, layer.inDims));
    const float phi = q > cutoff ? 0.0f : std::exp(-kSharpness * q);
    if (phi < kNegligibleActivation) continue;
    const float* w = layer.weights + j * kClasses;
    for (int k = 0; k < kClasses; ++k) scores[k] += phi * w[k];
  }
}

// The calibrated level of a known-set distance, by the kernel's own rule (known_set.cpp).
float knownLevel(float distance) {
  static const std::uint8_t kNoStamps[kKnots > 0 ? kKnots : 1] = {};
  KnownCalibration calibration;
  calibration.assign(model::kKnotValues, kNoStamps, kKnots, 0);
  return calibration.level(distance, kSpacing);
}

void decide(const float* scores, float distance, float threshold, Prediction& out) {
  int best = 0;
  for (int k = 1; k < kClasses; ++k) {
    if (scores[k] > scores[best]) best = k;
  }
  float second = -INFINITY;
  for (int k = 0; k < kClasses; ++k) {
    if (k != best && scores[k] > second) second = scores[k];
  }
  const float margin = kClasses > 1 ? scores[best] - second : scores[best];
  out.bestClass = best;
  out.confidence = margin < 0.0f ? 0.0f : (margin > 1.0f ? 1.0f : margin);
  out.knownDistance = distance;
  out.knownScore = knownLevel(distance);
  out.known = core::isKnownLevel(out.knownScore, threshold);
  out.classIndex = out.known ? best : -1;
}

} // namespace

Prediction predict(const float* descriptor) { return predict(descriptor, kThreshold); }

Prediction predict(const float* descriptor, float threshold) {
  Prediction out;
  if (descriptor == nullptr) return out;
  // The whole working memory: a deeper layer's input [x, stackScale x scores] and the scores.
  float input[kDims + kClasses];
  float scores[kClasses];
  for (int k = 0; k < kClasses; ++k) scores[k] = 0.0f;
  NearestTwo nearest;
  runLayer(model::kLayers[0], descriptor, scores, &nearest);
  for (int l = 1; l < kDepth; ++l) {
    for (int i = 0; i < kDims; ++i) input[i] = descriptor[i];
    for (int k = 0; k < kClasses; ++k) input[kDims + k] = kStackScale * scores[k];
    runLayer(model::kLayers[l], input, scores, nullptr);
  }
  decide(scores, nearest.distance(), threshold, out);
  return out;
}

const char* className(int classIndex) {
  return classIndex >= 0 && classIndex < kClasses ? model::kClassNames[classIndex] : "unknown";
}

bool predictSamples(const std::int16_t* samples, std::uint32_t frames, Prediction& out,
                    float threshold) {
  out = Prediction();
  float descriptor[kDims];
  if (!computeDescriptor(samples, frames, descriptor, kDims)) return false;
  out = predict(descriptor, threshold);
  return true;
}

} // namespace ExportName
