#pragma once

// The host's threads for the kernel's rebuild: a fixed pool that runs the numbered pieces the
// kernel hands it (core/parallel.h). The calling thread works too, so a pool of N workers
// starts N - 1 threads.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/parallel.h"

namespace dlm::parallel {

/// \brief Threads worth using for a rebuild on this machine: the hardware threads, between 1
/// and the kernel's limit.
int hostWorkers();

/// \brief A fixed pool of worker threads implementing dlm::TaskRunner.
class ThreadPool final : public TaskRunner {
public:
  /// \brief A pool of \p workers threads in all, the caller of run() included (at least 1).
  explicit ThreadPool(int workers);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int workers() const override { return int(m_threads.size()) + 1; }
  /// \brief Run the tasks on every worker; one run at a time (concurrent callers queue).
  void run(int count, void (*task)(void* context, int index, int worker),
           void* context) override;

private:
  void loop(int worker);
  void drain(int worker);

  std::vector<std::thread> m_threads;
  std::mutex m_runMutex;  ///< one run() at a time
  std::mutex m_mutex;     ///< guards everything below but m_next
  std::condition_variable m_wake;
  std::condition_variable m_done;
  std::uint64_t m_generation = 0;
  bool m_stop = false;
  void (*m_task)(void*, int, int) = nullptr;
  void* m_context = nullptr;
  int m_count = 0;
  int m_busy = 0;  ///< helpers still inside the current run
  std::atomic<int> m_next{0};
};

/// \brief What to lend a network built for \p workers workers (Capacity::workers): \p pool,
/// made or remade with that many threads; null, and no pool kept, for a single worker.
ThreadPool* poolFor(std::unique_ptr<ThreadPool>& pool, int workers);

} // namespace dlm::parallel
