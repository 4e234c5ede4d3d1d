// annals/history.h: every report of one figure over record time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/time.h"

namespace annals {

/// Which figure. `subject` and `metric` are required.
struct HistoryQuery {
  std::string subject;  ///< A place or thing in any of its names, or an organisation.
  std::string metric;
  std::optional<PartnerClass> partner_class;
  /// System time: the history as this database held it then; nullopt: now.
  std::optional<Timestamp> as_known_at;
};

/// Where a report of the figure stands on the record.
enum class RecordState {
  kOnRecord,   ///< Still on the public record.
  kRevised,    ///< A later version of the same bulletin replaced it (see `revised_by`).
  kWithdrawn,  ///< Its bulletin was replaced by a version that no longer states it.
};
/// `on_record`, `revised`, `withdrawn`.
std::string_view ToString(RecordState);

struct HistoryEntry {
  Claim claim;
  RecordState state = RecordState::kOnRecord;
  /// For kRevised: the claims of the later version that state the figure instead.
  std::vector<std::int64_t> revised_by;
};

struct HistoryResult {
  /// By record time (the report's publication), oldest first, then by position in the
  /// bulletin.
  std::vector<HistoryEntry> entries;
  /// When `entries` is empty: why, in words. Empty otherwise.
  std::string explanation;
};

}  // namespace annals
