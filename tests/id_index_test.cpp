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
