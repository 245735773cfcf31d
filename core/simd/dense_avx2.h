#pragma once

// Internal to the full kernel: the dense products of core/dense.h compiled for AVX2 and FMA
// (core/simd/dense_avx2.cpp, built with -mavx2 -mfma and its own copy of Eigen under another
// namespace, so nothing it instantiates can stand in for the baseline code). Only plain
// types cross this boundary. Each returns false when it did not run (no AVX2 path in this
// build, or the panels are too small); the caller then runs the baseline code.

#include <cstddef>

namespace dlm::detail::simd {

/// Packing panels lent by a DenseWorkspace.
struct Panels {
  void* lhs;
  std::size_t lhsBytes;
  void* rhs;
  std::size_t rhsBytes;
};

/// res (+)= alpha lhs rhs: rows x depth times depth x cols; each operand row- or column-major
/// with unit inner stride; res is already zeroed or holds what to accumulate onto.
struct GemmArgs {
  long rows, cols, depth;
  const void* lhs;
  long lhsStride;
  bool lhsRowMajor;
  const void* rhs;
  long rhsStride;
  bool rhsRowMajor;
  void* res;
  long resStride;
  bool resRowMajor;
  double alpha;
};

bool gemmFloat(const GemmArgs& g, const Panels& p);
bool gemmDouble(const GemmArgs& g, const Panels& p);

/// The lower triangle of mat (size x size, column-major) += alpha u u^T, u being size x depth.
bool syrkLowerFloat(long size, long depth, const float* u, long uStride, bool uRowMajor,
                    float* mat, long matStride, float alpha, const Panels& p);
bool syrkLowerDouble(long size, long depth, const double* u, long uStride, bool uRowMajor,
                     double* mat, long matStride, double alpha, const Panels& p);

/// Solve tri X = other (\p left) or X tri = other in place: tri is size x size, lower or
/// upper, row- or column-major; other is column-major, \p otherSize right-hand sides.
struct TrsmArgs {
  bool left;
  bool lower;
  long size, otherSize;
  const double* tri;
  long triStride;
  bool triRowMajor;
  double* other;
  long otherStride;
};

bool trsmDouble(const TrsmArgs& t, const Panels& p);

} // namespace dlm::detail::simd
