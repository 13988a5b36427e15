#include "schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "gainsay/error.h"

namespace gainsay {
namespace {

// Rows are keyed by integer rowids and refer to each other by them; the
// story's own ids ("key") are kept once, beside the row. An import gives a
// story's rows consecutive rowids in file order, so ORDER BY id is file
// order. Foreign keys are declared for `check` (PRAGMA foreign_key_check);
// the import validates every reference before it writes and runs with
// enforcement off, deleting a replaced story's rows table by table. Stances
// and attributions are checked the same way, and again when read: a CHECK
// (stance IN (...)) made SQLite build the list afresh for every row, which
// tripled the time of a large import.
constexpr const char* kSchema = R"sql(
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL
);
CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  story INTEGER NOT NULL REFERENCES stories(id),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  member_of INTEGER REFERENCES actors(id),
  affiliated_with INTEGER REFERENCES actors(id),
  UNIQUE (story, key)
);
CREATE TABLE actor_aliases (
  actor INTEGER NOT NULL REFERENCES actors(id),
  pos INTEGER NOT NULL,
  alias TEXT NOT NULL,
  PRIMARY KEY (actor, pos)
) WITHOUT ROWID;
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  story INTEGER NOT NULL REFERENCES stories(id),
  key TEXT NOT NULL,
  outlet INTEGER REFERENCES actors(id),
  title TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  published TEXT,
  url TEXT NOT NULL DEFAULT '',
  text_path TEXT NOT NULL DEFAULT '',
  UNIQUE (story, key)
);
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  story INTEGER NOT NULL REFERENCES stories(id),
  key TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  verdict_rating TEXT,
  verdict_by INTEGER REFERENCES actors(id),
  verdict_date TEXT,
  verdict_url TEXT NOT NULL DEFAULT '',
  verdict_explanation TEXT NOT NULL DEFAULT '',
  UNIQUE (story, key)
);
CREATE TABLE claim_about (
  claim INTEGER NOT NULL REFERENCES claims(id),
  pos INTEGER NOT NULL,
  actor INTEGER NOT NULL REFERENCES actors(id),
  PRIMARY KEY (claim, pos)
) WITHOUT ROWID;
CREATE TABLE claim_contradicts (
  claim INTEGER NOT NULL REFERENCES claims(id),
  pos INTEGER NOT NULL,
  other INTEGER NOT NULL REFERENCES claims(id),
  PRIMARY KEY (claim, pos)
) WITHOUT ROWID;
CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  story INTEGER NOT NULL REFERENCES stories(id),
  key TEXT NOT NULL,
  by_actor INTEGER NOT NULL REFERENCES actors(id),
  claim INTEGER NOT NULL REFERENCES claims(id),
  stance TEXT NOT NULL,
  date TEXT,
  source INTEGER REFERENCES sources(id),
  attribution TEXT NOT NULL,
  quote TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  responds_to INTEGER REFERENCES statements(id),
  repeats INTEGER REFERENCES statements(id),
  via INTEGER REFERENCES actors(id)
);
CREATE INDEX statements_story ON statements(story);
-- Counters: "imports" grows with every import, so the search index (built
-- on first use, see store_search.cpp) knows when it is out of date.
CREATE TABLE state (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO state VALUES ('imports', 0), ('search_index_of', -1);
)sql";

// Versions 1 and 2 keyed every row by (story_id, id) text pairs; version 2
// only added indexes. Their rows are copied into the version-3 tables in
// the same order, references translated through the new rowids.
constexpr const char* kFromVersion2 = R"sql(
ALTER TABLE stories RENAME TO v2_stories;
ALTER TABLE actors RENAME TO v2_actors;
ALTER TABLE actor_aliases RENAME TO v2_actor_aliases;
ALTER TABLE sources RENAME TO v2_sources;
ALTER TABLE claims RENAME TO v2_claims;
ALTER TABLE claim_about RENAME TO v2_claim_about;
ALTER TABLE claim_contradicts RENAME TO v2_claim_contradicts;
ALTER TABLE statements RENAME TO v2_statements;
)sql";

