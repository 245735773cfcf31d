// Startup of the Nucleo-F446RE (STM32F446RE): vector table, Reset_Handler, fault report.
//
// Reset_Handler enables the FPU before any compiled code runs (GCC may use FP registers
// anywhere), copies .data, zeroes .bss, runs the static constructors and calls main(). An
// unexpected exception writes its name, the faulting pc and the fault status registers on the
// log console (USART1), then resets the chip (under QEMU: stops in a sleep loop).
#include <cstdint>

#include "board.h"
#include "stm32f446.h"

extern "C" {
extern std::uint32_t _estack[];
extern std::uint32_t __data_load[];
extern std::uint32_t __data_start[];
extern std::uint32_t __data_end[];
extern std::uint32_t __bss_start[];
extern std::uint32_t __bss_end[];
extern char __stack_limit[];
void __libc_init_array(void);

[[noreturn]] void Reset_Handler(void) __attribute__((naked, used));
void Default_Handler(void) __attribute__((naked));
[[noreturn]] void resetContinue(void) __attribute__((used));
[[noreturn]] void reportFault(const std::uint32_t* frame) __attribute__((used));

#define DLM_WEAK_DEFAULT __attribute__((weak, nothrow, alias("Default_Handler")))
void NMI_Handler(void) DLM_WEAK_DEFAULT;
void HardFault_Handler(void) DLM_WEAK_DEFAULT;
void MemManage_Handler(void) DLM_WEAK_DEFAULT;
void BusFault_Handler(void) DLM_WEAK_DEFAULT;
void UsageFault_Handler(void) DLM_WEAK_DEFAULT;
void SVC_Handler(void) DLM_WEAK_DEFAULT;
void DebugMon_Handler(void) DLM_WEAK_DEFAULT;
void PendSV_Handler(void) DLM_WEAK_DEFAULT;
void SysTick_Handler(void) DLM_WEAK_DEFAULT;
void ADC_IRQHandler(void) DLM_WEAK_DEFAULT;
void USART1_IRQHandler(void) DLM_WEAK_DEFAULT;
void USART2_IRQHandler(void) DLM_WEAK_DEFAULT;
void DMA2_Stream0_IRQHandler(void) DLM_WEAK_DEFAULT;
#undef DLM_WEAK_DEFAULT
}

void Reset_Handler(void) {
  __asm__ volatile(
      "ldr r0, =0xE000ED88\n\t"       // SCB->CPACR
      "ldr r1, [r0]\n\t"
      "orr r1, r1, #(0xF << 20)\n\t"  // CP10, CP11: full access
      "str r1, [r0]\n\t"
      "dsb\n\t"
      "isb\n\t"
      "ldr r0, =_estack\n\t"          // a boot loader may have left another stack pointer
      "msr msp, r0\n\t"
      "b resetContinue\n\t"
      ".ltorg\n\t");
}

void resetContinue(void) {
  using namespace dlm::boards::f446;
  const std::uint32_t* src = __data_load;
  for (std::uint32_t* dst = __data_start; dst < __data_end;) *dst++ = *src++;
  for (std::uint32_t* dst = __bss_start; dst < __bss_end;) *dst++ = 0;
  reg(kScbVtor) = 0x08000000u;
  reg(kScbCcr) |= 1u << 4;                                    // trap divide by zero
  reg(kScbShcsr) |= (1u << 16) | (1u << 17) | (1u << 18);     // MemManage, BusFault, UsageFault
  __libc_init_array();
  // Through the assembler: ISO C++ forbids calling main() (-Wpedantic); its value is unused.
  __asm__ volatile("bl main" ::: "r0", "r1", "r2", "r3", "r12", "lr", "memory", "cc");
  dlm::boards::NucleoBoard::halt();
}

namespace {

void appendHex(char* line, std::size_t& n, const char* name, std::uint32_t v) {
  static const char digits[] = "0123456789abcdef";
  for (; *name != '\0'; ++name) line[n++] = *name;
  line[n++] = '0';
  line[n++] = 'x';
  for (int shift = 28; shift >= 0; shift -= 4) line[n++] = digits[(v >> shift) & 0xFu];
}

} // namespace

