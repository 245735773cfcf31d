#include "app/baselines/mlp.h"

#include "app/baselines/rng.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace dlm::bench {
namespace {

// Inference rows per product: large enough for GEMM efficiency, small enough to stay in cache.
constexpr int kPredictChunk = 256;

void fillGaussian(float* data, Eigen::Index count, double stddev, SplitMix64& rng)
{
    for (Eigen::Index i = 0; i < count; ++i)
        data[i] = static_cast<float>(stddev * rng.nextGaussian());
}

// Numerically stable row-wise softmax in place; returns each row's log-sum-exp of the logits,
// from which the cross-entropy follows without a second pass over exponentials.
Eigen::VectorXf softmaxRows(Mlp::RowMatrix& logits)
{
    const Eigen::VectorXf rowMax = logits.rowwise().maxCoeff();
    logits.colwise() -= rowMax;
    logits.array() = logits.array().exp();
    const Eigen::VectorXf sums = logits.rowwise().sum();
    logits.array().colwise() /= sums.array();
    return rowMax + sums.array().log().matrix();
}

} // namespace

Mlp::Mlp(int inputs, int hidden, int classes, uint64_t seed, const MlpOptions& options)
    : m_options(options), m_lastEpochLoss(std::numeric_limits<double>::quiet_NaN())
{
    if (inputs <= 0 || hidden <= 0 || classes <= 0)
        throw std::invalid_argument("Mlp: inputs, hidden and classes must be > 0");
    if (options.batchSize <= 0 || !(options.learningRate > 0.0f) || !(options.momentum >= 0.0f)
        || !(options.momentum < 1.0f))
        throw std::invalid_argument("Mlp: need batchSize > 0, learningRate > 0, 0 <= momentum < 1");

    SplitMix64 rng(seed);
    m_w1.resize(inputs, hidden);
    m_w2.resize(hidden, classes);
    // He init keeps the ReLU layer's activation variance stable; the softmax layer has no ReLU
    // after it, so it gets the Glorot variance instead, which keeps the first logits moderate.
    fillGaussian(m_w1.data(), m_w1.size(), std::sqrt(2.0 / inputs), rng);
    fillGaussian(m_w2.data(), m_w2.size(), std::sqrt(2.0 / (hidden + classes)), rng);
    m_b1 = Eigen::RowVectorXf::Zero(hidden);
    m_b2 = Eigen::RowVectorXf::Zero(classes);

    m_vw1 = Eigen::MatrixXf::Zero(inputs, hidden);
    m_vb1 = Eigen::RowVectorXf::Zero(hidden);
    m_vw2 = Eigen::MatrixXf::Zero(hidden, classes);
    m_vb2 = Eigen::RowVectorXf::Zero(classes);
}

std::size_t Mlp::parameterCount() const
{
    return static_cast<std::size_t>(m_w1.size() + m_b1.size() + m_w2.size() + m_b2.size());
}

void Mlp::forward(const Eigen::Ref<const RowMatrix>& input, RowMatrix& hiddenAct, RowMatrix& logits) const
{
    hiddenAct.noalias() = input * m_w1;
    hiddenAct.rowwise() += m_b1;
    hiddenAct = hiddenAct.cwiseMax(0.0f);
    logits.noalias() = hiddenAct * m_w2;
    logits.rowwise() += m_b2;
}

void Mlp::checkLabels(const int* y, int rows) const
{
    const int classCount = classes();
    if (std::any_of(y, y + rows, [classCount](int label) { return label < 0 || label >= classCount; }))
        throw std::out_of_range("Mlp: label outside [0, classes)");
}

void Mlp::setParameters(const Eigen::MatrixXf& w1, const Eigen::RowVectorXf& b1, const Eigen::MatrixXf& w2,
                        const Eigen::RowVectorXf& b2)
{
    if (w1.rows() != m_w1.rows() || w1.cols() != m_w1.cols() || b1.size() != m_b1.size()
        || w2.rows() != m_w2.rows() || w2.cols() != m_w2.cols() || b2.size() != m_b2.size())
        throw std::invalid_argument("Mlp::setParameters: shape mismatch");
    m_w1 = w1;
    m_b1 = b1;
    m_w2 = w2;
    m_b2 = b2;
    m_vw1.setZero();
    m_vb1.setZero();
    m_vw2.setZero();
    m_vb2.setZero();
}

double Mlp::loss(const float* x, const int* y, int rows) const
{
    if (rows < 0 || (rows > 0 && (x == nullptr || y == nullptr)))
        throw std::invalid_argument("Mlp::loss: need non-null data and rows >= 0");
    checkLabels(y, rows);
    RowMatrix hiddenAct;
    RowMatrix logits;
    double sum = 0.0;
    for (int start = 0; start < rows; start += kPredictChunk) {
        const int count = std::min(kPredictChunk, rows - start);
        const Eigen::Map<const RowMatrix> input(x + static_cast<std::ptrdiff_t>(start) * inputs(), count,
                                                inputs());
        forward(input, hiddenAct, logits);
        for (int r = 0; r < count; ++r)
            sum -= static_cast<double>(logits(r, y[start + r]));
        sum += softmaxRows(logits).cast<double>().sum();
    }
    return rows > 0 ? sum / rows : std::numeric_limits<double>::quiet_NaN();
}

