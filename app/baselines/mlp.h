#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace dlm::bench {

/// \brief Hyper-parameters of Mlp training (plain minibatch SGD with classical momentum).
struct MlpOptions {
    int batchSize = 32;        ///< samples per minibatch; the last one of an epoch may be smaller
    float learningRate = 0.05f;
    float momentum = 0.9f;     ///< v ← μ·v + g; w ← w − lr·v (the PyTorch convention)
};

/// \brief One-hidden-layer ReLU perceptron with softmax output, trained by backpropagation.
///
/// This is the "classic backprop" cost reference in `dlm bench`: every minibatch runs as
/// Eigen matrix products, so its timing reflects a reasonably optimised CPU implementation.
/// Results are deterministic for a given seed, shuffle seed and build.
class Mlp {
public:
    using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    /// \brief He-initialised network (deterministic from `seed`); throws on non-positive sizes.
    Mlp(int inputs, int hidden, int classes, uint64_t seed, const MlpOptions& options = {});

    /// \brief One pass over `rows` row-major samples in minibatches of a shuffled order.
    /// Labels must lie in [0, classes).
    void trainEpoch(const float* x, const int* y, int rows, uint64_t shuffleSeed);

    /// \brief Most probable class of one sample; optionally the winning softmax probability.
    int predict(const float* q, float* maxSoftmax = nullptr) const;

    /// \brief predict() for `rows` row-major samples; outMaxSoftmax may be null.
    void predictBatch(const float* q, int rows, int* outLabel, float* outMaxSoftmax = nullptr) const;

    /// \brief Full softmax output, `rows × classes` row-major, into outProbabilities.
    void predictProbabilities(const float* q, int rows, float* outProbabilities) const;

    /// \brief Mean cross-entropy of the current network on `rows` samples (NaN when rows == 0).
    double loss(const float* x, const int* y, int rows) const;

    /// \brief Replaces all weights and biases (shapes must match) and clears the momentum.
    void setParameters(const Eigen::MatrixXf& w1, const Eigen::RowVectorXf& b1, const Eigen::MatrixXf& w2,
                       const Eigen::RowVectorXf& b2);

    /// \brief Mean cross-entropy over the samples of the last trainEpoch (NaN before any).
    double lastEpochLoss() const { return m_lastEpochLoss; }

    /// \brief Number of input features.
    int inputs() const { return static_cast<int>(m_w1.rows()); }
    /// \brief Number of hidden ReLU units.
    int hidden() const { return static_cast<int>(m_w1.cols()); }
    /// \brief Number of output classes.
    int classes() const { return static_cast<int>(m_w2.cols()); }
    /// \brief Trainable weights and biases in total.
    std::size_t parameterCount() const;
    /// \brief Training hyper-parameters.
    const MlpOptions& options() const { return m_options; }

    /// \brief Input-to-hidden weights, inputs × hidden.
    const Eigen::MatrixXf& weights1() const { return m_w1; }
    /// \brief Hidden biases.
    const Eigen::RowVectorXf& bias1() const { return m_b1; }
    /// \brief Hidden-to-output weights, hidden × classes.
    const Eigen::MatrixXf& weights2() const { return m_w2; }
    /// \brief Output biases.
    const Eigen::RowVectorXf& bias2() const { return m_b2; }

private:
    void gatherBatch(const float* x, const int* y, const std::vector<int>& order, int start, int count);
    double forwardBackward(int count);
    void applyStep();
    void forEachChunk(const float* q, int rows, RowMatrix& probabilities,
                      const std::function<void(int start, int count)>& consume) const;
    void checkLabels(const int* y, int rows) const;
    void forward(const Eigen::Ref<const RowMatrix>& input, RowMatrix& hiddenAct, RowMatrix& logits) const;

    MlpOptions m_options;
    Eigen::MatrixXf m_w1;
    Eigen::RowVectorXf m_b1;
    Eigen::MatrixXf m_w2;
    Eigen::RowVectorXf m_b2;

    // Momentum buffers.
    Eigen::MatrixXf m_vw1;
    Eigen::RowVectorXf m_vb1;
    Eigen::MatrixXf m_vw2;
    Eigen::RowVectorXf m_vb2;

    // Per-minibatch scratch kept across calls so training does not allocate per step.
    RowMatrix m_batchX;
    std::vector<int> m_batchY;
    RowMatrix m_hiddenAct;
    RowMatrix m_logits;
    RowMatrix m_gradHidden;
    Eigen::MatrixXf m_gw1;
    Eigen::RowVectorXf m_gb1;
    Eigen::MatrixXf m_gw2;
    Eigen::RowVectorXf m_gb2;

    double m_lastEpochLoss;
};

} // namespace dlm::bench
