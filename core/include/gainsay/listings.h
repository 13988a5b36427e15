// The reports that are tables: timeline, shifts, contradictions, the side
// matrix, and the claim and actor listings. Each builds a Table from a
// Selection; table.h writes it as text, Markdown, CSV or JSON.
#pragma once

#include <optional>
#include <vector>

#include "gainsay/dispute.h"
#include "gainsay/filter.h"
#include "gainsay/table.h"

namespace gainsay {

// Statements in date order, a partial date before the full dates inside
// it; undated statements apart at the end. Only `claim`'s when given.
Table timeline_table(const Selection& selection, const std::optional<ClaimId>& claim);

// Every position shift, a titled group each, one row per step.
Table shifts_table(const Selection& selection);

// Every contradiction, a titled group each, one row per statement showing it.
Table contradictions_table(const Selection& selection);

// Side x side: for each side that is for claims (the claimant) and each other
// side answering them, how many of those claims it is against, and how many
// it met with each stance. Rows ordered by claimant, then answerer.
Table matrix_table(const Selection& selection);

// Claims with their status and counts; only these statuses when given.
Table claims_table(const Selection& selection, const std::vector<ClaimStatus>& statuses);

// Actors with their side and counts; only these kinds when given.
Table actors_table(const Selection& selection, const std::vector<ActorKind>& kinds);

}  // namespace gainsay
