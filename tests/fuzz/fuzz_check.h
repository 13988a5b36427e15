// What every fuzz target asks of a parser's result besides not crashing:
// bad input is reported, good input is not, and each diagnostic is placed
// inside the input. A failed expectation aborts, which libFuzzer records as
// a crash with its input.
#pragma once

#include <algorithm>
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

// The length of the UTF-8 sequence at `i`, or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
inline std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const std::size_t length = byte(0) < 0x80 ? 1 : byte(0) >= 0xc2 && byte(0) <= 0xdf ? 2
                           : byte(0) >= 0xe0 && byte(0) <= 0xef ? 3 : byte(0) >= 0xf0 && byte(0) <= 0xf4 ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xc0) != 0x80) return 0;
  }
  if ((byte(0) == 0xe0 && byte(1) < 0xa0) || (byte(0) == 0xed && byte(1) >= 0xa0) ||
      (byte(0) == 0xf0 && byte(1) < 0x90) || (byte(0) == 0xf4 && byte(1) >= 0x90)) {
    return 0;
  }
  return length;
}

// Code points as the extractor counts them: a byte that is not part of
// valid UTF-8 counts as one (it reads it as U+FFFD).
inline std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) i += std::max<std::size_t>(utf8_length(text, i), 1);
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
