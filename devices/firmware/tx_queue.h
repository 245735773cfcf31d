#pragma once

#include <cstddef>
#include <cstdint>

namespace dlm::firmware {

class BoardPort;

/// \brief Byte ring of whole wire frames waiting for the serial port.
///
/// A frame is queued entirely or not at all, so the bytes the port sends are always whole
/// frames, whatever overflows. flush() hands the port as much as it takes.
class TxQueue {
public:
  static constexpr std::size_t kCapacity = 3072;

  /// \brief Queue \p length bytes if they all fit, keeping \p reserve bytes free afterwards.
  bool push(const std::uint8_t* data, std::size_t length, std::size_t reserve = 0);
  /// \brief Give queued bytes to \p port until it takes no more. Returns the bytes taken.
  std::size_t flush(BoardPort& port);
  /// \brief Forget everything queued.
  void clear();

  std::size_t size() const { return m_size; }
  std::size_t freeBytes() const { return kCapacity - m_size; }
  bool empty() const { return m_size == 0; }

private:
  std::uint8_t m_data[kCapacity] = {};
  std::size_t m_head = 0;  // next byte to send
  std::size_t m_size = 0;
};

} // namespace dlm::firmware
