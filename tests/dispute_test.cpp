#include "gainsay/dispute.h"

#include <doctest/doctest.h>

#include "gainsay/error.h"
#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

const std::string kClaim = R"(claims:
  - id: shelled
    text: Freedonian artillery shelled the dam
    about: [freedonia]
statements:
)";

// The assessment of the claim 'shelled' given these statements, with the
// graph it points into kept alive beside it.
struct Assessed {
  ClaimGraph graph;
  ClaimAssessment assessment;
  const ClaimAssessment* operator->() const { return &assessment; }
};

Assessed assess(const std::string& statements, const ReportFilter& filter = {}) {
  ClaimGraph graph = graph_with(kClaim + statements);
  auto all = assess_claims(graph, filter);
  REQUIRE(all.size() == 1);
  return {std::move(graph), std::move(all[0])};
}

std::string status(const std::string& statements, const ReportFilter& filter = {}) {
  return std::string(to_string(assess(statements, filter)->status));
}

std::vector<std::string> names(const std::vector<const Actor*>& actors) {
  std::vector<std::string> out;
  for (const Actor* a : actors) out.push_back(a->id.value);
  return out;
}

const char* const kAccuse = "  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612}\n";

}  // namespace

TEST_CASE("Dispute: for, and against from another side, is disputed") {
  const Assessed a = assess(std::string(kAccuse) +
                                   "  - {id: deny, by: free-officials, claim: shelled, stance: denies, date: 2031-06-12}\n");
  CHECK(a->disputed);
  CHECK(a->status == ClaimStatus::kDisputed);
  CHECK(names(a->sides_for) == std::vector<std::string>{"ruritania"});
  CHECK(names(a->sides_against) == std::vector<std::string>{"freedonia"});
  CHECK(names(a->accused) == std::vector<std::string>{"freedonia"});
  CHECK(a->for_claim.size() == 1);
  CHECK(a->against.size() == 1);
  CHECK(a->first_date->to_string() == "2031-06-11");
}

TEST_CASE("Dispute: every status") {
  CHECK(status(kAccuse) == "unanswered");
  CHECK(status(std::string(kAccuse) + "  - {id: d, by: marsh, claim: shelled, stance: deflects}\n") == "evaded");
  CHECK(status(std::string(kAccuse) + "  - {id: d, by: marsh, claim: shelled, stance: declines}\n"
                                      "  - {id: e, by: free-officials, claim: shelled, stance: counter-accuses}\n") ==
        "evaded");
  CHECK(status(std::string(kAccuse) + "  - {id: c, by: marsh, claim: shelled, stance: confirms}\n") == "conceded");
  CHECK(status(std::string(kAccuse) +
               "  - {id: p, by: marsh, claim: shelled, stance: partially-admits, note: \"one shell, by accident\"}\n") ==
        "partially-conceded");
  CHECK(status(std::string(kAccuse) + "  - {id: r, by: ansel, claim: shelled, stance: retracts, date: 2031-07-01}\n") ==
        "retracted");
  CHECK(status("  - {id: d, by: marsh, claim: shelled, stance: denies}\n") == "unasserted");
  CHECK(status("") == "unasserted");
  // One side both for and against: Ruritania's ministry doubts its own spokesperson.
  CHECK(status(std::string(kAccuse) + "  - {id: doubt, by: ruri-mod, claim: shelled, stance: disputes}\n") ==
        "contested-within-side");
}

TEST_CASE("Dispute: a partial admission still counts against, so the claim stays disputed") {
  const Assessed a = assess(std::string(kAccuse) +
                                   "  - {id: p, by: marsh, claim: shelled, stance: partially-admits, note: one shell}\n");
  CHECK(a->disputed);
  CHECK(a->status == ClaimStatus::kPartiallyConceded);
}

