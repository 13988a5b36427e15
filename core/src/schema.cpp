#include "schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "gainsay/error.h"

namespace gainsay {
namespace {

// Every record belongs to its story and goes when the story is replaced
// (ON DELETE CASCADE). References inside a story are foreign keys, deferred
// so a story can be inserted in file order.
constexpr const char* kSchema = R"sql(
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL
);
CREATE TABLE actors (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  member_of TEXT,
  affiliated_with TEXT,
  PRIMARY KEY (story_id, id),
  FOREIGN KEY (story_id, member_of) REFERENCES actors(story_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, affiliated_with) REFERENCES actors(story_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE actor_aliases (
  story_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  alias TEXT NOT NULL,
  PRIMARY KEY (story_id, actor_id, pos),
  FOREIGN KEY (story_id, actor_id) REFERENCES actors(story_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE sources (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  outlet TEXT,
  title TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  published TEXT,
  url TEXT NOT NULL DEFAULT '',
  text_path TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (story_id, id),
  FOREIGN KEY (story_id, outlet) REFERENCES actors(story_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE claims (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  verdict_rating TEXT,
  verdict_by TEXT,
  verdict_date TEXT,
  verdict_url TEXT NOT NULL DEFAULT '',
  verdict_explanation TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (story_id, id),
  FOREIGN KEY (story_id, verdict_by) REFERENCES actors(story_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE claim_about (
  story_id TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  PRIMARY KEY (story_id, claim_id, pos),
  FOREIGN KEY (story_id, claim_id) REFERENCES claims(story_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, actor_id) REFERENCES actors(story_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE claim_contradicts (
  story_id TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  other_id TEXT NOT NULL,
  PRIMARY KEY (story_id, claim_id, pos),
  FOREIGN KEY (story_id, claim_id) REFERENCES claims(story_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, other_id) REFERENCES claims(story_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE statements (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  by_actor TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  stance TEXT NOT NULL CHECK (stance IN ('asserts', 'corroborates', 'confirms', 'partially-admits',
      'denies', 'dismisses', 'disputes', 'deflects', 'declines', 'counter-accuses', 'retracts')),
  date TEXT,
  source_id TEXT,
  attribution TEXT NOT NULL CHECK (attribution IN ('on-record', 'official-statement', 'anonymous',
      'via-media', 'unknown')),
  quote TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  responds_to TEXT,
  repeats TEXT,
  via TEXT,
  PRIMARY KEY (story_id, id),
  FOREIGN KEY (story_id, by_actor) REFERENCES actors(story_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, claim_id) REFERENCES claims(story_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, source_id) REFERENCES sources(story_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, responds_to) REFERENCES statements(story_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, repeats) REFERENCES statements(story_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (story_id, via) REFERENCES actors(story_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX statements_by_claim ON statements(story_id, claim_id);
)sql";

// Version 2: an index on every column that refers to another row, so that
// replacing a story (deleting its rows) checks each foreign key with a
// look-up rather than a scan; without them a re-import is quadratic.
constexpr const char* kForeignKeyIndexes = R"sql(
CREATE INDEX IF NOT EXISTS actors_member_of ON actors(story_id, member_of);
CREATE INDEX IF NOT EXISTS actors_affiliated_with ON actors(story_id, affiliated_with);
CREATE INDEX IF NOT EXISTS sources_outlet ON sources(story_id, outlet);
CREATE INDEX IF NOT EXISTS claims_verdict_by ON claims(story_id, verdict_by);
CREATE INDEX IF NOT EXISTS claim_about_actor ON claim_about(story_id, actor_id);
CREATE INDEX IF NOT EXISTS claim_contradicts_other ON claim_contradicts(story_id, other_id);
CREATE INDEX IF NOT EXISTS statements_by_actor ON statements(story_id, by_actor);
CREATE INDEX IF NOT EXISTS statements_source ON statements(story_id, source_id);
CREATE INDEX IF NOT EXISTS statements_responds_to ON statements(story_id, responds_to);
CREATE INDEX IF NOT EXISTS statements_repeats ON statements(story_id, repeats);
CREATE INDEX IF NOT EXISTS statements_via ON statements(story_id, via);
)sql";

}  // namespace

void ensure_schema(SQLite::Database& db, const char* path, bool writable) {
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version == kSchemaVersion) return;
  if (version == 1) {
    // A version-1 database gains its foreign-key indexes; its data stays.
    if (!writable) return;  // readable as it is; the next import upgrades it
    SQLite::Transaction transaction(db);
    db.exec(kForeignKeyIndexes);
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
  if (!writable) {
    throw Error(ErrorCode::kStorage, std::string(path) + ": empty database; import a story first");
  }
  SQLite::Transaction transaction(db);
  db.exec(kSchema);
  db.exec(kForeignKeyIndexes);
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  transaction.commit();
}

}  // namespace gainsay
