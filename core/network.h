#pragma once

#include <cstddef>
#include <cstdint>

#include "core/known_set.h"
#include "core/layer.h"
#include "core/parallel.h"
#include "core/readout.h"
#include "core/scratch.h"
#include "core/status.h"

namespace dlm {

/// \brief Most layers a network can have (Capacity::maxLayers); a board holds fewer.
constexpr int kMaxDepth = 8;
/// \brief Most classes a network can have: Capacity::maxClasses, and a label on the wire and in
/// the model, are one byte.
constexpr int kMaxClasses = 255;

/// \brief Fixed capacity chosen by the caller; the arena size follows from it.
struct Capacity {
  std::uint16_t maxNeurons = 256;  ///< first layer (and deeper ones unless maxDeepNeurons)
  std::uint16_t maxDims = 64;      ///< descriptor length
  std::uint8_t maxLayers = 3;
  std::uint8_t maxClasses = 16;
  std::uint32_t maxEvents = 0;     ///< event memory for rebuilds (0: none, as on a small board)
  bool exactReadout = true;        ///< keep the least-squares workspace (O(maxNeurons^2) doubles)
  /// Neurons per deeper layer, at most maxNeurons; 0: maxNeurons. Deeper layers only correct
  /// the events the stack gets wrong, so a small board gives them far fewer neurons.
  std::uint16_t maxDeepNeurons = 0;
  /// Threads a host rebuild may use at once (each gets its own packing panels); the work is
  /// cut the same way whatever this is. 1 on a board.
  std::uint8_t workers = 1;

  /// \brief Neurons layer \p layer can hold.
  int layerNeurons(int layer) const {
    return layer == 0 || maxDeepNeurons == 0 ? maxNeurons : maxDeepNeurons;
  }
};

/// \brief Where the last rebuild's time went, in ticks of the clock given to
/// Network::setProfileClock() (all zero without one). Gram, solve and leave-one-out add up over
/// every layer and every repair round; repair, calibration and deeper are wall times that
/// include their own Gram, solve and leave-one-out.
struct RebuildProfile {
  std::uint64_t scalesAndSpacing = 0;  ///< known-set scales and the spacing estimate
  std::uint64_t structure = 0;         ///< the first layer's refinement sweeps
  std::uint64_t gram = 0;              ///< activations and their Gram matrix, right-hand sides
  std::uint64_t solve = 0;             ///< factorisation and readout weights
  std::uint64_t leaveOneOut = 0;       ///< leverages and leave-one-out scores
  std::uint64_t repair = 0;            ///< first-layer repair rounds
  std::uint64_t calibration = 0;       ///< known-set calibration on held-out events
  std::uint64_t deeper = 0;            ///< deeper layers tried or kept
  std::uint64_t total = 0;
  int boundaryNeurons = 0;             ///< first-layer neurons after the two boundary sweeps
};

/// \brief Constants of the construction. Not user knobs: they are stored in the model so
/// that a model predicts the same everywhere. See docs/kernel.md for why each value.
struct KernelParams {
  float conflictFraction = 0.7f;  ///< radius of an added neuron, as a fraction of the nearest conflict
  float gradation = 2.0f;         ///< radius <= gradation x distance to the nearest known point
  float sharpness = 0.25f;        ///< phi = exp(-sharpness q); see localReadoutParams()
  float ridge = 1e-3f;            ///< least-squares regularisation
  float shrinkTarget = 1.1f;      ///< q of a conflicting event after a neuron shrinks away
  float stackScale = 1.0f;        ///< weight of the previous layer's scores in a layer's input
  /// Rejection threshold: the share of known events to reject, in [0, 1] (estimated out of
  /// sample by the calibration). 0 rejects nothing, 1 everything.
  float threshold = 0.05f;
  /// Known-set resolution (Euclidean, descriptor units): an event farther than this from every
  /// centre of its class that covers it commits a neuron. Set by a rebuild from the spacing of
  /// the data (the median nearest-neighbour distance within classes); 0 before any rebuild,
  /// when Network::spacing() estimates it online from the calibration.
  float spacing = 0.0f;
};

/// \brief How a rebuild chooses the known-set scales (Network::knownScales()): per feature,
/// 1 / max(std, floor) over the training events when \c standardise, times the caller's
/// prior weight (all ones without one). The front-end knows its layout and may weigh some
/// features up (descriptorFeatureWeights()); nothing else about the data is assumed.
struct KnownScaling {
  /// Off unless the caller knows its features share no unit: on digits (pixels, one unit)
  /// standardising lowered the open-set AUROC from 0.990 to 0.957 (docs/benchmarks.md).
  bool standardise = false;
  /// A feature's std is floored at this fraction of the mean std over the features, so that
  /// a feature constant in the training events (a corner pixel, a bin that never moves) does
  /// not weigh a thousand times the others on the first event that moves it.
  float floorFraction = 0.1f;
  /// The spread of a feature within classes (pooled over the classes, each about its own
  /// mean) rather than over all events: a feature that tells the known classes apart varies a
  /// lot over all events, yet an event far from every class along it is what the known set
  /// must notice.
  bool withinClass = true;
};

/// \brief The constants for a network without the least-squares workspace (a board learning
/// on its own): with no solve to balance overlapping activations, each added neuron's weight
/// corrects the residual at its event only, so activations must overlap less (phi at a ball's
/// edge 0.37 instead of 0.78). Measured on the few-shot protocol: digits accuracy at 1-10
/// events per class 0.67-0.92 against 0.26-0.79 with the least-squares sharpness.
inline KernelParams localReadoutParams() {
  KernelParams p;
  p.sharpness = 1.0f;
  return p;
}

/// \brief Working memory of one forward pass: per layer, the metric distances, activations
/// and cumulative class scores, and the input of a deeper layer ([x, scores below]).
///
/// Network::predict() is const: all it writes goes here. Carve a scratch from memory you own
/// with init() to predict from a const network, or from several threads with one scratch
/// each; or borrow the network's own, Network::scratch(), which learn() and rebuild() use
/// too: a single-threaded owner such as a board then predicts at no extra memory.
class PredictScratch {
public:
  static constexpr int kMaxLayers = kMaxDepth;  ///< most layers a network holds

