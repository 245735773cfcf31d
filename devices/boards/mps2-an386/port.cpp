// BoardPort of the MPS2+ AN386 (emulated Cortex-M4F); see port.h.
#include "port.h"

#include <cstring>

#include "board.h"
#include "devices/firmware/console_line.h"

namespace dlm::boards {

namespace {

// ---- Registers ----
// CMSDK APB UART0 (studio link) and UART1 (log).
constexpr std::uintptr_t kUart0 = 0x40004000u;
constexpr std::uintptr_t kUart1 = 0x40005000u;
constexpr std::uintptr_t kUartData = 0x00u;
constexpr std::uintptr_t kUartState = 0x04u;
constexpr std::uintptr_t kUartCtrl = 0x08u;
constexpr std::uintptr_t kUartIntStatus = 0x0Cu;  // write 1s: INTCLEAR
constexpr std::uintptr_t kUartBaudDiv = 0x10u;
constexpr std::uint32_t kUartStateTxFull = 0x1u;
constexpr std::uint32_t kUartStateRxFull = 0x2u;
constexpr std::uint32_t kUartCtrlTxEn = 0x1u;
constexpr std::uint32_t kUartCtrlRxEn = 0x2u;
constexpr std::uint32_t kUartCtrlRxIntEn = 0x8u;
constexpr std::uint32_t kUartIntRx = 0x2u;

// CMSDK APB timer1: the 1 kHz wake-up tick of idle().
constexpr std::uintptr_t kTimer1 = 0x40001000u;
constexpr std::uintptr_t kTimerCtrl = 0x00u;
constexpr std::uintptr_t kTimerValue = 0x04u;
constexpr std::uintptr_t kTimerReload = 0x08u;
constexpr std::uintptr_t kTimerIntClear = 0x0Cu;
constexpr std::uint32_t kTimerCtrlEnable = 0x1u;
constexpr std::uint32_t kTimerCtrlIntEnable = 0x8u;

// NVIC (external interrupts 0..31).
constexpr std::uintptr_t kNvicIser0 = 0xE000E100u;
constexpr std::uintptr_t kNvicIcer0 = 0xE000E180u;
constexpr std::uintptr_t kNvicIspr0 = 0xE000E200u;
constexpr std::uint32_t kIrqUart0Rx = 0;
constexpr std::uint32_t kIrqTimer1 = 9;

inline volatile std::uint32_t& reg(std::uintptr_t address) {
  return *reinterpret_cast<volatile std::uint32_t*>(address);
}

constexpr std::uint32_t kTicksPerMicro = BOARD_PCLK_HZ / 1000000u;  // 25
static_assert(BOARD_PCLK_HZ % 1000000u == 0, "timer clock must be a whole number of MHz");

// ---- UART0 receive ring: the ISR produces, readSerial() consumes ----
static_assert((Mps2An386Port::kRxRingBytes & (Mps2An386Port::kRxRingBytes - 1)) == 0,
              "the RX ring size must be a power of two");
std::uint8_t s_rxRing[Mps2An386Port::kRxRingBytes];
volatile std::uint32_t s_rxHead = 0;  // written by the ISR only (free-running)
volatile std::uint32_t s_rxTail = 0;  // written by readSerial() only (free-running)
volatile bool s_rxStalled = false;    // ring full: IRQ masked, the byte waits in the UART
volatile std::uint32_t s_rxStalls = 0;

// ---- Model storage: emulated NOR flash, two slots ----
// The `.modelstore` output section (NOLOAD) in the MODELSTORE memory region (mps2_an386.ld):
// not RAM, never touched by Reset_Handler. The input section has a .bss. name so that GCC
// makes it NOBITS (no 288 KiB of zeros in the object); the linker script places it before
// .bss takes .bss.*. QEMU zero-fills it when it loads the image (and at a system reset).
[[gnu::section(".bss.dlm_modelstore")]] alignas(8) std::uint8_t
    s_modelStore[2][Mps2An386Port::kSlotBytes];

// ---- Stack painting (stackPeakBytes) ----
constexpr std::uint32_t kStackPaint = 0x5AC5A5C5u;

inline void compilerBarrier() { __asm__ volatile("" ::: "memory"); }

} // namespace

} // namespace dlm::boards

// Linker-script symbols.
extern "C" {
extern char __stack_limit[];
extern char _estack[];
void UART0RX_IRQHandler(void);
void TIMER1_IRQHandler(void);
}

