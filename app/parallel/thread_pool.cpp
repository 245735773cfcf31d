#include "app/parallel/thread_pool.h"

#include <algorithm>

#include "core/scratch.h"

namespace dlm::parallel {

int hostWorkers() {
  const int hardware = int(std::thread::hardware_concurrency());
  return std::clamp(hardware, 1, detail::RebuildScratch::kMaxWorkers);
}

ThreadPool* poolFor(std::unique_ptr<ThreadPool>& pool, int workers) {
  if (workers <= 1) {
    pool.reset();
  } else if (!pool || pool->workers() != workers) {
    pool.reset();  // join the old threads before starting the new ones
    pool = std::make_unique<ThreadPool>(workers);
  }
  return pool.get();
}

ThreadPool::ThreadPool(int workers) {
  const int helpers = std::max(workers, 1) - 1;
  m_threads.reserve(std::size_t(helpers));
  for (int w = 1; w <= helpers; ++w) m_threads.emplace_back([this, w] { loop(w); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (std::thread& t : m_threads) t.join();
}

void ThreadPool::run(int count, void (*task)(void*, int, int), void* context) {
  if (count <= 0) return;
  std::lock_guard<std::mutex> one(m_runMutex);
  if (m_threads.empty() || count == 1) {
    for (int i = 0; i < count; ++i) task(context, i, 0);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_task = task;
    m_context = context;
    m_count = count;
    m_next.store(0, std::memory_order_relaxed);
    m_busy = int(m_threads.size());
    ++m_generation;
  }
  m_wake.notify_all();
  drain(0);
  // The tasks' results are published by the mutex: every helper leaves through it.
  std::unique_lock<std::mutex> lock(m_mutex);
  m_done.wait(lock, [this] { return m_busy == 0; });
  m_task = nullptr;
}

void ThreadPool::drain(int worker) {
  for (int i = m_next.fetch_add(1, std::memory_order_relaxed); i < m_count;
       i = m_next.fetch_add(1, std::memory_order_relaxed)) {
    m_task(m_context, i, worker);
  }
}

void ThreadPool::loop(int worker) {
  std::uint64_t seen = 0;
  std::unique_lock<std::mutex> lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
    if (m_stop) return;
    seen = m_generation;
    lock.unlock();
    drain(worker);
    lock.lock();
    if (--m_busy == 0) m_done.notify_one();
  }
}

} // namespace dlm::parallel
