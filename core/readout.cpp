#include "core/readout.h"

#if DLM_CORE_REBUILD

#include <algorithm>
#include <cmath>

#include "core/dense.h"
#include "core/layer.h"

namespace dlm {

namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using MatrixMap = Eigen::Map<Matrix, 0, Eigen::OuterStride<>>;
using Vector = Eigen::Map<Eigen::VectorXd>;

// Feature index 0 is the bias, index j+1 is neuron j: neurons added between rebuilds append
// at the end, so P can grow without moving anything.
double feature(const float* phi, int index) { return index == 0 ? 1.0 : double(phi[index - 1]); }

// Mirror the lower triangle into the upper one, in place (Eigen's transpose would alias).
void symmetrize(MatrixMap& p) {
  for (Eigen::Index col = 1; col < p.cols(); ++col) {
    for (Eigen::Index row = 0; row < col; ++row) p(row, col) = p(col, row);
  }
}

} // namespace

void ReadoutSolver::bind(double* gram, double* inverse, double* rhs, int capacity,
                         int classStride, detail::DenseWorkspace* dense) {
  m_gram = gram;
  m_inverse = inverse;
  m_rhs = rhs;
  m_dense = dense;
  m_capacity = capacity;
  m_classStride = classStride;
  m_size = 0;
  m_factored = false;
  m_haveInverse = false;
}

void ReadoutSolver::reset(int size, int classes) {
  m_size = size;
  m_classes = classes;
  m_factored = false;
  m_haveInverse = false;
  MatrixMap g(m_gram, size, size, Eigen::OuterStride<>(m_capacity));
  g.setZero();
  MatrixMap b(m_rhs, size, classes, Eigen::OuterStride<>(m_capacity));
  b.setZero();
}

void ReadoutSolver::start(float ridge) {
  m_size = 1;
  m_ridge = ridge;
  m_factored = false;
  m_haveInverse = true;
  m_inverse[0] = 1.0 / (double(ridge) * 1e-3); // matches solve(): bias barely regularised
}

void ReadoutSolver::startFromWeights(const Layer& layer, int neurons, float ridge,
                                     std::uint32_t events) {
  const int n = neurons + 1;
  m_size = n;
  m_ridge = ridge;
  m_factored = false;
  m_haveInverse = true;
  MatrixMap p(m_inverse, n, n, Eigen::OuterStride<>(m_capacity));
  p.setZero();
  p(0, 0) = 1.0 / (double(ridge) * 1e-3 + double(events));
  for (int j = 0; j < neurons; ++j) p(j + 1, j + 1) = 1.0 / (double(ridge) + layer.support[j]);
}

Status ReadoutSolver::factor(float ridge) {
  const int n = m_size;
  MatrixMap g(m_gram, n, n, Eigen::OuterStride<>(m_capacity));
  if (m_dense == nullptr || m_inverse == nullptr) return Status::ArenaTooSmall;
  detail::DenseWorkspace& ws = *m_dense;
  // G is accumulated in single precision, so with thousands of overlapping neurons its
  // smallest eigenvalues drown in rounding and G + ridge I can come out indefinite (it did at
  // 3 072 neurons on Fashion-MNIST). The factorisation is then retried from a copy of G with
  // a larger ridge; the last try adds n * max|G_ij|, which makes the matrix diagonally
  // dominant (Gershgorin), so it cannot fail. The copy lives in P's storage, unused until a
  // solve has a factor.
  MatrixMap saved(m_inverse, n, n, Eigen::OuterStride<>(m_capacity));
  saved.triangularView<Eigen::Lower>() = g.triangularView<Eigen::Lower>();
  double largest = 0.0;
  for (int col = 0; col < n; ++col) {
    for (int row = col; row < n; ++row) {
      const double v = std::abs(g(row, col));
      if (!(v <= 1e300)) return Status::NumericalFailure;  // NaN or infinite: no ridge helps
      largest = std::max(largest, v);
    }
  }
  double shift = double(ridge);
  for (int attempt = 0; attempt <= kFactorRetries; ++attempt) {
    if (attempt == kFactorRetries) shift = std::max(shift, double(n) * largest + double(ridge));
    for (int i = 1; i < n; ++i) g(i, i) += shift;
    g(0, 0) += shift * 1e-3;  // the bias is barely regularised: it carries the class priors
    // What Eigen::LLT<Ref<Matrix>, Lower> would do in place, with its panels in the arena.
    if (detail::dense::choleskyInPlace(g, ws) < 0) {
      m_ridge = float(shift);
      m_retries = attempt;
      return Status::Ok;
    }
    g.triangularView<Eigen::Lower>() = saved.triangularView<Eigen::Lower>();
    // At least float's rounding of the largest entry, then ten times more each time.
    shift = std::max(shift * 10.0, 1e-6 * largest);
  }
  return Status::NumericalFailure;  // not reached: the last try is diagonally dominant
}

