// Sourcing warnings (design.md's source criticism): where a claim rests on
// thin sourcing. Computed per claim on the selected statements.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gainsay/filter.h"

namespace gainsay {

enum class SourcingFlag {
  kOnlyAnonymous,      // every statement for the claim is attributed anonymously
  kSingleSource,       // the claim is known from one source (or none)
  kOnlyInterested,     // every source is an outlet tied to a side in the dispute
  kAccusedUnanswered,  // an accused side has no recorded answer
  kRepeatedOrigin,     // some reports only repeat another: fewer independent voices
  kUndated,            // a statement has no date
  kUnsourced,          // a statement has no source
};
std::string_view to_string(SourcingFlag flag);

struct SourcingWarning {
  SourcingFlag flag;
  ClaimView claim;
  std::string message;                  // says what, in a sentence
  std::vector<StatementView> statements;  // the statements it is about, if any
};

// Independent and repeated reports of a claim's for statements: a statement
// that `repeats` another is the same utterance again, not a new voice.
struct ReportCount {
  std::size_t independent = 0;
  std::size_t repeated = 0;
};
ReportCount count_reports(const std::vector<StatementView>& statements);

// Every warning, by claim in selection order.
std::vector<SourcingWarning> check_sourcing(const Selection& selection);

}  // namespace gainsay
