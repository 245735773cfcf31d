#include "app/baselines/knn.h"
#include "app/baselines/rng.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <vector>

using dlm::bench::Knn1;
using dlm::bench::SplitMix64;

namespace {

std::vector<float> gaussianData(int rows, int dims, uint64_t seed)
{
    SplitMix64 rng(seed);
    std::vector<float> data(static_cast<std::size_t>(rows) * dims);
    for (float& v : data)
        v = static_cast<float>(rng.nextGaussian());
    return data;
}

std::vector<int> randomLabels(int rows, int classes, uint64_t seed)
{
    SplitMix64 rng(seed);
    std::vector<int> labels(static_cast<std::size_t>(rows));
    for (int& label : labels)
        label = static_cast<int>(rng.nextBelow(static_cast<uint64_t>(classes)));
    return labels;
}

struct BruteNeighbour {
    double sqDist;
    int index;
};

// Reference: all distances in double, sorted by (distance, index).
std::vector<BruteNeighbour> bruteForce(const std::vector<float>& train, int rows, int dims, const float* q)
{
    std::vector<BruteNeighbour> all;
    for (int i = 0; i < rows; ++i) {
        double sum = 0.0;
        for (int d = 0; d < dims; ++d) {
            const double diff = static_cast<double>(train[static_cast<std::size_t>(i) * dims + d]) - q[d];
            sum += diff * diff;
        }
        all.push_back({sum, i});
    }
    std::sort(all.begin(), all.end(), [](const BruteNeighbour& a, const BruteNeighbour& b) {
        return a.sqDist < b.sqDist || (a.sqDist == b.sqDist && a.index < b.index);
    });
    return all;
}

// Reference majority vote among the first k, ties to the class with the nearest member.
int bruteVote(const std::vector<BruteNeighbour>& sorted, const std::vector<int>& labels, int k)
{
    std::map<int, int> votes;
    for (int i = 0; i < k; ++i)
        ++votes[labels[sorted[i].index]];
    int best = 0;
    for (const auto& entry : votes)
        best = std::max(best, entry.second);
    for (int i = 0; i < k; ++i) {
        const int label = labels[sorted[i].index];
        if (votes[label] == best)
            return label;
    }
    return -1;
}

} // namespace

class TestKnn : public QObject {
    Q_OBJECT

private slots:
    void handmadeSetGivesKnownAnswers();
    void tiesGoToLowestIndex();
    void batchMatchesSingleOnHandmadeSet();
    void randomDataMatchesBruteForce();
    void batchIsIndependentOfBlockingAndThreads();
    void heavyTiesStayExactInBatch();
    void largeCommonOffsetStaysExact();
    void predictKVotesWithTiesToNearest();
    void predictKMatchesBruteForce();
    void rejectsMisuse();
};

namespace {

// Four corners of a 10 × 10 square; labels 0, 1, 2, 1.
const std::vector<float> kCorners = {0, 0, 10, 0, 0, 10, 10, 10};
const std::vector<int> kCornerLabels = {0, 1, 2, 1};
const std::vector<float> kCornerQueries = {1, 1, 9, 1, 2, 9, 6, 6};
const std::vector<int> kExpectedLabels = {0, 1, 2, 1};
const std::vector<float> kExpectedSqDist = {2, 2, 5, 32};

} // namespace

void TestKnn::handmadeSetGivesKnownAnswers()
{
    Knn1 knn;
    knn.fit(kCorners.data(), kCornerLabels.data(), 4, 2);
    QCOMPARE(knn.rows(), 4);
    QCOMPARE(knn.dims(), 2);
    for (int j = 0; j < 4; ++j) {
        float sqDist = -1.0f;
        QCOMPARE(knn.predict(kCornerQueries.data() + 2 * j, &sqDist), kExpectedLabels[j]);
        QCOMPARE(sqDist, kExpectedSqDist[j]);
    }
    // A training point is its own neighbour at distance exactly zero.
    float self = -1.0f;
    QCOMPARE(knn.predict(kCorners.data() + 4, &self), 2);
    QCOMPARE(self, 0.0f);
}

void TestKnn::tiesGoToLowestIndex()
{
    Knn1 knn;
    knn.fit(kCorners.data(), kCornerLabels.data(), 4, 2);
    const float middleBottom[2] = {5, 0}; // equidistant from index 0 (label 0) and 1 (label 1)
    const float centre[2] = {5, 5};      // equidistant from all four
    int labels[2] = {-1, -1};
    float sqDist[2] = {-1, -1};
    const float queries[4] = {5, 0, 5, 5};
    knn.predictBatch(queries, 2, labels, sqDist);
    QCOMPARE(knn.predict(middleBottom), 0);
    QCOMPARE(knn.predict(centre), 0);
    QCOMPARE(labels[0], 0);
    QCOMPARE(labels[1], 0);
    QCOMPARE(sqDist[0], 25.0f);
    QCOMPARE(sqDist[1], 50.0f);
}

