#include "gainsay/story_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::story_with;

namespace {

const std::string kRest = R"(claims:
  - id: shelled
    text: "Freedonian artillery shelled the dam: \"at dawn\", they say\nsecond line"
    about: [freedonia]
    verdict: {rating: Unproven, by: bugle, date: 2031-06-20, url: "https://example.org/c", explanation: "no: none"}
  - {id: decay, text: "yes", contradicts: [shelled]}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612,
     attribution: on-record, quote: "=HYPERLINK(\"x\") - null ~ # not a comment"}
  - {id: deny, by: free-officials, claim: shelled, stance: denies, responds_to: accuse, date: 2031-06,
     source: tv-0615, attribution: anonymous, note: "  spaced  ", via: state-tv}
  - {id: again, by: free-officials, claim: shelled, stance: denies, repeats: deny}
)";

// Parses what was written, as a story file named like the original.
Story reread(const std::string& text, const Story& original) {
  StoryFileResult result = parse_story(text, original.origin);
  INFO(gainsay::testing::diagnostics_text(result.diagnostics));
  REQUIRE(result.story.has_value());
  return *result.story;
}

}  // namespace

TEST_CASE("StoryWriter: YAML reads back as the same story") {
  const Story story = story_with(kRest);
  std::ostringstream yaml;
  write_story_yaml(yaml, story);
  CHECK(reread(yaml.str(), story) == story);
  CHECK(yaml.str().rfind("format: 1\nstory:\n  id: dam\n", 0) == 0);
}

TEST_CASE("StoryWriter: JSON reads back as the same story, through the same parser") {
  const Story story = story_with(kRest);
  std::ostringstream json;
  write_story_json(json, story);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed["format"] == 1);
  CHECK(parsed["statements"][1]["responds_to"] == "accuse");
  CHECK_FALSE(parsed["statements"][2].contains("attribution"));  // unknown is the default, left out
  CHECK(reread(json.str(), story) == story);
}

TEST_CASE("StoryWriter: the CSV sheet has a row per statement with the names spelled out") {
  const Story story = story_with(kRest);
  std::ostringstream csv;
  write_stories_csv(csv, {story});
  const std::string text = csv.str();
  CHECK(text.rfind("story,id,by,claim,stance,date,source,attribution,quote,note,responds_to,repeats,via,claim_text,"
                   "actor_name,source_url,actor_kind,actor_member_of,claim_about\r\n", 0) == 0);
  CHECK(text.find("dam,accuse,ansel,shelled,asserts,2031-06-11,bugle-0612,on-record,\"'=HYPERLINK") != std::string::npos);
  CHECK(text.find("Col. Petra Ansel,https://example.org/dam-breach,person,ruri-mod,freedonia\r\n") != std::string::npos);
  CHECK(text.find("dam,again,free-officials,shelled,denies,,,unknown,,,,deny,,") != std::string::npos);
}
