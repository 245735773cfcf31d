#pragma once
// Deterministic synthetic events for kernel tests: Gaussian-ish blobs from a fixed generator.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/network.h"

namespace dlm::test {

struct Events {
  int dims = 0;
  std::vector<float> x;
  std::vector<std::uint8_t> y;
  int rows() const { return int(y.size()); }
  const float* row(int i) const { return x.data() + std::size_t(i) * dims; }
};

inline float noise(std::uint64_t& s) {
  // Sum of uniforms: cheap, deterministic and roughly Gaussian.
  float sum = 0.0f;
  for (int k = 0; k < 4; ++k) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    sum += float((s >> 40) & 0xFFFFFF) / float(0xFFFFFF) - 0.5f;
  }
  return sum;
}

inline float uniform(std::uint64_t& s) {
  s = s * 6364136223846793005ull + 1442695040888963407ull;
  return float((s >> 40) & 0xFFFFFF) / float(0xFFFFFF);
}

/// \p classes blobs on the axes at distance \p spread, \p perClass events each, interleaved.
inline Events blobs(int classes, int perClass, int dims, float spread, std::uint64_t seed = 1) {
  Events e;
  e.dims = dims;
  for (int i = 0; i < perClass; ++i) {
    for (int c = 0; c < classes; ++c) {
      for (int d = 0; d < dims; ++d) {
        const float centre = (d == c % dims) ? spread * float(1 + c / dims) : 0.0f;
        e.x.push_back(centre + 0.3f * noise(seed));
      }
      e.y.push_back(std::uint8_t(c));
    }
  }
  return e;
}

/// A network with its own arena.
struct Box {
  std::vector<unsigned char> arena;
  Network net;
  explicit Box(const Capacity& cap) : arena(Network::arenaBytes(cap)) {
    net.init(cap, arena.data(), arena.size());
  }
};

inline Capacity smallCapacity(int dims, int events = 512) {
  Capacity cap;
  cap.maxNeurons = 128;
  cap.maxDims = std::uint16_t(dims);
  cap.maxLayers = 3;
  cap.maxClasses = 8;
  cap.maxEvents = std::uint32_t(events);
  return cap;
}

} // namespace dlm::test
