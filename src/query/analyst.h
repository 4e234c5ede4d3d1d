// The analyst's questions beyond one query: a figure's history, what changed between two
// dates, and what the database knows about.
#pragma once

#include <vector>

#include "annals/catalog.h"
#include "annals/diff.h"
#include "annals/history.h"
#include "store/store.h"

namespace annals::query {

/// Every report of one figure, oldest first. Throws Error(kUsage) for an empty subject or
/// metric.
HistoryResult History(store::Store& store, const HistoryQuery& q);

/// What changed between two dates (record time) or instants (system time). Throws
/// Error(kUsage) unless exactly one of the two pairs is given, its start before its end.
DiffResult Diff(store::Store& store, const DiffQuery& q);

/// The subjects, or the metrics, of the current claims `q` selects.
std::vector<CatalogEntry> Catalog(store::Store& store, const CatalogQuery& q, bool by_metric);

}  // namespace annals::query
