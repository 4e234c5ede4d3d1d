// Keeping a database in step with a folder: the nightly job.
#pragma once

#include <string>

#include "annals/sync.h"
#include "store/store.h"

namespace annals::ingest {

/// Brings the documents of `folder`'s collection in step with its files (see
/// Database::Sync). Throws Error(kLocked) if another process writes, Error(kInput) if the
/// folder cannot be walked, Error(kDatabase) if a write fails.
SyncReport SyncFolder(store::Store& store, const std::string& folder, const SyncOptions& options);

/// Reads every current version whose extraction is another extractor's again from its
/// stored bytes (see Database::Reextract).
SyncReport ReextractAll(store::Store& store, const SyncOptions& options);

}  // namespace annals::ingest
