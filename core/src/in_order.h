// Text rendered in parts on every core and written in order, as if the
// parts had been rendered in turn. A report renders its claims this way.
// A part hands over its text in pieces as it goes, and waits once it holds
// `held_limit` bytes not yet written; only a few parts are under way at a
// time. So the text held in memory stays bounded however long one part is,
// and however slowly the text is written.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace gainsay {

// Where a part puts its text, piece by piece. It hands back a piece
// already written, when it has one, for the part to write into again:
// pieces of half a megabyte made afresh each time cost the kernel more to
// clear than they take to fill.
using PieceSink = std::function<std::string(std::string&& piece)>;

// Calls render(i, sink) for every part i in [0, count) on up to `threads`
// threads, and write(piece) on the calling thread for every piece, part 0's
// first, in order. The first exception from either stops the work and is
// rethrown here.
template <typename Render, typename Write>
void write_in_order(std::size_t count, Render render, Write write,
                    std::size_t threads = std::thread::hardware_concurrency(),
                    std::size_t held_limit = std::size_t{2} << 20) {
  threads = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
  auto in_turn = [&] {
    for (std::size_t i = 0; i < count; ++i) {
      render(i, PieceSink([&](std::string&& piece) {
               write(piece);
               return std::move(piece);
             }));
    }
  };
  if (threads == 1) return in_turn();
  struct Part {
    std::deque<std::string> pieces;
    std::size_t bytes = 0;  // held in pieces
    bool done = false;
  };
  // A part is started only within `window` of the one being written.
  const std::size_t window = 2 * threads;
  std::vector<Part> parts(count);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;     // the next part to start
  std::size_t current = 0;  // the part being written
  bool stop = false;
  std::exception_ptr failure;
  std::vector<std::string> written;  // pieces to be written into again
  auto fail = [&](std::unique_lock<std::mutex>& lock) {
    if (!lock.owns_lock()) lock.lock();
    if (!failure) failure = std::current_exception();
    stop = true;
    changed.notify_all();
  };

  auto work = [&] {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return stop || next >= count || next < current + window; });
      if (stop || next >= count) return;
      const std::size_t i = next++;
      lock.unlock();
      try {
        render(i, PieceSink([&, i](std::string&& piece) {
                 std::unique_lock hold(mutex);
                 // The writer takes the pieces of the part being written
                 // whatever the other parts do, so waiting here ends.
                 changed.wait(hold, [&] { return stop || parts[i].bytes < held_limit; });
                 if (stop) throw std::runtime_error("stopped");
                 parts[i].bytes += piece.size();
                 parts[i].pieces.push_back(std::move(piece));
                 changed.notify_all();
                 std::string again;
                 if (!written.empty()) {
                   again = std::move(written.back());
                   written.pop_back();
                 }
                 return again;
               }));
      } catch (...) {
        fail(lock);
        return;
      }
      lock.lock();
      parts[i].done = true;
      changed.notify_all();
    }
  };
  {
    std::vector<std::jthread> workers;
    workers.reserve(threads);
    try {
      for (std::size_t t = 0; t < threads; ++t) workers.emplace_back(work);
    } catch (const std::system_error&) {
      // Fewer threads than asked: those started do the work.
    }
    if (workers.empty()) return in_turn();
    std::unique_lock lock(mutex);
    while (current < count && !stop) {
      Part& part = parts[current];
      changed.wait(lock, [&] { return stop || !part.pieces.empty() || part.done; });
      if (stop) break;
      if (part.pieces.empty()) {
        ++current;
        changed.notify_all();
        continue;
      }
      std::string piece = std::move(part.pieces.front());
      part.pieces.pop_front();
      part.bytes -= piece.size();
      changed.notify_all();
      lock.unlock();
      try {
        write(piece);
      } catch (...) {
        fail(lock);
        break;
      }
      lock.lock();
      if (written.size() < window) written.push_back(std::move(piece));
    }
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace gainsay
