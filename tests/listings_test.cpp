#include "gainsay/listings.h"

#include <doctest/doctest.h>

#include <sstream>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

const std::string kRest = R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
  - {id: decay, text: The dam failed from poor upkeep, contradicts: [shelled]}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612, quote: "They fired"}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06-12, source: tv-0615}
  - {id: admit, by: marsh, claim: shelled, stance: partially-admits, date: 2031-07, note: one warning shot}
  - {id: tie, by: free-officials, claim: shelled, stance: dismisses, date: 2031-06-12}
  - {id: dodge, by: free-officials, claim: shelled, stance: deflects}
  - {id: rot, by: marsh, claim: decay, stance: asserts, date: 2031}
  - {id: rot-no, by: ansel, claim: decay, stance: denies, date: 2031-06-12}
)";

// Column `name` of every row.
std::vector<std::string> column(const Table& table, const std::string& name) {
  const auto at = static_cast<std::size_t>(std::find(table.columns.begin(), table.columns.end(), name) - table.columns.begin());
  REQUIRE(at < table.columns.size());
  std::vector<std::string> out;
  for (const auto& row : table.rows) out.push_back(row[at]);
  return out;
}

}  // namespace

TEST_CASE("Listings: timeline orders by date, partial before full, ties in file order, undated apart") {
  const ClaimGraph graph = graph_with(kRest);
  const Table all = timeline_table(Selection(graph, {}), std::nullopt);
  CHECK(column(all, "statement") == std::vector<std::string>{"rot", "accuse", "deny", "tie", "rot-no", "admit", "dodge"});
  CHECK(column(all, "precision") == std::vector<std::string>{"year", "day", "day", "day", "day", "month", "none"});
  REQUIRE(all.breaks.size() == 1);
  CHECK(all.breaks[0].row == 6);
  CHECK(all.breaks[0].title == "Undated: these cannot be placed in time");

  const Table one = timeline_table(Selection(graph, {}), ClaimId{"decay"});
  CHECK(column(one, "statement") == std::vector<std::string>{"rot", "rot-no"});
  CHECK_THROWS_AS(timeline_table(Selection(graph, {}), ClaimId{"nope"}), Error);
}

TEST_CASE("Listings: shifts table has a group per shift and a row per step") {
  const ClaimGraph graph = graph_with(kRest);
  const Table table = shifts_table(Selection(graph, {}));
  // Marsh: denies -> partially-admits. Freedonia's side adds nothing new
  // (its officials' dismissal counts the same as Marsh's denial), but the
  // officials' undated deflection cannot be ordered against their dismissal.
  REQUIRE(table.breaks.size() == 2);
  CHECK(table.breaks[0].title ==
        "Minister Oda Marsh on \u201cFreedonian artillery shelled the dam\u201d: denies \u2192 partially-admits");
  CHECK(table.breaks[1].title == "unnamed Freedonian officials on \u201cFreedonian artillery shelled the dam\u201d: "
                                 "dismisses; undated, cannot be ordered: deflects");
  CHECK(column(table, "statement") == std::vector<std::string>{"deny", "admit", "tie", "dodge"});
  CHECK(column(table, "step") == std::vector<std::string>{"1", "2", "1", "undated"});
}

TEST_CASE("Listings: --as-of before and after an answer") {
  const ClaimGraph graph = graph_with(kRest);
  ReportFilter before;
  before.as_of = Date::parse("2031-06-14");
  CHECK(shifts_table(Selection(graph, before)).rows.empty());
  const Table claims_before = claims_table(Selection(graph, before), {});
  // 'rot', dated only 2031, is not certainly known until the year is out.
  CHECK(column(claims_before, "status") == std::vector<std::string>{"disputed", "unasserted"});
  CHECK(column(claims_before, "statements") == std::vector<std::string>{"2", "1"});
  ReportFilter after;
  after.as_of = Date::parse("2031-07-31");
  CHECK(column(claims_table(Selection(graph, after), {}), "status") ==
        std::vector<std::string>{"partially-conceded", "unasserted"});
  ReportFilter next_year;
  next_year.as_of = Date::parse("2032");
  CHECK(column(claims_table(Selection(graph, next_year), {}), "status") ==
        std::vector<std::string>{"partially-conceded", "disputed"});
}

TEST_CASE("Listings: contradictions table shows the statements on each side of it") {
  const ClaimGraph graph = graph_with(kRest + "  - {id: admit-decay, by: marsh, claim: shelled, stance: confirms, date: 2031-08}\n");
  const Table table = contradictions_table(Selection(graph, {}));
  REQUIRE(table.breaks.size() == 2);
  CHECK(table.breaks[0].title == "Minister Oda Marsh is both for and against \u201cFreedonian artillery shelled the dam\u201d");
  CHECK(table.breaks[0].row == 0);
  CHECK(table.breaks[1].title ==
        "Minister Oda Marsh is for two claims that contradict each other: \u201cFreedonian artillery shelled the dam\u201d "
        "and \u201cThe dam failed from poor upkeep\u201d");
  CHECK(table.breaks[1].row == 3);
  CHECK(column(table, "statement") == std::vector<std::string>{"admit-decay", "deny", "admit", "admit-decay", "rot"});
  CHECK(column(table, "role") == std::vector<std::string>{"for", "against", "against", "for", "for"});
  CHECK(contradictions_table(Selection(graph_with(kRest), {})).rows.empty());
}

TEST_CASE("Listings: the side matrix counts claims per claimant and answering side, by stance") {
  const ClaimGraph graph = graph_with(kRest);
  const Table table = matrix_table(Selection(graph, {}));
  REQUIRE(table.rows.size() == 2);
  // Ruritania claims 'shelled'; Freedonia answers it with a denial, a
  // dismissal, a partial admission and a deflection: one claim against.
  CHECK(table.rows[0] == std::vector<std::string>{"Government of Freedonia", "Government of Ruritania", "1", "1", "0",
                                                  "0", "0", "0", "0", "0"});
  CHECK(table.rows[1] == std::vector<std::string>{"Government of Ruritania", "Government of Freedonia", "1", "1", "1",
                                                  "0", "1", "1", "0", "0"});
  std::ostringstream json;
  write_table_json(json, table);
  CHECK(json.str().find("\"claims_against\": 1") != std::string::npos);
}

TEST_CASE("Listings: claims and actors, filtered by status and kind") {
  const ClaimGraph graph = graph_with(kRest);
  const Table disputed = claims_table(Selection(graph, {}), {ClaimStatus::kPartiallyConceded});
  CHECK(column(disputed, "id") == std::vector<std::string>{"shelled"});
  CHECK(column(disputed, "statements") == std::vector<std::string>{"5"});
  CHECK(column(disputed, "against") == std::vector<std::string>{"freedonia"});

  const Table people = actors_table(Selection(graph, {}), {ActorKind::kPerson});
  CHECK(column(people, "id") == std::vector<std::string>{"ansel", "marsh"});
  CHECK(column(people, "statements") == std::vector<std::string>{"2", "3"});
  CHECK(column(people, "against") == std::vector<std::string>{"1", "1"});
  ReportFilter side;
  side.side = "freedonia";
  // State TV is affiliated with Freedonia, not a member: its own side.
  CHECK(column(actors_table(Selection(graph, side), {}), "id") ==
        std::vector<std::string>{"freedonia", "free-officials", "marsh"});
}
