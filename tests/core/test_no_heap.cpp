// The kernel allocates nothing after init(): learn, rebuild, predict and the model format run
// with malloc counting, at the board's capacity and at the studio's. glibc lets a program
// replace malloc; we forward to its internals. Built twice: against dlm_core as shipped, and
// (test_core_no_heap_strict) against a copy built with EIGEN_STACK_ALLOCATION_LIMIT=0, where
// any workspace Eigen would take for itself, on the stack or not, is a counted malloc.
#include <QtTest>

#include <atomic>
#include <cstddef>
#include <vector>

#include "blobs.h"
#include "core/model_format.h"
#include "devices/firmware/firmware_app.h"
#include "lean/lean_kernel.h"

#include "tests/support/malloc_counter.h"

using namespace dlm;

namespace {

// Mallocs made by \p work. Nothing inside may use Qt's checks: a message allocates.
template <typename Work>
long allocationsDuring(Work&& work) {
  g_allocations = 0;
  g_counting = true;
  work();
  g_counting = false;
  return g_allocations.load();
}

// The capacity HostNetwork::ensure() gives a session of 1 200 tagged 64-dim events in up to 16
// classes: the event memory rounded up to a power of two above 1.5 x the events, 1 024
// neurons per layer (its cap), 4 layers, the exact readout.
Capacity studioSessionCapacity() {
  Capacity cap;
  cap.maxEvents = 2048;
  cap.maxNeurons = 1024;
  cap.maxDims = 64;
  cap.maxLayers = 4;
  cap.maxClasses = 16;
  cap.exactReadout = true;
  return cap;
}

// The board's capacity: 256 neurons x 64 dims, 4 layers of which 3 narrow, 12 classes.
constexpr Capacity kBoard = firmware::FirmwareApp::kCapacity;

} // namespace

class TestNoHeap : public QObject {
  Q_OBJECT
private slots:
  void counterCounts() {
    const long n = allocationsDuring([] {
      void* volatile probe = malloc(16);
      free(probe);
    });
    QCOMPARE(n, 1L);
  }

  void boardCapacity() {
    // Learning from nothing until the first layer is full and prunes, then a studio model of
    // the board's full depth pushed to it: loaded, predicted, saved.
    const auto train = test::blobs(12, 40, kBoard.maxDims, 0.5f);
    test::Box board(kBoard);
    QVERIFY(board.net.reset(kBoard.maxDims, 0) == Status::Ok);
    const std::vector<std::uint8_t> pushed = deepBoardModel(train);
    QVERIFY(!pushed.empty());
    std::vector<std::uint8_t> bytes(1 << 20);
    int failures = 0;
    int neurons = 0;
    int depth = 0;
    const long n = allocationsDuring([&] {
      Network& net = board.net;
      Prediction p;
      for (int i = 0; i < train.rows(); ++i) {
        failures += net.learn(train.row(i), train.y[std::size_t(i)]) != Status::Ok;
        failures += net.predict(train.row(i), p, net.scratch()) != Status::Ok;
      }
      neurons = net.neurons(0);
      failures += net.rebuild() != Status::NoEvents;  // no event memory: refused, not allocated
      failures += loadModel(pushed.data(), pushed.size(), net, nullptr) != Status::Ok;
      depth = net.depth();
      for (int i = 0; i < train.rows(); ++i) {
        failures += net.predict(train.row(i), p, net.scratch()) != Status::Ok;
      }
      std::size_t written = 0;
      failures += saveModel(net, nullptr, bytes.data(), bytes.size(), &written) != Status::Ok;
      failures += net.learn(train.row(0), 0) != Status::Ok;
    });
    QCOMPARE(failures, 0);
    QCOMPARE(n, 0L);
    QCOMPARE(neurons, int(kBoard.maxNeurons));  // the first layer did fill up
    QCOMPARE(depth, int(kBoard.maxLayers));
  }

