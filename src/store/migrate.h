// Schema migrations: schema/NNNN_*.sql, embedded at build time, applied in order.
#pragma once

#include "store/sqlite.h"

namespace annals::store {

/// The highest schema version this build knows.
int LatestSchemaVersion();

/// Applies every migration newer than the database's `PRAGMA user_version`, each in one
/// transaction that also advances user_version. Throws Error(kDatabase) if the database
/// is newer than this build.
void Migrate(Connection& conn);

}  // namespace annals::store
