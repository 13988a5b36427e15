#include "gainsay/contradiction.h"

#include <doctest/doctest.h>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

std::vector<std::string> describe(const ClaimGraph& graph) {
  std::vector<std::string> out;
  for (const Contradiction& c : find_contradictions(Selection(graph, {}))) {
    std::string line = c.who->id.value + (c.is_side ? " (side) " : " ") +
                       (c.kind == Contradiction::Kind::kForAndAgainst ? "for+against " : "for both ") +
                       c.claim.claim->id.value + (c.other ? "/" + c.other->claim->id.value : "") + ":";
    for (const auto& s : c.first) line += " " + s.statement->id.value;
    line += " |";
    for (const auto& s : c.second) line += " " + s.statement->id.value;
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("Contradiction: an actor for and against one claim") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam}
statements:
  - {id: a, by: marsh, claim: shelled, stance: denies, date: 2031-06-01}
  - {id: b, by: marsh, claim: shelled, stance: confirms, date: 2031-07-01}
  - {id: c, by: ansel, claim: shelled, stance: asserts}
)");
  CHECK(describe(graph) == std::vector<std::string>{"marsh for+against shelled: b | a"});
}

TEST_CASE("Contradiction: a side that contradicts itself through different members") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam}
statements:
  - {id: a, by: marsh, claim: shelled, stance: partially-admits}
  - {id: b, by: free-officials, claim: shelled, stance: confirms}
  - {id: c, by: ansel, claim: shelled, stance: asserts}
  - {id: d, by: ruri-mod, claim: shelled, stance: asserts}
)");
  CHECK(describe(graph) == std::vector<std::string>{"freedonia (side) for+against shelled: b | a"});
}

TEST_CASE("Contradiction: for two claims that contradict each other, declared on either") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam}
  - {id: decay, text: The dam failed from poor upkeep, contradicts: [shelled]}
statements:
  - {id: a, by: ansel, claim: shelled, stance: asserts}
  - {id: b, by: ansel, claim: decay, stance: corroborates}
  - {id: c, by: ruri-mod, claim: decay, stance: asserts}
  - {id: d, by: marsh, claim: decay, stance: asserts}
  - {id: e, by: marsh, claim: shelled, stance: denies}
)");
  // Ansel is for both; Ruritania's side too, but Ansel already shows it.
  CHECK(describe(graph) == std::vector<std::string>{"ansel for both shelled/decay: a | b"});
}

TEST_CASE("Contradiction: none when every actor keeps to one side of a claim") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam}
statements:
  - {id: a, by: ansel, claim: shelled, stance: asserts}
  - {id: b, by: marsh, claim: shelled, stance: denies}
  - {id: c, by: marsh, claim: shelled, stance: deflects}
)");
  CHECK(describe(graph).empty());
}