TEST_CASE("Dispute: an actor's later statement supersedes its earlier one") {
  const std::string denied_then_confirmed = std::string(kAccuse) +
                                            "  - {id: d, by: marsh, claim: shelled, stance: denies, date: 2031-06-12}\n"
                                            "  - {id: c, by: marsh, claim: shelled, stance: confirms, date: 2031-07-01}\n";
  const Assessed a = assess(denied_then_confirmed);
  CHECK(a->status == ClaimStatus::kConceded);
  CHECK_FALSE(a->disputed);
  CHECK(a->against.size() == 1);  // the denial stays on the record

  SUBCASE("but an undated statement cannot be placed, so it is never superseded") {
    const Assessed b = assess(std::string(kAccuse) +
                                     "  - {id: d, by: marsh, claim: shelled, stance: denies}\n"
                                     "  - {id: c, by: marsh, claim: shelled, stance: confirms, date: 2031-07-01}\n");
    CHECK(b->disputed);
    CHECK(b->status == ClaimStatus::kContestedWithinSide);
  }
  SUBCASE("nor is a statement whose partial date overlaps the later one") {
    const Assessed b = assess(std::string(kAccuse) +
                                     "  - {id: d, by: marsh, claim: shelled, stance: denies, date: 2031-07}\n"
                                     "  - {id: c, by: marsh, claim: shelled, stance: confirms, date: 2031-07-01}\n");
    CHECK(b->disputed);
  }
}

TEST_CASE("Dispute: shifts of an actor, in date order, with uncertain order flagged") {
  const Assessed a = assess(std::string(kAccuse) +
                                   "  - {id: p, by: marsh, claim: shelled, stance: partially-admits, date: 2031-08-01}\n"
                                   "  - {id: d1, by: marsh, claim: shelled, stance: denies, date: 2031-06}\n"
                                   "  - {id: d2, by: marsh, claim: shelled, stance: dismisses, date: 2031-06-20}\n"
                                   "  - {id: u, by: marsh, claim: shelled, stance: deflects}\n");
  REQUIRE(a->shifts.size() == 1);
  const PositionShift& shift = a->shifts[0];
  CHECK(shift.who->id.value == "marsh");
  CHECK_FALSE(shift.is_side);
  // denies and dismisses both count as against: one step, then the partial admission.
  REQUIRE(shift.steps.size() == 2);
  CHECK(shift.steps[0].statement.statement->id.value == "d1");
  CHECK(shift.steps[1].statement.statement->id.value == "p");
  CHECK_FALSE(shift.steps[1].order_uncertain);
  REQUIRE(shift.undated.size() == 1);
  CHECK(shift.undated[0].statement->id.value == "u");

  const Assessed b = assess(std::string(kAccuse) +
                                   "  - {id: d, by: marsh, claim: shelled, stance: denies, date: 2031}\n"
                                   "  - {id: p, by: marsh, claim: shelled, stance: partially-admits, date: 2031-08}\n");
  REQUIRE(b->shifts.size() == 1);
  CHECK(b->shifts[0].steps[1].order_uncertain);
}

TEST_CASE("Dispute: a side shifts when different members take different stances over time") {
  const Assessed a = assess(std::string(kAccuse) +
                                   "  - {id: d, by: free-officials, claim: shelled, stance: denies, date: 2031-06-12}\n"
                                   "  - {id: e, by: marsh, claim: shelled, stance: declines, date: 2031-06-20}\n"
                                   "  - {id: p, by: marsh, claim: shelled, stance: partially-admits, date: 2031-07-02}\n");
  std::vector<std::string> who;
  for (const auto& s : a->shifts) who.push_back(s.who->id.value + (s.is_side ? " (side)" : ""));
  // Marsh moved from declining to a partial admission; Freedonia as a side
  // moved from denial to partial admission, the refusal in between ignored.
  CHECK(who == std::vector<std::string>{"marsh", "freedonia (side)"});
  const PositionShift& side = a->shifts[1];
  REQUIRE(side.steps.size() == 2);
  CHECK(side.steps[0].statement.statement->id.value == "d");
  CHECK(side.steps[1].statement.statement->id.value == "p");
}

TEST_CASE("Dispute: no shift when the stance keeps counting the same") {
  const Assessed a = assess(std::string(kAccuse) +
                                   "  - {id: d, by: marsh, claim: shelled, stance: denies, date: 2031-06-12}\n"
                                   "  - {id: e, by: marsh, claim: shelled, stance: dismisses, date: 2031-06-20}\n");
  CHECK(a->shifts.empty());
}

