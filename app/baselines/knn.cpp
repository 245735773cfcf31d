#include "app/baselines/knn.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

namespace dlm::bench {
namespace {

// Direct squared distance with a fixed lane layout. Eigen's own reductions pick their order
// from the pointers' alignment, which would let the single and batch paths disagree by an ulp
// on the same pair; 16 independent lanes still let the compiler vectorise without fast-math.
float sqDistance(const float* a, const float* b, int dims)
{
    constexpr int kLanes = 16;
    float lanes[kLanes] = {};
    int i = 0;
    for (; i + kLanes <= dims; i += kLanes) {
        for (int lane = 0; lane < kLanes; ++lane) {
            const float d = a[i + lane] - b[i + lane];
            lanes[lane] += d * d;
        }
    }
    for (int lane = 0; i < dims; ++i, ++lane) {
        const float d = a[i] - b[i];
        lanes[lane] += d * d;
    }
    for (int width = kLanes / 2; width > 0; width /= 2) {
        for (int lane = 0; lane < width; ++lane)
            lanes[lane] += lanes[lane + width];
    }
    return lanes[0];
}

bool closer(float distA, int indexA, float distB, int indexB)
{
    return distA < distB || (distA == distB && indexA < indexB);
}

int resolveThreads(int requested)
{
    if (requested > 0)
        return requested;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware == 0 ? 1 : static_cast<int>(hardware);
}

} // namespace

void Knn1::fit(const float* x, const int* y, int rows, int dims)
{
    if (x == nullptr || y == nullptr || rows <= 0 || dims <= 0)
        throw std::invalid_argument("Knn1::fit: need non-null data and rows, dims > 0");
    m_x = Eigen::Map<const RowMatrix>(x, rows, dims);
    m_sqNorms = m_x.rowwise().squaredNorm();
    m_maxSqNorm = m_sqNorms.maxCoeff();
    m_labels.assign(y, y + rows);
    m_dims = dims;
}

void Knn1::requireFitted() const
{
    if (m_labels.empty())
        throw std::logic_error("Knn1: predict called before fit");
}

float Knn1::sqDistanceTo(int index, const float* q) const
{
    return sqDistance(m_x.row(index).data(), q, m_dims);
}

int Knn1::predict(const float* q, float* nearestSqDist) const
{
    requireFitted();
    int best = 0;
    float bestDist = sqDistanceTo(0, q);
    const int n = rows();
    for (int i = 1; i < n; ++i) {
        const float d = sqDistanceTo(i, q);
        if (d < bestDist) {
            bestDist = d;
            best = i;
        }
    }
    if (nearestSqDist != nullptr)
        *nearestSqDist = bestDist;
    return m_labels[best];
}

std::vector<Knn1::Neighbour> Knn1::nearestExact(const float* q, int k) const
{
    const int n = rows();
    std::vector<Neighbour> all(n);
    for (int i = 0; i < n; ++i)
        all[i] = {sqDistanceTo(i, q), i};
    const auto byDistance = [](const Neighbour& a, const Neighbour& b) {
        return closer(a.sqDist, a.index, b.sqDist, b.index);
    };
    const auto kth = all.begin() + std::min(k, n);
    std::nth_element(all.begin(), kth - 1, all.end(), byDistance);
    all.erase(kth, all.end());
    std::sort(all.begin(), all.end(), byDistance);
    return all;
}

int Knn1::vote(const std::vector<Neighbour>& sorted) const
{
    std::vector<std::pair<int, int>> votes; // (label, count); k is small, a flat list is fastest
    int maxVotes = 0;
    for (const Neighbour& neighbour : sorted) {
        const int label = m_labels[neighbour.index];
        auto it = std::find_if(votes.begin(), votes.end(),
                               [label](const std::pair<int, int>& v) { return v.first == label; });
        if (it == votes.end())
            it = votes.insert(votes.end(), {label, 0});
        maxVotes = std::max(maxVotes, ++it->second);
    }
    // Walking in distance order makes the first class at the maximum the one with the nearest member.
    for (const Neighbour& neighbour : sorted) {
        const int label = m_labels[neighbour.index];
        const auto it = std::find_if(votes.begin(), votes.end(),
                                     [label](const std::pair<int, int>& v) { return v.first == label; });
        if (it->second == maxVotes)
            return label;
    }
    return -1; // unreachable: sorted is never empty here
}

int Knn1::predictK(const float* q, int k) const
{
    requireFitted();
    if (k < 1)
        throw std::invalid_argument("Knn1::predictK: k must be >= 1");
    return vote(nearestExact(q, k));
}

void Knn1::predictBatch(const float* q, int rows, int* outLabel, float* outSqDist) const
{
    runBatch(q, rows, 1, outLabel, outSqDist);
}

void Knn1::predictBatchK(const float* q, int rows, int k, int* outLabel) const
{
    if (k < 1)
        throw std::invalid_argument("Knn1::predictBatchK: k must be >= 1");
    runBatch(q, rows, k, outLabel, nullptr);
}

// Batch engine for one thread. A query block is compared with the training set tile by tile
// through GEMM; per query it keeps the running k-th smallest approximate distance and every
// index within the rounding margin of it, then re-scores that shortlist with the exact
// single-query distance. Tiling both ways bounds memory and lets one packed GEMM operand
// serve a thousand queries, whatever the training-set size.
class Knn1::BatchWorker {
public:
    BatchWorker(const Knn1& model, int k, int queryBlock, int trainBlock)
        : m_model(model), m_k(std::min(k, model.rows())), m_tile(queryBlock, trainBlock),
          m_qSqNorms(queryBlock), m_margins(queryBlock), m_bestK(static_cast<std::size_t>(queryBlock) * m_k),
          m_candidates(static_cast<std::size_t>(queryBlock))
    {
    }