  /// \brief Bytes of memory init() needs to serve networks of capacity \p capacity.
  static std::size_t arenaBytes(const Capacity& capacity);
  /// \brief Carve the buffers from \p memory, which the caller owns and keeps.
  Status init(const Capacity& capacity, void* memory, std::size_t bytes);
  /// \brief True when this scratch holds a forward pass of any network of \p capacity.
  bool fits(const Capacity& capacity) const;

  /// \brief Activations of layer \p layer in the last pass (its neurons() floats).
  const float* activations(int layer) const { return m_phi[layer]; }
  /// \brief Metric distances q of the input to layer \p layer's neurons in the last pass.
  const float* distances(int layer) const { return m_q[layer]; }

private:
  friend class Network;
  void carve(const Capacity& capacity, Arena& arena);

  Capacity m_capacity;  ///< what the buffers were carved for
  bool m_ready = false;
  float* m_q[kMaxLayers] = {};
  float* m_phi[kMaxLayers] = {};
  float* m_scores[kMaxLayers] = {};  ///< cumulative: the scores after layers 0..l
  float* m_input = nullptr;          ///< maxDims + maxClasses: a deeper layer's input
};

/// \brief The result of predict(). scores points into the PredictScratch given to predict()
/// and stays valid until that scratch's next pass (for Network::scratch(), also until the
/// next learn() or rebuild()).
struct Prediction {
  int classIndex = -1;      ///< predicted class, or -1 when rejected as unknown
  int bestClass = -1;       ///< the class the readout favours, even when rejected
  float confidence = 0.0f;  ///< margin between the two best scores, in [0, 1]
  /// Known-set score: the calibrated level in [0, 1], the estimated share of held-out known
  /// events that lie farther from the known set than this input (see KnownCalibration).
  /// Known when isKnownLevel(knownScore, threshold).
  float knownScore = 0.0f;
  /// The raw known-set distance the level comes from (knownDistance(), descriptor units).
  float knownDistance = 0.0f;
  bool known = false;
  int depth = 0;
  const float* scores = nullptr;  ///< final class scores (classes() floats)
};

/// \brief What learn() did, for the studio's growth charts and the board's status.
struct LearnReport {
  bool committed = false;    ///< a neuron was added in the first layer
  int shrunk = 0;            ///< other-class neurons that shrank away from the event
  bool pruned = false;       ///< capacity was full: a neuron was merged away to make room
  bool eventDropped = false; ///< event memory was full: the oldest event was forgotten
  bool rebuilt = false;      ///< the event triggered an automatic full rebuild
};

/// \brief The Deeplomath function network: learns one event at a time without
/// backpropagation, builds its own depth and neuron density, and rejects what lies outside
/// its known set. Owns no memory: all storage is carved from the caller's arena at init().
class Network {
public:
  /// \brief Bytes of arena init() needs for this capacity.
  static std::size_t arenaBytes(const Capacity& capacity);

