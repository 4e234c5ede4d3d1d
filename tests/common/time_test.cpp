// Dates at their precision, day numbers and system-time stamps.
#include <catch2/catch.hpp>

#include "annals/time.h"

using annals::Date;
using annals::Precision;

TEST_CASE("dates parse and print at their own precision", "[time]") {
  CHECK(Date::Parse("2018")->precision == Precision::kYear);
  CHECK(Date::Parse("2018-12")->ToString() == "2018-12");
  CHECK(Date::Parse("2018-12-19")->ToString() == "2018-12-19");
  CHECK_FALSE(Date::Parse("2018-13"));
  CHECK_FALSE(Date::Parse("2019-02-29"));
  CHECK(Date::Parse("2020-02-29"));
  CHECK_FALSE(Date::Parse("18-12-19"));
  CHECK_FALSE(Date::Parse("2018/12/19"));
}

TEST_CASE("a date covers the days of its precision", "[time]") {
  const Date year = *Date::Parse("2018");
  CHECK(year.FirstDay() == annals::DayNumber(2018, 1, 1));
  CHECK(year.LastDay() == annals::DayNumber(2018, 12, 31));
  const Date feb = *Date::Parse("2020-02");
  CHECK(feb.LastDay() - feb.FirstDay() == 28);
  CHECK(annals::DayNumber(1970, 1, 1) == 0);
  for (std::int64_t day : {-1000, 0, 17884, 20000, 100000})
    CHECK(annals::DateOfDay(day).FirstDay() == day);
}

TEST_CASE("timestamps are fixed-width UTC and accept dates", "[time]") {
  const auto now = annals::Now();
  CHECK(now.size() == 27);
  CHECK(now.back() == 'Z');
  CHECK(annals::ParseTimestamp("2026-11-23") == "2026-11-23T23:59:59.999999Z");
  CHECK(annals::ParseTimestamp("2026-11-23T10:00:00") == "2026-11-23T10:00:00.000000Z");
  CHECK(annals::ParseTimestamp("2026-11-23T10:00:00.5Z") == "2026-11-23T10:00:00.500000Z");
  CHECK_FALSE(annals::ParseTimestamp("yesterday"));
  CHECK_FALSE(annals::ParseTimestamp("2026-11-23T25"));
  CHECK_FALSE(annals::ParseTimestamp("2019-01-01T25:61:00"));
  CHECK_FALSE(annals::ParseTimestamp("2019-01-01T24:00:00"));
  CHECK_FALSE(annals::ParseTimestamp("2019-01-01T23:60:00"));
  CHECK_FALSE(annals::ParseTimestamp("2019-01-01T23:59:60"));
  CHECK(annals::ParseTimestamp("2019-01-01T23:59:59") == "2019-01-01T23:59:59.000000Z");
}