  void leanBoardKernel() {
    // The kernel the board runs (DLM_CORE_REBUILD=0, compact metrics), at its capacity.
    const auto train = test::blobs(12, 40, kBoard.maxDims, 0.5f);
    leantest::Board board(kBoard.maxDims);
    QVERIFY(board.ready());
    std::vector<std::uint8_t> bytes(1 << 20);
    int failures = 0;
    const long n = allocationsDuring([&] {
      leantest::Outcome out;
      for (int i = 0; i < train.rows(); ++i) {
        failures += !board.learn(train.row(i), train.y[std::size_t(i)]);
        failures += !board.predict(train.row(i), out);
      }
      failures += !board.saveAndLoad(bytes.data(), bytes.size());
      failures += !board.predict(train.row(0), out);
    });
    QCOMPARE(failures, 0);
    QCOMPARE(n, 0L);
    QCOMPARE(board.neurons(), int(kBoard.maxNeurons));
  }

  void studioCapacity() {
    // Learning one event at a time, rebuilds from the event memory and from the caller's
    // events (leave-one-out, calibration, the deeper layers it tries), learning on after a
    // rebuild (the inverse from the factor), predicting with the network's scratch and with a
    // caller's, saving and loading.
    const Capacity cap = studioSessionCapacity();
    const auto train = test::blobs(10, 120, cap.maxDims, 0.35f);
    test::Box b(cap);
    b.net.setAutoRebuild(0.0f);  // as the studio: it schedules its own rebuilds
    std::vector<unsigned char> memory(PredictScratch::arenaBytes(cap));
    PredictScratch caller;
    QCOMPARE(caller.init(cap, memory.data(), memory.size()), Status::Ok);
    std::vector<std::uint8_t> bytes(64 << 20);
    const auto rows = std::uint32_t(train.rows());
    int failures = 0;
    int neurons = 0;
    const long n = allocationsDuring([&] {
      Network& net = b.net;
      for (int i = 0; i < train.rows(); ++i) {
        failures += net.learn(train.row(i), train.y[std::size_t(i)]) != Status::Ok;
      }
      failures += net.rebuild() != Status::Ok;
      for (int i = 0; i < 20; ++i) {
        failures += net.learn(train.row(i), train.y[std::size_t(i)]) != Status::Ok;
      }
      failures += net.rebuild(train.x.data(), train.y.data(), rows) != Status::Ok;
      neurons = net.neurons(0);
      Prediction p;
      for (int i = 0; i < train.rows(); ++i) {
        failures += net.predict(train.row(i), p, net.scratch()) != Status::Ok;
        failures += b.net.predict(train.row(i), p, caller) != Status::Ok;
      }
      std::size_t written = 0;
      failures += saveModel(net, nullptr, bytes.data(), bytes.size(), &written) != Status::Ok;
      failures += loadModel(bytes.data(), written, net, nullptr) != Status::Ok;
      failures += net.learn(train.row(0), 0) != Status::Ok;
      failures += net.predict(train.row(0), p, caller) != Status::Ok;
    });
    QCOMPARE(failures, 0);
    QCOMPARE(n, 0L);
    // Large enough for every blocked path: the Cholesky factor's panels, multi-block sweeps.
    QVERIFY2(neurons > 512, qPrintable(QString("%1 neurons").arg(neurons)));
  }

private:
  // A model as the studio pushes it to the board: rebuilt within the board's limits, then
  // deepened to the board's 4 layers (hand-set correction layers of 4 neurons).
  static std::vector<std::uint8_t> deepBoardModel(const test::Events& train) {
    Capacity cap = kBoard;
    cap.maxEvents = std::uint32_t(train.rows());
    cap.exactReadout = true;
    test::Box studio(cap);
    if (studio.net.rebuild(train.x.data(), train.y.data(), cap.maxEvents) != Status::Ok ||
        studio.net.depth() != 1 || !test::deepen(studio.net, train, kBoard.maxLayers, 4)) {
      return {};
    }
    std::vector<std::uint8_t> out(modelBytes(studio.net));
    std::size_t written = 0;
    if (saveModel(studio.net, nullptr, out.data(), out.size(), &written) != Status::Ok) return {};
    return out;
  }
};

QTEST_APPLESS_MAIN(TestNoHeap)
#include "test_no_heap.moc"
