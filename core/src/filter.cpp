#include "gainsay/filter.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "gainsay/error.h"

namespace gainsay {
namespace {

std::size_t file_position(const StatementView& view) {
  return static_cast<std::size_t>(view.statement - view.story->statements.data());
}

// The day a reader could first have read the statement: its source's
// publication, or for an unsourced statement the day it was made.
std::optional<Date> known_since(const StatementView& view) {
  if (view.source && view.source->published) return view.source->published;
  return view.statement->date;
}

std::set<const Actor*> sides_named(const ClaimGraph& graph, const std::string& text, const char* option) {
  std::set<const Actor*> sides;
  for (const auto& match : graph.match_actor(text)) sides.insert(&graph.side_of(*match.story, match.actor->id));
  if (sides.empty()) {
    throw Error(ErrorCode::kNotFound,
                std::string(option) + " '" + text + "': no actor has that id, name or alias in the stories read");
  }
  return sides;
}

// A number that orders dates as Date's operator<=> does (2022 < 2022-01 <
// 2022-01-01 < 2022-01-02), with no date after every date.
std::uint64_t date_key(const std::optional<Date>& date) {
  if (!date) return std::numeric_limits<std::uint64_t>::max();
  const auto year = static_cast<std::uint64_t>(static_cast<std::int64_t>(date->year()) + (std::int64_t{1} << 40));
  return year << 9 | static_cast<std::uint64_t>(date->month()) << 5 | static_cast<std::uint64_t>(date->day());
}

}  // namespace

bool earlier(const StatementView& a, const StatementView& b) {
  const auto& da = a.statement->date;
  const auto& db = b.statement->date;
  if (da.has_value() != db.has_value()) return da.has_value();
  if (da && *da != *db) return *da < *db;
  if (a.story != b.story) return a.story->id < b.story->id;
  return file_position(a) < file_position(b);
}

Selection::Selection(const ClaimGraph& graph, ReportFilter filter) : graph_(graph), filter_(std::move(filter)) {
  if (filter_.story && std::none_of(graph.stories().begin(), graph.stories().end(),
                                    [&](const Story& s) { return s.id == *filter_.story; })) {
    throw Error(ErrorCode::kNotFound, "--story '" + filter_.story->value + "': no such story");
  }
  if (!filter_.actor.empty()) sides_ = sides_named(graph, filter_.actor, "--actor");
  if (!filter_.side.empty()) {
    auto sides = sides_named(graph, filter_.side, "--side");
    if (sides_) {
      std::set<const Actor*> both;
      std::set_intersection(sides_->begin(), sides_->end(), sides.begin(), sides.end(),
                            std::inserter(both, both.begin()));
      sides = std::move(both);
    }
    sides_ = std::move(sides);
  }
}

bool Selection::in_story(const Story& story) const { return !filter_.story || story.id == *filter_.story; }

bool Selection::is_selected_side(const Actor* side) const { return sides_ && sides_->count(side); }

bool Selection::keeps(const StatementView& s) const {
  if (!in_story(*s.story)) return false;
  const auto& date = s.statement->date;
  if ((filter_.since || filter_.until) && !date) return false;
  if (filter_.since && date->last_day() < filter_.since->first_day()) return false;
  if (filter_.until && date->first_day() > filter_.until->last_day()) return false;
  if (filter_.as_of) {
    const auto known = known_since(s);
    if (!known || !known->certainly_by(*filter_.as_of)) return false;
  }
  return true;
}

ClaimView Selection::find_claim(const ClaimId& id) const {
  std::vector<ClaimView> found;
  for (const ClaimView& claim : graph_.claims()) {
    if (claim.claim->id == id && in_story(*claim.story)) found.push_back(claim);
  }
  if (found.empty()) throw Error(ErrorCode::kNotFound, "no claim '" + id.value + "' in the stories read");
  if (found.size() > 1) {
    throw Error(ErrorCode::kInvalidData, "claim '" + id.value + "' is in several stories; choose one with --story");
  }
  return found.front();
}

ClaimGraph::ActorMatch Selection::find_actor(const std::string& text) const {
  std::vector<ClaimGraph::ActorMatch> found;
  for (const auto& match : graph_.match_actor(text)) {
    if (in_story(*match.story)) found.push_back(match);
  }
  if (found.empty()) throw Error(ErrorCode::kNotFound, "no actor '" + text + "' (by id, name or alias) in the stories read");
  if (found.size() > 1) {
    std::string which;
    for (const auto& m : found) which += (which.empty() ? "" : ", ") + m.actor->id.value + " in " + m.story->id.value;
    throw Error(ErrorCode::kInvalidData, "'" + text + "' names several actors (" + which + "); give an id, or --story");
  }
  return found.front();
}

std::vector<StatementView> Selection::statements_on(const ClaimView& claim) const {
  std::vector<StatementView> kept = graph_.statements_on(claim);
  std::erase_if(kept, [&](const StatementView& s) { return !keeps(s); });
  // The order of `earlier`, sorted by a key per statement: a claim may have
  // a hundred thousand statements, and comparing views reads two
  // statements per comparison. A claim's statements are all of its story
  // and come in file order, so a stable sort by date alone gives it.
  struct Keyed {
    std::uint64_t date;  // undated last
    std::size_t index;
  };
  std::vector<Keyed> keys(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) keys[i] = {date_key(kept[i].statement->date), i};
  std::stable_sort(keys.begin(), keys.end(), [](const Keyed& a, const Keyed& b) { return a.date < b.date; });
  // The views are put in that order where they are, cycle by cycle, rather
  // than copied: a second list of a large claim's views would be megabytes
  // more at the moment a report holds the most. Place i takes the view at
  // keys[i].index; a place filled is marked by its own index.
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (keys[i].index == i) continue;
    StatementView first = kept[i];
    std::size_t place = i;
    while (keys[place].index != i) {
      const std::size_t from = keys[place].index;
      kept[place] = kept[from];
      keys[place].index = place;
      place = from;
    }
    kept[place] = first;
    keys[place].index = place;
  }
  return kept;
}

std::vector<ClaimView> Selection::claims() const {
  std::vector<ClaimView> out;
  for (const ClaimView& claim : graph_.claims()) {
    if (!in_story(*claim.story)) continue;
    if (sides_) {
      const auto statements = statements_on(claim);
      const auto accused = graph_.accused_sides(claim);
      const bool takes_part =
          std::any_of(statements.begin(), statements.end(), [&](const StatementView& s) { return sides_->count(s.side); }) ||
          std::any_of(accused.begin(), accused.end(), [&](const Actor* side) { return sides_->count(side); });
      if (!takes_part) continue;
    }
    out.push_back(claim);
  }
  return out;
}

}  // namespace gainsay
