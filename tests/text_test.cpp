#include "gainsay/text.h"

#include <doctest/doctest.h>

using namespace gainsay;

TEST_CASE("Text: inert makes control characters and escape sequences visible") {
  CHECK(inert("plain text") == "plain text");
  CHECK(inert("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
  CHECK(inert("bell\a") == "bell\\x07");
  CHECK(inert("line\nbreak\ttab") == "line break tab");
  CHECK(inert("line\nbreak\ttab\x1b", true) == "line\nbreak\ttab\\x1b");  // for XML, which carries breaks
  CHECK(inert("\xc2\x9b" "2J") == "\\x9b2J");             // C1 CSI
  CHECK(inert("a\xe2\x80\xae" "b") == "a\\u202eb");        // right-to-left override
  CHECK(inert("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d") == "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d");
  CHECK(inert("bad\xff") == "bad\\xff");
}

TEST_CASE("Text: display width counts columns, not bytes") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("caf\xc3\xa9") == 4);
  CHECK(display_width("\xe6\x97\xa5\xe6\x9c\xac") == 4);  // two wide CJK characters
}

TEST_CASE("Text: wrap keeps lines within the width and indents them") {
  const auto lines = wrap("the quick brown fox jumps over the lazy dog", 15, "- ", "  ");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "- the quick");
  CHECK(lines[1] == "  brown fox");
  CHECK(lines[2] == "  jumps over");
  CHECK(lines[3] == "  the lazy dog");
  for (const auto& line : lines) CHECK(display_width(line) <= 15);

  const auto long_word = wrap("a supercalifragilistic word", 10, "", "");
  CHECK(long_word == std::vector<std::string>{"a", "supercalifragilistic", "word"});
  CHECK(wrap("", 10, "> ", "  ") == std::vector<std::string>{"> "});
}

TEST_CASE("Text: paint adds colour only when the style asks") {
  TextStyle plain;
  CHECK(paint("x", Colour::kRed, plain) == "x");
  TextStyle colour;
  colour.colour = true;
  CHECK(paint("x", Colour::kRed, colour) == "\x1b[31mx\x1b[0m");
  CHECK(paint("x", Colour::kNone, colour) == "x");
}

TEST_CASE("Text: slug makes an id of free text") {
  CHECK(slug("Maria Zakharova", 48, "x") == "maria-zakharova");
  CHECK(slug("  U.S. -- officials!  ", 48, "x") == "u-s-officials");
  CHECK(slug("Caf\xc3\xa9 talk", 48, "x") == "caf-talk");
  CHECK(slug("a very long name indeed", 6, "x") == "a-very");
  CHECK(slug("***", 48, "fallback") == "fallback");
}
