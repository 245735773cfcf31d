#pragma once

// A line of text for a board's log console, built without printf (which would add about 10 KB
// of text to an image). Used by the ports' log() and their periodic "name=value" reports.

#include <cstddef>
#include <cstdint>

#include "devices/firmware/board_port.h"

namespace dlm::firmware {

/// \brief A NUL-terminated line of at most \p Capacity - 1 characters; what does not fit is
/// cut, never written past the buffer.
template <std::size_t Capacity>
class ConsoleLine {
  static_assert(Capacity >= 2, "room for one character and the terminator");

public:
  /// \brief Append \p s (null appends nothing).
  ConsoleLine& text(const char* s) {
    while (s != nullptr && *s != '\0' && m_n + 1 < Capacity) m_buffer[m_n++] = *s++;
    m_buffer[m_n] = '\0';
    return *this;
  }
  /// \brief Append " name=value" with \p value in decimal.
  ConsoleLine& field(const char* name, std::uint32_t value) {
    text(" ");
    text(name);
    text("=");
    char digits[11];
    int k = 0;
    do {
      digits[k++] = static_cast<char>('0' + value % 10u);
      value /= 10u;
    } while (value != 0u);
    while (k > 0 && m_n + 1 < Capacity) m_buffer[m_n++] = digits[--k];
    m_buffer[m_n] = '\0';
    return *this;
  }
  const char* str() const { return m_buffer; }

private:
  char m_buffer[Capacity] = {};
  std::size_t m_n = 0;
};

/// \brief "[debug] ", "[info] ", "[warning] " or "[error] " for a BoardLogLevel; "[?] " else.
inline const char* logLevelPrefix(std::uint8_t level) {
  static const char* const prefixes[] = {"[debug] ", "[info] ", "[warning] ", "[error] "};
  return level <= kLogError ? prefixes[level] : "[?] ";
}

} // namespace dlm::firmware
