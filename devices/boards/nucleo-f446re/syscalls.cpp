// newlib(-nano) system calls of the Nucleo-F446RE image: no file system, stdout/stderr to the
// log console, a bounded heap from the linker script, and a count of every malloc (the
// firmware must make none; boardMallocCount() is in the periodic report).
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sys/stat.h>

#include "board.h"

#undef errno
extern "C" {
extern int errno;
extern char __heap_start[];
extern char __heap_end[];
int _close(int fd);
int _fstat(int fd, struct stat* st);
int _isatty(int fd);
off_t _lseek(int fd, off_t offset, int whence);
int _read(int fd, char* buf, int len);
int _write(int fd, const char* buf, int len);
void* _sbrk(std::ptrdiff_t increment);
void _exit(int status);
int _kill(int pid, int sig);
int _getpid(void);
void* __wrap_malloc(std::size_t size);
void* __wrap_calloc(std::size_t n, std::size_t size);
void* __wrap_realloc(void* p, std::size_t size);
void* __real_malloc(std::size_t size);
void* __real_calloc(std::size_t n, std::size_t size);
void* __real_realloc(void* p, std::size_t size);
}

namespace {

char* s_brk = __heap_start;
volatile std::uint32_t s_mallocCount = 0;

} // namespace

extern "C" int _write(int fd, const char* buf, int len) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  static_cast<void>(buf);  // nothing in the firmware prints through stdio
  return len;
}

extern "C" int _read(int, char*, int) {
  errno = EBADF;
  return -1;
}

extern "C" int _close(int) {
  errno = EBADF;
  return -1;
}

extern "C" int _fstat(int fd, struct stat* st) {
  if (fd < 0 || fd > 2) {
    errno = EBADF;
    return -1;
  }
  st->st_mode = S_IFCHR;
  return 0;
}

extern "C" int _isatty(int fd) { return fd >= 0 && fd <= 2; }

extern "C" off_t _lseek(int, off_t, int) {
  errno = ESPIPE;
  return -1;
}

extern "C" void* _sbrk(std::ptrdiff_t increment) {
  char* prev = s_brk;
  if (increment > __heap_end - s_brk || increment < __heap_start - s_brk) {
    errno = ENOMEM;
    return reinterpret_cast<void*>(-1);
  }
  s_brk += increment;
  return prev;
}

extern "C" void _exit(int) { dlm::boards::NucleoBoard::halt(); }

extern "C" int _kill(int, int) {
  errno = EINVAL;
  return -1;
}

extern "C" int _getpid(void) { return 1; }

extern "C" void* __wrap_malloc(std::size_t size) {
  s_mallocCount = s_mallocCount + 1u;
  return __real_malloc(size);
}

extern "C" void* __wrap_calloc(std::size_t n, std::size_t size) {
  s_mallocCount = s_mallocCount + 1u;
  return __real_calloc(n, size);
}

extern "C" void* __wrap_realloc(void* p, std::size_t size) {
  s_mallocCount = s_mallocCount + 1u;
  return __real_realloc(p, size);
}

namespace dlm::boards {

std::uint32_t NucleoBoard::heapUsed() { return static_cast<std::uint32_t>(s_brk - __heap_start); }
std::uint32_t NucleoBoard::mallocCount() { return s_mallocCount; }

} // namespace dlm::boards
