#include "gainsay/dispute.h"

#include <algorithm>
#include <array>
#include <memory>
#include <set>
#include <unordered_map>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "gainsay/error.h"
#include "parallel_for.h"

namespace gainsay {
namespace {

constexpr std::array<std::string_view, 8> kStatusWords = {
    "retracted", "contested-within-side", "conceded", "partially-conceded",
    "disputed",  "evaded",                "unanswered", "unasserted"};

// What the assessment reads of each statement, side by side: a claim may
// have a hundred thousand statements spread over a third of a gigabyte,
// and every pass that read them through their views missed the cache once
// per statement. The passes below read these instead.
struct Fact {
  const Actor* actor;
  const Actor* side;
  std::optional<Date> date;
  Stance stance;
  StanceClass stance_class;
};

std::vector<Fact> facts_of(const std::vector<StatementView>& statements) {
  std::vector<Fact> out;
  out.reserve(statements.size());
  for (const StatementView& s : statements) {
    out.push_back({s.actor, s.side, s.statement->date, s.statement->stance, stance_class(s.statement->stance)});
  }
  return out;
}

// A statement is superseded when the same actor made a dated statement on
// the claim that certainly came after it. Undated statements are never
// superseded and supersede nothing: they cannot be placed in time. Linear:
// one pass finds each actor's latest start, a second compares.
std::vector<bool> superseded(const std::vector<Fact>& facts) {
  std::unordered_map<const Actor*, long> latest_start;
  for (const Fact& f : facts) {
    if (!f.date) continue;
    const long start = f.date->first_day();
    auto [it, fresh] = latest_start.emplace(f.actor, start);
    if (!fresh) it->second = std::max(it->second, start);
  }
  std::vector<bool> out(facts.size(), false);
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const auto& date = facts[i].date;
    out[i] = date && latest_start.at(facts[i].actor) > date->last_day();
  }
  return out;
}

template <typename T>
void add_unique(std::vector<T>& list, T value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

bool contains(const std::vector<const Actor*>& list, const Actor* actor) {
  return std::find(list.begin(), list.end(), actor) != list.end();
}

// A claim's statements in date order, as where each lies in its
// assessment's lists.
using InOrder = std::vector<const StatementView*>;

// The shift of one actor's or one side's statements, if its stance
// changed: `members` are their positions in `statements`, in date order.
std::optional<PositionShift> shift_of(const Actor* who, bool is_side, const InOrder& statements,
                                      const std::vector<Fact>& facts, const std::vector<std::size_t>& members) {
  PositionShift shift{who, is_side, {}, {}};
  std::set<StanceClass> classes;
  std::set<const Actor*> speakers;
  const Fact* last_step = nullptr;
  for (const std::size_t i : members) {
    const Fact& f = facts[i];
    // Across a side, one member's refusal to comment is not the side moving;
    // only substantive stances make a side's shift.
    if (is_side && f.stance_class == StanceClass::kEvasive) continue;
    classes.insert(f.stance_class);
    if (!f.date) {
      shift.undated.push_back(*statements[i]);
      continue;
    }
    if (last_step && last_step->stance_class == f.stance_class) continue;
    const bool uncertain = last_step && last_step->date->overlaps(*f.date);
    shift.steps.push_back({*statements[i], uncertain});
    speakers.insert(f.actor);
    last_step = &f;
  }
  if (classes.size() < 2) return std::nullopt;
  // A side's shift made by one actor alone is that actor's shift, reported once.
  if (is_side && speakers.size() < 2) return std::nullopt;
  if (shift.steps.size() < 2 && shift.undated.empty()) return std::nullopt;
  return shift;
}

// The shifts of each actor, then of each side, in the order they first
// speak. Most actors and sides keep one stance on a claim, so the stances
// each holds are counted first, and only those with two or more have
// their statements gathered and examined.
std::vector<PositionShift> shifts_on(const InOrder& statements, const std::vector<Fact>& facts) {
  struct Group {
    const Actor* who;
    unsigned classes = 0;  // bit per StanceClass it took (sides: all but evasive)
    std::size_t list = 0;  // its place in `lists`, when it may have shifted
  };
  auto bit = [](const Fact& f) { return 1u << static_cast<unsigned>(f.stance_class); };
  const unsigned evasive = 1u << static_cast<unsigned>(StanceClass::kEvasive);
  std::vector<Group> actors, sides;
  std::unordered_map<const Actor*, std::size_t> actor_at, side_at;
  std::vector<std::size_t> actor_of(facts.size()), side_of(facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const Fact& f = facts[i];
    auto [a, new_actor] = actor_at.emplace(f.actor, actors.size());
    if (new_actor) actors.push_back({f.actor});
    auto [d, new_side] = side_at.emplace(f.side, sides.size());
    if (new_side) sides.push_back({f.side});
    actor_of[i] = a->second;
    side_of[i] = d->second;
    actors[a->second].classes |= bit(f);
    sides[d->second].classes |= bit(f) & ~evasive;
  }
  auto several = [](unsigned classes) { return (classes & (classes - 1)) != 0; };
  std::vector<std::vector<std::size_t>> lists;
  for (auto* groups : {&actors, &sides}) {
    for (Group& g : *groups) {
      if (several(g.classes)) g.list = lists.size(), lists.emplace_back();
    }
  }
  if (lists.empty()) return {};
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (const Group& g = actors[actor_of[i]]; several(g.classes)) lists[g.list].push_back(i);
    if (const Group& g = sides[side_of[i]]; several(g.classes)) lists[g.list].push_back(i);
  }
  std::vector<PositionShift> out;
  for (const Group& g : actors) {
    if (!several(g.classes)) continue;
    if (auto shift = shift_of(g.who, false, statements, facts, lists[g.list])) out.push_back(std::move(*shift));
  }
  for (const Group& g : sides) {
    if (!several(g.classes)) continue;
    if (auto shift = shift_of(g.who, true, statements, facts, lists[g.list])) out.push_back(std::move(*shift));
  }
  return out;
}

// The status from the current statements: those not superseded.
ClaimStatus status_of(const ClaimAssessment& a, const std::vector<Fact>& facts, const std::vector<bool>& superseded) {
  bool any_withdrawn = false, any_evasive = false, any_against = false;
  bool accused_for = false, accused_partial = false;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (superseded[i]) continue;
    const StanceClass c = facts[i].stance_class;
    const bool by_accused = contains(a.accused, facts[i].side);
    any_withdrawn |= c == StanceClass::kWithdrawn;
    any_evasive |= c == StanceClass::kEvasive;
    any_against |= c == StanceClass::kAgainst || c == StanceClass::kPartial;
    accused_for |= by_accused && c == StanceClass::kFor;
    accused_partial |= by_accused && c == StanceClass::kPartial;
  }
  if (a.sides_for.empty()) return any_withdrawn ? ClaimStatus::kRetracted : ClaimStatus::kUnasserted;
  for (const Actor* side : a.sides_for) {
    if (contains(a.sides_against, side)) return ClaimStatus::kContestedWithinSide;
  }
  if (accused_for) return ClaimStatus::kConceded;
  if (accused_partial) return ClaimStatus::kPartiallyConceded;
  if (a.disputed) return ClaimStatus::kDisputed;
  if (any_evasive && !any_against) return ClaimStatus::kEvaded;
  return ClaimStatus::kUnanswered;
}

