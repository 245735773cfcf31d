// Bring-up of the Nucleo-F446RE; see board.h.
#include "board.h"

#include "stm32f446.h"
#include "uart.h"

// Linker-script symbols (nucleo_f446re.ld).
extern "C" {
extern char __stack_limit[];
extern char _estack[];
void SysTick_Handler(void);
void USART1_IRQHandler(void);
void USART2_IRQHandler(void);
}

namespace dlm::boards {

namespace {

using namespace f446;

bool s_emulated = false;
BoardClocks s_clocks;
BoardFaults s_faults;
volatile std::uint32_t s_ticks = 0;  // SysTick milliseconds
LinkUart s_link;
ConsoleUart s_console;

constexpr std::uint32_t kStackPaint = 0x5AC5A5C5u;
// Iterations of a register poll before SysTick runs (at most ~100 ms at 16 MHz): PLL lock
// takes about 100 us, over-drive and the clock switch a few microseconds (DS10693).
constexpr std::uint32_t kEarlySpins = 400000u;

// PLL from HSI (16 MHz): /M 8 -> 2 MHz (the manual's advice against jitter), *N 180 -> VCO
// 360 MHz, /P 2 -> 180 MHz. /Q 8 (45 MHz) feeds nothing here. PLLR keeps its reset value.
constexpr std::uint32_t kPllM = 8;
constexpr std::uint32_t kPllN = 180;
constexpr std::uint32_t kPllQ = 8;
constexpr std::uint32_t kPllFieldsMask = 0x3Fu | (0x1FFu << 6) | (0x3u << 16) | (1u << 22) | (0xFu << 24);
constexpr std::uint32_t kHclkPll = 180000000u;
// 180 MHz at 2.7-3.6 V needs 5 wait states (RM0390 table 5).
constexpr std::uint32_t kFlashLatency180 = 5;

bool waitSet(std::uintptr_t address, std::uint32_t mask, std::uint32_t value) {
  for (std::uint32_t spin = 0; spin < kEarlySpins; ++spin) {
    if ((reg(address) & mask) == value) return true;
  }
  return false;
}

bool detectEmulation() {
  if ((reg(kRccCr) & kRccCrHsiRdy) != 0) return false;  // the chip: HSI runs out of reset
  // RCC reads zero: QEMU's unimplemented-device stub, or a chip a boot loader moved off HSI.
  // A write to a clock-enable bit sticks on the chip and is ignored by the stub.
  reg(kRccAhb1Enr) |= kRccAhb1GpioA;
  return (reg(kRccAhb1Enr) & kRccAhb1GpioA) == 0;
}

// HSI -> PLL 180 MHz with over-drive. On any timeout the board stays on HSI (16 MHz, every
// bus undivided) and says so: slower, but every divider below follows s_clocks.
void startClocks() {
  reg(kRccApb1Enr) |= kRccApb1Pwr;
  readBack(kRccApb1Enr);  // the read completes the enable before PWR is used
  reg(kPwrCr) |= kPwrCrVosScale1;
  reg(kRccPllCfgr) = (reg(kRccPllCfgr) & ~kPllFieldsMask) | kPllM | (kPllN << 6) | (kPllQ << 24);
  reg(kRccCr) |= kRccCrPllOn;
  if (!waitSet(kRccCr, kRccCrPllRdy, kRccCrPllRdy)) {
    NucleoBoard::fault(s_faults.pllLock, "PLL did not lock; running from HSI 16 MHz");
    return;
  }
  reg(kPwrCr) |= kPwrCrOdEn;
  if (!waitSet(kPwrCsr, kPwrCsrOdRdy, kPwrCsrOdRdy)) {
    NucleoBoard::fault(s_faults.overDrive, "over-drive not ready; running from HSI 16 MHz");
    return;
  }
  reg(kPwrCr) |= kPwrCrOdSwEn;
  if (!waitSet(kPwrCsr, kPwrCsrOdSwRdy, kPwrCsrOdSwRdy)) {
    NucleoBoard::fault(s_faults.overDrive, "over-drive switch not ready; running from HSI 16 MHz");
    return;
  }
  // Wait states before the faster clock, and read back: the new value must be in effect.
  reg(kFlashAcr) = kFlashLatency180 | kFlashAcrPrften | kFlashAcrIcen | kFlashAcrDcen;
  if ((reg(kFlashAcr) & kFlashAcrLatencyMask) != kFlashLatency180) {
    NucleoBoard::fault(s_faults.clockSwitch, "flash latency not accepted; running from HSI 16 MHz");
    return;
  }
  // AHB /1 (180 MHz), APB1 /4 (45 MHz, timers 90 MHz), APB2 /2 (90 MHz).
  reg(kRccCfgr) = (reg(kRccCfgr) & ~(0xFFFFu << 4)) | kRccCfgrPpre1Div4 | kRccCfgrPpre2Div2;
  reg(kRccCfgr) = (reg(kRccCfgr) & ~kRccCfgrSwMask) | kRccCfgrSwPll;
  if (!waitSet(kRccCfgr, kRccCfgrSwsMask, kRccCfgrSwsPll)) {
    reg(kRccCfgr) &= ~(kRccCfgrSwMask | (0xFFFFu << 4));  // back to HSI, buses undivided
    NucleoBoard::fault(s_faults.clockSwitch, "switch to the PLL failed; running from HSI 16 MHz");
    return;
  }
  s_clocks.hclk = kHclkPll;
  s_clocks.pclk1 = kHclkPll / 4u;
  s_clocks.pclk2 = kHclkPll / 2u;
  s_clocks.apb1Timers = kHclkPll / 2u;  // APB1 prescaler > 1: timers run at twice PCLK1
  s_clocks.pll = true;
}

void setPinMode(std::uint32_t pin, std::uint32_t mode) {
  reg(kGpioA + kGpioModer) = (reg(kGpioA + kGpioModer) & ~(0x3u << (2u * pin))) | (mode << (2u * pin));
}

void setPinAf(std::uint32_t pin, std::uint32_t af) {
  const std::uintptr_t afr = pin < 8 ? kGpioAfrl : kGpioAfrh;
  const std::uint32_t shift = 4u * (pin % 8u);
  reg(kGpioA + afr) = (reg(kGpioA + afr) & ~(0xFu << shift)) | (af << shift);
  setPinMode(pin, kGpioModeAf);
}

// PA2/PA3: USART2 TX/RX (AF7, to the ST-LINK's virtual COM port); PA9: USART1 TX (AF7, the
// log console on Arduino D8); PA0, PA1, PA4: analog (Arduino A0-A2, ADC1 IN0, IN1, IN4).
// SWD (PA13/PA14) keeps its reset configuration. Under QEMU GPIO is not modelled: these
// writes go nowhere, and the USARTs work without them.
void setUpPins() {
  reg(kRccAhb1Enr) |= kRccAhb1GpioA;
  readBack(kRccAhb1Enr);
  setPinAf(2, 7);
  setPinAf(3, 7);
  setPinAf(9, 7);
  reg(kGpioA + kGpioOspeedr) |= 0x2u << 4;                                  // PA2 fast
  reg(kGpioA + kGpioPupdr) = (reg(kGpioA + kGpioPupdr) & ~(0x3u << 6)) | (0x1u << 6);  // PA3 pull-up
  setPinMode(0, kGpioModeAnalog);
  setPinMode(1, kGpioModeAnalog);
  setPinMode(4, kGpioModeAnalog);
}

void paintStack() {
  std::uintptr_t sp = 0;
  __asm__ volatile("mov %0, sp" : "=r"(sp));
  auto* word = reinterpret_cast<std::uint32_t*>(static_cast<void*>(__stack_limit));
  const std::uintptr_t end = sp - 64u;  // below this frame
  while (reinterpret_cast<std::uintptr_t>(word) < end) *word++ = kStackPaint;
}

} // namespace

LinkUart& linkUart() { return s_link; }
ConsoleUart& consoleUart() { return s_console; }

void NucleoBoard::init() {
  paintStack();
  s_emulated = detectEmulation();
  s_clocks = BoardClocks();
  if (s_emulated) {
    s_clocks.hclk = kEmulatedHclk;
    s_clocks.apb1Timers = kEmulatedTimerClock;
  } else {
    startClocks();
  }
  setUpPins();
  reg(kRccApb1Enr) |= kRccApb1Usart2 | kRccApb1Tim5 | kRccApb1Tim3;
  reg(kRccApb2Enr) |= kRccApb2Usart1 | kRccApb2Adc1;
  reg(kRccAhb1Enr) |= kRccAhb1Dma2;
  readBack(kRccAhb1Enr);
  // The link's interrupt outranks the rest (lower number): a byte lasts 10.8 us at 921600.
  s_console.start(kUsart1, s_clocks.pclk2, kConsoleBaud, kIrqUsart1, 0xC0);
  // SysTick: the 1 kHz tick that wakes sleep(). Not a clock: QEMU drops its periods when the
  // host is late (about 10-20% of them on a loaded machine), and a flash erase stalls its
  // interrupt on the chip.
  reg(kSysTickCsr) = 0;
  reg(kSysTickRvr) = s_clocks.hclk / 1000u - 1u;
  reg(kSysTickCvr) = 0;
  *reinterpret_cast<volatile std::uint8_t*>(0xE000ED23u) = 0x80;  // SHPR3: SysTick priority
  reg(kSysTickCsr) = kSysTickEnable | kSysTickTickInt | kSysTickCoreClock;
  // TIM5: 32-bit, 1 MHz, free running: micros() on the chip and under QEMU alike.
  {
    reg(kTim5 + kTimCr1) = 0;
    reg(kTim5 + kTimPsc) = s_clocks.apb1Timers / 1000000u - 1u;
    reg(kTim5 + kTimArr) = 0xFFFFFFFFu;
    reg(kTim5 + kTimEgr) = kTimEgrUg;  // load the prescaler now
    reg(kTim5 + kTimCr1) = kTimCr1Cen;
  }
  __asm__ volatile("cpsie i" ::: "memory");
}

void NucleoBoard::startLink(std::uint32_t baud) {
  s_link.start(kUsart2, s_clocks.pclk1, baud, kIrqUsart2, 0x00);
}

bool NucleoBoard::emulated() { return s_emulated; }
const BoardClocks& NucleoBoard::clocks() { return s_clocks; }
BoardFaults& NucleoBoard::faults() { return s_faults; }
std::uint32_t NucleoBoard::ticks() { return s_ticks; }

std::uint32_t NucleoBoard::micros() { return reg(kTim5 + kTimCnt); }

void NucleoBoard::fault(std::uint32_t& counter, const char* text) {
  ++counter;
  char line[120];
  std::size_t n = 0;
  for (const char* p = "nucleo-f446re: fault: "; *p != '\0'; ++p) line[n++] = *p;
  for (; text != nullptr && *text != '\0' && n + 1 < sizeof line; ++text) line[n++] = *text;
  line[n] = '\0';
  logLine(line);
}

void NucleoBoard::logLine(const char* text) {
  std::size_t length = 0;
  while (text[length] != '\0') ++length;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text);
  const std::size_t taken = s_console.write(bytes, length);
  const std::size_t newline = s_console.write(reinterpret_cast<const std::uint8_t*>("\r\n"), 2);
  s_faults.logDropped += static_cast<std::uint32_t>(length + 2u - taken - newline);
}

