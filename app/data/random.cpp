#include "app/data/random.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <utility>

namespace dlm::data {

namespace {

std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotateLeft(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

}  // namespace

Rng::Rng(std::uint64_t seed)
{
    // splitmix64 turns any seed, even 0, into a well-mixed non-zero xoshiro state.
    for (std::uint64_t& word : m_state)
        word = splitMix64(seed);
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
}

double Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

int Rng::below(int n)
{
    if (n <= 0)
        return 0;
    const auto range = static_cast<std::uint64_t>(n);
    // 2^64 mod n: rejecting draws below it leaves a multiple of n values, so x % n is uniform.
    const std::uint64_t threshold = (0 - range) % range;
    for (;;) {
        const std::uint64_t x = next();
        if (x >= threshold)
            return static_cast<int>(x % range);
    }
}

void shuffle(std::vector<int>& values, Rng& rng)
{
    for (std::size_t i = values.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.below(static_cast<int>(i)));
        std::swap(values[i - 1], values[j]);
    }
}

void stratifiedSplit(const std::vector<int>& labels, double trainFraction, std::uint64_t seed,
                     std::vector<int>& train, std::vector<int>& test)
{
    const double fraction = std::isnan(trainFraction) ? 0.0 : std::clamp(trainFraction, 0.0, 1.0);
    // std::map keeps classes in ascending order, so the draws do not depend on row order.
    std::map<int, std::vector<int>> byClass;
    for (std::size_t i = 0; i < labels.size(); ++i)
        byClass[labels[i]].push_back(static_cast<int>(i));
    Rng rng(seed);
    train.clear();
    test.clear();
    for (auto& entry : byClass) {
        std::vector<int>& rows = entry.second;
        shuffle(rows, rng);
        const auto take = static_cast<std::size_t>(
            std::llround(fraction * static_cast<double>(rows.size())));
        const auto split = rows.begin() + static_cast<std::ptrdiff_t>(std::min(take, rows.size()));
        train.insert(train.end(), rows.begin(), split);
        test.insert(test.end(), split, rows.end());
    }
    shuffle(train, rng);
    shuffle(test, rng);
}

}  // namespace dlm::data
