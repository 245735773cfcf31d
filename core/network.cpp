#include "core/network.h"
#include "core/util.h"

#include <cmath>
#include <limits>

#include "core/arena.h"

namespace dlm {

namespace {

using detail::argmax;
using detail::kInfinity;

} // namespace

std::size_t Network::arenaBytes(const Capacity& capacity) {
  Arena dry(nullptr, 0);
  Network probe;
  probe.m_capacity = capacity;
  probe.carve(dry);
  return dry.used() + 64; // slack for aligning a misaligned caller buffer
}

bool Network::carve(Arena& arena) {
  const Capacity& cap = m_capacity;
  const int classes = cap.maxClasses;
  // A re-init may carve a smaller layout: nothing may keep pointing into the old one.
  m_learn = detail::LearnScratch();
  m_rebuild = detail::RebuildScratch();
  m_events = nullptr;
  m_eventLabels = nullptr;
  for (ReadoutSolver& solver : m_solvers) solver = ReadoutSolver();
  // Every take() counts even past the end: a dry run (arenaBytes()) measures the whole layout.
  m_learn.carve(cap, arena);
  m_knownScales = arena.take<float>(cap.maxDims);
  for (int l = 0; l < cap.maxLayers; ++l) {
    // Deeper layers may be narrower (Capacity::maxDeepNeurons): their storage, scratch and
    // least-squares workspace follow their own size.
    const int neurons = cap.layerNeurons(l);
    const int features = neurons + 1;
    Layer& layer = m_layers[l];
    layer = Layer();
    layer.stride = static_cast<std::uint16_t>(l == 0 ? cap.maxDims : cap.maxDims + classes);
    layer.capacity = static_cast<std::uint16_t>(neurons);
    layer.classStride = cap.maxClasses;
    layer.centres = arena.take<float>(std::size_t(neurons) * layer.stride);
    layer.rowScratch = m_learn.metricRow;
#if DLM_CORE_COMPACT_METRICS
    layer.metrics = arena.take<std::uint16_t>(std::size_t(neurons) * layer.metricStride());
    layer.metricScales = arena.take<float>(std::size_t(neurons));
#else
    layer.metrics = arena.take<float>(std::size_t(neurons) * layer.stride);
#endif
    layer.labels = arena.take<std::uint8_t>(std::size_t(neurons));
    layer.support = arena.take<std::uint32_t>(std::size_t(neurons));
    layer.weights = arena.take<float>(std::size_t(features) * classes);
    if (cap.maxEvents > 0 && cap.exactReadout) {
      layer.affine = arena.take<float>(std::size_t(neurons) * 2 * layer.stride);
      layer.offsets = arena.take<float>(std::size_t(neurons));
      layer.dirty = arena.take<std::uint8_t>(std::size_t(neurons));
    }
    if (cap.exactReadout) {
      double* gram = arena.take<double>(std::size_t(features) * features);
      double* inverse = arena.take<double>(std::size_t(features) * features);
      double* rhs = arena.take<double>(std::size_t(features) * classes);
      m_solvers[l].bind(gram, inverse, rhs, features, classes, &m_rebuild.dense[0]);
    }
  }
  m_pass.carve(cap, arena);
  if (cap.maxEvents > 0 && DLM_CORE_REBUILD) {
    m_events = arena.take<float>(std::size_t(cap.maxEvents) * cap.maxDims);
    m_eventLabels = arena.take<std::uint8_t>(cap.maxEvents);
    if (cap.exactReadout) m_rebuild.carve(cap, arena);
  }
  return !arena.overflowed();
}

Status Network::init(const Capacity& capacity, void* arena, std::size_t arenaSize) {
  m_initialized = false;
  if (capacity.maxLayers < 1 || capacity.maxLayers > kMaxLayers || capacity.maxNeurons < 1 ||
      capacity.maxDeepNeurons > capacity.maxNeurons || capacity.maxDims < 1 ||
      capacity.maxClasses < 1 || arena == nullptr) {
    return Status::InvalidArgument;
  }
  if (capacity.exactReadout && !DLM_CORE_REBUILD) return Status::NotSupported;
  m_capacity = capacity;
  Arena carver(arena, arenaSize);
  if (!carve(carver)) return Status::ArenaTooSmall;
  m_initialized = true;
  return reset(capacity.maxDims, 0);
}

Status Network::reset(int dims, int classes, const KernelParams& params) {
  if (!m_initialized) return Status::NotInitialized;
  if (dims < 1 || dims > m_capacity.maxDims) return Status::DimsMismatch;
  if (classes < 0 || classes > m_capacity.maxClasses) return Status::ClassOutOfRange;
  m_dims = dims;
  m_classes = classes;
  m_params = params;
  m_depth = 1;
  m_eventsLearned = 0;
  m_eventCount = 0;
  m_eventHead = 0;
  m_sinceRebuild = 0;
  m_calibration.clear();
  setKnownScales(nullptr);
  for (int l = 0; l < m_capacity.maxLayers; ++l) {
    clearLayer(l);
    m_layers[l].inDims = static_cast<std::uint16_t>(layerInputDims(l));
    m_layers[l].classes = static_cast<std::uint8_t>(classes);
    if (m_solvers[l].bound()) m_solvers[l].start(params.ridge);
  }
  return Status::Ok;
}

Status Network::setStructure(int dims, int classes, int depth, const std::uint16_t* counts,
                             const KernelParams& params, std::uint32_t eventsLearned) {
  if (!m_initialized) return Status::NotInitialized;
  if (dims < 1 || dims > m_capacity.maxDims || classes < 1 || classes > m_capacity.maxClasses ||
      depth < 1 || depth > m_capacity.maxLayers || counts == nullptr) {
    return Status::DimsBeyondCapacity;
  }
  // Checked before anything changes, so a model too wide for a layer leaves the network as
  // it was.
  for (int l = 0; l < depth; ++l) {
    if (counts[l] > m_capacity.layerNeurons(l)) return Status::DimsBeyondCapacity;
  }
  m_dims = dims;
  m_classes = classes;
  m_params = params;
  m_depth = depth;
  m_eventsLearned = eventsLearned;
  m_eventCount = 0;
  m_eventHead = 0;
  m_calibration.clear();
  setKnownScales(nullptr);  // a version 2 model: the plain Euclidean distance
  for (int l = 0; l < m_capacity.maxLayers; ++l) {
    Layer& layer = m_layers[l];
    layer.clear();
    layer.inDims = static_cast<std::uint16_t>(layerInputDims(l));
    layer.classes = static_cast<std::uint8_t>(classes);
    if (l < depth) layer.count = counts[l];
  }
  return Status::Ok;
}

void Network::finishLoad() {
  inferReadout();
  for (int l = 0; l < m_depth; ++l) {
    for (int j = 0; j < m_layers[l].count; ++j) m_layers[l].refreshAffine(j);
    if (m_solvers[l].bound()) m_solvers[l].startFromWeights(m_layers[l], m_readout[l],
                                                            m_params.ridge, m_eventsLearned);
  }
}

Status Network::setKnownScales(const float* scales) {
  if (!m_initialized) return Status::NotInitialized;
  if (scales != nullptr) {
    for (int i = 0; i < m_dims; ++i) {
      if (!(scales[i] > 0.0f) || !std::isfinite(scales[i])) return Status::InvalidArgument;
    }
  }
  bool unit = true;
  bool same = true;
  for (int i = 0; i < m_dims; ++i) {
    const float s = scales != nullptr ? scales[i] : 1.0f;
    unit = unit && s == 1.0f;
    same = same && m_knownScales[i] == s;
    m_knownScales[i] = s;
  }
  // Knots measured in other scales would calibrate nothing.
  if (!same || unit != m_unitScales) m_calibration.clear();
  m_unitScales = unit;
  return Status::Ok;
}

Status Network::setKnownScaling(const KnownScaling& rule, const float* priorWeights) {
  if (!m_initialized) return Status::NotInitialized;
  if (!(rule.floorFraction >= 0.0f) || !std::isfinite(rule.floorFraction)) {
    return Status::InvalidArgument;
  }
#if DLM_CORE_REBUILD
  if (priorWeights != nullptr) {
    if (m_rebuild.scalePrior == nullptr) return Status::ArenaTooSmall;
    for (int i = 0; i < m_dims; ++i) {
      if (!(priorWeights[i] > 0.0f) || !std::isfinite(priorWeights[i])) {
        return Status::InvalidArgument;
      }
    }
    for (int i = 0; i < m_dims; ++i) m_rebuild.scalePrior[i] = priorWeights[i];
  }
#else
  if (priorWeights != nullptr) return Status::NotSupported;
#endif
  m_scaling = rule;
  m_priorDims = priorWeights != nullptr ? m_dims : 0;
  return Status::Ok;
}

float Network::knownSquaredDistance(const float* a, const float* b) const {
  if (m_unitScales) return squaredDistance(a, b, m_dims);
  float sum = 0.0f;
  for (int i = 0; i < m_dims; ++i) {
    const float d = m_knownScales[i] * (a[i] - b[i]);
    sum += d * d;
  }
  return sum;
}

int Network::layerInputDims(int layer) const { return layer == 0 ? m_dims : m_dims + m_classes; }

int Network::totalNeurons() const {
  int total = 0;
  for (int l = 0; l < m_depth; ++l) total += m_layers[l].count;
  return total;
}

const float* Network::layerInput(int layer, const float* x, const float* previousScores,
                                 float* stacked) const {
  if (layer == 0) return x;
  for (int i = 0; i < m_dims; ++i) stacked[i] = x[i];
  for (int c = 0; c < m_classes; ++c) stacked[m_dims + c] = m_params.stackScale * previousScores[c];
  return stacked;
}

float Network::forward(const float* x, int layers, PredictScratch& pass) const {
  NearestTwo nearest;
  for (int l = 0; l < layers; ++l) {
    const Layer& layer = m_layers[l];
    const float* previous = l > 0 ? pass.m_scores[l - 1] : nullptr;
    const float* z = layerInput(l, x, previous, pass.m_input);
    layer.distances(z, pass.m_q[l], l == 0 ? &nearest : nullptr,
                    m_unitScales ? nullptr : m_knownScales);
    layer.activate(pass.m_q[l], m_params.sharpness, pass.m_phi[l]);
    float* scores = pass.m_scores[l];
    for (int c = 0; c < m_classes; ++c) scores[c] = previous != nullptr ? previous[c] : 0.0f;
    layer.readout(pass.m_phi[l], scores);
  }
  return nearest.distance();
}

Status Network::predict(const float* descriptor, Prediction& out, PredictScratch& scratch) const {
  out = Prediction();
  if (!m_initialized) return Status::NotInitialized;
  if (descriptor == nullptr) return Status::InvalidArgument;
  // The network's own scratch was carved for its capacity; a caller's is checked.
  if (&scratch != &m_pass && !scratch.fits(m_capacity)) return Status::ArenaTooSmall;
  out.depth = m_depth;
  const Layer& first = m_layers[0];
  if (first.count == 0 || m_classes == 0) {
    out.knownScore = 0.0f;
    out.knownDistance = kInfinity;
    return Status::Ok;
  }
  const float knownDistance = forward(descriptor, m_depth, scratch);
  const float* scores = scratch.m_scores[m_depth - 1];
  out.scores = scores;
  out.bestClass = argmax(scores, m_classes);
  float second = -kInfinity;
  for (int c = 0; c < m_classes; ++c) {
    if (c != out.bestClass && scores[c] > second) second = scores[c];
  }
  const float margin = m_classes > 1 ? scores[out.bestClass] - second : scores[out.bestClass];
  // Written so that a NaN margin (scores that overflowed: a model with extreme values, or an
  // absurd descriptor) reads as no confidence: what a board sends stays in [0, 1].
  out.confidence = margin > 0.0f ? (margin < 1.0f ? margin : 1.0f) : 0.0f;
  out.knownDistance = knownDistance;
  out.knownScore = knownLevel(out.knownDistance);
  out.known = isKnownLevel(out.knownScore, m_params.threshold);
  out.classIndex = out.known ? out.bestClass : -1;
  return Status::Ok;
}

} // namespace dlm
