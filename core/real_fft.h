#pragma once

// A real-input FFT for the spectral front-end (core/spectral.h): radix-2, single precision, in
// place, no heap. Plain arrays only (no Eigen), so that a dependency-free export can ship it as is.

#include <cstddef>
#include <cstdint>

#include "core/status.h"

namespace dlm {

/// \brief Shortest and longest transform lengths RealFft accepts (powers of two).
constexpr int kMinFftLength = 8;
constexpr int kMaxFftLength = 4096;

/// \brief True for a power of two in [kMinFftLength, kMaxFftLength].
constexpr bool isFftLength(int n) {
  return n >= kMinFftLength && n <= kMaxFftLength && (n & (n - 1)) == 0;
}

/// \brief Floats of the twiddle table a transform of length \p n needs: cos(2πk/n) for
/// k = 0..n/2 and sin(2πk/n) for k = 0..n/2-1.
constexpr std::size_t realFftTableFloats(int n) { return static_cast<std::size_t>(n) + 1; }

/// \brief Forward FFT of n real values, computed as an n/2-point complex FFT followed by the
/// split that separates the even and odd halves.
///
/// The twiddle table lives in a caller-owned buffer (realFftTableFloats(n) floats), filled once
/// by init() from double-precision cosines so that host and board get the same floats. The
/// transform itself only reads it; one table may serve several transforms of the same length.
class RealFft {
public:
  /// \brief Fill \p table (at least realFftTableFloats(n) floats) for length \p n.
  /// InvalidArgument unless isFftLength(n); BufferTooSmall if the table is short.
  Status init(int n, float* table, std::size_t tableFloats);

  /// \brief Transform length (0 before init()).
  int length() const { return m_n; }

  /// \brief In place: \p data holds n real samples on entry and the packed half spectrum on
  /// exit: data[0] = X[0], data[1] = X[n/2] (both real), then data[2k], data[2k+1] = real and
  /// imaginary parts of X[k] for 0 < k < n/2. X[k] = sum_t x[t] exp(-2πi kt/n), unscaled.
  void forward(float* data) const;

  /// \brief |X[k]|² for k = 0..n/2 (n/2 + 1 values) from a packed spectrum. \p power may be
  /// \p packed itself (then overwritten in place).
  void power(const float* packed, float* power) const;

  /// \brief cos(2πk/n) for 0 <= k <= n/2, from the table.
  float cosine(int k) const { return m_cos[k]; }

  /// \brief Periodic Hann window of length n at sample \p t (0 <= t < n), from the table.
  float hann(int t) const;

private:
  void complexTransform(float* data) const;  // n/2 complex values, interleaved
  void split(float* data) const;

  int m_n = 0;
  const float* m_cos = nullptr;  // n/2 + 1 values
  const float* m_sin = nullptr;  // n/2 values
};

} // namespace dlm
