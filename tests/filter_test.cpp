#include "gainsay/filter.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

const std::string kRest = R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
  - {id: decay, text: The dam failed from poor upkeep}
statements:
  - {id: june, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11}
  - {id: summer, by: marsh, claim: shelled, stance: denies, date: 2031-07}
  - {id: year, by: free-officials, claim: shelled, stance: dismisses, date: 2031}
  - {id: never, by: marsh, claim: shelled, stance: deflects}
  - {id: rot, by: bugle, claim: decay, stance: asserts, date: 2031-08-02}
)";

std::vector<std::string> kept(const ClaimGraph& graph, const ReportFilter& filter) {
  const Selection selection(graph, filter);
  std::vector<std::string> out;
  for (const ClaimView& claim : selection.claims()) {
    for (const StatementView& s : selection.statements_on(claim)) out.push_back(s.statement->id.value);
  }
  return out;
}

}  // namespace

TEST_CASE("Filter: statements come in date order, a partial date before the days inside it, undated last") {
  const ClaimGraph graph = graph_with(kRest);
  CHECK(kept(graph, {}) == std::vector<std::string>{"year", "june", "summer", "never", "rot"});
}

TEST_CASE("Filter: --since and --until keep what may fall in the span, and drop the undated") {
  const ClaimGraph graph = graph_with(kRest);
  ReportFilter filter;
  filter.since = Date::parse("2031-07-15");
  CHECK(kept(graph, filter) == std::vector<std::string>{"year", "summer", "rot"});
  filter.until = Date::parse("2031-07-31");
  CHECK(kept(graph, filter) == std::vector<std::string>{"year", "summer"});
  ReportFilter until_june;
  until_june.until = Date::parse("2031-06");
  CHECK(kept(graph, until_june) == std::vector<std::string>{"year", "june"});
}

TEST_CASE("Filter: --actor and --side select the claims a side takes part in") {
  const ClaimGraph graph = graph_with(kRest);
  ReportFilter filter;
  filter.side = "The Daily Bugle";
  const Selection selection(graph, filter);
  REQUIRE(selection.claims().size() == 1);
  CHECK(selection.claims()[0].claim->id.value == "decay");
  CHECK(selection.is_selected_side(graph.find_actor(graph.stories()[0], ActorId{"bugle"})));
  CHECK_FALSE(selection.is_selected_side(graph.find_actor(graph.stories()[0], ActorId{"freedonia"})));
  CHECK_FALSE(Selection(graph, {}).is_selected_side(graph.find_actor(graph.stories()[0], ActorId{"bugle"})));
}

TEST_CASE("Filter: a claim's many statements in scrambled dates come in date order, ties in file order") {
  // Dates scrambled so that putting the views in order takes cycles of many
  // lengths; days, months, years and undated, with many ties.
  std::string rest = "claims:\n  - {id: shelled, text: Freedonian artillery shelled the dam}\nstatements:\n";
  const char* speakers[] = {"ansel", "marsh", "free-officials", "bugle"};
  unsigned seed = 7;
  for (int i = 0; i < 300; ++i) {
    seed = seed * 1103515245 + 12345;
    const unsigned r = (seed >> 8) % 40;
    std::string date;
    if (r < 28) date = ", date: 2031-" + std::string(r % 12 < 9 ? "0" : "") + std::to_string(r % 12 + 1) + "-1" + std::to_string(r % 3);
    else if (r < 34) date = ", date: 2031-0" + std::to_string(r % 9 + 1);
    else if (r < 37) date = ", date: " + std::to_string(2029 + r % 3);
    rest += "  - {id: s" + std::to_string(i) + ", by: " + speakers[i % 4] + ", claim: shelled, stance: asserts" + date + "}\n";
  }
  const ClaimGraph graph = graph_with(rest);
  const Selection selection(graph, {});
  const ClaimView claim = selection.claims().at(0);
  std::vector<StatementView> expected = graph.statements_on(claim);  // file order
  REQUIRE(expected.size() == 300);
  std::stable_sort(expected.begin(), expected.end(), earlier);
  const std::vector<StatementView> got = selection.statements_on(claim);
  REQUIRE(got.size() == expected.size());
  std::size_t moved = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].statement == expected[i].statement);
    CHECK(got[i].actor == expected[i].actor);
    moved += got[i].statement->id.value != "s" + std::to_string(i);
  }
  CHECK(moved > 250);  // the order is far from the file's
}