    void run(const float* q, int count, int* outLabel, float* outSqDist)
    {
        const Eigen::Map<const RowMatrix> queries(q, count, m_model.m_dims);
        m_qSqNorms.head(count) = queries.rowwise().squaredNorm();
        // Worst-case float error of the expansion and of the direct sum is a few γ_D·(‖q‖² + ‖x‖²);
        // Higham's dot-product bound holds for any summation order, so it covers any GEMM kernel.
        const double gamma = (m_model.m_dims + 8) * static_cast<double>(std::numeric_limits<float>::epsilon());
        for (int j = 0; j < count; ++j) {
            const double scale = static_cast<double>(m_qSqNorms[j]) + m_model.m_maxSqNorm;
            m_margins[j] = static_cast<float>(8.0 * gamma * scale) + std::numeric_limits<float>::min();
            m_candidates[j].clear();
        }
        std::fill(m_bestK.begin(), m_bestK.end(), std::numeric_limits<float>::infinity());

        const int n = m_model.rows();
        for (int start = 0; start < n; start += static_cast<int>(m_tile.cols())) {
            const int tileRows = std::min(static_cast<int>(m_tile.cols()), n - start);
            auto tile = m_tile.topLeftCorner(count, tileRows);
            tile.noalias() = queries * m_model.m_x.middleRows(start, tileRows).transpose();
            for (int j = 0; j < count; ++j)
                scanRow(j, start, tileRows);
        }
        for (int j = 0; j < count; ++j)
            finish(j, q + static_cast<std::ptrdiff_t>(j) * m_model.m_dims, outLabel + j,
                   outSqDist != nullptr ? outSqDist + j : nullptr);
    }

private:
    void scanRow(int j, int start, int tileRows)
    {
        auto row = m_tile.row(j).head(tileRows);
        // Rounding can push a true zero distance slightly negative; clamp it back.
        row = ((m_model.m_sqNorms.segment(start, tileRows).transpose().array() + m_qSqNorms[j])
               - 2.0f * row.array())
                  .max(0.0f);
        float* best = m_bestK.data() + static_cast<std::ptrdiff_t>(j) * m_k;
        if (m_k == 1) {
            best[0] = std::min(best[0], row.minCoeff());
        } else {
            for (int i = 0; i < tileRows; ++i) {
                const float d = row[i];
                if (d < best[m_k - 1]) {
                    float* slot = std::upper_bound(best, best + m_k - 1, d);
                    std::move_backward(slot, best + m_k - 1, best + m_k);
                    *slot = d;
                }
            }
        }
        // The threshold only falls from tile to tile, so nothing dropped here is needed later.
        const float threshold = best[m_k - 1] + m_margins[j];
        std::vector<Neighbour>& shortlist = m_candidates[j];
        shortlist.erase(std::remove_if(shortlist.begin(), shortlist.end(),
                                       [threshold](const Neighbour& c) { return c.sqDist > threshold; }),
                        shortlist.end());
        const float* approx = row.data();
        for (int i = 0; i < tileRows; ++i) {
            if (approx[i] <= threshold)
                shortlist.push_back({approx[i], start + i});
        }
    }

