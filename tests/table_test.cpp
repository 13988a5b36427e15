#include "gainsay/table.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace gainsay;

TEST_CASE("Table: CSV fields are quoted as RFC 4180 says and formulas made inert") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  for (const char* formula : {"+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
    CAPTURE(formula);
    CHECK(csv_field(formula).find('\'') != std::string::npos);
  }
  CHECK(csv_field("") == "");
}

TEST_CASE("Table: Markdown escapes what would break a table or make a link") {
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("<script>") == "\\<script\\>");
  CHECK(markdown_escape("[x](javascript:y)") == "\\[x\\](javascript:y)");
  CHECK(markdown_escape("\x1b[2J") == "\\\\x1b\\[2J");
}

TEST_CASE("Table: the four renderings") {
  Table table;
  table.columns = {"id", "count"};
  table.numeric = {false, true};
  table.rows = {{"alpha", "3"}, {"b", "12"}};

  std::ostringstream text, markdown, csv, json;
  write_table_text(text, table, TextStyle{});
  write_table_markdown(markdown, table);
  write_table_csv(csv, table);
  write_table_json(json, table);
  CHECK(text.str() == "id     count\nalpha      3\nb         12\n");
  CHECK(markdown.str() == "| id | count |\n| --- | ---: |\n| alpha | 3 |\n| b | 12 |\n");
  CHECK(csv.str() == "id,count\r\nalpha,3\r\nb,12\r\n");
  CHECK(json.str().find("\"count\": 12") != std::string::npos);
  CHECK(json.str().find("\"id\": \"alpha\"") != std::string::npos);
}
