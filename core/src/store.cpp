#include "gainsay/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "gainsay/error.h"
#include "gainsay/progress.h"
#include "id_index.h"
#include "parallel_for.h"
#include "schema.h"
#include "store_impl.h"

namespace gainsay {
namespace {

constexpr int kBusyTimeoutMs = 60000;

void bind_date(SQLite::Statement& query, int index, const std::optional<Date>& date) {
  if (date) {
    query.bind(index, date->to_string());
  } else {
    query.bind(index);
  }
}

// A query read straight through SQLite's C interface, for the ones that
// return a row per record of a large story: a SQLiteCpp Column per value
// (a shared pointer each) cost more than the values themselves.
class RawQuery {
 public:
  RawQuery(const SQLite::Database& db, const char* sql) {
    if (sqlite3_prepare_v2(db.getHandle(), sql, -1, &statement_, nullptr) != SQLITE_OK) {
      throw SQLite::Exception(db.getHandle(), sqlite3_errcode(db.getHandle()));
    }
  }
  ~RawQuery() { sqlite3_finalize(statement_); }
  RawQuery(const RawQuery&) = delete;
  RawQuery& operator=(const RawQuery&) = delete;

  void bind(int parameter, std::int64_t value) { sqlite3_bind_int64(statement_, parameter, value); }
  // The next row; false after the last. Throws on an error.
  bool step() {
    const int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    throw SQLite::Exception(sqlite3_db_handle(statement_), status);
  }
  bool null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  std::string_view text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (!text) return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
  }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

template <typename Enum>
Enum parse_or_throw(std::optional<Enum> value, std::string_view word, const char* what) {
  if (!value) {
    throw Error(ErrorCode::kStorage, "database holds an unknown " + std::string(what) + " '" + std::string(word) + "'");
  }
  return *value;
}

// Where each id of a story will sit: rows get consecutive rowids from the
// table's next free one, in file order, so a reference is known before the
// row it names is written. A reference is found by the position its
// reader left in the story's links when the record there has that id, and
// otherwise by id. The index of ids, which also refuses two records with
// one id, can be made on another core while rows are written: for a
// million statements whose links hold, nothing waits for it but the end.
template <typename Record>
class RowIds {
 public:
  enum class Index { kNow, kBeside };
  RowIds(SQLite::Database& db, const char* table, const std::vector<Record>& records, Index when = Index::kNow)
      : table_(table),
        first_(db.execAndGet(std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table).getInt64()),
        records_(records) {
    if (when == Index::kNow) {
      index();
    } else {
      indexing_.emplace([this] { index(); });
    }
  }
  std::int64_t first() const { return first_; }
  // Waits for the index; throws if it found two records with one id.
  void check() const {
    if (indexing_) indexing_->join();
  }
  std::int64_t of(const std::string& key, std::uint32_t known = StatementLinks::kNone) const {
    if (known < records_.size() && records_[known].id.value == key) return first_ + static_cast<std::int64_t>(known);
    check();
    const auto position = positions_.find(key);
    if (!position) throw Error(ErrorCode::kStorage, "a reference to a missing id '" + key + "' of " + table_);
    return first_ + static_cast<std::int64_t>(*position);
  }
  // `id` is a std::optional or an OptionalId.
  template <typename MaybeId>
  void bind(SQLite::Statement& query, int index, const MaybeId& id,
            std::uint32_t known = StatementLinks::kNone) const {
    if (id) {
      query.bind(index, of(id->value, known));
    } else {
      query.bind(index);
    }
  }

 private:
  void index() {
    positions_ = IdIndex(records_.size());
    for (const Record& record : records_) {
      if (!positions_.insert(record.id.value).second) {
        throw Error(ErrorCode::kStorage, std::string("two ") + table_ + " with the id '" + record.id.value + "'");
      }
    }
  }

