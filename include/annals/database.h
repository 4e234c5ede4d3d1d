// annals/database.h: the handle of an Annals database, the entry point of the library.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/catalog.h"
#include "annals/claim.h"
#include "annals/conflicts.h"
#include "annals/diff.h"
#include "annals/history.h"
#include "annals/ingest.h"
#include "annals/query.h"
#include "annals/sync.h"

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
  std::optional<Timestamp> known_to;    ///< Set when a later version replaced it, or it was withdrawn.
  std::optional<Date> withdrawn_on;     ///< Its file left the synced folder: off the record from then.
};

/// Receives claims one at a time (Database::ForEachClaim).
using ClaimVisitor = std::function<void(const Claim&)>;

/// What Database::Open may do to the file at its path.
enum class OpenMode {
  /// Creates the database if the file is missing or empty, and applies pending schema
  /// migrations. For writers that may start a database (`annals ingest`).
  kCreate,
  /// Opens an existing database for reading and writing and applies pending migrations;
  /// never creates one. A missing or empty file is an Error(kDatabase) naming the path.
  kReadWrite,
  /// Opens an existing database for reading only (`query`, `export`, `documents`). Never
  /// creates, migrates or writes anything: the file's bytes stay as they were and no
  /// `-wal` or `-shm` file is left behind where the folder is writable. Works on a
  /// read-only file in a read-only folder: where this process cannot write the folder
  /// and the database has no `-wal` log, the file is read as immutable (SQLite's
  /// `immutable=1`), so it must not be changed while it is read (a writer needs the folder
  /// to be writable to change it). Throws Error(kDatabase) naming the path when the file
  /// is missing, empty, not an Annals database, of another schema version than this
  /// build's (an older one is upgraded by a writing open), or when its `-wal` log cannot
  /// be read because its `-shm` index is missing and the folder is not writable.
  /// Ingest() on such a Database throws Error(kUsage).
  kReadOnly,
};

/// An open database. One Database may be used by one thread at a time; open one per
/// thread. Opening waits up to 10 s for another process that holds the write lock.
class Database {
 public:
  /// Opens the SQLite database at `path` as `mode` allows (by default creating it if
  /// missing). The schema version is checked before anything is changed: a database newer
  /// than this build is refused untouched. Several processes may open a new database at
  /// once: each migration is applied once, under the write lock.
  /// Throws Error(kUsage) if `path` is empty, Error(kDatabase) naming the path if the file
  /// cannot be opened, read or migrated.
  static std::unique_ptr<Database> Open(const std::string& path, OpenMode mode = OpenMode::kCreate);

  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  virtual ~Database() = default;

  /// Ingests files and folders (recursively: `*.txt`, `*.html`, `*.htm`). REQUIRES: the
  /// database was not opened with OpenMode::kReadOnly (else Error(kUsage)). A sidecar
  /// `NAME.meta.json` beside a bulletin overrides what its header says. Each file is written in one
  /// transaction: all of its claims or nothing. Unchanged files are skipped. A file that
  /// is not a bulletin is reported in the result, not thrown. A database failure (disk
  /// full, the write lock held past `options.busy_timeout_ms`) ends the run with
  /// Error(kDatabase) naming the file being written; the files committed before it stay
  /// written and were passed to `options.on_file`. Each run is recorded with its end and
  /// whether it completed or failed (and why), where the database still takes that write.
  virtual IngestReport Ingest(const std::vector<std::string>& paths,
                              const IngestOptions& options = {}) = 0;

  /// Brings the database in step with `folder` (searched recursively as Ingest does), the
  /// nightly job. Its documents belong to a collection (SyncOptions::collection, by default
  /// the folder's name) and are known there by their key (the sidecar's source_uri, else
  /// the path inside the folder), so the same folder synced from another disk is the same
  /// documents. Files whose size and time (and their sidecar's) are those of the last walk
  /// are not read; the others are hashed, and only new bytes or a new sidecar make a new
  /// version: the previous version's claims are closed in system time and succeeded by
  /// rows whose record time ends at the new version's publication date (the run's date
  /// when that is unknown or inferred). A document whose file is gone is withdrawn: its
  /// claims' record time ends at the run's date (unless `keep_missing`). Current versions
  /// read by another extractor are read again from their stored bytes (as Reextract).
  /// Nothing is deleted or changed in place but the closing of an interval; each document
  /// is written in one transaction, so a run killed at any point and run again ends as an
  /// uninterrupted one. Every run but a dry one is recorded (Runs()).
  /// A file that cannot be read is reported (kFailed) and skipped, its stored document
  /// kept. Throws Error(kLocked) at once if another process writes to the database,
  /// Error(kInput) if `folder` cannot be walked (nothing written) or holds no bulletin
  /// while its collection has documents (nothing withdrawn), Error(kDatabase) if a write
  /// fails (the documents written before it stay). REQUIRES: not opened kReadOnly.
  virtual SyncReport Sync(const std::string& folder, const SyncOptions& options = {}) = 0;

  /// Reads every current version that another extractor read again from its stored bytes
  /// (the files need not exist): claims read the same are kept, the others closed in system
  /// time only (the record did not change, the reading did), the new ones added. Uses
  /// `dry_run`, `command` and the callbacks of `options`. Throws as Sync does.
  virtual SyncReport Reextract(const SyncOptions& options = {}) = 0;

  /// The recorded runs of ingest, sync and reextract, newest first, at most `limit`.
  virtual std::vector<RunInfo> Runs(std::int64_t limit = 100) = 0;
  /// Run `id` with the outcome of each file it did something with; nullopt if none.
  virtual std::optional<RunDetail> Run(std::int64_t id) = 0;

  /// Answers a claim query over the three times.
  virtual QueryResult Query(const ClaimQuery& query) = 0;

  /// Groups of claims on record that cannot all be true (see ConflictKind), each with the
  /// reason in words. Claims are grouped by what they state, in time linear in the number
  /// of claims looked at: only the subject's claims are read when a subject is given.
  /// Throws Error(kUsage) for an empty subject.
  virtual ConflictReport Conflicts(const ConflictQuery& query) = 0;

  /// Every report of one figure over record time, oldest first, revised and withdrawn
  /// ones included and marked. Throws Error(kUsage) when subject or metric is empty.
  virtual HistoryResult History(const HistoryQuery& query) = 0;

  /// What changed between two report dates (record time) or two instants of this
  /// database (system time): claims added, withdrawn and revised, and conflicts that
  /// appeared or were settled. Throws Error(kUsage) unless exactly one pair is given with
  /// its start before its end (`known_to` may be left out: now).
  virtual DiffResult Diff(const DiffQuery& query) = 0;

  /// The subjects the database knows about, with claim counts and date ranges, by name.
  virtual std::vector<CatalogEntry> Subjects(const CatalogQuery& query) = 0;
  /// The metrics (for events: event types; for relations: tie kinds), by kind and name.
  virtual std::vector<CatalogEntry> Metrics(const CatalogQuery& query) = 0;

  /// Every claim row ever stored, current and closed, in id order.
  virtual std::vector<Claim> AllClaims() = 0;

  /// Calls `visit` with every claim row ever stored, current and closed, in id order, as
  /// each row is read: memory stays the same however many claims the database holds.
  /// REQUIRES: `visit` does not use this Database.
  virtual void ForEachClaim(const ClaimVisitor& visit) = 0;

  /// Every stored document version, in collection, key, then version order.
  virtual std::vector<DocumentInfo> Documents() = 0;

  /// The schema version applied to this database.
  virtual int SchemaVersion() = 0;
};

}  // namespace annals
