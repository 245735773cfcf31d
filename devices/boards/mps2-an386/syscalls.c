/* newlib(-nano) system call stubs for the MPS2+ AN386: stdout/stderr go to UART0, stdin comes
 * from UART0, the heap is the bounded region the linker script reserves, exit is a semihosting
 * exit. There is no file system. */
#include "board.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#undef errno
extern int errno;

/* Prototypes: newlib declares none of these in a public header. */
int _close(int fd);
int _fstat(int fd, struct stat* st);
int _isatty(int fd);
off_t _lseek(int fd, off_t offset, int whence);
int _read(int fd, char* buf, int len);
int _write(int fd, const char* buf, int len);
void* _sbrk(ptrdiff_t increment);
void _exit(int status);
int _kill(int pid, int sig);
int _getpid(void);
void* __wrap_malloc(size_t size);
void* __wrap_calloc(size_t n, size_t size);
void* __wrap_realloc(void* p, size_t size);
void* __real_malloc(size_t size);
void* __real_calloc(size_t n, size_t size);
void* __real_realloc(void* p, size_t size);

int _write(int fd, const char* buf, int len)
{
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    for (int i = 0; i < len; ++i) {
        boardPutc(buf[i]);
    }
    return len;
}

int _read(int fd, char* buf, int len)
{
    if (fd != 0) {
        errno = EBADF;
        return -1;
    }
    if (len <= 0) {
        return 0;
    }
    /* One byte at a time: a serial console delivers what has been typed. */
    buf[0] = (char)boardGetc();
    return 1;
}

int _close(int fd)
{
    (void)fd;
    errno = EBADF;
    return -1;
}

int _fstat(int fd, struct stat* st)
{
    if (fd < 0 || fd > 2) {
        errno = EBADF;
        return -1;
    }
    st->st_mode = S_IFCHR;
    return 0;
}

int _isatty(int fd)
{
    return fd >= 0 && fd <= 2;
}

off_t _lseek(int fd, off_t offset, int whence)
{
    (void)fd;
    (void)offset;
    (void)whence;
    errno = ESPIPE;
    return -1;
}

/* Linker-script symbols delimiting the heap. */
extern char __heap_start[];
extern char __heap_end[];
static char* s_brk = __heap_start;

void* _sbrk(ptrdiff_t increment)
{
    char* prev = s_brk;
    if (increment > __heap_end - s_brk || increment < __heap_start - s_brk) {
        errno = ENOMEM;
        return (void*)-1;
    }
    s_brk += increment;
    return prev;
}

uint32_t boardHeapUsed(void)
{
    return (uint32_t)(s_brk - __heap_start);
}

void _exit(int status)
{
    boardExit(status);
}

int _kill(int pid, int sig)
{
    (void)pid;
    (void)sig;
    errno = EINVAL;
    return -1;
}

int _getpid(void)
{
    return 1;
}

/* Allocation counter (see boardMallocCount in board.h). An allocation that fails is fatal:
 * Eigen built without exceptions carries on with the null pointer (its bad_alloc fallback,
 * a call to ::operator new(SIZE_MAX), is optimised away by GCC). */
static volatile uint32_t s_mallocCount;

static void* checkedAllocation(void* p, size_t size)
{
    if (!p && size) {
        static const char digits[] = "0123456789";
        char text[12];
        int n = 0;
        do {
            text[n++] = digits[size % 10u];
            size /= 10u;
        } while (size && n < (int)sizeof text);
        boardPuts("\n*** FATAL: out of heap allocating ");
        while (n) {
            boardPutc(text[--n]);
        }
        boardPuts(" bytes\n");
        boardExit(4);
    }
    return p;
}

void* __wrap_malloc(size_t size)
{
    ++s_mallocCount;
    return checkedAllocation(__real_malloc(size), size);
}

void* __wrap_calloc(size_t n, size_t size)
{
    ++s_mallocCount;
    return checkedAllocation(__real_calloc(n, size), n * size);
}

void* __wrap_realloc(void* p, size_t size)
{
    ++s_mallocCount;
    return checkedAllocation(__real_realloc(p, size), size);
}

uint32_t boardMallocCount(void)
{
    return s_mallocCount;
}
