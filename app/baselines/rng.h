#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace dlm::bench {

/// \brief Deterministic splitmix64 generator with uniform, Gaussian and bounded draws.
///
/// Written out by hand (rather than std distributions) so that a seed gives bit-identical
/// weights and shuffles on every standard library and platform the benchmark runs on.
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : m_state(seed) {}

    /// \brief Next raw 64-bit value.
    uint64_t nextU64()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// \brief Uniform double in the open interval (0, 1).
    double nextOpenUnit()
    {
        // 53 random bits, offset by half an ulp so neither 0 nor 1 can occur (log(0) in Box-Muller).
        return (static_cast<double>(nextU64() >> 11) + 0.5) * 0x1.0p-53;
    }

    /// \brief Standard normal draw (Box-Muller; the second value of each pair is cached).
    double nextGaussian()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double radius = std::sqrt(-2.0 * std::log(nextOpenUnit()));
        const double angle = 2.0 * kPi * nextOpenUnit();
        m_spare = radius * std::sin(angle);
        m_hasSpare = true;
        return radius * std::cos(angle);
    }

    /// \brief Uniform integer in [0, bound) without modulo bias; bound must be > 0.
    uint64_t nextBelow(uint64_t bound)
    {
        // Rejecting the top partial bucket keeps every residue equally likely.
        const uint64_t limit = ~uint64_t{0} - (~uint64_t{0} % bound);
        uint64_t value = nextU64();
        while (value >= limit)
            value = nextU64();
        return value % bound;
    }

private:
    static constexpr double kPi = 3.14159265358979323846;

    uint64_t m_state;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

/// \brief Fisher-Yates shuffle driven by SplitMix64 (std::shuffle's order is library-specific).
template <typename T>
void shuffleInPlace(std::vector<T>& values, SplitMix64& rng)
{
    for (std::size_t i = values.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.nextBelow(i));
        std::swap(values[i - 1], values[j]);
    }
}

} // namespace dlm::bench
