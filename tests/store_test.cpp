#include "gainsay/store.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <fstream>

#include "gainsay/error.h"
#include "gainsay/story_file.h"
#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::story_with;

namespace {

const std::string kRest = R"(claims:
  - id: shelled
    text: Freedonian artillery shelled the dam
    about: [freedonia]
    verdict: {rating: Unproven, by: bugle, date: 2031-06-20, explanation: No evidence.}
  - id: decay
    text: The dam failed from poor upkeep
    contradicts: [shelled]
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, source: bugle-0612,
     attribution: on-record, quote: "Their guns opened fire"}
  - {id: deny, by: free-officials, claim: shelled, stance: denies, responds_to: accuse, date: 2031-06,
     source: tv-0615, attribution: anonymous, note: no unit in range, via: state-tv}
  - {id: deny-again, by: free-officials, claim: shelled, stance: denies, repeats: deny}
)";

// A file-backed database in a fresh folder, removed afterwards.
// A folder of its own per test, so that tests run in parallel (ctest -j)
// never share one.
struct TempDir {
  std::filesystem::path path = [] {
    std::string name = (std::filesystem::temp_directory_path() / "gainsay_store_test_XXXXXX").string();
    if (!mkdtemp(name.data())) throw std::runtime_error("mkdtemp failed");
    return std::filesystem::path(name);
  }();
  TempDir() {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const char* name) const { return (path / name).string(); }
};

ErrorCode error_code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no error thrown");
  return ErrorCode::kIo;
}

}  // namespace

TEST_CASE("Store: a story comes back exactly as it went in") {
  Store store = Store::open_in_memory();
  const Story story = story_with(kRest);
  store.import_stories({story});
  const auto loaded = store.load();
  REQUIRE(loaded.size() == 1);
  CHECK(loaded[0] == story);
  CHECK(store.schema_version() == 3);
}

TEST_CASE("Store: importing a story again replaces it, and leaves other stories alone") {
  Store store = Store::open_in_memory();
  Story first = story_with(kRest);
  Story other = first;
  other.id = StoryId{"other"};
  store.import_stories({first, other});

  Story smaller = first;
  smaller.statements.resize(1);
  smaller.title = "Revised";
  store.import_stories({smaller});

  const auto summaries = store.stories();
  REQUIRE(summaries.size() == 2);
  CHECK(summaries[0].id.value == "dam");
  CHECK(summaries[0].title == "Revised");
  CHECK(summaries[0].statements == 1);
  CHECK(summaries[0].actors == 8);
  CHECK(summaries[0].sources == 3);
  CHECK(summaries[0].claims == 2);
  CHECK(summaries[1].id.value == "other");
  CHECK(summaries[1].statements == 3);
  CHECK(store.load({StoryId{"dam"}})[0] == smaller);
  CHECK(store.load({StoryId{"other"}})[0] == other);  // untouched, references and all
}

namespace {

// Gives rows `a` and `b` of `table` each other's rowid, and every reference
// to them (column `id` of `table`, then each table.column in `references`)
// each other's, through a rowid no row has.
void swap_rows(SQLite::Database& db, const std::string& table, std::int64_t a, std::int64_t b,
               const std::vector<std::pair<std::string, std::string>>& references) {
  auto renumber = [&](const std::string& in, const std::string& column) {
    using Step = std::pair<std::int64_t, std::int64_t>;  // from, to
    for (const Step& step : {Step{a, -1}, Step{b, a}, Step{-1, b}}) {
      SQLite::Statement update(db, "UPDATE " + in + " SET " + column + " = ? WHERE " + column + " = ?");
      update.bind(1, step.second);
      update.bind(2, step.first);
      update.exec();
    }
  };
  renumber(table, "id");
  for (const auto& [in, column] : references) renumber(in, column);
}

}  // namespace

