#include "gainsay/filter.h"

#include <doctest/doctest.h>

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
