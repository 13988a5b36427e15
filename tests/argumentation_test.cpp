#include "gainsay/argumentation.h"

#include <doctest/doctest.h>

#include <sstream>

#include "gainsay/error.h"

using namespace gainsay;

namespace {

// "a:in b:out ..." for the framework written in apx.
std::string labels_of(const std::string& apx) {
  const Framework f = parse_apx(apx);
  const auto labels = grounded_labelling(f);
  std::string out;
  for (std::size_t a = 0; a < f.size(); ++a) out += (out.empty() ? "" : " ") + f.name(a) + ":" + std::string(to_string(labels[a]));
  return out;
}

}  // namespace

TEST_CASE("Argumentation: grounded labelling of chains, cycles and odd loops") {
  CHECK(labels_of("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n") == "a:in b:out c:in");
  CHECK(labels_of("arg(a).\narg(b).\natt(a,b).\natt(b,a).\n") == "a:undecided b:undecided");
  CHECK(labels_of("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(c,a).\n") ==
        "a:undecided b:undecided c:undecided");
  // A self-attacker is undecided; an unattacked attacker of it reinstates what it attacked.
  CHECK(labels_of("arg(a).\narg(b).\natt(a,a).\natt(a,b).\n") == "a:undecided b:undecided");
  CHECK(labels_of("arg(a).\narg(b).\narg(c).\natt(a,a).\natt(a,b).\natt(c,a).\n") == "a:out b:in c:in");
  // Two attackers: one in is enough to defeat.
  CHECK(labels_of("arg(a).\narg(b).\narg(c).\narg(d).\natt(c,d).\natt(d,c).\natt(a,b).\natt(c,b).\n") ==
        "a:in b:out c:undecided d:undecided");
  CHECK(labels_of("").empty());
}

TEST_CASE("Argumentation: apx round trip, comments, and errors with their line") {
  Framework f;
  const auto a = f.add_argument("a");
  const auto b = f.add_argument("b_2");
  f.add_attack(a, b);
  f.add_attack(a, b);  // an attack is a relation: given twice, it is one
  CHECK(f.attack_count() == 1);
  std::ostringstream out;
  write_apx(out, f);
  CHECK(out.str() == "arg(a).\narg(b_2).\natt(a,b_2).\n");
  CHECK(parse_apx("% a comment\n arg( a ). \r\narg(b).\natt(a, b).\n").attack_count() == 1);
  CHECK_THROWS_WITH_AS(parse_apx("arg(a).\natt(a,z).\n"), "apx line 2: attack on undeclared argument 'z'", Error);
  CHECK_THROWS_WITH_AS(parse_apx("arg(a).\narg(a).\n"), "apx line 2: argument 'a' declared twice", Error);
  CHECK_THROWS_WITH_AS(parse_apx("argue(a).\n"), "apx line 1: expected arg(a). or att(a,b).", Error);
}
