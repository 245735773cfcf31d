#include "core/dense.h"

#if DLM_CORE_REBUILD

#include "core/arena.h"
#include "core/network.h"

namespace dlm::detail {

namespace {

using Eigen::Index;

// The largest kc (panel depth) Eigen's blocking heuristic picks for any depth up to kMax.
// It keeps kc = depth while the depth fits its L1 bound and picks at most that bound beyond
// it, so the answer is the largest depth it leaves whole: a binary search on kc(k) == k.
// Below 48 in every dimension Eigen does not block at all (kc = depth).
template <typename Scalar, int KcFactor>
Index largestKc(Index kMax) {
  const auto kc = [](Index k) {
    Index m = 4096;  // large: the heuristic's small-problem shortcut must not apply
    Index n = 4096;
    Eigen::internal::computeProductBlockingSizes<Scalar, Scalar, KcFactor>(k, m, n, Index(1));
    return k;
  };
  if (kMax <= 1 || kc(kMax) == kMax) return std::max(kMax, Index(1));
  Index whole = 1;   // kc(whole) == whole
  Index cut = kMax;  // kc(cut) < cut
  while (whole + 1 < cut) {
    const Index mid = whole + (cut - whole) / 2;
    if (kc(mid) == mid) {
      whole = mid;
    } else {
      cut = mid;
    }
  }
  return std::max(whole, std::min(kMax, Index(47)));
}

// Grow the two panel sizes to hold \p lhs and \p rhs elements of \p bytes each.
void need(std::size_t& lhsBytes, std::size_t& rhsBytes, std::size_t bytes, Index lhs,
          Index rhs) {
  lhsBytes = std::max(lhsBytes, std::size_t(lhs) * bytes);
  rhsBytes = std::max(rhsBytes, std::size_t(rhs) * bytes);
}

// Cache-line aligned panel storage: Eigen packs with aligned stores.
struct alignas(64) PanelLine {
  unsigned char bytes[64];
};

} // namespace

void densePanelBytes(const Capacity& capacity, std::size_t& lhs, std::size_t& rhs) {
  // The problems a rebuild and the readout solver pose, at their largest for the capacity.
  // A product's panels hold kc x mc and kc x nc elements, with mc and nc at most the sizes
  // of the product, and kc at most largestKc() of its depth.
  const Index neurons = capacity.maxNeurons;
  const Index features = neurons + 1;  // the widest least-squares system
  const Index block = kBlockEvents;
  const Index classes = capacity.maxClasses;
  const Index input = capacity.maxDims + (capacity.maxLayers > 1 ? capacity.maxClasses : 0);
  lhs = 0;
  rhs = 0;
  // A block of events against every neuron, over [z*z, z] (distances) or z (calibration).
  const Index kcDistances = largestKc<float, 1>(2 * input);
  const Index wide = std::max(neurons, block);
  need(lhs, rhs, sizeof(float), kcDistances * wide, kcDistances * wide);
  // The Gram matrix, a rank-update by a block of events.
  const Index kcGram = largestKc<float, 1>(block);
  need(lhs, rhs, sizeof(float), kcGram * features, kcGram * features);
  // The Cholesky factor, in panels of at most 128 columns: a triangular solve for the panel
  // below the diagonal block, then a rank update of the rest.
  const Index kcPanelSolve = largestKc<double, 4>(128);
  need(lhs, rhs, sizeof(double), kcPanelSolve * features, kcPanelSolve * 128);
  const Index kcPanelUpdate = largestKc<double, 1>(128);
  need(lhs, rhs, sizeof(double), kcPanelUpdate * features, kcPanelUpdate * features);
  // Triangular solves with the factor: the weights' right-hand sides, a block of leverages,
  // and the identity (the inverse the incremental updates start from).
  const Index kcSolve = largestKc<double, 4>(features);
  need(lhs, rhs, sizeof(double), kcSolve * features,
       kcSolve * std::max({features, block, classes}));
}

void DenseWorkspace::carve(const Capacity& capacity, Arena& arena) {
  densePanelBytes(capacity, lhsBytes, rhsBytes);
  const std::size_t line = sizeof(PanelLine);
  lhs = arena.take<PanelLine>((lhsBytes + line - 1) / line);
  rhs = arena.take<PanelLine>((rhsBytes + line - 1) / line);
  exceeded = false;
}

#if !defined(DLM_HAVE_AVX2_PATH)
// A build without the AVX2 path (not x86-64, or a variant of the kernel built from the
// portable sources alone): every product runs the baseline code.
namespace simd {
bool gemmFloat(const GemmArgs&, const Panels&) { return false; }
bool gemmDouble(const GemmArgs&, const Panels&) { return false; }
bool syrkLowerFloat(long, long, const float*, long, bool, float*, long, float, const Panels&) {
  return false;
}
bool syrkLowerDouble(long, long, const double*, long, bool, double*, long, double,
                     const Panels&) {
  return false;
}
bool trsmDouble(const TrsmArgs&, const Panels&) { return false; }
} // namespace simd
#endif

} // namespace dlm::detail

#endif // DLM_CORE_REBUILD
