#include "json_writer.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace gainsay {
namespace {

constexpr std::size_t kFlushAt = 1 << 16;
constexpr std::size_t kPieceAt = 1 << 19;
// Room made beyond where a buffer is flushed: more than a value of a report
// takes but for long text, which grows it.
constexpr std::size_t kSlack = 1 << 16;
// Text is escaped this many bytes at a time, so the room made for it (six
// bytes for each) stays small however long the text.
constexpr std::size_t kEscapeStep = 1 << 12;
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

EscapedRun put_json_escaped(char* out, std::string_view text, std::size_t limit) {
  std::size_t run = 0;  // start of the bytes that need no escape
  std::size_t i = 0;
  auto copy_run = [&] {
    std::memcpy(out, text.data() + run, i - run);
    out += i - run;
  };
  while (i < text.size() && i < limit) {
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
      copy_run();
      out = put(out, "\xef\xbf\xbd");
      i += sequence.length;
      run = i;
      continue;
    }
    copy_run();
    switch (c) {
      case '"': out = put(out, "\\\""); break;
      case '\\': out = put(out, "\\\\"); break;
      case '\b': out = put(out, "\\b"); break;
      case '\f': out = put(out, "\\f"); break;
      case '\n': out = put(out, "\\n"); break;
      case '\r': out = put(out, "\\r"); break;
      case '\t': out = put(out, "\\t"); break;
      default: {
        constexpr char kHex[] = "0123456789abcdef";
        const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out = put(out, std::string_view(escaped, sizeof escaped));
      }
    }
    ++i;
    run = i;
  }
  copy_run();
  return {out, i};
}

void append_json_escaped(std::string& out, std::string_view text) {
  while (!text.empty()) {
    const std::size_t limit = std::min(text.size(), kEscapeStep);
    const std::size_t at = out.size();
    out.resize(at + escaped_room(limit));
    const EscapedRun run = put_json_escaped(out.data() + at, text, limit);
    out.resize(static_cast<std::size_t>(run.end - out.data()));
    text.remove_prefix(run.taken);
  }
}

JsonWriter::JsonWriter(std::ostream& out) : out_(&out), flush_at_(kFlushAt) { buffer_.resize(kFlushAt + kSlack); }

JsonWriter::JsonWriter(int depth, bool first, PieceSink sink)
    : sink_(std::move(sink)), flush_at_(kPieceAt), levels_(static_cast<std::size_t>(depth), Level{false}) {
  if (!levels_.empty()) levels_.back().empty = first;
  buffer_.resize(kPieceAt + kSlack);
}

// A part is not flushed here: its sink may throw, which a destructor may not.
JsonWriter::~JsonWriter() {
  if (out_) flush();
}

char* JsonWriter::grow(std::size_t bound) {
  buffer_.resize(std::max(buffer_.size() * 2, used_ + bound));
  return buffer_.data() + used_;
}

void JsonWriter::flush() {
  assert(!muted_);  // muted text is dropped, never sent
  if (used_ == 0) return;
  if (out_) {
    out_->write(buffer_.data(), static_cast<std::streamsize>(used_));
  } else {
    std::string piece = std::move(buffer_);
    piece.resize(used_);
    // A piece handed back was cut to its text; growing it again clears
    // only the slack.
    buffer_ = sink_(std::move(piece));
    buffer_.resize(kPieceAt + kSlack);
  }
  used_ = 0;
}

void JsonWriter::append_part(std::string_view piece) {
  assert(!muted_);
  if (piece.empty()) return;
  if (!levels_.empty()) levels_.back().empty = false;
  // A piece is large already: it goes straight out, not through the buffer.
  flush();
  if (out_) out_->write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

char* put_line_break(char* out, int depth) {
  const auto length = 1 + static_cast<std::size_t>(2 * depth);
  if (length <= kLineBreak.size()) return put(out, kLineBreak.substr(0, length));
  *out++ = '\n';
  std::memset(out, ' ', length - 1);
  return out + length - 1;
}

char* JsonWriter::before_value(char* out) {
  if (after_key_) {
    after_key_ = false;
    return out;
  }
  if (levels_.empty()) return out;
  Level& level = levels_.back();
  if (!level.empty) *out++ = ',';
  level.empty = false;
  return put_line_break(out, depth());
}

// The room a value needs before its own text: a comma and a line break.
std::size_t JsonWriter::before_room() const { return 2 + 2 * levels_.size(); }

JsonWriter& JsonWriter::key(std::string_view name) {
  if (name.size() > kEscapeStep) {
    // A key too long to escape in one step (none that gainsay writes) is
    // written as a string, in steps, and then marked as a key.
    string(name);
    commit(put(room(2), ": "));
    after_key_ = true;
    return *this;
  }
  char* out = room(before_room() + escaped_room(name.size()) + 4);
  out = before_value(out);
  *out++ = '"';
  out = put_json_escaped(out, name, name.size()).end;
  commit(put(out, "\": "));
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::plain_key(std::string_view name) {
  assert(std::none_of(name.begin(), name.end(), [](char c) { return kStopsRun[static_cast<unsigned char>(c)]; }));
  char* out = room(before_room() + name.size() + 4);
  out = before_value(out);
  *out++ = '"';
  out = put(out, name);
  commit(put(out, "\": "));
  after_key_ = true;
  return *this;
}

char* JsonWriter::begin_value(std::size_t bound) { return before_value(room(before_room() + bound)); }

void JsonWriter::end_value(char* end) {
  commit(end);
  if (used_ >= flush_at_ && !muted_) flush();
}

void JsonWriter::set_muted(bool muted) {
  if (muted == muted_) return;
  if (muted) {
    muted_at_ = used_;
  } else {
    used_ = muted_at_;
  }
  muted_ = muted;
}

void JsonWriter::passed_over() {
  after_key_ = false;
  if (!levels_.empty()) levels_.back().empty = false;
}

void JsonWriter::open(char bracket) {
  char* out = before_value(room(before_room() + 1));
  *out++ = bracket;
  commit(out);
  levels_.push_back({});
}

void JsonWriter::close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  char* out = room(before_room() + 1);
  if (!empty) out = put_line_break(out, depth());
  *out++ = bracket;
  end_value(out);
}

void JsonWriter::begin_object() { open('{'); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('['); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::string(std::string_view text) {
  char* out = before_value(room(before_room() + 1));
  *out++ = '"';
  commit(out);
  // Long text is escaped in steps, so that the room made for it stays small.
  do {
    const std::size_t limit = std::min(text.size(), kEscapeStep);
    const EscapedRun run = put_json_escaped(room(escaped_room(limit)), text, limit);
    commit(run.end);
    text.remove_prefix(run.taken);
  } while (!text.empty());
  out = room(1);
  *out++ = '"';
  commit(out);
}

void JsonWriter::number(std::int64_t value) {
  const std::string digits = std::to_string(value);
  commit(put(begin_value(digits.size()), digits));
}

void JsonWriter::boolean(bool value) { commit(put(begin_value(5), value ? "true" : "false")); }

void JsonWriter::null() { commit(put(begin_value(4), "null")); }

void JsonWriter::optional_text(std::string_view text) {
  if (text.empty()) {
    null();
  } else {
    string(text);
  }
}

}  // namespace gainsay
