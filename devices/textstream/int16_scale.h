#pragma once

// How printed numbers become the int16 counts of the event pipeline (the boards' trigger and
// descriptor work on int16 sensor counts).
//
// The rule, decided once per segment from the lines the format was inferred from:
//  - a scale the user gives (ParserOptions::scale, counts per unit) is used as it is;
//  - integers that all fit int16 pass through unchanged (scale 1): raw ADC or IMU counts,
//    exactly what a firmware board streams and what a CSV import reads;
//  - otherwise (fractions such as accelerations in g, or integers beyond int16) one power of
//    ten for every channel, the largest that keeps the biggest magnitude seen at or under
//    kAutoTargetCounts: 1.234 g becomes 1234 (milli-g), leaving 8x headroom for what the
//    learning lines did not show. One scale for all channels, not one each, because the
//    trigger's energy is the magnitude over channels: per-channel gains would distort it.
// Values beyond the int16 range after scaling are clamped and counted (clippedValues).

#include <cstdint>

namespace dlm::textstream {

/// \brief Largest magnitude the automatic scale maps the learning lines' values to.
constexpr double kAutoTargetCounts = 4096.0;

/// \brief The automatic scale for values whose largest magnitude is \p maxAbs, all integers
/// in the int16 range or not (\p intCounts).
double autoScale(double maxAbs, bool intCounts);

/// \brief round(\p value x \p scale), clamped to int16; \p clipped set when clamped.
std::int16_t toCounts(double value, double scale, bool& clipped);

} // namespace dlm::textstream
