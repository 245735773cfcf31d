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

/// \brief XOR of the signs of the first two of 6 noise features: \p rows events, labels 0 and 1.
/// The kind of data where a deeper layer may be kept.
inline Events xorSigns(int rows, std::uint64_t seed) {
  Events e;
  e.dims = 6;
  for (int i = 0; i < rows; ++i) {
    float row[6];
    for (float& v : row) v = noise(seed);
    e.x.insert(e.x.end(), row, row + 6);
    e.y.push_back(std::uint8_t((row[0] > 0.0f) != (row[1] > 0.0f)));
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

/// Stacks hand-set correction layers of \p perLayer neurons on a depth-1 model until it is
/// \p depth deep (a rebuild keeps depth only where it helps, so tests that need depth set it):
/// each neuron sits at a training event's layer input and pushes the next class, strongly
/// enough to change some predictions. False if the network refuses the structure.
inline bool deepen(Network& net, const Events& train, int depth, int perLayer) {
  if (net.depth() != 1 || depth > 8) return false;
  const int classes = net.classes();
  std::vector<float> bias(net.layer(0).bias(), net.layer(0).bias() + classes);
  std::uint16_t counts[8] = {std::uint16_t(net.neurons(0))};
  for (int l = 1; l < depth; ++l) counts[l] = std::uint16_t(perLayer);
  // Scores of the stack below each centre: the depth-1 scores (a deeper layer's own effect
  // on them is left out; the centres only need to lie where events do).
  std::vector<float> scores;
  for (int i = 0; i < train.rows(); ++i) {
    Prediction p;
    net.predict(train.row(i), p, net.scratch());
    scores.insert(scores.end(), p.scores, p.scores + classes);
  }
  float radius2 = 0.0f;
  for (int i = 0; i < train.dims; ++i) {
    const float d = train.row(0)[i] - train.row(train.rows() - 1)[i];
    radius2 += d * d;
  }
  if (net.setStructure(net.dims(), classes, depth, counts, net.params(), net.eventsLearned()) !=
      Status::Ok) {
    return false;
  }
  for (int c = 0; c < classes; ++c) net.mutableLayer(0).bias()[c] = bias[std::size_t(c)];
  for (int l = 1; l < depth; ++l) {
    Layer& layer = net.mutableLayer(l);
    for (int j = 0; j < perLayer; ++j) {
      std::vector<float> metric(std::size_t(train.dims + classes), 4.0f / radius2);
      const int i = (j * 7 + l * 3) % train.rows();
      for (int d = 0; d < train.dims; ++d) layer.centre(j)[d] = train.row(i)[d];
      for (int c = 0; c < classes; ++c) {
        layer.centre(j)[train.dims + c] = net.params().stackScale * scores[std::size_t(i * classes + c)];
      }
      layer.setMetricRow(j, metric.data());
      const int label = train.y[std::size_t(i)];
      layer.labels[j] = std::uint8_t(label);
      layer.support[j] = 1;
      for (int c = 0; c < classes; ++c) {
        layer.weightRow(j)[c] = c == (label + 1) % classes ? 1.5f : -0.5f;
      }
    }
  }
  net.finishLoad();
  return net.depth() == depth;
}

} // namespace dlm::test
