// The dispute analysis of design.md, computed on the ClaimGraph: for each
// claim, who is for and against it, its status, whether it is disputed, and
// the position shifts on it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gainsay/claim_graph.h"
#include "gainsay/date.h"
#include "gainsay/filter.h"
#include "gainsay/model.h"

namespace gainsay {

enum class ClaimStatus {
  kRetracted,            // the claimant withdrew it and nobody else is for it
  kContestedWithinSide,  // one side is both for and against it
  kConceded,             // the accused side affirms it
  kPartiallyConceded,    // the accused side concedes a narrower version
  kDisputed,             // for, and against from a different side
  kEvaded,               // answered only by deflections, refusals, counter-accusations
  kUnanswered,           // asserted, no answer recorded
  kUnasserted,           // nobody is for it: it appears only as something answered
};
std::string_view to_string(ClaimStatus status);
std::optional<ClaimStatus> parse_claim_status(std::string_view word);

// One step of a position shift: the stance a statement took.
struct ShiftStep {
  StatementView statement;
  bool order_uncertain = false;  // its date overlaps the previous step's
};

// An actor's or a side's stance toward a claim, changing over time: what it
// counts as (for, against, partial, evasive, withdrawn) differs from one
// dated statement to the next. A side's shift ignores evasive answers and
// needs two or more of its actors; one actor's shift is reported as its own.
struct PositionShift {
  const Actor* who = nullptr;  // the actor, or the side's root actor
  bool is_side = false;        // a side's shift, made by several of its actors
  std::vector<ShiftStep> steps;                 // dated, in date order, from the first stance
  std::vector<StatementView> undated;           // cannot be placed in the order
};

struct ClaimAssessment {
  ClaimView claim;
  ClaimStatus status = ClaimStatus::kUnasserted;
  bool disputed = false;
  std::vector<StatementView> for_claim;  // asserts, corroborates, confirms
  std::vector<StatementView> against;    // denies, dismisses, disputes, partially-admits
  std::vector<StatementView> evasive;    // deflects, declines, counter-accuses
  std::vector<StatementView> withdrawn;  // retracts
  std::vector<const Actor*> sides_for;      // sides with a current for position
  std::vector<const Actor*> sides_against;  // sides with a current against position
  std::vector<const Actor*> accused;        // sides the claim is about
  std::vector<PositionShift> shifts;
  std::optional<Date> first_date;  // earliest dated statement
};

// Assesses every claim that passes the filter, in story and file order.
// Statement lists are in date order (undated last, then file order).
// Throws Error(kNotFound) for a filter naming an unknown story or actor.
std::vector<ClaimAssessment> assess_claims(const Selection& selection);
std::vector<ClaimAssessment> assess_claims(const ClaimGraph& graph, const ReportFilter& filter);

// The disputed claims, ordered by how many sides are against them (most
// first), then by the date of their first statement, then by id.
std::vector<ClaimAssessment> find_disputed(const Selection& selection);
std::vector<ClaimAssessment> find_disputed(const ClaimGraph& graph, const ReportFilter& filter);

}  // namespace gainsay
