#include "gainsay/sourcing.h"

#include <doctest/doctest.h>

#include "gainsay/check_report.h"
#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

std::vector<std::string> flags(const ClaimGraph& graph) {
  std::vector<std::string> out;
  for (const auto& w : check_sourcing(Selection(graph, {}))) {
    out.push_back(w.claim.claim->id.value + " " + std::string(to_string(w.flag)));
  }
  return out;
}

}  // namespace

TEST_CASE("Sourcing: a well-sourced, answered claim has no warning") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
statements:
  - {id: a, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612, attribution: on-record}
  - {id: b, by: marsh, claim: shelled, stance: denies, date: 2031-06-15, source: bugle-0701, attribution: on-record}
)");
  CHECK(flags(graph).empty());
}

TEST_CASE("Sourcing: a story where every warning fires") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
  - {id: bugle-lies, text: The Bugle invents its stories, about: [bugle]}
statements:
  - {id: a, by: free-officials, claim: shelled, stance: asserts, attribution: anonymous, source: tv-0615, date: 2031-06}
  - {id: b, by: free-officials, claim: shelled, stance: asserts, attribution: anonymous, source: tv-0615, repeats: a}
  - {id: c, by: ansel, claim: bugle-lies, stance: asserts}
)");
  CHECK(flags(graph) == std::vector<std::string>{
                            "shelled only-anonymous",       // both for-statements anonymous
                            "shelled single-source",        // only tv-0615
                            "shelled only-interested-outlets",  // state TV, affiliated with Freedonia, which speaks
                            "shelled repeated-origin",      // b repeats a
                            "shelled undated",              // b
                            "bugle-lies single-source",     // no source at all
                            "bugle-lies accused-unanswered",  // the Bugle never answers
                            "bugle-lies undated",
                            "bugle-lies unsourced",
                        });
  const auto warnings = check_sourcing(Selection(graph, {}));
  CHECK(warnings[3].message == "2 reports for it, 1 independent: 1 repeat an earlier report of the same words");
  CHECK(warnings[5].message == "no statement on it names a source");
  CHECK(warnings[6].message ==
        "the accused side, The Daily Bugle, has no recorded answer (never asked, or never reported)");
  CheckReport report;
  report.checked_sourcing = true;
  report.sourcing = warnings;
  CHECK(report.problems() == 9);
}

TEST_CASE("Sourcing: the accused conceding counts as an answer; an evasion too") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
  - {id: fled, text: Freedonian troops fled, about: [freedonia]}
statements:
  - {id: a, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612}
  - {id: b, by: marsh, claim: shelled, stance: confirms, date: 2031-06-12, source: bugle-0701}
  - {id: c, by: ansel, claim: fled, stance: asserts, date: 2031-06-11, source: bugle-0612}
  - {id: d, by: marsh, claim: fled, stance: declines, date: 2031-06-12, source: bugle-0701}
)");
  CHECK(flags(graph).empty());
}

TEST_CASE("Sourcing: repeats are counted once") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: c, text: T}
statements:
  - {id: a, by: ansel, claim: c, stance: asserts}
  - {id: b, by: ansel, claim: c, stance: asserts, repeats: a}
  - {id: d, by: bugle, claim: c, stance: corroborates, repeats: a}
  - {id: e, by: marsh, claim: c, stance: corroborates}
)");
  const Selection selection(graph, {});
  const auto count = count_reports(selection.statements_on(selection.claims()[0]));
  CHECK(count.independent == 2);
  CHECK(count.repeated == 2);
}
