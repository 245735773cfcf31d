// The full host kernel (float metrics) and the lean device kernel (compact metrics) must hold
// the same model and predict alike: a model made in the studio behaves the same on a board.
#include <QtTest>

#include <cmath>
#include <vector>

#include "blobs.h"
#include "core/model_format.h"
#include "lean/lean_kernel.h"

using namespace dlm;

namespace {

std::vector<std::uint8_t> save(const Network& net) {
  ClassName names[16];
  std::vector<std::uint8_t> bytes(modelBytes(net));
  std::size_t n = 0;
  if (saveModel(net, names, bytes.data(), bytes.size(), &n) != Status::Ok) return {};
  bytes.resize(n);
  return bytes;
}

// Training blobs, fresh blobs of the same classes, and points far from all of them.
test::Events probeEvents(int dims) {
  test::Events probe = test::blobs(4, 25, dims, 2.0f, 99);
  std::uint64_t seed = 7;
  for (int k = 0; k < 20; ++k) {
    for (int d = 0; d < dims; ++d)
      probe.x.push_back(6.0f * test::noise(seed) + (d % 3 == 0 ? 4.0f : 0.0f));
    probe.y.push_back(0);
  }
  return probe;
}

} // namespace

class TestCompactMetrics : public QObject {
  Q_OBJECT

  // Odd on purpose: compact rows are padded to an even length.
  static constexpr int kDims = 57;

  void compare(const Network& fullConst, const test::Events& probe) {
    Network& full = const_cast<Network&>(fullConst);
    const std::vector<std::uint8_t> bytes = save(full);
    QVERIFY(!bytes.empty());
    std::vector<leantest::Outcome> lean;
    std::vector<std::uint8_t> resaved;
    QVERIFY(leantest::predictAll(bytes, probe.x, kDims, lean, resaved));
    QCOMPARE(int(lean.size()), probe.rows());
    QVERIFY2(resaved == bytes, "the lean kernel does not hold exactly the values it loaded");
    int rejected = 0;
    for (int i = 0; i < probe.rows(); ++i) {
      Prediction p;
      QCOMPARE(full.predict(probe.row(i), p, full.scratch()), Status::Ok);
      QCOMPARE(lean[std::size_t(i)].classIndex, p.classIndex);
      QCOMPARE(lean[std::size_t(i)].bestClass, p.bestClass);
      QCOMPARE(lean[std::size_t(i)].depth, p.depth);
      QVERIFY(std::fabs(lean[std::size_t(i)].confidence - p.confidence) <= 1e-5f);
      const float tolerance = 1e-5f * std::max(1.0f, std::fabs(p.knownScore));
      QVERIFY2(std::fabs(lean[std::size_t(i)].knownScore - p.knownScore) <= tolerance,
               qPrintable(QString("event %1: lean %2, full %3").arg(i)
                              .arg(lean[std::size_t(i)].knownScore).arg(p.knownScore)));
      // The raw known-set distance too: the same centres, summed in another order.
      const float distanceTolerance = 1e-5f * std::max(1.0f, p.knownDistance);
      QVERIFY(std::fabs(lean[std::size_t(i)].knownDistance - p.knownDistance) <=
              distanceTolerance);
      rejected += p.classIndex < 0;
    }
    QVERIFY(rejected >= 15);  // the far points are there, and rejected by both
  }

private slots:
  void compactStorageHalvesTheMetric() {
    QCOMPARE(leantest::metricBytesPerNeuron(kDims), std::size_t(58 * 2 + 4));
  }

