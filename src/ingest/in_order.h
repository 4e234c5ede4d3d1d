// Work on several threads, results taken in order on one: files are read and extracted in
// parallel while a single writer writes them in the order they were listed.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace annals::ingest {

/// Calls `produce(i)` for each i in [0, n) on `jobs` threads (on the calling thread when
/// jobs <= 1), and `consume(result)` on the calling thread in the order of i. At most
/// 2 * jobs results wait to be consumed, so memory stays a few files' worth. If `consume`
/// throws, no further item is started, the threads are joined and the exception goes on.
/// REQUIRES: `produce` does not throw (it reports failure in its result).
template <typename T>
void InOrder(std::size_t n, int jobs, const std::function<T(std::size_t)>& produce,
             const std::function<void(T&&)>& consume) {
  if (jobs <= 1) {
    for (std::size_t i = 0; i < n; ++i) consume(produce(i));
    return;
  }
  const std::size_t window = 2 * static_cast<std::size_t>(jobs);
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::optional<T>> slots(window);
  std::size_t next_to_start = 0, next_to_consume = 0;
  bool stop = false;
  auto work = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next_to_start >= n || next_to_start < next_to_consume + window; });
        if (stop || next_to_start >= n) return;
        i = next_to_start++;
      }
      T result = produce(i);
      {
        std::lock_guard lock(mutex);
        slots[i % window] = std::move(result);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(work);
  std::exception_ptr failure;
  try {
    for (; next_to_consume < n;) {
      T ready;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return slots[next_to_consume % window].has_value(); });
        ready = std::move(*slots[next_to_consume % window]);
        slots[next_to_consume % window].reset();
      }
      consume(std::move(ready));
      {
        std::lock_guard lock(mutex);
        ++next_to_consume;
      }
      changed.notify_all();
    }
  } catch (...) {
    failure = std::current_exception();
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace annals::ingest