TEST_CASE("issue 6: the store reads each story's rows alone where two stories' rows interleave") {
  // An import writes a story's rows with consecutive rowids, and a load
  // reads them by rowid between the story's first and last. Rows of another
  // story within that range, which an import never writes but another tool
  // might, are not taken.
  Story dam = story_with(kRest);
  Story other = dam;
  other.id = StoryId{"other"};
  other.actors[0].aliases = {"Ruritania"};
  TempDir dir;
  Store::open(dir.file("g.db"), Store::Mode::kReadWrite).import_stories({dam, other});
  {
    SQLite::Database db(dir.file("g.db"), SQLite::OPEN_READWRITE);
    // Each story's last row of a kind swaps with the other's first, so the
    // order within each story stays as it was.
    swap_rows(db, "actors", 8, 9,
              {{"actors", "member_of"}, {"actors", "affiliated_with"}, {"actor_aliases", "actor"},
               {"sources", "outlet"}, {"claims", "verdict_by"}, {"claim_about", "actor"},
               {"statements", "by_actor"}, {"statements", "via"}});
    swap_rows(db, "sources", 3, 4, {{"statements", "source"}});
    swap_rows(db, "claims", 2, 3,
              {{"claim_about", "claim"}, {"claim_contradicts", "claim"}, {"claim_contradicts", "other"},
               {"statements", "claim"}});
    swap_rows(db, "statements", 3, 4, {{"statements", "responds_to"}, {"statements", "repeats"}});
    SQLite::Statement dam_rows(db, "SELECT max(id) FROM actors WHERE story = 1");
    REQUIRE(dam_rows.executeStep());
    REQUIRE(dam_rows.getColumn(0).getInt64() == 9);
  }
  Store store = Store::open(dir.file("g.db"), Store::Mode::kReadOnly);
  CHECK(store.load({StoryId{"dam"}})[0] == dam);
  CHECK(store.load({StoryId{"other"}})[0] == other);
  const auto both = store.load();
  REQUIRE(both.size() == 2);
  CHECK(both[0] == dam);
  CHECK(both[1] == other);
  CHECK(store.integrity_problems().empty());
}

TEST_CASE("Store: a failed import changes nothing") {
  Store store = Store::open_in_memory();
  const Story good = story_with(kRest);
  store.import_stories({good});

  // A story that skipped validation: its statement names an actor that does
  // not exist, which the import finds while it writes.
  Story broken = good;
  broken.title = "Broken";
  broken.statements[0].by = ActorId{"nobody"};
  Story fresh = good;
  fresh.id = StoryId{"fresh"};
  try {
    store.import_stories({fresh, broken});
    FAIL("import should have failed");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kStorage);
    CHECK(std::string(e.what()).find("nothing was changed") != std::string::npos);
  }
  const auto loaded = store.load();
  REQUIRE(loaded.size() == 1);
  CHECK(loaded[0] == good);
}

TEST_CASE("Store: load names a story that is not there") {
  Store store = Store::open_in_memory();
  store.import_stories({story_with(kRest)});
  CHECK(error_code_of([&] { store.load({StoryId{"missing"}}); }) == ErrorCode::kNotFound);
}

