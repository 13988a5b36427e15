// Plain-text output helpers shared by the renderers: display width of UTF-8
// text, word wrapping, colour that is off unless asked for, and making
// untrusted text inert on a terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gainsay {

struct TextStyle {
  std::size_t width = 80;  // columns to wrap at
  bool colour = false;     // ANSI colour; the CLI enables it only on a terminal
};

enum class Colour { kNone, kBold, kDim, kRed, kGreen, kYellow, kCyan };

// `text` wrapped in the escape sequence for `colour` when `style.colour`.
std::string paint(std::string_view text, Colour colour, const TextStyle& style);

// The code point at byte `pos` of UTF-8 `text`, and its length in bytes;
// a byte that does not start a valid sequence reads as U+FFFD, one byte long.
struct CodePoint {
  char32_t value;
  std::size_t length;
};
CodePoint code_point_at(std::string_view text, std::size_t pos);

// Columns that `text` takes on a terminal (wide characters count two).
std::size_t display_width(std::string_view text);

// Replaces control characters (C0, DEL, C1, and so every escape sequence's
// introducer) and invalid UTF-8 with visible escapes like "\x1b", so that
// text from a story cannot act on the terminal. Line breaks and tabs become
// spaces, unless `keep_breaks` (for formats that carry them, like XML).
std::string inert(std::string_view text, bool keep_breaks = false);

// An id made from free text: lower-case letters and digits, runs of
// anything else as one '-', at most `max_length` long; `fallback` if empty.
std::string slug(std::string_view text, std::size_t max_length, std::string_view fallback);

// Splits `text` into lines no wider than `width` columns (a longer word
// gets a line of its own), the first prefixed by `first_indent` and the rest
// by `indent`.
std::vector<std::string> wrap(std::string_view text, std::size_t width,
                              std::string_view first_indent, std::string_view indent);

}  // namespace gainsay