void TestKnn::batchMatchesSingleOnHandmadeSet()
{
    Knn1 knn;
    knn.fit(kCorners.data(), kCornerLabels.data(), 4, 2);
    std::vector<int> labels(4, -1);
    std::vector<float> sqDist(4, -1.0f);
    knn.predictBatch(kCornerQueries.data(), 4, labels.data(), sqDist.data());
    QCOMPARE(labels, kExpectedLabels);
    QCOMPARE(sqDist, kExpectedSqDist);
    std::vector<int> labelsOnly(4, -1);
    knn.predictBatch(kCornerQueries.data(), 4, labelsOnly.data(), nullptr);
    QCOMPARE(labelsOnly, kExpectedLabels);
}

void TestKnn::randomDataMatchesBruteForce()
{
    // 37 dims: not a multiple of the 16-lane distance kernel, so the tail path is exercised.
    const int trainRows = 700, testRows = 300, dims = 37;
    const auto train = gaussianData(trainRows, dims, 1);
    const auto labels = randomLabels(trainRows, 5, 2);
    const auto test = gaussianData(testRows, dims, 3);
    Knn1 knn;
    knn.fit(train.data(), labels.data(), trainRows, dims);

    std::vector<int> batchLabels(testRows);
    std::vector<float> batchSqDist(testRows);
    knn.predictBatch(test.data(), testRows, batchLabels.data(), batchSqDist.data());
    for (int j = 0; j < testRows; ++j) {
        const float* q = test.data() + static_cast<std::size_t>(j) * dims;
        const auto reference = bruteForce(train, trainRows, dims, q);
        const int expected = labels[reference.front().index];
        float singleSqDist = -1.0f;
        QCOMPARE(knn.predict(q, &singleSqDist), expected);
        QCOMPARE(batchLabels[j], expected);
        QCOMPARE(batchSqDist[j], singleSqDist); // bit-identical paths
        QVERIFY(std::abs(singleSqDist - reference.front().sqDist) <= 1e-5 * reference.front().sqDist);
    }
}

void TestKnn::batchIsIndependentOfBlockingAndThreads()
{
    const int trainRows = 523, testRows = 257, dims = 20;
    const auto train = gaussianData(trainRows, dims, 11);
    const auto labels = randomLabels(trainRows, 7, 12);
    const auto test = gaussianData(testRows, dims, 13);
    Knn1 reference;
    reference.fit(train.data(), labels.data(), trainRows, dims);
    std::vector<int> expectedLabels(testRows);
    std::vector<float> expectedSqDist(testRows);
    for (int j = 0; j < testRows; ++j)
        expectedLabels[j] =
            reference.predict(test.data() + static_cast<std::size_t>(j) * dims, &expectedSqDist[j]);

    // From 1 × 1 tiles to one tile for everything, one to three threads: the same answers.
    const std::vector<std::pair<int, int>> blockings = {{1, 1}, {7, 50}, {64, 100}, {1024, 4096}};
    for (const auto& [queryBlock, trainBlock] : blockings) {
        for (const int threads : {1, 2, 3}) {
            Knn1 knn(Knn1::Options{threads, queryBlock, trainBlock});
            knn.fit(train.data(), labels.data(), trainRows, dims);
            std::vector<int> outLabels(testRows, -1);
            std::vector<float> outSqDist(testRows, -1.0f);
            knn.predictBatch(test.data(), testRows, outLabels.data(), outSqDist.data());
            QCOMPARE(outLabels, expectedLabels);
            QCOMPARE(outSqDist, expectedSqDist);
        }
    }
}

void TestKnn::heavyTiesStayExactInBatch()
{
    // Coordinates in {0, 1, 2}: many duplicate points and equal distances, where the GEMM
    // shortlist must still recover the lowest-index exact nearest neighbour.
    const int trainRows = 400, testRows = 200, dims = 6;
    SplitMix64 rng(21);
    std::vector<float> train(static_cast<std::size_t>(trainRows) * dims);
    std::vector<float> test(static_cast<std::size_t>(testRows) * dims);
    for (float& v : train)
        v = static_cast<float>(rng.nextBelow(3));
    for (float& v : test)
        v = static_cast<float>(rng.nextBelow(3));
    const auto labels = randomLabels(trainRows, 4, 22);
    Knn1 knn;
    knn.fit(train.data(), labels.data(), trainRows, dims);
    std::vector<int> outLabels(testRows);
    std::vector<float> outSqDist(testRows);
    knn.predictBatch(test.data(), testRows, outLabels.data(), outSqDist.data());
    for (int j = 0; j < testRows; ++j) {
        const float* q = test.data() + static_cast<std::size_t>(j) * dims;
        const auto reference = bruteForce(train, trainRows, dims, q);
        QCOMPARE(outLabels[j], labels[reference.front().index]);
        QCOMPARE(static_cast<double>(outSqDist[j]), reference.front().sqDist);
    }
}