// One claim's assessment. It reads nothing but the claim's own statements,
// so claims may be assessed on several threads at once.
ClaimAssessment assess(const Selection& selection, const ClaimView& claim) {
  ClaimAssessment a;
  a.claim = claim;
  a.accused = selection.graph().accused_sides(claim);
  std::vector<StatementView> statements = selection.statements_on(claim);
  const std::vector<Fact> facts = facts_of(statements);

  // The lists are made to measure: they hold every statement of the story.
  std::array<std::size_t, 5> in_class{};
  for (const Fact& f : facts) ++in_class[static_cast<std::size_t>(f.stance_class)];
  a.for_claim.reserve(in_class[static_cast<std::size_t>(StanceClass::kFor)]);
  a.against.reserve(in_class[static_cast<std::size_t>(StanceClass::kAgainst)] +
                    in_class[static_cast<std::size_t>(StanceClass::kPartial)]);
  a.evasive.reserve(in_class[static_cast<std::size_t>(StanceClass::kEvasive)]);
  a.withdrawn.reserve(in_class[static_cast<std::size_t>(StanceClass::kWithdrawn)]);

  const std::vector<bool> withdrawn = superseded(facts);
  // Each view goes to its list, made to measure so that it stays where it
  // is; the date order is kept as pointers into the lists, and the claim's
  // own copy of the views is let go before the shifts are found.
  InOrder in_order(statements.size());
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Fact& f = facts[i];
    std::vector<StatementView>& list = [&]() -> std::vector<StatementView>& {
      switch (f.stance_class) {
        case StanceClass::kFor: return a.for_claim;
        case StanceClass::kAgainst:
        case StanceClass::kPartial: return a.against;
        case StanceClass::kEvasive: return a.evasive;
        case StanceClass::kWithdrawn: break;
      }
      return a.withdrawn;
    }();
    list.push_back(statements[i]);
    in_order[i] = &list.back();
    if (f.date && (!a.first_date || *f.date < *a.first_date)) a.first_date = f.date;
    if (withdrawn[i]) continue;
    if (is_for(f.stance)) add_unique(a.sides_for, f.side);
    if (is_against(f.stance)) add_unique(a.sides_against, f.side);
  }
  for (const Actor* f : a.sides_for) {
    for (const Actor* g : a.sides_against) a.disputed |= f != g;
  }
  statements = std::vector<StatementView>();
  a.status = status_of(a, facts, withdrawn);
  a.shifts = shifts_on(in_order, facts);
  return a;
}

