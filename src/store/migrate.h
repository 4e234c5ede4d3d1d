// Schema migrations: schema/NNNN_*.sql, embedded at build time, applied in order.
#pragma once

#include "store/sqlite.h"

namespace annals::store {

/// The highest schema version this build knows.
int LatestSchemaVersion();

/// The database's schema version (`PRAGMA user_version`); reads, never writes.
int SchemaVersion(Connection& conn);

/// The database's schema version; throws Error(kDatabase), naming the path and both
/// versions, if it is newer than this build's. Reads only: call it before changing anything.
int RefuseNewerSchema(Connection& conn);

/// For a connection that must not write: throws Error(kDatabase), naming the path and the
/// versions, unless the schema is exactly this build's (an older one needs a migration,
/// which only a writing open applies).
void RequireLatestSchema(Connection& conn);

/// Applies every migration newer than the database's `PRAGMA user_version`, each in one
/// transaction that also advances user_version. Each transaction takes the write lock
/// first (BEGIN IMMEDIATE, waiting up to the busy timeout) and reads the version again
/// under it, so that processes opening a new database at once apply each migration once.
/// Throws Error(kDatabase) if the database is newer than this build.
/// REQUIRES: foreign keys are off on `conn` (a migration may rebuild a table that others
/// reference); each migration checks them before it commits.
/// `target`: the version to stop at (a test builds an old database with it).
void Migrate(Connection& conn, int target = LatestSchemaVersion());

}  // namespace annals::store
