#include "gainsay/graph_export.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;

namespace {

const std::string kRest = R"(claims:
  - {id: shelled, text: "Freedonian \"artillery\" shelled the dam \\", about: [freedonia]}
  - {id: decay, text: The dam failed from poor upkeep, contradicts: [shelled]}
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612,
     quote: "<script>alert(1)</script> \u001b[2J"}
  - {id: deny, by: marsh, claim: shelled, stance: denies, responds_to: accuse}
  - {id: rot, by: bugle, claim: decay, stance: asserts}
)";

std::string dot_of(const ClaimGraph& graph, const ReportFilter& filter = {}, std::optional<ClaimId> claim = {}) {
  const Selection selection(graph, filter);
  std::ostringstream out;
  write_graph_dot(out, GraphSubset{selection, claim});
  return out.str();
}

nlohmann::json json_of(const ClaimGraph& graph, std::optional<ClaimId> claim = {}) {
  const Selection selection(graph, {});
  std::ostringstream out;
  write_graph_json(out, GraphSubset{selection, claim});
  return nlohmann::json::parse(out.str());
}

}  // namespace

TEST_CASE("GraphExport: DOT has a cluster per side and escapes story text") {
  const ClaimGraph graph = graph_with(kRest);
  const std::string dot = dot_of(graph);
  CHECK(dot.rfind("digraph G {", 0) == 0);
  CHECK(dot.find("subgraph cluster_0 {\nlabel=\"Government of Ruritania\"") != std::string::npos);
  CHECK(dot.find("label=\"Government of Freedonia\"; style=rounded") != std::string::npos);
  // The quote and the trailing backslash cannot end the DOT string early.
  // (Labels wrap at 28 columns; the break is DOT's own \n.)
  CHECK(dot.find("[label=\"Freedonian \\\"artillery\\\"\\nshelled the dam \\\\ [disputed]\"") != std::string::npos);
  CHECK(dot.find("\x1b") == std::string::npos);
  CHECK(dot.find("label=\"contradicts\"") != std::string::npos);
  CHECK(dot.find("label=\"answers\"") != std::string::npos);
}

TEST_CASE("GraphExport: node-link JSON has every record and relation, with ids by kind") {
  const nlohmann::json g = json_of(graph_with(kRest));
  CHECK(g["directed"] == true);
  // 8 actors + 3 sources + 2 claims + 3 statements.
  CHECK(g["nodes"].size() == 16);
  bool found_stance = false;
  for (const auto& link : g["links"]) {
    found_stance |= link["source"] == "statement:deny" && link["target"] == "claim:shelled" &&
                    link["relation"] == "stance" && link["stance"] == "denies";
  }
  CHECK(found_stance);
  for (const auto& node : g["nodes"]) {
    if (node["id"] == "claim:shelled") {
      CHECK(node["disputed"] == true);
      CHECK(node["status"] == "disputed");
    }
    if (node["id"] == "statement:accuse") CHECK(node["quote"] == "<script>alert(1)</script> \x1b[2J");
  }
}

TEST_CASE("GraphExport: --claim keeps that claim's part, with the speakers' sides whole") {
  const nlohmann::json g = json_of(graph_with(kRest), ClaimId{"decay"});
  std::vector<std::string> ids;
  for (const auto& node : g["nodes"]) ids.push_back(node["id"]);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"actor:bugle", "claim:decay", "statement:rot"});
}

TEST_CASE("GraphExport: GraphML is typed and its text is escaped and inert") {
  const ClaimGraph graph = graph_with(kRest);
  const Selection selection(graph, {});
  std::ostringstream out;
  write_graph_graphml(out, GraphSubset{selection, std::nullopt});
  const std::string xml = out.str();
  CHECK(xml.find("attr.name=\"disputed\" attr.type=\"boolean\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"relation\" attr.type=\"string\"") != std::string::npos);
  CHECK(xml.find("&lt;script&gt;") != std::string::npos);
  CHECK(xml.find("<script>") == std::string::npos);
  CHECK(xml.find("\x1b") == std::string::npos);
}

TEST_CASE("GraphExport: rendering refuses an unknown picture format") {
  const ClaimGraph graph = graph_with(kRest);
  const Selection selection(graph, {});
  CHECK_THROWS_WITH_AS(render_graph(GraphSubset{selection, std::nullopt}, "out.txt"),
                       "--render out.txt: expected a file ending in .svg, .png or .pdf", Error);
}