void TestKnn::largeCommonOffsetStaysExact()
{
    // A large offset makes ‖q‖² + ‖x‖² − 2q·x cancel catastrophically in float; the rounding
    // margin then widens the shortlist and the exact re-scoring still gets every answer right.
    const int trainRows = 300, testRows = 60, dims = 37;
    auto train = gaussianData(trainRows, dims, 41);
    auto test = gaussianData(testRows, dims, 42);
    for (float& v : train)
        v += 1000.0f;
    for (float& v : test)
        v += 1000.0f;
    const auto labels = randomLabels(trainRows, 6, 43);
    Knn1 knn(Knn1::Options{1, 32, 64});
    knn.fit(train.data(), labels.data(), trainRows, dims);
    std::vector<int> outLabels(testRows);
    std::vector<float> outSqDist(testRows);
    knn.predictBatch(test.data(), testRows, outLabels.data(), outSqDist.data());
    for (int j = 0; j < testRows; ++j) {
        const float* q = test.data() + static_cast<std::size_t>(j) * dims;
        const auto reference = bruteForce(train, trainRows, dims, q);
        float single = -1.0f;
        QCOMPARE(knn.predict(q, &single), labels[reference.front().index]);
        QCOMPARE(outLabels[j], labels[reference.front().index]);
        QCOMPARE(outSqDist[j], single);
    }
}

void TestKnn::predictKVotesWithTiesToNearest()
{
    // 1-D points: 0 (label 0), 1 (label 1), 1.5 (label 1), 3 (label 2), 10 (label 0).
    const std::vector<float> x = {0.0f, 1.0f, 1.5f, 3.0f, 10.0f};
    const std::vector<int> y = {0, 1, 1, 2, 0};
    Knn1 knn;
    knn.fit(x.data(), y.data(), 5, 1);
    const float q = 0.2f; // neighbours in order: 0 (0), 1 (1), 1.5 (1), 3 (2), 10 (0)
    QCOMPARE(knn.predictK(&q, 1), 0);
    QCOMPARE(knn.predictK(&q, 2), 0); // 1 vs 1: the nearest member's class wins
    QCOMPARE(knn.predictK(&q, 3), 1); // 2 votes for class 1
    QCOMPARE(knn.predictK(&q, 5), 0); // 2 vs 2 vs 1: class 0 has the nearest member
    QCOMPARE(knn.predictK(&q, 99), 0); // clamped to all five
    int batch = -1;
    knn.predictBatchK(&q, 1, 3, &batch);
    QCOMPARE(batch, 1);
    knn.predictBatchK(&q, 1, 2, &batch);
    QCOMPARE(batch, 0);
}

void TestKnn::predictKMatchesBruteForce()
{
    const int trainRows = 600, testRows = 250, dims = 24;
    const auto train = gaussianData(trainRows, dims, 31);
    const auto labels = randomLabels(trainRows, 3, 32);
    const auto test = gaussianData(testRows, dims, 33);
    Knn1 knn(Knn1::Options{2, 16, 100}); // several tiles: the shortlist is pruned across them
    knn.fit(train.data(), labels.data(), trainRows, dims);
    for (const int k : {3, 5}) {
        std::vector<int> batch(testRows, -1);
        knn.predictBatchK(test.data(), testRows, k, batch.data());
        for (int j = 0; j < testRows; ++j) {
            const float* q = test.data() + static_cast<std::size_t>(j) * dims;
            const int expected = bruteVote(bruteForce(train, trainRows, dims, q), labels, k);
            QCOMPARE(knn.predictK(q, k), expected);
            QCOMPARE(batch[j], expected);
        }
    }
}

void TestKnn::rejectsMisuse()
{
    Knn1 knn;
    const float q[2] = {0, 0};
    int label = 0;
    QVERIFY_THROWS_EXCEPTION(std::logic_error, knn.predict(q));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, knn.predictBatch(q, 1, &label, nullptr));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, knn.fit(nullptr, kCornerLabels.data(), 4, 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, knn.fit(kCorners.data(), kCornerLabels.data(), 0, 2));
    knn.fit(kCorners.data(), kCornerLabels.data(), 4, 2);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, knn.predictK(q, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, knn.predictBatchK(q, 1, 0, &label));
    knn.predictBatch(q, 0, nullptr, nullptr); // an empty batch is a no-op
    knn.setOptions(Knn1::Options{1, 0, 16});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, knn.predictBatch(q, 1, &label, nullptr));
}

QTEST_APPLESS_MAIN(TestKnn)
#include "test_knn.moc"
