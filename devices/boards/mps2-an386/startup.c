/* Startup code for the MPS2+ AN386 (Cortex-M4F): vector table and Reset_Handler.
 *
 * Reset_Handler: enable the FPU (before anything that may touch an FP register), copy .data,
 * zero .bss, bring up the board (UART0, timer0), run the static constructors, call main, and
 * exit via semihosting with main's return value. An unexpected exception prints its name and
 * the faulting PC on UART0 and exits with status 3, so a test never hangs on a fault. */
#include "board.h"

#include <stdint.h>

extern uint32_t _estack[];
extern uint32_t __data_load[];
extern uint32_t __data_start[];
extern uint32_t __data_end[];
extern uint32_t __bss_start[];
extern uint32_t __bss_end[];
extern char __stack_limit[];

extern void __libc_init_array(void);
extern int main(void);

void Reset_Handler(void) __attribute__((naked, noreturn, used));
void Default_Handler(void);
void HardFault_Handler(void);

#define SCB_VTOR  (*(volatile uint32_t*)0xE000ED08u)
#define SCB_CCR   (*(volatile uint32_t*)0xE000ED14u)
#define SCB_SHCSR (*(volatile uint32_t*)0xE000ED24u)
#define SCB_ICSR  (*(volatile uint32_t*)0xE000ED04u)
#define SCB_CFSR  (*(volatile uint32_t*)0xE000ED28u)
#define SCB_MMFAR (*(volatile uint32_t*)0xE000ED34u)
#define SCB_BFAR  (*(volatile uint32_t*)0xE000ED38u)
#define MPU_CTRL  (*(volatile uint32_t*)0xE000ED94u)

/* First instructions after reset: enable the FPU before any compiled code runs (GCC may use
 * FP registers anywhere, e.g. as spill slots or in memcpy), then continue in C. */
__attribute__((used, noreturn)) static void resetContinue(void);

void Reset_Handler(void)
{
    __asm__ volatile(
        "ldr r0, =0xE000ED88\n\t"   /* SCB->CPACR */
        "ldr r1, [r0]\n\t"
        "orr r1, r1, #(0xF << 20)\n\t" /* CP10, CP11: full access */
        "str r1, [r0]\n\t"
        "dsb\n\t"
        "isb\n\t"
        "b resetContinue\n\t"
        ".ltorg\n\t");
}

static void resetContinue(void)
{
    const uint32_t* src = __data_load;
    for (uint32_t* dst = __data_start; dst < __data_end;) {
        *dst++ = *src++;
    }
    for (uint32_t* dst = __bss_start; dst < __bss_end;) {
        *dst++ = 0;
    }

    SCB_VTOR = 0x00000000u;
    SCB_CCR |= 1u << 4;                        /* trap divide by zero */
    SCB_SHCSR |= (1u << 16) | (1u << 17) | (1u << 18); /* MemManage, BusFault, UsageFault enabled */

    boardInit();
    __libc_init_array();
    boardExit(main());
}

static void printHex(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    boardPuts("0x");
    for (int shift = 28; shift >= 0; shift -= 4) {
        boardPutc(digits[(v >> shift) & 0xFu]);
    }
}

/* Called with the stacked exception frame (r0-r3, r12, lr, pc, xpsr), on a fresh stack. */
__attribute__((used, noreturn)) static void reportFault(const uint32_t* frame)
{
    static const char* const names[] = {"thread", "reset", "NMI", "HardFault", "MemManage",
                                        "BusFault", "UsageFault"};
    MPU_CTRL = 0; /* the frame may sit in the stack guard */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    const uint32_t active = SCB_ICSR & 0x1FFu;
    boardPuts("\n*** FAULT: ");
    if (active < sizeof names / sizeof names[0]) {
        boardPuts(names[active]);
    } else {
        boardPuts("exception ");
        printHex(active);
    }
    boardPuts(" pc=");
    printHex(frame[6]);
    boardPuts(" lr=");
    printHex(frame[5]);
    boardPuts(" cfsr=");
    printHex(SCB_CFSR);
    boardPuts(" mmfar=");
    printHex(SCB_MMFAR);
    boardPuts(" bfar=");
    printHex(SCB_BFAR);
    boardPuts(" sp=");
    printHex((uint32_t)(uintptr_t)frame);
    if ((uintptr_t)frame < (uintptr_t)__stack_limit + 128u) {
        boardPuts(" (main stack overflow)");
    }
    boardPuts("\n");
    boardExit(3);
}

/* Every unexpected exception: take the stacked frame (MSP or PSP), move the main stack pointer
 * back to the top of RAM (the fault may be a stack overflow; this handler never returns) and
 * report. */
__attribute__((naked)) void Default_Handler(void)
{
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

#define WEAK_DEFAULT __attribute__((weak, alias("Default_Handler")))
void NMI_Handler(void) WEAK_DEFAULT;
void HardFault_Handler(void) WEAK_DEFAULT;
void MemManage_Handler(void) WEAK_DEFAULT;
void BusFault_Handler(void) WEAK_DEFAULT;
void UsageFault_Handler(void) WEAK_DEFAULT;
void SVC_Handler(void) WEAK_DEFAULT;
void DebugMon_Handler(void) WEAK_DEFAULT;
void PendSV_Handler(void) WEAK_DEFAULT;
void SysTick_Handler(void) WEAK_DEFAULT;
/* External interrupts of the AN386 (IRQ numbers as wired by QEMU's mps2 model). */
void UART0RX_IRQHandler(void) WEAK_DEFAULT;   /* IRQ 0: UART0 receive (the host link) */
void UART0TX_IRQHandler(void) WEAK_DEFAULT;   /* IRQ 1 */
void UART1RX_IRQHandler(void) WEAK_DEFAULT;   /* IRQ 2 */
void UART1TX_IRQHandler(void) WEAK_DEFAULT;   /* IRQ 3 */
void UART2RX_IRQHandler(void) WEAK_DEFAULT;   /* IRQ 4 */
void UART2TX_IRQHandler(void) WEAK_DEFAULT;   /* IRQ 5 */
void TIMER0_IRQHandler(void) WEAK_DEFAULT;    /* IRQ 8 */
void TIMER1_IRQHandler(void) WEAK_DEFAULT;    /* IRQ 9 */
void DUALTIMER_IRQHandler(void) WEAK_DEFAULT; /* IRQ 10 */
void UARTOVF_IRQHandler(void) WEAK_DEFAULT;   /* IRQ 12: UART overflow (combined) */

typedef void (*Vector)(void);

#define BOARD_NUM_IRQS 32

__attribute__((section(".isr_vector"), used)) const Vector g_vectors[16 + BOARD_NUM_IRQS] = {
    (Vector)(uintptr_t)_estack, /* initial main stack pointer */
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0, 0, 0, 0,
    SVC_Handler,
    DebugMon_Handler,
    0,
    PendSV_Handler,
    SysTick_Handler,
    /* IRQ 0.. */
    UART0RX_IRQHandler,
    UART0TX_IRQHandler,
    UART1RX_IRQHandler,
    UART1TX_IRQHandler,
    UART2RX_IRQHandler,
    UART2TX_IRQHandler,
    Default_Handler,      /* 6: GPIO0 combined */
    Default_Handler,      /* 7: GPIO1 combined */
    TIMER0_IRQHandler,
    TIMER1_IRQHandler,
    DUALTIMER_IRQHandler,
    Default_Handler,      /* 11: SPI */
    UARTOVF_IRQHandler,
    /* 13..31: Default_Handler */
    Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
    Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
    Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
    Default_Handler, Default_Handler, Default_Handler, Default_Handler,
};
