#pragma once

// Bring-up of the ST Nucleo-F446RE (STM32F446RE, Cortex-M4F): emulation detection, the clock
// tree, the pins, the microsecond clock, the 1 kHz wake-up tick, the log console and the
// fault counters every bounded hardware wait reports into. One board per image: static.

#include <cstdint>

namespace dlm::boards {

/// \brief Clock frequencies the port computes its dividers from (Hz).
struct BoardClocks {
  std::uint32_t hclk = 16000000;        ///< core, SysTick
  std::uint32_t pclk1 = 16000000;       ///< APB1: USART2
  std::uint32_t pclk2 = 16000000;       ///< APB2: USART1, ADC1
  std::uint32_t apb1Timers = 16000000;  ///< TIM3, TIM5
  bool pll = false;                     ///< running from the PLL at 180 MHz
};

/// \brief Times a bounded hardware wait ran out or a peripheral reported an error. Each one
/// also wrote a line on the log console; total() is in the board's periodic report.
struct BoardFaults {
  std::uint32_t pllLock = 0;      ///< PLLRDY never came: the board runs from HSI (16 MHz)
  std::uint32_t overDrive = 0;    ///< ODRDY/ODSWRDY never came: HSI too
  std::uint32_t clockSwitch = 0;  ///< SWS never showed the PLL: HSI too
  std::uint32_t flashBusy = 0;    ///< BSY still set after an erase/program deadline
  std::uint32_t flashError = 0;   ///< FLASH_SR error flags, unlock refused, or read-back mismatch
  std::uint32_t adcOverrun = 0;   ///< ADC OVR (the sampler restarts) or a sampler skip
  std::uint32_t dmaError = 0;     ///< DMA2 stream 0 transfer/direct-mode error
  std::uint32_t uartErrors = 0;   ///< USART2 overrun, framing or noise errors
  std::uint32_t logDropped = 0;   ///< console bytes dropped (its ring was full)

  /// \brief Sum of the hardware faults (logDropped excluded: not a fault of the board).
  std::uint32_t total() const {
    return pllLock + overDrive + clockSwitch + flashBusy + flashError + adcOverrun + dmaError +
           uartErrors;
  }
};

/// \brief The board: call init() first thing in main().
class NucleoBoard {
public:
  /// \brief Core clock QEMU's netduinoplus2 runs SysTick from (its fixed SYSCLK).
  static constexpr std::uint32_t kEmulatedHclk = 168000000u;
  /// \brief Input clock of QEMU 7.2's STM32 timers (its stm32f2xx_timer model: 1 GHz,
  /// whatever RCC says; measured against SysTick: TIM5 at prescaler 16 counts 62.5 M/s).
  static constexpr std::uint32_t kEmulatedTimerClock = 1000000000u;
  /// \brief Baud rate of the log console (USART1 TX on PA9, Arduino D8).
  static constexpr std::uint32_t kConsoleBaud = 115200u;

  /// \brief Detect emulation, set up the clock tree (hardware only), pins, SysTick (1 kHz),
  /// TIM5 (1 MHz) and the log console.
  static void init();
  /// \brief Start the studio link (USART2 at \p baud, 8N1, interrupt-driven both ways).
  static void startLink(std::uint32_t baud);
  /// \brief True under QEMU's netduinoplus2: RCC reads as zero and ignores writes there,
  /// whereas on the chip HSION/HSIRDY are set out of reset.
  static bool emulated();
  static const BoardClocks& clocks();
  static BoardFaults& faults();

  /// \brief Free-running microseconds (wraps at 2^32): TIM5 at 1 MHz, which keeps counting
  /// while a flash erase stalls the CPU, and which QEMU derives from its virtual clock.
  static std::uint32_t micros();
  /// \brief Milliseconds counted by the SysTick interrupt.
  static std::uint32_t ticks();

  /// \brief Count a fault in \p counter and log "nucleo-f446re: fault: <text>".
  static void fault(std::uint32_t& counter, const char* text);
  /// \brief A line on the log console (never blocks; dropped bytes are counted).
  static void logLine(const char* text);
  /// \brief Like logLine() but polled with interrupts masked, for the fault handler.
  static void logLinePolled(const char* text);

  /// \brief Deepest main-stack use so far, in bytes (the stack is painted by init()).
  static std::uint32_t stackPeakBytes();
  /// \brief Bytes handed out by _sbrk so far, and malloc/calloc/realloc calls (syscalls.cpp).
  static std::uint32_t heapUsed();
  static std::uint32_t mallocCount();

  /// \brief Sleep until the next interrupt (at most 1 ms: the SysTick tick).
  static void sleep();
  /// \brief Reset the chip (hardware) or stop in a sleep loop (emulation), never returns.
  [[noreturn]] static void halt();
};

} // namespace dlm::boards
