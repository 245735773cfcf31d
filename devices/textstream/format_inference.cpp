#include "devices/textstream/format_inference.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "devices/textstream/int16_scale.h"
#include "devices/textstream/rate_estimator.h"

namespace dlm::textstream {

namespace {

constexpr double kUnits[] = {1.0, 1e3, 1e6};
constexpr TimestampUnit kUnitOf[] = {TimestampUnit::Seconds, TimestampUnit::Milliseconds,
                                     TimestampUnit::Microseconds};
// Arrival must span this much before it may tell a timestamp's unit.
constexpr std::int64_t kUnitSpanUs = 500'000;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

TimestampUnit unitFromName(const std::string& raw) {
  const std::string name = lower(raw);
  if (name.find("micros") != std::string::npos || endsWith(name, "us") ||
      endsWith(name, "\xc2\xb5s"))
    return TimestampUnit::Microseconds;
  if (name.find("millis") != std::string::npos || endsWith(name, "ms"))
    return TimestampUnit::Milliseconds;
  if (name == "t" || name == "s" || name == "time" || name == "timestamp" || endsWith(name, "_s") ||
      name == "seconds" || name == "sec")
    return TimestampUnit::Seconds;
  return TimestampUnit::None;
}

TimestampUnit forcedUnit(ParserOptions::Timestamp t) {
  switch (t) {
  case ParserOptions::Timestamp::Seconds: return TimestampUnit::Seconds;
  case ParserOptions::Timestamp::Milliseconds: return TimestampUnit::Milliseconds;
  case ParserOptions::Timestamp::Microseconds: return TimestampUnit::Microseconds;
  default: return TimestampUnit::None;
  }
}

// The median step of the first column, 0 when it does not increase steadily enough.
double steadyStep(const std::vector<LearnLine>& lines, int columns, bool* integers) {
  std::vector<double> steps;
  double previous = 0.0;
  bool have = false;
  int backwards = 0;
  *integers = true;
  for (const LearnLine& l : lines) {
    if (l.count != columns) continue;
    const double t = l.values[0];
    if (t != std::floor(t)) *integers = false;
    if (have) {
      if (t > previous) steps.push_back(t - previous);
      else ++backwards;
    }
    previous = t;
    have = true;
  }
  if (steps.size() < 4 || backwards * 20 > static_cast<int>(steps.size())) return 0.0;
  std::vector<double> sorted = steps;
  const auto mid = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
  std::nth_element(sorted.begin(), mid, sorted.end());
  const double median = *mid;
  std::size_t steady = 0;
  for (double s : steps) steady += (s >= 0.5 * median && s <= 1.5 * median) ? 1 : 0;
  return steady * 5 >= steps.size() * 4 ? median : 0.0;
}

std::vector<std::string> channelNames(const InferInput& in, int columns, bool timestamp,
                                      int channels) {
  std::vector<std::string> names;
  const std::size_t skip = timestamp ? 1 : 0;
  if (in.header.size() == static_cast<std::size_t>(columns)) {
    names.assign(in.header.begin() + static_cast<std::ptrdiff_t>(skip), in.header.end());
  } else if (in.header.size() == static_cast<std::size_t>(channels)) {
    names = in.header;
  } else {
    for (auto it = in.lines->rbegin(); it != in.lines->rend(); ++it) {
      if (it->count == columns && it->labels.size() == static_cast<std::size_t>(columns)) {
        names.assign(it->labels.begin() + static_cast<std::ptrdiff_t>(skip), it->labels.end());
        break;
      }
    }
  }
  if (names.size() != static_cast<std::size_t>(channels)) {
    names.clear();
    for (int c = 0; c < channels; ++c) names.push_back("ch" + std::to_string(c + 1));
  }
  return names;
}

void chooseScale(const InferInput& in, int columns, int first, StreamFormat& f) {
  if (in.options.scale > 0.0) {
    f.scale = in.options.scale;
    f.autoScale = false;
    return;
  }
  double maxAbs = 0.0;
  bool intCounts = true;
  for (const LearnLine& l : *in.lines) {
    if (l.count != columns) continue;
    for (int c = first; c < columns; ++c) {
      const double v = l.values[static_cast<std::size_t>(c)];
      maxAbs = std::max(maxAbs, std::fabs(v));
      if (v != std::floor(v) || v > 32767.0 || v < -32768.0) intCounts = false;
    }
  }
  f.scale = autoScale(maxAbs, intCounts);
  f.autoScale = true;
}

} // namespace

const char* unitName(TimestampUnit unit) {
  switch (unit) {
  case TimestampUnit::Seconds: return "s";
  case TimestampUnit::Milliseconds: return "ms";
  case TimestampUnit::Microseconds: return "us";
  case TimestampUnit::None: break;
  }
  return "";
}

double secondsPerUnit(TimestampUnit unit) {
  switch (unit) {
  case TimestampUnit::Seconds: return 1.0;
  case TimestampUnit::Milliseconds: return 1e-3;
  case TimestampUnit::Microseconds: return 1e-6;
  case TimestampUnit::None: break;
  }
  return 0.0;
}

const char* rateSourceName(RateSource source) {
  switch (source) {
  case RateSource::Arrival: return "arrival";
  case RateSource::Timestamp: return "timestamp";
  case RateSource::User: return "user";
  case RateSource::None: break;
  }
  return "none";
}

int dominantColumns(const std::vector<LearnLine>& lines, const ParserOptions& options) {
  std::array<int, kMaxColumns + 1> votes{};
  for (const LearnLine& l : lines) {
    if (l.count >= 1 && l.count <= kMaxColumns) ++votes[static_cast<std::size_t>(l.count)];
  }
  if (options.channels > 0) {
    const int c = options.channels;
    const int plain = c <= kMaxColumns ? votes[static_cast<std::size_t>(c)] : 0;
    const int stamped = c + 1 <= kMaxColumns ? votes[static_cast<std::size_t>(c + 1)] : 0;
    if (plain == 0 && stamped == 0) return 0;
    return stamped > plain ? c + 1 : c;
  }
  int best = 0;
  for (int c = 1; c <= kMaxColumns; ++c) {
    if (votes[static_cast<std::size_t>(c)] > votes[static_cast<std::size_t>(best)]) best = c;
  }
  return best;
}

TimestampUnit detectTimestamp(const InferInput& in, int columns) {
  const ParserOptions& o = in.options;
  if (o.timestamp == ParserOptions::Timestamp::None || columns < 2) return TimestampUnit::None;
  // A forced channel count says whether there is a column to spare for the time.
  if (o.channels > 0 && columns == o.channels) return TimestampUnit::None;
  const TimestampUnit forced = forcedUnit(o.timestamp);
  if (forced != TimestampUnit::None) return forced;
  bool integers = true;
  const double step = steadyStep(*in.lines, columns, &integers);
  if (!(step > 0.0)) return TimestampUnit::None;
  if (in.arrivalHz > 0.0 && in.arrivalSpanUs >= kUnitSpanUs) {
    // Units of the column per second of arrival: 1, 1000 or 10^6, within a factor of 3;
    // anything else (a sample counter, a slow ramp) is a channel.
    const double perSecond = step * in.arrivalHz;
    for (std::size_t u = 0; u < 3; ++u) {
      if (std::fabs(std::log10(perSecond / kUnits[u])) < std::log10(3.0)) return kUnitOf[u];
    }
    return TimestampUnit::None;
  }
  // No arrival span (a file fed at once): the column's name, then its values.
  if (!in.header.empty()) {
    const TimestampUnit named = unitFromName(in.header.front());
    if (named != TimestampUnit::None) return named;
  }
  if (!integers) return TimestampUnit::Seconds;
  return step < 200.0 ? TimestampUnit::Milliseconds : TimestampUnit::Microseconds;
}

StreamFormat inferFormat(const InferInput& in, int columns) {
  StreamFormat f;
  f.timestamp = detectTimestamp(in, columns);
  const int first = f.hasTimestamp() ? 1 : 0;
  f.channels = columns - first;
  if (in.options.rateHz > 0.0) {
    f.measuredHz = in.options.rateHz;
    f.rateHz = in.options.rateHz;
    f.rateSource = RateSource::User;
  } else if (f.hasTimestamp()) {
    TimestampRate rate;
    for (const LearnLine& l : *in.lines) {
      if (l.count == columns) rate.add(l.values[0]);
    }
    f.measuredHz = rate.ratePerUnit() / secondsPerUnit(f.timestamp);
    f.rateSource = f.measuredHz > 0.0 ? RateSource::Timestamp : RateSource::None;
  } else if (in.arrivalHz > 0.0) {
    f.measuredHz = in.arrivalHz;
    f.rateSource = RateSource::Arrival;
  }
  if (f.rateSource != RateSource::User) f.rateHz = snapRate(f.measuredHz);
  f.names = channelNames(in, columns, f.hasTimestamp(), f.channels);
  chooseScale(in, columns, first, f);
  return f;
}

} // namespace dlm::textstream
