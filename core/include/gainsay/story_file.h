// Story files, format 1 (design.md): YAML read with yaml-cpp and validated
// completely, every problem reported with its file:line:column, before any
// caller may write the story anywhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gainsay/error.h"
#include "gainsay/model.h"

namespace gainsay {

class Progress;

// Inputs larger than this are refused before parsing, with a clear error.
inline constexpr std::size_t kMaxStoryFileBytes = 64u << 20;
// A file's report stops after this many errors, saying how many were left out.
inline constexpr std::size_t kMaxErrorsPerFile = 50;

struct StoryFileResult {
  std::optional<Story> story;  // set only when there are no errors
  std::vector<Diagnostic> diagnostics;
};

// Parses and validates `text` as a story file named `file_name` (the name
// only labels diagnostics and becomes Story::origin). Never throws on bad
// input: every problem becomes a Diagnostic.
StoryFileResult parse_story(std::string_view text, const std::string& file_name);

// Reads and parses the file at `path`. An unreadable file is a Diagnostic too.
StoryFileResult read_story_file(const std::string& path);

// Reads several story files, adding an error for a story id given twice.
// Returns the stories only if none of the files has an error.
struct StoryFilesResult {
  std::vector<Story> stories;
  std::vector<Diagnostic> diagnostics;
};
StoryFilesResult read_story_files(const std::vector<std::string>& paths, Progress* progress = nullptr);

}  // namespace gainsay
