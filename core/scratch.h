#pragma once

// The kernel's working memory (internal): one named buffer per purpose, carved from the
// caller's arena at init, as TensorFlow Lite Micro requests scratch by purpose. No buffer
// stands in for another purpose's, so a change to one computation cannot silently overwrite
// what another still needs; where a buffer lives longer than the call that fills it, its
// comment says until when. See docs/kernel.md, "Memory".

#include <cstddef>
#include <cstdint>

#include "core/readout.h"  // DLM_CORE_REBUILD

namespace dlm {

class Arena;
struct Capacity;

namespace detail {

/// Events per block in the rebuild's batched computations.
constexpr int kBlockEvents = 128;
/// Events leave-one-out, the calibration and deeper layers look at, at most (every k-th).
constexpr std::uint32_t kValidationEvents = 8192;
/// Events sampled to measure the data's spacing.
constexpr std::uint32_t kSpacingSample = 512;

#if DLM_CORE_REBUILD
/// Packing space of Eigen's blocked products and factorisations (core/dense.h): a panel of
/// each operand. One pair serves every product of a rebuild and of the readout solver, as they
/// run one at a time; its size is the most any of them asks for at the capacity
/// (densePanelBytes()).
struct DenseWorkspace {
  void* lhs = nullptr;
  std::size_t lhsBytes = 0;
  void* rhs = nullptr;
  std::size_t rhsBytes = 0;
  /// A product asked for more than was carved and was skipped (densePanelBytes() would be
  /// wrong): the rebuild fails with Status::ArenaTooSmall rather than allocate.
  bool exceeded = false;

  void carve(const Capacity& capacity, Arena& arena);
};
#else
struct DenseWorkspace {};  // the lean kernel solves nothing
#endif

/// learn()'s working memory besides the forward pass.
struct LearnScratch {
  float* scoresBefore = nullptr;  ///< maxClasses: the event's scores before it is learned
  float* target = nullptr;        ///< maxClasses: one layer's least-squares target (exact readout)
  double* rlsVectors = nullptr;   ///< 2 x (maxNeurons + 1): f and P f of a rank-one update
  /// maxDims + maxClasses: a metric row being assembled, then quantised and stored
  /// (Layer::rowScratch; one for all layers, as a row is written within one call).
  float* metricRow = nullptr;

  void carve(const Capacity& capacity, Arena& arena);
};

#if DLM_CORE_REBUILD
/// rebuild()'s working memory: only with an event memory and the exact readout (the host).
struct RebuildScratch {
  /// maxEvents x maxClasses: each event's stack scores under leave-one-out. Lives for a whole
  /// rebuild: a deeper layer reads the scores of the layers below it.
  float* looScores = nullptr;
  float* spacingGaps = nullptr;   ///< kSpacingSample: nearest-neighbour gaps, for their median
  float* stackedInput = nullptr;  ///< maxDims + maxClasses: the deeper-layer input of one event
  float* blockInput = nullptr;    ///< kBlockEvents x 2 (maxDims + maxClasses): a block's inputs
  /// kBlockEvents x (maxNeurons + 1): a block's values per event and neuron (distances, then
  /// activations; or products with the centres).
  float* blockValues = nullptr;
  float* blockGram = nullptr;     ///< (maxNeurons + 1)^2: Gram matrix, single-precision sums
  double* leverageWork = nullptr; ///< (maxNeurons + 1) x kBlockEvents: L^-1 f of a block
  double* leverages = nullptr;    ///< kBlockEvents: the block's leverages
  float* eventScores = nullptr;   ///< maxClasses: one event's readout scores in leave-one-out
  /// phiCacheRows x (maxNeurons + 1): validation events' activations, written by a layer's
  /// solve and read by its leave-one-out (instead of a second pass of distances).
  float* phiCache = nullptr;
  std::uint32_t phiCacheRows = 0;
  /// maxNeurons: the first layer's centres' squared norms in known-set scales (calibration)
  float* centreNorms = nullptr;
  /// maxNeurons: a structure block's centres at its start, their squared (unscaled) norms and
  /// smallest metric entries
  float* blockCentreNorms = nullptr;
  float* metricFloors = nullptr;
  float* blockNorms = nullptr;    ///< kBlockEvents: squared norms of a block's inputs
  /// kBlockEvents x maxNeurons: a structure block's squared Euclidean distances to the centres
  /// it began with, as a product computes them (within blockSlack of the exact ones)
  float* blockEuclid = nullptr;
  float* heldDistances = nullptr; ///< phiCacheRows: held-out known-set distances, then sorted
  float* scalePrior = nullptr;    ///< maxDims: the caller's prior weights of the known-set scales
  double* featureMoments = nullptr; ///< 2 x maxDims: per-feature mean and sum of squares
  double* classMeans = nullptr;   ///< maxClasses x maxDims: running per-class feature means
  std::uint32_t* classCounts = nullptr; ///< maxClasses: events per class so far
  /// Packing panels per worker (Capacity::workers of them); the solver uses the first.
  static constexpr int kMaxWorkers = 8;
  DenseWorkspace dense[kMaxWorkers];
  int workers = 1;

  void carve(const Capacity& capacity, Arena& arena);
  /// \brief A product was skipped for want of panel space, on any worker.
  bool denseExceeded() const;
  void clearDenseExceeded();
};
#else
/// The lean device kernel has no direct rebuild, hence no rebuild scratch.
struct RebuildScratch {
  static constexpr float* looScores = nullptr;
  DenseWorkspace dense[1];
  void carve(const Capacity&, Arena&) {}
};
#endif

} // namespace detail
} // namespace dlm
