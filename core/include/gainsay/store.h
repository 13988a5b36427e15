// Store: the SQLite database that keeps stories between runs (SQLiteCpp
// behind a pimpl). The schema is versioned with PRAGMA user_version and
// foreign keys are enforced. Not thread-safe; one Store per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gainsay/model.h"

namespace gainsay {

class Progress;

struct StorySummary {
  StoryId id;
  std::string title;
  std::string origin;
  std::string imported_at;  // UTC, ISO 8601
  std::size_t actors = 0;
  std::size_t sources = 0;
  std::size_t claims = 0;
  std::size_t statements = 0;
};

// A claim or statement found by its words.
struct SearchHit {
  StoryId story;
  ClaimId claim;
  std::optional<StatementId> statement;  // unset: the claim's own text matched
  std::string speaker;                   // the statement's actor, by name
  std::optional<Stance> stance;
  std::optional<Date> date;
  std::string snippet;  // the matching text, words found [in brackets]
  double score = 0;     // SQLite's bm25: lower is a better match
};

class Store {
 public:
  enum class Mode { kReadOnly, kReadWrite };

  // Opens the database at `path`. kReadWrite creates it (with the schema)
  // when missing; kReadOnly requires it to exist (kNotFound otherwise).
  // Throws kStorage for a file that is not a gainsay database or was made by
  // a newer version.
  static Store open(const std::string& path, Mode mode);
  // A private database in memory, for reports on story files.
  static Store open_in_memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // Replaces each story's records by the given version, all in one
  // transaction: if anything fails, the database is left as it was and
  // kStorage is thrown. `progress`, when given, hears the statements written.
  void import_stories(const std::vector<Story>& stories, Progress* progress = nullptr);

  // Stories in id order, with their counts.
  std::vector<StorySummary> stories() const;

  // Loads stories in id order; all of them when `only` is empty. Throws
  // kNotFound naming a requested story that is not in the database.
  std::vector<Story> load(const std::vector<StoryId>& only = {}) const;

  // Claims (by their text) and statements (by quote, note and speaker's
  // name and aliases) holding every phrase, best match first; at most
  // `limit` (0: all), from `story` when set. The full-text index is built on
  // the first search after an import, which needs write access.
  std::vector<SearchHit> search(const std::vector<std::string>& phrases, const std::optional<StoryId>& story,
                                std::size_t limit) const;

  int schema_version() const;

  // SQLite's integrity_check and foreign_key_check: each problem found, as a
  // sentence; empty when the database is sound.
  std::vector<std::string> integrity_problems() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gainsay
