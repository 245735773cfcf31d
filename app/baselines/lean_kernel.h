#pragma once

// The board's lean kernel (DLM_CORE_REBUILD=0, compact metrics) built for the host under a
// renamed namespace (dlm -> dlm_lean), so that one program holds it beside the full kernel.
// This interface uses no kernel type on purpose: the two kernels' types share names.

#include <cstddef>
#include <memory>

namespace leankernel {

/// \brief What one prediction of the lean kernel said.
struct Outcome {
  int classIndex = -1;  ///< class, or -1 when rejected
  int bestClass = -1;   ///< the readout's best class, even when rejected
  float confidence = 0.0f;
  float knownScore = 0.0f;  ///< higher = more known
};

/// \brief A network exactly as a board holds it: FirmwareApp::kCapacity, no event memory,
/// learning one event at a time.
class BoardKernel {
public:
  BoardKernel();
  ~BoardKernel();
  BoardKernel(const BoardKernel&) = delete;
  BoardKernel& operator=(const BoardKernel&) = delete;

  /// \brief Forget everything, for descriptors of \p dims values (classes grow as labels
  /// arrive, as on the board). False if the board's capacity cannot hold \p dims.
  bool reset(int dims);
  /// \brief Known-set scales to start from (Network::setKnownScales: dims floats, > 0; null:
  /// all ones), after reset() and before learning. False if refused.
  bool setKnownScales(const float* scales);
  /// \brief Learn one labelled event (Network::learn). False on a kernel error.
  bool learn(const float* descriptor, int label);
  /// \brief Predict one event. False on a kernel error.
  bool predict(const float* descriptor, Outcome& out);

  /// \brief First-layer neurons held.
  int neurons() const;
  /// \brief The board's neuron capacity per layer (FirmwareApp::kCapacity.maxNeurons).
  static int maxNeurons();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace leankernel
