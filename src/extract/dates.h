// Time expressions of both languages, resolved against the publication date.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "annals/time.h"
#include "extract/knowledge.h"

namespace annals::extract {

struct TimeExpr {
  enum class Kind {
    kPoint,      ///< A date at a precision: `In 2018`, `September 2, 2021`, `2016年5月`.
    kRange,      ///< `from January 28 to February 4, 2007`, `2011年11月至2012年4月`.
    kSince,      ///< `since 1980`, `自2010年以来`: from then until publication.
    kPastYears,  ///< `over the past 40 years`, `近5年`: N years up to publication.
    kNow,        ///< `has now`, `so far`, `截至目前`: the publication date.
    kWholeYear,  ///< `for the whole year`: the year the bulletin reports on.
  };
  Kind kind = Kind::kPoint;
  std::size_t begin = 0;  ///< Chars of the searched text.
  std::size_t end = 0;
  DateRange range;        ///< Resolved; ends unknown without a publication date stay open.
  bool quoted = false;    ///< Inside quotation marks: part of a name, not the sentence's time.
  /// A time that names its year by another one (`同年10月`, `次年`, `the following year`):
  /// years after the year of the time it refers to, and the month and day it adds (0 for
  /// none). Unresolved (`range` open) until ResolveAnaphors gives it that year.
  struct Anaphor {
    int years = 0;
    int month = 0;
    int day = 0;
    bool same_date = false;  ///< `这一天`, `the same day`: the very date referred to.
  };
  std::optional<Anaphor> anaphor = std::nullopt;
  bool weekday = false;   ///< `on Wednesday`: dated from publication, yields to a date beside it.
};

/// True for a number the text can mean as a year: 1000 to 2100 (histories reach back,
/// plans ahead).
bool IsYear(double value);

/// Finds the time expressions of `folded` (matching form). `published` resolves relative
/// expressions (`now`, `past N years`, `since`); `frame_year` resolves `the whole year`.
std::vector<TimeExpr> FindTimes(std::u32string_view folded, const Knowledge& knowledge,
                                const std::optional<Date>& published,
                                std::optional<int> frame_year = std::nullopt);

/// Resolves the anaphoric times of `times` (in text order): each takes its year (or, for
/// `这一天`, its date) from the last resolved point, range or since before it, else from
/// `reference` (the time of the sentences before); without either it stays open.
void ResolveAnaphors(std::vector<TimeExpr>& times, const std::optional<Date>& reference);

}  // namespace annals::extract
