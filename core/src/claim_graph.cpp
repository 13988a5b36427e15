#include "gainsay/claim_graph.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <unordered_map>

#include "claim_graph_impl.h"
#include "gainsay/error.h"
#include "parallel_for.h"

namespace gainsay {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

void ClaimGraph::Impl::build() {
  index.resize(stories.size());
  std::vector<ClaimNode> nodes;
  std::vector<std::pair<Vertex, Vertex>> edges;
  std::vector<RelationEdge> relations;
  {
    std::size_t records = 0;
    for (const Story& story : stories) {
      records += story.actors.size() + story.sources.size() + story.claims.size() + story.statements.size();
    }
    // Vertices and edges are numbered in 32 bits.
    if (records * 3 >= Graph::null_vertex()) {
      throw Error(ErrorCode::kInvalidData, "the stories hold " + std::to_string(records) +
                                               " records, more than one graph can number");
    }
    nodes.reserve(records);
    edges.reserve(records * 3);
    relations.reserve(records * 3);
  }
  for (std::size_t s = 0; s < stories.size(); ++s) {
    const Story& story = stories[s];
    Index& ix = index[s];
    // Each kind's vertices, and the index of its ids, which also finds two
    // records with one id.
    auto add = [&](Kind& kind, const auto& records, NodeKind node) {
      kind.first = nodes.size();
      for (std::size_t i = 0; i < records.size(); ++i) {
        nodes.push_back(ClaimNode{node, static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(i)});
      }
    };
    auto index_ids = [&story](Kind& kind, const auto& records, const char* what) {
      kind.ids = IdIndex(records.size());
      kind.ids.each_prepared(
          records.size(), [&](std::size_t i) -> const std::string& { return records[i].id.value; },
          [&](std::size_t i, std::uint64_t hash) {
            if (!kind.ids.insert(records[i].id.value, hash).second) {
              throw Error(ErrorCode::kInvalidData, "story '" + story.id.value + "' has two " + what +
                                                       "s with the id '" + records[i].id.value + "'");
            }
          });
    };
    add(ix.actors, story.actors, NodeKind::kActor);
    index_ids(ix.actors, story.actors, "actor");
    add(ix.sources, story.sources, NodeKind::kSource);
    index_ids(ix.sources, story.sources, "source");
    add(ix.claims, story.claims, NodeKind::kClaim);
    index_ids(ix.claims, story.claims, "claim");
    add(ix.statements, story.statements, NodeKind::kStatement);
    // The statements' index, a million ids in a large story, is made on
    // another core while the references are resolved and the graph is built;
    // it is needed only where a reader left no link that holds.
    Beside statement_ids([&] { index_ids(ix.statements, story.statements, "statement"); });
    try {
      auto link = [&](Vertex from, Vertex to, Relation relation) {
        edges.emplace_back(from, to);
        relations.push_back(RelationEdge{relation});
      };
      for (std::size_t i = 0; i < story.actors.size(); ++i) {
        const Actor& a = story.actors[i];
        const Vertex v = ix.actors.first + i;
        if (a.member_of) link(v, find(ix.actors, a.member_of->value, story, "actor"), Relation::kMemberOf);
        if (a.affiliated_with) {
          link(v, find(ix.actors, a.affiliated_with->value, story, "actor"), Relation::kAffiliatedWith);
        }
      }
      for (std::size_t i = 0; i < story.sources.size(); ++i) {
        if (const auto& outlet = story.sources[i].outlet) {
          link(ix.sources.first + i, find(ix.actors, outlet->value, story, "actor"), Relation::kPublishedBy);
        }
      }
      for (std::size_t i = 0; i < story.claims.size(); ++i) {
        const Claim& c = story.claims[i];
        const Vertex v = ix.claims.first + i;
        for (const ActorId& about : c.about) link(v, find(ix.actors, about.value, story, "actor"), Relation::kAbout);
        for (const ClaimId& other : c.contradicts) {
          link(v, find(ix.claims, other.value, story, "claim"), Relation::kContradicts);
        }
      }
      // A statement's references are resolved on every core: in a story of a
      // million statements they are millions of look-ups by id, unless the
      // reader left its links, which are checked and used instead. Either way
      // they are resolved into the story's links, let go once linked.
      // References to statements without a link that holds are marked, and
      // looked up once the statements' index is made.
      std::vector<StatementLinks>& links = stories[s].links.statements;
      if (links.size() != story.statements.size()) links.assign(story.statements.size(), StatementLinks{});
      constexpr std::uint32_t kLookUp = StatementLinks::kNone - 1;
      std::atomic<bool> to_look_up = false;
      constexpr std::size_t kBlock = 4096;
      parallel_for((story.statements.size() + kBlock - 1) / kBlock, [&](std::size_t block) {
        const std::size_t end = std::min(story.statements.size(), (block + 1) * kBlock);
        for (std::size_t i = block * kBlock; i < end; ++i) {
          const Statement& st = story.statements[i];
          StatementLinks& l = links[i];
          // The position of the record with `id`: the link's when that record
          // has the id, else looked up.
          auto position = [&](const Kind& kind, const auto& records, std::uint32_t known, const std::string& id,
                              const char* what) {
            if (known < records.size() && records[known].id.value == id) return known;
            return static_cast<std::uint32_t>(find(kind, id, story, what) - kind.first);
          };
          auto optional = [&](const Kind& kind, const auto& records, std::uint32_t known, const auto& id,
                              const char* what) {
            return id ? position(kind, records, known, id->value, what) : StatementLinks::kNone;
          };
          auto statement = [&](std::uint32_t known, const OptionalId<StatementId>& id) {
            if (!id) return StatementLinks::kNone;
            if (known < story.statements.size() && story.statements[known].id == *id) return known;
            to_look_up = true;
            return kLookUp;
          };
          l = {position(ix.actors, story.actors, l.by, st.by.value, "actor"),
               position(ix.claims, story.claims, l.claim, st.claim.value, "claim"),
               optional(ix.sources, story.sources, l.source, st.source, "source"),
               optional(ix.actors, story.actors, l.via, st.via, "actor"),
               statement(l.responds_to, st.responds_to),
               statement(l.repeats, st.repeats)};
        }
      });
      if (to_look_up) {
        statement_ids.join();
        parallel_for((story.statements.size() + kBlock - 1) / kBlock, [&](std::size_t block) {
          const std::size_t end = std::min(story.statements.size(), (block + 1) * kBlock);
          for (std::size_t i = block * kBlock; i < end; ++i) {
            const Statement& st = story.statements[i];
            StatementLinks& l = links[i];
            auto look_up = [&](const OptionalId<StatementId>& id) {
              const Vertex v = find(ix.statements, id->value, story, "statement");
              return static_cast<std::uint32_t>(v - ix.statements.first);
            };
            if (l.responds_to == kLookUp) l.responds_to = look_up(st.responds_to);
            if (l.repeats == kLookUp) l.repeats = look_up(st.repeats);
          }
        });
      }
      for (std::size_t i = 0; i < story.statements.size(); ++i) {
        const StatementLinks& l = links[i];
        const Vertex v = ix.statements.first + static_cast<Vertex>(i);
        link(v, ix.actors.first + l.by, Relation::kBy);
        link(v, ix.claims.first + l.claim, Relation::kStance);
        if (l.source != StatementLinks::kNone) link(v, ix.sources.first + l.source, Relation::kReportedIn);
        if (l.via != StatementLinks::kNone) link(v, ix.actors.first + l.via, Relation::kVia);
        if (l.responds_to != StatementLinks::kNone) link(v, ix.statements.first + l.responds_to, Relation::kRespondsTo);
        if (l.repeats != StatementLinks::kNone) link(v, ix.statements.first + l.repeats, Relation::kRepeats);
      }
      links = std::vector<StatementLinks>();
    } catch (...) {
      // The error named is the one a look-up in turn meets first: two
      // statements with one id, then the first unknown reference in file
      // order.
      statement_ids.join();
      resolve_in_turn(story, ix);
      throw;
    }
    // Nothing looks a statement up by id once its references are resolved;
    // the index of a million ids, once it has found no id twice, is let go.
    statement_ids.join();
    ix.statements.ids = IdIndex();
  }
  if (edges.size() >= Graph::null_vertex()) {
    throw Error(ErrorCode::kInvalidData, "the stories hold " + std::to_string(edges.size()) +
                                             " relations, more than one graph can number");
  }
  graph = Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), relations.begin(), nodes.size());
  for (Vertex v = 0; v < nodes.size(); ++v) graph[v] = nodes[v];
  resolve_sides();
}

