// The ingest pipeline: files and folders in, one transaction per bulletin version out.
#pragma once

#include <string>
#include <vector>

#include "annals/ingest.h"
#include "store/store.h"

namespace annals::ingest {

/// Ingests `paths` (files, or folders searched recursively for `*.txt`, `*.html` and
/// `*.htm`; a sidecar `NAME.meta.json` overrides the header) into `store`.
/// Unreadable or malformed files are reported, not thrown, and nothing of them is
/// written; database failures throw Error(kDatabase). A path that does not exist is
/// reported as rejected.
IngestReport IngestPaths(store::Store& store, const std::vector<std::string>& paths,
                         const IngestOptions& options);

}  // namespace annals::ingest
