/* Board support for the Arm MPS2+ AN386 (Cortex-M4F) as emulated by `qemu-system-arm -M mps2-an386`.
 *
 * Test images run with:
 *   qemu-system-arm -M mps2-an386 -nographic -monitor none -serial stdio \
 *       -semihosting-config enable=on,target=native -icount shift=0 -kernel image.elf
 *
 * Everything here is C with no dependencies beyond the CMSDK peripherals, so C and C++
 * (the Deeplomath kernel self-tests) can both include it. */
#ifndef DLM_BOARD_MPS2_AN386_H
#define DLM_BOARD_MPS2_AN386_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Peripheral clock of the CMSDK APB peripherals (UART baud divisor, timers). */
#define BOARD_PCLK_HZ 25000000u

/* Under `-icount shift=0` QEMU advances its virtual clock by 1 ns per guest instruction, so the
 * 25 MHz timer ticks once every 1e9 / 25e6 = 40 instructions. */
#define BOARD_INSTRUCTIONS_PER_TIMER_TICK (1000000000u / BOARD_PCLK_HZ)

/* Brings up the MPU (code memory read-only, 4 KiB guard below the stack), UART0 (TX+RX,
 * 115200 baud nominal; QEMU ignores the rate), starts timer0 as a free-running counter and makes
 * stdout/stderr unbuffered. Reset_Handler calls it before the static constructors and main.
 *
 * Exit status of an image under QEMU: main's return value; 3 = unexpected exception/fault
 * or stack overflow (reported on UART0 with the faulting pc); 4 = a heap allocation failed. */
void boardInit(void);

/* UART0, blocking. boardPutc sends the byte as it is (no "\n" -> "\r\n" translation). */
void boardPutc(char c);
int  boardGetc(void);
void boardPuts(const char* s); /* no newline appended */

/* Instructions executed since boardInit, read from timer0 (a 32-bit down-counter at
 * BOARD_PCLK_HZ). Deterministic under `-icount shift=0`, with a resolution of
 * BOARD_INSTRUCTIONS_PER_TIMER_TICK (40) instructions; wraps after 2^32 instructions, so take
 * differences of two readings (unsigned subtraction) for intervals shorter than that. Without
 * -icount it is wall time in units of 1 ns. */
uint32_t boardTicks(void);

/* Raw timer0 ticks since boardInit (25 MHz, counting up). */
uint32_t boardTimerTicks(void);

/* Number of calls to malloc/calloc/realloc made through the C library entry points since reset
 * (the image is linked with -Wl,--wrap=malloc,...). newlib's own internal allocations
 * (_malloc_r) are not counted, so in a kernel self-test this must stay 0. */
uint32_t boardMallocCount(void);

/* Bytes handed out by _sbrk so far (newlib's heap high-water mark). */
uint32_t boardHeapUsed(void);

/* Ends the emulation via Arm semihosting (SYS_EXIT_EXTENDED, ADP_Stopped_ApplicationExit):
 * qemu-system-arm exits with `code` as its status. Without a debugger/semihosting host it
 * would stop at a breakpoint; it never returns. */
void boardExit(int code) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif /* DLM_BOARD_MPS2_AN386_H */
