// Compiled with -Ddlm=dlm_lean -DDLM_CORE_REBUILD=0, like the core sources it links with.
#include "lean_kernel.h"

#include "core/model_format.h"
#include "core/network.h"
#include "devices/firmware/firmware_app.h"

namespace leantest {

bool predictAll(const std::vector<std::uint8_t>& model, const std::vector<float>& events,
                int dims, std::vector<Outcome>& outcomes, std::vector<std::uint8_t>& resaved) {
  const dlm::Capacity capacity = dlm::firmware::FirmwareApp::kCapacity;
  std::vector<unsigned char> arena(dlm::Network::arenaBytes(capacity));
  dlm::Network network;
  if (network.init(capacity, arena.data(), arena.size()) != dlm::Status::Ok) return false;
  dlm::ClassName names[16];
  if (dlm::loadModel(model.data(), model.size(), network, names) != dlm::Status::Ok) return false;
  outcomes.clear();
  for (std::size_t at = 0; at + std::size_t(dims) <= events.size(); at += std::size_t(dims)) {
    dlm::Prediction p;
    if (network.predict(events.data() + at, p, network.scratch()) != dlm::Status::Ok) return false;
    outcomes.push_back(
        {p.classIndex, p.bestClass, p.confidence, p.knownScore, p.depth, p.knownDistance});
  }
  resaved.assign(dlm::modelBytes(network), 0);
  std::size_t written = 0;
  if (dlm::saveModel(network, names, resaved.data(), resaved.size(), &written) != dlm::Status::Ok)
    return false;
  resaved.resize(written);
  return true;
}

std::size_t metricBytesPerNeuron(int dims) {
  dlm::Layer layer;
  layer.stride = static_cast<std::uint16_t>(dims);
  return std::size_t(layer.metricStride()) * sizeof(*layer.metrics) + sizeof(float);
}

} // namespace leantest
