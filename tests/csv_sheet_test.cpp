#include "gainsay/csv_sheet.h"

#include <doctest/doctest.h>

#include "test_stories.h"

using namespace gainsay;

namespace {

StoryFilesResult sheet(const std::string& text, const std::string& story = "") {
  return parse_csv_sheet(text, "dam.csv", story);
}

std::string only_error(const std::string& text) {
  const auto result = sheet(text);
  CHECK(result.stories.empty());
  INFO(gainsay::testing::diagnostics_text(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics[0].to_string();
}

}  // namespace

TEST_CASE("CsvSheet: rows become a story, named after the file") {
  const auto result = sheet(
      "\xef\xbb\xbfid,by,claim,stance,date,source,attribution,quote,note,responds_to,claim_text,actor_name,source_url,"
      "actor_kind,actor_member_of,claim_about\r\n"
      "a1,ansel,shelled,asserts,2031-06-11,bugle,on-record,\"Their guns, at dawn\",,,Freedonia shelled the dam,"
      "Col. Petra Ansel,https://example.org/d,person,ruri-mod,freedonia\r\n"
      "a2,marsh,shelled,denies,2031-06,,anonymous,,\"said \"\"no\"\"\nover two lines\",a1,,Oda Marsh,,,freedonia,\r\n");
  INFO(gainsay::testing::diagnostics_text(result.diagnostics));
  REQUIRE(result.stories.size() == 1);
  const Story& story = result.stories[0];
  CHECK(story.id.value == "dam");
  REQUIRE(story.statements.size() == 2);
  CHECK(story.statements[0].quote == "Their guns, at dawn");
  CHECK(story.statements[1].note == "said \"no\"\nover two lines");
  CHECK(story.statements[1].responds_to->value == "a1");
  CHECK(story.statements[1].date->to_string() == "2031-06");
  REQUIRE(story.claims.size() == 1);
  CHECK(story.claims[0].text == "Freedonia shelled the dam");
  CHECK(story.claims[0].about[0].value == "freedonia");
  REQUIRE(story.sources.size() == 1);
  CHECK(story.sources[0].url == "https://example.org/d");
  // ansel, ruri-mod (his side), freedonia (accused), marsh (member of freedonia)
  REQUIRE(story.actors.size() == 4);
  CHECK(story.actors[0].name == "Col. Petra Ansel");
  CHECK(story.actors[0].member_of->value == "ruri-mod");
  CHECK(story.actors[3].member_of->value == "freedonia");
  CHECK(sheet("id,by,claim,stance,claim_text\nx,a,c,asserts,T\n", "other").stories[0].id.value == "other");
}

TEST_CASE("CsvSheet: a story column splits a sheet into stories") {
  const auto result = sheet("story,id,by,claim,stance,claim_text\none,x,a,c,asserts,T\ntwo,x,a,c,denies,T\n");
  REQUIRE(result.stories.size() == 2);
  CHECK(result.stories[1].id.value == "two");
}

TEST_CASE("CsvSheet: each problem is named with its row, line and column") {
  CHECK(only_error("id,by,claim,stance,stanse\n") ==
        "dam.csv:1:20: error: unknown column 'stanse'; expected one of: story, id, by, claim, stance, date, source, "
        "attribution, quote, note, responds_to, repeats, via, claim_text, actor_name, source_url, actor_kind, "
        "actor_member_of, claim_about, side");
  CHECK(only_error("id,by,claim\n") == "dam.csv:1:1: error: missing required column 'stance'");
  CHECK(only_error("id,by,claim,stance,claim_text\nx,a,c,asserts,\"open\n") ==
        "dam.csv:2:15: error: malformed CSV: a quoted field opened here is never closed");
  CHECK(only_error("id,by,claim,stance,claim_text\nx,a,c,assert,T\n") ==
        "dam.csv:2:7: error: row 2, column stance: unknown stance 'assert'");
  CHECK(only_error("id,by,claim,stance,claim_text,date\nx,a,c,asserts,T,2031-02-30\n") ==
        "dam.csv:2:17: error: row 2, column date: invalid date '2031-02-30': February 2031 has 28 days");
  CHECK(only_error("id,by,claim,stance,claim_text\nx,a,c,asserts\n") ==
        "dam.csv:2:1: error: row 2 has 4 fields; the header has 5");
  CHECK(only_error("id,by,claim,stance,claim_text\nx,a,c,asserts,T\nx,b,c,denies,T\n") ==
        "dam.csv:3:1: error: row 3: duplicate statement id 'x'");
  CHECK(only_error("id,by,claim,stance,claim_text\nx,A B,c,asserts,T\n") ==
        "dam.csv:2:3: error: row 2, column by: invalid id 'A B': expected a slug of lowercase letters, digits, '-', "
        "'_' or '.' (at most 64)");
  CHECK(only_error("id,by,claim,stance\nx,a,c,asserts\n") ==
        "dam.csv:2:5: error: claim 'c' has no text: give it in the claim_text column of one of its rows");
  CHECK(only_error("id,by,claim,stance,claim_text,responds_to\nx,a,c,asserts,T,ghost\n") ==
        "dam.csv:2:17: error: row 2, column responds_to: unknown statement 'ghost'; expected the id of a statement "
        "in this sheet");
  CHECK(only_error("id,by,claim,stance,claim_text\nx,a,c,asserts,caf\xe9\n") ==
        "dam.csv:2:18: error: invalid UTF-8; a sheet must be UTF-8 text");
  // Found past the first eight bytes, columns counted in characters.
  CHECK(only_error(std::string("id,by,claim,stance,claim_text\nx,a,c,asserts,T\ny,a,c,asserts,\xc3\xa9") +
                   std::string(1, '\0') + "\n") == "dam.csv:3:16: error: NUL byte; a sheet must be text");
  CHECK(only_error("id,by,claim,stance,claim_text\nx,a,c,asserts,T\ny,a,c,asserts,\xc3\xa9\xc3\n") ==
        "dam.csv:3:16: error: invalid UTF-8; a sheet must be UTF-8 text");
  CHECK(only_error("") == "dam.csv: error: empty sheet; expected a header row naming the columns (id, by, claim, stance, ...)");
}

TEST_CASE("issue 6: the sheet reader leaves the positions its references resolve to") {
  const auto result = sheet(
      "id,by,claim,stance,source,via,responds_to,repeats,claim_text,actor_name,actor_kind,source_url\n"
      "a1,ansel,shelled,asserts,bugle,,a3,,Freedonia shelled the dam,ansel,person,https://example.org/1\n"
      "a2,marsh,quiet,denies,tv,ansel,,,Nobody answered,Oda Marsh,,\n"
      "a3,ansel,shelled,corroborates,bugle,,a2,a1,Ignored: the first text stands,Petra Ansel,organization,"
      "https://example.org/ignored\n"
      "a4,ansel,quiet,asserts,,,,,,Not her name either,government,\n");
  INFO(gainsay::testing::diagnostics_text(result.diagnostics));
  REQUIRE(result.stories.size() == 1);
  const Story& story = result.stories[0];
  gainsay::testing::check_links_name_their_ids(story);
  // What rows say of a record: a name that is only the id does not count as
  // one, so the next name given stands; the first claim text and source url
  // stand; the last actor kind given stands.
  CHECK(story.actors.at(story.links.statements[0].by).name == "Petra Ansel");
  CHECK(story.actors.at(story.links.statements[0].by).kind == ActorKind::kGovernment);
  CHECK(story.claims.at(story.links.statements[0].claim).text == "Freedonia shelled the dam");
  CHECK(story.sources.at(story.links.statements[0].source).url == "https://example.org/1");
}

TEST_CASE("issue 6: many references to statements, backward and forward, resolve each to its own, and an unknown one is named") {
  // More references than the reader looks ahead, so that each is found
  // with its own id's hash, not a neighbour's.
  std::string text = "id,by,claim,stance,claim_text,responds_to,repeats\n";
  for (int i = 0; i < 40; ++i) {
    const std::string responds = i % 3 ? "s" + std::to_string((i * 7 + 5) % 40) : "";
    const std::string repeats = i % 4 == 1 ? "s" + std::to_string((i + 13) % 40) : "";
    text += "s" + std::to_string(i) + ",ansel,shelled,asserts,T," + responds + "," + repeats + "\n";
  }
  const auto good = sheet(text);
  INFO(gainsay::testing::diagnostics_text(good.diagnostics));
  REQUIRE(good.stories.size() == 1);
  const Story& story = good.stories[0];
  gainsay::testing::check_links_name_their_ids(story);
  CHECK(story.links.statements[1].responds_to == 12);
  CHECK(story.links.statements[1].repeats == 14);

  // Row 31 (statement s29, which answers s8) names a statement the sheet lacks.
  const std::string from = "s29,ansel,shelled,asserts,T,s8,";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  std::string bad = text;
  bad.replace(at + from.size() - 3, 2, "s99");
  CHECK(only_error(bad) ==
        "dam.csv:31:29: error: row 31, column responds_to: unknown statement 's99'; expected the id of a statement "
        "in this sheet");
}