// Called with the stacked exception frame (r0-r3, r12, lr, pc, xpsr), on a fresh stack.
void reportFault(const std::uint32_t* frame) {
  using namespace dlm::boards::f446;
  static const char* const names[] = {"thread", "reset", "NMI", "HardFault", "MemManage",
                                      "BusFault", "UsageFault"};
  const std::uint32_t active = reg(kScbIcsr) & 0x1FFu;
  char line[200];
  std::size_t n = 0;
  for (const char* p = "nucleo-f446re: *** FAULT: "; *p != '\0'; ++p) line[n++] = *p;
  const char* name = active < 7 ? names[active] : "exception";
  for (; *name != '\0'; ++name) line[n++] = *name;
  const auto sp = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(frame));
  // The frame may lie below RAM after a stack overflow: read it only when it is in RAM.
  const bool frameInRam = sp >= 0x20000000u + 32u;
  appendHex(line, n, " pc=", frameInRam ? frame[6] : 0u);
  appendHex(line, n, " lr=", frameInRam ? frame[5] : 0u);
  appendHex(line, n, " cfsr=", reg(kScbCfsr));
  appendHex(line, n, " mmfar=", reg(kScbMmfar));
  appendHex(line, n, " bfar=", reg(kScbBfar));
  appendHex(line, n, " sp=", sp);
  line[n] = '\0';
  dlm::boards::NucleoBoard::logLinePolled(line);
  if (sp < reinterpret_cast<std::uintptr_t>(__stack_limit) + 128u)
    dlm::boards::NucleoBoard::logLinePolled("nucleo-f446re: (main stack overflow)");
  dlm::boards::NucleoBoard::halt();
}

// Every unexpected exception: take the stacked frame (MSP or PSP), move the main stack
// pointer back to the top of the stack (the fault may be an overflow) and report.
void Default_Handler(void) {
  __asm__ volatile(
      "tst lr, #4\n\t"
      "ite eq\n\t"
      "mrseq r0, msp\n\t"
      "mrsne r0, psp\n\t"
      "ldr r1, =_estack\n\t"
      "msr msp, r1\n\t"
      "isb\n\t"
      "b reportFault\n\t"
      ".ltorg\n\t");
}

namespace {

using Vector = void (*)(void);
constexpr std::uint32_t kVectors = 16 + dlm::boards::f446::kIrqCount;

struct VectorTable {
  const void* stack;
  Vector handlers[kVectors - 1];
};

constexpr VectorTable makeVectors() {
  VectorTable t{_estack, {}};
  for (Vector& v : t.handlers) v = Default_Handler;
  t.handlers[0] = Reset_Handler;
  t.handlers[1] = NMI_Handler;
  t.handlers[2] = HardFault_Handler;
  t.handlers[3] = MemManage_Handler;
  t.handlers[4] = BusFault_Handler;
  t.handlers[5] = UsageFault_Handler;
  for (std::uint32_t i = 6; i < 10; ++i) t.handlers[i] = nullptr;  // reserved
  t.handlers[10] = SVC_Handler;
  t.handlers[11] = DebugMon_Handler;
  t.handlers[12] = nullptr;
  t.handlers[13] = PendSV_Handler;
  t.handlers[14] = SysTick_Handler;
  using namespace dlm::boards::f446;
  t.handlers[15 + kIrqAdc] = ADC_IRQHandler;
  t.handlers[15 + kIrqUsart1] = USART1_IRQHandler;
  t.handlers[15 + kIrqUsart2] = USART2_IRQHandler;
  t.handlers[15 + kIrqDma2Stream0] = DMA2_Stream0_IRQHandler;
  return t;
}

} // namespace

__attribute__((section(".isr_vector"), used)) constexpr VectorTable g_vectors = makeVectors();
