#include "gainsay/standing.h"

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
  - {id: decay, text: The dam failed from poor upkeep, contradicts: [shelled]}
  - {id: lone, text: Nobody answered this}
  - {id: denied-only, text: Nobody is for this}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06-12}
  - {id: rot, by: bugle, claim: decay, stance: asserts}
  - {id: lone-a, by: ansel, claim: lone, stance: asserts}
  - {id: no, by: marsh, claim: denied-only, stance: denies}
)";

std::map<std::string, std::string> labels(const ClaimGraph& graph, const TrustProfile& profile = {}) {
  std::map<std::string, std::string> out;
  for (const auto& c : build_standing(Selection(graph, {}), profile).claims) {
    out[c.claim.claim->id.value] = std::string(to_string(c.label));
  }
  return out;
}

}  // namespace

TEST_CASE("Standing: with no trust profile a dispute is undecided, an unanswered claim in, a denied one out") {
  const ClaimGraph graph = graph_with(kRest);
  const auto l = labels(graph);
  CHECK(l.at("shelled") == "undecided");
  CHECK(l.at("decay") == "undecided");  // contradicts 'shelled', which is undecided
  CHECK(l.at("lone") == "in");
  CHECK(l.at("denied-only") == "out");
}

TEST_CASE("Standing: trusting a side makes its statements prevail; distrusting one discounts them") {
  const ClaimGraph graph = graph_with(kRest);
  TrustProfile trust;
  trust.trust = {"ruritania"};
  auto l = labels(graph, trust);
  CHECK(l.at("shelled") == "in");
  CHECK(l.at("decay") == "out");  // the contradicting claim falls with it

  // Distrusting Freedonia discounts its denials; 'shelled' still stands
  // against 'decay', which contradicts it, and neither side is preferred.
  TrustProfile distrust;
  distrust.distrust = {"Government of Freedonia"};
  l = labels(graph, distrust);
  CHECK(l.at("shelled") == "undecided");
  CHECK(l.at("decay") == "undecided");
  CHECK(l.at("denied-only") == "in");

  TrustProfile other;
  other.distrust = {"ruritania"};
  CHECK(labels(graph, other).at("shelled") == "out");
}

TEST_CASE("Standing: an actor's later statement withdraws its earlier one") {
  const std::string story = R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06-12}
)";
  CHECK(labels(graph_with(story)).at("shelled") == "undecided");
  const std::string admitted = story + "  - {id: admit, by: marsh, claim: shelled, stance: confirms, date: 2031-07-01}\n";
  CHECK(labels(graph_with(admitted)).at("shelled") == "in");
  const std::string undated = story + "  - {id: admit, by: marsh, claim: shelled, stance: confirms}\n";
  CHECK(labels(graph_with(undated)).at("shelled") == "undecided");  // an undated statement withdraws nothing
}

TEST_CASE("Standing: the chain says why, and the framework is the one apx writes") {
  const ClaimGraph graph = graph_with(kRest);
  TrustProfile trust;
  trust.trust = {"ruritania"};
  const Standing st = build_standing(Selection(graph, {}), trust);
  const auto& shelled = st.claims[0];
  REQUIRE(!shelled.chain.empty());
  CHECK(shelled.chain[0] ==
        "claim shelled is in: the attacks on it fail, as the trust profile prefers it to denies by Minister Oda Marsh "
        "(deny, on shelled); claim decay");
  const Standing plain = build_standing(Selection(graph, {}), {});
  CHECK(plain.claims[3].chain[0] == "claim denied-only is out: defeated by denies by Minister Oda Marsh (no, on denied-only)");
  std::ostringstream apx;
  write_apx(apx, plain.framework);
  CHECK(apx.str().find("arg(c_shelled).\n") != std::string::npos);
  CHECK(apx.str().find("att(s_deny,c_shelled).\n") != std::string::npos);
  CHECK(apx.str().find("att(s_accuse,s_deny).\n") != std::string::npos);
  CHECK(apx.str().find("att(c_decay,c_shelled).\n") != std::string::npos);
  std::ostringstream json;
  write_standing_json(json, plain);
  CHECK(nlohmann::json::parse(json.str())["claims"][0]["label"] == "undecided");
}

TEST_CASE("Standing: sides must exist and cannot be both trusted and distrusted") {
  const ClaimGraph graph = graph_with(kRest);
  TrustProfile unknown;
  unknown.trust = {"Atlantis"};
  CHECK_THROWS_AS(build_standing(Selection(graph, {}), unknown), Error);
  TrustProfile both;
  both.trust = {"ruritania"};
  both.distrust = {"Petra Ansel"};
  CHECK_THROWS_WITH_AS(build_standing(Selection(graph, {}), both),
                       "side 'Government of Ruritania' is both trusted and distrusted", Error);
}
