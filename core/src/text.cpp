#include "gainsay/text.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdio>

namespace gainsay {
namespace {

// Decodes the code point at `pos`; returns its length, or -1 if invalid.
utf8proc_ssize_t decode(std::string_view text, std::size_t pos, utf8proc_int32_t* cp) {
  return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                          static_cast<utf8proc_ssize_t>(text.size() - pos), cp);
}

std::string hex_escape(unsigned value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, digits == 2 ? "\\x%02x" : "\\u%04x", value);
  return buffer;
}

}  // namespace

std::string paint(std::string_view text, Colour colour, const TextStyle& style) {
  if (!style.colour || colour == Colour::kNone) return std::string(text);
  const char* code = "";
  switch (colour) {
    case Colour::kNone: break;
    case Colour::kBold: code = "1"; break;
    case Colour::kDim: code = "2"; break;
    case Colour::kRed: code = "31"; break;
    case Colour::kGreen: code = "32"; break;
    case Colour::kYellow: code = "33"; break;
    case Colour::kCyan: code = "36"; break;
  }
  return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

CodePoint code_point_at(std::string_view text, std::size_t pos) {
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n = decode(text, pos, &cp);
  if (n <= 0) return {U'\ufffd', 1};
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(n)};
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = decode(text, pos, &cp);
    if (n <= 0) {
      ++width;
      ++pos;
      continue;
    }
    width += static_cast<std::size_t>(utf8proc_charwidth(cp));
    pos += static_cast<std::size_t>(n);
  }
  return width;
}

std::string inert(std::string_view text, bool keep_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = decode(text, pos, &cp);
    if (n <= 0) {
      out += hex_escape(static_cast<unsigned char>(text[pos]), 2);
      ++pos;
      continue;
    }
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
      if (cp == '\n' || cp == '\t') {
        out += keep_breaks ? static_cast<char>(cp) : ' ';
      } else {
        out += hex_escape(static_cast<unsigned>(cp), cp < 0x100 ? 2 : 4);
      }
    } else if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
               (cp >= 0x2066 && cp <= 0x2069)) {
      // Line separators and bidirectional overrides can disguise text.
      out += hex_escape(static_cast<unsigned>(cp), 4);
    } else {
      out.append(text.substr(pos, static_cast<std::size_t>(n)));
    }
    pos += static_cast<std::size_t>(n);
  }
  return out;
}

std::string slug(std::string_view text, std::size_t max_length, std::string_view fallback) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= max_length) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? std::string(fallback) : out;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view first_indent,
                              std::string_view indent) {
  std::vector<std::string> lines;
  std::string line(first_indent);
  std::size_t line_width = display_width(first_indent);
  std::size_t indent_width = display_width(indent);
  bool line_has_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    const std::size_t word_width = display_width(word);
    if (line_has_word && line_width + 1 + word_width > width) {
      lines.push_back(line);
      line = std::string(indent);
      line_width = indent_width;
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
    line_has_word = true;
    pos = end;
  }
  if (line_has_word || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace gainsay
