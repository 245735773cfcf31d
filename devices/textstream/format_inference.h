#pragma once

// Internal to devices/textstream: inferring a segment's format from the lines learned since it
// began (column count, timestamp column and unit, rate, names, int16 scale).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "devices/textstream/textstream_types.h"

namespace dlm::textstream {

/// A numeric line kept while a format is learned.
struct LearnLine {
  std::array<double, kMaxColumns> values{};
  int count = 0;
  std::int64_t arrivalUs = 0;
  std::vector<std::string> labels; // "name:value" labels, empty when plain numbers
};

struct InferInput {
  const std::vector<LearnLine>* lines = nullptr;
  std::vector<std::string> header; // the last header line seen, empty when none
  double arrivalHz = 0.0;          // lines per second on arrival, 0 when no time span
  std::int64_t arrivalSpanUs = 0;
  ParserOptions options;
};

/// The column count the stream settles on: the commonest among the lines (with a forced
/// channel count, the commoner of channels and channels + 1). 0 when no line fits.
int dominantColumns(const std::vector<LearnLine>& lines, const ParserOptions& options);

/// Whether the first of \p columns columns is a timestamp, and in which unit: it increases at
/// every line but a few, at steps within 0.5-1.5x their median for 80% of them, and its step
/// times the arrival rate is about 1 (s), 1000 (ms) or 10^6 (us); without an arrival rate the
/// header name then the values decide.
TimestampUnit detectTimestamp(const InferInput& in, int columns);

/// The format of the lines of \p columns columns (segment number and scale left to set).
StreamFormat inferFormat(const InferInput& in, int columns);

} // namespace dlm::textstream
