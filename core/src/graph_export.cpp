#include "gainsay/graph_export.h"

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "claim_graph_impl.h"
#include "gainsay/dispute.h"
#include "gainsay/text.h"

extern char** environ;

namespace gainsay {
namespace {

using Subgraph = boost::filtered_graph<Graph, std::function<bool(Graph::edge_descriptor)>, std::function<bool(Vertex)>>;

// Which vertices the subset draws, with what the exporters say of them.
class Drawing {
 public:
  explicit Drawing(const GraphSubset& subset);

  const ClaimGraph::Impl& impl() const { return impl_; }
  const Subgraph& graph() const { return subgraph_; }
  bool several_stories() const { return several_stories_; }

  std::string id(Vertex v) const;
  std::string kind(Vertex v) const;
  std::string label(Vertex v) const;
  std::string name(Vertex v) const;  // full text: actor name, claim text, statement id, source title
  std::string detail(Vertex v, const char* what) const;
  bool disputed(Vertex v) const { return disputed_[v]; }
  const Actor* side(Vertex v) const;  // actors and statements: their side
  std::string relation(Graph::edge_descriptor e) const;
  std::string stance(Graph::edge_descriptor e) const;

 private:
  const ClaimGraph::Impl& impl_;
  // Per vertex: whether it is drawn, and (claims) whether it is disputed.
  // Flags rather than sets: a story of a million statements is a million
  // look-ups each.
  std::vector<bool> keep_;
  std::vector<bool> disputed_;
  std::map<Vertex, ClaimStatus> status_;
  bool several_stories_ = false;
  Subgraph subgraph_;
};

Drawing::Drawing(const GraphSubset& subset)
    : impl_(subset.selection.graph().impl()),
      keep_(boost::num_vertices(impl_.graph)),
      disputed_(boost::num_vertices(impl_.graph)),
      subgraph_(impl_.graph, std::function<bool(Graph::edge_descriptor)>([this](Graph::edge_descriptor e) {
                  return keep_[boost::source(e, impl_.graph)] && keep_[boost::target(e, impl_.graph)];
                }),
                std::function<bool(Vertex)>([this](Vertex v) { return keep_[v]; })) {
  const Selection& selection = subset.selection;
  const Graph& g = impl_.graph;
  const ReportFilter& f = selection.filter();
  const bool everything = !subset.claim && !subset.disputed_only && f.actor.empty() && f.side.empty() && !f.since && !f.until && !f.as_of;
  std::size_t stories = 0;
  for (std::size_t s = 0; s < impl_.stories.size(); ++s) {
    if (!selection.in_story(impl_.stories[s])) continue;
    ++stories;
    if (!everything) continue;
    for (const auto* kind : {&impl_.index[s].actors, &impl_.index[s].sources}) {
      for (std::size_t i = 0; i < kind->ids.size(); ++i) keep_[kind->first + i] = true;
    }
  }
  several_stories_ = stories > 1;

  std::vector<ClaimView> claims;
  if (subset.claim) {
    claims.push_back(selection.find_claim(*subset.claim));
  } else if (!subset.disputed_only) {
    claims = selection.claims();
  }
  auto add_actor = [&](Vertex v) {
    // An actor brings its member_of chain and its patron, so sides are whole.
    for (std::optional<Vertex> at = v; at; ) {
      keep_[*at] = true;
      std::optional<Vertex> next;
      for (auto [it, end] = boost::out_edges(*at, g); it != end; ++it) {
        const Relation r = g[*it].relation;
        if (r == Relation::kAffiliatedWith) keep_[boost::target(*it, g)] = true;
        if (r == Relation::kMemberOf && !keep_[boost::target(*it, g)]) next = boost::target(*it, g);
      }
      at = next;
    }
  };
  for (const ClaimAssessment& a : assess_claims(selection)) {
    const Vertex v = impl_.claim_vertex(a.claim);
    status_[v] = a.status;
    if (a.disputed) disputed_[v] = true;
    if (a.disputed && subset.disputed_only) claims.push_back(a.claim);
  }
  for (const ClaimView& claim : claims) {
    const Vertex cv = impl_.claim_vertex(claim);
    keep_[cv] = true;
    for (auto [it, end] = boost::out_edges(cv, g); it != end; ++it) {
      if (g[*it].relation == Relation::kAbout) add_actor(boost::target(*it, g));
    }
    for (const StatementView& s : selection.statements_on(claim)) {
      const Vertex sv = impl_.statement_vertex(s);
      keep_[sv] = true;
      for (auto [it, end] = boost::out_edges(sv, g); it != end; ++it) {
        const Vertex t = boost::target(*it, g);
        switch (g[*it].relation) {
          case Relation::kBy:
          case Relation::kVia: add_actor(t); break;
          case Relation::kReportedIn:
            keep_[t] = true;
            for (auto [o, oend] = boost::out_edges(t, g); o != oend; ++o) add_actor(boost::target(*o, g));
            break;
          case Relation::kStance: case Relation::kRespondsTo: case Relation::kRepeats: case Relation::kMemberOf:
          case Relation::kAffiliatedWith: case Relation::kPublishedBy: case Relation::kAbout:
          case Relation::kContradicts: break;
        }
      }
    }
  }
}

std::string Drawing::kind(Vertex v) const {
  switch (impl_.graph[v].kind) {
    case NodeKind::kActor: return "actor";
    case NodeKind::kSource: return "source";
    case NodeKind::kClaim: return "claim";
    case NodeKind::kStatement: return "statement";
  }
  return "actor";
}

std::string Drawing::id(Vertex v) const {
  const ClaimNode& node = impl_.graph[v];
  const Story& story = impl_.stories[node.story];
  std::string local;
  switch (node.kind) {
    case NodeKind::kActor: local = story.actors[node.index].id.value; break;
    case NodeKind::kSource: local = story.sources[node.index].id.value; break;
    case NodeKind::kClaim: local = story.claims[node.index].id.value; break;
    case NodeKind::kStatement: local = story.statements[node.index].id.value; break;
  }
  return (several_stories_ ? story.id.value + "/" : "") + kind(v) + ":" + local;
}

std::string Drawing::name(Vertex v) const {
  const ClaimNode& node = impl_.graph[v];
  const Story& story = impl_.stories[node.story];
  switch (node.kind) {
    case NodeKind::kActor: return story.actors[node.index].name;
    case NodeKind::kSource: {
      const Source& s = story.sources[node.index];
      return s.title.empty() ? s.id.value : s.title;
    }
    case NodeKind::kClaim: return story.claims[node.index].text;
    case NodeKind::kStatement: return story.statements[node.index].id.value;
  }
  return "";
}

std::string Drawing::label(Vertex v) const {
  const ClaimNode& node = impl_.graph[v];
  if (node.kind == NodeKind::kStatement) {
    const Statement& s = impl_.stories[node.story].statements[node.index];
    return std::string(to_string(s.stance)) + "\n" + (s.date ? s.date->to_string() : "undated");
  }
  std::string text = name(v);
  if (node.kind == NodeKind::kClaim) {
    auto it = status_.find(v);
    if (it != status_.end()) text += " [" + std::string(to_string(it->second)) + "]";
  }
  std::string out;
  for (const auto& line : wrap(text, 28, "", "")) out += (out.empty() ? "" : "\n") + line;
  return out;
}

const Actor* Drawing::side(Vertex v) const {
  const ClaimNode& node = impl_.graph[v];
  if (node.kind == NodeKind::kActor) return &impl_.actor(impl_.side[v]);
  if (node.kind == NodeKind::kStatement) return impl_.view(v).side;
  return nullptr;
}

// A per-kind attribute, empty where it does not apply.
std::string Drawing::detail(Vertex v, const char* what) const {
  const ClaimNode& node = impl_.graph[v];
  const Story& story = impl_.stories[node.story];
  const std::string key = what;
  if (key == "story") return story.id.value;
  if (key == "side") return side(v) ? side(v)->id.value : "";
  switch (node.kind) {
    case NodeKind::kActor: {
      const Actor& a = story.actors[node.index];
      if (key == "actor_kind") return std::string(to_string(a.kind));
      if (key == "role") return a.role;
      break;
    }
    case NodeKind::kSource: {
      const Source& s = story.sources[node.index];
      if (key == "url") return s.url;
      if (key == "date") return s.published ? s.published->to_string() : "";
      break;
    }
    case NodeKind::kClaim: {
      if (key == "status") {
        auto it = status_.find(v);
        return it == status_.end() ? "" : std::string(to_string(it->second));
      }
      break;
    }
    case NodeKind::kStatement: {
      const Statement& s = story.statements[node.index];
      if (key == "stance") return std::string(to_string(s.stance));
      if (key == "counts_as") return std::string(to_string(stance_class(s.stance)));
      if (key == "date") return s.date ? s.date->to_string() : "";
      if (key == "attribution") return std::string(to_string(s.attribution));
      if (key == "quote") return s.quote;
      if (key == "note") return s.note;
      break;
    }
  }
  return "";
}

std::string Drawing::relation(Graph::edge_descriptor e) const {
  switch (impl_.graph[e].relation) {
    case Relation::kBy: return "by";
    case Relation::kStance: return "stance";
    case Relation::kRespondsTo: return "responds_to";
    case Relation::kRepeats: return "repeats";
    case Relation::kVia: return "via";
    case Relation::kReportedIn: return "reported_in";
    case Relation::kMemberOf: return "member_of";
    case Relation::kAffiliatedWith: return "affiliated_with";
    case Relation::kPublishedBy: return "published_by";
    case Relation::kAbout: return "about";
    case Relation::kContradicts: return "contradicts";
  }
  return "";
}

std::string Drawing::stance(Graph::edge_descriptor e) const {
  if (impl_.graph[e].relation != Relation::kStance) return "";
  return std::string(to_string(impl_.view(boost::source(e, impl_.graph)).statement->stance));
}

// A DOT quoted string: inert text with quotes, backslashes and line breaks
// escaped, so story text can never end the string or start an escape.
std::string dot_string(const std::string& text) {
  std::string out = "\"";
  std::size_t start = 0;
  // Line breaks are ours (wrapped labels); keep them as \n, inert the rest.
  while (true) {
    const std::size_t end = text.find('\n', start);
    for (char c : inert(text.substr(start, end == std::string::npos ? std::string::npos : end - start))) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    if (end == std::string::npos) break;
    out += "\\n";
    start = end + 1;
  }
  return out + "\"";
}

std::string actor_style(ActorKind kind) {
  switch (kind) {
    case ActorKind::kPerson: return "shape=ellipse";
    case ActorKind::kAnonymous: return "shape=ellipse, style=dashed";
    case ActorKind::kGroup: return "shape=ellipse, style=dotted";
    case ActorKind::kOutlet: return "shape=note";
    case ActorKind::kGovernment: return "shape=box, style=bold";
    case ActorKind::kMinistry: case ActorKind::kAgency: case ActorKind::kMilitary: case ActorKind::kParty:
    case ActorKind::kOrganization: return "shape=box";
  }
  return "shape=box";
}

std::string stance_colour(StanceClass c) {
  switch (c) {
    case StanceClass::kFor: return "darkgreen";
    case StanceClass::kAgainst: return "firebrick";
    case StanceClass::kPartial: return "darkorange";
    case StanceClass::kEvasive: return "goldenrod";
    case StanceClass::kWithdrawn: return "gray50";
  }
  return "black";
}

std::string fill_colour(StanceClass c) {
  switch (c) {
    case StanceClass::kFor: return "#dff0d8";
    case StanceClass::kAgainst: return "#f2dede";
    case StanceClass::kPartial: return "#fbe5cc";
    case StanceClass::kEvasive: return "#fcf8e3";
    case StanceClass::kWithdrawn: return "#eeeeee";
  }
  return "white";
}

// Runs `argv` without a shell; returns its exit status, or -1 if it could
// not be started (errno says why).
int run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
  if (spawned != 0) {
    errno = spawned;
    return -1;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

void write_graph_dot(std::ostream& out, const GraphSubset& subset) {
  const Drawing d(subset);
  const Graph& g = d.impl().graph;
  // One cluster per side; its actors and their statements are declared in it
  // first, so Graphviz keeps them together.
  std::map<const Actor*, std::vector<Vertex>> by_side;
  for (auto [it, end] = boost::vertices(d.graph()); it != end; ++it) {
    if (const Actor* side = d.side(*it)) by_side[side].push_back(*it);
  }
  auto graph_writer = [&](std::ostream& o) {
    o << "rankdir=LR;\nnewrank=true;\nnode [fontname=\"Helvetica\", fontsize=10];\nedge [fontname=\"Helvetica\", fontsize=8];\n";
    std::size_t n = 0;
    for (const auto& [side, vertices] : by_side) {
      if (vertices.size() < 2) continue;  // a box around one node says nothing
      o << "subgraph cluster_" << n++ << " {\nlabel=" << dot_string(side->name)
        << "; style=rounded; color=gray60; fontname=\"Helvetica\";\n";
      for (Vertex v : vertices) o << v << ";\n";
      o << "}\n";
    }
  };
  auto vertex_writer = [&](std::ostream& o, Vertex v) {
    const ClaimNode& node = g[v];
    std::string style;
    switch (node.kind) {
      case NodeKind::kActor: style = actor_style(d.impl().actor(v).kind); break;
      case NodeKind::kSource: style = "shape=folder, color=gray40"; break;
      case NodeKind::kClaim:
        style = std::string("shape=box, style=\"filled,bold\", fillcolor=\"") + (d.disputed(v) ? "#ffd6d6" : "#fff6cc") + "\"";
        break;
      case NodeKind::kStatement: {
        const StanceClass c = stance_class(d.impl().view(v).statement->stance);
        style = "shape=box, style=\"rounded,filled\", fontsize=8, fillcolor=\"" + fill_colour(c) + "\", color=" +
                stance_colour(c);
        break;
      }
    }
    o << "[label=" << dot_string(d.label(v)) << ", tooltip=" << dot_string(d.id(v)) << ", " << style << "]";
  };
  auto edge_writer = [&](std::ostream& o, Graph::edge_descriptor e) {
    switch (g[e].relation) {
      case Relation::kStance: {
        const StanceClass c = stance_class(d.impl().view(boost::source(e, g)).statement->stance);
        o << "[color=" << stance_colour(c) << ", penwidth=2"
          << (c == StanceClass::kEvasive ? ", style=dashed" : c == StanceClass::kWithdrawn ? ", style=dotted" : "") << "]";
        break;
      }
      case Relation::kRespondsTo: o << "[label=\"answers\", style=dashed, color=steelblue]"; break;
      case Relation::kRepeats: o << "[label=\"repeats\", style=dotted, color=gray40]"; break;
      case Relation::kVia: o << "[label=\"via\", style=dotted, color=gray50]"; break;
      case Relation::kReportedIn: o << "[color=gray75, arrowhead=none]"; break;
      case Relation::kBy: o << "[color=gray50, dir=back]"; break;
      case Relation::kMemberOf: o << "[label=\"member of\", color=gray40, arrowhead=empty]"; break;
      case Relation::kAffiliatedWith: o << "[label=\"affiliated\", style=dashed, color=gray40]"; break;
      case Relation::kPublishedBy: o << "[color=gray75, style=dotted]"; break;
      case Relation::kAbout: o << "[label=\"about\", style=dashed, color=purple]"; break;
      case Relation::kContradicts: o << "[label=\"contradicts\", color=red, style=bold, dir=both]"; break;
    }
  };
  boost::write_graphviz(out, d.graph(), vertex_writer, edge_writer, graph_writer, get(boost::vertex_index, d.graph()));
}

void write_graph_graphml(std::ostream& out, const GraphSubset& subset) {
  const Drawing d(subset);
  boost::dynamic_properties dp;
  auto text = [&](const char* name, std::function<std::string(Vertex)> f) {
    dp.property(name, boost::make_function_property_map<Vertex, std::string>(
                          [f = std::move(f)](Vertex v) { return inert(f(v), true); }));
  };
  text("gid", [&](Vertex v) { return d.id(v); });
  text("kind", [&](Vertex v) { return d.kind(v); });
  text("label", [&](Vertex v) { return d.name(v); });
  for (const char* key : {"story", "side", "actor_kind", "role", "status", "stance", "counts_as", "date",
                          "attribution", "quote", "note", "url"}) {
    text(key, [&d, key](Vertex v) { return d.detail(v, key); });
  }
  dp.property("disputed", boost::make_function_property_map<Vertex, bool>([&](Vertex v) { return d.disputed(v); }));
  dp.property("relation", boost::make_function_property_map<Graph::edge_descriptor, std::string>(
                              [&](Graph::edge_descriptor e) { return d.relation(e); }));
  dp.property("edge_stance", boost::make_function_property_map<Graph::edge_descriptor, std::string>(
                                 [&](Graph::edge_descriptor e) { return d.stance(e); }));
  // graphml.hpp escapes XML's special characters; the values are made inert
  // above, since XML 1.0 cannot carry most control characters at all.
  boost::write_graphml(out, d.graph(), get(boost::vertex_index, d.graph()), dp, true);
}

void write_graph_json(std::ostream& out, const GraphSubset& subset) {
  const Drawing d(subset);
  using Json = nlohmann::ordered_json;
  Json nodes = Json::array();
  for (auto [it, end] = boost::vertices(d.graph()); it != end; ++it) {
    Json node{{"id", d.id(*it)}, {"kind", d.kind(*it)}, {"label", d.name(*it)}};
    for (const char* key : {"story", "side", "actor_kind", "role", "status", "stance", "counts_as", "date",
                            "attribution", "quote", "note", "url"}) {
      const std::string value = d.detail(*it, key);
      if (!value.empty()) node[key] = value;
    }
    if (d.kind(*it) == "claim") node["disputed"] = d.disputed(*it);
    nodes.push_back(std::move(node));
  }
  Json links = Json::array();
  for (auto [it, end] = boost::edges(d.graph()); it != end; ++it) {
    Json link{{"source", d.id(boost::source(*it, d.graph()))},
              {"target", d.id(boost::target(*it, d.graph()))},
              {"relation", d.relation(*it)}};
    if (const std::string stance = d.stance(*it); !stance.empty()) link["stance"] = stance;
    links.push_back(std::move(link));
  }
  Json graph{{"directed", true}, {"multigraph", true}, {"graph", Json::object()}, {"nodes", nodes}, {"links", links}};
  out << graph.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

namespace {

// A new file in the temp folder with a random name (mkstemps, O_EXCL), so
// nothing planted there can be written through; removed when it goes.
class TempFile {
 public:
  explicit TempFile(const char* suffix) {
    path_ = (std::filesystem::temp_directory_path() / ("gainsay-XXXXXX" + std::string(suffix))).string();
    fd_ = mkstemps(path_.data(), static_cast<int>(std::strlen(suffix)));
    if (fd_ < 0) throw Error(ErrorCode::kIo, "cannot make a temporary file in " + std::filesystem::temp_directory_path().string());
  }
  ~TempFile() {
    if (fd_ >= 0) close(fd_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  void write_all(const std::string& text) {
    for (std::size_t written = 0; written < text.size();) {
      const ssize_t n = ::write(fd_, text.data() + written, text.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw Error(ErrorCode::kIo, "cannot write " + path_);
      written += static_cast<std::size_t>(n);
    }
  }

 private:
  std::string path_;
  int fd_ = -1;
};

// Runs Graphviz's dot on the subset's DOT, writing `format` to `out_path`.
// Returns false when dot is not installed.
bool run_dot(const GraphSubset& subset, const std::string& format, const std::string& out_path) {
  TempFile dot_file(".dot");
  std::ostringstream dot;
  write_graph_dot(dot, subset);
  dot_file.write_all(dot.str());
  const int status = run({"dot", "-T" + format, "-o", out_path, dot_file.path()});
  if (status < 0 && errno == ENOENT) return false;
  if (status != 0) {
    throw Error(ErrorCode::kIo, "Graphviz's dot failed to draw " + out_path + " (status " + std::to_string(status) + ")");
  }
  return true;
}

}  // namespace

void render_graph(const GraphSubset& subset, const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension != ".svg" && extension != ".png" && extension != ".pdf") {
    throw Error(ErrorCode::kInvalidData, "--render " + path + ": expected a file ending in .svg, .png or .pdf");
  }
  if (!run_dot(subset, extension.substr(1), path)) {
    throw Error(ErrorCode::kNotFound,
                "Graphviz is not installed (no 'dot' program on PATH): install Debian's graphviz package, "
                "or write the DOT with --format dot and render it elsewhere");
  }
}

std::optional<std::string> render_svg(const GraphSubset& subset) {
  TempFile svg(".svg");
  if (!run_dot(subset, "svg", svg.path())) return std::nullopt;
  std::ifstream in(svg.path(), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace gainsay
