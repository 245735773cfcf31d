// The readout's factorisation cannot break down (issue 11, item 3): a Gram matrix that single
// precision made indefinite is solved with a raised ridge, as a 3 072-neuron Fashion-MNIST
// rebuild needed, instead of failing with "least-squares system not positive definite".
#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

#include "core/layer.h"
#include "core/readout.h"
#include "core/scratch.h"

using namespace dlm;

namespace {

constexpr int kClasses = 3;

/// A solver and a layer of \p neurons neurons, with their storage.
struct Rig {
  explicit Rig(int neurons) : features(neurons + 1) {
    gram.assign(std::size_t(features) * features, 0.0);
    inverse.assign(gram.size(), 0.0);
    rhs.assign(std::size_t(features) * kClasses, 0.0);
    weights.assign(std::size_t(features) * kClasses, 0.0f);
    lhsPanel.assign(std::size_t(1) << 22, 0);
    rhsPanel.assign(std::size_t(1) << 22, 0);
    ws.lhs = lhsPanel.data();
    ws.lhsBytes = lhsPanel.size();
    ws.rhs = rhsPanel.data();
    ws.rhsBytes = rhsPanel.size();
    solver.bind(gram.data(), inverse.data(), rhs.data(), features, kClasses, &ws);
    layer.capacity = std::uint16_t(neurons);
    layer.count = std::uint16_t(neurons);
    layer.classes = kClasses;
    layer.classStride = kClasses;
    layer.weights = weights.data();
    solver.reset(features, kClasses);
  }
  double& g(int row, int col) { return solver.gram()[std::size_t(col) * features + row]; }
  double& b(int row, int c) { return solver.rhs()[std::size_t(c) * features + row]; }

  int features;
  std::vector<double> gram, inverse, rhs;
  std::vector<float> weights;
  std::vector<char> lhsPanel, rhsPanel;
  detail::DenseWorkspace ws;
  ReadoutSolver solver;
  Layer layer;
};

/// G = sum f f^T over \p events activation vectors, then a perturbation of relative size
/// \p noise on each off-diagonal pair, as summing in single precision leaves: with nearly
/// collinear neurons the smallest eigenvalues go negative.
void fillNearlyCollinear(Rig& rig, int events, double noise, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> n01(0.0, 1.0);
  const int k = rig.features - 1;
  std::vector<double> f(std::size_t(rig.features));
  for (int e = 0; e < events; ++e) {
    const double base = std::abs(n01(rng));
    f[0] = 1.0;
    for (int j = 1; j <= k; ++j) f[std::size_t(j)] = std::exp(-base) * (1.0 + 1e-6 * n01(rng));
    for (int col = 0; col < rig.features; ++col) {
      for (int row = col; row < rig.features; ++row)
        rig.g(row, col) += f[std::size_t(row)] * f[std::size_t(col)];
      rig.b(col, e % kClasses) += f[std::size_t(col)];
    }
  }
  for (int col = 1; col < rig.features; ++col)
    for (int row = col + 1; row < rig.features; ++row)
      rig.g(row, col) *= 1.0 + noise * (row % 2 == 0 ? 1.0 : -1.0);
}

bool allFinite(const Rig& rig) {
  for (float w : rig.weights)
    if (!std::isfinite(w)) return false;
  return true;
}

} // namespace

class TestReadout : public QObject {
  Q_OBJECT

private slots:
  void aWellPosedSystemKeepsItsRidge() {
    Rig rig(8);
    fillNearlyCollinear(rig, 200, 0.0, 1);
    for (int j = 1; j < rig.features; ++j) rig.g(j, j) += 1.0;  // well conditioned
    QCOMPARE(rig.solver.solve(1e-3f, rig.layer), Status::Ok);
    QCOMPARE(rig.solver.retries(), 0);
    QCOMPARE(rig.solver.ridgeUsed(), 1e-3f);
    QVERIFY(allFinite(rig));
  }

  // Before the retry this returned NumericalFailure: the matrix is indefinite at the ridge.
  void anIndefiniteGramIsSolvedWithARaisedRidge() {
    for (std::uint32_t seed : {2u, 3u, 4u}) {
      Rig rig(300);
      fillNearlyCollinear(rig, 500, 1e-6, seed);
      QCOMPARE(rig.solver.solve(1e-7f, rig.layer), Status::Ok);
      QVERIFY2(rig.solver.retries() > 0, "the system was indefinite at the asked ridge");
      QVERIFY(rig.solver.ridgeUsed() > 1e-7f);
      QVERIFY(allFinite(rig));
      // The factor it kept answers leverages in [0, 1], as leave-one-out needs.
      std::vector<float> phi{1.0f};  // bias first, then every neuron half active
      phi.resize(std::size_t(rig.features), 0.5f);
      std::vector<double> work(std::size_t(rig.features)), h(1);
      rig.solver.leverages(phi.data(), 1, work.data(), h.data());
      QVERIFY2(h[0] >= 0.0 && h[0] <= 1.0 + 1e-9, qPrintable(QString::number(h[0])));
    }
  }

  void aGramThatIsNotFiniteIsRefused() {
    Rig rig(4);
    fillNearlyCollinear(rig, 20, 0.0, 5);
    rig.g(2, 1) = std::nan("");
    QCOMPARE(rig.solver.solve(1e-3f, rig.layer), Status::NumericalFailure);
  }
};

QTEST_MAIN(TestReadout)
#include "test_readout.moc"