Status ReadoutSolver::solve(float ridge, Layer& layer) {
  const int n = m_size;
  m_retries = 0;
  const Status factored = factor(ridge);
  if (factored != Status::Ok) return factored;
  detail::DenseWorkspace& ws = *m_dense;
  MatrixMap g(m_gram, n, n, Eigen::OuterStride<>(m_capacity));
  m_factored = true;
  m_haveInverse = false;
  MatrixMap b(m_rhs, n, m_classes, Eigen::OuterStride<>(m_capacity));
  detail::dense::solveTriangular<Eigen::OnTheLeft, Eigen::Lower>(g, b, ws);
  detail::dense::solveTriangular<Eigen::OnTheLeft, Eigen::Upper>(g.transpose(), b, ws);
  if (ws.exceeded) return Status::ArenaTooSmall;
  for (int c = 0; c < m_classes; ++c) layer.bias()[c] = static_cast<float>(b(0, c));
  for (int j = 0; j + 1 < n; ++j) {
    float* w = layer.weightRow(j);
    for (int c = 0; c < m_classes; ++c) w[c] = static_cast<float>(b(j + 1, c));
  }
  return Status::Ok;
}

double ReadoutSolver::leverage(const float* phi, double* scratch) const {
  if (!m_factored) return 0.0;
  const int n = m_size;
  Vector v(scratch, n);
  for (int i = 0; i < n; ++i) v[i] = feature(phi, i);
  MatrixMap l(m_gram, n, n, Eigen::OuterStride<>(m_capacity));
  l.triangularView<Eigen::Lower>().solveInPlace(v);
  return v.squaredNorm();
}

void ReadoutSolver::leverages(const float* features, int rows, double* work, double* out,
                              detail::DenseWorkspace* ws) const {
  const int n = m_size;
  Eigen::Map<Matrix> v(work, n, rows);
  for (int r = 0; r < rows; ++r) {
    for (int i = 0; i < n; ++i) v(i, r) = double(features[std::size_t(r) * n + i]);
  }
  MatrixMap l(m_gram, n, n, Eigen::OuterStride<>(m_capacity));
  detail::dense::solveTriangular<Eigen::OnTheLeft, Eigen::Lower>(l, v,
                                                                 ws != nullptr ? *ws : *m_dense);
  for (int r = 0; r < rows; ++r) out[r] = v.col(r).squaredNorm();
}

Status ReadoutSolver::ensureInverse() {
  if (m_haveInverse) return Status::Ok;
  if (!m_factored) return Status::NotInitialized;
  const int n = m_size;
  MatrixMap l(m_gram, n, n, Eigen::OuterStride<>(m_capacity));
  MatrixMap p(m_inverse, n, n, Eigen::OuterStride<>(m_capacity));
  p.setIdentity();
  detail::DenseWorkspace& ws = *m_dense;  // a factor exists only where a rebuild could run
  detail::dense::solveTriangular<Eigen::OnTheLeft, Eigen::Lower>(l, p, ws);
  detail::dense::solveTriangular<Eigen::OnTheLeft, Eigen::Upper>(l.transpose(), p, ws);
  if (ws.exceeded) return Status::ArenaTooSmall;
  m_haveInverse = true;
  return Status::Ok;
}

