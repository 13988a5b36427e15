// JsonWriter: JSON written as it is produced, to a stream, in exactly the
// layout of nlohmann::json's dump(2) (so reports built either way read the
// same). The disputed report of a million statements runs to hundreds of
// megabytes; building it as nlohmann values first took most of its time.
#pragma once

#include <cstdint>
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

  // Sends what is buffered to the stream.
  void flush();

  // How many arrays and objects are open.
  int depth() const { return static_cast<int>(levels_.size()); }
  // A piece of a part's text, written by a part writer at this depth.
  void append_part(std::string_view piece);

 private:
  void before_value();
  JsonWriter& plain_key(std::string_view name);
  void newline(int depth);
  void open(char bracket);
  void close(char bracket);

  std::ostream* out_ = nullptr;  // for a whole document
  PieceSink sink_;               // for a part
  std::size_t flush_at_;
  std::string buffer_;
  struct Level {
    bool empty = true;
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// `text` escaped as a JSON string body the way nlohmann::json escapes it
// (control characters as \u00xx, invalid UTF-8 replaced by U+FFFD), appended
// to `out`.
void append_json_escaped(std::string& out, std::string_view text);

}  // namespace gainsay
