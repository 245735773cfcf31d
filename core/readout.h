#pragma once

#include <cstdint>

#include "core/status.h"

/// DLM_CORE_REBUILD selects the full kernel (direct rebuilds, exact least-squares readout);
/// 0 gives the lean device build: incremental learning with the local readout only, which
/// keeps the double-precision solver and Eigen's dense products out of the firmware.
#ifndef DLM_CORE_REBUILD
#define DLM_CORE_REBUILD 1
#endif

namespace dlm {

struct Layer;
namespace detail {
struct DenseWorkspace;
}

/// \brief Regularised least-squares readout of one layer, solved directly.
///
/// Features are f = [phi_1 .. phi_K, 1]. A rebuild accumulates G = sum f f^T and
/// B = sum f t^T over the events, factors (G + ridge I) = L L^T in place (Cholesky) and
/// solves W. Between rebuilds, each learned event is a rank-one recursive least-squares
/// update of W through P = (G + ridge I)^-1, O(K^2) per event; a neuron added between
/// rebuilds enters P with prior variance 1/ridge and no correlation, which is exact for the
/// events it does not reach. Storage (double precision, for a stable factorisation) comes
/// from the arena; without it the readout cannot be re-solved on the device and only the
/// added neuron's own class weight is set (see Network). The factorisation and the triangular
/// solves pack their panels in \p dense (core/dense.h), which a network has only with an
/// event memory: without one there is never a factor to solve with.
#if DLM_CORE_REBUILD
class ReadoutSolver {
public:
  void bind(double* gram, double* inverse, double* rhs, int capacity, int classStride,
            detail::DenseWorkspace* dense);
  bool bound() const { return m_gram != nullptr; }

  /// \brief Start accumulating for \p size features (neurons + 1) and \p classes outputs.
  void reset(int size, int classes);
  /// \brief Start learning from zero: only the bias, with P = prior covariance.
  void start(float ridge);
  /// \brief Continue learning from loaded weights: P is diagonal, each neuron's precision
  /// being the events it has covered (its support), so well-supported weights move less.
  /// Only neurons [0, \p neurons) are features (the rest are the known set's samples).
  void startFromWeights(const Layer& layer, int neurons, float ridge, std::uint32_t events);
  /// \brief Column-major G (lower triangle used) and B, leading dimension leadingDim().
  double* gram() { return m_gram; }
  double* rhs() { return m_rhs; }
  int leadingDim() const { return m_capacity; }
  /// \brief Factor and solve; writes the weights into \p layer. Keeps the factor for leverage().
  /// Never fails on an indefinite G: the ridge is raised until the factorisation succeeds
  /// (ridgeUsed(), retries()); NumericalFailure only for a G that is not finite.
  Status solve(float ridge, Layer& layer);
  /// \brief Leverage h = f^T (G + ridge I)^-1 f of an event, from the factor of the last solve().
  double leverage(const float* phi, double* scratch) const;
  /// \brief Leverages of a block of events at once (one triangular solve with many right-hand
  /// sides). \p features is rows x size() row-major, bias first; \p work holds rows x size().
  /// \p ws: the packing panels to use (null: the solver's own).
  void leverages(const float* features, int rows, double* work, double* out,
                 detail::DenseWorkspace* ws = nullptr) const;


  /// \brief One recursive least-squares step on (phi, target); updates \p layer's weights.
  Status update(const float* phi, const float* target, Layer& layer, double* scratch);
  /// \brief Grow P by one feature (an added neuron) with prior variance 1/ridge.
  void grow(float ridge);
  /// \brief Drop neuron \p j from the least-squares problem: the remaining weights become the
  /// optimum without it (a Schur complement of P), and the last neuron moves into slot j,
  /// as Layer::removeNeuron() does.
  Status remove(int j, Layer& layer, double* scratch);

  int size() const { return m_size; }
  /// \brief The ridge the last solve() factored with (raised above the asked one on retries).
  float ridgeUsed() const { return m_ridge; }
  /// \brief How many times the last solve() raised the ridge (0: the asked one worked).
  int retries() const { return m_retries; }
  /// \brief Tries before the last, diagonally dominant one.
  static constexpr int kFactorRetries = 6;

private:
  Status ensureInverse();
  Status factor(float ridge);

  double* m_gram = nullptr;     ///< G, then its Cholesky factor after solve()
  double* m_inverse = nullptr;  ///< P, valid when m_haveInverse
  double* m_rhs = nullptr;
  detail::DenseWorkspace* m_dense = nullptr;
  int m_capacity = 0;           ///< max features (neurons + 1)
  int m_classStride = 0;
  int m_size = 0;
  int m_classes = 0;
  float m_ridge = 0.0f;
  int m_retries = 0;
  bool m_factored = false;
  bool m_haveInverse = false;
};
#else
// Lean build: never bound, so the network never calls the solving members.
class ReadoutSolver {
public:
  void bind(double*, double*, double*, int, int, detail::DenseWorkspace*) {}
  bool bound() const { return false; }
  void reset(int, int) {}
  void start(float) {}
  void startFromWeights(const Layer&, int, float, std::uint32_t) {}
  double* gram() { return nullptr; }
  double* rhs() { return nullptr; }
  int leadingDim() const { return 0; }
  Status solve(float, Layer&) { return Status::NotSupported; }
  void leverages(const float*, int, double*, double*, detail::DenseWorkspace* = nullptr) const {}

  Status update(const float*, const float*, Layer&, double*) { return Status::NotSupported; }
  void grow(float) {}
  Status remove(int, Layer&, double*) { return Status::NotSupported; }
  int size() const { return 0; }
};
#endif

} // namespace dlm