constexpr const char* kCopyVersion2 = R"sql(
INSERT INTO stories (key, title, description, origin, imported_at)
  SELECT id, title, description, origin, imported_at FROM v2_stories ORDER BY id;
INSERT INTO actors (story, key, name, kind, role)
  SELECT s.id, a.id, a.name, a.kind, a.role FROM v2_actors a JOIN stories s ON s.key = a.story_id
  ORDER BY s.id, a.pos;
UPDATE actors SET
  member_of = (SELECT m.id FROM v2_actors o JOIN stories s ON s.key = o.story_id
               JOIN actors m ON m.story = s.id AND m.key = o.member_of
               WHERE s.id = actors.story AND o.id = actors.key),
  affiliated_with = (SELECT m.id FROM v2_actors o JOIN stories s ON s.key = o.story_id
                     JOIN actors m ON m.story = s.id AND m.key = o.affiliated_with
                     WHERE s.id = actors.story AND o.id = actors.key);
INSERT INTO actor_aliases (actor, pos, alias)
  SELECT a.id, l.pos, l.alias FROM v2_actor_aliases l JOIN stories s ON s.key = l.story_id
  JOIN actors a ON a.story = s.id AND a.key = l.actor_id;
INSERT INTO sources (story, key, outlet, title, author, published, url, text_path)
  SELECT s.id, o.id, (SELECT a.id FROM actors a WHERE a.story = s.id AND a.key = o.outlet),
         o.title, o.author, o.published, o.url, o.text_path
  FROM v2_sources o JOIN stories s ON s.key = o.story_id ORDER BY s.id, o.pos;
INSERT INTO claims (story, key, text, verdict_rating, verdict_by, verdict_date, verdict_url, verdict_explanation)
  SELECT s.id, c.id, c.text, c.verdict_rating,
         (SELECT a.id FROM actors a WHERE a.story = s.id AND a.key = c.verdict_by),
         c.verdict_date, c.verdict_url, c.verdict_explanation
  FROM v2_claims c JOIN stories s ON s.key = c.story_id ORDER BY s.id, c.pos;
INSERT INTO claim_about (claim, pos, actor)
  SELECT c.id, o.pos, a.id FROM v2_claim_about o JOIN stories s ON s.key = o.story_id
  JOIN claims c ON c.story = s.id AND c.key = o.claim_id JOIN actors a ON a.story = s.id AND a.key = o.actor_id;
INSERT INTO claim_contradicts (claim, pos, other)
  SELECT c.id, o.pos, x.id FROM v2_claim_contradicts o JOIN stories s ON s.key = o.story_id
  JOIN claims c ON c.story = s.id AND c.key = o.claim_id JOIN claims x ON x.story = s.id AND x.key = o.other_id;
INSERT INTO statements (story, key, by_actor, claim, stance, date, source, attribution, quote, note, via)
  SELECT s.id, o.id, a.id, c.id, o.stance, o.date,
         (SELECT x.id FROM sources x WHERE x.story = s.id AND x.key = o.source_id),
         o.attribution, o.quote, o.note,
         (SELECT v.id FROM actors v WHERE v.story = s.id AND v.key = o.via)
  FROM v2_statements o JOIN stories s ON s.key = o.story_id
  JOIN actors a ON a.story = s.id AND a.key = o.by_actor JOIN claims c ON c.story = s.id AND c.key = o.claim_id
  ORDER BY s.id, o.pos;
CREATE TEMP TABLE v2_statement_rows (id INTEGER PRIMARY KEY, responds_to TEXT, repeats TEXT, story INTEGER);
INSERT INTO v2_statement_rows
  SELECT n.id, o.responds_to, o.repeats, s.id
  FROM v2_statements o JOIN stories s ON s.key = o.story_id JOIN statements n ON n.story = s.id AND n.key = o.id
  WHERE o.responds_to IS NOT NULL OR o.repeats IS NOT NULL;
