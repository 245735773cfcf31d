#include "core/scratch.h"

#include "core/arena.h"
#include "core/network.h"

namespace dlm::detail {

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
  heldDistances = arena.take<float>(phiCacheRows);
  dense.carve(capacity, arena);
}
#endif

} // namespace dlm::detail
