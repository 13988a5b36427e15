#include "gainsay/quote_check.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_stories.h"

using namespace gainsay;

namespace {

// A short article of our own, with curly quotes, a dash, a non-breaking
// space, decomposed accents and a line break inside a sentence.
const std::string kArticle =
    "Dam breach floods villages\n"
    "\n"
    "The minister said: \xe2\x80\x9cWe will not \xe2\x80\x94 ever \xe2\x80\x94 accept their claims.\xe2\x80\x9d\n"
    "Her deputy added that the army\xe2\x80\x99s guns were \"silent that night\", and\xc2\xa0the\n"
    "cafe\xcc\x81 owner agreed it was quiet.\n";

}  // namespace

TEST_CASE("QuoteFinder: an exact quote, with its line and column in characters") {
  const QuoteFinder finder(kArticle);
  const auto r = finder.find("silent that night");
  CHECK(r.match == QuoteMatch::kExact);
  CHECK(r.span.line == 4);
  CHECK(r.span.column == 45);  // 47 if the curly apostrophe's three bytes were counted
  CHECK(r.span.passage == "silent that night");
  CHECK(r.similarity == 1);
}

TEST_CASE("QuoteFinder: found after normalising quote marks, dashes, whitespace, case and NFC") {
  const QuoteFinder finder(kArticle);
  SUBCASE("straight apostrophe for a curly one") {
    const auto r = finder.find("the army's guns were");
    CHECK(r.match == QuoteMatch::kNormalised);
    CHECK(r.span.line == 4);
    CHECK(r.span.passage == "the army\xe2\x80\x99s guns were");
  }
  SUBCASE("hyphens for dashes, and another case") {
    const auto r = finder.find("we will not - ever - accept");
    CHECK(r.match == QuoteMatch::kNormalised);
    CHECK(r.span.line == 3);
    CHECK(r.span.column == 21);
  }
  SUBCASE("a line break and a non-breaking space read as spaces") {
    CHECK(finder.find("and the cafe\xcc\x81 owner").match == QuoteMatch::kNormalised);
  }
  SUBCASE("a composed accent for a decomposed one (NFC)") {
    const auto r = finder.find("caf\xc3\xa9 owner agreed");
    CHECK(r.match == QuoteMatch::kNormalised);
    CHECK(r.span.line == 5);
    CHECK(r.span.column == 1);
  }
}

TEST_CASE("QuoteFinder: ellipses read as gaps, in order") {
  const QuoteFinder finder(kArticle);
  const auto r = finder.find("We will not \xe2\x80\xa6 accept their claims");
  CHECK(r.match == QuoteMatch::kWithGaps);
  CHECK(r.span.line == 3);
  CHECK(finder.find("We will not ... accept their claims.").match == QuoteMatch::kWithGaps);
  CHECK(finder.find("[...] accept their claims").match == QuoteMatch::kWithGaps);
  // The parts must come in the text's order.
  CHECK(finder.find("accept their claims \xe2\x80\xa6 We will not").match == QuoteMatch::kNotFound);
}

TEST_CASE("QuoteFinder: not found gives the closest passage and how close it is") {
  const QuoteFinder finder(kArticle);
  const auto r = finder.find("the army's guns were silent all night");
  CHECK(r.match == QuoteMatch::kNotFound);
  CHECK(r.span.line == 4);
  CHECK(r.span.passage.find("silent th") != std::string::npos);
  CHECK(r.similarity > 0.8);
  CHECK(r.similarity < 1);
  CHECK(finder.find("zzzz qqqq xxxx").similarity < 0.5);
}

TEST_CASE("QuoteFinder: fold") {
  CHECK(fold("  A\xe2\x80\x9c" "B\xe2\x80\x9d\t\n c\xe2\x80\x93" "D ") == U"a\"b\" c-d");
}

TEST_CASE("check_quotes: resolves texts beside the story or in --texts, and says why one is unverifiable") {
  const auto dir = std::filesystem::temp_directory_path() / "gainsay_quote_check_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "texts");
  std::ofstream(dir / "article.txt") << kArticle;
  std::ofstream(dir / "texts" / "article.txt") << "Something else entirely: \"silent that night\".\n";
  Story story = testing::story_with(R"(claims:
  - {id: shelled, text: Freedonian artillery shelled the dam}
statements:
  - {id: found, by: marsh, claim: shelled, stance: denies, source: bugle-0612, quote: "silent that night"}
  - {id: untexted, by: marsh, claim: shelled, stance: denies, source: tv-0615, quote: "anything"}
  - {id: unsourced, by: marsh, claim: shelled, stance: denies, quote: "anything"}
  - {id: missing, by: marsh, claim: shelled, stance: denies, source: bugle-0701, quote: "anything"}
  - {id: noquote, by: marsh, claim: shelled, stance: denies, source: bugle-0612}
)");
  story.origin = (dir / "story.yaml").string();
  for (Source& source : story.sources) {
    if (source.id.value == "bugle-0612") source.text = "article.txt";
    if (source.id.value == "bugle-0701") source.text = "gone.txt";
  }
  const ClaimGraph graph({story});
  const Selection selection(graph, {});

  const auto beside = check_quotes(selection, "");
  REQUIRE(beside.size() == 4);
  CHECK(beside[0].match == QuoteMatch::kExact);
  CHECK(beside[0].span.line == 4);
  CHECK(beside[0].text_path == (dir / "article.txt").string());
  CHECK(beside[1].match == QuoteMatch::kUnverifiable);
  CHECK(beside[1].reason == "source 'tv-0615' has no local text");
  CHECK(beside[2].reason == "the statement has no source");
  CHECK(beside[3].reason.find("gone.txt cannot be read") != std::string::npos);

  const auto elsewhere = check_quotes(selection, (dir / "texts").string());
  CHECK(elsewhere[0].match == QuoteMatch::kExact);
  CHECK(elsewhere[0].span.line == 1);
  CHECK(elsewhere[0].span.column == 27);
  std::filesystem::remove_all(dir);
}
