#include "core/known_set.h"

#include <cmath>

namespace dlm {

float knownDistance(float nearest, float second) { return 0.5f * (nearest + second); }

void NearestTwo::add(float squared) {
  if (first < 0.0f || squared < first) {
    second = first;
    first = squared;
  } else if (second < 0.0f || squared < second) {
    second = squared;
  }
}

float NearestTwo::distance() const {
  if (empty()) return -1.0f;
  const float a = std::sqrt(first);
  return knownDistance(a, second < 0.0f ? a : std::sqrt(second));
}

void KnownCalibration::clear() {
  m_count = 0;
  m_arrivals = 0;
}

void KnownCalibration::setFromSorted(const float* sorted, std::uint32_t n) {
  clear();
  if (n == 0) return;
  const std::uint32_t knots = n < std::uint32_t(kCalibrationKnots) ? n : kCalibrationKnots;
  for (std::uint32_t k = 0; k < knots; ++k) {
    // The knot stands for the (k + 0.5) / knots quantile, as level() reads it.
    const double at = (double(k) + 0.5) / double(knots) * double(n) - 0.5;
    const std::uint32_t lo = at <= 0.0 ? 0 : std::uint32_t(at);
    const std::uint32_t hi = lo + 1 < n ? lo + 1 : lo;
    const double t = at <= 0.0 ? 0.0 : at - double(lo);
    m_knots[k] = float(double(sorted[lo]) * (1.0 - t) + double(sorted[hi]) * t);
    // Quantiles have no age: stamp them so that a board learning on replaces them spread
    // across the distribution (13 is prime to 32), not from one end.
    m_stamps[k] = std::uint8_t((k * 13) % knots);
  }
  m_count = std::uint8_t(knots);
  m_arrivals = std::uint8_t(knots);
}

void KnownCalibration::insert(float distance) {
  if (!(distance >= 0.0f) || !std::isfinite(distance)) return;
  int slot = m_count;
  if (m_count < kCalibrationKnots) {
    ++m_count;
  } else {
    // The oldest knot: the one whose stamp is furthest behind the arrivals counter.
    slot = 0;
    for (int k = 1; k < m_count; ++k) {
      if (std::uint8_t(m_arrivals - m_stamps[k]) > std::uint8_t(m_arrivals - m_stamps[slot])) {
        slot = k;
      }
    }
  }
  // Re-insert in order: move the gap from the freed slot to where the value belongs.
  while (slot > 0 && m_knots[slot - 1] > distance) {
    m_knots[slot] = m_knots[slot - 1];
    m_stamps[slot] = m_stamps[slot - 1];
    --slot;
  }
  while (slot + 1 < m_count && m_knots[slot + 1] < distance) {
    m_knots[slot] = m_knots[slot + 1];
    m_stamps[slot] = m_stamps[slot + 1];
    ++slot;
  }
  m_knots[slot] = distance;
  m_stamps[slot] = m_arrivals++;
}

float KnownCalibration::level(float distance, float spacing) const {
  if (!(distance >= 0.0f)) return 0.0f;
  const int n = m_count;
  if (n == 0) {
    const float scale = spacing > 0.0f ? spacing : 1.0f;
    return 1.0f / (1.0f + distance / scale);
  }
  const float step = 1.0f / float(n);
  const float* v = m_knots;
  if (distance <= v[0]) {
    const float below = v[0] > 0.0f ? distance / v[0] : 1.0f;
    return 1.0f - 0.5f * step * below;
  }
  for (int k = 1; k < n; ++k) {
    if (distance <= v[k]) {
      const float t = (distance - v[k - 1]) / (v[k] - v[k - 1]);
      return 1.0f - step * (float(k) - 0.5f + t);
    }
  }
  // Past every known: a power-law tail keeps far inputs ordered by distance (no ties at 0,
  // no underflow however far they are).
  float scale = v[n - 1] > 0.0f ? v[n - 1] : spacing;
  if (!(scale > 0.0f)) scale = 1.0f;
  const float ratio = scale / (scale + distance - v[n - 1]);
  return 0.5f * step * ratio * ratio;
}

float KnownCalibration::median() const {
  if (m_count == 0) return 0.0f;
  const int mid = m_count / 2;
  return (m_count & 1) != 0 ? m_knots[mid] : 0.5f * (m_knots[mid - 1] + m_knots[mid]);
}

bool KnownCalibration::assign(const float* knots, const std::uint8_t* stamps, int count,
                              std::uint8_t arrivals) {
  if (count < 0 || count > kCalibrationKnots) return false;
  for (int k = 0; k < count; ++k) {
    if (!(knots[k] >= 0.0f) || !std::isfinite(knots[k])) return false;
    if (k > 0 && knots[k] < knots[k - 1]) return false;
  }
  for (int k = 0; k < count; ++k) {
    m_knots[k] = knots[k];
    m_stamps[k] = stamps[k];
  }
  m_count = std::uint8_t(count);
  m_arrivals = arrivals;
  return true;
}

} // namespace dlm
