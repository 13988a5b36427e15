#include "in_order.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using namespace gainsay;

namespace {

// Part i's text: its number, `pieces` times, one piece each.
std::string expected_text(std::size_t parts, std::size_t pieces) {
  std::string out;
  for (std::size_t i = 0; i < parts; ++i) {
    for (std::size_t p = 0; p < pieces; ++p) out += "<" + std::to_string(i) + "." + std::to_string(p) + ">";
  }
  return out;
}

}  // namespace

TEST_CASE("write_in_order: the pieces come out in the order of parts, whatever the threads") {
  for (std::size_t threads : {1u, 2u, 4u, 8u}) {
    CAPTURE(threads);
    std::string written;
    write_in_order(
        200,
        [](std::size_t i, PieceSink sink) {
          // Uneven work, so that later parts often finish first.
          if (i % 7 == 0) std::this_thread::yield();
          for (std::size_t p = 0; p < 5; ++p) sink("<" + std::to_string(i) + "." + std::to_string(p) + ">");
        },
        [&](const std::string& piece) { written += piece; }, threads);
    CHECK(written == expected_text(200, 5));
  }
}

TEST_CASE("write_in_order: with a slow writer, the text held waiting stays bounded") {
  // Part 0 has 200 pieces of 1 KB, the others 50; a part may hold 4 KB, and
  // two threads keep at most four parts under way. Unbounded, the pieces
  // rendered while the writer sleeps would pile up to hundreds of KB.
  constexpr std::size_t kPiece = 1024, kLimit = 4096, kParts = 6;
  std::atomic<std::size_t> produced{0}, written{0}, most_held{0};
  write_in_order(
      kParts,
      [&](std::size_t i, PieceSink sink) {
        const std::size_t pieces = i == 0 ? 200 : 50;
        for (std::size_t p = 0; p < pieces; ++p) {
          sink(std::string(kPiece, static_cast<char>('a' + i)));
          const std::size_t held = (produced += kPiece) - written;
          std::size_t most = most_held;
          while (held > most && !most_held.compare_exchange_weak(most, held)) {
          }
        }
      },
      [&](const std::string& piece) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        written += piece.size();
      },
      2, kLimit);
  CHECK(written == (200 + (kParts - 1) * 50) * kPiece);
  // Four parts, each its limit plus the piece being added, and the piece in
  // the writer's hands.
  CHECK(most_held <= 4 * (kLimit + kPiece) + kPiece);
}

TEST_CASE("write_in_order: an error in a part or in writing stops the work and is thrown once") {
  for (std::size_t threads : {1u, 2u}) {
    CAPTURE(threads);
    std::size_t written = 0;
    CHECK_THROWS_WITH_AS(write_in_order(
                             100,
                             [](std::size_t i, PieceSink sink) {
                               if (i == 37) throw std::runtime_error("part 37 failed");
                               sink("x");
                             },
                             [&](const std::string&) { ++written; }, threads),
                         "part 37 failed", std::runtime_error);
    CHECK(written <= 37);

    written = 0;
    CHECK_THROWS_WITH_AS(write_in_order(
                             100, [](std::size_t, PieceSink sink) { sink("y"); },
                             [&](const std::string&) {
                               if (++written == 10) throw std::runtime_error("disk full");
                             },
                             threads),
                         "disk full", std::runtime_error);
    CHECK(written == 10);
  }
}

TEST_CASE("write_in_order: no parts write nothing") {
  bool called = false;
  write_in_order(0, [&](std::size_t, PieceSink) { called = true; }, [&](const std::string&) { called = true; }, 2);
  CHECK_FALSE(called);
}
