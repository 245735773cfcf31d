#include "app/baselines/metrics.h"
#include "app/baselines/mlp.h"
#include "app/baselines/rng.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

using dlm::bench::Mlp;
using dlm::bench::MlpOptions;
using dlm::bench::SplitMix64;

namespace {

struct Dataset {
    std::vector<float> x;
    std::vector<int> y;
    int rows = 0;
    int dims = 0;
};

// Isotropic Gaussian blobs around the given centres, classes interleaved.
Dataset blobs(const std::vector<std::vector<float>>& centres, float spread, int rows, uint64_t seed)
{
    Dataset data;
    data.rows = rows;
    data.dims = static_cast<int>(centres.front().size());
    SplitMix64 rng(seed);
    for (int r = 0; r < rows; ++r) {
        const auto label = static_cast<std::size_t>(r) % centres.size();
        for (float c : centres[label])
            data.x.push_back(c + spread * static_cast<float>(rng.nextGaussian()));
        data.y.push_back(static_cast<int>(label));
    }
    return data;
}

// XOR: clusters at (±1, ±1), label 1 when the signs differ.
Dataset xorClusters(int rows, uint64_t seed)
{
    Dataset corners = blobs({{-1, -1}, {1, 1}, {-1, 1}, {1, -1}}, 0.25f, rows, seed);
    for (int& label : corners.y)
        label /= 2;
    return corners;
}

double testAccuracy(const Mlp& mlp, const Dataset& data)
{
    std::vector<int> predicted(static_cast<std::size_t>(data.rows));
    mlp.predictBatch(data.x.data(), data.rows, predicted.data());
    return dlm::bench::accuracy(predicted.data(), data.y.data(), data.rows);
}

double trainAndScore(Mlp& mlp, const Dataset& train, const Dataset& test, int epochs)
{
    for (int epoch = 0; epoch < epochs; ++epoch)
        mlp.trainEpoch(train.x.data(), train.y.data(), train.rows, 1000 + static_cast<uint64_t>(epoch));
    return testAccuracy(mlp, test);
}

// Ten noisy 64-dimensional prototypes, shaped like sklearn's 8 × 8 digits (values 0..16).
Dataset digitsLike(int rows, uint64_t prototypeSeed, uint64_t noiseSeed)
{
    SplitMix64 prototypeRng(prototypeSeed);
    std::vector<std::vector<float>> prototypes(10, std::vector<float>(64));
    for (auto& prototype : prototypes) {
        for (float& v : prototype)
            v = static_cast<float>(prototypeRng.nextBelow(17));
    }
    Dataset data = blobs(prototypes, 6.0f, rows, noiseSeed);
    for (float& v : data.x)
        v /= 16.0f; // the usual scaling of digits to about [0, 1]
    return data;
}

bool sameWeights(const Mlp& a, const Mlp& b)
{
    return a.weights1() == b.weights1() && a.bias1() == b.bias1() && a.weights2() == b.weights2()
           && a.bias2() == b.bias2();
}

} // namespace

class TestMlp : public QObject {
    Q_OBJECT

private slots:
    void shapesAndParameterCount();
    void learnsTwoBlobs();
    void learnsThreeBlobs();
    void learnsXor();
    void learnsDigitsLikeProblem();
    void lossDecreases();
    void gradientMatchesFiniteDifferences();
    void setParametersRoundTrips();
    void sameSeedIsReproducible();
    void differentSeedsDiffer();
    void predictionsAreConsistent();
    void rejectsBadInput();
};

void TestMlp::shapesAndParameterCount()
{
    const Mlp mlp(64, 100, 10, 1);
    QCOMPARE(mlp.inputs(), 64);
    QCOMPARE(mlp.hidden(), 100);
    QCOMPARE(mlp.classes(), 10);
    QCOMPARE(mlp.parameterCount(), std::size_t{64 * 100 + 100 + 100 * 10 + 10});
    QCOMPARE(mlp.options().batchSize, 32);
    QCOMPARE(mlp.options().learningRate, 0.05f);
    QCOMPARE(mlp.options().momentum, 0.9f);
    QVERIFY(std::isnan(mlp.lastEpochLoss()));
    // He init: the sample standard deviation of W1 is close to sqrt(2 / inputs).
    const double mean = mlp.weights1().mean();
    const double var = (mlp.weights1().array() - static_cast<float>(mean)).square().mean();
    QVERIFY(std::abs(std::sqrt(var) - std::sqrt(2.0 / 64)) < 0.01);
    QVERIFY(std::abs(mean) < 0.01);
}

