// Writes stories back in the story-file formats, so a story kept in the
// database can be edited as a file again: YAML (format 1), JSON of the same
// structure, and the flat CSV sheet of design.md (one statement per row).
// Reading what is written gives the same story.
#pragma once

#include <ostream>
#include <vector>

#include "gainsay/model.h"

namespace gainsay {

void write_story_yaml(std::ostream& out, const Story& story);
void write_story_json(std::ostream& out, const Story& story);
// Columns: story, then the statement keys, then claim_text, actor_name,
// source_url, and actor_kind, actor_member_of and claim_about (the first
// accused) so a sheet keeps sides; formula-like cells made inert.
void write_stories_csv(std::ostream& out, const std::vector<Story>& stories);

}  // namespace gainsay
