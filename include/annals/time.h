// annals/time.h: dates that keep their precision, and the day numbers that index them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

/// How much of a date is known. Stored on disk as these integers: frozen.
enum class Precision : int { kYear = 1, kMonth = 2, kDay = 3 };

/// A calendar date at a precision: `2018` is the whole year, not 2018-01-01.
struct Date {
  int year = 0;
  int month = 0;  ///< 1-12, or 0 at year precision.
  int day = 0;    ///< 1-31, or 0 at year or month precision.
  Precision precision = Precision::kDay;

  static Date Year(int y) { return {y, 0, 0, Precision::kYear}; }
  static Date Month(int y, int m) { return {y, m, 0, Precision::kMonth}; }
  static Date Day(int y, int m, int d) { return {y, m, d, Precision::kDay}; }

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nullopt if malformed or not a real date.
  static std::optional<Date> Parse(std::string_view iso);
  /// ISO 8601 at the date's own precision.
  std::string ToString() const;
  /// Day number (days since 1970-01-01) of the first and last day the date covers.
  std::int64_t FirstDay() const;
  std::int64_t LastDay() const;

  friend bool operator==(const Date&, const Date&) = default;
};

/// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t DayNumber(int year, int month, int day);
/// The day-precision date of a day number.
Date DateOfDay(std::int64_t day_number);

/// A possibly open interval of dates; either end may be unknown (nullopt).
struct DateRange {
  std::optional<Date> from;
  std::optional<Date> to;
};

/// A system-time instant: UTC, ISO 8601 with microseconds, e.g.
/// `2026-11-23T16:08:13.123456Z`. The fixed width makes text order equal time order.
using Timestamp = std::string;

/// The current system time as a Timestamp.
Timestamp Now();
/// Accepts a date (`2026-11-23`, meaning its end) or a full timestamp, with or without
/// fractional seconds and `Z`; nullopt if malformed or not a real date and time of day
/// (hours 00-23, minutes and seconds 00-59).
std::optional<Timestamp> ParseTimestamp(std::string_view text);

}  // namespace annals