void TestMlp::learnsTwoBlobs()
{
    const std::vector<std::vector<float>> centres = {{-1.5f, -1.5f}, {1.5f, 1.5f}};
    Mlp mlp(2, 16, 2, 7);
    QVERIFY(trainAndScore(mlp, blobs(centres, 0.6f, 400, 1), blobs(centres, 0.6f, 400, 2), 3) >= 0.95);
}

void TestMlp::learnsThreeBlobs()
{
    const std::vector<std::vector<float>> centres = {{2, 0, 0, 0, 1}, {0, 2, 0, 1, 0}, {0, 0, 2, 0, 0}};
    Mlp mlp(5, 32, 3, 8);
    QVERIFY(trainAndScore(mlp, blobs(centres, 0.4f, 600, 3), blobs(centres, 0.4f, 600, 4), 3) >= 0.95);
}

void TestMlp::learnsXor()
{
    Mlp mlp(2, 16, 2, 9);
    const double score = trainAndScore(mlp, xorClusters(400, 5), xorClusters(400, 6), 5);
    QVERIFY2(score >= 0.95, qPrintable(QString::number(score)));
}

void TestMlp::learnsDigitsLikeProblem()
{
    // The benchmark's reference shape: 64-100-10 on ~900 training rows.
    const Dataset train = digitsLike(900, 41, 42);
    const Dataset test = digitsLike(900, 41, 43);
    Mlp mlp(64, 100, 10, 10);
    const double score = trainAndScore(mlp, train, test, 5);
    QVERIFY2(score >= 0.95, qPrintable(QString::number(score)));
}

void TestMlp::lossDecreases()
{
    const Dataset train = digitsLike(900, 41, 44);
    Mlp mlp(64, 100, 10, 11);
    mlp.trainEpoch(train.x.data(), train.y.data(), train.rows, 1);
    const double first = mlp.lastEpochLoss();
    QVERIFY(std::isfinite(first));
    for (uint64_t epoch = 2; epoch <= 4; ++epoch)
        mlp.trainEpoch(train.x.data(), train.y.data(), train.rows, epoch);
    QVERIFY(mlp.lastEpochLoss() < 0.5 * first);
}

void TestMlp::gradientMatchesFiniteDifferences()
{
    // With a single minibatch the first step is w1 = w0 - lr * g whatever the momentum, so the
    // backpropagated gradient can be read back from the weights and checked entry by entry
    // against central differences of loss().
    const int rows = 20, inputs = 5, hidden = 7, classes = 3;
    SplitMix64 rng(91);
    std::vector<float> x(static_cast<std::size_t>(rows) * inputs);
    std::vector<int> y(static_cast<std::size_t>(rows));
    for (float& v : x)
        v = static_cast<float>(rng.nextGaussian());
    for (int& label : y)
        label = static_cast<int>(rng.nextBelow(classes));
    const float lr = 0.01f;
    Mlp mlp(inputs, hidden, classes, 92, MlpOptions{32, lr, 0.9f});
    const Mlp start = mlp;
    const double startLoss = start.loss(x.data(), y.data(), rows);
    mlp.trainEpoch(x.data(), y.data(), rows, 1);
    QVERIFY(std::abs(mlp.lastEpochLoss() - startLoss) < 1e-6);
    QVERIFY(mlp.loss(x.data(), y.data(), rows) < startLoss);

    Eigen::MatrixXf w1 = start.weights1(), w2 = start.weights2();
    Eigen::RowVectorXf b1 = start.bias1(), b2 = start.bias2();
    const std::vector<std::pair<float*, const float*>> tensors = {
        {w1.data(), mlp.weights1().data()}, {b1.data(), mlp.bias1().data()},
        {w2.data(), mlp.weights2().data()}, {b2.data(), mlp.bias2().data()}};
    const std::vector<Eigen::Index> sizes = {w1.size(), b1.size(), w2.size(), b2.size()};
    const float h = 1e-3f;
    Mlp probe = start;
    for (std::size_t t = 0; t < tensors.size(); ++t) {
        for (Eigen::Index i = 0; i < sizes[t]; ++i) {
            float& entry = tensors[t].first[i];
            const float original = entry;
            const double analytic = (static_cast<double>(original) - tensors[t].second[i]) / lr;
            entry = original + h;
            probe.setParameters(w1, b1, w2, b2);
            const double up = probe.loss(x.data(), y.data(), rows);
            entry = original - h;
            probe.setParameters(w1, b1, w2, b2);
            const double down = probe.loss(x.data(), y.data(), rows);
            entry = original;
            const double numeric = (up - down) / (2.0 * static_cast<double>(h));
            QVERIFY2(std::abs(numeric - analytic) <= 2e-3 + 2e-2 * std::abs(analytic),
                     qPrintable(QString("tensor %1 entry %2: numeric %3 analytic %4")
                                    .arg(t).arg(i).arg(numeric).arg(analytic)));
        }
    }
}

