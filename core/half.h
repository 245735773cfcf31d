#pragma once

#include <cstdint>

namespace dlm {

/// \brief IEEE 754 binary16 bits nearest to \p value (round to nearest, ties to even;
/// overflow gives infinity). The same software rounding on every target.
std::uint16_t halfFromFloat(float value);

/// \brief The float whose value binary16 \p bits encodes (exact).
float floatFromHalf(std::uint16_t bits);

/// \brief Quantise one neuron's metric (\p n non-negative floats) as compact storage keeps it:
/// a power-of-two \p scale per neuron times half-precision fractions in (0, 1).
///
/// Rewrites \p metric with the values the compact form represents and, when \p bits is not
/// null, stores the fractions' binary16 codes there. Positive values never become zero (the
/// neuron keeps a finite extent in every direction). Returns the scale.
float quantizeMetricRow(float* metric, int n, std::uint16_t* bits = nullptr);

} // namespace dlm
