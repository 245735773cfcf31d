#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace dlm::bench {

/// \brief Exact brute-force nearest-neighbour classifier (squared Euclidean distance).
///
/// Single queries scan the training set directly. Batches use a blocked GEMM expansion
/// ‖q‖² + ‖x‖² − 2 q·x to shortlist candidates, then re-score the shortlist with the same
/// direct distance as the single-query path, so batch and single answers are identical
/// (ties go to the lowest training index) while the bulk of the work runs at GEMM speed.
/// Inputs are expected to be finite.
class Knn1 {
public:
    /// \brief Tuning knobs for the batch paths; they never change the answers.
    /// Each thread holds one queryBlock × trainBlock float tile (16 MiB by default).
    struct Options {
        int threads = 0;        ///< worker threads; 0 = hardware concurrency
        int queryBlock = 1024;  ///< queries per GEMM; larger amortises packing the training rows
        int trainBlock = 4096;  ///< training rows per GEMM tile
    };

    Knn1() = default;
    /// \brief Creates an empty model with the given batch options.
    explicit Knn1(const Options& options) : m_options(options) {}

    /// \brief Copies `rows × dims` row-major samples and their labels as the reference set.
    void fit(const float* x, const int* y, int rows, int dims);

    /// \brief Label of the nearest training sample; optionally its squared distance.
    int predict(const float* q, float* nearestSqDist = nullptr) const;

    /// \brief Majority label among the k nearest samples; a tied vote goes to the tied class
    /// that has the nearest member. k is clamped to the training-set size.
    int predictK(const float* q, int k) const;

    /// \brief predict() for `rows` row-major queries; outSqDist may be null.
    void predictBatch(const float* q, int rows, int* outLabel, float* outSqDist) const;

    /// \brief predictK() for `rows` row-major queries, using the same blocked GEMM path.
    void predictBatchK(const float* q, int rows, int k, int* outLabel) const;

    /// \brief Number of training samples held.
    int rows() const { return static_cast<int>(m_labels.size()); }
    /// \brief Feature dimension (0 before fit).
    int dims() const { return m_dims; }
    /// \brief Current batch options.
    const Options& options() const { return m_options; }
    /// \brief Replaces the batch options.
    void setOptions(const Options& options) { m_options = options; }

private:
    using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    class BatchWorker;

    struct Neighbour {
        float sqDist;
        int index;
    };

    float sqDistanceTo(int index, const float* q) const;
    std::vector<Neighbour> nearestExact(const float* q, int k) const;
    int vote(const std::vector<Neighbour>& sorted) const;
    void requireFitted() const;
    void runBatch(const float* q, int rows, int k, int* outLabel, float* outSqDist) const;

    RowMatrix m_x;
    Eigen::VectorXf m_sqNorms;
    std::vector<int> m_labels;
    float m_maxSqNorm = 0.0f;
    int m_dims = 0;
    Options m_options;
};

} // namespace dlm::bench
