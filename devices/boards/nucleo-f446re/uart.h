#pragma once

// Interrupt-driven STM32 USART: receive into a ring (RXNE interrupt), transmit from a ring
// (TXE interrupt). Non-blocking on both sides; the main loop is the only producer of the TX
// ring and the only consumer of the RX ring, the interrupt the other end of each.
//
// When the RX ring is full the receive interrupt is switched off (RXNEIE, NVIC) and the byte waits
// in the USART: under QEMU that stops QEMU reading the host's pty (lossless); on the chip the
// next byte overruns (counted in errors()), which the protocol's retries recover from.

#include <cstddef>
#include <cstdint>

#include "stm32f446.h"

namespace dlm::boards {

/// \brief One USART with an RX ring of \p RxBytes (0: transmit only) and a TX ring of
/// \p TxBytes bytes (powers of two).
template <std::uint32_t RxBytes, std::uint32_t TxBytes>
class Uart {
  static_assert((RxBytes & (RxBytes - 1u)) == 0 && (TxBytes & (TxBytes - 1u)) == 0 && TxBytes > 0,
                "ring sizes must be powers of two");

public:
  /// \brief Configure the USART at \p base (clock enabled, pins set) for \p baud 8N1 from
  /// \p pclk, and enable its interrupt \p irq at \p priority.
  void start(std::uintptr_t base, std::uint32_t pclk, std::uint32_t baud, std::uint32_t irq,
             std::uint8_t priority) {
    using namespace f446;
    m_base = base;
    m_irq = irq;
    m_priority = priority;
    reg(base + kUsartCr1) = 0;
    reg(base + kUsartCr2) = 0;  // 1 stop bit
    reg(base + kUsartCr3) = 0;  // no flow control
    // Oversampling by 16: BRR is pclk / baud (mantissa and 4-bit fraction together), rounded.
    // 45 MHz / 921600 -> 49 (918 367 Bd, -0.35%); 90 MHz / 115200 -> 781 (+0.03%).
    reg(base + kUsartBrr) = (pclk + baud / 2u) / baud;
    std::uint32_t cr1 = kUsartCr1Ue | kUsartCr1Te;
    if (RxBytes > 0) cr1 |= kUsartCr1Re | kUsartCr1Rxneie;
    if (m_txHead != m_txTail) cr1 |= kUsartCr1Txeie;  // lines logged before start()
    reg(base + kUsartCr1) = cr1;
    nvicEnable(irq, priority);
  }

  /// \brief Up to \p capacity received bytes into \p out; returns how many.
  std::size_t read(std::uint8_t* out, std::size_t capacity) {
    if constexpr (RxBytes == 0) {
      static_cast<void>(out);
      static_cast<void>(capacity);
      return 0;
    } else {
      const std::uint32_t tail = m_rxTail;
      std::uint32_t available = m_rxHead - tail;
      if (available > capacity) available = static_cast<std::uint32_t>(capacity);
      barrier();  // the ISR wrote the bytes before it moved the head
      for (std::uint32_t i = 0; i < available; ++i) out[i] = m_rx[(tail + i) & (RxBytes - 1u)];
      barrier();
      m_rxTail = tail + available;
      if (m_rxStalled && available > 0) {
        // Room again: let the byte waiting in the USART in.
        const std::uint32_t primask = f446::maskInterrupts();
        m_rxStalled = false;
        f446::reg(m_base + f446::kUsartCr1) |= f446::kUsartCr1Rxneie;
        f446::nvicEnable(m_irq, m_priority);
        f446::restoreInterrupts(primask);
      }
      return available;
    }
  }

  /// \brief Queue up to \p length bytes; returns how many fit in the TX ring.
  std::size_t write(const std::uint8_t* data, std::size_t length) {
    const std::uint32_t head = m_txHead;
    const std::uint32_t space = TxBytes - (head - m_txTail);
    const std::uint32_t n = length < space ? static_cast<std::uint32_t>(length) : space;
    for (std::uint32_t i = 0; i < n; ++i) m_tx[(head + i) & (TxBytes - 1u)] = data[i];
    barrier();
    m_txHead = head + n;
    if (n > 0 && m_base != 0) {  // before start(): kept until start() sends it
      // Start the transfer here, then let TXE interrupts carry it on. QEMU 7.2's USART raises
      // no TXE interrupt at all (only RXNE) but takes every byte at once: this drains the ring
      // there, and hands the chip its first byte.
      const std::uint32_t primask = f446::maskInterrupts();
      sendWhileReady();
      if (m_txTail != m_txHead) f446::reg(m_base + f446::kUsartCr1) |= f446::kUsartCr1Txeie;
      f446::restoreInterrupts(primask);
    }
    return n;
  }

