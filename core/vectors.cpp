#include "core/vectors.h"

#include <atomic>

namespace dlm {

namespace {

// -1 until first asked: the CPU is probed once. Atomic because a rebuild's workers read it.
std::atomic<int> g_path{-1};

} // namespace

VectorPath widestVectorPath() {
#if defined(DLM_HAVE_AVX2_PATH) && defined(__x86_64__)
  __builtin_cpu_init();  // may run before the constructors that would have probed the CPU
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return VectorPath::Avx2Fma;
#endif
  return VectorPath::Baseline;
}

VectorPath setVectorPath(VectorPath path) {
  const VectorPath widest = widestVectorPath();
  const int chosen = int(path) > int(widest) ? int(widest) : int(path);
  g_path.store(chosen, std::memory_order_relaxed);
  return VectorPath(chosen);
}

VectorPath vectorPath() {
  int path = g_path.load(std::memory_order_relaxed);
  if (path < 0) {
    path = int(widestVectorPath());
    g_path.store(path, std::memory_order_relaxed);
  }
  return VectorPath(path);
}

const char* vectorPathName(VectorPath path) {
  if (path == VectorPath::Avx2Fma) return "AVX2+FMA";
#if defined(__x86_64__)
  return "SSE2";
#else
  return "baseline";
#endif
}

} // namespace dlm