void ClaimGraph::Impl::resolve_in_turn(const Story& story, const Index& ix) const {
  for (const Actor& a : story.actors) {
    if (a.member_of) find(ix.actors, a.member_of->value, story, "actor");
    if (a.affiliated_with) find(ix.actors, a.affiliated_with->value, story, "actor");
  }
  for (const Source& source : story.sources) {
    if (source.outlet) find(ix.actors, source.outlet->value, story, "actor");
  }
  for (const Claim& c : story.claims) {
    for (const ActorId& about : c.about) find(ix.actors, about.value, story, "actor");
    for (const ClaimId& other : c.contradicts) find(ix.claims, other.value, story, "claim");
  }
  for (const Statement& st : story.statements) {
    find(ix.actors, st.by.value, story, "actor");
    find(ix.claims, st.claim.value, story, "claim");
    if (st.source) find(ix.sources, st.source->value, story, "source");
    if (st.via) find(ix.actors, st.via->value, story, "actor");
    if (st.responds_to) find(ix.statements, st.responds_to->value, story, "statement");
    if (st.repeats) find(ix.statements, st.repeats->value, story, "statement");
  }
}

StatementView ClaimGraph::Impl::view(Vertex v) const {
  const ClaimNode& node = graph[v];
  StatementView out;
  out.story = &stories[node.story];
  out.statement = &out.story->statements[node.index];
  for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it) {
    const Vertex to = boost::target(*it, graph);
    switch (graph[*it].relation) {
      case Relation::kBy:
        out.actor = &actor(to);
        out.side = &actor(side[to]);
        break;
      case Relation::kStance: out.claim = &claim(to); break;
      case Relation::kReportedIn:
        out.source = &source(to);
        if (auto outlet = target(to, Relation::kPublishedBy)) out.outlet = &actor(*outlet);
        break;
      case Relation::kVia: out.via = &actor(to); break;
      case Relation::kRespondsTo:
      case Relation::kRepeats:
      case Relation::kMemberOf:
      case Relation::kAffiliatedWith:
      case Relation::kPublishedBy:
      case Relation::kAbout:
      case Relation::kContradicts: break;
    }
  }
  return out;
}

