// AIF and Argdown, the two interchange formats for argumentation tools.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "gainsay/aif.h"
#include "gainsay/argdown.h"
#include "test_stories.h"

using namespace gainsay;
using nlohmann::json;

namespace {

const std::string kRest = R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam, about: [freedonia]}
  - {id: decay, text: "The dam [failed] from #upkeep", contradicts: [shelled]}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, quote: "Their guns opened fire"}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06, note: no unit in range, responds_to: accuse}
  - {id: dodge, by: free-officials, claim: shelled, stance: deflects}
)";

}  // namespace

TEST_CASE("AIF: I-nodes, L-nodes with locutions, YA for stances, CA for conflicts, TA for answers") {
  const Story story = testing::story_with(kRest);
  std::ostringstream out;
  write_aif(out, {story});
  const json aif = json::parse(out.str());
  std::map<std::string, std::string> type;
  std::map<std::string, std::string> text;
  for (const auto& n : aif["nodes"]) {
    type[n["nodeID"]] = n["type"];
    text[n["nodeID"]] = n["text"];
  }
  std::multiset<std::string> types;
  for (const auto& [id, t] : type) types.insert(t);
  CHECK(types.count("I") == 3);   // two claims, and what the denial says
  CHECK(types.count("L") == 3);   // three statements
  CHECK(types.count("YA") == 3);
  CHECK(types.count("CA") == 2);  // the declared contradiction, the denial's conflict
  CHECK(types.count("TA") == 1);  // deny answers accuse
  std::map<std::string, std::vector<std::string>> next;
  for (const auto& e : aif["edges"]) {
    REQUIRE(type.count(e["fromID"]));
    REQUIRE(type.count(e["toID"]));
    next[e["fromID"]].push_back(e["toID"]);
  }
  // The denial: L -> YA(Disagreeing) -> I(its content) -> CA -> I(the claim).
  for (const auto& [id, t] : type) {
    if (t != "L" || text[id].rfind("Minister Oda Marsh", 0) != 0) continue;
    const std::string ya = next[id].at(0);
    CHECK(text[ya] == "Disagreeing");
    const std::string content = next[ya].at(0);
    CHECK(text[content] == "no unit in range");
    const std::string ca = next[content].at(0);
    CHECK(type[ca] == "CA");
    CHECK(text[next[ca].at(0)] == "Freedonian artillery shelled the dam");
  }
  REQUIRE(aif["locutions"].size() == 3);
  std::set<std::string> people;
  for (const auto& p : aif["participants"]) people.insert(std::string(p["firstname"]) + "|" + std::string(p["surname"]));
  CHECK(people.count("Col. Petra|Ansel"));
  CHECK(people.count("unnamed Freedonian officials|"));
  for (const auto& l : aif["locutions"]) CHECK(type.at(l["nodeID"]) == "L");
  CHECK(aif["locutions"][1]["timestamp"] == "2031-06-01 00:00:00");  // a month-only date: its first day
}

TEST_CASE("Argdown: claims as statements, for as support, against as attack, contradictions, metadata") {
  const Story story = testing::story_with(kRest);
  std::ostringstream out;
  write_argdown(out, {story});
  const std::string text = out.str();
  CHECK(text.find("[shelled]: Freedonian artillery shelled the dam\n") != std::string::npos);
  CHECK(text.find("  + <accuse>: Col. Petra Ansel asserts: \u201cTheir guns opened fire\u201d {actor: \"Col. Petra Ansel\", "
                  "stance: \"asserts\", date: \"2031-06-11\"}\n") != std::string::npos);
  CHECK(text.find("  - <deny>: Minister Oda Marsh denies (no unit in range)") != std::string::npos);
  CHECK(text.find("[decay]: The dam \\[failed\\] from \\#upkeep\n  >< [shelled]\n") != std::string::npos);
  CHECK(text.find("<dodge>: unnamed Freedonian officials deflects on @[shelled]") != std::string::npos);
  CHECK(argdown_escape("a <b> {c} @d *e* _f_ \\g") == "a \\<b\\> \\{c\\} \\@d \\*e\\* \\_f\\_ \\\\g");
}
