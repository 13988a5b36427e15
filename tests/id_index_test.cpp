#include "id_index.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gainsay;

TEST_CASE("IdIndex: positions in insertion order, duplicates found, absent keys not") {
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("s" + std::to_string(i));
  IdIndex index;  // grows from empty through many rehashes
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto [position, fresh] = index.insert(keys[i]);
    CHECK(fresh);
    CHECK(position == i);
  }
  CHECK(index.size() == keys.size());
  const auto [position, fresh] = index.insert(keys[1234]);
  CHECK_FALSE(fresh);
  CHECK(position == 1234);
  for (std::size_t i = 0; i < keys.size(); i += 97) CHECK(index.find(keys[i]) == i);
  CHECK_FALSE(index.find("s5000"));
  CHECK_FALSE(index.find(""));
  CHECK(index.insert("").second);  // the empty key is a key like any other
  CHECK(index.find("") == keys.size());
  // The index keeps its own copies of the keys.
  std::string transient = "temporary";
  index.insert(transient);
  transient = "overwritten";
  CHECK(index.find("temporary") == keys.size() + 1);
  CHECK_FALSE(index.find("overwritten"));
}

TEST_CASE("IdIndex: each_prepared visits every position in turn with its own key's hash, and may insert as it goes") {
  for (const std::size_t count : {std::size_t{0}, std::size_t{3}, std::size_t{8}, std::size_t{9}, std::size_t{40}}) {
    CAPTURE(count);
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < count; ++i) keys.push_back("key-" + std::to_string(i * 7919 % 1000));
    IdIndex index(count);
    const IdIndex reference;
    std::vector<std::size_t> visited;
    index.each_prepared(
        count, [&](std::size_t i) -> const std::string& { return keys[i]; },
        [&](std::size_t i, std::uint64_t hash) {
          visited.push_back(i);
          CHECK(hash == reference.prepare(keys[i]));
          CHECK(index.insert(keys[i], hash).first == i);
        });
    std::vector<std::size_t> in_turn(count);
    for (std::size_t i = 0; i < count; ++i) in_turn[i] = i;
    CHECK(visited == in_turn);
    for (std::size_t i = 0; i < count; ++i) CHECK(index.find(keys[i]) == i);
  }
}
