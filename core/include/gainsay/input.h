// Where the commands' stories come from: story files, loaded into a private
// in-memory database so a single file can be reported on with no set-up, or
// the user's database. Both roads end in a ClaimGraph.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gainsay/claim_graph.h"
#include "gainsay/store.h"

namespace gainsay {

struct InputOptions {
  std::vector<std::string> files;  // story files; when empty, the database is read
  std::string db_path;             // the database, used when no files are given
};

// The database, read-only; or, when story files are given, an in-memory
// database holding them. Throws as load_graph does.
Store open_input(const InputOptions& input);

// Reads the stories and builds their graph; only `story` when set.
// Throws Error(kInvalidData) carrying every diagnostic of bad files,
// Error(kNotFound) when the database or the story does not exist.
ClaimGraph load_graph(const InputOptions& input, const std::optional<StoryId>& story);

// The integrity problems of the database at `db_path` (Store::integrity_problems).
std::vector<std::string> database_integrity(const std::string& db_path);

// Validates every file, then replaces their stories in the database at
// `db_path` in one transaction. On any error nothing is written (the
// database is not even created). Returns what was imported. `progress`,
// when given, hears how far the reading and the writing have got.
std::vector<StorySummary> import_story_files(const std::vector<std::string>& files, const std::string& db_path,
                                             Progress* progress = nullptr);

}  // namespace gainsay
