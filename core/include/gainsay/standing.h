// Standing under a trust profile (gainsay standing): the claim graph as a
// Dung framework, labelled by grounded semantics, with each claim's label
// and the chain of attacks that decides it. docs/standing.md gives the
// construction; gainsay rules on nothing itself, it only shows what follows
// from whom the reader trusts.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gainsay/argumentation.h"
#include "gainsay/filter.h"
#include "gainsay/text.h"

namespace gainsay {

struct TrustProfile {
  std::vector<std::string> trust;     // sides, by id, name or alias
  std::vector<std::string> distrust;
};

struct StandingArgument {
  enum class Kind { kClaim, kStatement, kDistrust };
  Kind kind = Kind::kClaim;
  ClaimView claim;          // kClaim
  StatementView statement;  // kStatement
  const Actor* side = nullptr;  // kStatement: the speaker's side; kDistrust: the distrusted side
};

struct ClaimStanding {
  ClaimView claim;
  Label label = Label::kUndecided;
  std::vector<std::string> chain;  // why, one step a line, from the claim down
};

struct Standing {
  Framework framework;
  std::vector<StandingArgument> arguments;  // parallel to the framework's
  std::vector<Label> labels;
  // Per argument: the attacks on it that failed because it is preferred to
  // its attacker (the trust profile overruled them). Not in the framework.
  std::vector<std::vector<std::size_t>> overruled;
  std::vector<ClaimStanding> claims;        // selection order
};

// Throws Error(kNotFound) for a side that is not in the stories, and
// kInvalidData for a side both trusted and distrusted.
Standing build_standing(const Selection& selection, const TrustProfile& profile);

void write_standing_text(std::ostream& out, const Standing& standing, const TextStyle& style);
void write_standing_markdown(std::ostream& out, const Standing& standing);
void write_standing_json(std::ostream& out, const Standing& standing);
void write_standing_csv(std::ostream& out, const Standing& standing);

}  // namespace gainsay
