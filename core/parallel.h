#pragma once

// Running independent pieces of a rebuild on several cores (host only). The kernel owns no
// threads: the caller lends it a TaskRunner, as it lends the arena. Work is always cut into
// the same pieces, whatever the number of workers, so a model's bytes do not depend on how
// many cores built it.

namespace dlm {

/// \brief Runs numbered tasks, possibly concurrently; lent to Network::setTaskRunner().
class TaskRunner {
public:
  /// \brief Threads that run tasks at once (the caller's included).
  virtual int workers() const = 0;
  /// \brief Call task(context, i) for every i in [0, count), each exactly once, on any
  /// worker with an index below workers(); return when all are done. \p worker is the index
  /// of the calling worker, so that each can use its own scratch.
  virtual void run(int count, void (*task)(void* context, int index, int worker),
                   void* context) = 0;

protected:
  ~TaskRunner() = default;
};

namespace detail {

/// Multiply-adds below which a product runs on the caller alone: waking the workers costs tens
/// of microseconds, more than they would save (measured on digits: 2 threads made a 900-event
/// rebuild 15% slower without this).
constexpr double kParallelWork = 16.0 * 1024 * 1024;

/// \brief Run f(index, worker) for index in [0, count): on \p runner if there is one, more
/// than one task and at least kParallelWork multiply-adds (\p work) in all; in order on the
/// caller otherwise. The results are the same either way.
template <typename F>
void forEachTask(TaskRunner* runner, int count, F& f, double work) {
  if (runner == nullptr || count <= 1 || runner->workers() <= 1 || work < kParallelWork) {
    for (int i = 0; i < count; ++i) f(i, 0);
    return;
  }
  runner->run(
      count, [](void* context, int index, int worker) { (*static_cast<F*>(context))(index, worker); },
      &f);
}

} // namespace detail
} // namespace dlm
