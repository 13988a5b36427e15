// JsonWriter: JSON written as it is produced, to a stream, in exactly the
// layout of nlohmann::json's dump(2) (so reports built either way read the
// same). The disputed report of a million statements runs to hundreds of
// megabytes; building it as nlohmann values first took most of its time.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "in_order.h"

namespace gainsay {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);
  // A part of a document, rendered apart so that parts may be rendered in
  // parallel: values inside `depth` open arrays or objects, the innermost
  // of which holds no values yet when `first`. Its text goes to `sink` in
  // pieces of about half a megabyte; the last when flush() is called, which a
  // part must do.
  JsonWriter(int depth, bool first, PieceSink sink);
  ~JsonWriter();  // flushes a whole document
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next member of the current object.
  JsonWriter& key(std::string_view name);
  // A key written as a literal in gainsay's source: plain words that need
  // no escaping, which a report of a million statements writes 20 million
  // times.
  template <std::size_t N>
  JsonWriter& key(const char (&name)[N]) {
    return plain_key(std::string_view(name, N - 1));
  }

  void string(std::string_view text);
  void number(std::int64_t value);
  void boolean(bool value);
  void null();
  // A string, or null when empty.
  void optional_text(std::string_view text);

  // A value laid out by the caller, for what a report writes a million
  // times: room for at most `bound` bytes where the value goes (after the
  // comma and line break), to be written from the returned pointer and
  // ended by end_value() with where the writing stopped. The value's own
  // members sit at depth() + 1.
  char* begin_value(std::size_t bound);
  void end_value(char* end);

  // From set_muted(true) to set_muted(false), what is written is dropped,
  // but what it opens and closes is kept track of: a part that begins
  // inside a value walks what comes before it this way.
  void set_muted(bool muted);
  // Values passed over in the current array or object, not written: the
  // next one written is preceded by a comma.
  void passed_over();

  // Sends what is buffered to the stream.
  void flush();

  // How many arrays and objects are open.
  int depth() const { return static_cast<int>(levels_.size()); }
  // A piece of a part's text, written by a part writer at this depth.
  void append_part(std::string_view piece);

 private:
  // Room for `bound` more bytes of text, written from the returned pointer
  // and kept by commit() with where the writing stopped.
  char* room(std::size_t bound) { return used_ + bound <= buffer_.size() ? buffer_.data() + used_ : grow(bound); }
  void commit(char* end) { used_ = static_cast<std::size_t>(end - buffer_.data()); }
  char* grow(std::size_t bound);
  // Writes the comma and line break due before a value; needs before_room().
  char* before_value(char* out);
  std::size_t before_room() const;
  JsonWriter& plain_key(std::string_view name);
  void open(char bracket);
  void close(char bracket);

  std::ostream* out_ = nullptr;  // for a whole document
  PieceSink sink_;               // for a part
  std::size_t flush_at_;
  // The text is the first used_ bytes; the rest is room, made once, so that
  // writing a value needs no check of capacity byte by byte.
  std::string buffer_;
  std::size_t used_ = 0;
  struct Level {
    bool empty = true;
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
  bool muted_ = false;
  std::size_t muted_at_ = 0;  // where the text stood when muted
};

// `text` escaped as a JSON string body the way nlohmann::json escapes it
// (control characters as \u00xx, invalid UTF-8 replaced by U+FFFD), appended
// to `out`.
void append_json_escaped(std::string& out, std::string_view text);

// The pieces of a value laid out by hand (see JsonWriter::begin_value).
inline char* put(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}
// A line break and the indentation of `depth` levels: at most 1 + 2 * depth bytes.
char* put_line_break(char* out, int depth);
// The room that escaping `limit` bytes of text may take: six bytes each
// (\u00xx), and a UTF-8 sequence begun just before the limit.
constexpr std::size_t escaped_room(std::size_t limit) { return 6 * (limit + 8); }
// `text` escaped as append_json_escaped does, written at `out`, up to the
// first whole character that ends at or past `limit` bytes of it: where
// the writing ended and how many bytes of text were taken.
struct EscapedRun {
  char* end;
  std::size_t taken;
};
EscapedRun put_json_escaped(char* out, std::string_view text, std::size_t limit);

// Bytes that end a run of plain ASCII: control characters, the quote, the
// backslash, and every byte of a multi-byte sequence (to be checked).
inline constexpr auto kStopsRun = [] {
  std::array<bool, 256> stops{};
  for (int c = 0; c < 256; ++c) stops[static_cast<std::size_t>(c)] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return stops;
}();

// Whether any of the 8 bytes at `p` stops a run (see kStopsRun). Eight
// bytes are tested at once, since most text needs no escape at all.
inline bool block_stops_run(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  auto has_zero = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const std::uint64_t control = (v - 0x20 * kOnes) & ~v & kHigh;  // a byte below 0x20
  return (control | has_zero(v ^ ('"' * kOnes)) | has_zero(v ^ ('\\' * kOnes)) | (v & kHigh)) != 0;
}

// `text` escaped, written at `out`, which has escaped_room(text.size()).
// Short plain text, most of a report's, is copied without a call.
inline char* put_json_text(char* out, std::string_view text) {
  const char* p = text.data();
  const std::size_t n = text.size();
  bool plain = true;
  if (n >= 8) {
    for (std::size_t i = 0; plain && i + 8 <= n; i += 8) plain = !block_stops_run(p + i);
    plain = plain && !block_stops_run(p + n - 8);  // the tail, overlapping
  } else {
    for (std::size_t i = 0; plain && i < n; ++i) plain = !kStopsRun[static_cast<unsigned char>(p[i])];
  }
  return plain ? put(out, text) : put_json_escaped(out, text, n).end;
}

}  // namespace gainsay
