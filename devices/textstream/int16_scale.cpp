#include "devices/textstream/int16_scale.h"

#include <cmath>

namespace dlm::textstream {

double autoScale(double maxAbs, bool intCounts) {
  if (intCounts) return 1.0;
  if (!(maxAbs > 0.0)) return 1.0; // all zeros so far: nothing to go by
  // 10^floor(log10(target / maxAbs)), within 1e-6 .. 1e6.
  double exponent = std::floor(std::log10(kAutoTargetCounts / maxAbs));
  if (exponent > 6.0) exponent = 6.0;
  if (exponent < -6.0) exponent = -6.0;
  return std::pow(10.0, exponent);
}

std::int16_t toCounts(double value, double scale, bool& clipped) {
  const double v = std::round(value * scale);
  clipped = false;
  if (v > 32767.0) {
    clipped = true;
    return 32767;
  }
  if (v < -32768.0) {
    clipped = true;
    return -32768;
  }
  return static_cast<std::int16_t>(v);
}

} // namespace dlm::textstream