  /// \brief Carve the network out of \p arena. No allocation happens after this.
  Status init(const Capacity& capacity, void* arena, std::size_t arenaSize);
  /// \brief Forget everything learned; keep capacity, set descriptor length and classes.
  Status reset(int dims, int classes, const KernelParams& params);
  /// \brief reset() with the constants that suit this capacity: KernelParams() with the
  /// least-squares workspace, localReadoutParams() without it.
  Status reset(int dims, int classes) {
    return reset(dims, classes, m_capacity.exactReadout ? KernelParams() : localReadoutParams());
  }

  /// \brief Learn one labelled event incrementally (predict-then-learn friendly).
  Status learn(const float* descriptor, int label, LearnReport* report = nullptr);
  /// \brief Rebuild from the event memory: the direct full construction, depth included.
  Status rebuild();
  /// \brief Rebuild from caller-held events (rows x dims, row-major), e.g. a studio session.
  Status rebuild(const float* events, const std::uint8_t* labels, std::uint32_t rows);

  /// \brief Classify; rejects as unknown outside the known set (threshold as margin). Reads
  /// the model only: the forward pass goes to \p scratch (ArenaTooSmall if it does not fit
  /// this network's capacity), the per-layer activations stay there for the caller to read.
  Status predict(const float* descriptor, Prediction& out, PredictScratch& scratch) const;
  /// \brief The network's own forward-pass scratch, which learn() and rebuild() also use: a
  /// single-threaded owner predicts with predict(x, out, scratch()) at no extra memory.
  PredictScratch& scratch() { return m_pass; }

  /// \brief Rebuild automatically once the events learned since the last rebuild reach
  /// \p fraction of the event memory (at least 16). 0 turns it off. Needs an event memory.
  void setAutoRebuild(float fraction) { m_autoRebuild = fraction; }

  /// \brief Move the rejection boundary without relearning: the share of known events to
  /// reject, clamped to [0, 1] (NaN keeps the current value).
  void setThreshold(float share) {
    if (share != share) return;  // NaN
    m_params.threshold = share < 0.0f ? 0.0f : (share > 1.0f ? 1.0f : share);
  }
  float threshold() const { return m_params.threshold; }

  int dims() const { return m_dims; }
  int classes() const { return m_classes; }
  int depth() const { return m_depth; }
  int neurons(int layer) const { return layer < m_depth ? m_layers[layer].count : 0; }
  int totalNeurons() const;
  std::uint32_t eventsLearned() const { return m_eventsLearned; }
  std::uint32_t storedEvents() const { return m_eventCount; }
  const Layer& layer(int index) const { return m_layers[index]; }
  const KernelParams& params() const { return m_params; }
  /// \brief Held-out known-set distances that turn a distance into a level.
  const KnownCalibration& calibration() const { return m_calibration; }
  /// \brief Calibrated level of a known-set distance under this model.
  float knownLevel(float distance) const { return m_calibration.level(distance, spacing()); }
  /// \brief The known-set resolution in force: the rebuild's spacing, or before any rebuild
  /// the median held-out distance seen while learning (once there are kMinOnlineKnots).
  float spacing() const;
  static constexpr int kMinOnlineKnots = 8;
  const Capacity& capacity() const { return m_capacity; }

