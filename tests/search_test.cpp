#include "gainsay/search.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "gainsay/error.h"
#include "gainsay/store.h"
#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::story_with;

namespace {

const std::string kRest = R"(claims:
  - id: shelled
    text: Freedonian artillery shelled the dam at night
    about: [freedonia]
  - id: decay
    text: The dam failed from years of poor upkeep
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, date: 2031-06-11, quote: "Their guns opened fire on the dam"}
  - {id: deny, by: marsh, claim: shelled, stance: denies, date: 2031-06-20, note: blamed the flood on neglect}
  - {id: upkeep, by: marsh, claim: decay, stance: asserts, date: 2031-07-02, quote: "Nobody repaired the sluice gates"}
)";

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& hit : hits) out.push_back(hit.statement ? hit.statement->value : "claim:" + hit.claim.value);
  return out;
}

struct TempDir {
  std::filesystem::path path = [] {
    std::string name = (std::filesystem::temp_directory_path() / "gainsay_search_test_XXXXXX").string();
    if (!mkdtemp(name.data())) throw std::runtime_error("mkdtemp failed");
    return std::filesystem::path(name);
  }();
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const char* name) const { return (path / name).string(); }
};

}  // namespace

TEST_CASE("search: claims by their text, statements by quote, note and speaker") {
  Store store = Store::open_in_memory();
  store.import_stories({story_with(kRest)});
  CHECK(ids(store.search({"guns"}, {}, 0)) == std::vector<std::string>{"accuse"});
  CHECK(ids(store.search({"neglect"}, {}, 0)) == std::vector<std::string>{"deny"});
  CHECK(ids(store.search({"upkeep"}, {}, 0)) == std::vector<std::string>{"claim:decay"});
  // A speaker by name or alias finds their statements, whatever they said.
  CHECK(ids(store.search({"Marsh"}, {}, 0)) == std::vector<std::string>{"deny", "upkeep"});
  CHECK(ids(store.search({"Petra"}, {}, 0)) == std::vector<std::string>{"accuse"});
  // Every phrase must occur: the claim text and the speaker together.
  CHECK(ids(store.search({"marsh", "sluice"}, {}, 0)) == std::vector<std::string>{"upkeep"});
  const auto hit = store.search({"sluice"}, {}, 0).at(0);
  CHECK(hit.story.value == "dam");
  CHECK(hit.claim.value == "decay");
  CHECK(hit.speaker == "Minister Oda Marsh");
  CHECK(hit.stance == Stance::kAsserts);
  CHECK(hit.date->to_string() == "2031-07-02");
  CHECK(hit.snippet == "Nobody repaired the [sluice] gates");
}

TEST_CASE("search: a phrase keeps its word order, * asks for a prefix, accents and case do not matter") {
  Store store = Store::open_in_memory();
  store.import_stories({story_with(kRest)});
  CHECK(ids(store.search({"opened fire"}, {}, 0)) == std::vector<std::string>{"accuse"});
  CHECK(store.search({"fire opened"}, {}, 0).empty());
  CHECK(ids(store.search({"artill*"}, {}, 0)) == std::vector<std::string>{"claim:shelled"});
  CHECK(ids(store.search({"ARTILLÉRY"}, {}, 0)) == std::vector<std::string>{"claim:shelled"});
}

TEST_CASE("search: the best match first, and a limit") {
  Store store = Store::open_in_memory();
  store.import_stories({story_with(kRest)});
  // "dam" is in both claims and one quote; the shortest text that has it
  // ranks first under bm25.
  const auto all = store.search({"dam"}, {}, 0);
  REQUIRE(all.size() == 3);
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].score <= all[i].score);
  CHECK(store.search({"dam"}, {}, 2).size() == 2);
}

TEST_CASE("search: words that look like query syntax are only words") {
  Store store = Store::open_in_memory();
  store.import_stories({story_with(kRest)});
  for (const char* hostile : {"\"", "AND", "OR dam", "NOT", "dam)", "'; DROP TABLE claims; --", "NEAR(dam fire)", "^dam",
                              "col:dam", "dam*"}) {
    CAPTURE(hostile);
    CHECK_NOTHROW(store.search({hostile}, {}, 0));
  }
  CHECK(store.load().at(0).claims.size() == 2);
  CHECK_THROWS_AS(store.search({"  "}, {}, 0), Error);
  CHECK_THROWS_AS(store.search({"*"}, {}, 0), Error);
  CHECK_THROWS_AS(store.search({}, {}, 0), Error);
}

TEST_CASE("search: the index follows imports") {
  TempDir dir;
  const std::string db = dir.file("g.db");
  {
    Store store = Store::open(db, Store::Mode::kReadWrite);
    store.import_stories({story_with(kRest)});
    CHECK(store.search({"sluice"}, {}, 0).size() == 1);
    std::string changed = kRest;
    changed.replace(changed.find("sluice gates"), 12, "spillway");
    store.import_stories({story_with(changed)});
    CHECK(store.search({"sluice"}, {}, 0).empty());
    CHECK(store.search({"spillway"}, {}, 0).size() == 1);
  }
  SUBCASE("a reader uses the index that is there") {
    const Store reader = Store::open(db, Store::Mode::kReadOnly);
    CHECK(reader.search({"spillway"}, {}, 0).size() == 1);
  }
  SUBCASE("a read-only file without a current index says what it needs") {
    {
      SQLite::Database raw(db, SQLite::OPEN_READWRITE);
      raw.exec("UPDATE state SET value = value + 1 WHERE name = 'imports'");
    }
    std::filesystem::permissions(db, std::filesystem::perms::owner_read, std::filesystem::perm_options::replace);
    if (access(db.c_str(), W_OK) == 0) return;  // root may write anything
    const Store reader = Store::open(db, Store::Mode::kReadOnly);
    try {
      reader.search({"spillway"}, {}, 0);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kStorage);
      CHECK(std::string(e.what()).find("write access") != std::string::npos);
    }
  }
}

TEST_CASE("search_table: the report filters apply as in every report") {
  TempDir dir;
  const std::string file = dir.file("dam.yaml");
  std::ofstream(file) << testing::kActors << kRest;
  const InputOptions input{{file}, ""};
  auto column = [](const Table& table, const char* name) {
    const auto at = std::find(table.columns.begin(), table.columns.end(), name) - table.columns.begin();
    std::vector<std::string> out;
    for (const auto& row : table.rows) out.push_back(row[static_cast<std::size_t>(at)]);
    return out;
  };
  ReportFilter none;
  CHECK(column(search_table(input, {"dam"}, none, 0), "kind").size() == 3);
  ReportFilter ruritania;
  ruritania.side = "ruritania";  // speaks only on the shelling claim
  CHECK(column(search_table(input, {"dam"}, ruritania, 0), "claim") == std::vector<std::string>{"shelled", "shelled"});
  ReportFilter july;
  july.since = Date::parse("2031-07");
  CHECK(column(search_table(input, {"marsh"}, july, 0), "statement") == std::vector<std::string>{"upkeep"});
  const Table table = search_table(input, {"sluice"}, none, 0);
  CHECK(column(table, "rank") == std::vector<std::string>{"1"});
  CHECK(column(table, "speaker") == std::vector<std::string>{"Minister Oda Marsh"});
  ReportFilter elsewhere;
  elsewhere.story = StoryId{"nowhere"};
  CHECK_THROWS_AS(search_table(input, {"dam"}, elsewhere, 0), Error);
}
