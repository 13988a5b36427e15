// The filters every report takes (--story, --actor, --side, --since,
// --until, --as-of), and Selection: a filter resolved against a graph, which
// the reports ask what to include.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gainsay/claim_graph.h"
#include "gainsay/date.h"

namespace gainsay {

// An unset field does not filter.
struct ReportFilter {
  std::optional<StoryId> story;
  std::string actor;  // id, name or alias: claims that actor's side takes part in
  std::string side;   // id, name or alias of a side's root actor
  // Statements made in this span. A partial date counts if it may fall in
  // the span; an undated statement is left out when either bound is set.
  std::optional<Date> since;
  std::optional<Date> until;
  // Only what a reader could have known on this day: statements whose
  // source was published (or, unsourced, that were made) certainly by then.
  std::optional<Date> as_of;
};

class Selection {
 public:
  // Throws Error(kNotFound) for a story, actor or side that does not exist.
  Selection(const ClaimGraph& graph, ReportFilter filter);

  const ReportFilter& filter() const { return filter_; }
  const ClaimGraph& graph() const { return graph_; }

  // Claims of the selected story that the selected sides take part in
  // (speak on, or are accused in), in story and file order.
  std::vector<ClaimView> claims() const;
  // The statements on `claim` that pass the date filters, in date order
  // (undated last, ties in file order).
  std::vector<StatementView> statements_on(const ClaimView& claim) const;
  bool keeps(const StatementView& statement) const;
  // The claim with this id in the selected story. Throws kNotFound, or
  // kInvalidData when several stories have it and --story does not choose.
  ClaimView find_claim(const ClaimId& id) const;
  // The actor named by id, name or alias, like find_claim.
  ClaimGraph::ActorMatch find_actor(const std::string& text) const;
  bool in_story(const Story& story) const;
  // True when --actor or --side is given and `side` is one of those named.
  bool is_selected_side(const Actor* side) const;

 private:
  const ClaimGraph& graph_;
  ReportFilter filter_;
  std::optional<std::set<const Actor*>> sides_;  // unset: every side
};

// Date order for statements: undated last, ties in file order.
bool earlier(const StatementView& a, const StatementView& b);

}  // namespace gainsay
