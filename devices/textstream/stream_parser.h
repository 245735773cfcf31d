#pragma once

// The text-stream parser: bytes of a board that prints numbers in, sample frames of an
// inferred format out. Pure C++17, no Qt, no threads, no clock of its own (the caller passes
// each chunk's arrival time), so tests drive it byte by byte and tools can replay captures.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "devices/textstream/format_inference.h"
#include "devices/textstream/line_reader.h"
#include "devices/textstream/rate_estimator.h"
#include "devices/textstream/textstream_types.h"

namespace dlm::textstream {

/// \brief Receives what a TextStreamParser finds, in stream order.
class TextStreamSink {
public:
  virtual ~TextStreamSink();
  /// \brief A segment begins: its format is inferred (its first frames follow).
  virtual void onFormat(const StreamFormat& format) = 0;
  /// \brief One sample line of the current segment.
  virtual void onFrame(const Frame& frame) = 0;
};

/// \brief One segment as measured so far (the current one grows while the stream runs).
struct SegmentReport {
  StreamFormat format;
  std::uint64_t frames = 0;
  /// Rate over the whole segment by its source (timestamps, else arrival times; the arrival
  /// rate when the user fixed the rate): a better figure than the one at lock.
  double measuredHz = 0.0;
};

/// \brief Infers the format of a text stream and cuts it into frames.
///
/// Learning: numeric lines are kept until kMinLockLines of them have arrived over
/// kLockSpanUs (2 s: a 16 ms burst then costs under 1% of rate), or kMaxLearnLines have.
/// Then the commonest column count wins, the timestamp column and its unit are detected, the
/// rate is estimated (timestamps, else arrivals) and snapped, names come from the last header
/// line, and the int16 scale is chosen (int16_scale.h); onFormat() is called and the learned
/// lines are delivered as the segment's first frames.
///
/// Locked: lines of the segment's column count are frames. Another count is a blip (garbage
/// WrongColumns) unless kConfirmLines lines in a row share it: then a new segment is learned,
/// starting at the first of them. The rate is watched over the last 2 s; off by more than
/// kRateChange at kRateChecks checks in a row, it starts a new segment too.
///
/// Never fatal: whatever arrives is a frame, an empty or header line, or garbage of a kind.
class TextStreamParser {
public:
  static constexpr int kMinLockLines = 16;
  static constexpr std::int64_t kLockSpanUs = 2'000'000;
  static constexpr int kMaxLearnLines = 4096;
  static constexpr int kConfirmLines = 8;
  static constexpr double kRateChange = 0.08;
  static constexpr std::int64_t kRateWindowUs = 2'000'000;
  static constexpr std::int64_t kRateCheckUs = 500'000;
  static constexpr int kRateChecks = 3;

  /// \brief A parser reporting to \p sink (which must outlive it).
  explicit TextStreamParser(TextStreamSink& sink, const ParserOptions& options = {});

  /// \brief The next \p size bytes of the stream, which arrived at \p nowUs (any monotonic
  /// microsecond clock).
  void feed(const char* data, std::size_t size, std::int64_t nowUs);
  /// \brief End of stream: the unfinished line is taken as a line, a format still being
  /// learned is inferred from what there is, a pending column change is counted as garbage.
  void finish(std::int64_t nowUs);
  /// \brief Forget everything, counters included.
  void reset();

  /// \brief True once a format is inferred (and until a change starts learning again).
  bool locked() const { return m_locked; }
  /// \brief The current segment's format (segment 0 before the first).
  const StreamFormat& format() const { return m_format; }
  const ParserCounters& counters() const { return m_counters; }
  /// \brief Every segment so far, the current one last.
  const std::vector<SegmentReport>& segments() const { return m_segments; }
  /// \brief The rate over the last 2 s (timestamps, else arrivals); 0 when unknown.
  double recentRateHz() const;

private:
  void handleLine(const RawLine& raw, std::int64_t nowUs);
  void handleNumbers(const ParsedLine& line, std::int64_t nowUs);
  void countGarbage(GarbageKind kind, std::uint64_t n = 1);
  void startLearning(std::vector<LearnLine> lines, std::int64_t originUs);
  void maybeLock(bool force);
  void emitFrame(const std::array<double, kMaxColumns>& values);
  void checkRate(std::int64_t nowUs);
  void cutAtRateChange(std::int64_t nowUs);
  void updateReport();

  TextStreamSink& m_sink;
  ParserOptions m_options;
  LineSplitter m_splitter;
  std::vector<RawLine> m_raw;
  ParserCounters m_counters;
  std::uint64_t m_slots = 0; // non-empty lines: the device's line clock

  bool m_locked = false;
  StreamFormat m_format;
  int m_columns = 0;
  std::int64_t m_frameIndex = 0;
  std::vector<LearnLine> m_learn;
  std::vector<LearnLine> m_candidate; // lines of another column count, in a row
  std::vector<std::string> m_header;
  char m_dataSeparator = 0; // of the last data line: a line of words split otherwise is text
  std::vector<SegmentReport> m_segments;

  ArrivalRate m_arrival;
  TimestampRate m_stamps;
  ArrivalRate m_stampClock; // frames over device time (us), to place a rate change
  std::int64_t m_lastRateCheckUs = 0;
  int m_rateSuspect = 0;
};

} // namespace dlm::textstream
