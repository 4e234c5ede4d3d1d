// How a database file is opened in each OpenMode: the checks made before SQLite sees the
// path, the flags and URI parameters given to it, and the messages when it cannot be done.
#pragma once

#include <string>

#include "annals/database.h"
#include "store/sqlite.h"

namespace annals::store {

/// Opens the SQLite file at `path` as `mode` allows; changes nothing in the file (the
/// caller checks the schema version, then sets pragmas or migrates). For kReadOnly the
/// connection cannot write (SQLITE_OPEN_READONLY, or `PRAGMA query_only` where the file
/// and folder are writable so that SQLite's own close removes the `-wal` and `-shm` files
/// a WAL reader needs).
/// Throws Error(kUsage) for an empty path; Error(kDatabase) naming the path when it is a
/// folder, is not an SQLite file, or (except for kCreate) is missing or empty, and when a
/// read-only open is impossible.
Connection OpenConnection(const std::string& path, OpenMode mode);

}  // namespace annals::store
