#include "gainsay/contradiction.h"

#include <algorithm>
#include <map>
#include <set>

namespace gainsay {
namespace {

template <typename Predicate>
std::vector<StatementView> where(const std::vector<StatementView>& list, Predicate keep) {
  std::vector<StatementView> out;
  std::copy_if(list.begin(), list.end(), std::back_inserter(out), keep);
  return out;
}

bool by_one_actor(const std::vector<StatementView>& a, const std::vector<StatementView>& b) {
  std::set<const Actor*> speakers;
  for (const auto& s : a) speakers.insert(s.actor);
  for (const auto& s : b) speakers.insert(s.actor);
  return speakers.size() == 1;
}

// Calls `found(who, is_side, first, second)` for each actor, then each side,
// whose statements in `a` and in `b` are both non-empty.
template <typename Found>
void pair_up(const std::vector<StatementView>& a, const std::vector<StatementView>& b, Found found) {
  std::vector<const Actor*> actors, sides;
  for (const auto& s : a) {
    if (std::find(actors.begin(), actors.end(), s.actor) == actors.end()) actors.push_back(s.actor);
    if (std::find(sides.begin(), sides.end(), s.side) == sides.end()) sides.push_back(s.side);
  }
  std::set<const Actor*> reported_sides;
  for (const Actor* actor : actors) {
    auto mine_a = where(a, [&](const StatementView& s) { return s.actor == actor; });
    auto mine_b = where(b, [&](const StatementView& s) { return s.actor == actor; });
    if (mine_b.empty()) continue;
    reported_sides.insert(mine_a.front().side);
    found(actor, false, std::move(mine_a), std::move(mine_b));
  }
  for (const Actor* side : sides) {
    if (reported_sides.count(side)) continue;
    auto ours_a = where(a, [&](const StatementView& s) { return s.side == side; });
    auto ours_b = where(b, [&](const StatementView& s) { return s.side == side; });
    if (ours_b.empty() || by_one_actor(ours_a, ours_b)) continue;
    found(side, true, std::move(ours_a), std::move(ours_b));
  }
}

}  // namespace

std::vector<Contradiction> find_contradictions(const Selection& selection) {
  std::vector<Contradiction> out;
  const auto claims = selection.claims();
  std::map<const Claim*, std::vector<StatementView>> for_on;
  for (const ClaimView& claim : claims) {
    const auto statements = selection.statements_on(claim);
    auto for_claim = where(statements, [](const StatementView& s) { return is_for(s.statement->stance); });
    auto against = where(statements, [](const StatementView& s) { return is_against(s.statement->stance); });
    pair_up(for_claim, against, [&](const Actor* who, bool is_side, auto first, auto second) {
      out.push_back({Contradiction::Kind::kForAndAgainst, who, is_side, claim, std::nullopt, std::move(first), std::move(second)});
    });
    for_on[claim.claim] = std::move(for_claim);
  }
  std::set<std::pair<const Claim*, const Claim*>> seen;
  for (const ClaimView& claim : claims) {
    for (const ClaimView& other : selection.graph().contradicting(claim)) {
      auto it = for_on.find(other.claim);
      if (it == for_on.end()) continue;  // not selected
      const auto key = std::minmax(claim.claim, other.claim);
      if (!seen.insert(key).second) continue;
      pair_up(for_on[claim.claim], it->second, [&](const Actor* who, bool is_side, auto first, auto second) {
        out.push_back({Contradiction::Kind::kContradictingClaims, who, is_side, claim, other, std::move(first),
                       std::move(second)});
      });
    }
  }
  return out;
}

}  // namespace gainsay
