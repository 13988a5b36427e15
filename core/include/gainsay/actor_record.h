// One actor's record (gainsay actor): every statement it made, grouped by
// claim; the claims it is for, against and evasive on; its shifts and its
// contradictions. With members, the same for everyone under it.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gainsay/contradiction.h"
#include "gainsay/dispute.h"
#include "gainsay/filter.h"
#include "gainsay/text.h"

namespace gainsay {

struct ActorRecord {
  const Story* story = nullptr;
  const Actor* actor = nullptr;
  const Actor* side = nullptr;
  std::vector<const Actor*> members;  // the actor, and with members everyone under it

  struct OnClaim {
    ClaimView claim;
    ClaimStatus status = ClaimStatus::kUnasserted;
    std::vector<StatementView> statements;  // the record's, in date order
  };
  std::vector<OnClaim> claims;  // in order of the record's first statement on each
  std::vector<ClaimView> for_claims, against_claims, evasive_claims;
  std::vector<std::pair<ClaimView, PositionShift>> shifts;
  std::vector<Contradiction> contradictions;
};

// `actor` is an id, a name or an alias. Throws kNotFound, or kInvalidData
// when it names actors in several stories and --story does not choose.
ActorRecord actor_record(const Selection& selection, const std::string& actor, bool with_members);

void write_actor_text(std::ostream& out, const ActorRecord& record, const TextStyle& style);
void write_actor_markdown(std::ostream& out, const ActorRecord& record);
void write_actor_json(std::ostream& out, const ActorRecord& record);
// One row per statement.
void write_actor_csv(std::ostream& out, const ActorRecord& record);

}  // namespace gainsay
