// Argdown (argdown.org): claims as statements, each statement on a claim as
// an argument that supports it (for) or attacks it (against), evasive answers
// as arguments with no relation, claims declared to contradict as
// contradictions; actor, side, date, stance and source as metadata.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gainsay/model.h"

namespace gainsay {

void write_argdown(std::ostream& out, const std::vector<Story>& stories);

// Text safe in an Argdown title or description: its special characters
// backslash-escaped, line breaks made spaces.
std::string argdown_escape(const std::string& text);

}  // namespace gainsay
