// Independent work on every core: each index is handled once, by whichever
// thread is free, so that one heavy item (a claim with a hundred thousand
// statements) does not leave the other cores idle. And Beside, one piece of
// work on another thread while this one goes on.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace gainsay {

// Calls work(i) for every i in [0, count), on up to `threads` threads
// (this one among them). work must be safe to run concurrently for
// different i. An exception stops the handing out of indexes; the one of
// the lowest index is rethrown here. Indexes are handed out in order, so
// that is the one a loop in turn would have thrown: errors do not depend on
// the timing of threads.
template <typename Work>
void parallel_for(std::size_t count, Work work, std::size_t threads = std::thread::hardware_concurrency()) {
  threads = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
  if (threads == 1) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::size_t failed_at = count;
  std::mutex failure_mutex;
  auto run = [&] {
    for (std::size_t i; !stop && (i = next++) < count;) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (i < failed_at) {
          failed_at = i;
          failure = std::current_exception();
        }
        stop = true;
      }
    }
  };
  {
    std::vector<std::jthread> helpers;
    helpers.reserve(threads - 1);
    try {
      for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(run);
    } catch (const std::system_error&) {
      // No more threads to be had: those started, and this one, do it all.
    }
    run();
  }
  if (failure) std::rethrow_exception(failure);
}

// Work done on another thread while this one goes on. join() waits for it
// and rethrows what it threw; should no thread be had, join() does the work
// itself. The destructor joins too, without rethrowing, for the unwinding
// of an error that came first.
class Beside {
 public:
  explicit Beside(std::function<void()> work) : work_(std::move(work)) {
    try {
      thread_ = std::jthread([this] { run(); });
    } catch (const std::system_error&) {
      // join() will run it.
    }
  }
  Beside(const Beside&) = delete;
  Beside& operator=(const Beside&) = delete;
  ~Beside() {
    if (thread_.joinable()) thread_.join();
  }

  void join() {
    if (thread_.joinable()) {
      thread_.join();
    } else if (work_) {
      run();
    }
    work_ = nullptr;
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
  }

 private:
  void run() {
    try {
      work_();
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  std::function<void()> work_;
  std::exception_ptr failure_;
  std::jthread thread_;  // last: started once the rest is ready, joined first
};

}  // namespace gainsay
