#include "devices/firmware/tx_queue.h"

#include <cstring>

#include "devices/firmware/board_port.h"

namespace dlm::firmware {

bool TxQueue::push(const std::uint8_t* data, std::size_t length, std::size_t reserve) {
  if (data == nullptr || length == 0 || length + reserve > freeBytes()) return false;
  std::size_t tail = (m_head + m_size) % kCapacity;
  const std::size_t first = length < kCapacity - tail ? length : kCapacity - tail;
  std::memcpy(m_data + tail, data, first);
  std::memcpy(m_data, data + first, length - first);
  m_size += length;
  return true;
}

std::size_t TxQueue::flush(BoardPort& port) {
  std::size_t total = 0;
  while (m_size > 0) {
    const std::size_t contiguous = m_size < kCapacity - m_head ? m_size : kCapacity - m_head;
    std::size_t taken = port.writeSerial(m_data + m_head, contiguous);
    if (taken > contiguous) taken = contiguous;  // a port bug must not corrupt the ring
    m_head = (m_head + taken) % kCapacity;
    m_size -= taken;
    total += taken;
    if (taken < contiguous) break;
  }
  if (m_size == 0) m_head = 0;
  return total;
}

void TxQueue::clear() {
  m_head = 0;
  m_size = 0;
}

} // namespace dlm::firmware
