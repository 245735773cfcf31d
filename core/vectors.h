#pragma once

// Which vector instructions the host rebuild's dense products use. A build for x86-64 runs on
// any x86-64 (SSE2); where the CPU has AVX2 and FMA, the largest products (distances, Gram
// matrices, triangular factors) switch to a path compiled for them, chosen at run time. A
// board has one path. The choice changes rounding, not the model format.

#include <cstdint>

namespace dlm {

/// \brief Instruction sets of the rebuild's dense products.
enum class VectorPath : std::uint8_t {
  Baseline = 0,  ///< what the build targets (SSE2 on x86-64)
  Avx2Fma = 1,   ///< 256-bit AVX2 with fused multiply-add (x86-64 hosts that have them)
};

/// \brief The widest path this build and this CPU offer.
VectorPath widestVectorPath();
/// \brief Use \p path (at most the widest) from now on; returns the path in effect. Set it
/// before rebuilds start: it is read, not synchronised, by running rebuilds.
VectorPath setVectorPath(VectorPath path);
/// \brief The path in effect (the widest until setVectorPath() says otherwise).
VectorPath vectorPath();
/// \brief "SSE2" (or "baseline" off x86-64), "AVX2+FMA".
const char* vectorPathName(VectorPath path);

} // namespace dlm
