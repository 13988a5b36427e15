// AIF, the Argument Interchange Format, as the JSON that OVA and AIFdb
// load: I-nodes for claims (and for what an answer says against one),
// L-nodes for statements, YA-nodes for the stance that links what was said
// to what it says, CA-nodes for conflicts, TA-nodes for one statement
// answering another; with participants, locutions and timestamps.
#pragma once

#include <ostream>
#include <vector>

#include "gainsay/model.h"

namespace gainsay {

void write_aif(std::ostream& out, const std::vector<Story>& stories);

}  // namespace gainsay
