// The open-set and few-shot draws of `dlm bench`: fixed by the seed, disjoint, of the asked size.
#include "app/cli/bench_splits.h"

#include <QtTest>

#include <algorithm>
#include <set>
#include <vector>

using namespace dlm::cli;

namespace {

// 10 classes of 20 rows each, interleaved.
std::vector<int> tenClasses() {
  std::vector<int> labels;
  for (int i = 0; i < 200; ++i) labels.push_back(i % 10);
  return labels;
}

std::set<int> asSet(const std::vector<int>& v) { return std::set<int>(v.begin(), v.end()); }

} // namespace

class TestBenchSplits : public QObject {
  Q_OBJECT

private slots:
  void seedFixesTheDraw() {
    const std::vector<int> labels = tenClasses();
    const std::uint64_t seed = splitSeed(7, "digits/classes", 3);
    QCOMPARE(seed, splitSeed(7, "digits/classes", 3));
    QVERIFY(seed != splitSeed(7, "digits/classes", 4));
    QVERIFY(seed != splitSeed(7, "wine/classes", 3));
    QVERIFY(seed != splitSeed(8, "digits/classes", 3));
    const std::vector<int> known = drawClasses(10, 6, seed);
    QCOMPARE(known, drawClasses(10, 6, seed));
    const OpenSetSplit a = splitOpenSet(labels, known, 0.5, 99);
    const OpenSetSplit b = splitOpenSet(labels, known, 0.5, 99);
    QCOMPARE(a.train, b.train);
    QCOMPARE(a.test, b.test);
    QVERIFY(splitOpenSet(labels, known, 0.5, 100).train != a.train);
    // Twenty draws do not all pick the same classes.
    std::set<std::vector<int>> subsets;
    for (int i = 0; i < 20; ++i) subsets.insert(drawClasses(10, 6, splitSeed(7, "digits", i)));
    QVERIFY(subsets.size() >= 15);
  }

  void knownClassesAndDisjointRows() {
    const std::vector<int> labels = tenClasses();
    for (int i = 0; i < 10; ++i) {
      const std::vector<int> known = drawClasses(10, 6, splitSeed(1, "t", i));
      QCOMPARE(int(known.size()), 6);
      QVERIFY(std::is_sorted(known.begin(), known.end()));
      QCOMPARE(int(asSet(known).size()), 6);
      QVERIFY(known.front() >= 0 && known.back() < 10);
      const OpenSetSplit s = splitOpenSet(labels, known, 0.5, splitSeed(1, "r", i));
      QCOMPARE(s.known, known);
      // Half of each known class trains; the other half and the 4 unknown classes test.
      QCOMPARE(int(s.train.size()), 6 * 10);
      QCOMPARE(int(s.test.size()), 6 * 10 + 4 * 20);
      const std::set<int> train = asSet(s.train);
      QCOMPARE(int(train.size()), int(s.train.size()));
      for (const int r : s.test) QVERIFY(train.count(r) == 0);
      for (const int r : s.train)
        QVERIFY(std::binary_search(known.begin(), known.end(), labels[std::size_t(r)]));
      for (const int c : known) {
        const auto n = std::count_if(s.train.begin(), s.train.end(),
                                     [&](int r) { return labels[std::size_t(r)] == c; });
        QCOMPARE(int(n), 10);
      }
    }
  }

  void materializeRenumbersKnownAndMarksUnknown() {
    dlm::data::Dataset all;
    all.rows = 6;
    all.dims = 1;
    all.features = {0, 1, 2, 3, 4, 5};
    all.labels = {0, 1, 2, 0, 1, 2};
    all.classNames = {"a", "b", "c"};
    OpenSetSplit s;
    s.known = {0, 2};
    s.train = {0, 2};
    s.test = {5, 1, 3};
    const OpenSetData d = materialize(all, all, s);
    QCOMPARE(d.train.labels, (std::vector<int>{0, 1}));
    QCOMPARE(d.train.classNames, (std::vector<std::string>{"a", "c"}));
    QCOMPARE(d.test.labels, (std::vector<int>{1, -1, 0}));
    QCOMPARE(d.test.features, (std::vector<float>{5, 1, 3}));
  }

  void sampledFromAnOfficialSplit() {
    const std::vector<int> trainLabels = tenClasses();
    const std::vector<int> known = {1, 4, 7};
    const OpenSetSplit s = sampleOpenSet(trainLabels, 50, known, 25, 3);
    QCOMPARE(int(s.train.size()), 25);
    QCOMPARE(int(asSet(s.train).size()), 25);
    for (const int r : s.train) QVERIFY(asSet(known).count(trainLabels[std::size_t(r)]) == 1);
    QCOMPARE(int(s.test.size()), 50);
    QCOMPARE(sampleOpenSet(trainLabels, 50, known, 25, 3).train, s.train);
    QCOMPARE(int(sampleOpenSet(trainLabels, 50, known, 1000, 3).train.size()), 60);
  }

  void fewShotTakesKPerClassNested() {
    const std::vector<int> labels = tenClasses();
    std::vector<int> pool;
    for (int r = 0; r < 200; ++r) {
      if (labels[std::size_t(r)] < 3) pool.push_back(r);
    }
    std::set<int> previous;
    for (const int k : {1, 2, 3, 5, 10, 50}) {
      const std::vector<int> rows = drawFewShot(labels, pool, k, 42);
      QCOMPARE(rows, drawFewShot(labels, pool, k, 42));
      QCOMPARE(int(rows.size()), 3 * std::min(k, 20));
      for (int c = 0; c < 3; ++c) {
        const auto n = std::count_if(rows.begin(), rows.end(),
                                     [&](int r) { return labels[std::size_t(r)] == c; });
        QCOMPARE(int(n), std::min(k, 20));
      }
      const std::set<int> now = asSet(rows);
      QVERIFY(std::includes(now.begin(), now.end(), previous.begin(), previous.end()));
      for (const int r : rows) QVERIFY(std::binary_search(pool.begin(), pool.end(), r));
      previous = now;
    }
    QVERIFY(drawFewShot(labels, pool, 3, 43) != drawFewShot(labels, pool, 3, 42));
  }
};

QTEST_GUILESS_MAIN(TestBenchSplits)
#include "test_bench_splits.moc"
