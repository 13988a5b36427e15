// What every fuzz target asks of a parser's result besides not crashing:
// bad input is reported, good input is not, and each diagnostic is placed
// inside the input. A failed expectation aborts, which libFuzzer records as
// a crash with its input.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "gainsay/error.h"
#include "gainsay/story_file.h"

namespace gainsay::fuzz {

inline void expect(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "fuzz expectation failed: %s\n", what);
    std::abort();
  }
}

// Counts lead bytes, as the parsers count columns; bytes that are not UTF-8
// count one each at most.
inline std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

inline void check_places(const std::vector<Diagnostic>& diagnostics, std::string_view text) {
  std::size_t lines = 1;
  for (const char c : text) lines += c == '\n';
  for (const Diagnostic& d : diagnostics) {
    expect(!d.message.empty(), "a diagnostic without a message");
    expect(d.line <= lines, "a diagnostic placed past the last line");
    expect((d.line == 0) == (d.column == 0), "a diagnostic with a line and no column, or a column and no line");
  }
}

inline void check(const StoryFileResult& result, std::string_view text) {
  expect(result.story.has_value() != has_errors(result.diagnostics), "neither a story nor an error, or both");
  check_places(result.diagnostics, text);
}

inline void check(const StoryFilesResult& result, std::string_view text) {
  expect(result.stories.empty() || !has_errors(result.diagnostics), "stories despite an error");
  check_places(result.diagnostics, text);
}

}  // namespace gainsay::fuzz
