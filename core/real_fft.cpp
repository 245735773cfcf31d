#include "core/real_fft.h"

#include <cmath>

namespace dlm {

Status RealFft::init(int n, float* table, std::size_t tableFloats) {
  if (!isFftLength(n) || table == nullptr) return Status::InvalidArgument;
  if (tableFloats < realFftTableFloats(n)) return Status::BufferTooSmall;
  const int half = n / 2;
  // Double precision, then rounded: the float tables come out the same from glibc and newlib
  // (both within an ulp in double), so the board transforms with the host's very twiddles.
  const double step = 6.283185307179586476925 / static_cast<double>(n);
  for (int k = 0; k <= half; ++k) table[k] = static_cast<float>(std::cos(step * k));
  for (int k = 0; k < half; ++k) table[half + 1 + k] = static_cast<float>(std::sin(step * k));
  // Exact values where the rounding of pi would leave a residue (cos(pi/2) ~ 6e-17).
  table[0] = 1.0f;
  table[half] = -1.0f;
  if (half >= 2) {
    table[half / 2] = 0.0f;
    table[half + 1 + half / 2] = 1.0f;
  }
  table[half + 1] = 0.0f;
  m_n = n;
  m_cos = table;
  m_sin = table + half + 1;
  return Status::Ok;
}

float RealFft::hann(int t) const {
  // cos(2πt/n) is symmetric about n/2, where the table ends.
  const int k = t <= m_n / 2 ? t : m_n - t;
  return 0.5f - 0.5f * m_cos[k];
}

void RealFft::forward(float* data) const {
  complexTransform(data);
  split(data);
}

// Iterative radix-2 decimation in time over m = n/2 complex values (re, im interleaved).
void RealFft::complexTransform(float* data) const {
  const int m = m_n / 2;
  // Bit-reversed order, with the reversed counter advanced incrementally (O(m) overall).
  for (int i = 0, j = 0; i < m; ++i) {
    if (i < j) {
      const float re = data[2 * i];
      const float im = data[2 * i + 1];
      data[2 * i] = data[2 * j];
      data[2 * i + 1] = data[2 * j + 1];
      data[2 * j] = re;
      data[2 * j + 1] = im;
    }
    int bit = m >> 1;
    while (bit > 0 && (j & bit) != 0) {
      j ^= bit;
      bit >>= 1;
    }
    j |= bit;
  }
  for (int len = 2; len <= m; len <<= 1) {
    const int halfLen = len / 2;
    // exp(-2πi j/len) is exp(-2πi (j n/len)/n): every (n/len)-th entry of the n-table.
    const int stride = m_n / len;
    for (int start = 0; start < m; start += len) {
      for (int j = 0; j < halfLen; ++j) {
        const float wr = m_cos[j * stride];
        const float wi = -m_sin[j * stride];
        float* a = data + 2 * (start + j);
        float* b = a + 2 * halfLen;
        const float vr = b[0] * wr - b[1] * wi;
        const float vi = b[0] * wi + b[1] * wr;
        b[0] = a[0] - vr;
        b[1] = a[1] - vi;
        a[0] += vr;
        a[1] += vi;
      }
    }
  }
}

// With z[t] = x[2t] + i x[2t+1] and Z its m-point transform, X[k] = E + W^k O where
// E = (Z[k] + conj Z[m-k]) / 2, O = (Z[k] - conj Z[m-k]) / 2i, W = exp(-2πi/n); and
// X[m-k] = conj(E - W^k O). Each pair (k, m-k) is rewritten in place.
void RealFft::split(float* data) const {
  const int m = m_n / 2;
  const float z0r = data[0];
  const float z0i = data[1];
  data[0] = z0r + z0i;  // X[0]
  data[1] = z0r - z0i;  // X[n/2], packed into the imaginary slot of X[0]
  for (int k = 1; k <= m / 2; ++k) {
    float* a = data + 2 * k;
    float* b = data + 2 * (m - k);
    const float er = 0.5f * (a[0] + b[0]);
    const float ei = 0.5f * (a[1] - b[1]);
    const float orr = 0.5f * (a[1] + b[1]);
    const float oi = -0.5f * (a[0] - b[0]);
    const float c = m_cos[k];
    const float s = m_sin[k];
    // W^k O with W^k = c - i s.
    const float tr = c * orr + s * oi;
    const float ti = c * oi - s * orr;
    a[0] = er + tr;
    a[1] = ei + ti;
    if (b != a) {
      b[0] = er - tr;
      b[1] = -(ei - ti);
    }
  }
}

void RealFft::power(const float* packed, float* power) const {
  const int m = m_n / 2;
  const float dc = packed[0];
  const float nyquist = packed[1];
  // Increasing k reads packed[2k..2k+1] before writing power[k] (k <= 2k): safe in place.
  power[0] = dc * dc;
  for (int k = 1; k < m; ++k) {
    const float re = packed[2 * k];
    const float im = packed[2 * k + 1];
    power[k] = re * re + im * im;
  }
  power[m] = nyquist * nyquist;
}

} // namespace dlm
