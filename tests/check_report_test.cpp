#include "gainsay/check_report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

TEST_CASE("CheckReport: what counts as a problem, and how it is written") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: c, text: T}
statements:
  - {id: a, by: ansel, claim: c, stance: asserts, quote: "one"}
  - {id: b, by: ansel, claim: c, stance: asserts, quote: "two"}
  - {id: d, by: ansel, claim: c, stance: asserts, quote: "three"}
)");
  const Selection selection(graph, {});
  const auto views = selection.statements_on(selection.claims()[0]);
  CheckReport report;
  report.checked_quotes = true;
  report.quotes = {{views[0], QuoteMatch::kExact, {3, 7, "one"}, 1, "t.txt", ""},
                   {views[1], QuoteMatch::kNotFound, {4, 1, "tow"}, 0.667, "t.txt", ""},
                   {views[2], QuoteMatch::kUnverifiable, {}, 0, "", "source 'x' has no local text"}};
  report.integrity = std::vector<std::string>{};
  CHECK(report.problems() == 1);  // the quote not found; no text is not a problem

  std::ostringstream text, json;
  write_check_text(text, report, TextStyle{});
  write_check_json(json, report);
  CHECK(text.str().find("Quotes: 3 checked \u00b7 1 exact \u00b7 0 normalised \u00b7 0 with-gaps \u00b7 1 not-found") == 0);
  CHECK(text.str().find("closest (67% alike) at t.txt:4:1: \u201ctow\u201d") != std::string::npos);
  CHECK(text.str().find("integrity_check ok") != std::string::npos);
  CHECK(text.str().find("1 problem found.") != std::string::npos);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed["problems"] == 1);
  CHECK(parsed["quotes"][0]["line"] == 3);
  CHECK(parsed["quotes"][1]["match"] == "not-found");
  CHECK(parsed["quotes"][1]["problem"] == true);
  CHECK(parsed["quotes"][2]["line"].is_null());
  CHECK(parsed["sourcing"].is_null());
  CHECK(parsed["integrity"]["ok"] == true);
}
