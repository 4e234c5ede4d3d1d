// Names of the analysis enums (include/annals/query.h, conflicts.h, history.h): the names
// the CLI accepts and prints.
#include "annals/conflicts.h"
#include "annals/history.h"
#include "annals/query.h"

namespace annals {

std::string_view ToString(Resolution r) {
  switch (r) {
    case Resolution::kAll: return "all";
    case Resolution::kLatestReport: return "latest-report";
    case Resolution::kMostSpecific: return "most-specific";
  }
  return "unknown";
}

std::optional<Resolution> ParseResolution(std::string_view name) {
  for (Resolution r : {Resolution::kAll, Resolution::kLatestReport, Resolution::kMostSpecific})
    if (ToString(r) == name) return r;
  return std::nullopt;
}

std::string_view ToString(ConflictKind k) {
  switch (k) {
    case ConflictKind::kFigures: return "figures";
    case ConflictKind::kEventDates: return "event_dates";
    case ConflictKind::kRelations: return "relations";
    case ConflictKind::kTranslation: return "translation";
  }
  return "unknown";
}

std::string_view ToString(RecordState s) {
  switch (s) {
    case RecordState::kOnRecord: return "on_record";
    case RecordState::kRevised: return "revised";
    case RecordState::kWithdrawn: return "withdrawn";
  }
  return "unknown";
}

}  // namespace annals
