#pragma once

// Value types of the text-stream parser: what it inferred about a stream (StreamFormat), one
// parsed sample line (Frame), and what it counted (ParserCounters). Plain C++17 values, no Qt,
// so the parser is a pure library that tests and tools can drive byte by byte.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace dlm::textstream {

/// \brief Most numbers on a data line (a timestamp column included).
constexpr int kMaxColumns = 16;
/// \brief Longest line kept, in bytes; a longer line is dropped (counted as over-long) without
/// buffering more than this.
constexpr int kMaxLineBytes = 256;

/// \brief Why a line was not a sample.
enum class GarbageKind : std::uint8_t {
  NonNumeric,     ///< a field that is not a number (nor a header), or an empty field
  WrongColumns,   ///< numbers, but not the stream's column count (a blip, not a new format)
  TooManyColumns, ///< more than kMaxColumns numbers
  NonFinite,      ///< NaN or infinity
  Overlong,       ///< longer than kMaxLineBytes
  Binary,         ///< control bytes: binary noise, a firmware board's frames, a wrong baud
};
constexpr int kGarbageKinds = 6;

/// \brief Short English name of \p kind ("non-numeric", "wrong column count"...).
const char* garbageName(GarbageKind kind);

/// \brief Unit of a timestamp column.
enum class TimestampUnit : std::uint8_t { None, Seconds, Milliseconds, Microseconds };
/// \brief "s", "ms", "us", or "" for None.
const char* unitName(TimestampUnit unit);
/// \brief Seconds per unit (0 for None).
double secondsPerUnit(TimestampUnit unit);

/// \brief Where a segment's sample rate comes from.
enum class RateSource : std::uint8_t {
  None,      ///< not known (no time span yet and no override)
  Arrival,   ///< lines counted over the host's arrival time
  Timestamp, ///< the device's timestamp column
  User,      ///< given by the user (ParserOptions::rateHz)
};
/// \brief "none", "arrival", "timestamp" or "user".
const char* rateSourceName(RateSource source);

/// \brief What the parser inferred about one stretch of the stream with a constant layout:
/// a segment. A new segment starts when the column count or the rate changes for good.
struct StreamFormat {
  int segment = 0;        ///< 1 for the first segment, then 2, 3...
  int channels = 0;       ///< value columns (the timestamp excluded), 1..kMaxColumns
  TimestampUnit timestamp = TimestampUnit::None; ///< None: no timestamp column
  double rateHz = 0.0;    ///< the segment's rate, snapped to a common rate when within 2%
  double measuredHz = 0.0;  ///< the estimate before snapping
  RateSource rateSource = RateSource::None;
  std::vector<std::string> names; ///< one per channel: the header's, or "ch1", "ch2"...
  /// Counts per unit: int16 sample = round(value x scale), clamped (see Int16Scaler).
  double scale = 1.0;
  bool autoScale = true;  ///< false when the user fixed the scale

  bool hasTimestamp() const { return timestamp != TimestampUnit::None; }
};

/// \brief One sample line of a segment.
struct Frame {
  int segment = 0;
  std::int64_t index = 0;   ///< 0 for the segment's first frame
  int channels = 0;
  double deviceTimeS = 0.0; ///< the timestamp column in seconds (0 without one)
  std::array<double, kMaxColumns> values{};        ///< as printed
  std::array<std::int16_t, kMaxColumns> counts{};  ///< scaled for the event pipeline
};

/// \brief Garbage lines by kind.
struct GarbageCounts {
  std::array<std::uint64_t, kGarbageKinds> byKind{};
  std::uint64_t& operator[](GarbageKind kind) { return byKind[static_cast<std::size_t>(kind)]; }
  std::uint64_t operator[](GarbageKind kind) const {
    return byKind[static_cast<std::size_t>(kind)];
  }
  std::uint64_t total() const;
};

/// \brief What the parser counted since it was made or reset.
struct ParserCounters {
  std::uint64_t bytes = 0;
  std::uint64_t lines = 0;       ///< every terminated line, empty ones aside
  std::uint64_t emptyLines = 0;
  std::uint64_t headerLines = 0;
  std::uint64_t frames = 0;      ///< sample lines delivered
  std::uint64_t clippedValues = 0; ///< values beyond the int16 range after scaling
  std::uint64_t segments = 0;
  GarbageCounts garbage;
};

/// \brief How the parser is told what it would otherwise infer. Zero / None / Auto: infer.
struct ParserOptions {
  int channels = 0;        ///< value columns, timestamp excluded (0: inferred)
  double rateHz = 0.0;     ///< sample rate (0: inferred)
  enum class Timestamp : std::uint8_t { Auto, None, Seconds, Milliseconds, Microseconds };
  Timestamp timestamp = Timestamp::Auto;
  double scale = 0.0;      ///< counts per unit (0: automatic, see Int16Scaler)
};

} // namespace dlm::textstream
