#include "gainsay/claim_review.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "test_stories.h"

using namespace gainsay;
using nlohmann::json;

namespace {

// Two reviews with every field gainsay keeps, as a fact-checker publishes them.
const char* const kReviews = R"([
  {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/dam",
    "claimReviewed": "Freedonian artillery shelled the Ruritanian dam",
    "datePublished": "2031-06-20",
    "author": {"@type": "Organization", "name": "Bugle Fact Check"},
    "reviewRating": {"@type": "Rating", "alternateName": "Unproven",
                     "ratingExplanation": "No independent evidence of shelling."},
    "itemReviewed": {
      "@type": "Claim",
      "author": {"@type": "Person", "name": "Col. Petra Ansel"},
      "datePublished": "2031-06-11",
      "appearance": [
        {"@type": "CreativeWork", "url": "https://bugle.example/dam", "headline": "Dam breach floods villages",
         "datePublished": "2031-06-12", "publisher": {"@type": "Organization", "name": "The Daily Bugle"}},
        {"@type": "CreativeWork", "url": "https://tv.example/dam", "headline": "Ministry repeats dam charge",
         "datePublished": "2031-06-13", "author": {"@type": "Person", "name": "Ada Reel"}}
      ],
      "firstAppearance": {"@type": "CreativeWork", "url": "https://bugle.example/dam",
                          "headline": "Dam breach floods villages", "datePublished": "2031-06-12",
                          "publisher": {"@type": "Organization", "name": "The Daily Bugle"}}
    }
  },
  {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "The dam failed from poor upkeep",
    "datePublished": "2031-06-25",
    "author": {"@type": "Organization", "name": "Bugle Fact Check"},
    "reviewRating": {"@type": "Rating", "alternateName": "False"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "GovernmentOrganization", "name": "Government of Freedonia"},
                     "datePublished": "2031-06"}
  }
])";

Story read(const std::string& text, const std::string& name = "reviews.jsonld") {
  StoryFileResult result = parse_claim_reviews(text, name);
  INFO(gainsay::testing::diagnostics_text(result.diagnostics));
  REQUIRE(result.story.has_value());
  return *result.story;
}

}  // namespace

TEST_CASE("ClaimReview: ClaimReview -> gainsay -> ClaimReview keeps every field") {
  const Story story = read(kReviews);
  CHECK(story.id.value == "reviews");
  REQUIRE(story.claims.size() == 2);
  CHECK(story.claims[0].verdict->rating == "Unproven");
  REQUIRE(story.statements.size() == 3);  // the claimant's assertion, its repeat elsewhere, the second claim's
  CHECK(story.statements[1].repeats->value == story.statements[0].id.value);

  std::ostringstream out;
  CHECK(write_claim_reviews(out, {story}) == 0);
  CHECK(json::parse(out.str()) == json::parse(kReviews));
}

TEST_CASE("ClaimReview: a single object, an array, or a @graph") {
  const json reviews = json::parse(kReviews);
  CHECK(read(reviews[0].dump()).claims.size() == 1);
  CHECK(read(json{{"@context", "https://schema.org"}, {"@graph", reviews}}.dump()).claims.size() == 2);
  CHECK(looks_like_json_ld(reviews.dump()));
  CHECK(looks_like_json_ld("  {\"@graph\": []}"));
  CHECK_FALSE(looks_like_json_ld("{\"format\": 1, \"story\": {}}"));
  CHECK_FALSE(looks_like_json_ld("format: 1\n"));
}

