#include "core/scratch.h"

#include "core/arena.h"
#include "core/network.h"

namespace dlm {

std::size_t PredictScratch::arenaBytes(const Capacity& capacity) {
  Arena dry(nullptr, 0);
  PredictScratch probe;
  probe.carve(capacity, dry);
  return dry.used() + 64;  // slack for aligning a misaligned caller buffer
}

Status PredictScratch::init(const Capacity& capacity, void* memory, std::size_t bytes) {
  m_ready = false;
  if (capacity.maxLayers < 1 || capacity.maxLayers > kMaxLayers || memory == nullptr) {
    return Status::InvalidArgument;
  }
  Arena arena(memory, bytes);
  carve(capacity, arena);
  if (arena.overflowed()) {
    m_ready = false;
    return Status::ArenaTooSmall;
  }
  return Status::Ok;
}

void PredictScratch::carve(const Capacity& capacity, Arena& arena) {
  *this = PredictScratch();
  m_capacity = capacity;
  const std::size_t classes = capacity.maxClasses;
  for (int l = 0; l < capacity.maxLayers && l < kMaxLayers; ++l) {
    m_q[l] = arena.take<float>(std::size_t(capacity.layerNeurons(l)));
    m_phi[l] = arena.take<float>(std::size_t(capacity.layerNeurons(l)));
    m_scores[l] = arena.take<float>(classes);
  }
  m_input = arena.take<float>(std::size_t(capacity.maxDims) + classes);
  m_ready = true;
}

bool PredictScratch::fits(const Capacity& capacity) const {
  const Capacity& mine = m_capacity;
  if (!m_ready || capacity.maxLayers > mine.maxLayers || capacity.maxDims > mine.maxDims ||
      capacity.maxClasses > mine.maxClasses) {
    return false;
  }
  for (int l = 0; l < capacity.maxLayers; ++l) {
    if (capacity.layerNeurons(l) > mine.layerNeurons(l)) return false;
  }
  return true;
}

namespace detail {

void LearnScratch::carve(const Capacity& capacity, Arena& arena) {
  const std::size_t classes = capacity.maxClasses;
  const std::size_t widest = capacity.maxLayers > 1 ? std::size_t(capacity.maxDims) + classes
                                                    : std::size_t(capacity.maxDims);
  metricRow = arena.take<float>(widest);
  scoresBefore = arena.take<float>(classes);
  // Only the least-squares readout solves per event: a board learning alone sets the added
  // neuron's weights from scoresBefore.
  if (capacity.exactReadout) {
    target = arena.take<float>(classes);
    rlsVectors = arena.take<double>(2 * (std::size_t(capacity.maxNeurons) + 1));
  }
}

#if DLM_CORE_REBUILD
void RebuildScratch::carve(const Capacity& capacity, Arena& arena) {
  const std::size_t classes = capacity.maxClasses;
  const std::size_t features = std::size_t(capacity.maxNeurons) + 1;  // the widest layer's
  const std::size_t input = std::size_t(capacity.maxDims) + classes;
  const std::size_t block = kBlockEvents;
  looScores = arena.take<float>(std::size_t(capacity.maxEvents) * classes);
  spacingGaps = arena.take<float>(kSpacingSample);
  stackedInput = arena.take<float>(input);
  blockInput = arena.take<float>(block * 2 * input);
  blockValues = arena.take<float>(block * features);
  blockGram = arena.take<float>(features * features);
  leverageWork = arena.take<double>(features * block);
  leverages = arena.take<double>(block);
  eventScores = arena.take<float>(classes);
  phiCacheRows = capacity.maxEvents < kValidationEvents ? capacity.maxEvents : kValidationEvents;
  phiCache = arena.take<float>(std::size_t(phiCacheRows) * features);
  centreNorms = arena.take<float>(capacity.maxNeurons);
  blockCentreNorms = arena.take<float>(capacity.maxNeurons);
  metricFloors = arena.take<float>(capacity.maxNeurons);
  blockNorms = arena.take<float>(block);
  blockEuclid = arena.take<float>(block * capacity.maxNeurons);
  heldDistances = arena.take<float>(phiCacheRows);
  scalePrior = arena.take<float>(capacity.maxDims);
  featureMoments = arena.take<double>(2 * std::size_t(capacity.maxDims));
  classMeans = arena.take<double>(std::size_t(capacity.maxClasses) * capacity.maxDims);
  classCounts = arena.take<std::uint32_t>(capacity.maxClasses);
  workers = capacity.workers < 1 ? 1 : capacity.workers > kMaxWorkers ? kMaxWorkers
                                                                      : capacity.workers;
  for (int w = 0; w < workers; ++w) dense[w].carve(capacity, arena);
}

bool RebuildScratch::denseExceeded() const {
  for (int w = 0; w < workers; ++w) {
    if (dense[w].exceeded) return true;
  }
  return false;
}

void RebuildScratch::clearDenseExceeded() {
  for (int w = 0; w < workers; ++w) dense[w].exceeded = false;
}
#endif

} // namespace detail
} // namespace dlm
