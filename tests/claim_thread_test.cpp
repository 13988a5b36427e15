#include "gainsay/claim_thread.h"

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
  - {id: bugle-lies, text: The Bugle invents stories}
  - {id: decay, text: The dam failed from poor upkeep, contradicts: [shelled]}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, quote: "Their guns opened fire"}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06-12, responds_to: accuse}
  - {id: insist, by: ruri-mod, claim: shelled, stance: confirms, date: 2031-06-13, responds_to: deny}
  - {id: smear, by: state-tv, claim: bugle-lies, stance: asserts, date: 2031-06-12, responds_to: accuse}
  - {id: late, by: free-officials, claim: shelled, stance: dismisses, date: 2031-07-01, responds_to: accuse}
  - {id: loop-a, by: bugle, claim: shelled, stance: disputes, responds_to: loop-b}
  - {id: loop-b, by: bugle, claim: shelled, stance: disputes, responds_to: loop-a}
)";

// "id(children...)" for a tree, to compare its shape in one string.
std::string shape(const std::vector<ThreadNode>& nodes) {
  std::string out;
  for (const auto& node : nodes) {
    if (!out.empty()) out += " ";
    out += node.statement.statement->id.value + (node.elsewhere ? "*" : "");
    if (!node.answers.empty()) out += "(" + shape(node.answers) + ")";
  }
  return out;
}

}  // namespace

TEST_CASE("ClaimThread: answers nest under what they answer, in date order, answers on other claims marked") {
  const ClaimGraph graph = graph_with(kRest);
  const ClaimThread thread = claim_thread(Selection(graph, {}), ClaimId{"shelled"});
  // The responds_to cycle between loop-a and loop-b is shown once, not followed forever.
  CHECK(shape(thread.roots) == "accuse(deny(insist) smear* late) loop-a(loop-b)");
  CHECK(thread.assessment.status == ClaimStatus::kDisputed);
  REQUIRE(thread.contradicting.size() == 1);
  CHECK(thread.contradicting[0].claim->id.value == "decay");
}

TEST_CASE("ClaimThread: --as-of leaves out answers not yet known") {
  const ClaimGraph graph = graph_with(kRest);
  ReportFilter filter;
  filter.as_of = Date::parse("2031-06-12");
  CHECK(shape(claim_thread(Selection(graph, filter), ClaimId{"shelled"}).roots) == "accuse(deny smear*)");
  CHECK_THROWS_AS(claim_thread(Selection(graph, {}), ClaimId{"nope"}), Error);
}

TEST_CASE("ClaimThread: renderings") {
  const ClaimGraph graph = graph_with(kRest);
  const ClaimThread thread = claim_thread(Selection(graph, {}), ClaimId{"shelled"});
  std::ostringstream text, json, csv, markdown;
  write_thread_text(text, thread, TextStyle{});
  write_thread_json(json, thread);
  write_thread_csv(csv, thread);
  write_thread_markdown(markdown, thread);
  CHECK(text.str().find("\u2514\u2500 2031-06-13 \u00b7 confirms \u00b7 Ruritanian Ministry of Defence") != std::string::npos);
  CHECK(text.str().find("on claim bugle-lies") != std::string::npos);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed["report"] == "show");
  CHECK(parsed["thread"][0]["answers"][0]["answers"][0]["id"] == "insist");
  CHECK(parsed["thread"][0]["answers"][1]["claim"] == "bugle-lies");
  CHECK(csv.str().find("\r\n2,insist,deny,shelled,") != std::string::npos);
  CHECK(markdown.str().find("  - **denies**") != std::string::npos);
}
