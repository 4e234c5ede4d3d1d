// annals/conflicts.h: groups of claims on record that cannot all be true.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/claim.h"
#include "annals/time.h"

namespace annals {

/// Why the claims of a group cannot all be true.
enum class ConflictKind {
  /// Counts of one subject, metric, unit and partner class for the same valid time whose
  /// values or bounds do not meet (`70` and `50`; not `nearly 20` and `20`); or, for a
  /// figure that only grows (partner cities and countries: ties accumulate), a later
  /// figure below an earlier one.
  kFigures,
  /// Events of one happening a thing has once (founding: established, completed, opened)
  /// dated differently by different reports.
  kEventDates,
  /// Ties of one subject with one partner whose since-dates disagree, or whose kinds
  /// exclude each other (a friendship city and a friendly-exchange city).
  kRelations,
  /// The two language versions of one bilingual bulletin stating it differently.
  kTranslation,
};
/// `figures`, `event_dates`, `relations`, `translation`.
std::string_view ToString(ConflictKind);

/// Which claims to look at. Every filter left empty matches everything.
struct ConflictQuery {
  /// A place in any of its names: its own claims and those about the things in it (the
  /// entity table); or a thing in any of its names.
  std::optional<std::string> subject;
  /// Record time: the claims on record that day; nullopt: those on record today.
  std::optional<Date> as_reported_on;
  /// System time: as this database held them then; nullopt: now.
  std::optional<Timestamp> as_known_at;
};

/// Claims that cannot all be true, and why.
struct ConflictGroup {
  ConflictKind kind = ConflictKind::kFigures;
  std::string subject;  ///< Canonical name of the subject (an entity's canonical name).
  /// What the claims state, for people: `partner_cities (friendly_exchange, city)`,
  /// `founding`, `tie with Incheon`.
  std::string what;
  std::string reason;  ///< Why they conflict, in words, naming values, dates and reports.
  std::vector<Claim> claims;  ///< Every claim of the group, oldest report first.
};

struct ConflictReport {
  std::vector<ConflictGroup> groups;  ///< By subject, then kind, then what.
  /// When `groups` is empty: what was looked at, in words. Empty otherwise.
  std::string explanation;
};

}  // namespace annals
