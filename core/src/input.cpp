#include "gainsay/input.h"

#include "gainsay/error.h"
#include "gainsay/progress.h"
#include "gainsay/story_file.h"

namespace gainsay {
namespace {

std::vector<Story> read_valid_stories(const std::vector<std::string>& files, Progress* progress = nullptr) {
  StoryFilesResult result = read_story_files(files, progress);
  if (has_errors(result.diagnostics)) {
    std::size_t errors = 0;
    for (const auto& d : result.diagnostics) errors += d.severity == Diagnostic::Severity::kError;
    throw Error(ErrorCode::kInvalidData,
                std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in the story files",
                std::move(result.diagnostics));
  }
  return std::move(result.stories);
}

}  // namespace

Store open_input(const InputOptions& input) {
  if (input.files.empty()) return Store::open(input.db_path, Store::Mode::kReadOnly);
  Store store = Store::open_in_memory();
  store.import_stories(read_valid_stories(input.files));
  return store;
}

ClaimGraph load_graph(const InputOptions& input, const std::optional<StoryId>& story) {
  std::vector<StoryId> only;
  if (story) only.push_back(*story);
  return ClaimGraph(open_input(input).load(only));
}

std::vector<std::string> database_integrity(const std::string& db_path) {
  return Store::open(db_path, Store::Mode::kReadOnly).integrity_problems();
}

std::vector<StorySummary> import_story_files(const std::vector<std::string>& files, const std::string& db_path,
                                             Progress* progress) {
  const std::vector<Story> stories = read_valid_stories(files, progress);
  Store store = Store::open(db_path, Store::Mode::kReadWrite);
  store.import_stories(stories, progress);
  if (progress) progress->finish();
  std::vector<StorySummary> imported;
  for (auto& summary : store.stories()) {
    for (const Story& s : stories) {
      if (s.id == summary.id) imported.push_back(summary);
    }
  }
  return imported;
}

}  // namespace gainsay
