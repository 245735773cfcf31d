#pragma once

// Bytes to lines, and a line to numbers: the lowest two steps of the text-stream parser.
// Bounded memory whatever arrives: a line longer than kMaxLineBytes is dropped as it streams
// in, never buffered whole.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "devices/textstream/textstream_types.h"

namespace dlm::textstream {

/// \brief One line cut from the byte stream, its terminator removed.
struct RawLine {
  std::string text;      ///< empty when overlong
  bool overlong = false; ///< longer than kMaxLineBytes: dropped
  bool binary = false;   ///< held control bytes (other than tab)
};

/// \brief Cuts a byte stream into lines. LF, CR and CRLF all end a line, in any mix (CRLF is
/// one end, not two). Keeps at most kMaxLineBytes of an unfinished line.
class LineSplitter {
public:
  /// \brief Append the lines \p data completes to \p out.
  void feed(const char* data, std::size_t size, std::vector<RawLine>& out);
  /// \brief The unfinished line, if any, as a last line (end of stream).
  bool flush(RawLine& out);
  void reset();

private:
  void finishLine(std::vector<RawLine>& out);

  std::string m_line;
  std::size_t m_length = 0; // bytes of the current line seen, kept or not
  bool m_binary = false;
  bool m_afterCr = false;
};

/// \brief What one line holds.
struct ParsedLine {
  enum class Kind { Empty, Numbers, Header, Garbage };
  Kind kind = Kind::Empty;
  GarbageKind garbage = GarbageKind::NonNumeric; ///< when kind is Garbage
  int count = 0;                                 ///< numbers, or header names
  char separator = 0; ///< the first separator between two fields (',' ';' '\t' ' '), 0: none
  double values[kMaxColumns] = {};
  /// Header names, or the labels of "name:value" fields (Arduino's Serial Plotter style);
  /// empty for plain numbers.
  std::vector<std::string> names;
};

/// \brief Parse one line: fields separated by commas, semicolons, spaces or tabs (runs of
/// blanks are one separator; a leading or trailing comma is ignored, an empty field between
/// two is not a number). A line of names is a header; "name:value" fields carry their name.
/// Numbers are read in the C locale ("1.5", "-2e3", "+4"); NaN and infinity are garbage.
ParsedLine parseLine(std::string_view line);

} // namespace dlm::textstream