// The claims' positions, those with the most statements first: handed out
// in this order, a claim with a tenth of a story's statements is not the
// last one started while the other cores wait. (Should claims fail,
// parallel_for names the first in this order, still the same every run.)
std::vector<std::size_t> heaviest_first(const ClaimGraph& graph, const std::vector<ClaimView>& claims) {
  std::vector<std::pair<std::size_t, std::size_t>> weighed;  // weight, position
  weighed.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) weighed.emplace_back(graph.weight(claims[i]), i);
  std::stable_sort(weighed.begin(), weighed.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<std::size_t> order;
  order.reserve(claims.size());
  for (const auto& [weight, i] : weighed) order.push_back(i);
  return order;
}

// What is freed by now (the graph's building, the assessment's scratch)
// lies partly in the middle of the allocator's heaps, where it stays part
// of the process's memory although nothing uses it: a few megabytes at a
// million statements, given back to the system before the report is
// written.
void give_back_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace

std::string_view to_string(ClaimStatus status) { return kStatusWords[static_cast<std::size_t>(status)]; }

std::optional<ClaimStatus> parse_claim_status(std::string_view word) {
  for (std::size_t i = 0; i < kStatusWords.size(); ++i) {
    if (kStatusWords[i] == word) return static_cast<ClaimStatus>(i);
  }
  return std::nullopt;
}

std::vector<ClaimAssessment> assess_claims(const Selection& selection) {
  const std::vector<ClaimView> claims = selection.claims();
  std::vector<ClaimAssessment> out(claims.size());
  // Each claim is assessed on its own, so the claims are shared out among the cores.
  const std::vector<std::size_t> order = heaviest_first(selection.graph(), claims);
  parallel_for(claims.size(), [&](std::size_t k) { out[order[k]] = assess(selection, claims[order[k]]); });
  return out;
}

std::vector<ClaimAssessment> assess_claims(const ClaimGraph& graph, const ReportFilter& filter) {
  return assess_claims(Selection(graph, filter));
}

std::vector<ClaimAssessment> find_disputed(const ClaimGraph& graph, const ReportFilter& filter) {
  return find_disputed(Selection(graph, filter));
}

std::vector<ClaimAssessment> find_disputed(const Selection& selection) {
  // Only the disputed claims' assessments are kept, as they are made: the
  // others' statement lists would double the memory of a large story.
  // Held by pointer: an empty place costs 8 bytes, not the 240 of an
  // assessment, and most of a large story's claims are not disputed.
  const std::vector<ClaimView> claims = selection.claims();
  std::vector<std::unique_ptr<ClaimAssessment>> found(claims.size());
  const std::vector<std::size_t> order = heaviest_first(selection.graph(), claims);
  parallel_for(claims.size(), [&](std::size_t k) {
    const std::size_t i = order[k];
    ClaimAssessment a = assess(selection, claims[i]);
    if (a.disputed) found[i] = std::make_unique<ClaimAssessment>(std::move(a));
  });
  std::vector<ClaimAssessment> disputed;
  disputed.reserve(static_cast<std::size_t>(std::count_if(found.begin(), found.end(), [](const auto& a) { return a != nullptr; })));
  for (auto& a : found) {
    if (!a) continue;
    disputed.push_back(std::move(*a));
    a.reset();
  }
  std::stable_sort(disputed.begin(), disputed.end(), [](const ClaimAssessment& x, const ClaimAssessment& y) {
    if (x.sides_against.size() != y.sides_against.size()) return x.sides_against.size() > y.sides_against.size();
    if (x.first_date.has_value() != y.first_date.has_value()) return x.first_date.has_value();
    if (x.first_date && *x.first_date != *y.first_date) return *x.first_date < *y.first_date;
    if (x.claim.story->id != y.claim.story->id) return x.claim.story->id < y.claim.story->id;
    return x.claim.claim->id < y.claim.claim->id;
  });
  give_back_free_memory();
  return disputed;
}

}  // namespace gainsay