// UART0 receive interrupt: move every byte the UART holds into the ring. The interrupt
// status is cleared before each look at RXFULL, so a byte arriving at any point either is
// read in this loop or raises the interrupt again. When the ring is full the byte stays in
// the UART (QEMU then stops reading the host's pty: lossless flow control) and the IRQ is
// masked until readSerial() makes room.
extern "C" void UART0RX_IRQHandler(void) {
  using namespace dlm::boards;
  for (;;) {
    reg(kUart0 + kUartIntStatus) = kUartIntRx;
    if ((reg(kUart0 + kUartState) & kUartStateRxFull) == 0) break;
    const std::uint32_t head = s_rxHead;
    if (head - s_rxTail >= Mps2An386Port::kRxRingBytes) {
      reg(kNvicIcer0) = 1u << kIrqUart0Rx;
      s_rxStalled = true;
      s_rxStalls = s_rxStalls + 1u;
      break;
    }
    s_rxRing[head & (Mps2An386Port::kRxRingBytes - 1u)] =
        static_cast<std::uint8_t>(reg(kUart0 + kUartData) & 0xFFu);
    compilerBarrier();
    s_rxHead = head + 1u;
  }
}

// The 1 kHz tick only wakes idle() up.
extern "C" void TIMER1_IRQHandler(void) {
  using namespace dlm::boards;
  reg(kTimer1 + kTimerIntClear) = 1u;
}

