#include "gainsay/actor_record.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "gainsay/error.h"
#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

const std::string kRest = R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
  - {id: decay, text: The dam failed from poor upkeep}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11}
  - {id: back, by: ruri-mod, claim: shelled, stance: confirms, date: 2031-06-12}
  - {id: doubt, by: ansel, claim: decay, stance: denies, date: 2031-06-10}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06-12}
  - {id: admit, by: marsh, claim: shelled, stance: confirms, date: 2031-07-01}
)";

std::vector<std::string> ids(const std::vector<ClaimView>& claims) {
  std::vector<std::string> out;
  for (const auto& c : claims) out.push_back(c.claim->id.value);
  return out;
}

}  // namespace

TEST_CASE("ActorRecord: an actor's statements by claim, in order of its first statement on each") {
  const ClaimGraph graph = graph_with(kRest);
  const ActorRecord r = actor_record(Selection(graph, {}), "Petra Ansel", false);
  CHECK(r.actor->id.value == "ansel");
  CHECK(r.side->id.value == "ruritania");
  REQUIRE(r.claims.size() == 2);
  CHECK(r.claims[0].claim.claim->id.value == "decay");
  CHECK(r.claims[1].claim.claim->id.value == "shelled");
  CHECK(r.claims[1].statements.size() == 1);
  CHECK(ids(r.for_claims) == std::vector<std::string>{"shelled"});
  CHECK(ids(r.against_claims) == std::vector<std::string>{"decay"});
  CHECK(r.shifts.empty());
}

TEST_CASE("ActorRecord: with members, everyone under the actor") {
  const ClaimGraph graph = graph_with(kRest);
  const ActorRecord alone = actor_record(Selection(graph, {}), "ruri-mod", false);
  CHECK(alone.claims.size() == 1);
  const ActorRecord all = actor_record(Selection(graph, {}), "ruri-mod", true);
  CHECK(all.members.size() == 2);
  REQUIRE(all.claims.size() == 2);
  CHECK(all.claims[1].statements.size() == 2);  // Ansel's and the ministry's on 'shelled'
}

TEST_CASE("ActorRecord: shifts and contradictions of the actor") {
  const ClaimGraph graph = graph_with(kRest);
  const ActorRecord r = actor_record(Selection(graph, {}), "marsh", false);
  REQUIRE(r.shifts.size() == 1);
  CHECK(r.shifts[0].second.steps.size() == 2);
  REQUIRE(r.contradictions.size() == 1);
  CHECK(r.contradictions[0].claim.claim->id.value == "shelled");
  std::ostringstream json;
  write_actor_json(json, r);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed["actor"]["id"] == "marsh");
  CHECK(parsed["shifts"][0]["claim"] == "shelled");
  CHECK(parsed["contradictions"][0]["kind"] == "for-and-against");
  CHECK(parsed["for"] == nlohmann::json::array({"shelled"}));
  CHECK(parsed["against"] == nlohmann::json::array({"shelled"}));
  std::ostringstream text;
  write_actor_text(text, r, TextStyle{});
  CHECK(text.str().find("Minister Oda Marsh is both for and against shelled") != std::string::npos);
}

TEST_CASE("ActorRecord: an unknown actor is an error") {
  const ClaimGraph graph = graph_with(kRest);
  CHECK_THROWS_WITH_AS(actor_record(Selection(graph, {}), "Nobody", false),
                       "no actor 'Nobody' (by id, name or alias) in the stories read", Error);
}
