#include "gainsay/html_report.h"

#include <doctest/doctest.h>

#include <sstream>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

const std::string kRest = R"(claims:
  - {id: shelled, text: "Freedonian <b>artillery</b> shelled the dam & more", about: [freedonia]}
  - {id: quiet, text: Nobody answered this}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612,
     attribution: on-record, quote: "<script>alert('x')</script>"}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06-20, source: bugle-0701, attribution: anonymous}
  - {id: lone, by: ansel, claim: quiet, stance: asserts}
)";

// The page of a whole story file's text.
std::string page_of(const std::string& story, const ReportFilter& filter = {}, std::optional<std::string> svg = {}) {
  ClaimGraph graph({testing::parse_ok(story)});
  const Selection selection(graph, filter);
  std::ostringstream out;
  HtmlOptions options;
  options.graph_svg = std::move(svg);
  write_html_report(out, selection, options);
  return out.str();
}

// The page of the test actors plus `rest`.
std::string page(const std::string& rest, const ReportFilter& filter = {}, std::optional<std::string> svg = {}) {
  return page_of(std::string(testing::kActors) + rest, filter, std::move(svg));
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("HtmlReport: one card per disputed claim, with the sides, badges, quote and source link") {
  const std::string html = page(kRest);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(count(html, "<article class=\"claim\"") == 1);
  CHECK(html.find("<h3 id=\"claim-1-h\">Freedonian &lt;b&gt;artillery&lt;/b&gt; shelled the dam &amp; more</h3>") !=
        std::string::npos);
  CHECK(html.find("<section class=\"for\" aria-label=\"For\">") != std::string::npos);
  CHECK(html.find("<span class=\"badge badge-named\">named</span>") != std::string::npos);
  CHECK(html.find("<span class=\"badge badge-anonymous\">anonymous</span>") != std::string::npos);
  CHECK(html.find("<a href=\"https://example.org/dam-breach\" rel=\"noopener noreferrer\">") != std::string::npos);
  CHECK(html.find("<time datetime=\"2031-06-11\">2031-06-11</time>") != std::string::npos);
}

TEST_CASE("HtmlReport: story text is escaped and the page can run nothing and load nothing") {
  const std::string html = page(kRest);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"") != std::string::npos);
  // A source URL that is not http(s) is shown as text, never linked.
  std::string story = std::string(testing::kActors) + kRest;
  story.replace(story.find("https://example.org/dam-breach"), 30, "javascript:alert(1)");
  const std::string with_bad_url = page_of(story);
  CHECK(with_bad_url.find("javascript:alert(1)") == std::string::npos);  // the source is listed by title
  CHECK(with_bad_url.find("href=\"javascript:") == std::string::npos);
  CHECK(with_bad_url.find("Dam breach floods three villages</li>") == std::string::npos);
  CHECK(with_bad_url.find("The Daily Bugle, Dam breach floods three villages, <time") != std::string::npos);
}

TEST_CASE("HtmlReport: --as-of, and the graph or a plain note in its place") {
  ReportFilter before;
  before.as_of = Date::parse("2031-06-15");
  const std::string early = page(kRest, before);
  CHECK(count(early, "<article class=\"claim\"") == 0);
  CHECK(early.find("No claim is disputed here.") != std::string::npos);
  CHECK(early.find("as a reader could know it on <time datetime=\"2031-06-15\">") != std::string::npos);
  CHECK(early.find("Graphviz is not installed") != std::string::npos);

  const std::string drawn = page(kRest, {}, std::string("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n"
                                                        "<svg width=\"100pt\" height=\"50pt\" viewBox=\"0 0 100 50\"><g/></svg>\n"));
  CHECK(drawn.find("<?xml") == std::string::npos);
  CHECK(drawn.find("<svg viewBox=\"0 0 100 50\" role=\"img\" aria-labelledby=\"graph-caption\"><g/></svg>") !=
        std::string::npos);
}

TEST_CASE("HtmlReport: the heat table and the sourcing table") {
  const std::string html = page(kRest);
  CHECK(html.find("<table class=\"heat\">") != std::string::npos);
  CHECK(html.find("<td class=\"num heat-5\" title=\"denies 1\">1") != std::string::npos);
  CHECK(html.find("<h2 id=\"h-sourcing\">Sourcing warnings</h2>") != std::string::npos);
  CHECK(html.find("<strong>single-source</strong>") != std::string::npos);
}