void ClaimGraph::Impl::resolve_sides() {
  const std::size_t n = boost::num_vertices(graph);
  side.assign(n, Graph::null_vertex());
  for (Vertex v = 0; v < n; ++v) {
    if (graph[v].kind != NodeKind::kActor) continue;
    Vertex root = v;
    for (std::size_t steps = 0;; ++steps) {
      auto parent = target(root, Relation::kMemberOf);
      if (!parent) break;
      if (steps > n) {
        throw Error(ErrorCode::kInvalidData, "member_of cycle through actor '" + actor(v).id.value + "' in story '" +
                                                 stories[graph[v].story].id.value + "'");
      }
      root = *parent;
    }
    side[v] = root;
  }
}

ClaimGraph::ClaimGraph(std::vector<Story> stories) : impl_(std::make_unique<Impl>()) {
  impl_->stories = std::move(stories);
  impl_->build();
}
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph::~ClaimGraph() = default;

const std::vector<Story>& ClaimGraph::stories() const { return impl_->stories; }

GraphSize ClaimGraph::size() const {
  return {boost::num_vertices(impl_->graph), boost::num_edges(impl_->graph)};
}

std::vector<ClaimView> ClaimGraph::claims() const {
  std::vector<ClaimView> out;
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) {
    const ClaimNode& node = impl_->graph[*it];
    if (node.kind == NodeKind::kClaim) out.push_back({&impl_->stories[node.story], &impl_->claim(*it), *it});
  }
  return out;
}

