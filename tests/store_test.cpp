#include "gainsay/store.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <fstream>

#include "gainsay/error.h"
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
  CHECK(store.schema_version() == 2);
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
}

TEST_CASE("Store: a failed import changes nothing") {
  Store store = Store::open_in_memory();
  const Story good = story_with(kRest);
  store.import_stories({good});

  // A story that skipped validation: its statement names an actor that does
  // not exist, which the deferred foreign key catches at commit.
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
    CHECK(store.schema_version() == 2);
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

TEST_CASE("issue 7: every column that refers to another row is indexed, so replacing a story is not quadratic") {
  // Deleting a story's rows checks each foreign key pointing at them; with
  // no index on the referring column each check scanned the table.
  TempDir dir;
  { Store store = Store::open(dir.file("g.db"), Store::Mode::kReadWrite); }
  SQLite::Database raw(dir.file("g.db"));
  for (const char* index : {"statements_responds_to", "statements_repeats", "statements_by_actor", "statements_source",
                            "statements_via", "actors_member_of", "sources_outlet", "claim_about_actor"}) {
    CAPTURE(index);
    SQLite::Statement query(raw, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = ?");
    query.bind(1, index);
    REQUIRE(query.executeStep());
    CHECK(query.getColumn(0).getInt() == 1);
  }
}

TEST_CASE("Store: a version-1 database is upgraded, its stories kept") {
  TempDir dir;
  const Story story = story_with(kRest);
  {
    Store store = Store::open(dir.file("old.db"), Store::Mode::kReadWrite);
    store.import_stories({story});
  }
  {
    SQLite::Database raw(dir.file("old.db"), SQLite::OPEN_READWRITE);
    raw.exec("DROP INDEX statements_responds_to; DROP INDEX statements_via; PRAGMA user_version = 1");
  }
  // Read-only, it is read as it is; read-write, it gains the indexes.
  CHECK(Store::open(dir.file("old.db"), Store::Mode::kReadOnly).load()[0] == story);
  Store store = Store::open(dir.file("old.db"), Store::Mode::kReadWrite);
  CHECK(store.schema_version() == 2);
  CHECK(store.load()[0] == story);
  SQLite::Database raw(dir.file("old.db"));
  CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'statements_responds_to'").getInt() == 1);
}
