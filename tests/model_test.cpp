#include "gainsay/model.h"

#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>

using namespace gainsay;

TEST_CASE("OptionalId: absent or an id, as std::optional, in the room of the id") {
  OptionalId<StatementId> none;
  CHECK_FALSE(none);
  CHECK_FALSE(none.has_value());
  CHECK_THROWS_AS(none.value(), std::bad_optional_access);
  CHECK(static_cast<std::optional<StatementId>>(none) == std::nullopt);

  OptionalId<StatementId> some = StatementId{"deny"};
  REQUIRE(some);
  CHECK(some->value == "deny");
  CHECK((*some).value == "deny");
  CHECK(static_cast<std::optional<StatementId>>(some) == StatementId{"deny"});
  CHECK(some != none);
  CHECK(some == OptionalId<StatementId>(std::optional<StatementId>(StatementId{"deny"})));

  some = std::nullopt;
  CHECK_FALSE(some);
  CHECK(some == none);

  CHECK(sizeof(OptionalId<StatementId>) == sizeof(StatementId));
}

TEST_CASE("Statement: a statement equals its copy, and differs when a reference goes") {
  Statement s;
  s.id = StatementId{"deny"};
  s.by = ActorId{"ansel"};
  s.claim = ClaimId{"shelled"};
  s.responds_to = StatementId{"accuse"};
  Statement t = s;
  CHECK(t == s);
  t.responds_to.reset();
  CHECK_FALSE(t == s);
}
