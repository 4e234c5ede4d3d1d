// The writing side of ingest and sync: one prepared file, or one stored version read again,
// in one transaction each.
#pragma once

#include <cstdint>
#include <optional>

#include "annals/sync.h"
#include "ingest/reading.h"
#include "store/store.h"

namespace annals::ingest {

/// What writing one document did, and which stored document it was.
struct Written {
  SyncFileResult result;
  std::optional<std::int64_t> document_id;
};

/// Writes the gazetteer and the entity table into the database, so that queries resolve
/// any name of a place or thing (existing rows are kept).
void StoreKnowledge(store::Store& store);

/// Writes `file` (neither failed nor unchanged) as a version of its document: kNew, or
/// kChanged when it replaced a current version (kUnchanged if, meanwhile, the same bytes
/// were stored).
Written WritePrepared(store::Store& store, std::int64_t run, PreparedFile& file, const Timestamp& now);

/// Reads current version `current` again from its stored bytes with this build's
/// extractor and replaces its extraction: claims read the same are kept, the others closed
/// in system time only, the new ones added. A version that no longer reads as a bulletin
/// is kFailed and keeps its claims.
Written Reextract(store::Store& store, std::int64_t run, const store::CurrentVersion& current,
                  const Timestamp& now);

}  // namespace annals::ingest