namespace dlm::boards {

void Mps2An386Port::init(const firmware::MotionConfig& motion) {
  // Paint the unused main stack (from its limit to just below this frame) for stackPeakBytes().
  {
    char here = 0;
    auto* word = reinterpret_cast<std::uint32_t*>(static_cast<void*>(__stack_limit));
    const auto* end = reinterpret_cast<const std::uint32_t*>(
        reinterpret_cast<std::uintptr_t>(&here) - 256u);
    while (word < end) *word++ = kStackPaint;
  }

  // UART1: the log console (TX only).
  reg(kUart1 + kUartCtrl) = 0;
  reg(kUart1 + kUartBaudDiv) = BOARD_PCLK_HZ / 115200u;
  reg(kUart1 + kUartCtrl) = kUartCtrlTxEn;

  // UART0: boardInit() enabled TX and RX; add the receive interrupt.
  s_rxHead = 0;
  s_rxTail = 0;
  s_rxStalled = false;
  reg(kUart0 + kUartIntStatus) = 0xFu;
  reg(kUart0 + kUartCtrl) = kUartCtrlTxEn | kUartCtrlRxEn | kUartCtrlRxIntEn;

  // Timer1: periodic 1 kHz interrupt.
  reg(kTimer1 + kTimerCtrl) = 0;
  reg(kTimer1 + kTimerReload) = BOARD_PCLK_HZ / 1000u - 1u;
  reg(kTimer1 + kTimerValue) = BOARD_PCLK_HZ / 1000u - 1u;
  reg(kTimer1 + kTimerIntClear) = 1u;
  reg(kTimer1 + kTimerCtrl) = kTimerCtrlEnable | kTimerCtrlIntEnable;

  reg(kNvicIser0) = (1u << kIrqUart0Rx) | (1u << kIrqTimer1);
  // boardInit() enabled the receiver without its interrupt: a byte that arrived since then
  // sits in the UART with no interrupt status, and QEMU delivers nothing more until it is
  // read. Run the ISR once to take it (it reads whatever RXFULL says, interrupt or not).
  reg(kNvicIspr0) = 1u << kIrqUart0Rx;
  __asm__ volatile("cpsie i" ::: "memory");

  m_lastTicks = boardTimerTicks();
  m_tickRemainder = 0;
  m_micros = 0;
  m_motion.start(motion, micros());
}

firmware::BoardDescription Mps2An386Port::description() const {
  firmware::BoardDescription d;
  d.name = kBoardName;
  d.firmwareVersion = kFirmwareVersion;
  d.sampleRateHz = kSampleRateHz;
  d.channels = kChannels;
  return d;
}

std::size_t Mps2An386Port::readSerial(std::uint8_t* out, std::size_t capacity) {
  const std::uint32_t tail = s_rxTail;
  std::uint32_t available = s_rxHead - tail;
  if (available > capacity) available = static_cast<std::uint32_t>(capacity);
  compilerBarrier();  // the ISR wrote the bytes before it moved the head
  for (std::uint32_t i = 0; i < available; ++i) {
    out[i] = s_rxRing[(tail + i) & (kRxRingBytes - 1u)];
  }
  compilerBarrier();
  s_rxTail = tail + available;
  if (s_rxStalled && available > 0) {
    // Room again: run the ISR for the byte waiting in the UART (its interrupt status was
    // cleared when the ring was found full).
    s_rxStalled = false;
    reg(kNvicIspr0) = 1u << kIrqUart0Rx;
    reg(kNvicIser0) = 1u << kIrqUart0Rx;
  }
  return available;
}

std::size_t Mps2An386Port::writeSerial(const std::uint8_t* data, std::size_t length) {
  std::size_t n = 0;
  while (n < length && (reg(kUart0 + kUartState) & kUartStateTxFull) == 0) {
    reg(kUart0 + kUartData) = data[n++];
  }
  return n;
}

std::uint32_t Mps2An386Port::micros() {
  const std::uint32_t now = boardTimerTicks();
  const std::uint32_t delta = now - m_lastTicks;  // exact across the 2^32-tick wrap (172 s)
  m_lastTicks = now;
  m_micros += delta / kTicksPerMicro;
  std::uint32_t remainder = m_tickRemainder + delta % kTicksPerMicro;
  if (remainder >= kTicksPerMicro) {
    remainder -= kTicksPerMicro;
    ++m_micros;
  }
  m_tickRemainder = remainder;
  return m_micros;
}

std::uint32_t Mps2An386Port::pullSamples(std::int16_t* out, std::uint32_t maxFrames) {
  return m_motion.pull(micros(), out, maxFrames);
}

firmware::GestureRequest Mps2An386Port::performGesture(std::uint8_t id) {
  return m_motion.performGesture(id);
}

firmware::GestureRequest Mps2An386Port::setSpontaneousGestures(float ratePerMinute) {
  return m_motion.setSpontaneousGestures(ratePerMinute);
}

std::uint8_t Mps2An386Port::requestedGesture(std::uint32_t framesAgo, std::uint32_t frames) const {
  return m_motion.requestedGesture(framesAgo, frames);
}

std::uint32_t Mps2An386Port::storageCapacity() const { return kSlotBytes; }

bool Mps2An386Port::storageErase(std::uint8_t slot) {
  if (slot > 1) return false;
  std::memset(s_modelStore[slot], 0xFF, kSlotBytes);
  return true;
}

// NOR flash semantics: a write can only clear bits. Writing over bytes that were not erased
// fails (and leaves the AND of old and new), which catches an app that writes twice.
bool Mps2An386Port::storageWrite(std::uint8_t slot, std::uint32_t offset,
                                 const std::uint8_t* data, std::uint32_t length) {
  if (slot > 1 || data == nullptr || offset > kSlotBytes || length > kSlotBytes - offset)
    return false;
  std::uint8_t* dst = s_modelStore[slot] + offset;
  bool ok = true;
  for (std::uint32_t i = 0; i < length; ++i) {
    const std::uint8_t v = static_cast<std::uint8_t>(dst[i] & data[i]);
    dst[i] = v;
    ok = ok && v == data[i];
  }
  return ok;
}

const std::uint8_t* Mps2An386Port::storageData(std::uint8_t slot) const {
  return slot <= 1 ? s_modelStore[slot] : nullptr;
}

std::uint8_t* Mps2An386Port::storageRam(std::uint8_t slot) {
  return slot <= 1 ? s_modelStore[slot] : nullptr;
}

void Mps2An386Port::logLine(const char* text) {
  // Bounded wait per byte: the log must never stall the firmware (QEMU's UART1 without a
  // backend, or with a file, takes every byte at once).
  auto put = [](char c) {
    for (int spin = 0; spin < 1000; ++spin) {
      if ((reg(kUart1 + kUartState) & kUartStateTxFull) == 0) {
        reg(kUart1 + kUartData) = static_cast<std::uint8_t>(c);
        return;
      }
    }
  };
  while (*text != '\0') put(*text++);
  put('\n');
}

void Mps2An386Port::log(std::uint8_t level, const char* text) {
  firmware::ConsoleLine<160> line;
  logLine(line.text(firmware::logLevelPrefix(level)).text(text).str());
}

void Mps2An386Port::idle() {
  // Interrupts masked between the check and WFI: an interrupt that arrives in between still
  // ends the WFI (it is pending), so no byte waits for the next tick.
  __asm__ volatile("cpsid i" ::: "memory");
  if (s_rxHead == s_rxTail && !s_rxStalled) {
    if ((reg(kUart0 + kUartState) & kUartStateRxFull) != 0) {
      // A byte with no interrupt pending (should not happen once init() ran): never let it
      // block the link; the ISR takes it as soon as interrupts are unmasked.
      reg(kNvicIspr0) = 1u << kIrqUart0Rx;
    } else {
      __asm__ volatile("wfi" ::: "memory");
    }
  }
  __asm__ volatile("cpsie i" ::: "memory");
}

std::uint32_t Mps2An386Port::rxStalls() const { return s_rxStalls; }

std::uint32_t Mps2An386Port::rxBytes() const { return s_rxHead; }

std::uint32_t Mps2An386Port::stackPeakBytes() {
  const auto* word = reinterpret_cast<const std::uint32_t*>(static_cast<void*>(__stack_limit));
  const auto* top = reinterpret_cast<const std::uint32_t*>(static_cast<void*>(_estack));
  while (word < top && *word == kStackPaint) ++word;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(top) -
                                    reinterpret_cast<std::uintptr_t>(word));
}

} // namespace dlm::boards
