// Store::search: SQLite's FTS5 over claim texts and statements' quotes,
// notes and speakers. The index is a table of its own, rebuilt whole when an
// import has happened since it was built: imports stay as fast as they
// were, and the first search after one pays once.
#include <SQLiteCpp/SQLiteCpp.h>

#include "gainsay/error.h"
#include "gainsay/store.h"
#include "store_impl.h"

namespace gainsay {
namespace {

// Rowids of the index: a statement's row id times two, a claim's times two
// plus one.
constexpr const char* kBuild = R"sql(
DROP TABLE IF EXISTS search_words;
CREATE VIRTUAL TABLE search_words USING fts5(text, speaker, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_words (rowid, text, speaker) SELECT id * 2 + 1, text, '' FROM claims;
INSERT INTO search_words (rowid, text, speaker)
  SELECT s.id * 2, trim(s.quote || ' ' || s.note),
         a.name || coalesce((SELECT ' ' || group_concat(alias, ' ') FROM actor_aliases WHERE actor = a.id), '')
  FROM statements s JOIN actors a ON a.id = s.by_actor;
UPDATE state SET value = (SELECT value FROM state WHERE name = 'imports') WHERE name = 'search_index_of';
)sql";

// The user's phrases as an FTS5 query: each a quoted phrase (so no word is
// read as an operator), all required; a trailing * asks for a prefix.
std::string fts_query(const std::vector<std::string>& phrases) {
  std::string query;
  for (const std::string& phrase : phrases) {
    std::string words = phrase;
    const bool prefix = !words.empty() && words.back() == '*';
    if (prefix) words.pop_back();
    if (words.find_first_not_of(" \t\n") == std::string::npos) continue;
    std::string quoted = "\"";
    for (char c : words) {
      quoted += c;
      if (c == '"') quoted += '"';
    }
    quoted += '"';
    if (prefix) quoted += '*';
    query += (query.empty() ? "" : " ") + quoted;
  }
  return query;
}

}  // namespace

std::vector<SearchHit> Store::search(const std::vector<std::string>& phrases, const std::optional<StoryId>& story,
                                     std::size_t limit) const {
  if (fts_query(phrases).empty()) throw Error(ErrorCode::kInvalidData, "nothing to search for: give one or more words");
  SQLite::Database& db = impl_->db;
  auto index_is_current = [&] {
    return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'search_words'").getInt() == 1 &&
           db.execAndGet("SELECT (SELECT value FROM state WHERE name = 'imports') = "
                         "(SELECT value FROM state WHERE name = 'search_index_of')")
                   .getInt() == 1;
  };
  auto find = [&] {
    std::vector<SearchHit> hits;
    SQLite::Statement query(db, R"sql(
      SELECT w.rowid % 2, st.key, c.key, c.text, s.key, a.name, s.stance, s.date,
             snippet(search_words, 0, '[', ']', '…', 16), bm25(search_words, 4.0, 1.0)
      FROM search_words w
      LEFT JOIN statements s ON w.rowid % 2 = 0 AND s.id = w.rowid / 2
      LEFT JOIN actors a ON a.id = s.by_actor
      JOIN claims c ON c.id = CASE w.rowid % 2 WHEN 1 THEN w.rowid / 2 ELSE s.claim END
      JOIN stories st ON st.id = c.story
      WHERE search_words MATCH ?1 AND (?2 IS NULL OR st.key = ?2)
      ORDER BY bm25(search_words, 4.0, 1.0), w.rowid
      LIMIT ?3)sql");
    query.bind(1, fts_query(phrases));
    if (story) {
      query.bind(2, story->value);
    } else {
      query.bind(2);
    }
    query.bind(3, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    while (query.executeStep()) {
      SearchHit hit;
      hit.story = StoryId{query.getColumn(1).getString()};
      hit.claim = ClaimId{query.getColumn(2).getString()};
      hit.snippet = query.getColumn(8).getString();
      hit.score = query.getColumn(9).getDouble();
      if (query.getColumn(0).getInt() == 0) {
        hit.statement = StatementId{query.getColumn(4).getString()};
        hit.speaker = query.getColumn(5).getString();
        hit.stance = parse_stance(query.getColumn(6).getString());
        if (!query.getColumn(7).isNull()) hit.date = Date::parse(query.getColumn(7).getString());
      }
      hits.push_back(std::move(hit));
    }
    return hits;
  };
  try {
    // The check and the query share one transaction, so an import that
    // commits between them cannot leave the query reading a stale index.
    {
      SQLite::Transaction read(db);
      if (index_is_current()) {
        std::vector<SearchHit> hits = find();
        read.commit();
        return hits;
      }
    }
    if (!impl_->writable) {
      throw Error(ErrorCode::kStorage, impl_->path + ": the search index must be built (once after each import), "
                                                     "which needs write access to the database");
    }
    SQLite::Transaction write(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!index_is_current()) db.exec(kBuild);
    std::vector<SearchHit> hits = find();
    write.commit();
    return hits;
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::kStorage, impl_->path + ": search failed: " + e.what());
  }
}

}  // namespace gainsay
