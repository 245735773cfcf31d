#include "core/half.h"

#include <cmath>
#include <cstring>

namespace dlm {

namespace {

// Largest metric value kept: its power-of-two scale must still be a finite float.
constexpr float kMaxMetric = 1e37f;
// binary16 bits of 1.0.
constexpr std::uint16_t kHalfOne = 0x3c00u;

std::uint32_t bitsOf(float value) {
  std::uint32_t x = 0;
  std::memcpy(&x, &value, sizeof x);
  return x;
}

// Round the 24-bit significand \p m right by \p shift bits, ties to even.
std::uint32_t roundShift(std::uint32_t m, std::uint32_t shift) {
  std::uint32_t h = m >> shift;
  const std::uint32_t rest = m & ((1u << shift) - 1u);
  const std::uint32_t halfway = 1u << (shift - 1u);
  if (rest > halfway || (rest == halfway && (h & 1u) != 0u)) ++h;
  return h;
}

} // namespace

std::uint16_t halfFromFloat(float value) {
  std::uint32_t x = bitsOf(value);
  const std::uint32_t sign = (x >> 16) & 0x8000u;
  x &= 0x7fffffffu;
  if (x > 0x7f800000u) return static_cast<std::uint16_t>(sign | 0x7e00u);  // NaN
  if (x >= 0x47800000u) return static_cast<std::uint16_t>(sign | 0x7c00u); // >= 65536: inf
  if (x >= 0x38800000u) {
    // Normal half: re-bias the exponent (127 -> 15) and round 23 mantissa bits to 10. A carry
    // out of the mantissa correctly bumps the exponent (up to infinity above 65504).
    const std::uint32_t rebased = x - ((127u - 15u) << 23);
    return static_cast<std::uint16_t>(sign | roundShift(rebased, 13));
  }
  if (x < 0x33000000u) return static_cast<std::uint16_t>(sign);  // below 2^-25: zero
  // Subnormal half, in units of 2^-24: significand (with its implicit bit) >> (126 - exponent).
  const std::uint32_t exponent = x >> 23;
  const std::uint32_t significand = (x & 0x7fffffu) | 0x800000u;
  return static_cast<std::uint16_t>(sign | roundShift(significand, 126u - exponent));
}

float floatFromHalf(std::uint16_t bits) {
  const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
  const std::uint32_t exponent = (bits >> 10) & 0x1fu;
  const std::uint32_t mantissa = bits & 0x3ffu;
  std::uint32_t x = 0;
  if (exponent == 0) {
    const float magnitude = static_cast<float>(mantissa) * 5.9604644775390625e-8f; // 2^-24, exact
    x = bitsOf(magnitude) | sign;
  } else if (exponent == 31) {
    x = sign | 0x7f800000u | (mantissa << 13);
  } else {
    x = sign | ((exponent + (127u - 15u)) << 23) | (mantissa << 13);
  }
  float value = 0.0f;
  std::memcpy(&value, &x, sizeof value);
  return value;
}

float quantizeMetricRow(float* metric, int n, std::uint16_t* bits) {
  float largest = 0.0f;
  for (int i = 0; i < n; ++i) {
    float m = metric[i];
    if (!(m >= 0.0f)) m = 0.0f;  // NaN and negatives: no extent information
    if (m > kMaxMetric) m = kMaxMetric;
    metric[i] = m;
    if (m > largest) largest = m;
  }
  // scale = 2^e with largest = f 2^e, f in [0.5, 1): every fraction m / scale lies in [0, 1)
  // and the divisions and products by scale are exact.
  int e = 0;
  if (largest > 0.0f) std::frexp(largest, &e);
  // A fraction just below 1 rounds up to 1.0 in half precision: the quantised largest would
  // then be 2^e, whose scale is 2^(e+1), and quantising the row again would move its other
  // values. Take 2^(e+1) at once, so that a quantised row is a fixed point (a model saved and
  // loaded again keeps the same metrics, on the board as in the studio).
  if (halfFromFloat(std::ldexp(largest, -e)) >= kHalfOne) ++e;
  const float scale = std::ldexp(1.0f, e);
  for (int i = 0; i < n; ++i) {
    std::uint16_t h = halfFromFloat(metric[i] / scale);
    if (h == 0 && metric[i] > 0.0f) h = 1;  // keep a finite extent: the smallest subnormal
    if (bits != nullptr) bits[i] = h;
    metric[i] = floatFromHalf(h) * scale;
  }
  return scale;
}

} // namespace dlm
