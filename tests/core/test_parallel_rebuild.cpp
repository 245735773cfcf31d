// Issue 11: a rebuild cut into pieces for several workers, and the AVX2 path. The pieces are
// the same whatever the number of workers and whatever order they run in, so the model's
// bytes are too; the vector paths differ only in rounding.
#include <QtTest>

#include <vector>

#include "blobs.h"
#include "core/model_format.h"
#include "core/parallel.h"
#include "core/vectors.h"

using namespace dlm;
using test::Box;

namespace {

// Runs the pieces on the calling thread, last first, as if \p workers workers took turns: the
// order and the worker indices a real pool may produce, deterministically.
class ScrambledRunner final : public TaskRunner {
public:
  explicit ScrambledRunner(int workers) : m_workers(workers) {}
  int workers() const override { return m_workers; }
  void run(int count, void (*task)(void*, int, int), void* context) override {
    ++runs;
    pieces += count;
    for (int i = count - 1; i >= 0; --i) task(context, i, (count - 1 - i) % m_workers);
  }
  int runs = 0;
  int pieces = 0;

private:
  int m_workers;
};

std::vector<std::uint8_t> bytesOf(const Network& net) {
  std::vector<std::uint8_t> out(modelBytes(net));
  std::size_t n = 0;
  saveModel(net, nullptr, out.data(), out.size(), &n);
  return out;
}

// Large enough for several pieces of every product, and for products worth sharing
// (kParallelWork): hundreds of neurons, thousands of events.
test::Events wideData(std::uint64_t seed = 1) { return test::blobs(4, 800, 64, 1.0f, seed); }

Capacity wideCapacity(int workers) {
  Capacity cap = test::smallCapacity(64, 4096);
  cap.maxNeurons = 1024;
  cap.workers = std::uint8_t(workers);
  return cap;
}

std::vector<std::uint8_t> rebuilt(const Capacity& cap, const test::Events& train,
                                  TaskRunner* runner) {
  Box b(cap);
  b.net.setTaskRunner(runner);
  if (b.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows())) != Status::Ok) {
    return {};
  }
  qInfo("%d events: depth %d, %d neurons in the first layer", train.rows(), b.net.depth(),
        b.net.neurons(0));
  return bytesOf(b.net);
}

} // namespace

class TestParallelRebuild : public QObject {
  Q_OBJECT

private slots:
  void init() { setVectorPath(widestVectorPath()); }
  void cleanupTestCase() { setVectorPath(widestVectorPath()); }

  void workersDoNotChangeTheModel() {
    const auto train = wideData();
    const auto alone = rebuilt(wideCapacity(1), train, nullptr);
    QVERIFY(!alone.empty());
    for (int workers : {2, 3, 8}) {
      ScrambledRunner runner(workers);
      const auto shared = rebuilt(wideCapacity(workers), train, &runner);
      QVERIFY2(shared == alone, qPrintable(QString("%1 workers").arg(workers)));
      // The runner really carried the products, in several pieces each.
      QVERIFY(runner.runs > 0);
      QVERIFY(runner.pieces > runner.runs);
    }
  }

  void deeperLayersToo() {
    // XOR of two signs among noise: deeper layers are tried (and kept or refused) on the
    // runner as well.
    const test::Events xorData = test::xorSigns(1500, 5);
    Capacity one = test::smallCapacity(6, 2048);
    one.maxNeurons = 512;
    Capacity four = one;
    four.workers = 4;
    ScrambledRunner runner(4);
    const auto alone = rebuilt(one, xorData, nullptr);
    QVERIFY(!alone.empty());
    QVERIFY(rebuilt(four, xorData, &runner) == alone);
    QVERIFY(runner.runs > 0);
  }

  void aRunnerWiderThanTheArenaIsNotUsed() {
    // Each worker needs its own packing panels, carved for Capacity::workers of them: a wider
    // runner would make two workers share one, so the rebuild runs alone instead.
    const auto train = wideData();
    ScrambledRunner runner(4);
    const auto bytes = rebuilt(wideCapacity(2), train, &runner);
    QCOMPARE(runner.runs, 0);
    QVERIFY(bytes == rebuilt(wideCapacity(1), train, nullptr));
    QVERIFY(Network::arenaBytes(wideCapacity(4)) > Network::arenaBytes(wideCapacity(1)));
  }

  void vectorPathsDifferOnlyInRounding() {
    if (widestVectorPath() == VectorPath::Baseline) {
      QCOMPARE(setVectorPath(VectorPath::Avx2Fma), VectorPath::Baseline);
      QSKIP("this CPU or build has no AVX2 path");
    }
    const auto train = wideData();
    const auto test = wideData(9);
    QCOMPARE(setVectorPath(VectorPath::Baseline), VectorPath::Baseline);
    Box base(wideCapacity(1));
    QCOMPARE(base.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows())),
             Status::Ok);
    QCOMPARE(setVectorPath(VectorPath::Avx2Fma), VectorPath::Avx2Fma);
    QCOMPARE(vectorPath(), VectorPath::Avx2Fma);
    Box wide(wideCapacity(1));
    QCOMPARE(wide.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows())),
             Status::Ok);
    // The same construction: the same neurons; predictions agree but for rows at a tie.
    QCOMPARE(wide.net.depth(), base.net.depth());
    QCOMPARE(wide.net.neurons(0), base.net.neurons(0));
    int agree = 0;
    Prediction a, b;
    for (int i = 0; i < test.rows(); ++i) {
      base.net.predict(test.row(i), a, base.net.scratch());
      wide.net.predict(test.row(i), b, wide.net.scratch());
      agree += a.bestClass == b.bestClass && a.known == b.known ? 1 : 0;
    }
    QVERIFY2(agree >= test.rows() * 99 / 100, qPrintable(QString("%1 of %2 agree")
                                                             .arg(agree).arg(test.rows())));
  }
};

QTEST_GUILESS_MAIN(TestParallelRebuild)
#include "test_parallel_rebuild.moc"
