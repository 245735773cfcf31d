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

struct Board::Impl {
  std::vector<unsigned char> arena;
  dlm::Network network;
  bool ready = false;
};

Board::Board(int dims) : m_impl(new Impl) {
  const dlm::Capacity capacity = dlm::firmware::FirmwareApp::kCapacity;
  m_impl->arena.assign(dlm::Network::arenaBytes(capacity), 0);
  m_impl->ready =
      m_impl->network.init(capacity, m_impl->arena.data(), m_impl->arena.size()) ==
          dlm::Status::Ok &&
      m_impl->network.reset(dims, 0) == dlm::Status::Ok;
}

Board::~Board() { delete m_impl; }

bool Board::ready() const { return m_impl->ready; }

bool Board::learn(const float* descriptor, int label) {
  return m_impl->network.learn(descriptor, label) == dlm::Status::Ok;
}

bool Board::predict(const float* descriptor, Outcome& out) {
  dlm::Network& net = m_impl->network;
  dlm::Prediction p;
  if (net.predict(descriptor, p, net.scratch()) != dlm::Status::Ok) return false;
  out = {p.classIndex, p.bestClass, p.confidence, p.knownScore, p.depth, p.knownDistance};
  return true;
}

bool Board::saveAndLoad(std::uint8_t* buffer, std::size_t capacity) {
  std::size_t written = 0;
  return dlm::saveModel(m_impl->network, nullptr, buffer, capacity, &written) ==
             dlm::Status::Ok &&
         dlm::loadModel(buffer, written, m_impl->network, nullptr) == dlm::Status::Ok;
}

int Board::neurons() const { return m_impl->network.neurons(0); }

} // namespace leantest