TEST_CASE("Dispute: --as-of shows what a reader could have known that day") {
  const std::string statements = std::string(kAccuse) +
                                 // made 2031-06-12 but only published by state TV on 2031-06-15
                                 "  - {id: d, by: marsh, claim: shelled, stance: denies, date: 2031-06-12, source: tv-0615}\n"
                                 "  - {id: vague, by: free-officials, claim: shelled, stance: dismisses, date: 2031-06}\n"
                                 "  - {id: undated, by: marsh, claim: shelled, stance: deflects}\n";
  ReportFilter filter;
  filter.as_of = Date::parse("2031-06-13");
  const Assessed before = assess(statements, filter);
  CHECK(before->status == ClaimStatus::kUnanswered);
  CHECK_FALSE(before->disputed);
  CHECK(before->for_claim.size() == 1);
  CHECK(before->against.empty());
  CHECK(before->evasive.empty());  // undated: cannot be placed before the day

  filter.as_of = Date::parse("2031-06-15");
  const Assessed after = assess(statements, filter);
  CHECK(after->disputed);
  CHECK(after->against.size() == 1);  // the June-only dismissal is not yet certain

  filter.as_of = Date::parse("2031-06");
  CHECK(assess(statements, filter)->against.size() == 2);

  CHECK(assess(statements)->evasive.size() == 1);
}

TEST_CASE("Dispute: disputed claims come most-opposed first, then oldest first") {
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: late, text: Late claim}
  - {id: early, text: Early claim}
  - {id: wide, text: Widely opposed claim}
  - {id: quiet, text: Nobody answered}
statements:
  - {id: a1, by: ansel, claim: late, stance: asserts, date: 2031-09-01}
  - {id: a2, by: marsh, claim: late, stance: denies, date: 2031-09-02}
  - {id: b1, by: ansel, claim: early, stance: asserts, date: 2031-01-01}
  - {id: b2, by: marsh, claim: early, stance: denies}
  - {id: c1, by: ansel, claim: wide, stance: asserts, date: 2031-12-01}
  - {id: c2, by: marsh, claim: wide, stance: denies}
  - {id: c3, by: bugle, claim: wide, stance: disputes}
  - {id: d1, by: ansel, claim: quiet, stance: asserts}
)");
  std::vector<std::string> order;
  for (const auto& a : find_disputed(graph, {})) order.push_back(a.claim.claim->id.value);
  CHECK(order == std::vector<std::string>{"wide", "early", "late"});
}

TEST_CASE("Dispute: filters by story, actor and side") {
  const std::string statements = std::string(kAccuse) +
                                 "  - {id: d, by: marsh, claim: shelled, stance: denies}\n";
  const ClaimGraph graph = graph_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
  - {id: other, text: The Bugle made it up}
statements:
  - {id: a, by: ansel, claim: shelled, stance: asserts}
  - {id: b, by: marsh, claim: shelled, stance: denies}
  - {id: c, by: state-tv, claim: other, stance: asserts}
  - {id: d, by: bugle, claim: other, stance: denies}
)");
  auto ids = [&](const ReportFilter& filter) {
    std::vector<std::string> out;
    for (const auto& a : find_disputed(graph, filter)) out.push_back(a.claim.claim->id.value);
    return out;
  };
  CHECK(ids({}).size() == 2);
  ReportFilter by_actor;
  by_actor.actor = "Petra Ansel";  // her side, Ruritania, takes part in 'shelled' only
  CHECK(ids(by_actor) == std::vector<std::string>{"shelled"});
  ReportFilter by_side;
  by_side.side = "state-tv";
  CHECK(ids(by_side) == std::vector<std::string>{"other"});
  ReportFilter accused;
  accused.side = "freedonia";  // Freedonia is accused in 'shelled'
  CHECK(ids(accused) == std::vector<std::string>{"shelled"});

  ReportFilter unknown_story;
  unknown_story.story = StoryId{"nope"};
  CHECK_THROWS_WITH_AS(find_disputed(graph, unknown_story), "--story 'nope': no such story", Error);
  ReportFilter unknown_actor;
  unknown_actor.actor = "Nobody";
  CHECK_THROWS_WITH_AS(find_disputed(graph, unknown_actor),
                       "--actor 'Nobody': no actor has that id, name or alias in the stories read", Error);
}

TEST_CASE("Dispute: status words parse back") {
  for (ClaimStatus s : {ClaimStatus::kRetracted, ClaimStatus::kContestedWithinSide, ClaimStatus::kConceded,
                        ClaimStatus::kPartiallyConceded, ClaimStatus::kDisputed, ClaimStatus::kEvaded,
                        ClaimStatus::kUnanswered, ClaimStatus::kUnasserted}) {
    CHECK(parse_claim_status(to_string(s)) == s);
  }
  CHECK_FALSE(parse_claim_status("open").has_value());
}
