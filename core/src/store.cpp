#include "gainsay/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>
#include <map>

#include "gainsay/error.h"
#include "schema.h"

namespace gainsay {
namespace {

constexpr int kBusyTimeoutMs = 60000;

// Binds an optional text: NULL when absent.
template <typename T>
void bind_optional(SQLite::Statement& query, int index, const std::optional<T>& value) {
  if (value) {
    query.bind(index, value->value);
  } else {
    query.bind(index);
  }
}

void bind_date(SQLite::Statement& query, int index, const std::optional<Date>& date) {
  if (date) {
    query.bind(index, date->to_string());
  } else {
    query.bind(index);
  }
}

template <typename IdT>
std::optional<IdT> optional_id(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return IdT{column.getString()};
}

std::optional<Date> optional_date(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return Date::parse(column.getString());
}

template <typename Enum>
Enum parse_or_throw(std::optional<Enum> value, const std::string& word, const char* what) {
  if (!value) throw Error(ErrorCode::kStorage, "database holds an unknown " + std::string(what) + " '" + word + "'");
  return *value;
}

void insert_story(SQLite::Database& db, const Story& story) {
  SQLite::Statement remove(db, "DELETE FROM stories WHERE id = ?");
  remove.bind(1, story.id.value);
  remove.exec();

  SQLite::Statement insert(db,
                           "INSERT INTO stories (id, title, description, origin, imported_at) "
                           "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind(1, story.id.value);
  insert.bind(2, story.title);
  insert.bind(3, story.description);
  insert.bind(4, story.origin);
  insert.exec();

  const std::string& sid = story.id.value;
  SQLite::Statement actor(db,
                          "INSERT INTO actors (story_id, id, pos, name, kind, role, member_of, affiliated_with) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement alias(db, "INSERT INTO actor_aliases (story_id, actor_id, pos, alias) VALUES (?, ?, ?, ?)");
  int pos = 0;
  for (const Actor& a : story.actors) {
    actor.bind(1, sid);
    actor.bind(2, a.id.value);
    actor.bind(3, pos++);
    actor.bind(4, a.name);
    actor.bind(5, std::string(to_string(a.kind)));
    actor.bind(6, a.role);
    bind_optional(actor, 7, a.member_of);
    bind_optional(actor, 8, a.affiliated_with);
    actor.exec();
    actor.reset();
    int alias_pos = 0;
    for (const std::string& name : a.aliases) {
      alias.bind(1, sid);
      alias.bind(2, a.id.value);
      alias.bind(3, alias_pos++);
      alias.bind(4, name);
      alias.exec();
      alias.reset();
    }
  }

  SQLite::Statement source(db,
                           "INSERT INTO sources (story_id, id, pos, outlet, title, author, published, url, text_path) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  pos = 0;
  for (const Source& s : story.sources) {
    source.bind(1, sid);
    source.bind(2, s.id.value);
    source.bind(3, pos++);
    bind_optional(source, 4, s.outlet);
    source.bind(5, s.title);
    source.bind(6, s.author);
    bind_date(source, 7, s.published);
    source.bind(8, s.url);
    source.bind(9, s.text);
    source.exec();
    source.reset();
  }

  SQLite::Statement claim(db,
                          "INSERT INTO claims (story_id, id, pos, text, verdict_rating, verdict_by, verdict_date, "
                          "verdict_url, verdict_explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement about(db, "INSERT INTO claim_about (story_id, claim_id, pos, actor_id) VALUES (?, ?, ?, ?)");
  SQLite::Statement contradicts(db,
                                "INSERT INTO claim_contradicts (story_id, claim_id, pos, other_id) VALUES (?, ?, ?, ?)");
  pos = 0;
  for (const Claim& c : story.claims) {
    claim.bind(1, sid);
    claim.bind(2, c.id.value);
    claim.bind(3, pos++);
    claim.bind(4, c.text);
    if (c.verdict) {
      claim.bind(5, c.verdict->rating);
      bind_optional(claim, 6, c.verdict->by);
      bind_date(claim, 7, c.verdict->date);
      claim.bind(8, c.verdict->url);
      claim.bind(9, c.verdict->explanation);
    } else {
      claim.bind(5);
      claim.bind(6);
      claim.bind(7);
      claim.bind(8, "");
      claim.bind(9, "");
    }
    claim.exec();
    claim.reset();
    for (std::size_t i = 0; i < c.about.size(); ++i) {
      about.bind(1, sid);
      about.bind(2, c.id.value);
      about.bind(3, static_cast<int>(i));
      about.bind(4, c.about[i].value);
      about.exec();
      about.reset();
    }
    for (std::size_t i = 0; i < c.contradicts.size(); ++i) {
      contradicts.bind(1, sid);
      contradicts.bind(2, c.id.value);
      contradicts.bind(3, static_cast<int>(i));
      contradicts.bind(4, c.contradicts[i].value);
      contradicts.exec();
      contradicts.reset();
    }
  }

  SQLite::Statement statement(db,
                              "INSERT INTO statements (story_id, id, pos, by_actor, claim_id, stance, date, source_id, "
                              "attribution, quote, note, responds_to, repeats, via) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  pos = 0;
  for (const Statement& s : story.statements) {
    if (pos % 1024 == 0 && interrupt_requested()) {
      throw Error(ErrorCode::kInterrupted, "interrupted; nothing was imported");
    }
    statement.bind(1, sid);
    statement.bind(2, s.id.value);
    statement.bind(3, pos++);
    statement.bind(4, s.by.value);
    statement.bind(5, s.claim.value);
    statement.bind(6, std::string(to_string(s.stance)));
    bind_date(statement, 7, s.date);
    bind_optional(statement, 8, s.source);
    statement.bind(9, std::string(to_string(s.attribution)));
    statement.bind(10, s.quote);
    statement.bind(11, s.note);
    bind_optional(statement, 12, s.responds_to);
    bind_optional(statement, 13, s.repeats);
    bind_optional(statement, 14, s.via);
    statement.exec();
    statement.reset();
  }
}

Story load_story(const SQLite::Database& db, SQLite::Statement& head) {
  Story story;
  story.id = StoryId{head.getColumn(0).getString()};
  story.title = head.getColumn(1).getString();
  story.description = head.getColumn(2).getString();
  story.origin = head.getColumn(3).getString();
  const std::string& sid = story.id.value;

  std::map<std::string, Actor*> actors;
  SQLite::Statement actor(db,
                          "SELECT id, name, kind, role, member_of, affiliated_with FROM actors "
                          "WHERE story_id = ? ORDER BY pos");
  actor.bind(1, sid);
  while (actor.executeStep()) {
    Actor a;
    a.id = ActorId{actor.getColumn(0).getString()};
    a.name = actor.getColumn(1).getString();
    a.kind = parse_or_throw(parse_actor_kind(actor.getColumn(2).getString()), actor.getColumn(2).getString(),
                            "actor kind");
    a.role = actor.getColumn(3).getString();
    a.member_of = optional_id<ActorId>(actor.getColumn(4));
    a.affiliated_with = optional_id<ActorId>(actor.getColumn(5));
    story.actors.push_back(std::move(a));
  }
  for (Actor& a : story.actors) actors[a.id.value] = &a;
  SQLite::Statement alias(db, "SELECT actor_id, alias FROM actor_aliases WHERE story_id = ? ORDER BY actor_id, pos");
  alias.bind(1, sid);
  while (alias.executeStep()) actors.at(alias.getColumn(0).getString())->aliases.push_back(alias.getColumn(1).getString());

  SQLite::Statement source(db,
                           "SELECT id, outlet, title, author, published, url, text_path FROM sources "
                           "WHERE story_id = ? ORDER BY pos");
  source.bind(1, sid);
  while (source.executeStep()) {
    Source s;
    s.id = SourceId{source.getColumn(0).getString()};
    s.outlet = optional_id<ActorId>(source.getColumn(1));
    s.title = source.getColumn(2).getString();
    s.author = source.getColumn(3).getString();
    s.published = optional_date(source.getColumn(4));
    s.url = source.getColumn(5).getString();
    s.text = source.getColumn(6).getString();
    story.sources.push_back(std::move(s));
  }

  SQLite::Statement claim(db,
                          "SELECT id, text, verdict_rating, verdict_by, verdict_date, verdict_url, verdict_explanation "
                          "FROM claims WHERE story_id = ? ORDER BY pos");
  claim.bind(1, sid);
  while (claim.executeStep()) {
    Claim c;
    c.id = ClaimId{claim.getColumn(0).getString()};
    c.text = claim.getColumn(1).getString();
    if (!claim.getColumn(2).isNull()) {
      Verdict v;
      v.rating = claim.getColumn(2).getString();
      v.by = optional_id<ActorId>(claim.getColumn(3));
      v.date = optional_date(claim.getColumn(4));
      v.url = claim.getColumn(5).getString();
      v.explanation = claim.getColumn(6).getString();
      c.verdict = std::move(v);
    }
    story.claims.push_back(std::move(c));
  }
  std::map<std::string, Claim*> claims;
  for (Claim& c : story.claims) claims[c.id.value] = &c;
  SQLite::Statement about(db, "SELECT claim_id, actor_id FROM claim_about WHERE story_id = ? ORDER BY claim_id, pos");
  about.bind(1, sid);
  while (about.executeStep()) claims.at(about.getColumn(0).getString())->about.push_back(ActorId{about.getColumn(1).getString()});
  SQLite::Statement contradicts(db,
                                "SELECT claim_id, other_id FROM claim_contradicts WHERE story_id = ? ORDER BY claim_id, pos");
  contradicts.bind(1, sid);
  while (contradicts.executeStep()) {
    claims.at(contradicts.getColumn(0).getString())->contradicts.push_back(ClaimId{contradicts.getColumn(1).getString()});
  }

  SQLite::Statement statement(db,
                              "SELECT id, by_actor, claim_id, stance, date, source_id, attribution, quote, note, "
                              "responds_to, repeats, via FROM statements WHERE story_id = ? ORDER BY pos");
  statement.bind(1, sid);
  while (statement.executeStep()) {
    Statement s;
    s.id = StatementId{statement.getColumn(0).getString()};
    s.by = ActorId{statement.getColumn(1).getString()};
    s.claim = ClaimId{statement.getColumn(2).getString()};
    s.stance = parse_or_throw(parse_stance(statement.getColumn(3).getString()), statement.getColumn(3).getString(),
                              "stance");
    s.date = optional_date(statement.getColumn(4));
    s.source = optional_id<SourceId>(statement.getColumn(5));
    s.attribution = parse_or_throw(parse_attribution(statement.getColumn(6).getString()),
                                   statement.getColumn(6).getString(), "attribution");
    s.quote = statement.getColumn(7).getString();
    s.note = statement.getColumn(8).getString();
    s.responds_to = optional_id<StatementId>(statement.getColumn(9));
    s.repeats = optional_id<StatementId>(statement.getColumn(10));
    s.via = optional_id<ActorId>(statement.getColumn(11));
    story.statements.push_back(std::move(s));
  }
  return story;
}

}  // namespace

struct Store::Impl {
  Impl(const std::string& db_path, int flags) : path(db_path), db(db_path, flags) {}
  std::string path;
  SQLite::Database db;
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path, Mode mode) {
  const bool writable = mode == Mode::kReadWrite;
  if (!writable && !std::filesystem::exists(path)) {
    throw Error(ErrorCode::kNotFound,
                "no database at " + path + "; import a story first (gainsay import FILE) or give story files");
  }
  try {
    // A reader opens read-write when it may (without creating anything), so
    // that the journal of an import killed half-way is rolled back; SQLite
    // writes nothing otherwise. A file it may not write is opened read-only.
    const bool may_write = writable || access(path.c_str(), W_OK) == 0;
    auto impl = std::make_unique<Impl>(path, writable   ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE
                                             : may_write ? SQLite::OPEN_READWRITE
                                                         : SQLite::OPEN_READONLY);
    impl->db.exec("PRAGMA foreign_keys = ON");
    // Another gainsay may be importing: wait for it rather than fail.
    impl->db.setBusyTimeout(kBusyTimeoutMs);
    ensure_schema(impl->db, path.c_str(), writable);
    return Store(std::move(impl));
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::kStorage, path + ": cannot open as a gainsay database: " + e.what());
  }
}

Store Store::open_in_memory() {
  try {
    auto impl = std::make_unique<Impl>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    impl->path = "the story files given";
    impl->db.exec("PRAGMA foreign_keys = ON");
    ensure_schema(impl->db, ":memory:", true);
    return Store(std::move(impl));
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::kStorage, std::string("cannot open an in-memory database: ") + e.what());
  }
}

void Store::import_stories(const std::vector<Story>& stories) {
  const Story* current = nullptr;
  try {
    // IMMEDIATE takes the write lock now, so two imports queue instead of
    // deadlocking when both try to upgrade a read lock.
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const Story& story : stories) {
      current = &story;
      insert_story(impl_->db, story);
    }
    current = nullptr;
    transaction.commit();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED) {
      throw Error(ErrorCode::kStorage, impl_->path + ": another program kept the database busy for " +
                                           std::to_string(kBusyTimeoutMs / 1000) +
                                           " seconds; nothing was changed, try again when it is done");
    }
    throw Error(ErrorCode::kStorage, impl_->path + ": import failed" +
                                         (current ? " in story '" + current->id.value + "'" : std::string()) + ": " +
                                         e.what() + "; nothing was changed");
  }
}

std::vector<StorySummary> Store::stories() const {
  std::vector<StorySummary> out;
  try {
    SQLite::Statement query(impl_->db, R"sql(
      SELECT s.id, s.title, s.origin, s.imported_at,
        (SELECT count(*) FROM actors WHERE story_id = s.id),
        (SELECT count(*) FROM sources WHERE story_id = s.id),
        (SELECT count(*) FROM claims WHERE story_id = s.id),
        (SELECT count(*) FROM statements WHERE story_id = s.id)
      FROM stories s ORDER BY s.id)sql");
    while (query.executeStep()) {
      StorySummary summary;
      summary.id = StoryId{query.getColumn(0).getString()};
      summary.title = query.getColumn(1).getString();
      summary.origin = query.getColumn(2).getString();
      summary.imported_at = query.getColumn(3).getString();
      summary.actors = static_cast<std::size_t>(query.getColumn(4).getInt64());
      summary.sources = static_cast<std::size_t>(query.getColumn(5).getInt64());
      summary.claims = static_cast<std::size_t>(query.getColumn(6).getInt64());
      summary.statements = static_cast<std::size_t>(query.getColumn(7).getInt64());
      out.push_back(std::move(summary));
    }
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::kStorage, impl_->path + ": cannot list stories: " + e.what());
  }
  return out;
}

std::vector<Story> Store::load(const std::vector<StoryId>& only) const {
  std::vector<Story> out;
  try {
    SQLite::Statement head(impl_->db, "SELECT id, title, description, origin FROM stories ORDER BY id");
    while (head.executeStep()) {
      const StoryId id{head.getColumn(0).getString()};
      if (!only.empty() && std::find(only.begin(), only.end(), id) == only.end()) continue;
      out.push_back(load_story(impl_->db, head));
    }
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::kStorage, impl_->path + ": cannot read stories: " + e.what());
  }
  for (const StoryId& id : only) {
    if (std::none_of(out.begin(), out.end(), [&](const Story& s) { return s.id == id; })) {
      throw Error(ErrorCode::kNotFound, "no story '" + id.value + "' in " + impl_->path);
    }
  }
  return out;
}

std::vector<std::string> Store::integrity_problems() const {
  std::vector<std::string> problems;
  try {
    SQLite::Statement integrity(impl_->db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      const std::string line = integrity.getColumn(0).getString();
      if (line != "ok") problems.push_back("integrity_check: " + line);
    }
    SQLite::Statement keys(impl_->db, "PRAGMA foreign_key_check");
    while (keys.executeStep()) {
      problems.push_back("foreign_key_check: a row of " + keys.getColumn(0).getString() + " (rowid " +
                         keys.getColumn(1).getString() + ") refers to a missing row of " +
                         keys.getColumn(2).getString());
    }
  } catch (const SQLite::Exception& e) {
    problems.push_back(std::string("the check itself failed: ") + e.what());
  }
  return problems;
}

int Store::schema_version() const { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace gainsay