TEST_CASE("Store: opening files") {
  TempDir dir;
  SUBCASE("read-only needs an existing database, and does not create one") {
    CHECK(error_code_of([&] { Store::open(dir.file("none.db"), Store::Mode::kReadOnly); }) == ErrorCode::kNotFound);
    CHECK_FALSE(std::filesystem::exists(dir.file("none.db")));
  }
  SUBCASE("read-write creates the schema; read-only then reads it") {
    {
      Store store = Store::open(dir.file("g.db"), Store::Mode::kReadWrite);
      store.import_stories({story_with(kRest)});
    }
    const Store store = Store::open(dir.file("g.db"), Store::Mode::kReadOnly);
    CHECK(store.schema_version() == 3);
    CHECK(store.stories().size() == 1);
    SQLite::Database raw(dir.file("g.db"));
    SQLite::Statement violations(raw, "PRAGMA foreign_key_check");
    CHECK_FALSE(violations.executeStep());
  }
  SUBCASE("a file that is not a database") {
    std::ofstream(dir.file("text.db")) << "this is not sqlite, it is a long enough line of text to matter\n";
    CHECK(error_code_of([&] { Store::open(dir.file("text.db"), Store::Mode::kReadWrite); }) == ErrorCode::kStorage);
  }
  SUBCASE("another program's database") {
    {
      SQLite::Database raw(dir.file("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      raw.exec("CREATE TABLE notes (x)");
    }
    CHECK(error_code_of([&] { Store::open(dir.file("other.db"), Store::Mode::kReadWrite); }) == ErrorCode::kStorage);
  }
  SUBCASE("a database from a newer gainsay") {
    {
      SQLite::Database raw(dir.file("new.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      raw.exec("PRAGMA user_version = 99");
    }
    CHECK(error_code_of([&] { Store::open(dir.file("new.db"), Store::Mode::kReadWrite); }) == ErrorCode::kStorage);
  }
}

TEST_CASE("issue 7: replacing a large story is linear, not quadratic") {
  // Schema 2 needed an index on every referring column for this; schema 3
  // deletes a story's rows table by table through its story index.
  std::string text = "claims:\n  - {id: c, text: C}\nstatements:\n";
  for (int i = 0; i < 20000; ++i) {
    text += "  - {id: s" + std::to_string(i) + ", by: ansel, claim: c, stance: asserts" +
            (i > 0 ? ", responds_to: s" + std::to_string(i - 1) : std::string()) + "}\n";
  }
  const Story story = story_with(text);
  TempDir dir;
  Store store = Store::open(dir.file("g.db"), Store::Mode::kReadWrite);
  store.import_stories({story});
  // Quadratic, this second import ran for minutes, past CTest's time limit.
  store.import_stories({story});
  CHECK(store.load()[0] == story);
}

namespace {

// A story large enough that the second half of its statements is read by
// another connection, on another thread (from 50,000); the links cross
// between the halves both ways.
Story large_story() {
  Story story = story_with(kRest);
  const std::size_t n = 60001;
  const std::size_t first = story.statements.size();
  for (std::size_t i = 0; i < n; ++i) {
    Statement s;
    s.id.value = "s" + std::to_string(i);
    s.by.value = i % 3 ? "ansel" : "free-officials";
    s.claim.value = i % 2 ? "shelled" : "decay";
    s.stance = i % 2 ? Stance::kAsserts : Stance::kDenies;
    if (i % 4) s.date = Date::from_ymd(2031, 1 + static_cast<int>(i % 12), 1 + static_cast<int>(i % 28));
    if (i % 5) s.source = SourceId{"bugle-0612"};
    if (i % 7 == 0) s.via = ActorId{"state-tv"};
    s.quote = "words number " + std::to_string(i);
    if (i % 2) s.responds_to = StatementId{"s" + std::to_string((i + n / 2) % n)};
    if (i % 3 == 0) s.repeats = StatementId{"s" + std::to_string((i + 1) % n)};
    story.statements.push_back(std::move(s));
  }
  REQUIRE(story.statements.size() == first + n);
  return story;
}

}  // namespace

TEST_CASE("issue 6: a large story, read half by a second connection, comes back exactly") {
  const Story story = large_story();
  TempDir dir;
  Store::open(dir.file("g.db"), Store::Mode::kReadWrite).import_stories({story});
  const auto loaded = Store::open(dir.file("g.db"), Store::Mode::kReadOnly).load();
  REQUIRE(loaded.size() == 1);
  CHECK(loaded[0].statements.size() == story.statements.size());
  CHECK(loaded[0] == story);
}

TEST_CASE("issue 6: a large story whose statements another story's interleave is split by count, not by rowid") {
  // The load splits a story's statements between two connections at the
  // middle of their rowids when they are consecutive, as an import writes
  // them; here one of another story's lies in the first half, so it must
  // count, and make the room for one statement less than the range.
  const Story large = large_story();
  Story small = story_with(kRest);
  small.id = StoryId{"small"};
  TempDir dir;
  Store::open(dir.file("g.db"), Store::Mode::kReadWrite).import_stories({small, large});
  {
    SQLite::Database db(dir.file("g.db"), SQLite::OPEN_READWRITE);
    auto row = [&](const char* sql) {
      SQLite::Statement query(db, sql);
      REQUIRE(query.executeStep());
      return query.getColumn(0).getInt64();
    };
    const std::int64_t last_of_small =
        row("SELECT max(s.id) FROM statements s JOIN stories t ON t.id = s.story WHERE t.key = 'small'");
    const std::int64_t first_of_large =
        row("SELECT min(s.id) FROM statements s JOIN stories t ON t.id = s.story WHERE t.key = 'dam'");
    REQUIRE(first_of_large == last_of_small + 1);
    swap_rows(db, "statements", last_of_small, first_of_large,
              {{"statements", "responds_to"}, {"statements", "repeats"}});
  }
  Store store = Store::open(dir.file("g.db"), Store::Mode::kReadOnly);
  const auto loaded = store.load();
  REQUIRE(loaded.size() == 2);
  CHECK(loaded[0] == large);
  CHECK(loaded[1] == small);
  gainsay::testing::check_links_name_their_ids(loaded[0]);
}

TEST_CASE("Store: a version-2 database written by gainsay 2 is upgraded in place, every record kept") {
  TempDir dir;
  const std::string path = dir.file("old.db");
  std::filesystem::copy_file(GAINSAY_LEGACY_DB, path);
  // The stories it was made from (by the gainsay of schema 2).
  std::vector<Story> expected;
  for (const char* file : {"hostile-text.yaml", "kessel-bridge.yaml", "interchange/reviews.jsonld"}) {
    StoryFilesResult read = read_story_files({std::string(GAINSAY_FIXTURES) + "/" + file});
    REQUIRE_FALSE(has_errors(read.diagnostics));
    for (Story& s : read.stories) {
      s.origin = s.origin.substr(s.origin.find("tests/fixtures/"));  // as recorded when the file was made
      expected.push_back(std::move(s));
    }
  }
  SUBCASE("read-only, it cannot be upgraded, and says so") {
    std::filesystem::permissions(path, std::filesystem::perms::owner_read, std::filesystem::perm_options::replace);
    if (access(path.c_str(), W_OK) == 0) return;  // running as root: every file is writable
    CHECK(error_code_of([&] { Store::open(path, Store::Mode::kReadOnly); }) == ErrorCode::kStorage);
  }
  SUBCASE("a reader with write access upgrades it") {
    const Store store = Store::open(path, Store::Mode::kReadOnly);
    CHECK(store.schema_version() == 3);
    const std::vector<Story> loaded = store.load();
    REQUIRE(loaded.size() == expected.size());
    for (std::size_t i = 0; i < loaded.size(); ++i) {
      CAPTURE(loaded[i].id.value);
      CHECK(loaded[i] == expected[i]);
    }
    CHECK(store.integrity_problems().empty());
    SQLite::Database raw(path);
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'v2_%'").getInt() == 0);
    CHECK(raw.execAndGet("SELECT count(*) FROM stories WHERE imported_at LIKE '2026-%'").getInt() == 3);
  }
  SUBCASE("a large version-2 story with long answer chains is upgraded in linear time") {
    // Quadratic, 40,000 linked statements took many minutes, past the time limit.
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(R"sql(
        INSERT INTO stories (id, title, imported_at) VALUES ('chain', 'Chain', '2026-11-20T00:00:00Z');
        INSERT INTO actors (story_id, id, pos, name, kind) VALUES ('chain', 'a', 0, 'A', 'person');
        INSERT INTO claims (story_id, id, pos, text) VALUES ('chain', 'c', 0, 'C');
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 39999)
        INSERT INTO statements (story_id, id, pos, by_actor, claim_id, stance, attribution, responds_to, repeats)
          SELECT 'chain', 's' || i, i, 'a', 'c', 'asserts', 'unknown',
                 CASE WHEN i > 0 THEN 's' || (i - 1) END, CASE WHEN i > 1 THEN 's' || (i - 2) END FROM n;
      )sql");
    }
    Store store = Store::open(path, Store::Mode::kReadWrite);
    const Story chain = store.load({StoryId{"chain"}}).at(0);
    REQUIRE(chain.statements.size() == 40000);
    CHECK(chain.statements[0].responds_to == std::nullopt);
    CHECK(chain.statements[39999].responds_to->value == "s39998");
    CHECK(chain.statements[39999].repeats->value == "s39997");
    CHECK(store.integrity_problems().empty());
  }
  SUBCASE("a version-2 database with a dangling reference is refused, not half copied") {
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("PRAGMA foreign_keys = OFF");
      raw.exec("UPDATE statements SET by_actor = 'nobody' WHERE rowid = (SELECT min(rowid) FROM statements)");
    }
    CHECK(error_code_of([&] { Store::open(path, Store::Mode::kReadWrite); }) == ErrorCode::kStorage);
    SQLite::Database raw(path);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 2);  // left as it was
  }
  SUBCASE("version 1 (the same tables, fewer indexes) is upgraded the same way") {
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("DROP INDEX statements_responds_to; DROP INDEX statements_via; PRAGMA user_version = 1");
    }
    Store store = Store::open(path, Store::Mode::kReadWrite);
    CHECK(store.schema_version() == 3);
    CHECK(store.load() == expected);
  }
}

