// Date: a calendar date known to a year, a month or a day, as news reports
// give them ("in 2022", "last August", "on 31 August 2022").
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace gainsay {

class Date {
 public:
  enum class Precision : std::uint8_t { kYear, kMonth, kDay };

  // Parses "2022", "2022-08" or "2022-08-31". Throws Error(kInvalidData)
  // naming what is wrong: the shape, a month out of range, or a day that the
  // month does not have.
  static Date parse(std::string_view text);
  static Date from_ymd(int year, int month, int day);

  int year() const { return year_; }
  int month() const { return month_; }  // 0 when precision is kYear
  int day() const { return day_; }      // 0 unless precision is kDay
  Precision precision() const { return precision_; }
  bool is_partial() const { return precision_ != Precision::kDay; }

  // The first and last day that the date may stand for, as day numbers
  // comparable with each other (days since 1970-01-01).
  long first_day() const;
  long last_day() const;

  // True when every day this date may stand for is on or before `other`'s
  // last day: the event had certainly happened by then.
  bool certainly_by(const Date& other) const;
  // True when the two dates may stand for the same day, so their order is
  // not known ("2022-08" and "2022-08-31").
  bool overlaps(const Date& other) const;

  std::string to_string() const;

  // Orders by year, then month, then day, with a partial date before the
  // full dates inside it: 2022 < 2022-01 < 2022-01-01.
  auto operator<=>(const Date& other) const {
    if (auto c = year_ <=> other.year_; c != 0) return c;
    if (auto c = month_ <=> other.month_; c != 0) return c;
    return day_ <=> other.day_;
  }
  bool operator==(const Date& other) const = default;

 private:
  Date(int year, int month, int day, Precision precision)
      : year_(static_cast<std::int16_t>(year)),
        month_(static_cast<std::uint8_t>(month)),
        day_(static_cast<std::uint8_t>(day)),
        precision_(precision) {}

  // Six bytes: a story may hold millions of dated statements.
  std::int16_t year_;  // 0 to 9999, as parse reads four digits
  std::uint8_t month_;
  std::uint8_t day_;
  Precision precision_;
};

}  // namespace gainsay
