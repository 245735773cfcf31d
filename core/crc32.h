#pragma once

#include <cstddef>
#include <cstdint>

namespace dlm {

/// \brief CRC-32 (IEEE 802.3, reflected, poly 0xEDB88320), as zlib's crc32().
/// Pass the previous result as \p crc to continue over several buffers; start with 0.
std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t crc = 0);

} // namespace dlm
