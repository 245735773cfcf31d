#include "app/baselines/metrics.h"
#include "app/baselines/rng.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using dlm::bench::ConfusionMatrix;
using dlm::bench::SplitMix64;

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void accuracyCountsMatches();
    void confusionMatrixCounts();
    void confusionMatrixRendersNames();
    void confusionMatrixRejectsOutOfRange();
    void aurocExtremes();
    void aurocMatchesPairwiseCountWithTies();
    void fprAtTprHandChecked();
    void summarizeKnownSamples();
    void nowSecondsIsMonotonic();
};

void TestMetrics::accuracyCountsMatches()
{
    const int pred[5] = {0, 1, 2, -1, 1};
    const int truth[5] = {0, 1, 1, 2, 1};
    QCOMPARE(dlm::bench::accuracy(pred, truth, 5), 0.6);
    QCOMPARE(dlm::bench::accuracy(pred, truth, 2), 1.0);
    QVERIFY(std::isnan(dlm::bench::accuracy(pred, truth, 0)));
}

void TestMetrics::confusionMatrixCounts()
{
    ConfusionMatrix cm(3);
    QVERIFY(std::isnan(cm.accuracy()));
    const int truth[] = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    const int pred[] = {0, 0, 1, 1, -1, 2, -1, -1, 0};
    for (std::size_t i = 0; i < std::size(truth); ++i)
        cm.add(truth[i], pred[i]);
    QCOMPARE(cm.classes(), 3);
    QCOMPARE(cm.count(0, 0), int64_t{2});
    QCOMPARE(cm.count(0, 1), int64_t{1});
    QCOMPARE(cm.count(1, 1), int64_t{1});
    QCOMPARE(cm.count(2, 0), int64_t{1});
    QCOMPARE(cm.count(2, 1), int64_t{0});
    QCOMPARE(cm.unknownCount(0), int64_t{0});
    QCOMPARE(cm.unknownCount(1), int64_t{1});
    QCOMPARE(cm.unknownCount(2), int64_t{2});
    QCOMPARE(cm.count(2, ConfusionMatrix::kUnknown), int64_t{2});
    QCOMPARE(cm.rowTotal(0), int64_t{3});
    QCOMPARE(cm.rowTotal(2), int64_t{4});
    QCOMPARE(cm.total(), int64_t{9});
    QCOMPARE(cm.correct(), int64_t{4});
    QCOMPARE(cm.accuracy(), 4.0 / 9.0);
    cm.clear();
    QCOMPARE(cm.total(), int64_t{0});
}

void TestMetrics::confusionMatrixRendersNames()
{
    ConfusionMatrix cm(2);
    cm.add(0, 0);
    cm.add(0, 0);
    cm.add(1, 0);
    cm.add(1, -1);
    for (int i = 0; i < 12; ++i)
        cm.add(1, 1);
    const std::string text = cm.toText({"cat", "dog"});
    const std::string expected = "truth\\pred      cat      dog  Unknown\n"
                                 "cat               2        0        0\n"
                                 "dog               1       12        1\n";
    QCOMPARE(QString::fromStdString(text), QString::fromStdString(expected));
    // Missing names fall back to the class index.
    const std::string byIndex = cm.toText({"cat"});
    QVERIFY(byIndex.find("\n1 ") != std::string::npos);
    QVERIFY(byIndex.find("Unknown") != std::string::npos);
}

void TestMetrics::confusionMatrixRejectsOutOfRange()
{
    ConfusionMatrix cm(2);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, cm.add(2, 0));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, cm.add(-1, 0));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, cm.add(0, 2));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, cm.add(0, -2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ConfusionMatrix(0));
    QCOMPARE(cm.total(), int64_t{0});
}

