// schema.org ClaimReview (the JSON-LD fact-checkers publish and search
// engines read): written for each claim with a verdict, and read back as a
// story, each review becoming a claim, its claimant's asserts statement
// (further appearances as repeats of it) and its verdict.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "gainsay/model.h"
#include "gainsay/story_file.h"

namespace gainsay {

// Writes a JSON array of ClaimReview objects; returns how many claims were
// skipped for having no verdict.
std::size_t write_claim_reviews(std::ostream& out, const std::vector<Story>& stories);

// True when `text` looks like JSON-LD (an object or array naming @context,
// @type or @graph) rather than a gainsay story file.
bool looks_like_json_ld(std::string_view text);

// Reads ClaimReview JSON-LD (one object, an array, or an object with
// @graph) into a story whose id comes from the file name. Problems become
// Diagnostics naming the file, and the line and column for malformed JSON.
StoryFileResult parse_claim_reviews(std::string_view text, const std::string& file_name);

}  // namespace gainsay
