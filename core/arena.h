#pragma once

#include <cstddef>
#include <cstdint>

namespace dlm {

/// \brief Bump allocator over a caller-owned buffer. Used only while a network is initialised;
/// after that nothing in the kernel allocates.
class Arena {
public:
  Arena() = default;
  Arena(void* buffer, std::size_t bytes)
      : m_base(static_cast<std::uint8_t*>(buffer)), m_size(bytes) {}

  /// \brief Reserve \p count objects of T, aligned for T (at least 16 bytes for SIMD loads).
  /// Returns null, and marks the arena as overflowed, when the buffer is exhausted.
  template <typename T>
  T* take(std::size_t count) {
    const std::size_t align = alignof(T) > 16 ? alignof(T) : 16;
    // Align the address, not the offset: the caller's buffer may itself be misaligned.
    const auto base = reinterpret_cast<std::uintptr_t>(m_base);
    const std::size_t start = ((base + m_used + align - 1) / align * align) - base;
    const std::size_t bytes = count * sizeof(T);
    if (start + bytes > m_size || m_base == nullptr) {
      m_overflow = true;
      m_used = start + bytes; // keep counting so a dry run reports the size needed
      return nullptr;
    }
    m_used = start + bytes;
    return static_cast<T*>(static_cast<void*>(m_base + start));
  }

  std::size_t used() const { return m_used; }
  bool overflowed() const { return m_overflow; }

private:
  std::uint8_t* m_base = nullptr;
  std::size_t m_size = 0;
  std::size_t m_used = 0;
  bool m_overflow = false;
};

} // namespace dlm