UPDATE statements SET
  responds_to = (SELECT t.id FROM v2_statement_rows r JOIN statements t ON t.story = r.story AND t.key = r.responds_to
                 WHERE r.id = statements.id),
  repeats = (SELECT t.id FROM v2_statement_rows r JOIN statements t ON t.story = r.story AND t.key = r.repeats
             WHERE r.id = statements.id)
  WHERE id IN (SELECT id FROM v2_statement_rows);
DROP TABLE v2_statement_rows;
)sql";

// Every row of the old tables must have come across; a reference that led
// nowhere (which version 2's foreign keys forbade) would drop one.
constexpr const char* kCopiedEverything = R"sql(
SELECT (SELECT count(*) FROM v2_stories) = (SELECT count(*) FROM stories)
   AND (SELECT count(*) FROM v2_actors) = (SELECT count(*) FROM actors)
   AND (SELECT count(*) FROM v2_actor_aliases) = (SELECT count(*) FROM actor_aliases)
   AND (SELECT count(*) FROM v2_sources) = (SELECT count(*) FROM sources)
   AND (SELECT count(*) FROM v2_claims) = (SELECT count(*) FROM claims)
   AND (SELECT count(*) FROM v2_claim_about) = (SELECT count(*) FROM claim_about)
   AND (SELECT count(*) FROM v2_claim_contradicts) = (SELECT count(*) FROM claim_contradicts)
   AND (SELECT count(*) FROM v2_statements) = (SELECT count(*) FROM statements)
)sql";

constexpr const char* kDropVersion2 = R"sql(
DROP TABLE v2_statements;
DROP TABLE v2_claim_contradicts;
DROP TABLE v2_claim_about;
DROP TABLE v2_claims;
DROP TABLE v2_sources;
DROP TABLE v2_actor_aliases;
DROP TABLE v2_actors;
DROP TABLE v2_stories;
)sql";

}  // namespace

void ensure_schema(SQLite::Database& db, const char* path, bool create, bool may_upgrade) {
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version == kSchemaVersion) return;
  if (version == 1 || version == 2) {
    if (!may_upgrade) {
      throw Error(ErrorCode::kStorage, std::string(path) + ": database schema version " + std::to_string(version) +
                                           " must be upgraded to " + std::to_string(kSchemaVersion) +
                                           ", which needs write access to the file");
    }
    // The statement-key look-ups of the copy need an index on the new
    // table; it is dropped again when the copy is done.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another gainsay may have upgraded it while this one waited for the lock.
    if (db.execAndGet("PRAGMA user_version").getInt() == kSchemaVersion) return;
    db.exec(kFromVersion2);
    db.exec(kSchema);
    db.exec("CREATE INDEX migrate_statement_keys ON statements(story, key)");
    db.exec(kCopyVersion2);
    if (db.execAndGet(kCopiedEverything).getInt() != 1) {
      throw Error(ErrorCode::kStorage, std::string(path) + ": cannot upgrade the database from schema version " +
                                           std::to_string(version) +
                                           ": some rows refer to rows that are not there (try gainsay check "
                                           "with the gainsay that wrote it); nothing was changed");
    }
    db.exec(kDropVersion2);
    db.exec("DROP INDEX migrate_statement_keys");
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    transaction.commit();
    return;
  }
  if (version > kSchemaVersion) {
    throw Error(ErrorCode::kStorage, std::string(path) + ": database schema version " + std::to_string(version) +
                                         " is newer than this gainsay reads (" + std::to_string(kSchemaVersion) +
                                         "); upgrade gainsay");
  }
  const int tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (tables > 0) {
    throw Error(ErrorCode::kStorage, std::string(path) + ": not a gainsay database (it has tables of its own)");
  }
  if (!create) {
    throw Error(ErrorCode::kStorage, std::string(path) + ": empty database; import a story first");
  }
  SQLite::Transaction transaction(db);
  db.exec(kSchema);
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  transaction.commit();
}

}  // namespace gainsay
