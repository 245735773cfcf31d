#include "app/baselines/metrics.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iomanip>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace dlm::bench {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void requireNoNaN(const std::vector<double>& scores, const char* what)
{
    // NaN breaks the strict weak ordering that sorting and binary search rely on.
    if (std::any_of(scores.begin(), scores.end(), [](double s) { return std::isnan(s); }))
        throw std::invalid_argument(std::string(what) + ": NaN score");
}

// Quantile of sorted, non-empty samples with linear interpolation (Hyndman-Fan type 7).
double quantileSorted(const std::vector<double>& sorted, double p)
{
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(position));
    const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(lower);
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
}

} // namespace

double accuracy(const int* pred, const int* truth, int n)
{
    if (n <= 0)
        return kNaN;
    int hits = 0;
    for (int i = 0; i < n; ++i)
        hits += pred[i] == truth[i] ? 1 : 0;
    return static_cast<double>(hits) / n;
}

ConfusionMatrix::ConfusionMatrix(int classes) : m_classes(classes)
{
    if (classes <= 0)
        throw std::invalid_argument("ConfusionMatrix: classes must be > 0");
    m_counts.assign(static_cast<std::size_t>(classes) * static_cast<std::size_t>(classes + 1), 0);
}

int ConfusionMatrix::checkedTruth(int truth) const
{
    if (truth < 0 || truth >= m_classes)
        throw std::out_of_range("ConfusionMatrix: true class out of range");
    return truth;
}

int ConfusionMatrix::columnOf(int predicted) const
{
    if (predicted == kUnknown)
        return m_classes;
    if (predicted < 0 || predicted >= m_classes)
        throw std::out_of_range("ConfusionMatrix: predicted class out of range");
    return predicted;
}

void ConfusionMatrix::add(int truth, int predicted)
{
    const int row = checkedTruth(truth);
    ++m_counts[static_cast<std::size_t>(row * (m_classes + 1) + columnOf(predicted))];
}

void ConfusionMatrix::clear()
{
    std::fill(m_counts.begin(), m_counts.end(), 0);
}

int64_t ConfusionMatrix::count(int truth, int predicted) const
{
    const int row = checkedTruth(truth);
    return m_counts[static_cast<std::size_t>(row * (m_classes + 1) + columnOf(predicted))];
}

int64_t ConfusionMatrix::rowTotal(int truth) const
{
    const auto begin = m_counts.begin() + checkedTruth(truth) * (m_classes + 1);
    return std::accumulate(begin, begin + (m_classes + 1), int64_t{0});
}

int64_t ConfusionMatrix::total() const
{
    return std::accumulate(m_counts.begin(), m_counts.end(), int64_t{0});
}

int64_t ConfusionMatrix::correct() const
{
    int64_t sum = 0;
    for (int c = 0; c < m_classes; ++c)
        sum += count(c, c);
    return sum;
}

double ConfusionMatrix::accuracy() const
{
    const int64_t all = total();
    return all == 0 ? kNaN : static_cast<double>(correct()) / static_cast<double>(all);
}

std::string ConfusionMatrix::toText(const std::vector<std::string>& classNames) const
{
    std::vector<std::string> names(static_cast<std::size_t>(m_classes));
    for (int c = 0; c < m_classes; ++c) {
        const auto index = static_cast<std::size_t>(c);
        names[index] = index < classNames.size() && !classNames[index].empty() ? classNames[index]
                                                                               : std::to_string(c);
    }
    const std::string corner = "truth\\pred";
    const std::string unknown = "Unknown";

    std::size_t cellWidth = unknown.size();
    for (const std::string& name : names)
        cellWidth = std::max(cellWidth, name.size());
    for (int64_t value : m_counts)
        cellWidth = std::max(cellWidth, std::to_string(value).size());
    std::size_t labelWidth = corner.size();
    for (const std::string& name : names)
        labelWidth = std::max(labelWidth, name.size());

    std::ostringstream out;
    const auto cell = [&out, cellWidth](const std::string& text) {
        out << "  " << std::setw(static_cast<int>(cellWidth)) << text;
    };
    out << std::left << std::setw(static_cast<int>(labelWidth)) << corner << std::right;
    for (const std::string& name : names)
        cell(name);
    cell(unknown);
    out << '\n';
    for (int t = 0; t < m_classes; ++t) {
        out << std::left << std::setw(static_cast<int>(labelWidth)) << names[t]
            << std::right;
        for (int p = 0; p < m_classes; ++p)
            cell(std::to_string(count(t, p)));
        cell(std::to_string(unknownCount(t)));
        out << '\n';
    }
    return out.str();
}

double auroc(const std::vector<double>& knownScores, const std::vector<double>& unknownScores)
{
    if (knownScores.empty() || unknownScores.empty())
        return kNaN;
    requireNoNaN(knownScores, "auroc");
    requireNoNaN(unknownScores, "auroc");
    std::vector<double> unknowns = unknownScores;
    std::sort(unknowns.begin(), unknowns.end());
    // Count in half-units (2 per win, 1 per tie) so the sum stays an exact integer.
    uint64_t halfWins = 0;
    for (double score : knownScores) {
        const auto range = std::equal_range(unknowns.begin(), unknowns.end(), score);
        const auto below = static_cast<uint64_t>(range.first - unknowns.begin());
        const auto ties = static_cast<uint64_t>(range.second - range.first);
        halfWins += 2 * below + ties;
    }
    const double pairs = static_cast<double>(knownScores.size()) * static_cast<double>(unknowns.size());
    return static_cast<double>(halfWins) / (2.0 * pairs);
}

double fprAtTpr(const std::vector<double>& knownScores, const std::vector<double>& unknownScores, double tpr)
{
    if (!(tpr >= 0.0 && tpr <= 1.0))
        throw std::invalid_argument("fprAtTpr: tpr must be in [0, 1]");
    if (knownScores.empty() || unknownScores.empty())
        return kNaN;
    requireNoNaN(knownScores, "fprAtTpr");
    requireNoNaN(unknownScores, "fprAtTpr");

    // Smallest number of knowns that must be accepted. The tolerance keeps e.g. 0.95 × 20 = 19
    // from rounding up to 20 through the binary representation of 0.95.
    const auto n = static_cast<double>(knownScores.size());
    const auto needed = static_cast<std::size_t>(std::ceil(tpr * n - 1e-9 * n));
    if (needed == 0)
        return 0.0; // a threshold above every score accepts nothing, unknowns included

    std::vector<double> known = knownScores;
    std::nth_element(known.begin(), known.begin() + static_cast<std::ptrdiff_t>(needed - 1), known.end(),
                     std::greater<double>());
    const double threshold = known[needed - 1];
    const auto accepted = std::count_if(unknownScores.begin(), unknownScores.end(),
                                        [threshold](double s) { return s >= threshold; });
    return static_cast<double>(accepted) / static_cast<double>(unknownScores.size());
}

TimingStats summarize(std::vector<double> samples)
{
    if (samples.empty())
        return {kNaN, kNaN, kNaN, kNaN, kNaN};
    std::sort(samples.begin(), samples.end());
    const double sum = std::accumulate(samples.begin(), samples.end(), 0.0);
    return {quantileSorted(samples, 0.5), quantileSorted(samples, 0.99),
            sum / static_cast<double>(samples.size()), samples.front(), samples.back()};
}

double nowSeconds()
{
    const auto since = std::chrono::steady_clock::now().time_since_epoch();
    return std::chrono::duration<double>(since).count();
}

} // namespace dlm::bench
