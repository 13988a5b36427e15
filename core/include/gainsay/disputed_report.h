// Renders the disputed-claims report in the four output formats. The JSON
// shape is documented in docs/json.md.
#pragma once

#include <ostream>
#include <vector>

#include "gainsay/dispute.h"
#include "gainsay/text.h"

namespace gainsay {

struct ReportHeading {
  std::vector<StoryId> stories;  // what the report covers
  ReportFilter filter;
};

void write_disputed_text(std::ostream& out, const std::vector<ClaimAssessment>& claims,
                         const ReportHeading& heading, const TextStyle& style);
void write_disputed_markdown(std::ostream& out, const std::vector<ClaimAssessment>& claims,
                             const ReportHeading& heading);
void write_disputed_json(std::ostream& out, const std::vector<ClaimAssessment>& claims,
                         const ReportHeading& heading);
// One row per statement, with the claim's columns repeated on each row.
void write_disputed_csv(std::ostream& out, const std::vector<ClaimAssessment>& claims);

}  // namespace gainsay
