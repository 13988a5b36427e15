#include "json_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

using namespace gainsay;
using Json = nlohmann::ordered_json;

namespace {

// What nlohmann's dump(2) gives for `value`, the layout JsonWriter keeps.
std::string dumped(const Json& value) { return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

TEST_CASE("JsonWriter: the same bytes as nlohmann's dump(2), empty containers and nesting included") {
  std::ostringstream out;
  {
    JsonWriter json(out);
    json.begin_object();
    json.key("name").string("Zakharova");
    json.key("count").number(-42);
    json.key("yes").boolean(true);
    json.key("none").null();
    json.key("empty_list").begin_array();
    json.end_array();
    json.key("empty_object").begin_object();
    json.end_object();
    json.key("list").begin_array();
    json.string("a");
    json.begin_object();
    json.key("deep").begin_array();
    json.number(1);
    json.end_array();
    json.end_object();
    json.end_array();
    json.key("maybe").optional_text("");
    json.key("surely").optional_text("x");
    json.end_object();
  }
  const Json expected{{"name", "Zakharova"},          {"count", -42},
                      {"yes", true},                  {"none", nullptr},
                      {"empty_list", Json::array()},  {"empty_object", Json::object()},
                      {"list", {"a", Json{{"deep", {1}}}}}, {"maybe", nullptr},
                      {"surely", "x"}};
  CHECK(out.str() == dumped(expected));
}

TEST_CASE("JsonWriter: strings escaped as nlohmann escapes them") {
  const std::string hostile = std::string("quote \" backslash \\ tab \t newline \n bell \x07 esc \x1b[31m nul ") +
                              std::string(1, '\0') + " del \x7f </script> =cmd| Kyiv–Київ 🚀";
  std::ostringstream out;
  {
    JsonWriter json(out);
    json.begin_array();
    json.string(hostile);
    json.end_array();
  }
  CHECK(out.str() == dumped(Json::array({hostile})));
  CHECK(Json::parse(out.str())[0] == hostile);
}

TEST_CASE("JsonWriter: invalid and cut UTF-8 replaced exactly as nlohmann replaces it") {
  for (const std::string& text :
       {std::string("a\xff" "b"), std::string("\xe2\x82X"), std::string("ab\xe2\x82"), std::string("\xf0\x9f\x9aX"),
        std::string("\xc0\xaf"), std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"),
        std::string("\x80\x80"), std::string("\xe2\x28\xa1"), std::string("ok \xc3\xa9 \xf0\x9f\x9a\x80 \xc3"),
        std::string("\xf5\xbf"), std::string("\xe0\x80\x80"), std::string("x\xc3\xc3\xa9")}) {
    CAPTURE(text);
    std::ostringstream out;
    {
      JsonWriter json(out);
      json.begin_array();
      json.string(text);
      json.end_array();
    }
    CHECK(out.str() == dumped(Json::array({text})));
  }
}

TEST_CASE("JsonWriter: invalid UTF-8 becomes U+FFFD, never raw bytes") {
  std::string escaped;
  append_json_escaped(escaped, "a\xff" "b\xc3");
  CHECK(escaped == "a\xef\xbf\xbd" "b\xef\xbf\xbd");
  escaped.clear();
  append_json_escaped(escaped, "\xed\xa0\x80");  // a UTF-16 surrogate, not allowed in UTF-8
  CHECK(escaped.find('\xed') == std::string::npos);
}

TEST_CASE("JsonWriter: parts rendered apart and spliced in give the same bytes as one writer") {
  auto write_item = [](JsonWriter& json, int i) {
    json.begin_object();
    json.key("n").number(i);
    json.key("list").begin_array();
    json.string("x\"" + std::to_string(i));
    json.end_array();
    json.end_object();
  };
  std::ostringstream whole;
  {
    JsonWriter json(whole);
    json.begin_object();
    json.key("items").begin_array();
    for (int i = 0; i < 7; ++i) write_item(json, i);
    json.end_array();
    json.end_object();
  }
  std::ostringstream spliced;
  {
    JsonWriter json(spliced);
    json.begin_object();
    json.key("items").begin_array();
    const int starts[] = {0, 1, 4, 7};
    for (int part = 0; part < 3; ++part) {
      std::vector<std::string> pieces;
      JsonWriter writer(json.depth(), part == 0, [&](std::string&& piece) {
        pieces.push_back(std::move(piece));
        return std::string();
      });
      for (int i = starts[part]; i < starts[part + 1]; ++i) write_item(writer, i);
      writer.flush();
      for (const auto& piece : pieces) json.append_part(piece);
    }
    json.end_array();
    json.end_object();
  }
  CHECK(spliced.str() == whole.str());
}

TEST_CASE("JsonWriter: a character to escape is found wherever it sits in a long string") {
  // Plain text is skipped eight bytes at a time; each kind of byte that
  // needs care, at every offset, in strings longer than one such block.
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\x01'), "\x7f", "\xc3\xa9", "\xff", "\xe2\x82"};
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at <= 20; ++at) {
      std::string text(20, 'a');
      text.insert(at, special);
      CAPTURE(at);
      std::ostringstream out;
      {
        JsonWriter json(out);
        json.string(text);
      }
      CHECK(out.str() == dumped(Json(text)));
    }
  }
}
