#include "gainsay/disputed_report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

const std::string kRest = R"(claims:
  - id: shelled
    text: Freedonian artillery shelled the dam
    about: [freedonia]
  - id: quiet
    text: Nobody answered this
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612,
     attribution: on-record, quote: "Their guns opened fire at dawn"}
  - {id: deny, by: free-officials, claim: shelled, stance: denies, date: 2031-06-12, source: tv-0615,
     attribution: anonymous, via: state-tv, note: no unit was in range}
  - {id: part, by: marsh, claim: shelled, stance: partially-admits, date: 2031-07-01, source: bugle-0701,
     note: one battery fired warning shots}
  - {id: dodge, by: marsh, claim: shelled, stance: deflects, date: 2031-06-20}
  - {id: lone, by: ansel, claim: quiet, stance: asserts}
)";

struct Rendered {
  std::string text, markdown, json, csv;
};

Rendered render(const std::string& rest, const TextStyle& style = {}) {
  const ClaimGraph graph = graph_with(rest);
  const auto claims = find_disputed(graph, {});
  ReportHeading heading{{StoryId{"dam"}}, {}};
  std::ostringstream text, markdown, json, csv;
  write_disputed_text(text, claims, heading, style);
  write_disputed_markdown(markdown, claims, heading);
  write_disputed_json(json, claims, heading);
  write_disputed_csv(csv, claims);
  return {text.str(), markdown.str(), json.str(), csv.str()};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("DisputedReport: text names the claim, its status, and who is for and against") {
  const Rendered r = render(kRest);
  CHECK(contains(r.text, "Disputed claims: 1\n"));
  CHECK(contains(r.text, "1. Freedonian artillery shelled the dam\n"));
  CHECK(contains(r.text, "[partially-conceded] shelled"));
  CHECK(contains(r.text, "    asserts          Col. Petra Ansel (Government of Ruritania) \u00b7 2031-06-11"));
  CHECK(contains(r.text, "\u201cTheir guns opened fire at dawn\u201d"));
  CHECK(contains(r.text, "concedes: one battery fired warning shots"));
  CHECK(contains(r.text, "via Freedonian State TV"));
  CHECK(contains(r.text, "Evasive answers"));
  CHECK(contains(r.text, "Minister Oda Marsh: deflects (2031-06-20) \u2192 partially-admits (2031-07-01)"));
  CHECK_FALSE(contains(r.text, "Nobody answered"));
  // Denial is listed before the partial admission, as grouped by stance.
  CHECK(r.text.find("denies ") < r.text.find("partially-admits "));
  CHECK_FALSE(contains(r.text, "\x1b"));
  std::istringstream lines(r.text);
  for (std::string line; std::getline(lines, line);) {
    CAPTURE(line);
    CHECK(display_width(line) <= 80);
  }
}

TEST_CASE("DisputedReport: colour only when asked, and story text can never colour the terminal") {
  std::string hostile = kRest;
  hostile.replace(hostile.find("Their guns"), 10, "\\e[2JTheir guns");
  TextStyle colour;
  colour.colour = true;
  colour.width = 120;
  const Rendered r = render(hostile, colour);
  CHECK(contains(r.text, "\x1b[1m"));
  CHECK(contains(r.text, "\\x1b[2JTheir guns"));
  CHECK_FALSE(contains(r.text, "\x1b[2J"));
  CHECK_FALSE(contains(render(hostile).text, "\x1b"));
}

TEST_CASE("DisputedReport: JSON has the documented shape") {
  const auto json = nlohmann::json::parse(render(kRest).json);
  CHECK(json["report"] == "disputed");
  CHECK(json["stories"] == nlohmann::json::array({"dam"}));
  CHECK(json["filter"]["as_of"].is_null());
  REQUIRE(json["claims"].size() == 1);
  const auto& claim = json["claims"][0];
  CHECK(claim["id"] == "shelled");
  CHECK(claim["status"] == "partially-conceded");
  CHECK(claim["sides_for"][0]["id"] == "ruritania");
  CHECK(claim["sides_against"][0]["id"] == "freedonia");
  CHECK(claim["first_date"] == "2031-06-11");
  REQUIRE(claim["for"].size() == 1);
  CHECK(claim["for"][0]["quote"] == "Their guns opened fire at dawn");
  CHECK(claim["for"][0]["source"]["outlet"]["name"] == "The Daily Bugle");
  CHECK(claim["against"]["denies"][0]["via"]["id"] == "state-tv");
  CHECK(claim["against"]["denies"][0]["attribution"] == "anonymous");
  CHECK(claim["against"]["dismisses"].empty());
  CHECK(claim["against"]["partially-admits"][0]["note"] == "one battery fired warning shots");
  CHECK(claim["evasive"]["deflects"][0]["actor"]["id"] == "marsh");
  // Marsh moved from deflecting to a partial admission; Freedonia as a side
  // moved from its officials' denial to Marsh's partial admission.
  REQUIRE(claim["shifts"].size() == 2);
  CHECK(claim["shifts"][0]["level"] == "actor");
  CHECK(claim["shifts"][1]["level"] == "side");
  CHECK(claim["shifts"][1]["who"]["id"] == "freedonia");
  CHECK(claim["shifts"][0]["steps"][1]["stance"] == "partially-admits");
}

TEST_CASE("DisputedReport: CSV has one row per statement, formulas inert") {
  std::string hostile = kRest;
  hostile.replace(hostile.find("no unit was in range"), 20, "\"=HYPERLINK(\\\"http://evil\\\")\"");
  const Rendered r = render(hostile);
  CHECK(r.csv.rfind("story,claim,claim_text,status,sides_against,counts_as,stance,statement,", 0) == 0);
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = r.csv.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  CHECK(rows == 1 + 4);
  CHECK(contains(r.csv, "\"'=HYPERLINK(\"\"http://evil\"\")\""));
}

TEST_CASE("DisputedReport: Markdown has a section per claim and escapes story text") {
  std::string hostile = kRest;
  hostile.replace(hostile.find("Freedonian artillery"), 20, "Freedonian <b>artillery</b> | x");
  const Rendered r = render(hostile);
  CHECK(contains(r.markdown, "# Disputed claims: 1"));
  CHECK(contains(r.markdown, "## 1. Freedonian \\<b\\>artillery\\</b\\> \\| x"));
  CHECK(contains(r.markdown, "### Against"));
  CHECK(contains(r.markdown, "[The Daily Bugle, \u201cDam breach floods three villages\u201d, 2031-06-12](https://example.org/dam-breach)"));
}

TEST_CASE("DisputedReport: an empty report says so") {
  const Rendered r = render("claims:\n  - {id: c, text: T}\n");
  CHECK(contains(r.text, "Disputed claims: 0"));
  CHECK(contains(r.text, "No claim has both an actor for it and an actor of another side against it."));
  CHECK(nlohmann::json::parse(r.json)["claims"].empty());
}

TEST_CASE("issue 6: a report large enough to be rendered in parts on several threads is one valid document") {
  // 3,000 disputed claims of 4 statements: parts of 4,096 statements, so
  // three parts, spliced in order.
  std::string rest = "claims:\n";
  for (int i = 0; i < 3000; ++i) rest += "  - {id: c" + std::to_string(i) + ", text: \"Claim \\\"" + std::to_string(i) + "\\\"\"}\n";
  rest += "statements:\n";
  for (int i = 0; i < 3000; ++i) {
    const std::string c = std::to_string(i);
    const std::string day = std::to_string(1 + i % 28);
    rest += "  - {id: a" + c + ", by: ansel, claim: c" + c + ", stance: asserts, date: 2031-01-" +
            (day.size() == 1 ? "0" : "") + day + "}\n";
    rest += "  - {id: d" + c + ", by: free-officials, claim: c" + c + ", stance: denies, quote: \"no " + c + "\"}\n";
    rest += "  - {id: e" + c + ", by: marsh, claim: c" + c + ", stance: deflects}\n";
    rest += "  - {id: f" + c + ", by: ansel, claim: c" + c + ", stance: corroborates, responds_to: d" + c + "}\n";
  }
  const Rendered r = render(rest);
  const auto parsed = nlohmann::ordered_json::parse(r.json);
  // The layout of one writer: what nlohmann prints for the parsed document.
  CHECK(r.json == parsed.dump(2) + "\n");
  const auto& claims = parsed.at("claims");
  REQUIRE(claims.size() == 3000);
  // In the report's order: by first date, then by id.
  std::vector<std::pair<int, std::string>> order;
  for (int i = 0; i < 3000; ++i) order.emplace_back(i % 28, "c" + std::to_string(i));
  std::sort(order.begin(), order.end());
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(claims[i].at("id") == order[i].second);
  for (const auto& claim : claims) {
    CHECK(claim.at("for").size() == 2);
    CHECK(claim.at("against").at("denies").size() == 1);
  }
}

TEST_CASE("issue 6: statements laid out at once and long ones written in steps read as nlohmann writes them") {
  // A quote past the length that is laid out at once (16 KB) goes through
  // the writer's calls and is escaped in 4 KB steps; a two-byte character
  // straddles each step's end, and quotes, backslashes and a tab need escapes.
  std::string long_quote;
  while (long_quote.size() < 20000) long_quote += "Gr\xc3\xbc\xc3\x9f \\\"e\"\t ";
  long_quote = long_quote.substr(0, 4095) + "\xc3\xa9" + long_quote.substr(4095);
  nlohmann::json quoted = long_quote;
  const std::string rest = "claims:\n  - {id: c, text: A claim}\nstatements:\n"
                           "  - {id: a, by: ansel, claim: c, stance: asserts, date: 2031-01, quote: \"say \\\"no\\\"\\t\\\\\"}\n"
                           "  - {id: d, by: free-officials, claim: c, stance: denies, source: bugle-0612, quote: " +
                           quoted.dump() + "}\n";
  const Rendered r = render(rest);
  const auto parsed = nlohmann::ordered_json::parse(r.json);
  CHECK(r.json == parsed.dump(2) + "\n");
  const auto& claim = parsed.at("claims").at(0);
  CHECK(claim.at("for").at(0).at("quote") == "say \"no\"\t\\");
  CHECK(claim.at("for").at(0).at("source").is_null());
  CHECK(claim.at("against").at("denies").at(0).at("quote") == long_quote);
  CHECK(claim.at("against").at("denies").at(0).at("source").at("outlet").at("id") == "bugle");
}

TEST_CASE("issue 6: a claim with more statements than a part is split over parts and reads as one") {
  // 9,212 statements on one claim: parts of 4,096 split it where its "for"
  // list ends and inside "dismisses"; small claims stand before and after.
  struct Run {
    const char* stance;
    const char* by;
    int count;
  };
  const Run runs[] = {{"asserts", "ansel", 4096},  {"denies", "free-officials", 3000},
                      {"dismisses", "marsh", 1200}, {"partially-admits", "marsh", 900},
                      {"deflects", "marsh", 10},    {"retracts", "ansel", 5}};
  std::string rest =
      "claims:\n  - {id: big, text: The big one}\n  - {id: aaa, text: Small before}\n"
      "  - {id: zzz, text: Small after}\nstatements:\n"
      "  - {id: a1, by: ansel, claim: aaa, stance: asserts, date: 2031-01-01}\n"
      "  - {id: a2, by: marsh, claim: aaa, stance: denies}\n";
  std::vector<std::vector<std::string>> expected(std::size(runs));
  int n = 0;
  for (std::size_t r = 0; r < std::size(runs); ++r) {
    for (int i = 0; i < runs[r].count; ++i) {
      const std::string id = "b" + std::to_string(n++);
      expected[r].push_back(id);
      rest += "  - {id: " + id + ", by: " + runs[r].by + ", claim: big, stance: " + runs[r].stance +
              (n % 7 ? "" : ", quote: \"say \\\"" + id + "\\\"\"") + (n % 3 ? "" : ", source: bugle-0612") + "}\n";
    }
  }
  rest += "  - {id: z1, by: ansel, claim: zzz, stance: asserts, date: 2032-01-01}\n"
          "  - {id: z2, by: free-officials, claim: zzz, stance: dismisses}\n";
  const Rendered r = render(rest);
  const auto parsed = nlohmann::ordered_json::parse(r.json);
  CHECK(r.json == parsed.dump(2) + "\n");
  const auto& claims = parsed.at("claims");
  REQUIRE(claims.size() == 3);
  auto ids = [](const nlohmann::ordered_json& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.at("id"));
    return out;
  };
  for (const auto& claim : claims) {
    if (claim.at("id") != "big") {
      CHECK(claim.at("for").size() == 1);
      continue;
    }
    CHECK(ids(claim.at("for")) == expected[0]);
    CHECK(ids(claim.at("against").at("denies")) == expected[1]);
    CHECK(ids(claim.at("against").at("dismisses")) == expected[2]);
    CHECK(claim.at("against").at("disputes").empty());
    CHECK(ids(claim.at("against").at("partially-admits")) == expected[3]);
    CHECK(ids(claim.at("evasive").at("deflects")) == expected[4]);
    CHECK(claim.at("evasive").at("declines").empty());
    CHECK(ids(claim.at("withdrawn")) == expected[5]);
    CHECK(claim.at("for").at(6).at("quote") == "say \"b6\"");
    CHECK(claim.at("for").at(2).at("source").at("id") == "bugle-0612");
  }
}

