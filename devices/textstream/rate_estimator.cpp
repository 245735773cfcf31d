#include "devices/textstream/rate_estimator.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dlm::textstream {

namespace {

// What sensors and sketches use: divisors of 1 kHz timer ticks, audio-ish and IMU ODRs.
constexpr double kCommonRates[] = {1,   2,   5,   10,  20,  25,   30,   40,   50,   60,
                                   100, 120, 125, 200, 250, 400,  500,  800,  1000, 1600,
                                   2000, 3200, 4000, 8000};

} // namespace

double snapRate(double hz, double tolerance) {
  if (!(hz > 0.0)) return hz;
  for (double common : kCommonRates) {
    if (std::fabs(hz - common) <= tolerance * common) return common;
  }
  return hz;
}

void ArrivalRate::add(std::int64_t tUs, std::uint64_t lines) {
  const Point p{tUs, lines};
  if (m_count == 0) m_first = p;
  m_last = p;
  ++m_count;
  m_recent.push_back(p);
  while (m_recent.size() > 2 &&
         (m_recent.size() > static_cast<std::size_t>(kMaxRecentPoints) ||
          tUs - m_recent[1].t > kRecentKeepUs)) {
    m_recent.pop_front();
  }
}

void ArrivalRate::restartFrom(std::int64_t tUs) {
  std::deque<Point> kept;
  for (const Point& p : m_recent) {
    if (p.t >= tUs) kept.push_back(p);
  }
  reset();
  for (const Point& p : kept) add(p.t, p.lines);
}

void ArrivalRate::reset() {
  m_first = Point{};
  m_last = Point{};
  m_count = 0;
  m_recent.clear();
}

double ArrivalRate::rateHz() const {
  const std::int64_t span = spanUs();
  if (span <= 0) return 0.0;
  return static_cast<double>(m_last.lines - m_first.lines) * 1e6 / static_cast<double>(span);
}

double ArrivalRate::recentHz(std::int64_t spanUs) const {
  if (m_recent.size() < 2) return 0.0;
  const Point& last = m_recent.back();
  // The newest point at least spanUs older than the last one.
  const Point* origin = nullptr;
  for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it) {
    if (last.t - it->t >= spanUs) {
      origin = &*it;
      break;
    }
  }
  if (origin == nullptr || last.t <= origin->t) return 0.0;
  return static_cast<double>(last.lines - origin->lines) * 1e6 /
         static_cast<double>(last.t - origin->t);
}

bool ArrivalRate::changePoint(std::int64_t& tUs, std::uint64_t& lines) const {
  const std::size_t n = m_recent.size();
  if (n < 8) return false;
  // Prefix sums of x, y, x^2, xy, y^2 (relative to the first recent point, in s and lines),
  // so the residual of a straight-line fit of any prefix or suffix costs O(1).
  struct Sums {
    double n = 0, x = 0, y = 0, xx = 0, xy = 0, yy = 0;
  };
  std::vector<Sums> prefix(n + 1);
  const Point& o = m_recent.front();
  for (std::size_t i = 0; i < n; ++i) {
    const double x = static_cast<double>(m_recent[i].t - o.t) * 1e-6;
    const double y = static_cast<double>(m_recent[i].lines - o.lines);
    const Sums& p = prefix[i];
    prefix[i + 1] = Sums{p.n + 1, p.x + x, p.y + y, p.xx + x * x, p.xy + x * y, p.yy + y * y};
  }
  const auto residual = [&](std::size_t from, std::size_t to) {
    const Sums& a = prefix[from];
    const Sums& b = prefix[to];
    const double k = b.n - a.n, sx = b.x - a.x, sy = b.y - a.y;
    const double sxx = b.xx - a.xx - sx * sx / k, sxy = b.xy - a.xy - sx * sy / k;
    const double syy = b.yy - a.yy - sy * sy / k;
    return sxx > 0.0 ? syy - sxy * sxy / sxx : syy;
  };
  double best = -1.0;
  std::size_t split = 0;
  for (std::size_t i = 3; i + 3 <= n; ++i) {
    const double r = residual(0, i) + residual(i, n);
    if (best < 0.0 || r < best) {
      best = r;
      split = i;
    }
  }
  tUs = m_recent[split - 1].t;
  lines = m_recent[split - 1].lines;
  return true;
}

bool ArrivalRate::pointBefore(std::int64_t tUs, std::int64_t& t, std::uint64_t& lines) const {
  for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it) {
    if (it->t < tUs) {
      t = it->t;
      lines = it->lines;
      return true;
    }
  }
  return false;
}

double ArrivalRate::rateUntil(std::int64_t tUs, std::uint64_t lines) const {
  if (m_count == 0 || tUs <= m_first.t || lines < m_first.lines) return 0.0;
  return static_cast<double>(lines - m_first.lines) * 1e6 / static_cast<double>(tUs - m_first.t);
}

std::int64_t ArrivalRate::spanUs() const { return m_count < 2 ? 0 : m_last.t - m_first.t; }

void TimestampRate::add(double t) {
  if (!m_have) {
    m_have = true;
    m_previous = t;
    return;
  }
  const double step = t - m_previous;
  m_previous = t;
  if (!(step > 0.0)) {
    ++m_resets;
    return;
  }
  const double med = m_recent.size() >= 3 ? median() : 0.0;
  m_recent.push_back(step);
  if (m_recent.size() > static_cast<std::size_t>(kMedianSteps)) m_recent.pop_front();
  if (med > 0.0 && step > 1.5 * med) {
    ++m_gaps;
    return;
  }
  m_sum += step;
  ++m_steps;
}

void TimestampRate::reset() { *this = TimestampRate(); }

double TimestampRate::ratePerUnit() const {
  return m_sum > 0.0 ? static_cast<double>(m_steps) / m_sum : 0.0;
}

double TimestampRate::recentPerUnit() const {
  // The mean of the recent steps that are not gaps: a median alone would read quantised
  // steps (3, 3, 4 ms) as 3 ms and report a rate change that is not there.
  const double med = median();
  if (!(med > 0.0)) return 0.0;
  double sum = 0.0;
  int n = 0;
  for (double step : m_recent) {
    if (step <= 1.5 * med) {
      sum += step;
      ++n;
    }
  }
  return sum > 0.0 ? n / sum : 0.0;
}

double TimestampRate::median() const {
  if (m_recent.empty()) return 0.0;
  std::vector<double> steps(m_recent.begin(), m_recent.end());
  const auto mid = steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2);
  std::nth_element(steps.begin(), mid, steps.end());
  return *mid;
}

} // namespace dlm::textstream
