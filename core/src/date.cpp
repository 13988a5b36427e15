#include "gainsay/date.h"

#include <string>

#include "gainsay/error.h"

namespace gainsay {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Reads exactly `n` digits at `pos`, or returns -1.
int digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

[[noreturn]] void fail(std::string_view text, const std::string& why) {
  throw Error(ErrorCode::kInvalidData, "invalid date '" + std::string(text) + "': " + why);
}

}  // namespace

Date Date::parse(std::string_view text) {
  const int year = digits(text, 0, 4);
  if (year < 0 || !(text.size() == 4 || text.size() == 7 || text.size() == 10) ||
      (text.size() > 4 && text[4] != '-') || (text.size() > 7 && text[7] != '-')) {
    fail(text, "expected YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (year == 0) fail(text, "year must be 0001 to 9999");
  if (text.size() == 4) return Date(year, 0, 0, Precision::kYear);

  const int month = digits(text, 5, 2);
  if (month < 0) fail(text, "expected YYYY, YYYY-MM or YYYY-MM-DD");
  if (month < 1 || month > 12) fail(text, "month must be 01 to 12");
  if (text.size() == 7) return Date(year, month, 0, Precision::kMonth);

  const int day = digits(text, 8, 2);
  if (day < 0) fail(text, "expected YYYY, YYYY-MM or YYYY-MM-DD");
  const int last = days_in_month(year, month);
  if (day < 1 || day > last) {
    fail(text, std::string(kMonthNames[month - 1]) + " " + std::to_string(year) + " has " +
                   std::to_string(last) + " days");
  }
  return Date(year, month, day, Precision::kDay);
}

Date Date::from_ymd(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return parse(buffer);
}

long Date::first_day() const {
  return days_from_civil(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

long Date::last_day() const {
  switch (precision_) {
    case Precision::kYear:
      return days_from_civil(year_, 12, 31);
    case Precision::kMonth:
      return days_from_civil(year_, month_, days_in_month(year_, month_));
    case Precision::kDay:
      break;
  }
  return days_from_civil(year_, month_, day_);
}

bool Date::certainly_by(const Date& other) const { return last_day() <= other.last_day(); }

bool Date::overlaps(const Date& other) const {
  return first_day() <= other.last_day() && other.first_day() <= last_day();
}

std::string Date::to_string() const {
  // By hand rather than snprintf: a large import writes a date per row.
  auto digits = [](char* at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
  };
  char buffer[10];
  digits(buffer, year_, 4);
  if (precision_ == Precision::kYear) return std::string(buffer, 4);
  buffer[4] = '-';
  digits(buffer + 5, month_, 2);
  if (precision_ == Precision::kMonth) return std::string(buffer, 7);
  buffer[7] = '-';
  digits(buffer + 8, day_, 2);
  return std::string(buffer, 10);
}

}  // namespace gainsay
