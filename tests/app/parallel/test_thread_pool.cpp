// The host's rebuild threads: every piece runs exactly once on a worker index in range,
// concurrent callers take turns, and a rebuild on the pool gives the serial model's bytes.
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

#include "app/parallel/thread_pool.h"
#include "core/model_format.h"
#include "core/network.h"

using dlm::parallel::ThreadPool;

namespace {

struct Tally {
  std::vector<std::atomic<int>> hits;
  std::atomic<int> badWorker{0};
  std::atomic<int> inside{0};
  std::atomic<int> mostInside{0};
  int workers = 1;
  explicit Tally(int count, int w) : hits(std::size_t(count)), workers(w) {}
};

void countPiece(void* context, int index, int worker) {
  auto* t = static_cast<Tally*>(context);
  if (worker < 0 || worker >= t->workers) ++t->badWorker;
  const int now = ++t->inside;
  int most = t->mostInside.load();
  while (now > most && !t->mostInside.compare_exchange_weak(most, now)) {
  }
  // Long enough for the other workers to pick pieces up.
  volatile double sink = 0.0;
  for (int i = 0; i < 20000; ++i) sink = sink + double(i);
  ++t->hits[std::size_t(index)];
  --t->inside;
}

// Counts the runs it forwards to a pool, so a test knows the pool really carried the work.
class CountingRunner final : public dlm::TaskRunner {
public:
  explicit CountingRunner(ThreadPool& pool) : m_pool(pool) {}
  int workers() const override { return m_pool.workers(); }
  void run(int count, void (*task)(void*, int, int), void* context) override {
    ++runs;
    m_pool.run(count, task, context);
  }
  int runs = 0;

private:
  ThreadPool& m_pool;
};

constexpr int kDims = 64;

std::vector<std::uint8_t> rebuiltBytes(int workers, dlm::TaskRunner* runner) {
  dlm::Capacity cap;
  cap.maxDims = kDims;
  cap.maxClasses = 4;
  cap.maxEvents = 1200;
  cap.maxNeurons = 600;
  cap.maxLayers = 3;
  cap.exactReadout = true;
  cap.workers = std::uint8_t(workers);
  std::vector<unsigned char> arena(dlm::Network::arenaBytes(cap));
  dlm::Network net;
  if (net.init(cap, arena.data(), arena.size()) != dlm::Status::Ok) return {};
  net.setTaskRunner(runner);
  std::vector<float> x;
  std::vector<std::uint8_t> y;
  std::uint64_t s = 3;
  for (int i = 0; i < 1200; ++i) {
    const int label = i % 4;
    for (int d = 0; d < kDims; ++d) {
      s = s * 6364136223846793005ull + 1442695040888963407ull;
      const float jitter = float(s >> 40) / float(1ull << 24) - 0.5f;
      x.push_back(float((label >> (d % 2)) & 1) * 0.5f + 4.0f * jitter);
    }
    y.push_back(std::uint8_t(label));
  }
  if (net.rebuild(x.data(), y.data(), 1200) != dlm::Status::Ok) return {};
  std::vector<std::uint8_t> out(dlm::modelBytes(net));
  std::size_t n = 0;
  dlm::saveModel(net, nullptr, out.data(), out.size(), &n);
  return out;
}

} // namespace

class TestThreadPool : public QObject {
  Q_OBJECT

private slots:
  void everyPieceOnceOnAWorker() {
    ThreadPool pool(4);
    QCOMPARE(pool.workers(), 4);
    for (int count : {1, 2, 3, 7, 64, 501}) {
      Tally t(count, pool.workers());
      pool.run(count, countPiece, &t);
      for (int i = 0; i < count; ++i) QCOMPARE(t.hits[std::size_t(i)].load(), 1);
      QCOMPARE(t.badWorker.load(), 0);
      QCOMPARE(t.inside.load(), 0);  // run() returned after every piece finished
    }
  }

  void piecesRunConcurrently() {
    if (std::thread::hardware_concurrency() < 2) QSKIP("one hardware thread");
    ThreadPool pool(2);
    Tally t(200, 2);
    pool.run(200, countPiece, &t);
    QVERIFY(t.mostInside.load() >= 2);
  }

  void oneWorkerIsTheCaller() {
    ThreadPool pool(1);
    QCOMPARE(pool.workers(), 1);
    Tally t(5, 1);
    pool.run(5, countPiece, &t);
    QCOMPARE(t.mostInside.load(), 1);
    for (int i = 0; i < 5; ++i) QCOMPARE(t.hits[std::size_t(i)].load(), 1);
  }

  void concurrentCallersTakeTurns() {
    ThreadPool pool(3);
    Tally a(300, 3), b(300, 3);
    std::thread other([&] { pool.run(300, countPiece, &b); });
    pool.run(300, countPiece, &a);
    other.join();
    for (int i = 0; i < 300; ++i) {
      QCOMPARE(a.hits[std::size_t(i)].load(), 1);
      QCOMPARE(b.hits[std::size_t(i)].load(), 1);
    }
    QVERIFY(a.mostInside.load() <= 3 && b.mostInside.load() <= 3);
  }

  void manyRunsAndAShutdown() {
    // Each run wakes the helpers anew; the destructor joins them however many runs there were.
    for (int round = 0; round < 20; ++round) {
      ThreadPool pool(3);
      for (int r = 0; r < 50; ++r) {
        Tally t(9, 3);
        pool.run(9, countPiece, &t);
        QCOMPARE(t.hits[8].load(), 1);
      }
    }
  }

  void poolForFollowsTheWorkerCount() {
    std::unique_ptr<ThreadPool> pool;
    QVERIFY(dlm::parallel::poolFor(pool, 1) == nullptr);
    QVERIFY(!pool);
    ThreadPool* three = dlm::parallel::poolFor(pool, 3);
    QVERIFY(three != nullptr && three->workers() == 3);
    QCOMPARE(dlm::parallel::poolFor(pool, 3), three);  // kept while the count holds
    ThreadPool* two = dlm::parallel::poolFor(pool, 2);
    QVERIFY(two != nullptr && two->workers() == 2);
    Tally t(10, 2);
    two->run(10, countPiece, &t);
    QCOMPARE(t.hits[9].load(), 1);
    QVERIFY(dlm::parallel::poolFor(pool, 1) == nullptr);
    QVERIFY(!pool);  // a single worker keeps no threads
  }

  void aRebuildOnThePoolIsTheSerialModel() {
    const auto serial = rebuiltBytes(1, nullptr);
    QVERIFY(!serial.empty());
    ThreadPool pool(3);
    CountingRunner runner(pool);
    QVERIFY(rebuiltBytes(3, &runner) == serial);
    QVERIFY(runner.runs > 0);
    QVERIFY(dlm::parallel::hostWorkers() >= 1);
  }
};

QTEST_GUILESS_MAIN(TestThreadPool)
#include "test_thread_pool.moc"
