// annals/database.h: the handle of an Annals database, the entry point of the library.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/ingest.h"
#include "annals/query.h"

namespace annals {

/// A stored bulletin version as listed by Database::Documents().
struct DocumentInfo {
  DocumentRef ref;
  std::string publisher;
  std::string lang;
  std::string source_uri;  ///< From the bulletin's sidecar, if it had one.
  std::string encoding;    ///< The encoding the file was read in.
  std::int64_t bytes = 0;
  std::int64_t claims = 0;
  Timestamp known_from;                 ///< System time this version was first ingested.
  std::optional<Timestamp> known_to;    ///< Set when a later version replaced it.
};

/// An open database. Open() creates the file if needed and applies pending schema
/// migrations. One Database may be used by one thread at a time; open one per thread.
class Database {
 public:
  /// Opens the SQLite database at `path` (created if missing).
  /// Throws Error(kDatabase) if it cannot be opened or migrated.
  static std::unique_ptr<Database> Open(const std::string& path);

  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  virtual ~Database() = default;

  /// Ingests files and folders (recursively: `*.txt`, `*.html`, `*.htm`). A sidecar
  /// `NAME.meta.json` beside a bulletin overrides what its header says. Each file is written in one
  /// transaction: all of its claims or nothing. Unchanged files are skipped. A file that
  /// is not a bulletin is reported in the result, not thrown; database failures throw.
  virtual IngestReport Ingest(const std::vector<std::string>& paths,
                              const IngestOptions& options = {}) = 0;

  /// Answers a claim query over the three times.
  virtual QueryResult Query(const ClaimQuery& query) = 0;

  /// Every claim row ever stored, current and closed, in id order.
  virtual std::vector<Claim> AllClaims() = 0;

  /// Every stored document version, in path then version order.
  virtual std::vector<DocumentInfo> Documents() = 0;

  /// The schema version applied to this database.
  virtual int SchemaVersion() = 0;
};

}  // namespace annals
