#pragma once

// Consistent Overhead Byte Stuffing (Cheshire & Baker, 1999): re-encodes bytes so that 0x00
// never occurs, which frees 0x00 to delimit frames on a byte stream. The encoder emits the
// minimal form (no code byte after a final full 254-byte block); the decoder also accepts
// the non-minimal form some implementations emit.

#include <cstddef>
#include <cstdint>

namespace dlm {
namespace protocol {

/// \brief Upper bound of the COBS encoding of \p n bytes (without the 0x00 delimiter):
/// one code byte per started 254-byte block, and one for empty input.
constexpr std::size_t cobsMaxEncoded(std::size_t n) { return n + n / 254 + 1; }

/// \brief Encode \p n bytes into \p out (no delimiter). Returns the encoded length, or 0 when
/// \p cap is too small (or a pointer is null while its size is not 0). Never writes beyond cap.
std::size_t cobsEncode(const std::uint8_t* in, std::size_t n, std::uint8_t* out,
                       std::size_t cap);

/// \brief Decode \p n COBS bytes (without the delimiter) into \p out. Returns the decoded
/// length, or 0 on malformed input (a 0x00 byte, a block running past the end, empty input)
/// or when \p cap is too small. An encoded empty string ("01") also decodes to 0 bytes: use
/// cobsDecodeChecked() where that matters.
std::size_t cobsDecode(const std::uint8_t* in, std::size_t n, std::uint8_t* out,
                       std::size_t cap);

/// \brief As cobsDecode(), telling success apart from an empty result: returns false on
/// malformed input or overflow, otherwise sets \p written.
bool cobsDecodeChecked(const std::uint8_t* in, std::size_t n, std::uint8_t* out,
                       std::size_t cap, std::size_t& written);

/// \brief Incremental COBS encoder writing into a caller-owned buffer, so a frame can be
/// encoded field by field without a second buffer.
class CobsEncoder {
public:
  /// \brief Start an encoding into \p out (\p cap bytes).
  CobsEncoder(std::uint8_t* out, std::size_t cap);

  /// \brief Append one byte of input.
  void put(std::uint8_t byte);
  /// \brief Append \p n bytes of input.
  void put(const std::uint8_t* bytes, std::size_t n);
  /// \brief Close the last block. Returns the encoded length, or 0 if anything overflowed.
  /// Call once.
  std::size_t finish();

private:
  bool reserve();
  void openBlock();
  void closeBlock();

  std::uint8_t* m_out;
  std::size_t m_cap;
  std::size_t m_pos = 0;
  std::size_t m_codePos = 0;
  std::uint8_t m_code = 1;
  bool m_open = false;
  bool m_ok = true;
};

} // namespace protocol
} // namespace dlm