  const char* table_;
  std::int64_t first_;
  const std::vector<Record>& records_;
  IdIndex positions_;
  mutable std::optional<Beside> indexing_;  // last: joined before the rest goes
};

// The stance and attribution words as strings that outlive every bind, so
// the hot loop binds them without a copy.
template <typename Enum>
const std::string& word_of(Enum value, Enum last) {
  static const std::vector<std::string> words = [last] {
    std::vector<std::string> out;
    for (int i = 0; i <= static_cast<int>(last); ++i) out.emplace_back(to_string(static_cast<Enum>(i)));
    return out;
  }();
  return words[static_cast<std::size_t>(value)];
}
const std::string& word_of(Stance stance) { return word_of(stance, Stance::kRetracts); }
const std::string& word_of(Attribution attribution) { return word_of(attribution, Attribution::kUnknown); }

// Removes a story's rows, children first (foreign keys are not enforced
// during an import; see schema.cpp).
void delete_story(SQLite::Database& db, const std::string& key) {
  SQLite::Statement find(db, "SELECT id FROM stories WHERE key = ?");
  find.bind(1, key);
  if (!find.executeStep()) return;
  const std::int64_t story = find.getColumn(0).getInt64();
  for (const char* sql : {
           "DELETE FROM actor_aliases WHERE actor IN (SELECT id FROM actors WHERE story = ?)",
           "DELETE FROM claim_about WHERE claim IN (SELECT id FROM claims WHERE story = ?)",
           "DELETE FROM claim_contradicts WHERE claim IN (SELECT id FROM claims WHERE story = ?)",
           "DELETE FROM statements WHERE story = ?",
           "DELETE FROM claims WHERE story = ?",
           "DELETE FROM sources WHERE story = ?",
           "DELETE FROM actors WHERE story = ?",
           "DELETE FROM stories WHERE id = ?",
       }) {
    SQLite::Statement remove(db, sql);
    remove.bind(1, story);
    remove.exec();
  }
}

// How many rows ahead the records a statement names are fetched into the
// cache (see insert_story).
constexpr std::size_t kFetchAhead = 8;

template <typename Record>
void fetch(const std::vector<Record>& records, std::uint32_t position) {
  if (position < records.size()) __builtin_prefetch(&records[position]);
}

// The story's actors, sources, claims and statements, as rows.
void insert_records(SQLite::Database& db, const Story& story, std::int64_t sid, const RowIds<Actor>& actor_ids,
                    const RowIds<Source>& source_ids, const RowIds<Claim>& claim_ids,
                    const RowIds<Statement>& statement_ids, Progress* progress, std::uint64_t& written) {
  // Links left by the reader stand for look-ups by id (see ResolvedLinks).
  const std::vector<StatementLinks>& links = story.links.statements;
  const bool linked = links.size() == story.statements.size();
  SQLite::Statement actor(db,
                          "INSERT INTO actors (id, story, key, name, kind, role, member_of, affiliated_with) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement alias(db, "INSERT INTO actor_aliases (actor, pos, alias) VALUES (?, ?, ?)");
  std::int64_t row = actor_ids.first();
  for (const Actor& a : story.actors) {
    actor.bind(1, row);
    actor.bind(2, sid);
    actor.bindNoCopy(3, a.id.value);
    actor.bindNoCopy(4, a.name);
    actor.bind(5, std::string(to_string(a.kind)));
    actor.bindNoCopy(6, a.role);
    actor_ids.bind(actor, 7, a.member_of);
    actor_ids.bind(actor, 8, a.affiliated_with);
    actor.exec();
    actor.reset();
    for (std::size_t i = 0; i < a.aliases.size(); ++i) {
      alias.bind(1, row);
      alias.bind(2, static_cast<std::int64_t>(i));
      alias.bindNoCopy(3, a.aliases[i]);
      alias.exec();
      alias.reset();
    }
    ++row;
  }

  SQLite::Statement source(db,
                           "INSERT INTO sources (id, story, key, outlet, title, author, published, url, text_path) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  row = source_ids.first();
  for (const Source& s : story.sources) {
    source.bind(1, row++);
    source.bind(2, sid);
    source.bindNoCopy(3, s.id.value);
    actor_ids.bind(source, 4, s.outlet);
    source.bindNoCopy(5, s.title);
    source.bindNoCopy(6, s.author);
    bind_date(source, 7, s.published);
    source.bindNoCopy(8, s.url);
    source.bindNoCopy(9, s.text);
    source.exec();
    source.reset();
  }

  SQLite::Statement claim(db,
                          "INSERT INTO claims (id, story, key, text, verdict_rating, verdict_by, verdict_date, "
                          "verdict_url, verdict_explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement about(db, "INSERT INTO claim_about (claim, pos, actor) VALUES (?, ?, ?)");
  SQLite::Statement contradicts(db, "INSERT INTO claim_contradicts (claim, pos, other) VALUES (?, ?, ?)");
  row = claim_ids.first();
  for (const Claim& c : story.claims) {
    claim.bind(1, row);
    claim.bind(2, sid);
    claim.bindNoCopy(3, c.id.value);
    claim.bindNoCopy(4, c.text);
    if (c.verdict) {
      claim.bindNoCopy(5, c.verdict->rating);
      actor_ids.bind(claim, 6, c.verdict->by);
      bind_date(claim, 7, c.verdict->date);
      claim.bindNoCopy(8, c.verdict->url);
      claim.bindNoCopy(9, c.verdict->explanation);
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
      about.bind(1, row);
      about.bind(2, static_cast<std::int64_t>(i));
      about.bind(3, actor_ids.of(c.about[i].value));
      about.exec();
      about.reset();
    }
    for (std::size_t i = 0; i < c.contradicts.size(); ++i) {
      contradicts.bind(1, row);
      contradicts.bind(2, static_cast<std::int64_t>(i));
      contradicts.bind(3, claim_ids.of(c.contradicts[i].value));
      contradicts.exec();
      contradicts.reset();
    }
    ++row;
  }

  SQLite::Statement statement(db,
                              "INSERT INTO statements (id, story, key, by_actor, claim, stance, date, source, "
                              "attribution, quote, note, responds_to, repeats, via) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  row = statement_ids.first();
  for (std::size_t i = 0; i < story.statements.size(); ++i) {
    const Statement& s = story.statements[i];
    const StatementLinks l = linked ? links[i] : StatementLinks{};
    if (linked && i + kFetchAhead < links.size()) {
      // The records that a statement a few rows on names are fetched while
      // this one is written: in a story of a million statements they lie
      // scattered over hundreds of megabytes, and checking each link would
      // otherwise wait on memory.
      const StatementLinks& ahead = links[i + kFetchAhead];
      fetch(story.claims, ahead.claim);
      fetch(story.sources, ahead.source);
      fetch(story.statements, ahead.responds_to);
      fetch(story.statements, ahead.repeats);
    }
    if (row % 1024 == 0) {
      if (interrupt_requested()) throw Error(ErrorCode::kInterrupted, "interrupted; nothing was imported");
      if (progress) progress->update(written);
    }
    ++written;
    statement.bind(1, row++);
    statement.bind(2, sid);
    statement.bindNoCopy(3, s.id.value);
    statement.bind(4, actor_ids.of(s.by.value, l.by));
    statement.bind(5, claim_ids.of(s.claim.value, l.claim));
    statement.bindNoCopy(6, word_of(s.stance));
    bind_date(statement, 7, s.date);
    source_ids.bind(statement, 8, s.source, l.source);
    statement.bindNoCopy(9, word_of(s.attribution));
    statement.bindNoCopy(10, s.quote);
    statement.bindNoCopy(11, s.note);
    statement_ids.bind(statement, 12, s.responds_to, l.responds_to);
    statement_ids.bind(statement, 13, s.repeats, l.repeats);
    actor_ids.bind(statement, 14, s.via, l.via);
    statement.exec();
    statement.reset();
  }
}

void insert_story(SQLite::Database& db, const Story& story, Progress* progress, std::uint64_t& written) {
  delete_story(db, story.id.value);

  SQLite::Statement insert(db,
                           "INSERT INTO stories (key, title, description, origin, imported_at) "
                           "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind(1, story.id.value);
  insert.bind(2, story.title);
  insert.bind(3, story.description);
  insert.bind(4, story.origin);
  insert.exec();
  const std::int64_t sid = db.getLastInsertRowid();

  const RowIds<Actor> actor_ids(db, "actors", story.actors);
  const RowIds<Source> source_ids(db, "sources", story.sources);
  const RowIds<Claim> claim_ids(db, "claims", story.claims);
  // With links from its reader for every statement, the statements' ids
  // are indexed beside the writing (see RowIds).
  const bool linked = story.links.statements.size() == story.statements.size();
  const RowIds<Statement> statement_ids(db, "statements", story.statements,
                                        linked ? RowIds<Statement>::Index::kBeside : RowIds<Statement>::Index::kNow);
  // Two statements with one id are reported before anything found while
  // writing, as when the index was made first.
  try {
    insert_records(db, story, sid, actor_ids, source_ids, claim_ids, statement_ids, progress, written);
  } catch (...) {
    statement_ids.check();
    throw;
  }
  statement_ids.check();
}


// The keys of one story's rows of a table, found by rowid. The rows come in
// rowid order, so a rowid is found by its offset from the first when the
// import left them consecutive, and by binary search otherwise.
class KeysByRow {
 public:
  KeysByRow() = default;
  // From rowids already read, in rowid order.
  explicit KeysByRow(std::vector<std::int64_t> rows) : rows_(std::move(rows)) {
    consecutive_ = rows_.empty() || rows_.back() - rows_.front() + 1 == static_cast<std::int64_t>(rows_.size());
  }
  // The next record read; its position is the count of those before it.
  void add(std::int64_t row) {
    consecutive_ = consecutive_ && (rows_.empty() || row == rows_.back() + 1);
    rows_.push_back(row);
  }
  // The position of the record with this rowid; throws for a dangling one.
  std::size_t at(std::int64_t row, const char* what) const {
    if (!rows_.empty()) {
      if (consecutive_) {
        if (row >= rows_.front() && row <= rows_.back()) return static_cast<std::size_t>(row - rows_.front());
      } else {
        const auto found = std::lower_bound(rows_.begin(), rows_.end(), row);
        if (found != rows_.end() && *found == row) return static_cast<std::size_t>(found - rows_.begin());
      }
    }
    throw Error(ErrorCode::kStorage, "database refers to a missing " + std::string(what) + " (row " +
                                         std::to_string(row) + "); run gainsay check");
  }

 private:
  bool consecutive_ = true;
  std::vector<std::int64_t> rows_;
};

// A statement's responds_to and repeats, as rowids; 0 for none. They are
// resolved once every statement is read, since they may point forward.
using RowLinks = std::pair<std::int64_t, std::int64_t>;

// What a statement row refers to: the story's records and their rowids.
struct Lookups {
  const Story& story;
  const KeysByRow& actors;
  const KeysByRow& sources;
  const KeysByRow& claims;
  // The ids of the story's actors, sources and claims side by side, copied
  // into every statement that names them: in a large story the records
  // themselves lie spread over more memory than the cache holds.
  std::vector<ActorId> actor_ids;
  std::vector<SourceId> source_ids;
  std::vector<ClaimId> claim_ids;
};

template <typename Record>
auto ids_of(const std::vector<Record>& records) {
  std::vector<decltype(Record::id)> out;
  out.reserve(records.size());
  for (const Record& r : records) out.push_back(r.id);
  return out;
}

struct RowRange {
  std::int64_t from, to;  // rowids, to excluded
};
// Below this many statements one connection reads them all: a second one
// costs more to open than it saves.
constexpr std::size_t kSplitLoadFrom = 50000;

// Where a story's rows lie in a table: an import writes them with
// consecutive rowids, so they are read by rowid within this range, in order,
// rather than found through the (story, key) index one row at a time and
// sorted. `sql` gives the least and the greatest rowid of the story's rows.
RowRange rows_of_story(const SQLite::Database& db, const char* sql, std::int64_t sid) {
  RawQuery span(db, sql);
  span.bind(1, sid);
  if (!span.step() || span.null(0)) return {0, 0};
  return {span.integer(0), span.integer(1) + 1};
}

std::int64_t imports_counted(const SQLite::Database& db) {
  SQLite::Statement query(db, "SELECT value FROM state WHERE name = 'imports'");
  query.executeStep();
  return query.getColumn(0).getInt64();
}

// Reads the story's statements in `range` into out[0..] (the rowids they
// refer to into rows_named[0..], the positions into resolved[0..]), in rowid
// order, and returns their rowids. Throws if there are more than `room`.
std::vector<std::int64_t> read_statements(const SQLite::Database& db, std::int64_t sid, RowRange range,
                                          const Lookups& lookups, Statement* out, RowLinks* rows_named,
                                          StatementLinks* resolved, std::size_t room) {
  const Story& story = lookups.story;
  RawQuery row(db,
               "SELECT id, key, by_actor, claim, stance, date, source, attribution, quote, note, "
               "responds_to, repeats, via FROM statements NOT INDEXED WHERE id >= ? AND id < ? AND story = ? "
               "ORDER BY id");
  row.bind(1, range.from);
  row.bind(2, range.to);
  row.bind(3, sid);
  std::vector<std::int64_t> rows;
  rows.reserve(room);
  while (row.step()) {
    if (rows.size() == room) {
      throw Error(ErrorCode::kStorage, "the statements of story '" + story.id.value + "' changed while being read");
    }
    Statement& s = out[rows.size()];
    StatementLinks& l = resolved[rows.size()];
    rows_named[rows.size()] = {row.integer(10), row.integer(11)};
    rows.push_back(row.integer(0));
    auto position = [&](const KeysByRow& keys, int column, const char* what) {
      return static_cast<std::uint32_t>(keys.at(row.integer(column), what));
    };
    s.id.value = row.text(1);
    l.by = position(lookups.actors, 2, "actor");
    s.by = lookups.actor_ids[l.by];
    l.claim = position(lookups.claims, 3, "claim");
    s.claim = lookups.claim_ids[l.claim];
    s.stance = parse_or_throw(parse_stance(row.text(4)), row.text(4), "stance");
    // Every field is set, null or not: a half read again after a failed
    // helper must not keep what the helper wrote.
    s.date = row.null(5) ? std::nullopt : std::optional<Date>(Date::parse(row.text(5)));
    l.source = row.null(6) ? StatementLinks::kNone : position(lookups.sources, 6, "source");
    s.source = row.null(6) ? OptionalId<SourceId>() : lookups.source_ids[l.source];
    s.attribution = parse_or_throw(parse_attribution(row.text(7)), row.text(7), "attribution");
    s.quote = row.text(8);
    s.note = row.text(9);
    l.via = row.null(12) ? StatementLinks::kNone : position(lookups.actors, 12, "actor");
    s.via = row.null(12) ? OptionalId<ActorId>() : lookups.actor_ids[l.via];
    l.responds_to = l.repeats = StatementLinks::kNone;
  }
  return rows;
}

Story load_story(const SQLite::Database& db, SQLite::Statement& head, const std::string& file) {
  Story story;
  const std::int64_t sid = head.getColumn(0).getInt64();
  story.id = StoryId{head.getColumn(1).getString()};
  story.title = head.getColumn(2).getString();
  story.description = head.getColumn(3).getString();
  story.origin = head.getColumn(4).getString();

  // The statements lie between these rowids, found at the two ends of the
  // index on story. An import writes them one after another, so that there
  // are as many as the range is long, unless another tool wrote between.
  const RowRange statement_range = rows_of_story(
      db, "SELECT (SELECT min(id) FROM statements WHERE story = ?1), (SELECT max(id) FROM statements WHERE story = ?1)",
      sid);
  const auto span = static_cast<std::size_t>(statement_range.to - statement_range.from);
  // The room for the statements is made (a third of a gigabyte for a
  // million, page by page) on another core while they are counted and the
  // other records are read.
  Beside grow([&story, span] { story.statements.resize(span); });
  std::size_t count = 0;
  {
    SQLite::Statement query(db, "SELECT count(*) FROM statements WHERE story = ?");
    query.bind(1, sid);
    query.executeStep();
    count = static_cast<std::size_t>(query.getColumn(0).getInt64());
  }

  // References may point forward, so rowids are resolved once all rows of a
  // table are read.
  KeysByRow actor_rows;
  std::vector<std::pair<std::int64_t, std::int64_t>> actor_links;  // member_of, affiliated_with; 0 for none
  // The bound of a range is bound as ?1 and ?2, the story as ?3.
  auto bind_range = [sid](auto& query, RowRange range) {
    query.bind(1, range.from);
    query.bind(2, range.to);
    query.bind(3, sid);
  };
  const RowRange actor_range = rows_of_story(db, "SELECT min(id), max(id) FROM actors WHERE story = ?", sid);
  story.actors.reserve(static_cast<std::size_t>(actor_range.to - actor_range.from));
  SQLite::Statement actor(db,
                          "SELECT id, key, name, kind, role, member_of, affiliated_with FROM actors NOT INDEXED "
                          "WHERE id >= ?1 AND id < ?2 AND story = ?3 ORDER BY id");
  bind_range(actor, actor_range);
  while (actor.executeStep()) {
    Actor a;
    actor_rows.add(actor.getColumn(0).getInt64());
    a.id = ActorId{actor.getColumn(1).getString()};
    a.name = actor.getColumn(2).getString();
    a.kind = parse_or_throw(parse_actor_kind(actor.getColumn(3).getString()), actor.getColumn(3).getString(),
                            "actor kind");
    a.role = actor.getColumn(4).getString();
    actor_links.emplace_back(actor.getColumn(5).getInt64(), actor.getColumn(6).getInt64());
    story.actors.push_back(std::move(a));
  }
  for (std::size_t i = 0; i < story.actors.size(); ++i) {
    if (actor_links[i].first) story.actors[i].member_of = story.actors[actor_rows.at(actor_links[i].first, "actor")].id;
    if (actor_links[i].second) {
      story.actors[i].affiliated_with = story.actors[actor_rows.at(actor_links[i].second, "actor")].id;
    }
  }
  SQLite::Statement alias(db,
                          "SELECT l.actor, l.alias FROM actor_aliases l JOIN actors a NOT INDEXED ON a.id = l.actor "
                          "WHERE l.actor >= ?1 AND l.actor < ?2 AND a.story = ?3 ORDER BY l.actor, l.pos");
  bind_range(alias, actor_range);
  while (alias.executeStep()) {
    story.actors[actor_rows.at(alias.getColumn(0).getInt64(), "actor")].aliases.push_back(alias.getColumn(1).getString());
  }

  KeysByRow source_rows;
  const RowRange source_range = rows_of_story(db, "SELECT min(id), max(id) FROM sources WHERE story = ?", sid);
  story.sources.reserve(static_cast<std::size_t>(source_range.to - source_range.from));
  RawQuery source(db,
                  "SELECT id, key, outlet, title, author, published, url, text_path FROM sources NOT INDEXED "
                  "WHERE id >= ?1 AND id < ?2 AND story = ?3 ORDER BY id");
  bind_range(source, source_range);
  while (source.step()) {
    Source& s = story.sources.emplace_back();
    source_rows.add(source.integer(0));
    s.id.value = source.text(1);
    if (!source.null(2)) s.outlet = story.actors[actor_rows.at(source.integer(2), "actor")].id;
    s.title = source.text(3);
    s.author = source.text(4);
    if (!source.null(5)) s.published = Date::parse(source.text(5));
    s.url = source.text(6);
    s.text = source.text(7);
  }

  KeysByRow claim_rows;
  const RowRange claim_range = rows_of_story(db, "SELECT min(id), max(id) FROM claims WHERE story = ?", sid);
  story.claims.reserve(static_cast<std::size_t>(claim_range.to - claim_range.from));
  RawQuery claim(db,
                 "SELECT id, key, text, verdict_rating, verdict_by, verdict_date, verdict_url, "
                 "verdict_explanation FROM claims NOT INDEXED WHERE id >= ?1 AND id < ?2 AND story = ?3 ORDER BY id");
  bind_range(claim, claim_range);
  while (claim.step()) {
    Claim& c = story.claims.emplace_back();
    claim_rows.add(claim.integer(0));
    c.id.value = claim.text(1);
    c.text = claim.text(2);
    if (!claim.null(3)) {
      Verdict& v = c.verdict.emplace();
      v.rating = claim.text(3);
      if (!claim.null(4)) v.by = story.actors[actor_rows.at(claim.integer(4), "actor")].id;
      if (!claim.null(5)) v.date = Date::parse(claim.text(5));
      v.url = claim.text(6);
      v.explanation = claim.text(7);
    }
  }
  RawQuery about(db,
                 "SELECT o.claim, o.actor FROM claim_about o JOIN claims c NOT INDEXED ON c.id = o.claim "
                 "WHERE o.claim >= ?1 AND o.claim < ?2 AND c.story = ?3 ORDER BY o.claim, o.pos");
  bind_range(about, claim_range);
  while (about.step()) {
    story.claims[claim_rows.at(about.integer(0), "claim")].about.push_back(
        story.actors[actor_rows.at(about.integer(1), "actor")].id);
  }
  SQLite::Statement contradicts(db,
                                "SELECT o.claim, o.other FROM claim_contradicts o JOIN claims c NOT INDEXED "
                                "ON c.id = o.claim WHERE o.claim >= ?1 AND o.claim < ?2 AND c.story = ?3 "
                                "ORDER BY o.claim, o.pos");
  bind_range(contradicts, claim_range);
  while (contradicts.executeStep()) {
    story.claims[claim_rows.at(contradicts.getColumn(0).getInt64(), "claim")].contradicts.push_back(
        story.claims[claim_rows.at(contradicts.getColumn(1).getInt64(), "claim")].id);
  }

  grow.join();
  story.statements.resize(count);
  std::vector<RowLinks> rows_named(count);
  // The positions found on the way are kept for the graph (see ResolvedLinks).
  std::vector<StatementLinks>& resolved = story.links.statements;
  resolved.resize(count);
  const Lookups lookups{story,
                        actor_rows,
                        source_rows,
                        claim_rows,
                        ids_of(story.actors),
                        ids_of(story.sources),
                        ids_of(story.claims)};
  auto read = [&](const SQLite::Database& from_db, std::int64_t from, std::int64_t to, std::size_t at,
                  std::size_t room) {
    return read_statements(from_db, sid, {from, to}, lookups, story.statements.data() + at, rows_named.data() + at,
                           resolved.data() + at, room);
  };
  std::vector<std::int64_t> rows;
  if (count < kSplitLoadFrom || file.empty()) {
    rows = read(db, statement_range.from, statement_range.to, 0, count);
  } else {
    // The second half is read by another connection, on the other core,
    // while this one reads the first. Should that fail, or see the rows of
    // an import that committed in between, the half is read again here: the
    // result never depends on it.
    const std::size_t half = count / 2;
    std::int64_t split = statement_range.from + static_cast<std::int64_t>(half);
    if (count != span) {
      SQLite::Statement at_half(db, "SELECT id FROM statements WHERE story = ? ORDER BY id LIMIT 1 OFFSET ?");
      at_half.bind(1, sid);
      at_half.bind(2, static_cast<std::int64_t>(half));
      at_half.executeStep();
      split = at_half.getColumn(0).getInt64();
    }
    const std::int64_t imports = imports_counted(db);
    std::vector<std::int64_t> later;
    bool later_read = false;
    Beside helper([&] {
      try {
        SQLite::Database other(file, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
        other.exec("BEGIN");
        if (imports_counted(other) != imports) return;
        later = read(other, split, statement_range.to, half, count - half);
        later_read = later.size() == count - half;
      } catch (...) {
        // Read again below, where an error is reported as any other.
      }
    });
    rows = read(db, statement_range.from, split, 0, half);
    helper.join();
    if (!later_read) later = read(db, split, statement_range.to, half, count - half);
    rows.insert(rows.end(), later.begin(), later.end());
  }
  if (rows.size() != count) {
    throw Error(ErrorCode::kStorage, "the statements of story '" + story.id.value + "' changed while being read");
  }
  const KeysByRow statement_rows(std::move(rows));
  // Statements named by others, on every core: each is a read of a
  // statement anywhere in a third of a gigabyte.
  constexpr std::size_t kBlock = 4096;
  parallel_for((count + kBlock - 1) / kBlock, [&](std::size_t block) {
    for (std::size_t i = block * kBlock; i < std::min(count, (block + 1) * kBlock); ++i) {
      const auto [responds_to, repeats] = rows_named[i];
      StatementLinks& l = resolved[i];
      if (responds_to) {
        l.responds_to = static_cast<std::uint32_t>(statement_rows.at(responds_to, "statement"));
        story.statements[i].responds_to = story.statements[l.responds_to].id;
      }
      if (repeats) {
        l.repeats = static_cast<std::uint32_t>(statement_rows.at(repeats, "statement"));
        story.statements[i].repeats = story.statements[l.repeats].id;
      }
    }
  });
  return story;
}

// SQLite counts every allocation it makes under a process-wide mutex, for
// sqlite3_memory_used(), which gainsay never asks; an import of a million
// statements makes tens of millions of them (a tenth of its writing).
// It can be set only before SQLite's first use: it is set once, before the
// first connection is opened, and should SQLite be in use already (a test
// that opened a database itself), the call fails harmlessly.
void stop_counting_sqlite_memory() {
  static const int set = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(set);
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path, Mode mode) {
  stop_counting_sqlite_memory();
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
    // A connection is used by one thread at a time, so SQLite need not lock
    // its own mutex around every call (a tenth of loading a large story).
    const int access_flags = writable    ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE
                             : may_write ? SQLite::OPEN_READWRITE
                                         : SQLite::OPEN_READONLY;
    auto impl = std::make_unique<Impl>(path, access_flags | SQLite::OPEN_NOMUTEX);
    impl->writable = may_write;
    impl->file = path;
    // Enforcement stays off (see schema.cpp): an import writes references
    // to rows it writes later, having checked every one itself.
    impl->db.exec("PRAGMA foreign_keys = OFF");
    // Another gainsay may be importing: wait for it rather than fail.
    impl->db.setBusyTimeout(kBusyTimeoutMs);
    ensure_schema(impl->db, path.c_str(), writable, may_write);
    return Store(std::move(impl));
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::kStorage, path + ": cannot open as a gainsay database: " + e.what());
  }
}

Store Store::open_in_memory() {
  stop_counting_sqlite_memory();
  try {
    auto impl = std::make_unique<Impl>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    impl->writable = true;
    impl->db.exec("PRAGMA foreign_keys = OFF");
    impl->path = "the story files given";
    ensure_schema(impl->db, ":memory:", true, true);
    return Store(std::move(impl));
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::kStorage, std::string("cannot open an in-memory database: ") + e.what());
  }
}

void Store::import_stories(const std::vector<Story>& stories, Progress* progress) {
  const Story* current = nullptr;
  std::uint64_t written = 0;
  if (progress) {
    std::uint64_t total = 0;
    for (const Story& story : stories) total += story.statements.size();
    progress->stage("writing statements", total, Progress::Unit::kItems);
  }
  try {
    // IMMEDIATE takes the write lock now, so two imports queue instead of
    // deadlocking when both try to upgrade a read lock.
    // A large story outgrows SQLite's default 2 MB page cache many times over;
    // statement journals (for a constraint failing half-way) stay in memory.
    impl_->db.exec("PRAGMA cache_size = -131072");
    impl_->db.exec("PRAGMA temp_store = MEMORY");
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const Story& story : stories) {
      current = &story;
      insert_story(impl_->db, story, progress, written);
    }
    current = nullptr;
    impl_->db.exec("UPDATE state SET value = value + 1 WHERE name = 'imports'");
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
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kStorage) throw;
    throw Error(ErrorCode::kStorage, impl_->path + ": import failed" +
                                         (current ? " in story '" + current->id.value + "'" : std::string()) + ": " +
                                         e.what() + "; nothing was changed");
  }
}

std::vector<StorySummary> Store::stories() const {
  std::vector<StorySummary> out;
  try {
    SQLite::Statement query(impl_->db, R"sql(
      SELECT s.key, s.title, s.origin, s.imported_at,
        (SELECT count(*) FROM actors WHERE story = s.id),
        (SELECT count(*) FROM sources WHERE story = s.id),
        (SELECT count(*) FROM claims WHERE story = s.id),
        (SELECT count(*) FROM statements WHERE story = s.id)
      FROM stories s ORDER BY s.key)sql");
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
    SQLite::Statement head(impl_->db, "SELECT id, key, title, description, origin FROM stories ORDER BY key");
    while (head.executeStep()) {
      const StoryId id{head.getColumn(1).getString()};
      if (!only.empty() && std::find(only.begin(), only.end(), id) == only.end()) continue;
      out.push_back(load_story(impl_->db, head, impl_->file));
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
      // Tables without rowids (aliases, about, contradicts) give none.
      const std::string row = keys.getColumn(1).isNull() ? "" : " (rowid " + keys.getColumn(1).getString() + ")";
      problems.push_back("foreign_key_check: a row of " + keys.getColumn(0).getString() + row +
                         " refers to a missing row of " + keys.getColumn(2).getString());
    }
  } catch (const SQLite::Exception& e) {
    problems.push_back(std::string("the check itself failed: ") + e.what());
  }
  return problems;
}

int Store::schema_version() const { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace gainsay
