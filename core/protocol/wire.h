#pragma once

// Internal to core/protocol: little-endian field writer and reader over caller-owned bytes.
// Every access is bounds-checked; the first failure latches so a message's encode/decode can
// write its fields straight through and check once at the end.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace dlm {
namespace protocol {
namespace wire {

class Writer {
public:
  Writer(std::uint8_t* out, std::size_t capacity) : m_out(out), m_capacity(out ? capacity : 0) {}

  void u8(std::uint8_t v) {
    if (!room(1)) return;
    m_out[m_pos++] = v;
  }
  void u16(std::uint16_t v) {
    if (!room(2)) return;
    m_out[m_pos++] = static_cast<std::uint8_t>(v);
    m_out[m_pos++] = static_cast<std::uint8_t>(v >> 8);
  }
  void u32(std::uint32_t v) {
    if (!room(4)) return;
    for (int i = 0; i < 4; ++i) m_out[m_pos++] = static_cast<std::uint8_t>(v >> (8 * i));
  }
  void i16(std::int16_t v) { u16(static_cast<std::uint16_t>(v)); }
  void f32(float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);  // the IEEE-754 bit pattern, sent as a u32
    u32(bits);
  }
  void bytes(const std::uint8_t* data, std::size_t n) {
    if (n == 0) return;
    if (data == nullptr) {
      m_ok = false;
      return;
    }
    if (!room(n)) return;
    std::memcpy(m_out + m_pos, data, n);
    m_pos += n;
  }
  /// A fixed-size string field: the text, then zeros up to \p size. Fails unless the text
  /// (strnlen within size) leaves room for at least one terminating zero.
  void text(const char* s, std::size_t size) {
    if (s == nullptr) {
      m_ok = false;
      return;
    }
    std::size_t n = 0;
    while (n < size && s[n] != '\0') ++n;
    if (n >= size) {
      m_ok = false;
      return;
    }
    if (!room(size)) return;
    for (std::size_t i = 0; i < size; ++i)
      m_out[m_pos++] = i < n ? static_cast<std::uint8_t>(s[i]) : std::uint8_t{0};
  }
  void fail() { m_ok = false; }

  /// Bytes written, or 0 after any failure.
  std::size_t finish() const { return m_ok ? m_pos : 0; }

private:
  bool room(std::size_t n) {
    if (!m_ok || m_capacity - m_pos < n) {
      m_ok = false;
      return false;
    }
    return true;
  }

  std::uint8_t* m_out;
  std::size_t m_capacity;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

class Reader {
public:
  Reader(const std::uint8_t* in, std::size_t size) : m_in(in), m_size(in ? size : 0) {}

  std::uint8_t u8() {
    if (!has(1)) return 0;
    return m_in[m_pos++];
  }
  std::uint16_t u16() {
    if (!has(2)) return 0;
    const auto v = static_cast<std::uint16_t>(m_in[m_pos] | (m_in[m_pos + 1] << 8));
    m_pos += 2;
    return v;
  }
  std::uint32_t u32() {
    if (!has(4)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(m_in[m_pos++]) << (8 * i);
    return v;
  }
  std::int16_t i16() { return static_cast<std::int16_t>(u16()); }
  float f32() {
    const std::uint32_t bits = u32();
    float v = 0.0f;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  void bytes(std::uint8_t* out, std::size_t n) {
    if (n == 0 || !has(n)) return;
    std::memcpy(out, m_in + m_pos, n);
    m_pos += n;
  }
  /// A fixed-size string field: must hold a zero within \p size and only zeros after it
  /// (so that every string has exactly one encoding). \p out receives size bytes.
  void text(char* out, std::size_t size) {
    if (!has(size)) return;
    bool terminated = false;
    for (std::size_t i = 0; i < size; ++i) {
      const std::uint8_t b = m_in[m_pos + i];
      if (terminated && b != 0) m_ok = false;
      if (b == 0) terminated = true;
      out[i] = static_cast<char>(b);
    }
    if (!terminated) m_ok = false;
    m_pos += size;
  }
  void fail() { m_ok = false; }
  std::size_t remaining() const { return m_size - m_pos; }

  /// True when every read succeeded and the payload was consumed exactly.
  bool finishExact() const { return m_ok && m_pos == m_size; }

private:
  bool has(std::size_t n) {
    if (!m_ok || m_size - m_pos < n) {
      m_ok = false;
      return false;
    }
    return true;
  }

  const std::uint8_t* m_in;
  std::size_t m_size;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

} // namespace wire
} // namespace protocol
} // namespace dlm
