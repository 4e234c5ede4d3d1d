// annals/query.h: questions over the three times, and their answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/time.h"

namespace annals {

/// Filters of a claim query. Every filter left empty matches everything.
struct ClaimQuery {
  std::optional<std::string> subject;  ///< Canonical name or any known alias, any case.
  std::optional<std::string> metric;
  std::optional<PartnerClass> partner_class;
  std::optional<ClaimKind> kind;
  /// Record time: only statements on the public record on this date.
  std::optional<Date> as_reported_on;
  /// Valid time: only facts that held at some point of [valid_from, valid_to]. A claim with
  /// an open end matches on that side.
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  /// System time: rows this database held at that instant; nullopt means now.
  std::optional<Timestamp> as_known_at;
  std::optional<std::int64_t> limit;
};

/// One claim of an answer, with what the answer knows about it.
struct ClaimAnswer {
  Claim claim;
  /// True when the claim comes from the latest report (by publication date) among those
  /// giving the same subject and metric in this answer.
  bool latest = false;
  /// Ids of claims in this answer, from other reports, that give a different value for the
  /// same subject, metric and partner class.
  std::vector<std::int64_t> conflicts_with;
};

struct QueryResult {
  std::vector<ClaimAnswer> claims;
  /// When `claims` is empty: why nothing on record answers (e.g. the earliest report on
  /// that subject and metric is later than the as-reported date). Empty otherwise.
  std::string explanation;
};

}  // namespace annals
