#include "gainsay/date.h"

#include <doctest/doctest.h>

#include "gainsay/error.h"

using gainsay::Date;

namespace {

std::string parse_error(const char* text) {
  try {
    Date::parse(text);
  } catch (const gainsay::Error& e) {
    CHECK(e.code() == gainsay::ErrorCode::kInvalidData);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("Date: parses a year, a month or a day, keeping the precision") {
  const Date year = Date::parse("2022");
  CHECK(year.precision() == Date::Precision::kYear);
  CHECK(year.is_partial());
  CHECK(year.to_string() == "2022");
  const Date month = Date::parse("2022-08");
  CHECK(month.precision() == Date::Precision::kMonth);
  CHECK(month.month() == 8);
  CHECK(month.to_string() == "2022-08");
  const Date day = Date::parse("2022-08-31");
  CHECK(day.precision() == Date::Precision::kDay);
  CHECK_FALSE(day.is_partial());
  CHECK(day.day() == 31);
  CHECK(day.to_string() == "2022-08-31");
}

TEST_CASE("Date: rejects malformed text, naming the expected shape") {
  for (const char* text : {"", "22", "2022-8", "2022/08", "2022-08-31T10:00", "20a2", "2022-08-3x", "2022-"}) {
    CAPTURE(text);
    CHECK(parse_error(text).find("expected YYYY, YYYY-MM or YYYY-MM-DD") != std::string::npos);
  }
}

TEST_CASE("Date: rejects impossible months and days") {
  CHECK(parse_error("2022-13") == "invalid date '2022-13': month must be 01 to 12");
  CHECK(parse_error("2022-00-10") == "invalid date '2022-00-10': month must be 01 to 12");
  CHECK(parse_error("2022-02-30") == "invalid date '2022-02-30': February 2022 has 28 days");
  CHECK(parse_error("2022-04-31") == "invalid date '2022-04-31': April 2022 has 30 days");
  CHECK(parse_error("2022-01-00") == "invalid date '2022-01-00': January 2022 has 31 days");
  CHECK(parse_error("1900-02-29") == "invalid date '1900-02-29': February 1900 has 28 days");
  CHECK(Date::parse("2024-02-29").day() == 29);
  CHECK(Date::parse("2000-02-29").day() == 29);
}

TEST_CASE("Date: a partial date sorts before the full dates inside it") {
  CHECK(Date::parse("2022") < Date::parse("2022-01"));
  CHECK(Date::parse("2022-01") < Date::parse("2022-01-01"));
  CHECK(Date::parse("2022-01-31") < Date::parse("2022-02"));
  CHECK(Date::parse("2021-12-31") < Date::parse("2022"));
  CHECK(Date::parse("2022-08") == Date::parse("2022-08"));
}

TEST_CASE("Date: certainly_by and overlaps account for the span a partial date covers") {
  const Date august = Date::parse("2022-08");
  CHECK(august.certainly_by(Date::parse("2022-08-31")));
  CHECK_FALSE(august.certainly_by(Date::parse("2022-08-15")));
  CHECK(august.certainly_by(Date::parse("2022")));
  CHECK(Date::parse("2022-08-15").certainly_by(Date::parse("2022-08")));
  CHECK(august.overlaps(Date::parse("2022-08-31")));
  CHECK(august.overlaps(Date::parse("2022")));
  CHECK_FALSE(august.overlaps(Date::parse("2022-09-01")));
  CHECK(Date::parse("2022-12").last_day() - Date::parse("2022-12").first_day() == 30);
}