void Mlp::trainEpoch(const float* x, const int* y, int rows, uint64_t shuffleSeed)
{
    if (rows < 0 || (rows > 0 && (x == nullptr || y == nullptr)))
        throw std::invalid_argument("Mlp::trainEpoch: need non-null data and rows >= 0");
    checkLabels(y, rows);

    std::vector<int> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), 0);
    SplitMix64 rng(shuffleSeed);
    shuffleInPlace(order, rng);

    double lossSum = 0.0;
    for (int start = 0; start < rows; start += m_options.batchSize) {
        const int count = std::min(m_options.batchSize, rows - start);
        gatherBatch(x, y, order, start, count);
        lossSum += forwardBackward(count);
        applyStep();
    }
    m_lastEpochLoss = rows > 0 ? lossSum / rows : std::numeric_limits<double>::quiet_NaN();
}

void Mlp::gatherBatch(const float* x, const int* y, const std::vector<int>& order, int start, int count)
{
    const int width = inputs();
    m_batchX.resize(count, width); // no-op except for the short last batch
    m_batchY.resize(static_cast<std::size_t>(count));
    for (int r = 0; r < count; ++r) {
        const int sample = order[start + r];
        const float* source = x + static_cast<std::ptrdiff_t>(sample) * width;
        m_batchX.row(r) = Eigen::Map<const Eigen::RowVectorXf>(source, width);
        m_batchY[r] = y[sample];
    }
}

double Mlp::forwardBackward(int count)
{
    forward(m_batchX, m_hiddenAct, m_logits);

    double labelLogits = 0.0;
    for (int r = 0; r < count; ++r)
        labelLogits += static_cast<double>(m_logits(r, m_batchY[r]));
    const double batchLoss = softmaxRows(m_logits).cast<double>().sum() - labelLogits;

    // d(mean CE)/d(logits) = (softmax − onehot) / batch; m_logits becomes that gradient.
    for (int r = 0; r < count; ++r)
        m_logits(r, m_batchY[r]) -= 1.0f;
    m_logits /= static_cast<float>(count);

    m_gw2.noalias() = m_hiddenAct.transpose() * m_logits;
    m_gb2 = m_logits.colwise().sum();
    m_gradHidden.noalias() = m_logits * m_w2.transpose();
    m_gradHidden.array() = (m_hiddenAct.array() > 0.0f).select(m_gradHidden.array(), 0.0f);
    m_gw1.noalias() = m_batchX.transpose() * m_gradHidden;
    m_gb1 = m_gradHidden.colwise().sum();
    return batchLoss;
}

void Mlp::applyStep()
{
    const float mu = m_options.momentum;
    const float lr = m_options.learningRate;
    m_vw1 = mu * m_vw1 + m_gw1;
    m_vb1 = mu * m_vb1 + m_gb1;
    m_vw2 = mu * m_vw2 + m_gw2;
    m_vb2 = mu * m_vb2 + m_gb2;
    m_w1 -= lr * m_vw1;
    m_b1 -= lr * m_vb1;
    m_w2 -= lr * m_vw2;
    m_b2 -= lr * m_vb2;
}

void Mlp::forEachChunk(const float* q, int rows, RowMatrix& probabilities,
                       const std::function<void(int start, int count)>& consume) const
{
    if (rows < 0 || (rows > 0 && q == nullptr))
        throw std::invalid_argument("Mlp: need non-null samples and rows >= 0");
    RowMatrix hiddenAct;
    for (int start = 0; start < rows; start += kPredictChunk) {
        const int count = std::min(kPredictChunk, rows - start);
        const Eigen::Map<const RowMatrix> input(q + static_cast<std::ptrdiff_t>(start) * inputs(), count,
                                                inputs());
        forward(input, hiddenAct, probabilities);
        softmaxRows(probabilities);
        consume(start, count);
    }
}

void Mlp::predictBatch(const float* q, int rows, int* outLabel, float* outMaxSoftmax) const
{
    if (rows > 0 && outLabel == nullptr)
        throw std::invalid_argument("Mlp::predictBatch: outLabel is null");
    RowMatrix probabilities;
    forEachChunk(q, rows, probabilities, [&](int start, int count) {
        for (int r = 0; r < count; ++r) {
            Eigen::Index best = 0;
            const float top = probabilities.row(r).maxCoeff(&best);
            outLabel[start + r] = static_cast<int>(best);
            if (outMaxSoftmax != nullptr)
                outMaxSoftmax[start + r] = top;
        }
    });
}

void Mlp::predictProbabilities(const float* q, int rows, float* outProbabilities) const
{
    if (rows > 0 && outProbabilities == nullptr)
        throw std::invalid_argument("Mlp::predictProbabilities: output is null");
    RowMatrix probabilities;
    const int width = classes();
    forEachChunk(q, rows, probabilities, [&](int start, int count) {
        Eigen::Map<RowMatrix>(outProbabilities + static_cast<std::ptrdiff_t>(start) * width, count, width) =
            probabilities;
    });
}

int Mlp::predict(const float* q, float* maxSoftmax) const
{
    int label = -1;
    predictBatch(q, 1, &label, maxSoftmax);
    return label;
}

} // namespace dlm::bench
