// annals/catalog.h: what the database knows about, so that a new user finds what to ask.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/time.h"

namespace annals {

/// Which claims to summarise: the current rows on record on `as_reported_on` (nullopt:
/// every current row, whatever its record time).
struct CatalogQuery {
  std::optional<std::string> subject;  ///< For metrics: only this subject's (any name).
  std::optional<ClaimKind> kind;
  std::optional<Date> as_reported_on;
};

/// One subject, or one metric of one kind, with how much is known about it.
struct CatalogEntry {
  std::string name;  ///< The subject's canonical name, or the metric.
  std::optional<ClaimKind> kind;  ///< Metrics: the kind of claim; subjects: nullopt.
  std::int64_t claims = 0;
  std::int64_t counts = 0, events = 0, relations = 0;
  std::int64_t reports = 0;  ///< Distinct bulletin versions stating them.
  std::optional<Date> first_reported, last_reported;  ///< Record time: earliest, latest.
  std::optional<Date> first_valid, last_valid;        ///< Valid time: earliest, latest.
};

}  // namespace annals
