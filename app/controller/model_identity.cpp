#include "app/controller/model_identity.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "core/model_format.h"
#include "core/network.h"

namespace dlm::app {

quint32 modelIdentityAtThreshold(const QByteArray& model, float share) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(model.constData());
  const auto size = std::size_t(model.size());
  ModelInfo info;
  if (model.isEmpty() || inspectModel(data, size, &info) != Status::Ok) return 0;
  // Loaded as a board loads it (no event memory, no least-squares workspace): loading and
  // saving keep every stored byte, so only the threshold and the CRC can differ.
  Capacity cap;
  cap.maxNeurons = std::max<std::uint16_t>(1, info.maxLayerNeurons);
  cap.maxDeepNeurons = info.maxDeepNeurons;
  cap.maxDims = std::max<std::uint16_t>(1, info.dims);
  cap.maxLayers = std::max<std::uint8_t>(1, info.depth);
  cap.maxClasses = std::max<std::uint8_t>(1, info.classes);
  cap.maxEvents = 0;
  cap.exactReadout = false;
  const std::size_t arenaSize = Network::arenaBytes(cap);
  // calloc, as HostNetwork does: malloc's alignment suits every array the kernel carves out.
  const std::unique_ptr<void, decltype(&std::free)> arena(std::calloc(arenaSize, 1), &std::free);
  if (!arena) return 0;
  Network network;
  std::vector<ClassName> names(cap.maxClasses);
  if (network.init(cap, arena.get(), arenaSize) != Status::Ok ||
      loadModel(data, size, network, names.data()) != Status::Ok) {
    return 0;
  }
  network.setThreshold(share);
  QByteArray out(qsizetype(modelBytes(network)), Qt::Uninitialized);
  std::size_t written = 0;
  if (saveModel(network, names.data(), reinterpret_cast<std::uint8_t*>(out.data()),
                std::size_t(out.size()), &written) != Status::Ok) {
    return 0;
  }
  // The identity as core/model_format defines it, the same field a board reports.
  ModelInfo saved;
  return inspectModel(reinterpret_cast<const std::uint8_t*>(out.constData()), written, &saved) ==
                 Status::Ok
             ? saved.crc
             : 0;
}

} // namespace dlm::app