    void finish(int j, const float* query, int* outLabel, float* outSqDist)
    {
        std::vector<Neighbour>& shortlist = m_candidates[j];
        if (shortlist.empty()) {
            // Only non-finite inputs get here (NaN thresholds admit nothing): fall back to all.
            for (int i = 0; i < m_model.rows(); ++i)
                shortlist.push_back({0.0f, i});
        }
        for (Neighbour& c : shortlist)
            c.sqDist = m_model.sqDistanceTo(c.index, query);
        const auto byDistance = [](const Neighbour& a, const Neighbour& b) {
            return closer(a.sqDist, a.index, b.sqDist, b.index);
        };
        if (m_k == 1) {
            const Neighbour best = *std::min_element(shortlist.begin(), shortlist.end(), byDistance);
            *outLabel = m_model.m_labels[best.index];
            if (outSqDist != nullptr)
                *outSqDist = best.sqDist;
            return;
        }
        std::partial_sort(shortlist.begin(), shortlist.begin() + m_k, shortlist.end(), byDistance);
        shortlist.resize(static_cast<std::size_t>(m_k));
        *outLabel = m_model.vote(shortlist);
    }

    const Knn1& m_model;
    int m_k;
    RowMatrix m_tile;
    Eigen::VectorXf m_qSqNorms;
    Eigen::VectorXf m_margins;
    std::vector<float> m_bestK; // per query, the k smallest approximate distances, ascending
    std::vector<std::vector<Neighbour>> m_candidates;
};

void Knn1::runBatch(const float* q, int rows, int k, int* outLabel, float* outSqDist) const
{
    requireFitted();
    if (rows < 0 || (rows > 0 && (q == nullptr || outLabel == nullptr)))
        throw std::invalid_argument("Knn1::predictBatch: need non-null queries and labels, rows >= 0");
    if (m_options.queryBlock <= 0 || m_options.trainBlock <= 0)
        throw std::invalid_argument("Knn1: queryBlock and trainBlock must be > 0");
    if (rows == 0)
        return;

    int threads = resolveThreads(m_options.threads);
    // Split finely enough that every thread gets a share even for a small batch.
    const int perThread = (rows + threads - 1) / threads;
    const int queryBlock = std::min(m_options.queryBlock, perThread);
    const int trainBlock = std::min(m_options.trainBlock, this->rows());
    const int blocks = (rows + queryBlock - 1) / queryBlock;
    threads = std::min(threads, blocks);

    std::atomic<int> nextBlock{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    const auto worker = [&]() {
        try {
            BatchWorker engine(*this, k, queryBlock, trainBlock);
            for (int block = nextBlock++; block < blocks; block = nextBlock++) {
                const int start = block * queryBlock;
                engine.run(q + static_cast<std::ptrdiff_t>(start) * m_dims, std::min(queryBlock, rows - start),
                           outLabel + start, outSqDist != nullptr ? outSqDist + start : nullptr);
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            nextBlock = blocks; // let the other workers stop early
        }
    };

    if (threads > 1)
        Eigen::initParallel(); // cheap; makes Eigen's lazily-initialised cache sizes race-free
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace dlm::bench