void TestMlp::setParametersRoundTrips()
{
    Mlp a(4, 6, 3, 1);
    Mlp b(4, 6, 3, 2);
    QVERIFY(!sameWeights(a, b));
    b.setParameters(a.weights1(), a.bias1(), a.weights2(), a.bias2());
    QVERIFY(sameWeights(a, b));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             b.setParameters(a.weights2(), a.bias1(), a.weights2(), a.bias2()));
}

void TestMlp::sameSeedIsReproducible()
{
    const Dataset train = digitsLike(300, 51, 52);
    Mlp a(64, 32, 10, 123);
    Mlp b(64, 32, 10, 123);
    QVERIFY(sameWeights(a, b));
    for (uint64_t epoch = 0; epoch < 2; ++epoch) {
        a.trainEpoch(train.x.data(), train.y.data(), train.rows, epoch);
        b.trainEpoch(train.x.data(), train.y.data(), train.rows, epoch);
    }
    QVERIFY(sameWeights(a, b));
    QCOMPARE(a.lastEpochLoss(), b.lastEpochLoss());
    std::vector<float> pa(static_cast<std::size_t>(train.rows) * 10), pb(pa.size());
    a.predictProbabilities(train.x.data(), train.rows, pa.data());
    b.predictProbabilities(train.x.data(), train.rows, pb.data());
    QCOMPARE(pa, pb);
}

void TestMlp::differentSeedsDiffer()
{
    const Dataset train = digitsLike(300, 51, 53);
    Mlp a(64, 32, 10, 1);
    Mlp b(64, 32, 10, 2);
    QVERIFY(!sameWeights(a, b));
    a.trainEpoch(train.x.data(), train.y.data(), train.rows, 7);
    b.trainEpoch(train.x.data(), train.y.data(), train.rows, 7);
    QVERIFY(!sameWeights(a, b));
    // Same initial weights but another shuffle order also ends elsewhere.
    Mlp c(64, 32, 10, 1);
    Mlp d(64, 32, 10, 1);
    c.trainEpoch(train.x.data(), train.y.data(), train.rows, 7);
    d.trainEpoch(train.x.data(), train.y.data(), train.rows, 8);
    QVERIFY(sameWeights(a, c));
    QVERIFY(!sameWeights(c, d));
}

void TestMlp::predictionsAreConsistent()
{
    const Dataset train = digitsLike(600, 61, 62);
    const Dataset test = digitsLike(300, 61, 63); // > 256 rows, so inference runs in two chunks
    Mlp mlp(64, 48, 10, 3);
    trainAndScore(mlp, train, test, 2);
    std::vector<int> labels(static_cast<std::size_t>(test.rows));
    std::vector<float> top(labels.size());
    std::vector<float> probabilities(labels.size() * 10);
    mlp.predictBatch(test.x.data(), test.rows, labels.data(), top.data());
    mlp.predictProbabilities(test.x.data(), test.rows, probabilities.data());
    for (int r = 0; r < test.rows; ++r) {
        const float* row = probabilities.data() + static_cast<std::size_t>(r) * 10;
        const auto best = std::max_element(row, row + 10);
        QCOMPARE(static_cast<int>(best - row), labels[r]);
        QCOMPARE(*best, top[r]);
        QVERIFY(std::abs(std::accumulate(row, row + 10, 0.0) - 1.0) < 1e-5);
        float single = -1.0f;
        QCOMPARE(mlp.predict(test.x.data() + static_cast<std::size_t>(r) * 64, &single),
                 labels[r]);
        QVERIFY(std::abs(single - top[r]) < 1e-5f);
        QVERIFY(single > 0.1f && single <= 1.0f);
    }
}

void TestMlp::rejectsBadInput()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mlp(0, 10, 2, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mlp(2, 10, 2, 1, MlpOptions{0, 0.05f, 0.9f}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mlp(2, 10, 2, 1, MlpOptions{32, 0.05f, 1.0f}));
    Mlp mlp(2, 4, 2, 1);
    const std::vector<float> x = {0, 0, 1, 1};
    const std::vector<int> bad = {0, 2};
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, mlp.trainEpoch(x.data(), bad.data(), 2, 1));
    const std::vector<int> negative = {-1, 0};
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, mlp.trainEpoch(x.data(), negative.data(), 2, 1));
}

QTEST_APPLESS_MAIN(TestMlp)
#include "test_mlp.moc"
