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

namespace gainsay {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);
  ~JsonWriter();  // flushes
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next member of the current object.
  JsonWriter& key(std::string_view name);

  void string(std::string_view text);
  void number(std::int64_t value);
  void boolean(bool value);
  void null();
  // A string, or null when empty.
  void optional_text(std::string_view text);

  // Sends what is buffered to the stream.
  void flush();

 private:
  void before_value();
  void newline(int depth);
  void open(char bracket);
  void close(char bracket);

  std::ostream& out_;
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
