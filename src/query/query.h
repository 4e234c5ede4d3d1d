// The three-time claim queries over a Store: filters, latest report, conflicts.
#pragma once

#include "annals/query.h"
#include "store/store.h"

namespace annals::query {

/// Answers `q` from `store`. Throws Error(kUsage) for contradictory filters.
QueryResult Run(store::Store& store, const ClaimQuery& q);

}  // namespace annals::query
