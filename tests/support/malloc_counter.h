#pragma once
// Counts heap allocations made while g_counting is set, for the "no heap after init" tests.
// glibc lets a program replace malloc; these forward to its internals. Include it in exactly
// one translation unit of a test executable (it defines malloc, calloc and realloc), and not
// in sanitizer builds, which replace malloc themselves.

#include <atomic>
#include <cstddef>

extern "C" void* __libc_malloc(std::size_t);
extern "C" void* __libc_calloc(std::size_t, std::size_t);
extern "C" void* __libc_realloc(void*, std::size_t);

static std::atomic<long> g_allocations{0};
static std::atomic<bool> g_counting{false};

extern "C" void* malloc(std::size_t n) {
  if (g_counting) ++g_allocations;
  return __libc_malloc(n);
}
extern "C" void* calloc(std::size_t a, std::size_t b) {
  if (g_counting) ++g_allocations;
  return __libc_calloc(a, b);
}
extern "C" void* realloc(void* p, std::size_t n) {
  if (g_counting) ++g_allocations;
  return __libc_realloc(p, n);
}