void ReadoutSolver::grow(float ridge) {
  if (m_size >= m_capacity) return;
  if (!m_haveInverse && ensureInverse() != Status::Ok) return;
  if (m_haveInverse) {
    MatrixMap p(m_inverse, m_size + 1, m_size + 1, Eigen::OuterStride<>(m_capacity));
    p.row(m_size).setZero();
    p.col(m_size).setZero();
    p(m_size, m_size) = 1.0 / double(ridge);
  }
  ++m_size;
  // The factor no longer matches the enlarged system; leverage() needs a rebuild.
  m_factored = false;
}

Status ReadoutSolver::update(const float* phi, const float* target, Layer& layer,
                             double* scratch) {
  if (!m_haveInverse) {
    const Status s = ensureInverse();
    if (s != Status::Ok) return s;
  }
  const int n = m_size;
  MatrixMap p(m_inverse, n, n, Eigen::OuterStride<>(m_capacity));
  Vector f(scratch, n);
  Vector pf(scratch + n, n);
  for (int i = 0; i < n; ++i) f[i] = feature(phi, i);
  pf.noalias() = p.selfadjointView<Eigen::Lower>() * f;
  const double denom = 1.0 + f.dot(pf);
  if (!(denom > 0.0)) return Status::NumericalFailure;
  for (int c = 0; c < layer.classes; ++c) {
    double predicted = layer.bias()[c];
    for (int j = 0; j + 1 < n; ++j) predicted += double(layer.weightRow(j)[c]) * f[j + 1];
    const double gain = (double(target[c]) - predicted) / denom;
    layer.bias()[c] += static_cast<float>(pf[0] * gain);
    for (int j = 0; j + 1 < n; ++j) layer.weightRow(j)[c] += static_cast<float>(pf[j + 1] * gain);
  }
  p.selfadjointView<Eigen::Lower>().rankUpdate(pf, -1.0 / denom);
  return Status::Ok;
}

Status ReadoutSolver::remove(int j, Layer& layer, double* scratch) {
  if (!m_haveInverse) {
    const Status s = ensureInverse();
    if (s != Status::Ok) return s;
  }
  const int n = m_size;
  const int f = j + 1;
  if (f <= 0 || f >= n) return Status::InvalidArgument;
  MatrixMap p(m_inverse, n, n, Eigen::OuterStride<>(m_capacity));
  symmetrize(p); // work on the full symmetric P
  const double pff = p(f, f);
  if (!(pff > 0.0)) return Status::NumericalFailure;
  // Optimal weights without feature f: w_-f -= P(-f, f) w_f / P(f, f), per class.
  for (int c = 0; c < layer.classes; ++c) {
    const double wf = layer.weightRow(j)[c];
    layer.bias()[c] -= static_cast<float>(p(0, f) * wf / pff);
    for (int k = 1; k < n; ++k) {
      if (k != f) layer.weightRow(k - 1)[c] -= static_cast<float>(p(k, f) * wf / pff);
    }
  }
  Vector pf(scratch, n);
  pf = p.col(f); // a copy: the downdate below overwrites column f
  p.selfadjointView<Eigen::Lower>().rankUpdate(pf, -1.0 / pff);
  symmetrize(p);
  const int last = n - 1;
  if (f != last) {
    p.row(f) = p.row(last);
    p.col(f) = p.col(last);
    p(f, f) = p(last, last);
  }
  --m_size;
  m_factored = false;
  return Status::Ok;
}

} // namespace dlm

#endif // DLM_CORE_REBUILD
