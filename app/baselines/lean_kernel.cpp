// Compiled with -Ddlm=dlm_lean -DDLM_CORE_REBUILD=0, like the core sources it links with.
#include "app/baselines/lean_kernel.h"

#include <vector>

#include "core/network.h"
#include "devices/firmware/firmware_app.h"

namespace leankernel {

struct BoardKernel::Impl {
  std::vector<unsigned char> arena;
  dlm::Network network;
  bool ready = false;
};

BoardKernel::BoardKernel() : m_impl(new Impl) {}

BoardKernel::~BoardKernel() = default;

bool BoardKernel::reset(int dims) {
  constexpr dlm::Capacity kBoard = dlm::firmware::FirmwareApp::kCapacity;
  Impl& d = *m_impl;
  if (d.arena.empty()) {
    d.arena.assign(dlm::Network::arenaBytes(kBoard), 0);
    if (d.network.init(kBoard, d.arena.data(), d.arena.size()) != dlm::Status::Ok) return false;
  }
  d.ready = d.network.reset(dims, 0) == dlm::Status::Ok;
  return d.ready;
}

bool BoardKernel::setKnownScales(const float* scales) {
  return m_impl->ready && m_impl->network.setKnownScales(scales) == dlm::Status::Ok;
}

bool BoardKernel::learn(const float* descriptor, int label) {
  return m_impl->ready && m_impl->network.learn(descriptor, label) == dlm::Status::Ok;
}

bool BoardKernel::predict(const float* descriptor, Outcome& out) {
  dlm::Prediction p;
  dlm::Network& net = m_impl->network;
  if (!m_impl->ready || net.predict(descriptor, p, net.scratch()) != dlm::Status::Ok) return false;
  out = {p.classIndex, p.bestClass, p.confidence, p.knownScore};
  return true;
}

int BoardKernel::neurons() const { return m_impl->ready ? m_impl->network.neurons(0) : 0; }

int BoardKernel::maxNeurons() { return dlm::firmware::FirmwareApp::kCapacity.maxNeurons; }

} // namespace leankernel
