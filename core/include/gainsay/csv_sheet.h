// The flat CSV sheet of design.md: one statement per row, columns named
// after the statement keys plus claim_text, actor_name and source_url (and
// optionally story, actor_kind, actor_member_of and claim_about, so a sheet
// can carry sides). RFC 4180: quoted fields may hold commas, quotes and line
// breaks; a UTF-8 byte-order mark is skipped. The story is named after the
// file unless a story column or the caller names it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gainsay/story_file.h"

namespace gainsay {

// Parses a sheet; problems are Diagnostics at the line and column of the
// field (the row is named in the message). `story_id` overrides the file
// name when not empty. `progress`, when given, hears the bytes read.
StoryFilesResult parse_csv_sheet(std::string_view text, const std::string& file_name, const std::string& story_id = "",
                                 Progress* progress = nullptr);

// True for a file name ending in .csv.
bool is_csv_file(const std::string& path);

}  // namespace gainsay