TEST_CASE("issue 6: the store writes references by the links a reader left only where they hold, and leaves its own") {
  Story story = story_with(kRest);
  // Wrong links: each reference is still written to the record its id names.
  story.links.statements.assign(story.statements.size(), StatementLinks{0, 1, 2, 0, 2, 0});
  Store store = Store::open_in_memory();
  store.import_stories({story});
  const auto loaded = store.load();
  REQUIRE(loaded.size() == 1);
  CHECK(loaded[0] == story);
  // The loaded story's links are the positions of what its ids name.
  const Story& back = loaded[0];
  gainsay::testing::check_links_name_their_ids(back);
}

TEST_CASE("issue 6: the store refuses two statements with one id, with links or without, and writes nothing") {
  Store store = Store::open_in_memory();
  const Story good = story_with(kRest);
  store.import_stories({good});
  Story twice = good;
  twice.id = StoryId{"twice"};
  twice.statements.push_back(twice.statements[2]);
  SUBCASE("without links") { twice.links.statements.clear(); }
  SUBCASE("with links that hold") {
    // As a reader would leave them, the copy's pointing at the original.
    twice.links = store.load()[0].links;
    twice.links.statements.push_back(twice.links.statements[2]);
  }
  SUBCASE("with links, and an unknown actor found while writing claims") {
    twice.links = store.load()[0].links;
    twice.links.statements.push_back(twice.links.statements[2]);
    twice.claims[0].about.push_back(ActorId{"nobody"});
  }
  try {
    store.import_stories({twice});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kStorage);
    CHECK(std::string(e.what()) ==
          "the story files given: import failed in story 'twice': two statements with the id 'deny-again'; nothing was changed");
  }
  REQUIRE(store.stories().size() == 1);
  CHECK(store.load()[0] == good);
}