TEST_CASE("issue 6: a claim's shifts are shared out over parts too, whole, after its statements") {
  // Four actors of two sides flip between asserting and denying, dated day
  // by day, the sides out of step: each actor has a shift of 1,500 steps,
  // and the claim's parts are cut between shifts as well as statements.
  const char* const flippers[] = {"free-officials", "marsh", "ansel", "ruri-mod"};
  std::string rest = "claims:\n  - {id: flip, text: They keep changing}\nstatements:\n";
  for (int i = 0; i < 6000; ++i) {
    const int day = i / 4;  // all four speak each day
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2031 + day / 336, 1 + day / 28 % 12, 1 + day % 28);
    rest += "  - {id: f" + std::to_string(i) + ", by: " + flippers[i % 4] + ", claim: flip, stance: " +
            ((day + (i % 4 >= 2)) % 2 ? "denies" : "asserts") + ", date: " + date + "}\n";
  }
  const ClaimGraph graph = graph_with(rest);
  const auto claims = find_disputed(graph, {});
  REQUIRE(claims.size() == 1);
  REQUIRE(claims[0].shifts.size() == 4);
  std::ostringstream out;
  write_disputed_json(out, claims, ReportHeading{{StoryId{"dam"}}, {}});
  const auto parsed = nlohmann::ordered_json::parse(out.str());
  CHECK(out.str() == parsed.dump(2) + "\n");
  const auto& shifts = parsed.at("claims").at(0).at("shifts");
  REQUIRE(shifts.size() == claims[0].shifts.size());
  for (std::size_t i = 0; i < shifts.size(); ++i) {
    CAPTURE(i);
    CHECK(shifts.at(i).at("who").at("id") == claims[0].shifts[i].who->id.value);
    REQUIRE(shifts.at(i).at("steps").size() == claims[0].shifts[i].steps.size());
    CHECK(shifts.at(i).at("steps").back().at("statement") ==
          claims[0].shifts[i].steps.back().statement.statement->id.value);
  }
  CHECK(parsed.at("claims").at(0).at("for").size() + parsed.at("claims").at(0).at("against").at("denies").size() ==
        6000);
}