  /// \brief Per-feature scales s of the known-set distance (dims() floats, all > 0): the
  /// distance to a centre c is sqrt(sum_i s_i^2 (x_i - c_i)^2), and the calibration knots are
  /// in that distance. The readout does not see them. All ones after reset().
  const float* knownScales() const { return m_knownScales; }
  /// \brief True when every known-set scale is 1 (the plain Euclidean distance).
  bool unitKnownScales() const { return m_unitScales; }
  /// \brief Set the known-set scales (dims() floats, finite and > 0; null: all ones). The
  /// calibration knots are distances in the old scales, so they are cleared: set the scales
  /// before learning (a board starting from nothing) or rebuild after. InvalidArgument, and
  /// nothing changes, for a non-finite or non-positive scale.
  Status setKnownScales(const float* scales);
  /// \brief How the next rebuilds choose the known-set scales, with the caller's per-feature
  /// prior weights (dims() floats, finite and > 0; null: none). The weights are copied.
  /// Without the rebuild (the lean kernel) only a null prior is accepted (NotSupported).
  Status setKnownScaling(const KnownScaling& rule, const float* priorWeights = nullptr);
  const KnownScaling& knownScaling() const { return m_scaling; }

  /// \brief A monotonic clock (any tick) for rebuildProfile(); null turns profiling off. The
  /// core has no clock of its own: each port passes one.
#if DLM_CORE_REBUILD
  void setProfileClock(std::uint64_t (*clock)()) { m_clock = clock; }
  /// \brief Lend the rebuild a pool of threads (null: the caller's thread only). At most
  /// Capacity::workers of them are used.
  void setTaskRunner(TaskRunner* runner);
  const RebuildProfile& rebuildProfile() const { return m_profile; }
#endif

  /// \brief Events per block in batched rebuild computations.
  static constexpr int kBlockEvents = detail::kBlockEvents;

  /// \brief For the model loader: size the layers (already validated against capacity),
  /// then fill mutableLayer() and call finishLoad(). The event memory is cleared.
  Status setStructure(int dims, int classes, int depth, const std::uint16_t* counts,
                      const KernelParams& params, std::uint32_t eventsLearned);
  Layer& mutableLayer(int index) { return m_layers[index]; }
  KnownCalibration& mutableCalibration() { return m_calibration; }
  void finishLoad();

private:
  static constexpr int kMaxLayers = PredictScratch::kMaxLayers;
  /// Readout size up to which the known set's sampling centres are readout features too.
  static constexpr int kSmallReadout = 128;

  bool carve(class Arena& arena);
  int layerInputDims(int layer) const;
  /// x itself for the first layer; [x, stackScale x previous scores] in \p stacked otherwise.
  const float* layerInput(int layer, const float* x, const float* previousScores,
                          float* stacked) const;
  /// The first \p layers layers on \p x, into \p pass; returns the known-set distance.
  float forward(const float* x, int layers, PredictScratch& pass) const;
  float newRadius(int layer, const float* z, int label) const;
  /// newRadius() during a structure sweep, from the block's Euclidean distances: the same
  /// result, computing exactly only the distances that may be the smallest.
  float sweepRadius(const Layer& l, const float* z, int label) const;
  /// The exact radius rule over neurons accepted by \p consider (all, outside sweeps).
  template <typename Consider>
  float radiusOver(const Layer& l, const float* z, int label, Consider consider) const;
  /// What refine() commits neurons for: class conflicts (errors, uncovered events), gaps in the
  /// sampling of a class at the known-set spacing, or both (learning one event at a time).
  enum class Refinement { Conflicts, Spacing, Both };
  bool refine(int layer, const float* z, int label, bool wrong, LearnReport& report,
              Refinement rule = Refinement::Both);
  int commitNeuron(int layer, const float* z, int label, float radius, LearnReport& report,
                   bool readout = true);
  void storeEvent(const float* x, int label, LearnReport& report);
  Status growClasses(int classes);
  Status updateReadouts(const float* x, int label, const float* scoresBefore, bool grew);

