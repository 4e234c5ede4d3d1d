// Conflicts: groups of claims on record that cannot all be true, found by grouping what the
// claims state, never by comparing every pair.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "annals/conflicts.h"
#include "query/names.h"
#include "store/store.h"

namespace annals::query {

struct FoundConflicts {
  std::vector<ConflictGroup> groups;
  /// Ids of claims that disagree, two by two: at most a few pairs a claim, the most
  /// extreme ones of its group, so that the list grows with the claims, not their square.
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
};

/// The conflict groups among `claims`, which must all have been on record on one day.
/// Time: grouping by (subject, metric, unit, class), linear in the claims, then sorting
/// within each group.
FoundConflicts FindConflicts(const std::vector<Claim>& claims, const Knowledge& knowledge);

/// The claims `q` asks about (current rows, or those held at `as_known_at`) on record on
/// `day`.
std::vector<Claim> ClaimsOnRecord(store::Store& store, const Knowledge& knowledge,
                                  const std::optional<std::string>& subject, std::int64_t day,
                                  const std::optional<Timestamp>& known_at);

/// Answers a conflicts question.
ConflictReport Conflicts(store::Store& store, const ConflictQuery& q);

}  // namespace annals::query
