// search: the claims and statements whose words match, best first, as a
// report table. Claims match by their text; statements by their quote, note
// and their speaker's name and aliases. The report filters apply as they
// do to every report (a claim the selected sides take part in, a statement
// in the dates), which means loading the stories of the hits; without them
// only the full-text index is read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "gainsay/filter.h"
#include "gainsay/input.h"
#include "gainsay/table.h"

namespace gainsay {

// Each phrase must occur (words in that order); a phrase ending in * matches
// as a prefix. At most `limit` rows, 0 for all. Throws kInvalidData for no
// words, kNotFound for a story, actor or side that is not there.
Table search_table(const InputOptions& input, const std::vector<std::string>& phrases, const ReportFilter& filter,
                   std::size_t limit);

}  // namespace gainsay