  /// \brief Transmit \p text polled, with interrupts masked and a bounded wait per byte (for
  /// the fault handler: whatever state the rings are in).
  void writePolled(const char* text) {
    using namespace f446;
    for (; *text != '\0'; ++text) {
      for (std::uint32_t spin = 0; spin < 200000u; ++spin) {
        if ((reg(m_base + kUsartSr) & kUsartSrTxe) != 0) {
          reg(m_base + kUsartDr) = static_cast<std::uint8_t>(*text);
          break;
        }
      }
    }
  }

  /// \brief The USART's interrupt: move received bytes into the RX ring and queued bytes out.
  void onInterrupt() {
    using namespace f446;
    const std::uintptr_t base = m_base;
    if constexpr (RxBytes > 0) {
      // Reading SR then DR takes the byte and clears ORE/FE/NF with it.
      for (int n = 0; n < 16; ++n) {
        const std::uint32_t sr = reg(base + kUsartSr);
        if ((sr & (kUsartSrRxne | kUsartSrOre)) == 0) break;
        if ((sr & (kUsartSrOre | kUsartSrFe | kUsartSrNf)) != 0) ++m_errors;
        const std::uint32_t head = m_rxHead;
        if (head - m_rxTail >= RxBytes) {
          // Off at the NVIC too: QEMU 7.2 keeps the line up until DR is read.
          reg(base + kUsartCr1) &= ~kUsartCr1Rxneie;
          nvicDisable(m_irq);
          m_rxStalled = true;
          ++m_rxStalls;
          break;
        }
        m_rx[head & (RxBytes - 1u)] = static_cast<std::uint8_t>(reg(base + kUsartDr) & 0xFFu);
        barrier();
        m_rxHead = head + 1u;
      }
    }
    if ((reg(base + kUsartCr1) & kUsartCr1Txeie) == 0) return;
    sendWhileReady();
    if (m_txTail == m_txHead) reg(base + kUsartCr1) &= ~kUsartCr1Txeie;
  }

  /// \brief True while received bytes wait in the ring (or in the USART, stalled).
  bool rxPending() const { return m_rxHead != m_rxTail || m_rxStalled; }
  /// \brief Bytes received since start() (wraps at 2^32).
  std::uint32_t rxBytes() const { return m_rxHead; }
  /// \brief Times the RX ring was full.
  std::uint32_t rxStalls() const { return m_rxStalls; }
  /// \brief Overrun, framing and noise errors seen by the receive interrupt.
  std::uint32_t errors() const { return m_errors; }

private:
  static void barrier() { __asm__ volatile("" ::: "memory"); }

  // Queued bytes into DR while TXE says there is room: one or two on the chip, all of them
  // under QEMU (TXE stays set). Called with the USART's interrupt unable to preempt.
  void sendWhileReady() {
    using namespace f446;
    for (std::uint32_t n = 0; n < TxBytes && (reg(m_base + kUsartSr) & kUsartSrTxe) != 0; ++n) {
      const std::uint32_t tail = m_txTail;
      if (tail == m_txHead) break;
      reg(m_base + kUsartDr) = m_tx[tail & (TxBytes - 1u)];
      m_txTail = tail + 1u;
    }
  }

  std::uintptr_t m_base = 0;
  std::uint32_t m_irq = 0;
  std::uint8_t m_priority = 0;
  std::uint8_t m_rx[RxBytes > 0 ? RxBytes : 1] = {};
  std::uint8_t m_tx[TxBytes] = {};
  volatile std::uint32_t m_rxHead = 0;  // written by the ISR only (free-running)
  volatile std::uint32_t m_rxTail = 0;  // written by read() only
  volatile std::uint32_t m_txHead = 0;  // written by write() only
  volatile std::uint32_t m_txTail = 0;  // written by the ISR only
  volatile bool m_rxStalled = false;
  volatile std::uint32_t m_rxStalls = 0;
  volatile std::uint32_t m_errors = 0;
};

/// \brief The studio link: USART2 (PA2/PA3, the ST-LINK virtual COM port).
using LinkUart = Uart<2048, 1024>;
/// \brief The log console: USART1 TX (PA9).
using ConsoleUart = Uart<0, 512>;

/// \brief The board's two USARTs (their interrupt handlers live in board.cpp).
LinkUart& linkUart();
ConsoleUart& consoleUart();

} // namespace dlm::boards
