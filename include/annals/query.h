// annals/query.h: questions over the three times, and their answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/time.h"

namespace annals {

/// How an answer chooses among claims that state the same thing (for counts: the same
/// subject, metric, unit and partner class; for events: subject and event type; for
/// relations: subject and partner).
enum class Resolution {
  kAll,           ///< Every claim answers (the default).
  kLatestReport,  ///< The claim of the newest report (record time) wins.
  kMostSpecific,  ///< The narrowest valid time wins, then the most precise figure.
};
/// `all`, `latest-report`, `most-specific`.
std::string_view ToString(Resolution);
/// Inverse of ToString; nullopt for an unknown name.
std::optional<Resolution> ParseResolution(std::string_view);

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
  /// With `subject` a place: also the claims about the things in it (the entity table:
  /// its plants, parks, festivals), as Database::Conflicts looks at them.
  bool with_things = false;
  /// Relations only: the partner, in any of its names (西雅圖, Seattle, seattle).
  std::optional<std::string> partner;
  /// Keep only the claims that certainly hold in the valid-time range and were certainly
  /// on record on `as_reported_on` (ClaimAnswer::certain); without it, possible ones too.
  bool certain_only = false;
  Resolution resolve = Resolution::kAll;
};

/// One claim of an answer, with what the answer knows about it.
struct ClaimAnswer {
  Claim claim;
  /// True when the claim comes from the latest report (by publication date) among those
  /// giving the same subject and metric in this answer.
  bool latest = false;
  /// Ids of claims in this answer, from other reports, that give a different value for the
  /// same subject, metric and partner class.
  /// Ids of claims in this answer that give a figure this one cannot share (values or
  /// bounds that do not meet, for the same subject, metric, unit and partner class). At
  /// most the two most extreme claims of its group: see Database::Conflicts for the groups.
  std::vector<std::int64_t> conflicts_with;
  /// False when the claim only possibly answers the time filters: its valid time is less
  /// precise than the range asked (`2018` at `--valid-at 2018-06-01`: it held at some time
  /// in 2018, perhaps not in June), an end of it is unknown, or its report's publication
  /// date is imprecise or only inferred (a lower bound) at `as_reported_on`. True when no
  /// time filter is given.
  bool certain = true;
  /// Why not certain, in words; empty when certain.
  std::string uncertainty = {};
  /// With a Resolution other than kAll: why this claim won, in words, and the ids of the
  /// claims it won over.
  std::string resolution = {};
  std::vector<std::int64_t> won_over = {};
};

struct QueryResult {
  std::vector<ClaimAnswer> claims;
  /// When `claims` is empty: why nothing on record answers (e.g. the earliest report on
  /// that subject and metric is later than the as-reported date). Empty otherwise.
  std::string explanation;
};

}  // namespace annals