std::vector<StatementView> ClaimGraph::statements_on(const ClaimView& claim) const {
  return impl_->sources_of_in_edges(impl_->claim_vertex(claim), Relation::kStance);
}

std::size_t ClaimGraph::weight(const ClaimView& claim) const {
  return boost::in_degree(impl_->claim_vertex(claim), impl_->graph);
}

std::vector<StatementView> ClaimGraph::responses_to(const StatementView& statement) const {
  return impl_->sources_of_in_edges(impl_->statement_vertex(statement), Relation::kRespondsTo);
}

std::vector<StatementView> ClaimGraph::repeats_of(const StatementView& statement) const {
  return impl_->sources_of_in_edges(impl_->statement_vertex(statement), Relation::kRepeats);
}

std::vector<ClaimView> ClaimGraph::contradicting(const ClaimView& claim) const {
  const Graph& g = impl_->graph;
  const Vertex v = impl_->claim_vertex(claim);
  std::vector<Vertex> found;
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (g[*it].relation == Relation::kContradicts) found.push_back(boost::target(*it, g));
  }
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    if (g[*it].relation == Relation::kContradicts) found.push_back(boost::source(*it, g));
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<ClaimView> out;
  for (Vertex other : found) out.push_back({claim.story, &impl_->claim(other), other});
  return out;
}

const Actor* ClaimGraph::find_actor(const Story& story, const ActorId& id) const {
  const auto v = impl_->index.at(impl_->story_index(story)).actors.find(id.value);
  return v ? &impl_->actor(*v) : nullptr;
}

const Actor& ClaimGraph::side_of(const Story& story, const ActorId& id) const {
  const auto& actors = impl_->index.at(impl_->story_index(story)).actors;
  return impl_->actor(impl_->side[impl_->find(actors, id.value, story, "actor")]);
}

std::vector<const Actor*> ClaimGraph::accused_sides(const ClaimView& claim) const {
  std::vector<const Actor*> out;
  for (const ActorId& about : claim.claim->about) {
    const Actor* side = &side_of(*claim.story, about);
    if (std::find(out.begin(), out.end(), side) == out.end()) out.push_back(side);
  }
  return out;
}

std::vector<const Actor*> ClaimGraph::members_under(const Story& story, const ActorId& id) const {
  const Graph& g = impl_->graph;
  const auto& actors = impl_->index.at(impl_->story_index(story)).actors;
  std::vector<Vertex> pending = {impl_->find(actors, id.value, story, "actor")};
  std::vector<const Actor*> out;
  while (!pending.empty()) {
    const Vertex v = pending.back();
    pending.pop_back();
    out.push_back(&impl_->actor(v));
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      if (g[*it].relation == Relation::kMemberOf) pending.push_back(boost::source(*it, g));
    }
  }
  return out;
}

std::vector<ClaimGraph::ActorMatch> ClaimGraph::match_actor(std::string_view text) const {
  const std::string wanted = lower(text);
  std::vector<ActorMatch> out;
  for (const Story& story : impl_->stories) {
    for (const Actor& actor : story.actors) {
      bool match = actor.id.value == wanted || lower(actor.name) == wanted;
      for (const auto& alias : actor.aliases) match = match || lower(alias) == wanted;
      if (match) out.push_back({&story, &actor});
    }
  }
  return out;
}

}  // namespace gainsay
