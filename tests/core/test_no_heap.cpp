// The kernel allocates nothing after init(): learn, rebuild, predict and the model format run
// with malloc counting. glibc lets a program replace malloc; we forward to its internals.
#include <QtTest>

#include <atomic>
#include <cstddef>
#include <vector>

#include "blobs.h"
#include "core/model_format.h"

#include "tests/support/malloc_counter.h"

using namespace dlm;

class TestNoHeap : public QObject {
  Q_OBJECT
private slots:
  void kernelNeverAllocatesAfterInit() {
    const auto train = test::blobs(4, 150, 8, 1.2f);
    test::Box b(test::smallCapacity(8, 1024));
    std::vector<std::uint8_t> bytes(1 << 20);
    g_allocations = 0;
    g_counting = true;
    for (int i = 0; i < train.rows(); ++i) b.net.learn(train.row(i), train.y[std::size_t(i)]);
    b.net.rebuild();
    b.net.rebuild(train.x.data(), train.y.data(), std::uint32_t(train.rows()));
    Prediction p;
    for (int i = 0; i < train.rows(); ++i) b.net.predict(train.row(i), p, b.net.scratch());
    std::size_t n = 0;
    saveModel(b.net, nullptr, bytes.data(), bytes.size(), &n);
    loadModel(bytes.data(), n, b.net, nullptr);
    b.net.learn(train.row(0), 0);
    g_counting = false;
    QCOMPARE(g_allocations.load(), 0L);
    QVERIFY(b.net.neurons(0) > 0); // the work above really happened
    // And the counter does count: a plain allocation is seen.
    g_counting = true;
    void* volatile probe = malloc(16);
    g_counting = false;
    free(probe);
    QCOMPARE(g_allocations.load(), 1L);
  }
};

QTEST_APPLESS_MAIN(TestNoHeap)
#include "test_no_heap.moc"