TEST_CASE("ClaimReview: bad input names the file, and the line and column of malformed JSON") {
  const auto broken = parse_claim_reviews("[\n  {\"@type\": \"ClaimReview\",\n   \"claimReviewed\": }\n]", "bad.jsonld");
  REQUIRE(broken.diagnostics.size() == 1);
  CHECK(broken.diagnostics[0].line == 3);
  CHECK(broken.diagnostics[0].column == 21);  // the unexpected }
  CHECK(broken.diagnostics[0].message.rfind("malformed JSON", 0) == 0);

  const auto wrong = parse_claim_reviews(R"([{"@type": "Claim"}, {"@type": "ClaimReview", "reviewRating": {}}])", "x.jsonld");
  REQUIRE(wrong.diagnostics.size() == 2);
  CHECK(wrong.diagnostics[0].message == "review 1: expected an object with \"@type\": \"ClaimReview\"");
  CHECK(wrong.diagnostics[1].message == "review 2: missing \"claimReviewed\", the claim's text");
  // Each at the place its review opens.
  CHECK(std::make_pair(wrong.diagnostics[0].line, wrong.diagnostics[0].column) == std::make_pair(1ul, 2ul));
  CHECK(std::make_pair(wrong.diagnostics[1].line, wrong.diagnostics[1].column) == std::make_pair(1ul, 22ul));
  CHECK_FALSE(wrong.story.has_value());

  const auto bad_date = parse_claim_reviews(
      R"({"@type": "ClaimReview", "claimReviewed": "x", "datePublished": "2031-02-30", "reviewRating": {"alternateName": "False"}})",
      "d.jsonld");
  REQUIRE(bad_date.diagnostics.size() == 1);
  CHECK(bad_date.diagnostics[0].message == "review 1: invalid date '2031-02-30': February 2031 has 28 days");
  CHECK(std::make_pair(bad_date.diagnostics[0].line, bad_date.diagnostics[0].column) == std::make_pair(1ul, 1ul));

  // In a @graph, on a later line, with a string holding brackets before it.
  const auto graph = parse_claim_reviews("{\"@context\": \"[{,\\\"\",\n \"@graph\": [{\"@type\": \"ClaimReview\"},\n   [1, 2]]}",
                                         "g.jsonld");
  REQUIRE(graph.diagnostics.size() == 2);
  CHECK(std::make_pair(graph.diagnostics[0].line, graph.diagnostics[0].column) == std::make_pair(2ul, 13ul));
  CHECK(std::make_pair(graph.diagnostics[1].line, graph.diagnostics[1].column) == std::make_pair(3ul, 4ul));
}

TEST_CASE("ClaimReview: claims with no verdict are skipped and counted") {
  const Story story = testing::story_with(R"(claims:
  - {id: a, text: Reviewed, verdict: {rating: True, by: bugle, date: 2031-07-01}}
  - {id: b, text: Not reviewed}
  - {id: c, text: Not reviewed either}
statements:
  - {id: s, by: ansel, claim: a, stance: asserts, date: 2031-06-11, source: bugle-0612}
)");
  std::ostringstream out;
  CHECK(write_claim_reviews(out, {story}) == 2);
  const json reviews = json::parse(out.str());
  REQUIRE(reviews.size() == 1);
  CHECK(reviews[0]["itemReviewed"]["author"] == json{{"@type", "Person"}, {"name", "Col. Petra Ansel"}});
  CHECK(reviews[0]["itemReviewed"]["firstAppearance"]["publisher"]["name"] == "The Daily Bugle");
  CHECK(reviews[0]["author"]["@type"] == "NewsMediaOrganization");
}

TEST_CASE("issue 7: a ClaimReview nested 100k deep is read without a stack overflow") {
  // Copying or dumping a JSON value recurses: the reviews are read in place.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto result = parse_claim_reviews(R"({"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"ratingValue": )" +
                                              deep + R"(}, "itemReviewed": )" + deep + "}",
                                          "deep.jsonld");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].to_string() ==
        "deep.jsonld:1:1: error: review 1: the reviewRating has no alternateName (the verdict in words)");
}

TEST_CASE("issue 7: a number too large for a double is malformed JSON at its place, not an uncaught exception") {
  // nlohmann::json throws out_of_range, not parse_error, for it (found by fuzz_claim_review).
  const auto result = parse_claim_reviews("[{\"@type\": \"ClaimReview\",\n  \"x\": 1E400}]", "big.jsonld");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].to_string() == "big.jsonld:2:8: error: malformed JSON: the number '1E400' is out of range");
}
