#include "parallel_for.h"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

using namespace gainsay;

TEST_CASE("parallel_for: every index is handled exactly once, whatever the threads") {
  for (std::size_t threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> seen(10007);
    parallel_for(seen.size(), [&](std::size_t i) { ++seen[i]; }, threads);
    std::size_t once = 0;
    for (const auto& s : seen) once += s == 1;
    CHECK(once == seen.size());
  }
}

TEST_CASE("parallel_for: of several failures, the lowest index's is thrown, as a loop in turn would") {
  // Index 40 fails at once; index 30 fails only after a while, so it is
  // usually the second to fail in time. The error must still be 30's.
  for (int round = 0; round < 20; ++round) {
    CHECK_THROWS_WITH_AS(parallel_for(
                             1000,
                             [](std::size_t i) {
                               if (i == 30) {
                                 volatile std::size_t spin = 0;
                                 for (std::size_t k = 0; k < 200000; ++k) spin = spin + k;
                                 throw std::runtime_error("index 30");
                               }
                               if (i == 40) throw std::runtime_error("index 40");
                             },
                             2),
                         "index 30", std::runtime_error);
  }
}

TEST_CASE("parallel_for: nothing to do does nothing") {
  bool called = false;
  parallel_for(0, [&](std::size_t) { called = true; }, 4);
  CHECK_FALSE(called);
}

TEST_CASE("Beside: the work is done by join, and what it threw is thrown there") {
  int done = 0;
  Beside ok([&] { done = 42; });
  ok.join();
  CHECK(done == 42);

  Beside failing([] { throw std::runtime_error("out of room"); });
  CHECK_THROWS_WITH_AS(failing.join(), "out of room", std::runtime_error);

  // Left unjoined while an error unwinds, it neither throws nor terminates.
  CHECK_THROWS_AS(
      [] {
        Beside unjoined([] { throw std::runtime_error("ignored"); });
        throw std::logic_error("first");
      }(),
      std::logic_error);
}