  struct Events;
  Status rebuildFrom(const Events& events);
  const float* eventInput(int layer, const Events& events, std::uint32_t i);
  void buildStructure(int layer, const Events& events);
  void buildCorrectionStructure(int layer, const Events& events);
  void blockDistances(int layer, const Events& events, std::uint32_t first, int rows);
  void blockInputs(int layer, const Events& events, std::uint32_t first, int rows);
  void blockCoverDistances(int layer, int rows);
#if DLM_CORE_REBUILD
  /// How far blockEuclid's entry for block row \p row and neuron \p j may be from the exact
  /// squared distance (float rounding of the product).
  float blockSlack(int row, int j) const {
    return m_blockSlack * (m_rebuild.blockNorms[row] + m_rebuild.blockCentreNorms[j]);
  }
#endif
  void blockMetricDistances(int layer, const Events& events, std::uint32_t first, int rows, int k,
                            int column);
  void eventDistances(int layer, const float* z, int row, int blockNeurons);
  void batchActivations(int layer, const Events& events, std::uint32_t first, int rows, int k);
  /// Neurons [0, m_readout[l]) of layer l enter its least-squares readout; the rest are the
  /// known set's sampling centres, with zero weights until incremental learning grows them in.
  int readoutNeurons(int layer) const;
  TaskRunner* taskRunner() const;
  void blockLeverages(int layer, const float* block, int rows, int n);
  Status removeNeuron(int layer, int j, bool incremental);
  void clearLayer(int layer);
  void inferReadout();
  Status solveLayer(int layer, const Events& events, std::uint32_t cacheStep);
  std::uint32_t leaveOneOut(int layer, const Events& events, std::uint32_t* missed);
  Status growDepth(const Events& held, std::uint32_t errors, std::uint32_t missed);
  Status repairFirstLayer(const Events& events, const Events& held, std::uint32_t& errors,
                          std::uint32_t& missed);
  /// The ridge repairFirstLayer() does not go below: the solve is double precision, and the
  /// Gram matrix of activations in [0, 1] keeps a condition number it can factor.
  static constexpr float kMinRidge = 1e-7f;
  std::uint32_t trainingErrors(int depth, const Events& events);

  Capacity m_capacity;
  KernelParams m_params;
  int m_dims = 0;
  int m_classes = 0;
  int m_depth = 0;
  bool m_initialized = false;
  std::uint32_t m_eventsLearned = 0;

  Layer m_layers[kMaxLayers];
  ReadoutSolver m_solvers[kMaxLayers];
  int m_readout[kMaxLayers] = {};
  /// The forward pass of learn() and rebuild() (refine() reads its distances), lent to a
  /// single-threaded owner by scratch().
  PredictScratch m_pass;
  detail::LearnScratch m_learn;
  TaskRunner* m_runner = nullptr;
  detail::RebuildScratch m_rebuild;  ///< null pointers without event memory or exact readout

  // Event memory, a ring: oldest events are forgotten first when it is full.
  float* m_events = nullptr;
  std::uint8_t* m_eventLabels = nullptr;
  std::uint32_t m_eventCount = 0;
  std::uint32_t m_eventHead = 0;
  static constexpr int kBlock = kBlockEvents;
  int m_blockNeurons = 0;             ///< neurons when the current structure block began
  int m_blockLayer = -1;              ///< the layer the current structure block measures
  float m_blockSlack = 0.0f;          ///< blockEuclid's error is within this x the two norms
  int m_sweepRow = -1;                ///< the event's row in its block during a sweep, or -1
  bool m_building = false;            ///< inside a rebuild: the solvers are not incremental
  float m_autoRebuild = 0.1f;
  std::uint32_t m_sinceRebuild = 0;
  KnownCalibration m_calibration;
  float* m_knownScales = nullptr;  ///< maxDims: known-set scales (model)
  bool m_unitScales = true;
  KnownScaling m_scaling;
  int m_priorDims = 0;  ///< dims of the prior in m_rebuild.scalePrior (0: none)
#if DLM_CORE_REBUILD  // the lean kernel never rebuilds: no bytes for a profile on the board
  std::uint64_t (*m_clock)() = nullptr;
  RebuildProfile m_profile;
  std::uint64_t tick() const { return m_clock != nullptr ? m_clock() : 0; }
#endif
  /// Squared known-set distance between \p a and \p b (first-layer input).
  float knownSquaredDistance(const float* a, const float* b) const;
  bool coveredAtSpacing(const Layer& l, const float* z, int label, const float* q) const;
  bool classHasNeuron(int label) const;
  float estimateSpacing(const Events& events, float* knownSpacing);
  void chooseKnownScales(const Events& events);
  void calibrateKnownSet(const Events& events, float knownSpacing);
};

} // namespace dlm
