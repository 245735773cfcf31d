#include "core/protocol/cobs.h"

#include <cstring>

namespace dlm {
namespace protocol {

CobsEncoder::CobsEncoder(std::uint8_t* out, std::size_t cap)
    : m_out(out), m_cap(out ? cap : 0) {
  openBlock();
}

bool CobsEncoder::reserve() {
  if (!m_ok || m_pos >= m_cap) {
    m_ok = false;
    return false;
  }
  return true;
}

void CobsEncoder::openBlock() {
  if (!reserve()) return;
  m_codePos = m_pos++;  // the code byte is written when the block closes
  m_code = 1;
  m_open = true;
}

void CobsEncoder::closeBlock() {
  if (m_ok) m_out[m_codePos] = m_code;
  m_open = false;
}

void CobsEncoder::put(std::uint8_t byte) {
  if (!m_ok) return;
  if (!m_open) openBlock();
  if (byte == 0) {
    // A zero ends the block; the next block must exist even if the input ends here, since
    // its code byte is what tells the decoder about the zero.
    closeBlock();
    openBlock();
    return;
  }
  if (!reserve()) return;
  m_out[m_pos++] = byte;
  if (++m_code == 0xFF) closeBlock();  // the next block opens lazily: minimal encoding
}

void CobsEncoder::put(const std::uint8_t* bytes, std::size_t n) {
  if (n != 0 && bytes == nullptr) {
    m_ok = false;
    return;
  }
  for (std::size_t i = 0; i < n && m_ok; ++i) put(bytes[i]);
}

std::size_t CobsEncoder::finish() {
  if (m_ok && m_open) closeBlock();
  return m_ok ? m_pos : 0;
}

std::size_t cobsEncode(const std::uint8_t* in, std::size_t n, std::uint8_t* out,
                       std::size_t cap) {
  if (n != 0 && in == nullptr) return 0;
  CobsEncoder encoder(out, cap);
  encoder.put(in, n);
  return encoder.finish();
}

bool cobsDecodeChecked(const std::uint8_t* in, std::size_t n, std::uint8_t* out,
                       std::size_t cap, std::size_t& written) {
  written = 0;
  if (in == nullptr || n == 0) return false;
  if (out == nullptr) cap = 0;
  std::size_t i = 0;
  std::size_t o = 0;
  while (i < n) {
    const std::uint8_t code = in[i++];
    if (code == 0) return false;
    const std::size_t run = code - 1u;
    if (run > n - i || run > cap - o) return false;
    for (std::size_t k = 0; k < run; ++k) {
      if (in[i + k] == 0) return false;  // zeros never occur inside COBS data
    }
    if (run != 0) std::memcpy(out + o, in + i, run);
    i += run;
    o += run;
    // Every block but a full one stands for its data followed by a zero, except at the end.
    if (code != 0xFF && i < n) {
      if (o >= cap) return false;
      out[o++] = 0;
    }
  }
  written = o;
  return true;
}

std::size_t cobsDecode(const std::uint8_t* in, std::size_t n, std::uint8_t* out,
                       std::size_t cap) {
  std::size_t written = 0;
  return cobsDecodeChecked(in, n, out, cap, written) ? written : 0;
}

} // namespace protocol
} // namespace dlm
