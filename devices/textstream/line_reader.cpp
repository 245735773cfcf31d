#include "devices/textstream/line_reader.h"

#include <charconv>
#include <cmath>

namespace dlm::textstream {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isHardSeparator(char c) { return c == ',' || c == ';'; }
bool isControl(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; }

bool isNameStart(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}

// A header name: a letter first (so "1e3" and "-2" stay numbers), then anything printable
// that is not a separator: "ax", "acc.x", "t_ms", "temp(C)", "gyro[0]".
bool isName(std::string_view field) {
  return !field.empty() && isNameStart(static_cast<unsigned char>(field.front()));
}

enum class NumberRead { Ok, NotANumber, NonFinite };

NumberRead readNumber(std::string_view field, double& out) {
  if (!field.empty() && field.front() == '+') field.remove_prefix(1); // from_chars refuses '+'
  if (field.empty()) return NumberRead::NotANumber;
  const char* end = field.data() + field.size();
  const auto result = std::from_chars(field.data(), end, out);
  if (result.ec == std::errc::result_out_of_range) return NumberRead::NonFinite;
  if (result.ec != std::errc() || result.ptr != end) return NumberRead::NotANumber;
  return std::isfinite(out) ? NumberRead::Ok : NumberRead::NonFinite;
}

// Splits on the separators; false when a field is empty between two commas/semicolons.
// \p separator gets the first separator seen between two fields (a comma or semicolon wins
// over the blanks around it).
bool splitFields(std::string_view line, std::vector<std::string_view>& fields, char& separator) {
  std::size_t i = 0;
  char between = 0;
  bool pendingHard = false; // a comma/semicolon was seen since the last field
  bool first = true;
  while (i < line.size()) {
    const char c = line[i];
    if (isBlank(c)) {
      if (between == 0) between = c;
      ++i;
      continue;
    }
    if (isHardSeparator(c)) {
      if (pendingHard && !first) return false; // ",," : a missing value
      pendingHard = true;
      between = c;
      ++i;
      continue;
    }
    if (!first && separator == 0) separator = between;
    between = 0;
    std::size_t j = i;
    while (j < line.size() && !isBlank(line[j]) && !isHardSeparator(line[j])) ++j;
    fields.push_back(line.substr(i, j - i));
    pendingHard = false;
    first = false;
    i = j;
  }
  return true;
}

ParsedLine garbage(GarbageKind kind) {
  ParsedLine p;
  p.kind = ParsedLine::Kind::Garbage;
  p.garbage = kind;
  return p;
}

} // namespace

const char* garbageName(GarbageKind kind) {
  switch (kind) {
  case GarbageKind::NonNumeric: return "non-numeric";
  case GarbageKind::WrongColumns: return "wrong column count";
  case GarbageKind::TooManyColumns: return "too many columns";
  case GarbageKind::NonFinite: return "NaN or infinity";
  case GarbageKind::Overlong: return "over-long";
  case GarbageKind::Binary: return "binary";
  }
  return "?";
}

std::uint64_t GarbageCounts::total() const {
  std::uint64_t sum = 0;
  for (std::uint64_t n : byKind) sum += n;
  return sum;
}

void LineSplitter::feed(const char* data, std::size_t size, std::vector<RawLine>& out) {
  for (std::size_t i = 0; i < size; ++i) {
    const char c = data[i];
    if (c == '\n' || c == '\r') {
      // The LF of a CRLF ends nothing: the CR already ended the line.
      const bool secondOfPair = c == '\n' && m_afterCr;
      m_afterCr = c == '\r';
      if (!secondOfPair) finishLine(out);
      continue;
    }
    m_afterCr = false;
    if (isControl(static_cast<unsigned char>(c))) m_binary = true;
    ++m_length;
    if (m_length <= static_cast<std::size_t>(kMaxLineBytes)) m_line.push_back(c);
  }
}

bool LineSplitter::flush(RawLine& out) {
  if (m_length == 0) return false;
  std::vector<RawLine> lines;
  finishLine(lines);
  out = std::move(lines.front());
  return true;
}

void LineSplitter::reset() {
  m_line.clear();
  m_length = 0;
  m_binary = false;
  m_afterCr = false;
}

void LineSplitter::finishLine(std::vector<RawLine>& out) {
  RawLine line;
  line.overlong = m_length > static_cast<std::size_t>(kMaxLineBytes);
  line.binary = m_binary;
  if (!line.overlong) line.text = m_line;
  out.push_back(std::move(line));
  m_line.clear();
  m_length = 0;
  m_binary = false;
}

ParsedLine parseLine(std::string_view line) {
  std::vector<std::string_view> fields;
  fields.reserve(kMaxColumns + 1);
  char separator = 0;
  if (!splitFields(line, fields, separator)) return garbage(GarbageKind::NonNumeric);
  if (fields.empty()) return ParsedLine{};
  ParsedLine p;
  p.separator = separator;
  int names = 0;
  int numbers = 0;
  bool labelled = true;
  for (std::string_view field : fields) {
    // "ax:1.5" (Serial Plotter): the label names the value.
    std::string_view label;
    const std::size_t colon = field.find(':');
    if (colon != std::string_view::npos && colon > 0) {
      label = field.substr(0, colon);
      field.remove_prefix(colon + 1);
    }
    double v = 0.0;
    const NumberRead read = readNumber(field, v);
    if (read == NumberRead::NonFinite) return garbage(GarbageKind::NonFinite);
    if (read == NumberRead::Ok) {
      if (numbers == kMaxColumns) return garbage(GarbageKind::TooManyColumns);
      p.values[numbers++] = v;
      if (!isName(label)) labelled = false;
      p.names.emplace_back(label);
    } else if (label.empty() && isName(field)) {
      ++names;
      p.names.emplace_back(field);
    } else {
      return garbage(GarbageKind::NonNumeric);
    }
  }
  if (numbers > 0 && names > 0) return garbage(GarbageKind::NonNumeric);
  if (names > 0) {
    if (names > kMaxColumns) return garbage(GarbageKind::TooManyColumns);
    p.kind = ParsedLine::Kind::Header;
    p.count = names;
    return p;
  }
  p.kind = ParsedLine::Kind::Numbers;
  p.count = numbers;
  if (!labelled) p.names.clear();
  return p;
}

} // namespace dlm::textstream
