/* Board support for the MPS2+ AN386 (see board.h). */
#include "board.h"

#include <stdio.h>

/* CMSDK APB UART0 */
#define UART0_BASE      0x40004000u
#define UART_DATA       (*(volatile uint32_t*)(UART0_BASE + 0x00u))
#define UART_STATE      (*(volatile uint32_t*)(UART0_BASE + 0x04u))
#define UART_CTRL       (*(volatile uint32_t*)(UART0_BASE + 0x08u))
#define UART_INTSTATUS  (*(volatile uint32_t*)(UART0_BASE + 0x0Cu)) /* write 1s to clear */
#define UART_BAUDDIV    (*(volatile uint32_t*)(UART0_BASE + 0x10u))
#define UART_STATE_TXFULL 0x1u
#define UART_STATE_RXFULL 0x2u
#define UART_CTRL_TXEN    0x1u
#define UART_CTRL_RXEN    0x2u

/* CMSDK APB timer0 */
#define TIMER0_BASE     0x40000000u
#define TIMER_CTRL      (*(volatile uint32_t*)(TIMER0_BASE + 0x00u))
#define TIMER_VALUE     (*(volatile uint32_t*)(TIMER0_BASE + 0x04u))
#define TIMER_RELOAD    (*(volatile uint32_t*)(TIMER0_BASE + 0x08u))
#define TIMER_INTCLEAR  (*(volatile uint32_t*)(TIMER0_BASE + 0x0Cu))
#define TIMER_CTRL_EN   0x1u

/* ARMv7-M MPU */
#define MPU_CTRL (*(volatile uint32_t*)0xE000ED94u)
#define MPU_RNR  (*(volatile uint32_t*)0xE000ED98u)
#define MPU_RBAR (*(volatile uint32_t*)0xE000ED9Cu)
#define MPU_RASR (*(volatile uint32_t*)0xE000EDA0u)
#define MPU_RASR_ENABLE      0x1u
#define MPU_RASR_SIZE(log2)  ((uint32_t)((log2) - 1) << 1)
#define MPU_RASR_AP_NONE     (0u << 24)
#define MPU_RASR_AP_RO       (6u << 24)
#define MPU_RASR_AP_RW       (3u << 24)
#define MPU_RASR_XN          (1u << 28)
#define MPU_RASR_C           (1u << 17)
#define MPU_CTRL_ENABLE      0x1u
#define MPU_CTRL_PRIVDEFENA  0x4u

extern char __stack_guard[];
extern char __modelstore_region_start[];
extern char __modelstore_region_size[];

/* QEMU's code memory at 0x0 is writable, unlike real flash: a write through a null (or small)
 * pointer would silently overwrite the vector table and code. Region 0 makes the 4 MiB code
 * memory read-only, region 1 is a 4 KiB no-access guard just below the main stack, region 2
 * makes the upper part of the code memory that the linker script reserves for model storage
 * (MODELSTORE, emulated flash) read/write and never executable. Everything else keeps the
 * default memory map. A violation ends in a MemManage fault, reported
 * by the default handler, which exits with status 3. */
static void boardInitMpu(void)
{
    MPU_CTRL = 0;
    MPU_RNR = 0;
    MPU_RBAR = 0x00000000u;
    MPU_RASR = MPU_RASR_AP_RO | MPU_RASR_C | MPU_RASR_SIZE(22) | MPU_RASR_ENABLE;
    MPU_RNR = 1;
    MPU_RBAR = (uint32_t)(uintptr_t)__stack_guard; /* 4 KiB aligned (linker script) */
    MPU_RASR = MPU_RASR_AP_NONE | MPU_RASR_XN | MPU_RASR_SIZE(12) | MPU_RASR_ENABLE;
    /* Region 2 (a higher number wins where regions overlap): the model store. Its size is a
     * power of two and its base aligned to it (mps2_an386.ld). */
    const uint32_t storeSize = (uint32_t)(uintptr_t)__modelstore_region_size;
    uint32_t storeLog2 = 5;
    while (storeLog2 < 32u && (1u << storeLog2) < storeSize) {
        ++storeLog2;
    }
    MPU_RNR = 2;
    MPU_RBAR = (uint32_t)(uintptr_t)__modelstore_region_start;
    MPU_RASR = MPU_RASR_AP_RW | MPU_RASR_XN | MPU_RASR_C | MPU_RASR_SIZE(storeLog2) | MPU_RASR_ENABLE;
    MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}

void boardInit(void)
{
    boardInitMpu();

    UART_CTRL = 0;
    UART_BAUDDIV = BOARD_PCLK_HZ / 115200u; /* >= 16 as the CMSDK UART requires */
    UART_INTSTATUS = 0xFu;
    UART_CTRL = UART_CTRL_TXEN | UART_CTRL_RXEN;

    TIMER_CTRL = 0;
    TIMER_RELOAD = 0xFFFFFFFFu;
    TIMER_VALUE = 0xFFFFFFFFu;
    TIMER_INTCLEAR = 1u;
    TIMER_CTRL = TIMER_CTRL_EN; /* no interrupt, internal clock */

    /* Unbuffered: no BUFSIZ stdio buffer is allocated and nothing is lost at boardExit. (newlib
     * still allocates its FILE objects once, about 440 bytes, via _malloc_r: not counted by
     * boardMallocCount.) */
    setvbuf(stdout, NULL, _IONBF, 0);
    setvbuf(stderr, NULL, _IONBF, 0);
}

void boardPutc(char c)
{
    while (UART_STATE & UART_STATE_TXFULL) {
    }
    UART_DATA = (uint8_t)c;
}

int boardGetc(void)
{
    while (!(UART_STATE & UART_STATE_RXFULL)) {
    }
    return (int)(UART_DATA & 0xFFu);
}

void boardPuts(const char* s)
{
    while (*s) {
        boardPutc(*s++);
    }
}

uint32_t boardTimerTicks(void)
{
    return 0xFFFFFFFFu - TIMER_VALUE;
}

uint32_t boardTicks(void)
{
    return boardTimerTicks() * BOARD_INSTRUCTIONS_PER_TIMER_TICK;
}

/* ---- Arm semihosting ---- */
#define SYS_EXIT_EXTENDED           0x20u
#define ADP_STOPPED_APPLICATIONEXIT 0x20026u

static int semihostingCall(uint32_t op, void* arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register void* r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return (int)r0;
}

void boardExit(int code)
{
    /* Let the last byte leave the UART before the emulator stops. */
    while (UART_STATE & UART_STATE_TXFULL) {
    }
    uint32_t block[2] = {ADP_STOPPED_APPLICATIONEXIT, (uint32_t)code};
    semihostingCall(SYS_EXIT_EXTENDED, block); /* "memory" clobber: block is written first */
    for (;;) {
        __asm__ volatile("bkpt 0");
    }
}