void TestMetrics::aurocExtremes()
{
    using dlm::bench::auroc;
    QCOMPARE(auroc({0.9, 0.8, 0.7}, {0.1, 0.2}), 1.0);
    QCOMPARE(auroc({0.1, 0.2}, {0.9, 0.8, 0.7}), 0.0);
    QCOMPARE(auroc({0.5, 0.5, 0.5}, {0.5, 0.5}), 0.5);
    QCOMPARE(auroc({1.0, 0.0}, {0.5}), 0.5);
    QCOMPARE(auroc({0.5, 0.7}, {0.5}), 0.75); // one tie (1/2) and one win
    QVERIFY(std::isnan(auroc({}, {0.5})));
    QVERIFY(std::isnan(auroc({0.5}, {})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, auroc({std::nan("")}, {0.5}));
}

void TestMetrics::aurocMatchesPairwiseCountWithTies()
{
    SplitMix64 rng(77);
    for (int trial = 0; trial < 5; ++trial) {
        // Few distinct values so ties are common; knowns shifted up a little.
        std::vector<double> known(static_cast<std::size_t>(50 + 17 * trial));
        std::vector<double> unknown(static_cast<std::size_t>(40 + 11 * trial));
        for (double& s : known)
            s = static_cast<double>(rng.nextBelow(12)) * 0.25 + 0.5;
        for (double& s : unknown)
            s = static_cast<double>(rng.nextBelow(12)) * 0.25;
        double pairScore = 0.0;
        for (double k : known) {
            for (double u : unknown)
                pairScore += k > u ? 1.0 : (k == u ? 0.5 : 0.0);
        }
        const double pairs = static_cast<double>(known.size()) * static_cast<double>(unknown.size());
        const double expected = pairScore / pairs;
        QVERIFY(std::abs(dlm::bench::auroc(known, unknown) - expected) < 1e-12);
    }
}

void TestMetrics::fprAtTprHandChecked()
{
    using dlm::bench::fprAtTpr;
    std::vector<double> known;
    for (int i = 1; i <= 20; ++i)
        known.push_back(i);
    const std::vector<double> unknown = {0, 1, 2, 4, 10};
    // 95 % of 20 knowns = 19: threshold 2 accepts knowns 2..20 and unknowns 2, 4, 10.
    QCOMPARE(fprAtTpr(known, unknown), 0.6);
    QCOMPARE(fprAtTpr(known, unknown, 0.95), 0.6);
    // All knowns: threshold 1 lets unknowns 1, 2, 4, 10 through.
    QCOMPARE(fprAtTpr(known, unknown, 1.0), 0.8);
    // Half the knowns: threshold 11 accepts no unknown.
    QCOMPARE(fprAtTpr(known, unknown, 0.5), 0.0);
    // 0.46 × 20 = 9.2 -> at least 10 knowns, threshold 11 again; 0.56 -> 12 knowns, threshold 9.
    QCOMPARE(fprAtTpr(known, unknown, 0.46), 0.0);
    QCOMPARE(fprAtTpr(known, unknown, 0.56), 0.2);
    QCOMPARE(fprAtTpr(known, unknown, 0.0), 0.0);
    // Tied knowns at the threshold are all accepted, and so are tied unknowns.
    QCOMPARE(fprAtTpr({5, 5, 5, 1}, {5, 4}, 0.5), 0.5);
    QVERIFY(std::isnan(fprAtTpr({}, unknown)));
    QVERIFY(std::isnan(fprAtTpr(known, {})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fprAtTpr(known, unknown, 1.5));
}

void TestMetrics::summarizeKnownSamples()
{
    std::vector<double> samples;
    for (int i = 100; i >= 1; --i)
        samples.push_back(i); // unsorted on purpose
    const dlm::bench::TimingStats stats = dlm::bench::summarize(samples);
    QCOMPARE(stats.median, 50.5);
    QVERIFY(std::abs(stats.p99 - 99.01) < 1e-9); // numpy.percentile(range(1, 101), 99)
    QCOMPARE(stats.mean, 50.5);
    QCOMPARE(stats.min, 1.0);
    QCOMPARE(stats.max, 100.0);

    const dlm::bench::TimingStats odd = dlm::bench::summarize({3.0, 1.0, 2.0});
    QCOMPARE(odd.median, 2.0);
    QVERIFY(std::abs(odd.p99 - 2.98) < 1e-12);
    QCOMPARE(odd.mean, 2.0);

    const dlm::bench::TimingStats single = dlm::bench::summarize({0.25});
    QCOMPARE(single.median, 0.25);
    QCOMPARE(single.p99, 0.25);

    const dlm::bench::TimingStats empty = dlm::bench::summarize({});
    QVERIFY(std::isnan(empty.median) && std::isnan(empty.p99) && std::isnan(empty.mean));
    QVERIFY(std::isnan(empty.min) && std::isnan(empty.max));
}

void TestMetrics::nowSecondsIsMonotonic()
{
    const double start = dlm::bench::nowSeconds();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double elapsed = dlm::bench::nowSeconds() - start;
    QVERIFY(elapsed >= 0.015);
    QVERIFY(elapsed < 5.0);
}

QTEST_APPLESS_MAIN(TestMetrics)
#include "test_metrics.moc"