void NucleoBoard::logLinePolled(const char* text) {
  const std::uint32_t primask = maskInterrupts();
  s_console.writePolled(text);
  s_console.writePolled("\r\n");
  restoreInterrupts(primask);
}

std::uint32_t NucleoBoard::stackPeakBytes() {
  const auto* word = reinterpret_cast<const std::uint32_t*>(static_cast<void*>(__stack_limit));
  const auto* top = reinterpret_cast<const std::uint32_t*>(static_cast<void*>(_estack));
  while (word < top && *word == kStackPaint) ++word;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(top) -
                                    reinterpret_cast<std::uintptr_t>(word));
}

void NucleoBoard::sleep() {
  // Interrupts masked between the check and WFI: one arriving in between still ends the WFI.
  __asm__ volatile("cpsid i" ::: "memory");
  if (!s_link.rxPending()) __asm__ volatile("wfi" ::: "memory");
  __asm__ volatile("cpsie i" ::: "memory");
}

void NucleoBoard::halt() {
  if (!s_emulated) {
    // Let the report leave USART1 (~10 ms at 115200 Bd), then reset the chip.
    for (volatile std::uint32_t spin = 0; spin < 2000000u; spin = spin + 1u) {
    }
    reg(kScbAircr) = (0x5FAu << 16) | (1u << 2);  // VECTKEY | SYSRESETREQ
  }
  for (;;) __asm__ volatile("wfi");
}

} // namespace dlm::boards

extern "C" void SysTick_Handler(void) { dlm::boards::s_ticks = dlm::boards::s_ticks + 1u; }
extern "C" void USART1_IRQHandler(void) { dlm::boards::s_console.onInterrupt(); }
extern "C" void USART2_IRQHandler(void) { dlm::boards::s_link.onInterrupt(); }
