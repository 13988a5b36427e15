#include "gainsay/vocabulary.h"

#include <doctest/doctest.h>

using namespace gainsay;

TEST_CASE("Vocabulary: each stance counts as design.md says") {
  struct Row {
    const char* word;
    StanceClass counts_as;
  };
  const Row rows[] = {
      {"asserts", StanceClass::kFor},          {"corroborates", StanceClass::kFor},
      {"confirms", StanceClass::kFor},         {"partially-admits", StanceClass::kPartial},
      {"denies", StanceClass::kAgainst},       {"dismisses", StanceClass::kAgainst},
      {"disputes", StanceClass::kAgainst},     {"deflects", StanceClass::kEvasive},
      {"declines", StanceClass::kEvasive},     {"counter-accuses", StanceClass::kEvasive},
      {"retracts", StanceClass::kWithdrawn},
  };
  CHECK(stance_words().size() == std::size(rows));
  for (const Row& row : rows) {
    CAPTURE(row.word);
    const auto stance = parse_stance(row.word);
    REQUIRE(stance.has_value());
    CHECK(stance_class(*stance) == row.counts_as);
    CHECK(to_string(*stance) == row.word);
  }
  CHECK(is_against(Stance::kPartiallyAdmits));
  CHECK_FALSE(is_for(Stance::kPartiallyAdmits));
  CHECK_FALSE(is_against(Stance::kDeflects));
  CHECK_FALSE(is_for(Stance::kRetracts));
}

TEST_CASE("Vocabulary: words parse back and unknown words do not") {
  for (auto word : attribution_words()) CHECK(to_string(*parse_attribution(word)) == word);
  for (auto word : actor_kind_words()) CHECK(to_string(*parse_actor_kind(word)) == word);
  CHECK_FALSE(parse_stance("deny").has_value());
  CHECK_FALSE(parse_stance("Denies").has_value());
  CHECK_FALSE(parse_attribution("on record").has_value());
  CHECK_FALSE(parse_actor_kind("country").has_value());
}
