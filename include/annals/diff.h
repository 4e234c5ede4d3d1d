// annals/diff.h: what changed on the record between two dates, or in this database between
// two instants.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/conflicts.h"
#include "annals/time.h"

namespace annals {

/// Either record time (`from`, `to`: report dates) or system time (`known_from`,
/// `known_to`: what this database learned between two instants), not both.
struct DiffQuery {
  std::optional<std::string> subject;  ///< As in ConflictQuery: a place and its things.
  std::optional<Date> from;            ///< Record time: the record as it stood on this day...
  std::optional<Date> to;              ///< ... against this later day.
  std::optional<Timestamp> known_from;  ///< System time: this database at this instant...
  std::optional<Timestamp> known_to;    ///< ... against this later one (nullopt: now).
};

/// A claim replaced by a later version of its bulletin.
struct Revision {
  Claim before;  ///< As on record at the start.
  Claim after;   ///< What the later version states in its place.
};

struct DiffResult {
  std::vector<Claim> added;      ///< On record at the end, not at the start.
  std::vector<Claim> withdrawn;  ///< On record at the start, not at the end, and not revised.
  std::vector<Revision> revised;
  std::vector<ConflictGroup> conflicts_appeared;  ///< Groups at the end not at the start.
  std::vector<ConflictGroup> conflicts_settled;   ///< Groups at the start not at the end.
};

}  // namespace annals
