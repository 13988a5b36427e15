// Contradictions (design.md): an actor or a side that is both for and
// against one claim, or for two claims declared to contradict each other.
#pragma once

#include <optional>
#include <vector>

#include "gainsay/filter.h"

namespace gainsay {

struct Contradiction {
  enum class Kind {
    kForAndAgainst,        // for and against the same claim
    kContradictingClaims,  // for two claims that contradict each other
  };
  Kind kind = Kind::kForAndAgainst;
  const Actor* who = nullptr;  // the actor, or the side's root actor
  bool is_side = false;        // found only across several of the side's actors
  ClaimView claim;
  std::optional<ClaimView> other;  // the contradicting claim, for kContradictingClaims
  // kForAndAgainst: the for and the against statements on `claim`.
  // kContradictingClaims: the for statements on `claim` and on `other`.
  std::vector<StatementView> first;
  std::vector<StatementView> second;
};

// Every contradiction among the selected statements: per claim in selection
// order, an actor's before its side's. A side is reported only where no
// single actor of it already shows the contradiction.
std::vector<Contradiction> find_contradictions(const Selection& selection);

}  // namespace gainsay
