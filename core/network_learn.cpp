// Incremental learning: one labelled event at a time, from an empty network.
#include <cmath>
#include <limits>

#include "core/network.h"
#include "core/util.h"

namespace dlm {

namespace {

using detail::argmax;
using detail::kInfinity;

} // namespace

void Network::storeEvent(const float* x, int label, LearnReport& report) {
  const std::uint32_t capacity = m_capacity.maxEvents;
  if (capacity == 0 || m_events == nullptr) return;
  // A ring: under drift the oldest events are the least representative, so they go first.
  float* slot = m_events + std::size_t(m_eventHead) * m_capacity.maxDims;
  for (int i = 0; i < m_dims; ++i) slot[i] = x[i];
  m_eventLabels[m_eventHead] = static_cast<std::uint8_t>(label);
  m_eventHead = (m_eventHead + 1) % capacity;
  if (m_eventCount < capacity) {
    ++m_eventCount;
  } else {
    report.eventDropped = true;
  }
}

Status Network::growClasses(int classes) {
  if (classes > m_capacity.maxClasses) return Status::ClassOutOfRange;
  // Deeper layers read the previous scores, whose length just changed: they are dropped
  // until the next rebuild rather than fed inputs of a shape they were not built for.
  m_depth = 1;
  m_classes = classes;
  for (int l = 0; l < m_capacity.maxLayers; ++l) {
    Layer& layer = m_layers[l];
    for (int c = layer.classes; c < classes; ++c) {
      layer.bias()[c] = 0.0f;
      for (int j = 0; j < layer.count; ++j) layer.weightRow(j)[c] = 0.0f;
    }
    layer.classes = static_cast<std::uint8_t>(classes);
    if (l > 0) {
      clearLayer(l);
      layer.inDims = static_cast<std::uint16_t>(layerInputDims(l));
    }
  }
  return Status::Ok;
}

template <typename Consider>
float Network::radiusOver(const Layer& l, const float* z, int label, Consider consider) const {
  // As large as it can be without covering a known neuron of another class, and bounded by
  // the distance to the nearest neuron of any class (mesh gradation: neighbouring zones
  // differ in size by a bounded ratio).
  float conflict = kInfinity;
  float nearest = kInfinity;
  for (int j = 0; j < l.count; ++j) {
    if (!consider(j)) continue;
    const float d = std::sqrt(squaredDistance(z, l.centre(j), l.inDims));
    if (d <= 0.0f) continue;
    if (l.labels[j] != label && d < conflict) conflict = d;
    if (d < nearest) nearest = d;
  }
  float radius = m_params.conflictFraction * conflict;
  const float bound = m_params.gradation * nearest;
  if (bound < radius) radius = bound;
  if (radius < kInfinity) return radius;
  // The very first neuron has no neighbour to measure against: take half the event's norm,
  // a scale-free guess that conflicts will shrink.
  float norm2 = 0.0f;
  for (int i = 0; i < l.inDims; ++i) norm2 += z[i] * z[i];
  return norm2 > 0.0f ? 0.5f * std::sqrt(norm2) : 1.0f;
}

float Network::newRadius(int layer, const float* z, int label) const {
#if DLM_CORE_REBUILD
  if (m_sweepRow >= 0 && layer == m_blockLayer) return sweepRadius(m_layers[layer], z, label);
#endif
  return radiusOver(m_layers[layer], z, label, [](int) { return true; });
}

#if DLM_CORE_REBUILD
float Network::sweepRadius(const Layer& l, const float* z, int label) const {
  // The radius needs the smallest distance to any centre and to another class's. The
  // block's distances (centres that have not moved since it began) are known within a
  // slack: the smallest upper bound among pairs surely apart caps each minimum, and only
  // pairs whose lower bound is under a cap can reach it. Those, and moved centres, are
  // measured exactly by the rule itself, so the radius is the one newRadius() computes.
  const int row = m_sweepRow;
  const int known = m_blockNeurons;
  const float* euclid = m_rebuild.blockEuclid + std::size_t(row) * known;
  const auto still = [&](int j) { return j < known && (l.dirty[j] & Layer::kDirtyCentre) == 0; };
  const auto slack = [&](int j) { return blockSlack(row, j); };
  float capAll = kInfinity;
  float capConflict = kInfinity;
  for (int j = 0; j < l.count; ++j) {
    if (!still(j) || !(euclid[j] - slack(j) > 0.0f)) continue;
    const float upper = euclid[j] + slack(j);
    if (upper < capAll) capAll = upper;
    if (l.labels[j] != label && upper < capConflict) capConflict = upper;
  }
  return radiusOver(l, z, label, [&](int j) {
    if (!still(j)) return true;
    const float lower = euclid[j] - slack(j);
    return lower <= capAll || (l.labels[j] != label && lower <= capConflict);
  });
}
#endif

int Network::commitNeuron(int layer, const float* z, int label, float radius,
                          LearnReport& report, bool readout) {
  Layer& l = m_layers[layer];
  ReadoutSolver& solver = m_solvers[layer];
  const bool incremental = solver.bound() && !m_building;
  if (l.count >= l.capacity) {
    // Full: forget the neuron that has covered the fewest events (oldest first on ties).
    int victim = 0;
    for (int j = 1; j < l.count; ++j) {
      if (l.support[j] < l.support[victim]) victim = j;
    }
    if (removeNeuron(layer, victim, incremental) != Status::Ok) return -1;
    report.pruned = true;
  }
  int j = l.commit(z, static_cast<std::uint8_t>(label), radius);
  if (j >= 0 && !solver.bound()) {
    // No least-squares readout (the lean kernel, the local-readout mode): every neuron
    // carries its own weight and neurons stay in the order they came.
    m_readout[layer] = l.count;
    return j;
  }
  // A small readout takes the known set's samples too: its solve costs next to nothing, and
  // with few events every feature counts (few-shot, a first session). Past kSmallReadout the
  // samples stay out of the least squares, which then costs O(boundary neurons^2) per event.
  if (j < 0 || (!readout && m_readout[layer] >= kSmallReadout)) return j;
  // Readout neurons are the prefix [0, m_readout): the solver's features, in the same order.
  const int slot = m_readout[layer]++;
  l.swapNeurons(slot, j);
  j = slot;
  if (incremental) solver.grow(m_params.ridge);
  return j;
}

Status Network::removeNeuron(int layer, int j, bool incremental) {
  Layer& l = m_layers[layer];
  if (j >= m_readout[layer]) {
    l.removeNeuron(j);  // a sampling centre: the last neuron (also sampling) takes its slot
    return Status::Ok;
  }
  // The solver moves its last feature (neuron m_readout - 1) into j's place; the layer does
  // the same, then drops the slot that frees at the end of the prefix.
  if (incremental) {
    const Status s = m_solvers[layer].remove(j, l, m_learn.rlsVectors);
    if (s != Status::Ok) return s;
  }
  const int last = --m_readout[layer];
  l.swapNeurons(j, last);
  l.removeNeuron(last);
  return Status::Ok;
}

int Network::readoutNeurons(int layer) const { return m_readout[layer]; }

void Network::clearLayer(int layer) {
  m_layers[layer].clear();
  m_readout[layer] = 0;
}

void Network::inferReadout() {
  // A model does not record which neurons are sampling centres: they are the trailing
  // neurons whose weights are all zero (a rebuild leaves them so, and learning keeps them at
  // the end).
  for (int l = 0; l < m_capacity.maxLayers; ++l) {
    const Layer& layer = m_layers[l];
    int readout = layer.count;
    while (readout > 0) {
      const float* w = layer.weightRow(readout - 1);
      bool zero = true;
      for (int c = 0; c < layer.classes && zero; ++c) zero = w[c] == 0.0f;
      if (!zero) break;
      --readout;
    }
    m_readout[l] = readout;
  }
}

bool Network::refine(int layer, const float* z, int label, bool wrong, LearnReport& report,
                     Refinement rule) {
  Layer& l = m_layers[layer];
  const float* q = m_pass.m_q[layer];
  // The first layer also samples each class at the known-set resolution: an event covered by
  // its class's balls but far from all their centres commits a neuron too, so that the
  // centres stay a faithful thinning of the known events (the known set's distance). Only
  // while there is room: the class boundaries come first, and a full layer is not churned.
  const bool sampling = layer == 0 && rule != Refinement::Conflicts && l.count < l.capacity;
  if (rule == Refinement::Spacing) {
    if (!sampling || coveredAtSpacing(l, z, label, q)) return false;
    return commitNeuron(layer, z, label, newRadius(layer, z, label), report, false) >= 0;
  }
  int covering = -1;
  for (int j = 0; j < l.count; ++j) {
    if (q[j] > 1.0f) continue;
    if (l.labels[j] == label) {
      if (covering < 0 || q[j] < q[covering]) covering = j;
    } else {
      l.shrinkToward(j, z, q[j], m_params.shrinkTarget);
      ++report.shrunk;
    }
  }
  if (covering >= 0) ++l.support[covering];
  if (covering >= 0 && !wrong && (!sampling || coveredAtSpacing(l, z, label, q))) return false;
  const float radius = newRadius(layer, z, label);
  // Covered and right, but far from its class's centres: a known-set sample, not a boundary.
  const bool boundary = covering < 0 || wrong;
  return commitNeuron(layer, z, label, radius, report, boundary) >= 0;
}

bool Network::coveredAtSpacing(const Layer& l, const float* z, int label, const float* q) const {
  // Before any spacing is known, only an event at a centre is covered. A rebuild's spacing
  // is Euclidean; the one learned online is the median calibration knot, a known-set
  // distance, so it is compared with known-set distances (the same thing with unit scales).
  const float spacing = this->spacing();
  const float limit = spacing > 0.0f ? spacing * spacing : 0.0f;
  const bool online = !(m_params.spacing > 0.0f);
  for (int j = 0; j < l.count; ++j) {
    if (q[j] > 1.0f || l.labels[j] != label) continue;
    const float d = online ? knownSquaredDistance(z, l.centre(j))
                           : squaredDistance(z, l.centre(j), l.inDims);
    if (d <= limit) return true;
  }
  return false;
}

float Network::spacing() const {
  if (m_params.spacing > 0.0f) return m_params.spacing;
  // Learning one event at a time from nothing: the typical held-out distance of the known
  // events seen so far is the data's own scale (the first events commit until it exists).
  return m_calibration.count() >= kMinOnlineKnots ? m_calibration.median() : 0.0f;
}

bool Network::classHasNeuron(int label) const {
  const Layer& first = m_layers[0];
  for (int j = 0; j < first.count; ++j) {
    if (first.labels[j] == label) return true;
  }
  return false;
}

Status Network::learn(const float* descriptor, int label, LearnReport* report) {
  LearnReport local;
  LearnReport& r = report != nullptr ? *report : local;
  r = LearnReport();
  if (!m_initialized) return Status::NotInitialized;
  if (descriptor == nullptr) return Status::InvalidArgument;
  if (label < 0 || label >= m_capacity.maxClasses) return Status::ClassOutOfRange;
  if (label >= m_classes) {
    const Status s = growClasses(label + 1);
    if (s != Status::Ok) return s;
  }
  storeEvent(descriptor, label, r);
  const float knownDistance = forward(descriptor, m_depth, m_pass);
  // Prequential calibration: the event is not learned yet, so its known-set distance is a
  // held-out distance of a known event, provided its class is already known.
  if (classHasNeuron(label)) m_calibration.insert(knownDistance);
  // The scores before learning: the board's local readout corrects exactly this residual.
  float* before = m_learn.scoresBefore;
  for (int c = 0; c < m_classes; ++c) before[c] = m_pass.m_scores[m_depth - 1][c];
  const bool wrong = m_layers[0].count == 0 || argmax(before, m_classes) != label;
  r.committed = refine(0, descriptor, label, wrong, r);
  Status s = updateReadouts(descriptor, label, before, r.committed);
  ++m_eventsLearned;
  ++m_sinceRebuild;
  // The network is rebuilt as events arrive, on a geometric schedule: the amortised cost
  // stays a small multiple of one rebuild, and the model never drifts far from the direct
  // construction on everything remembered.
  const float due = m_autoRebuild * static_cast<float>(m_eventCount);
  if (s == Status::Ok && m_autoRebuild > 0.0f && m_rebuild.looScores != nullptr &&
      m_sinceRebuild >= 16 && static_cast<float>(m_sinceRebuild) >= due) {
    s = rebuild();
    r.rebuilt = s == Status::Ok;
  }
  return s;
}

Status Network::updateReadouts(const float* x, int label, const float* scoresBefore, bool grew) {
  if (!m_solvers[0].bound()) {
    // No least-squares workspace (a small board): the added neuron alone corrects the
    // residual at the event, where its activation is exactly 1.
    if (grew) {
      Layer& first = m_layers[0];
      float* w = first.weightRow(first.count - 1);
      for (int c = 0; c < m_classes; ++c) w[c] = (c == label ? 1.0f : 0.0f) - scoresBefore[c];
    }
    return Status::Ok;
  }
  float* target = m_learn.target;
  for (int l = 0; l < m_depth; ++l) {
    forward(x, l + 1, m_pass);
    for (int c = 0; c < m_classes; ++c) {
      const float base = l > 0 ? m_pass.m_scores[l - 1][c] : 0.0f;
      target[c] = (c == label ? 1.0f : 0.0f) - base;
    }
    const Status s = m_solvers[l].update(m_pass.m_phi[l], target, m_layers[l], m_learn.rlsVectors);
    if (s != Status::Ok) return s;
  }
  return Status::Ok;
}

} // namespace dlm
