#include "devices/textstream/stream_parser.h"

#include <cmath>
#include <utility>

#include "devices/textstream/int16_scale.h"

namespace dlm::textstream {

namespace {

constexpr double kMaxStampUs = 4.6e18;  // just over 2^62

} // namespace

TextStreamSink::~TextStreamSink() = default;

TextStreamParser::TextStreamParser(TextStreamSink& sink, const ParserOptions& options)
    : m_sink(sink), m_options(options) {}

void TextStreamParser::reset() {
  m_splitter.reset();
  m_counters = ParserCounters{};
  m_slots = 0;
  m_locked = false;
  m_format = StreamFormat{};
  m_columns = 0;
  m_frameIndex = 0;
  m_learn.clear();
  m_candidate.clear();
  m_header.clear();
  m_dataSeparator = 0;
  m_segments.clear();
  m_arrival.reset();
  m_stamps.reset();
  m_stampClock.reset();
  m_lastRateCheckUs = 0;
  m_rateSuspect = 0;
}

void TextStreamParser::feed(const char* data, std::size_t size, std::int64_t nowUs) {
  if (data == nullptr || size == 0) return;
  m_counters.bytes += size;
  m_raw.clear();
  m_splitter.feed(data, size, m_raw);
  const std::uint64_t slotsBefore = m_slots;
  for (const RawLine& raw : m_raw) handleLine(raw, nowUs);
  // One point per chunk, paired with the lines it completed (see rate_estimator.h).
  if (m_slots != slotsBefore) m_arrival.add(nowUs, m_slots);
  if (m_locked) checkRate(nowUs);
  else maybeLock(false);
  updateReport();
}

void TextStreamParser::finish(std::int64_t nowUs) {
  RawLine last;
  if (m_splitter.flush(last)) handleLine(last, nowUs);
  if (!m_locked) maybeLock(true);
  countGarbage(GarbageKind::WrongColumns, m_candidate.size());
  m_candidate.clear();
  updateReport();
}

void TextStreamParser::countGarbage(GarbageKind kind, std::uint64_t n) {
  m_counters.garbage[kind] += n;
}

void TextStreamParser::handleLine(const RawLine& raw, std::int64_t nowUs) {
  if (raw.overlong || raw.binary) {
    ++m_counters.lines;
    ++m_slots;
    countGarbage(raw.overlong ? GarbageKind::Overlong : GarbageKind::Binary);
    return;
  }
  const ParsedLine line = parseLine(raw.text);
  if (line.kind == ParsedLine::Kind::Empty) {
    ++m_counters.emptyLines;
    return;
  }
  ++m_counters.lines;
  ++m_slots;
  switch (line.kind) {
  case ParsedLine::Kind::Garbage: countGarbage(line.garbage); break;
  case ParsedLine::Kind::Header:
    // "ERR sensor timeout" among "0.1,0.2,0.3" lines is a message, not names: a header is
    // split as the data are (or comes before any data).
    if (m_dataSeparator != 0 && line.count > 1 && line.separator != m_dataSeparator) {
      countGarbage(GarbageKind::NonNumeric);
      break;
    }
    ++m_counters.headerLines;
    m_header = line.names;
    break;
  case ParsedLine::Kind::Numbers:
    if (line.count > 1) m_dataSeparator = line.separator;
    handleNumbers(line, nowUs);
    break;
  case ParsedLine::Kind::Empty: break;
  }
}

void TextStreamParser::handleNumbers(const ParsedLine& line, std::int64_t nowUs) {
  LearnLine l;
  l.count = line.count;
  l.arrivalUs = nowUs;
  for (int c = 0; c < line.count; ++c) l.values[static_cast<std::size_t>(c)] = line.values[c];
  l.labels = line.names;
  if (!m_locked) {
    m_learn.push_back(std::move(l));
    // A file fed at once has no time span: lock on the line count alone.
    if (static_cast<int>(m_learn.size()) >= kMaxLearnLines) maybeLock(true);
    return;
  }
  if (l.count == m_columns) {
    countGarbage(GarbageKind::WrongColumns, m_candidate.size()); // it was a blip
    m_candidate.clear();
    emitFrame(l.values);
    return;
  }
  // A forced channel count never changes: another count is garbage at once.
  if (m_options.channels > 0) {
    countGarbage(GarbageKind::WrongColumns);
    return;
  }
  if (!m_candidate.empty() && m_candidate.front().count != l.count) {
    // A blip inside a change must not throw the change's first lines away: once two lines
    // agree on the new count, a third count is the blip.
    if (m_candidate.size() >= 2) {
      countGarbage(GarbageKind::WrongColumns);
      return;
    }
    countGarbage(GarbageKind::WrongColumns, m_candidate.size());
    m_candidate.clear();
  }
  m_candidate.push_back(std::move(l));
  if (static_cast<int>(m_candidate.size()) >= kConfirmLines) {
    const std::int64_t origin = m_candidate.front().arrivalUs;
    startLearning(std::move(m_candidate), origin);
    m_candidate.clear();
  }
}

void TextStreamParser::startLearning(std::vector<LearnLine> lines, std::int64_t originUs) {
  updateReport(); // the segment that ends keeps its last measurement...
  // ...up to the chunk before the new format's first line, for a rate from arrivals.
  std::int64_t t = 0;
  std::uint64_t n = 0;
  if (!lines.empty() && m_format.rateSource == RateSource::Arrival && !m_segments.empty() &&
      m_arrival.pointBefore(originUs, t, n) && m_arrival.rateUntil(t, n) > 0.0)
    m_segments.back().measuredHz = m_arrival.rateUntil(t, n);
  m_locked = false;
  m_learn = std::move(lines);
  m_arrival.restartFrom(originUs);
  m_stamps.reset();
  m_stampClock.reset();
  m_rateSuspect = 0;
}

void TextStreamParser::maybeLock(bool force) {
  if (m_learn.empty()) return;
  const int n = static_cast<int>(m_learn.size());
  if (!force) {
    if (n < kMinLockLines) return;
    if (!(m_options.rateHz > 0.0) && m_arrival.spanUs() < kLockSpanUs) return;
  }
  const int columns = dominantColumns(m_learn, m_options);
  if (columns == 0) {
    // Nothing fits the forced channel count: all of it was garbage.
    countGarbage(GarbageKind::WrongColumns, m_learn.size());
    m_learn.clear();
    return;
  }
  InferInput in;
  in.lines = &m_learn;
  in.header = m_header;
  in.arrivalHz = m_arrival.rateHz();
  in.arrivalSpanUs = m_arrival.spanUs();
  in.options = m_options;
  StreamFormat f = inferFormat(in, columns);
  f.segment = static_cast<int>(m_segments.size()) + 1;
  m_format = f;
  m_columns = columns;
  m_locked = true;
  m_frameIndex = 0;
  m_rateSuspect = 0;
  m_lastRateCheckUs = m_learn.back().arrivalUs;
  ++m_counters.segments;
  m_segments.push_back(SegmentReport{f, 0, f.measuredHz});
  m_sink.onFormat(f);
  std::vector<LearnLine> learned = std::move(m_learn);
  m_learn.clear();
  for (const LearnLine& l : learned) {
    if (l.count == columns) emitFrame(l.values);
    else countGarbage(GarbageKind::WrongColumns);
  }
}

void TextStreamParser::emitFrame(const std::array<double, kMaxColumns>& values) {
  Frame f;
  f.segment = m_format.segment;
  f.index = m_frameIndex++;
  f.channels = m_format.channels;
  const int first = m_format.hasTimestamp() ? 1 : 0;
  if (first == 1) {
    f.deviceTimeS = values[0] * secondsPerUnit(m_format.timestamp);
    m_stamps.add(values[0]);
    // The device's clock is whatever it prints: only times within 2^62 us (146 000 years)
    // either way go on the microsecond clock, whose differences must stay within 64 bits
    // (found by the text-stream fuzz target: a huge stamp overflowed them).
    const double us = f.deviceTimeS * 1e6;
    if (std::fabs(us) < kMaxStampUs)
      m_stampClock.add(std::llround(us), static_cast<std::uint64_t>(f.index));
  }
  for (int c = 0; c < f.channels; ++c) {
    const auto i = static_cast<std::size_t>(c);
    f.values[i] = values[i + static_cast<std::size_t>(first)];
    bool clipped = false;
    f.counts[i] = toCounts(f.values[i], m_format.scale, clipped);
    if (clipped) ++m_counters.clippedValues;
  }
  ++m_counters.frames;
  if (!m_segments.empty()) ++m_segments.back().frames;
  m_sink.onFrame(f);
}

double TextStreamParser::recentRateHz() const {
  if (m_locked && m_format.hasTimestamp())
    return m_stamps.recentPerUnit() / secondsPerUnit(m_format.timestamp);
  return m_arrival.recentHz(kRateWindowUs);
}

void TextStreamParser::checkRate(std::int64_t nowUs) {
  // A rate the user fixed is not questioned; a column change in progress explains itself.
  if (m_format.rateSource == RateSource::User || m_format.rateSource == RateSource::None ||
      !m_candidate.empty() || nowUs - m_lastRateCheckUs < kRateCheckUs)
    return;
  m_lastRateCheckUs = nowUs;
  const double recent = recentRateHz();
  if (!(recent > 0.0) || !(m_format.rateHz > 0.0)) return;
  const bool off = std::fabs(recent / m_format.rateHz - 1.0) > kRateChange;
  m_rateSuspect = off ? m_rateSuspect + 1 : 0;
  if (m_rateSuspect >= kRateChecks) cutAtRateChange(nowUs);
}

void TextStreamParser::cutAtRateChange(std::int64_t nowUs) {
  // The frames since the change went out in this segment already (a live stream is not held
  // back), but its measured rate stops where the rate changed, and the next segment's
  // arrival rate counts from there.
  const bool stamped = m_format.rateSource == RateSource::Timestamp;
  const ArrivalRate& clock = stamped ? m_stampClock : m_arrival;
  std::int64_t t = 0;
  std::uint64_t n = 0;
  const bool found = clock.changePoint(t, n);
  const double before = found ? clock.rateUntil(t, n) : 0.0;
  std::int64_t arrivalChange = nowUs;
  if (found && !stamped) arrivalChange = t;
  startLearning({}, arrivalChange);
  if (before > 0.0 && !m_segments.empty()) m_segments.back().measuredHz = before;
}

void TextStreamParser::updateReport() {
  if (m_segments.empty() || !m_locked) return;
  SegmentReport& r = m_segments.back();
  if (r.format.segment != m_format.segment) return;
  double hz = 0.0;
  if (m_format.rateSource == RateSource::Timestamp)
    hz = m_stamps.ratePerUnit() / secondsPerUnit(m_format.timestamp);
  else
    hz = m_arrival.rateHz();
  if (hz > 0.0) r.measuredHz = hz;
}

} // namespace dlm::textstream
