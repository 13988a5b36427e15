#include "json_writer.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace gainsay {
namespace {

constexpr std::size_t kFlushAt = 1 << 16;
constexpr std::size_t kPieceAt = 1 << 19;
// A line break and the indentation of up to 64 levels, copied in one go.
constexpr std::string_view kLineBreak =
    "\n                                                                "
    "                                                                ";
static_assert(kLineBreak.size() == 1 + 2 * 64);

// How the UTF-8 sequence at the start of `text` reads: its length when it is
// whole and valid (`valid`), else how many of its bytes were fine before
// the one that broke it (at least one: a byte that cannot start a sequence
// is taken alone).
struct Utf8Sequence {
  std::size_t length;
  bool valid;
};

Utf8Sequence utf8_sequence(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;  // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return {1, false};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (i >= text.size()) return {i, false};
    const unsigned char from = i == 1 ? low : 0x80, to = i == 1 ? high : 0xbf;
    if (byte(i) < from || byte(i) > to) return {i, false};
  }
  return {length, true};
}

}  // namespace

// Bytes that end a run of plain ASCII: control characters, the quote, the
// backslash, and every byte of a multi-byte sequence (to be checked).
constexpr auto kStopsRun = [] {
  std::array<bool, 256> stops{};
  for (int c = 0; c < 256; ++c) stops[static_cast<std::size_t>(c)] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return stops;
}();

// Whether any of the 8 bytes at `p` stops a run (see kStopsRun): a
// control character, the quote, the backslash, or a byte of 0x80 or more.
// Eight bytes are tested at once, since most text needs no escape at all.
bool block_stops_run(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  auto has_zero = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const std::uint64_t control = (v - 0x20 * kOnes) & ~v & kHigh;  // a byte below 0x20
  return (control | has_zero(v ^ ('"' * kOnes)) | has_zero(v ^ ('\\' * kOnes)) | (v & kHigh)) != 0;
}

void append_json_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the bytes that need no escape
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size() && !block_stops_run(text.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kStopsRun[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const Utf8Sequence sequence = utf8_sequence(text.substr(i));
      if (sequence.valid) {
        i += sequence.length;
        continue;
      }
      // As nlohmann's "replace": one U+FFFD for the broken sequence, and the
      // byte that broke it is read again.
      out.append(text.data() + run, i - run);
      out += "\xef\xbf\xbd";
      i += sequence.length;
      run = i;
      continue;
    }
    out.append(text.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        out += escaped;
    }
    ++i;
    run = i;
  }
  out.append(text.data() + run, text.size() - run);
}

JsonWriter::JsonWriter(std::ostream& out) : out_(&out), flush_at_(kFlushAt) { buffer_.reserve(kFlushAt * 2); }

JsonWriter::JsonWriter(int depth, bool first, PieceSink sink)
    : sink_(std::move(sink)), flush_at_(kPieceAt), levels_(static_cast<std::size_t>(depth), Level{false}) {
  if (!levels_.empty()) levels_.back().empty = first;
  buffer_.reserve(kPieceAt * 2);
}

// A part is not flushed here: its sink may throw, which a destructor may not.
JsonWriter::~JsonWriter() {
  if (out_) flush();
}

void JsonWriter::flush() {
  if (buffer_.empty()) return;
  if (out_) {
    out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  } else {
    std::string piece = std::move(buffer_);
    buffer_ = std::string();
    buffer_.reserve(kPieceAt * 2);
    sink_(std::move(piece));
  }
}

void JsonWriter::append_part(std::string_view piece) {
  if (piece.empty()) return;
  if (!levels_.empty()) levels_.back().empty = false;
  // A piece is large already: it goes straight out, not through the buffer.
  flush();
  if (out_) out_->write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

void JsonWriter::newline(int depth) {
  const auto length = 1 + static_cast<std::size_t>(2 * depth);
  if (length <= kLineBreak.size()) {
    buffer_.append(kLineBreak.data(), length);
  } else {
    buffer_ += '\n';
    buffer_.append(length - 1, ' ');
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.empty) buffer_ += ',';
  level.empty = false;
  newline(static_cast<int>(levels_.size()));
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  buffer_ += '"';
  append_json_escaped(buffer_, name);
  buffer_ += "\": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::plain_key(std::string_view name) {
  assert(std::none_of(name.begin(), name.end(), [](char c) { return kStopsRun[static_cast<unsigned char>(c)]; }));
  // The comma, the line break and indentation, the quoted name and ": "
  // made up here and appended at once: one append instead of five, for
  // what is most of a report's text.
  const std::size_t indent = 2 * levels_.size();
  char line[192];
  if (after_key_ || levels_.empty() || 1 + indent > kLineBreak.size() || name.size() + indent + 6 > sizeof line) {
    before_value();
    buffer_ += '"';
    buffer_ += name;
    buffer_ += "\": ";
  } else {
    Level& level = levels_.back();
    std::size_t n = 0;
    if (!level.empty) line[n++] = ',';
    level.empty = false;
    std::memcpy(line + n, kLineBreak.data(), 1 + indent);
    n += 1 + indent;
    line[n++] = '"';
    std::memcpy(line + n, name.data(), name.size());
    n += name.size();
    std::memcpy(line + n, "\": ", 3);
    n += 3;
    buffer_.append(line, n);
  }
  after_key_ = true;
  return *this;
}

void JsonWriter::open(char bracket) {
  before_value();
  buffer_ += bracket;
  levels_.push_back({});
}

void JsonWriter::close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) newline(static_cast<int>(levels_.size()));
  buffer_ += bracket;
  if (buffer_.size() >= flush_at_) flush();
}

void JsonWriter::begin_object() { open('{'); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('['); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::string(std::string_view text) {
  before_value();
  buffer_ += '"';
  append_json_escaped(buffer_, text);
  buffer_ += '"';
}

void JsonWriter::number(std::int64_t value) {
  before_value();
  buffer_ += std::to_string(value);
}

void JsonWriter::boolean(bool value) {
  before_value();
  buffer_ += value ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  buffer_ += "null";
}

void JsonWriter::optional_text(std::string_view text) {
  if (text.empty()) {
    null();
  } else {
    string(text);
  }
}

}  // namespace gainsay
