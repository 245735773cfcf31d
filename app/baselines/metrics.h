#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dlm::bench {

/// \brief Fraction of positions where pred equals truth; NaN when n <= 0.
double accuracy(const int* pred, const int* truth, int n);

/// \brief Counts of (true class, predicted class), with an extra "Unknown" column for rejections.
class ConfusionMatrix {
public:
    /// \brief Predicted label meaning "rejected as unknown".
    static constexpr int kUnknown = -1;

    /// \brief Empty matrix for classes 0..classes-1; throws if classes <= 0.
    explicit ConfusionMatrix(int classes);

    /// \brief Records one sample; predicted may be kUnknown. Throws std::out_of_range otherwise.
    void add(int truth, int predicted);
    /// \brief Forgets all samples.
    void clear();

    /// \brief Number of classes (the Unknown column not included).
    int classes() const { return m_classes; }
    /// \brief Samples of class truth predicted as predicted (which may be kUnknown).
    int64_t count(int truth, int predicted) const;
    /// \brief Samples of class truth that were rejected.
    int64_t unknownCount(int truth) const { return count(truth, kUnknown); }
    /// \brief Samples of class truth, rejected ones included.
    int64_t rowTotal(int truth) const;
    /// \brief All samples recorded.
    int64_t total() const;
    /// \brief Samples on the diagonal.
    int64_t correct() const;
    /// \brief correct() / total(), rejections counting as errors; NaN when empty.
    double accuracy() const;

    /// \brief Fixed-width text table, rows = truth, columns = predictions then "Unknown".
    /// Missing or empty class names fall back to the class index.
    std::string toText(const std::vector<std::string>& classNames = {}) const;

private:
    int columnOf(int predicted) const;
    int checkedTruth(int truth) const;

    int m_classes;
    std::vector<int64_t> m_counts; // row-major classes × (classes + 1), Unknown last
};

/// \brief Area under the ROC curve for separating known (higher score) from unknown samples:
/// the Mann-Whitney probability that a known outscores an unknown, ties counting 1/2.
/// NaN if either side is empty; throws std::invalid_argument on NaN scores.
double auroc(const std::vector<double>& knownScores, const std::vector<double>& unknownScores);

/// \brief Fraction of unknowns accepted at the highest threshold (accept when score >= it) that
/// still accepts at least `tpr` of the knowns. NaN if either side is empty; tpr must be in [0, 1].
double fprAtTpr(const std::vector<double>& knownScores, const std::vector<double>& unknownScores,
                double tpr = 0.95);

/// \brief Summary of repeated timings (any unit, same as the samples).
struct TimingStats {
    double median;
    double p99;
    double mean;
    double min;
    double max;
};

/// \brief Median, 99th percentile (linear interpolation between order statistics, as numpy's
/// default), mean, min and max; all NaN when samples is empty.
TimingStats summarize(std::vector<double> samples);

/// \brief Seconds on a monotonic clock with an arbitrary origin; only differences are meaningful.
double nowSeconds();

} // namespace dlm::bench