  void rebuiltModelPredictsAlike() {
    Capacity cap = test::smallCapacity(kDims, 512);
    cap.maxLayers = 1;  // what the lean board holds
    test::Box box(cap);
    const test::Events train = test::blobs(4, 60, kDims, 2.0f);
    QCOMPARE(box.net.reset(kDims, 4), Status::Ok);
    QCOMPARE(box.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows())),
             Status::Ok);
    compare(box.net, probeEvents(kDims));
  }

  // Known-set scales (issue 10): a rebuilt model whose scales come from standardisation and a
  // prior, and a board learning from nothing with a prior, hold and use the same scales in
  // both kernels.
  void scaledModelsPredictAlike() {
    std::vector<float> prior(kDims, 1.0f);
    for (int i = 0; i < kDims; i += 5) prior[std::size_t(i)] = 3.0f;
    {
      Capacity cap = test::smallCapacity(kDims, 512);
      cap.maxLayers = 1;
      test::Box box(cap);
      QCOMPARE(box.net.reset(kDims, 4), Status::Ok);
      KnownScaling rule;
      rule.standardise = true;
      QCOMPARE(box.net.setKnownScaling(rule, prior.data()), Status::Ok);
      const test::Events train = test::blobs(4, 60, kDims, 2.0f);
      QCOMPARE(box.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows())),
               Status::Ok);
      QVERIFY(!box.net.unitKnownScales());
      compare(box.net, probeEvents(kDims));
    }
    const Capacity board = {256, 64, 1, 16, 0, false};
    test::Box box(board);
    QCOMPARE(box.net.reset(kDims, 4), Status::Ok);
    QCOMPARE(box.net.setKnownScales(prior.data()), Status::Ok);
    const test::Events train = test::blobs(4, 40, kDims, 2.0f, 5);
    for (int i = 0; i < train.rows(); ++i)
      QCOMPARE(box.net.learn(train.row(i), train.y[std::size_t(i)]), Status::Ok);
    QVERIFY(box.net.calibration().count() > 0);
    compare(box.net, probeEvents(kDims));
  }

  void incrementallyLearnedModelPredictsAlike() {
    const Capacity cap = {256, 64, 1, 16, 0, false};  // the board's own learning path
    test::Box box(cap);
    QCOMPARE(box.net.reset(kDims, 4), Status::Ok);
    const test::Events train = test::blobs(4, 40, kDims, 2.0f, 5);
    for (int i = 0; i < train.rows(); ++i)
      QCOMPARE(box.net.learn(train.row(i), train.y[std::size_t(i)]), Status::Ok);
    compare(box.net, probeEvents(kDims));
  }

  // The board's full depth: a model four layers deep with deeper layers as wide as the board
  // holds (FirmwareApp::kCapacity), made by the host kernel at the board's capacity, loads in
  // the lean kernel and predicts the same.
  void fullDepthModelPredictsAlike() {
    const Capacity cap = {256, 64, 4, 12, 0, false, 4};  // FirmwareApp::kCapacity
    test::Box box(cap);
    QCOMPARE(box.net.reset(kDims, 4), Status::Ok);
    const test::Events train = test::blobs(4, 40, kDims, 2.0f, 5);
    for (int i = 0; i < train.rows(); ++i)
      QCOMPARE(box.net.learn(train.row(i), train.y[std::size_t(i)]), Status::Ok);
    const test::Events probe = probeEvents(kDims);
    std::vector<int> shallow;
    for (int i = 0; i < probe.rows(); ++i) {
      Prediction p;
      QCOMPARE(box.net.predict(probe.row(i), p, box.net.scratch()), Status::Ok);
      shallow.push_back(p.bestClass);
    }
    QVERIFY(test::deepen(box.net, train, cap.maxLayers, cap.maxDeepNeurons));
    QCOMPARE(box.net.depth(), 4);
    QCOMPARE(box.net.neurons(3), int(cap.maxDeepNeurons));
    // The deeper layers change predictions, so the comparison below covers them.
    int changed = 0;
    for (int i = 0; i < probe.rows(); ++i) {
      Prediction p;
      QCOMPARE(box.net.predict(probe.row(i), p, box.net.scratch()), Status::Ok);
      changed += p.bestClass != shallow[std::size_t(i)];
    }
    QVERIFY2(changed > 0, "the hand-set deeper layers change nothing");
    compare(box.net, probe);
  }
};

QTEST_APPLESS_MAIN(TestCompactMetrics)
#include "test_compact_metrics.moc"
