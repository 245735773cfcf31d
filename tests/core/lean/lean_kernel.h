#pragma once
// The lean device kernel (DLM_CORE_REBUILD=0, compact metrics) built for the host under its
// own namespace, so one test executable can hold it next to the full kernel. This interface
// uses no kernel type on purpose.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace leantest {

struct Outcome {
  int classIndex = -1;
  int bestClass = -1;
  float confidence = 0.0f;
  float knownScore = 0.0f;
  int depth = 0;
  float knownDistance = 0.0f;
};

/// Loads \p model into a lean network of the board's capacity (FirmwareApp::kCapacity: 256 x
/// 64, 12 classes, 4 layers with narrow deeper ones), predicts each of \p rows events
/// (dims floats each) and saves the model again into \p resaved. False if any step fails.
bool predictAll(const std::vector<std::uint8_t>& model, const std::vector<float>& events,
                int dims, std::vector<Outcome>& outcomes, std::vector<std::uint8_t>& resaved);

/// Metric storage bytes per neuron of the lean kernel at \p dims (compact: ~2 per direction).
std::size_t metricBytesPerNeuron(int dims);

/// A lean network of the board's capacity (FirmwareApp::kCapacity) whose memory is all taken
/// when it is made, for the no-heap test: every call after the constructor must not allocate.
class Board {
public:
  explicit Board(int dims);
  ~Board();
  Board(const Board&) = delete;
  Board& operator=(const Board&) = delete;

  bool ready() const;
  bool learn(const float* descriptor, int label);
  bool predict(const float* descriptor, Outcome& out);
  /// Saves the model into \p buffer (of \p capacity bytes) and loads it back.
  bool saveAndLoad(std::uint8_t* buffer, std::size_t capacity);
  int neurons() const;

private:
  struct Impl;
  Impl* m_impl;
};

} // namespace leantest
