// Small stories written for the tests, and helpers to parse them.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "gainsay/claim_graph.h"
#include "gainsay/error.h"
#include "gainsay/story_file.h"

namespace gainsay::testing {

// Two governments and their people: Ruritania accuses Freedonia. Tests
// append claims and statements to it.
inline const char* const kActors = R"(format: 1
story:
  id: dam
  title: Who shelled the dam?
actors:
  - id: ruritania
    name: Government of Ruritania
    kind: government
  - id: ruri-mod
    name: Ruritanian Ministry of Defence
    kind: ministry
    member_of: ruritania
  - id: ansel
    name: Col. Petra Ansel
    kind: person
    role: ministry spokesperson
    member_of: ruri-mod
    aliases: [Ansel, Petra Ansel]
  - id: freedonia
    name: Government of Freedonia
    kind: government
  - id: free-officials
    name: unnamed Freedonian officials
    kind: anonymous
    member_of: freedonia
  - id: marsh
    name: Minister Oda Marsh
    kind: person
    member_of: freedonia
  - id: bugle
    name: The Daily Bugle
    kind: outlet
  - id: state-tv
    name: Freedonian State TV
    kind: outlet
    affiliated_with: freedonia
sources:
  - id: bugle-0612
    outlet: bugle
    title: Dam breach floods three villages
    published: 2031-06-12
    url: https://example.org/dam-breach
  - id: bugle-0701
    outlet: bugle
    title: Freedonia changes its story
    published: 2031-07-01
  - id: tv-0615
    outlet: state-tv
    title: Evening news
    published: 2031-06-15
)";

// Parses `text`, failing the test with the diagnostics if it is not valid.
inline Story parse_ok(const std::string& text) {
  StoryFileResult result = parse_story(text, "test.yaml");
  for (const auto& d : result.diagnostics) INFO(d.to_string());
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.story.has_value());
  return std::move(*result.story);
}

// The actors above plus `rest` (claims:, statements:, ...).
inline Story story_with(const std::string& rest) { return parse_ok(std::string(kActors) + rest); }

inline ClaimGraph graph_with(const std::string& rest) { return ClaimGraph({story_with(rest)}); }

// Diagnostics one to a line, for a test's INFO.
inline std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.to_string() + "\n";
  return out;
}

// Checks that a reader's links (Story::links) point, statement by
// statement, at the records its ids name, and at none where it names none.
inline void check_links_name_their_ids(const Story& story) {
  REQUIRE(story.links.statements.size() == story.statements.size());
  for (std::size_t i = 0; i < story.statements.size(); ++i) {
    const Statement& s = story.statements[i];
    const StatementLinks& l = story.links.statements[i];
    CAPTURE(s.id.value);
    CHECK(story.actors.at(l.by).id == s.by);
    CHECK(story.claims.at(l.claim).id == s.claim);
    CHECK((s.source ? story.sources.at(l.source).id == *s.source : l.source == StatementLinks::kNone));
    CHECK((s.via ? story.actors.at(l.via).id == *s.via : l.via == StatementLinks::kNone));
    CHECK((s.responds_to ? story.statements.at(l.responds_to).id == *s.responds_to
                         : l.responds_to == StatementLinks::kNone));
    CHECK((s.repeats ? story.statements.at(l.repeats).id == *s.repeats : l.repeats == StatementLinks::kNone));
  }
}

}  // namespace gainsay::testing
