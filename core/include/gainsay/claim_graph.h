// ClaimGraph: the stories as one graph (Boost.Graph inside, never in this
// header). Actors, sources, claims and statements are vertices; by, stance,
// responds_to, repeats, via, member_of, affiliated_with, reported_in and
// contradicts are edges. Every report reads the stories through it.
//
// The graph owns its stories; the views it returns point into them and stay
// valid as long as the graph does. Immutable once built, so it may be read
// from several threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gainsay/model.h"

namespace gainsay {

struct ClaimView {
  const Story* story = nullptr;
  const Claim* claim = nullptr;
  std::size_t node = 0;  // the graph's own handle; opaque to callers
};

// A statement with everything it names resolved.
struct StatementView {
  const Story* story = nullptr;
  const Statement* statement = nullptr;
  const Claim* claim = nullptr;
  const Actor* actor = nullptr;   // who spoke
  const Actor* side = nullptr;    // root of the speaker's member_of chain
  const Source* source = nullptr; // null when unsourced
  const Actor* outlet = nullptr;  // the source's outlet, if known
  const Actor* via = nullptr;     // intermediary, if any
};

// Counts of the graph, for summaries and tests.
struct GraphSize {
  std::size_t vertices = 0;
  std::size_t edges = 0;
};

class ClaimGraph {
 public:
  // Builds the graph. Throws Error(kInvalidData) if a reference does not
  // resolve within its story (the story-file validator rules that out for
  // parsed files; the check guards data that came by another road).
  explicit ClaimGraph(std::vector<Story> stories);
  ClaimGraph(ClaimGraph&&) noexcept;
  ~ClaimGraph();

  const std::vector<Story>& stories() const;
  GraphSize size() const;

  // Every claim, by story and then in file order.
  std::vector<ClaimView> claims() const;
  // The statements toward a claim (in-edges of the claim), in file order.
  std::vector<StatementView> statements_on(const ClaimView& claim) const;
  // About how many statements statements_on() finds (it counts other
  // relations to the claim too), without making them: to share out work.
  std::size_t weight(const ClaimView& claim) const;
  // The statements that answer `statement` (responds_to), in file order.
  std::vector<StatementView> responses_to(const StatementView& statement) const;
  // The statements that report `statement` again (repeats), in file order.
  std::vector<StatementView> repeats_of(const StatementView& statement) const;
  // Claims declared to contradict `claim`, in either direction.
  std::vector<ClaimView> contradicting(const ClaimView& claim) const;

  const Actor* find_actor(const Story& story, const ActorId& id) const;
  // The root of the actor's member_of chain: the actor itself if it is a
  // member of nobody.
  const Actor& side_of(const Story& story, const ActorId& id) const;
  // The sides of the actors a claim is about (the accused), without repeats.
  std::vector<const Actor*> accused_sides(const ClaimView& claim) const;
  // Everyone whose member_of chain passes through `actor`, itself included.
  std::vector<const Actor*> members_under(const Story& story, const ActorId& id) const;

  // Actors whose id, name or an alias equals `text` (ignoring case), across
  // the stories, so a user may type "Zakharova" for maria-zakharova.
  struct ActorMatch {
    const Story* story;
    const Actor* actor;
  };
  std::vector<ActorMatch> match_actor(std::string_view text) const;

  // The Boost graph inside, for the exporters in core/src; an incomplete
  // type everywhere else.
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace gainsay
