// The claim graph for other tools: Graphviz DOT (a cluster per side, nodes
// styled by kind, edges by stance), GraphML with typed attributes (NetworkX,
// Gephi), and node-link JSON; and pictures rendered by Graphviz.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "gainsay/filter.h"

namespace gainsay {

// What to draw: the selection's claims, statements and everything they name;
// only one claim's part when `claim` is set.
struct GraphSubset {
  const Selection& selection;
  std::optional<ClaimId> claim;
  bool disputed_only = false;  // only the disputed claims' part
};

void write_graph_dot(std::ostream& out, const GraphSubset& subset);
void write_graph_graphml(std::ostream& out, const GraphSubset& subset);
// NetworkX's node-link form: {"directed", "multigraph", "graph", "nodes", "links"}.
void write_graph_json(std::ostream& out, const GraphSubset& subset);

// Renders the DOT with Graphviz's dot into `path`, whose extension (.svg,
// .png, .pdf) chooses the format. Throws kNotFound when dot is not
// installed, kInvalidData for another extension, kIo when dot fails.
void render_graph(const GraphSubset& subset, const std::string& path);

// The graph drawn by Graphviz as an SVG document, or nullopt when Graphviz
// is not installed. Throws kIo when dot fails.
std::optional<std::string> render_svg(const GraphSubset& subset);

}  // namespace gainsay
