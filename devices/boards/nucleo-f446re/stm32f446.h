#pragma once

// The few STM32F446 registers this port uses, written from RM0390 (the reference manual)
// because Debian ships no vendor headers. Addresses are absolute; bits are named after the
// manual. Only what the port touches is here.

#include <cstdint>

namespace dlm::boards::f446 {

/// \brief A 32-bit memory-mapped register at \p address.
inline volatile std::uint32_t& reg(std::uintptr_t address) {
  return *reinterpret_cast<volatile std::uint32_t*>(address);
}

/// \brief Read \p address and drop the value: the read completes an earlier write to the
/// bus (e.g. a clock enable) before the next access to the peripheral it enables.
inline void readBack(std::uintptr_t address) {
  const std::uint32_t value = reg(address);
  static_cast<void>(value);
}

// ---- RCC (reset and clock control) ----
constexpr std::uintptr_t kRcc = 0x40023800u;
constexpr std::uintptr_t kRccCr = kRcc + 0x00u;
constexpr std::uintptr_t kRccPllCfgr = kRcc + 0x04u;
constexpr std::uintptr_t kRccCfgr = kRcc + 0x08u;
constexpr std::uintptr_t kRccAhb1Enr = kRcc + 0x30u;
constexpr std::uintptr_t kRccApb1Enr = kRcc + 0x40u;
constexpr std::uintptr_t kRccApb2Enr = kRcc + 0x44u;
constexpr std::uint32_t kRccCrHsiOn = 1u << 0;
constexpr std::uint32_t kRccCrHsiRdy = 1u << 1;
constexpr std::uint32_t kRccCrPllOn = 1u << 24;
constexpr std::uint32_t kRccCrPllRdy = 1u << 25;
constexpr std::uint32_t kRccCfgrSwMask = 0x3u;
constexpr std::uint32_t kRccCfgrSwPll = 0x2u;
constexpr std::uint32_t kRccCfgrSwsMask = 0x3u << 2;
constexpr std::uint32_t kRccCfgrSwsPll = 0x2u << 2;
constexpr std::uint32_t kRccCfgrPpre1Div4 = 0x5u << 10;
constexpr std::uint32_t kRccCfgrPpre2Div2 = 0x4u << 13;
constexpr std::uint32_t kRccAhb1GpioA = 1u << 0;
constexpr std::uint32_t kRccAhb1Dma2 = 1u << 22;
constexpr std::uint32_t kRccApb1Tim3 = 1u << 1;
constexpr std::uint32_t kRccApb1Tim5 = 1u << 3;
constexpr std::uint32_t kRccApb1Usart2 = 1u << 17;
constexpr std::uint32_t kRccApb1Pwr = 1u << 28;
constexpr std::uint32_t kRccApb2Usart1 = 1u << 4;
constexpr std::uint32_t kRccApb2Adc1 = 1u << 8;

// ---- PWR (voltage scaling, over-drive for 180 MHz) ----
constexpr std::uintptr_t kPwrCr = 0x40007000u;
constexpr std::uintptr_t kPwrCsr = 0x40007004u;
constexpr std::uint32_t kPwrCrVosScale1 = 0x3u << 14;
constexpr std::uint32_t kPwrCrOdEn = 1u << 16;
constexpr std::uint32_t kPwrCrOdSwEn = 1u << 17;
constexpr std::uint32_t kPwrCsrOdRdy = 1u << 16;
constexpr std::uint32_t kPwrCsrOdSwRdy = 1u << 17;

// ---- FLASH interface ----
constexpr std::uintptr_t kFlashAcr = 0x40023C00u;
constexpr std::uintptr_t kFlashKeyr = 0x40023C04u;
constexpr std::uintptr_t kFlashSr = 0x40023C0Cu;
constexpr std::uintptr_t kFlashCr = 0x40023C10u;
constexpr std::uint32_t kFlashAcrLatencyMask = 0xFu;
constexpr std::uint32_t kFlashAcrPrften = 1u << 8;
constexpr std::uint32_t kFlashAcrIcen = 1u << 9;
constexpr std::uint32_t kFlashAcrDcen = 1u << 10;
constexpr std::uint32_t kFlashAcrIcrst = 1u << 11;
constexpr std::uint32_t kFlashAcrDcrst = 1u << 12;
constexpr std::uint32_t kFlashKey1 = 0x45670123u;
constexpr std::uint32_t kFlashKey2 = 0xCDEF89ABu;
constexpr std::uint32_t kFlashSrEop = 1u << 0;
constexpr std::uint32_t kFlashSrOperr = 1u << 1;
constexpr std::uint32_t kFlashSrWrperr = 1u << 4;
constexpr std::uint32_t kFlashSrPgaerr = 1u << 5;
constexpr std::uint32_t kFlashSrPgperr = 1u << 6;
constexpr std::uint32_t kFlashSrPgserr = 1u << 7;
constexpr std::uint32_t kFlashSrRderr = 1u << 8;
constexpr std::uint32_t kFlashSrBsy = 1u << 16;
constexpr std::uint32_t kFlashSrErrors = kFlashSrOperr | kFlashSrWrperr | kFlashSrPgaerr |
                                         kFlashSrPgperr | kFlashSrPgserr | kFlashSrRderr;
constexpr std::uint32_t kFlashCrPg = 1u << 0;
constexpr std::uint32_t kFlashCrSer = 1u << 1;
constexpr std::uint32_t kFlashCrSnbShift = 3;
constexpr std::uint32_t kFlashCrPsizeX8 = 0x0u << 8;
constexpr std::uint32_t kFlashCrPsizeX32 = 0x2u << 8;
constexpr std::uint32_t kFlashCrStrt = 1u << 16;
constexpr std::uint32_t kFlashCrLock = 1u << 31;

// ---- GPIOA ----
constexpr std::uintptr_t kGpioA = 0x40020000u;
constexpr std::uintptr_t kGpioModer = 0x00u;
constexpr std::uintptr_t kGpioOspeedr = 0x08u;
constexpr std::uintptr_t kGpioPupdr = 0x0Cu;
constexpr std::uintptr_t kGpioAfrl = 0x20u;
constexpr std::uintptr_t kGpioAfrh = 0x24u;
constexpr std::uint32_t kGpioModeAf = 0x2u;
constexpr std::uint32_t kGpioModeAnalog = 0x3u;

// ---- USART1 (log console) and USART2 (ST-LINK virtual COM port: the studio link) ----
constexpr std::uintptr_t kUsart1 = 0x40011000u;
constexpr std::uintptr_t kUsart2 = 0x40004400u;
constexpr std::uintptr_t kUsartSr = 0x00u;
constexpr std::uintptr_t kUsartDr = 0x04u;
constexpr std::uintptr_t kUsartBrr = 0x08u;
constexpr std::uintptr_t kUsartCr1 = 0x0Cu;
constexpr std::uintptr_t kUsartCr2 = 0x10u;
constexpr std::uintptr_t kUsartCr3 = 0x14u;
constexpr std::uint32_t kUsartSrFe = 1u << 1;
constexpr std::uint32_t kUsartSrNf = 1u << 2;
constexpr std::uint32_t kUsartSrOre = 1u << 3;
constexpr std::uint32_t kUsartSrRxne = 1u << 5;
constexpr std::uint32_t kUsartSrTxe = 1u << 7;
constexpr std::uint32_t kUsartCr1Re = 1u << 2;
constexpr std::uint32_t kUsartCr1Te = 1u << 3;
constexpr std::uint32_t kUsartCr1Rxneie = 1u << 5;
constexpr std::uint32_t kUsartCr1Txeie = 1u << 7;
constexpr std::uint32_t kUsartCr1Ue = 1u << 13;

// ---- TIM3 (1 kHz ADC trigger) and TIM5 (32-bit microsecond clock); both on APB1 ----
constexpr std::uintptr_t kTim3 = 0x40000400u;
constexpr std::uintptr_t kTim5 = 0x40000C00u;
constexpr std::uintptr_t kTimCr1 = 0x00u;
constexpr std::uintptr_t kTimCr2 = 0x04u;
constexpr std::uintptr_t kTimEgr = 0x14u;
constexpr std::uintptr_t kTimCnt = 0x24u;
constexpr std::uintptr_t kTimPsc = 0x28u;
constexpr std::uintptr_t kTimArr = 0x2Cu;
constexpr std::uint32_t kTimCr1Cen = 1u << 0;
constexpr std::uint32_t kTimCr2MmsUpdate = 0x2u << 4;
constexpr std::uint32_t kTimEgrUg = 1u << 0;

// ---- ADC1 and the ADC common block ----
constexpr std::uintptr_t kAdc1 = 0x40012000u;
constexpr std::uintptr_t kAdcSr = 0x00u;
constexpr std::uintptr_t kAdcCr1 = 0x04u;
constexpr std::uintptr_t kAdcCr2 = 0x08u;
constexpr std::uintptr_t kAdcSmpr2 = 0x10u;
constexpr std::uintptr_t kAdcSqr1 = 0x2Cu;
constexpr std::uintptr_t kAdcSqr3 = 0x34u;
constexpr std::uintptr_t kAdcDr = 0x4Cu;
constexpr std::uintptr_t kAdcCcr = 0x40012304u;
constexpr std::uint32_t kAdcSrOvr = 1u << 5;
constexpr std::uint32_t kAdcCr1Scan = 1u << 8;
constexpr std::uint32_t kAdcCr1Ovrie = 1u << 26;
constexpr std::uint32_t kAdcCr2Adon = 1u << 0;
constexpr std::uint32_t kAdcCr2Dma = 1u << 8;
constexpr std::uint32_t kAdcCr2Dds = 1u << 9;
constexpr std::uint32_t kAdcCr2ExtselTim3Trgo = 0x8u << 24;
constexpr std::uint32_t kAdcCr2ExtenRising = 0x1u << 28;
constexpr std::uint32_t kAdcCcrAdcpreDiv4 = 0x1u << 16;

// ---- DMA2 stream 0 (channel 0 = ADC1) ----
constexpr std::uintptr_t kDma2 = 0x40026400u;
constexpr std::uintptr_t kDmaLisr = kDma2 + 0x00u;
constexpr std::uintptr_t kDmaLifcr = kDma2 + 0x08u;
constexpr std::uintptr_t kDmaS0Cr = kDma2 + 0x10u;
constexpr std::uintptr_t kDmaS0Ndtr = kDma2 + 0x14u;
constexpr std::uintptr_t kDmaS0Par = kDma2 + 0x18u;
constexpr std::uintptr_t kDmaS0M0ar = kDma2 + 0x1Cu;
constexpr std::uint32_t kDmaS0Feif = 1u << 0;
constexpr std::uint32_t kDmaS0Dmeif = 1u << 2;
constexpr std::uint32_t kDmaS0Teif = 1u << 3;
constexpr std::uint32_t kDmaS0Htif = 1u << 4;
constexpr std::uint32_t kDmaS0Tcif = 1u << 5;
constexpr std::uint32_t kDmaS0AllFlags =
    kDmaS0Feif | kDmaS0Dmeif | kDmaS0Teif | kDmaS0Htif | kDmaS0Tcif;
constexpr std::uint32_t kDmaCrEn = 1u << 0;
constexpr std::uint32_t kDmaCrDmeie = 1u << 1;
constexpr std::uint32_t kDmaCrTeie = 1u << 2;
constexpr std::uint32_t kDmaCrTcie = 1u << 4;
constexpr std::uint32_t kDmaCrCirc = 1u << 8;
constexpr std::uint32_t kDmaCrMinc = 1u << 10;
constexpr std::uint32_t kDmaCrPsize16 = 0x1u << 11;
constexpr std::uint32_t kDmaCrMsize16 = 0x1u << 13;
constexpr std::uint32_t kDmaCrPlHigh = 0x2u << 16;

// ---- Cortex-M4 core: SysTick, NVIC, SCB, MPU ----
constexpr std::uintptr_t kSysTickCsr = 0xE000E010u;
constexpr std::uintptr_t kSysTickRvr = 0xE000E014u;
constexpr std::uintptr_t kSysTickCvr = 0xE000E018u;
constexpr std::uint32_t kSysTickEnable = 1u << 0;
constexpr std::uint32_t kSysTickTickInt = 1u << 1;
constexpr std::uint32_t kSysTickCoreClock = 1u << 2;
constexpr std::uintptr_t kNvicIser = 0xE000E100u;
constexpr std::uintptr_t kNvicIcer = 0xE000E180u;
constexpr std::uintptr_t kNvicIpr = 0xE000E400u;
constexpr std::uintptr_t kScbIcsr = 0xE000ED04u;
constexpr std::uintptr_t kScbVtor = 0xE000ED08u;
constexpr std::uintptr_t kScbAircr = 0xE000ED0Cu;
constexpr std::uintptr_t kScbCcr = 0xE000ED14u;
constexpr std::uintptr_t kScbShcsr = 0xE000ED24u;
constexpr std::uintptr_t kScbCfsr = 0xE000ED28u;
constexpr std::uintptr_t kScbMmfar = 0xE000ED34u;
constexpr std::uintptr_t kScbBfar = 0xE000ED38u;
constexpr std::uintptr_t kMpuCtrl = 0xE000ED94u;
constexpr std::uintptr_t kMpuRnr = 0xE000ED98u;
constexpr std::uintptr_t kMpuRbar = 0xE000ED9Cu;
constexpr std::uintptr_t kMpuRasr = 0xE000EDA0u;

// ---- Interrupt numbers (position in the vector table after the 16 core exceptions) ----
constexpr std::uint32_t kIrqAdc = 18;
constexpr std::uint32_t kIrqUsart1 = 37;
constexpr std::uint32_t kIrqUsart2 = 38;
constexpr std::uint32_t kIrqDma2Stream0 = 56;
/// \brief External interrupts of the STM32F446 (0 .. 96).
constexpr std::uint32_t kIrqCount = 97;

/// \brief Enable interrupt \p irq in the NVIC at priority \p priority (upper 4 bits used).
inline void nvicEnable(std::uint32_t irq, std::uint8_t priority) {
  *reinterpret_cast<volatile std::uint8_t*>(kNvicIpr + irq) = priority;
  reg(kNvicIser + 4u * (irq / 32u)) = 1u << (irq % 32u);
}

/// \brief Disable interrupt \p irq in the NVIC.
inline void nvicDisable(std::uint32_t irq) { reg(kNvicIcer + 4u * (irq / 32u)) = 1u << (irq % 32u); }

/// \brief Mask interrupts and return the previous PRIMASK (for restoreInterrupts()).
inline std::uint32_t maskInterrupts() {
  std::uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  return primask;
}

/// \brief Restore the PRIMASK maskInterrupts() returned.
inline void restoreInterrupts(std::uint32_t primask) {
  __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory");
}

} // namespace dlm::boards::f446
