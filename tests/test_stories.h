// Small stories written for the tests, and helpers to parse them.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "gainsay/claim_graph.h"
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

}  // namespace gainsay::testing
