#pragma once

// Sample-rate estimation for text streams, robust to the way USB-serial bridges deliver lines:
// in bursts of several at once (an FTDI chip flushes every 16 ms by default, a CDC device every
// USB frame), so the gap between two lines says nothing and the gap between two bursts little.
// The rate is the number of lines over the elapsed time between bursts; each burst is paired
// with the count of lines it completes (its last line was printed just before it was sent), so
// the error is one burst's jitter over the whole span, not over one gap.

#include <cstdint>
#include <deque>

namespace dlm::textstream {

/// \brief \p hz snapped to the nearest common rate (1, 2, 5, 10, 20, 25, 50, 100, 125, 200,
/// 250, 400, 500, 800, 1000, ... 8000 Hz) when within \p tolerance (relative); else \p hz.
double snapRate(double hz, double tolerance = 0.02);

/// \brief Lines counted over the host's arrival times.
class ArrivalRate {
public:
  /// \brief Recent points kept for recentHz() (the whole-span estimate needs two only).
  static constexpr int kMaxRecentPoints = 4096;
  static constexpr std::int64_t kRecentKeepUs = 4'000'000;

  /// \brief A chunk arrived at \p tUs; \p lines lines had ended by then (a running count).
  void add(std::int64_t tUs, std::uint64_t lines);
  /// \brief Start again from the first chunk that arrived at or after \p tUs (the points
  /// kept since then, or the next add()).
  void restartFrom(std::int64_t tUs);
  void reset();

  /// \brief Lines per second from the first point to the last; 0 before a time span.
  double rateHz() const;
  /// \brief The same over (about) the last \p spanUs; 0 when the points span less.
  double recentHz(std::int64_t spanUs) const;
  /// \brief Time from the first point to the last.
  std::int64_t spanUs() const;
  /// \brief Where the rate most likely changed among the recent points: the split that fits
  /// them best with two straight lines (least squares). False with too few points.
  bool changePoint(std::int64_t& tUs, std::uint64_t& lines) const;
  /// \brief The last recent point before \p tUs; false when none.
  bool pointBefore(std::int64_t tUs, std::int64_t& t, std::uint64_t& lines) const;
  /// \brief Lines per second from the first point to (\p tUs, \p lines); 0 without a span.
  double rateUntil(std::int64_t tUs, std::uint64_t lines) const;
  /// \brief Lines counted from the first point to the last.
  std::uint64_t lines() const { return m_count == 0 ? 0 : m_last.lines - m_first.lines; }

private:
  struct Point {
    std::int64_t t = 0;
    std::uint64_t lines = 0;
  };
  Point m_first;
  Point m_last;
  std::uint64_t m_count = 0;
  std::deque<Point> m_recent;
};

/// \brief The rate from a timestamp column: the mean step over the steps that are not gaps
/// (a step over 1.5 x the recent median is lines lost, not a slower clock), so timestamps
/// quantised to whole milliseconds (3, 3, 4, 3...) still give the exact mean.
class TimestampRate {
public:
  static constexpr int kMedianSteps = 31;

  /// \brief The next frame's timestamp, in the column's unit.
  void add(double t);
  void reset();
  /// \brief Frames per unit of time; 0 before two timestamps.
  double ratePerUnit() const;
  /// \brief The same from the last kMedianSteps steps only.
  double recentPerUnit() const;
  /// \brief Steps that went backwards or stood still (a device reset, a wrap).
  std::uint64_t resets() const { return m_resets; }
  std::uint64_t gaps() const { return m_gaps; }

private:
  double median() const;

  bool m_have = false;
  double m_previous = 0.0;
  double m_sum = 0.0;
  std::uint64_t m_steps = 0;
  std::uint64_t m_resets = 0;
  std::uint64_t m_gaps = 0;
  std::deque<double> m_recent;
};

} // namespace dlm::textstream
