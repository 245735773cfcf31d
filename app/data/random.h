#pragma once

#include <cstdint>
#include <vector>

namespace dlm::data {

/// \brief Deterministic pseudo-random generator (xoshiro256** seeded through splitmix64).
///
/// Unlike std::uniform_int_distribution and friends, whose output differs between standard
/// libraries, every value here is fixed by the seed on every platform.
class Rng {
public:
    /// \brief Starts the stream for seed; equal seeds give equal streams.
    explicit Rng(std::uint64_t seed = 0);

    /// \brief Next 64 uniformly distributed bits.
    std::uint64_t next();

    /// \brief Uniform double in [0, 1) with 53 random bits.
    double uniform();

    /// \brief Uniform integer in [0, n) without modulo bias; returns 0 if n <= 0.
    int below(int n);

private:
    std::uint64_t m_state[4];
};

/// \brief Fisher–Yates shuffle of values driven by rng.
void shuffle(std::vector<int>& values, Rng& rng);

/// \brief Splits row indices 0..labels.size()-1 into train and test, class by class.
///
/// For each label value (in ascending order, -1 included) the rows are shuffled and the first
/// round(trainFraction × count) go to train, the rest to test. Both lists are then shuffled with
/// the same stream, so classes are interleaved. trainFraction is clamped to [0, 1].
void stratifiedSplit(const std::vector<int>& labels, double trainFraction, std::uint64_t seed,
                     std::vector<int>& train, std::vector<int>& test);

}  // namespace dlm::data
