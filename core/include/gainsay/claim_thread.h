// A claim's whole thread (gainsay show): every statement on it, the
// answers to each (responds_to), the answers to those, as a tree; with the
// claim's assessment and the claims that contradict it.
#pragma once

#include <ostream>
#include <vector>

#include "gainsay/dispute.h"
#include "gainsay/filter.h"
#include "gainsay/text.h"

namespace gainsay {

struct ThreadNode {
  StatementView statement;
  bool elsewhere = false;  // an answer made on another claim
  std::vector<ThreadNode> answers;
};

struct ClaimThread {
  ClaimAssessment assessment;
  // Statements that answer nothing on this claim, in date order; a root that
  // answers a statement on another claim names it in responds_to.
  std::vector<ThreadNode> roots;
  std::vector<ClaimView> contradicting;
  const Verdict* verdict = nullptr;  // null when none, or not yet published as of the filter's date
};

// Throws kNotFound for an unknown claim.
ClaimThread claim_thread(const Selection& selection, const ClaimId& claim);

void write_thread_text(std::ostream& out, const ClaimThread& thread, const TextStyle& style);
void write_thread_markdown(std::ostream& out, const ClaimThread& thread);
void write_thread_json(std::ostream& out, const ClaimThread& thread);
// One row per statement, with its depth in the tree and what it answers.
void write_thread_csv(std::ostream& out, const ClaimThread& thread);

}  // namespace gainsay
