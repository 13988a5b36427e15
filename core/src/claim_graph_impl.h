// The inside of ClaimGraph: the Boost.Graph compressed sparse row graph and
// the indexes from ids to vertices. Only claim_graph.cpp and graph_export.cpp see it.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gainsay/claim_graph.h"
#include "gainsay/error.h"
#include "id_index.h"

namespace gainsay {

enum class NodeKind : std::uint8_t { kActor, kSource, kClaim, kStatement };

enum class Relation : std::uint8_t {
  kBy,              // statement -> actor who made it
  kStance,          // statement -> claim it takes a stance on
  kRespondsTo,      // statement -> statement it answers
  kRepeats,         // statement -> statement it reports again
  kVia,             // statement -> intermediary actor
  kReportedIn,      // statement -> source
  kMemberOf,        // actor -> actor
  kAffiliatedWith,  // actor -> actor
  kPublishedBy,     // source -> outlet actor
  kAbout,           // claim -> accused actor
  kContradicts,     // claim -> claim
};

struct ClaimNode {
  NodeKind kind = NodeKind::kActor;
  std::uint32_t story = 0;  // index into the graph's stories
  std::uint32_t index = 0;  // index into that story's actors, sources, claims or statements
};

struct RelationEdge {
  Relation relation = Relation::kBy;
};

// The graph never changes once built, so it is Boost's compressed sparse
// row graph: built in one pass from the list of edges, with in-edges too.
// For a story of a million statements it takes a fraction of the time and
// memory of an adjacency_list; 32-bit vertex and edge numbers halve its
// memory again (four billion records are beyond what gainsay loads). A
// vertex's in-edges come in the order of their sources, so a claim's
// statements stay in file order.
using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, ClaimNode, RelationEdge, boost::no_property,
                                                 std::uint32_t, std::uint32_t>;
using Vertex = Graph::vertex_descriptor;


struct ClaimGraph::Impl {
  std::vector<Story> stories;
  Graph graph;
  // Per story, the records of each kind by id. A kind's vertices are
  // consecutive, in the story's order, from its first.
  struct Kind {
    Vertex first = 0;
    IdIndex ids;
    std::optional<Vertex> find(std::string_view id) const {
      const auto position = ids.find(id);
      if (!position) return std::nullopt;
      return first + *position;
    }
  };
  struct Index {
    Kind actors, sources, claims;
    Kind statements;  // its ids only while the graph is built
  };
  std::vector<Index> index;
  std::vector<Vertex> side;  // per vertex: the side's vertex (actors only)

  Vertex find(const Kind& kind, const std::string& id, const Story& story, const char* what) const {
    if (const auto v = kind.find(id)) return *v;
    throw Error(ErrorCode::kInvalidData, "story '" + story.id.value + "' refers to unknown " + what + " '" + id + "'");
  }

  const Actor& actor(Vertex v) const { return stories[graph[v].story].actors[graph[v].index]; }
  const Claim& claim(Vertex v) const { return stories[graph[v].story].claims[graph[v].index]; }
  const Source& source(Vertex v) const { return stories[graph[v].story].sources[graph[v].index]; }

  // The single target of `from`'s out-edge with `relation`, if any.
  std::optional<Vertex> target(Vertex from, Relation relation) const {
    for (auto [it, end] = boost::out_edges(from, graph); it != end; ++it) {
      if (graph[*it].relation == relation) return boost::target(*it, graph);
    }
    return std::nullopt;
  }

  // A statement vertex with everything it names resolved, from its
  // out-edges. Made when asked rather than kept: a million kept views
  // would take 72 MB.
  StatementView view(Vertex v) const;

  // The views of the sources of `to`'s in-edges with `relation`. A claim's
  // statements lie spread over the graph's arrays, so what each view reads
  // is fetched into the cache some edges ahead: the edge's relation and
  // where its source's edges begin, then, once that has come, those edges.
  std::vector<StatementView> sources_of_in_edges(Vertex to, Relation relation) const {
    constexpr std::size_t kRowAhead = 16, kEdgesAhead = 8;
    std::vector<Graph::edge_descriptor> in;
    for (auto [it, end] = boost::in_edges(to, graph); it != end; ++it) in.push_back(*it);
    std::vector<StatementView> out;
    for (std::size_t k = 0; k < in.size(); ++k) {
      if (k + kRowAhead < in.size()) {
        __builtin_prefetch(&graph[in[k + kRowAhead]]);
        __builtin_prefetch(&graph.m_forward.m_rowstart[boost::source(in[k + kRowAhead], graph)]);
      }
      if (k + kEdgesAhead < in.size()) {
        const Vertex v = boost::source(in[k + kEdgesAhead], graph);
        const auto first = graph.m_forward.m_rowstart[v];
        __builtin_prefetch(&graph.m_forward.m_column[first]);
        __builtin_prefetch(&graph[Graph::edge_descriptor(v, first)]);
        __builtin_prefetch(&graph[v]);
      }
      if (graph[in[k]].relation == relation) out.push_back(view(boost::source(in[k], graph)));
    }
    return out;
  }

  Vertex claim_vertex(const ClaimView& view) const { return static_cast<Vertex>(view.node); }
  Vertex statement_vertex(const StatementView& view) const {
    const Story& story = *view.story;
    return index[story_index(story)].statements.first +
           static_cast<Vertex>(view.statement - story.statements.data());
  }

  std::size_t story_index(const Story& story) const {
    const std::size_t i = static_cast<std::size_t>(&story - stories.data());
    if (i >= stories.size()) throw Error(ErrorCode::kNotFound, "story '" + story.id.value + "' is not in this graph");
    return i;
  }

  void build();
  // Looks every reference of `story` up by id, in file order, and throws
  // for the first that does not resolve: what build() reports when its
  // faster way fails.
  void resolve_in_turn(const Story& story, const Index& ix) const;
  void resolve_sides();
};

}  // namespace gainsay
