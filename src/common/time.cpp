// Dates at a precision, day numbers and system-time stamps (include/annals/time.h).
#include "annals/time.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace annals {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
std::int64_t DayNumber(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date DateOfDay(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date::Day(y, m, d);
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  if (!AllDigits(s.substr(0, 4))) return std::nullopt;
  const int y = ToInt(s.substr(0, 4));
  if (s.size() == 4) return Date::Year(y);
  if (s[4] != '-' || !AllDigits(s.substr(5, 2))) return std::nullopt;
  const int m = ToInt(s.substr(5, 2));
  if (m < 1 || m > 12) return std::nullopt;
  if (s.size() == 7) return Date::Month(y, m);
  if (s[7] != '-' || !AllDigits(s.substr(8, 2))) return std::nullopt;
  const int d = ToInt(s.substr(8, 2));
  if (d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return Date::Day(y, m, d);
}

std::string Date::ToString() const {
  char buf[40];
  switch (precision) {
    case Precision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case Precision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case Precision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
  }
  return buf;
}

std::int64_t Date::FirstDay() const {
  switch (precision) {
    case Precision::kYear: return DayNumber(year, 1, 1);
    case Precision::kMonth: return DayNumber(year, month, 1);
    case Precision::kDay: break;
  }
  return DayNumber(year, month, day);
}

std::int64_t Date::LastDay() const {
  switch (precision) {
    case Precision::kYear: return DayNumber(year, 12, 31);
    case Precision::kMonth: return DayNumber(year, month, DaysInMonth(year, month));
    case Precision::kDay: break;
  }
  return DayNumber(year, month, day);
}

Timestamp Now() {
  const auto now = std::chrono::system_clock::now();
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(micros % 1000000));
  return buf;
}

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  if (text.size() == 10) {
    auto d = Date::Parse(text);
    if (!d) return std::nullopt;
    // A bare date means "as known at the end of that day".
    return std::string(text) + "T23:59:59.999999Z";
  }
  // YYYY-MM-DDTHH:MM:SS[.ffffff][Z]
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  if (!Date::Parse(text.substr(0, 10))) return std::nullopt;
  const std::string_view hms = text.substr(11, 8);
  if (hms[2] != ':' || hms[5] != ':' || !AllDigits(hms.substr(0, 2)) ||
      !AllDigits(hms.substr(3, 2)) || !AllDigits(hms.substr(6, 2)))
    return std::nullopt;
  // A timestamp is compared as text with stored ones, so an impossible time of day would
  // silently mean some other instant. UTC has no leap seconds in stored stamps.
  if (ToInt(hms.substr(0, 2)) > 23 || ToInt(hms.substr(3, 2)) > 59 || ToInt(hms.substr(6, 2)) > 59)
    return std::nullopt;
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest.back() == 'Z') rest.remove_suffix(1);
  std::string frac = "000000";
  if (!rest.empty()) {
    if (rest[0] != '.' || rest.size() > 7 || !AllDigits(rest.substr(1))) return std::nullopt;
    frac.replace(0, rest.size() - 1, rest.substr(1));
  }
  return std::string(text.substr(0, 10)) + "T" + std::string(hms) + "." + frac + "Z";
}

}  // namespace annals
