// The storage interface the query and ingest layers use. SQLite implements it here;
// another backend (PostgreSQL) implements the same interface in a folder of its own.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "annals/claim.h"
#include "annals/database.h"
#include "annals/sync.h"
#include "annals/time.h"

namespace annals::store {

/// The size and modification time of a bulletin file and its sidecar at a walk.
struct FileStat {
  std::string path;  ///< Inside the collection's folder.
  std::int64_t size = 0, mtime_ns = 0;
  std::int64_t sidecar_size = -1, sidecar_mtime_ns = 0;  ///< -1: no sidecar.
  bool operator==(const FileStat&) const = default;
};

/// A bulletin version to write.
struct NewVersion {
  std::string path;  ///< Absolute path it was read from.
  std::string sha256;
  std::string title;
  std::string publisher;
  std::string lang;
  std::optional<Date> published_on;
  bool published_inferred = false;
  std::string content;  ///< The file's bytes as stored on disk.
  std::string source_uri;
  std::string encoding = "UTF-8";
  std::string collection = {};  ///< With `key`, the document's identity.
  std::string key = {};  ///< source_uri, or the path inside the collection's folder; empty: `path`.
  std::optional<FileStat> stat = {};        ///< Recorded for the next walk, with the version.
  std::optional<std::string> sidecar = {};  ///< The sidecar's bytes; part of the version's identity.
  std::string extractor_version = {};  ///< Whose reading the claims are; empty: that of the claims.
};

/// A document's current version, as a sync compares it with its file.
struct CurrentVersion {
  std::int64_t document_id = 0, version_id = 0;
  std::string collection, key;
  std::string path;  ///< The absolute path it was read from.
  std::string sha256;
  std::optional<std::string> sidecar;
  std::string extractor_version;  ///< Of its current extraction.
  std::optional<FileStat> stat;   ///< At the last walk, if one recorded it.
};

/// A stored version's bytes, for reading it again.
struct StoredVersion {
  std::string content;
  std::optional<std::string> sidecar;
  std::optional<Date> published_on;
  bool published_inferred = false;
  std::string encoding;
};

/// What a run was started as.
struct RunStart {
  std::string extractor_version;
  std::string command;
  std::int64_t pid = 0;
};

/// Held while a process writes; released when destroyed (or when the process dies).
class WriterLock {
 public:
  virtual ~WriterLock() = default;
  /// Tells other processes which run holds the lock (for `annals runs`).
  virtual void SetRun(std::int64_t run) = 0;
};

/// Row filters; SQL does the filtering so that the indexes serve it.
struct ClaimFilter {
  std::vector<std::string> subjects;  ///< Any of these (exact); empty: any subject.
  std::optional<std::string> metric;
  std::optional<PartnerClass> partner_class;
  std::optional<ClaimKind> kind;
  std::optional<std::int64_t> reported_day;     ///< Record time contains this day.
  std::optional<std::int64_t> valid_first_day;  ///< Valid time overlaps [first, last].
  std::optional<std::int64_t> valid_last_day;
  std::optional<Timestamp> known_at;  ///< System time; nullopt: current rows only.
  bool every_row = false;             ///< Ignore system time: current and closed rows.
  std::optional<std::int64_t> limit;
};

struct WriteResult {
  bool added = false;     ///< False: the same bytes were already stored for this document.
  bool replaced = false;  ///< A previous version was replaced.
  std::int64_t version_id = 0, document_id = 0;
  std::int64_t claims = 0;
  std::int64_t closed = 0;  ///< Claims of the replaced version closed.
};

/// How an ingest run ended. Stored in ingest_runs.status: frozen. A run without a status
/// has not ended, or its process died before it could say.
enum class RunStatus : int {
  kCompleted = 1,  ///< Every file was written, unchanged or rejected.
  kFailed = 2,     ///< A database error ended it; the message names the file and the cause.
};

class Store {
 public:
  /// Gives the claims to write one at a time: fills `next` and returns true, or returns
  /// false when there are no more. A writer need not hold them all at once.
  using ClaimSource = std::function<bool(Claim& next)>;

  virtual ~Store() = default;
  virtual int SchemaVersion() = 0;
  /// Sets how long a write waits for another process's write lock (ms; 0: not at all)
  /// before it fails with Error(kDatabase); returns the wait it replaces.
  virtual int SetBusyTimeout(int ms) = 0;
  /// Takes the database's writer lock for this process, or throws Error(kLocked) at once,
  /// naming the process that holds it (`holder` says what this one is, for such a message).
  virtual std::unique_ptr<WriterLock> LockWriter(const std::string& holder) = 0;
  /// Records the start of a run; returns its id.
  virtual std::int64_t BeginRun(const RunStart& start, const Timestamp& now) = 0;
  /// A run of `extractor_version` with no command recorded.
  std::int64_t BeginRun(const std::string& extractor_version, const Timestamp& now) {
    return BeginRun(RunStart{extractor_version, "", 0}, now);
  }
  /// Records how run `run` ended, at system time `at`, with a message for people.
  virtual void FinishRun(std::int64_t run, RunStatus status, const Timestamp& at,
                         const std::string& message, const RunCounts& counts) = 0;
  /// Records what run `run` did with one file (not for kUnchanged), of `document` when it
  /// is a stored one.
  virtual void RecordRunFile(std::int64_t run, const SyncFileResult& file,
                             std::optional<std::int64_t> document) = 0;
  /// The runs, newest first, at most `limit`.
  virtual std::vector<RunInfo> Runs(std::int64_t limit) = 0;
  /// One run with its per-file outcomes; nullopt if there is no run `id`.
  virtual std::optional<RunDetail> Run(std::int64_t id) = 0;
  /// The current version of document (collection, key), if it has one.
  virtual std::optional<CurrentVersion> Current(const std::string& collection,
                                                const std::string& key) = 0;
  /// The current versions of every document of `collection` (of all when nullopt).
  virtual std::vector<CurrentVersion> CurrentVersions(const std::optional<std::string>& collection) = 0;
  /// Replaces what the last walk of `collection` recorded for files whose stat moved, and
  /// forgets the files in `gone`.
  virtual void SaveFileStats(const std::string& collection,
                             const std::vector<std::pair<std::int64_t, FileStat>>& by_document,
                             const std::vector<std::string>& gone) = 0;
  virtual StoredVersion LoadVersion(std::int64_t version_id) = 0;
  /// Withdraws a current version from the record in one transaction: the version and its
  /// claims are closed at `now`, and each claim gets a successor whose record time ends
  /// on `on`. Returns how many claims were withdrawn.
  virtual std::int64_t Withdraw(std::int64_t run, std::int64_t version_id, const Date& on,
                                const Timestamp& now) = 0;
  /// Replaces the extraction of a current version in one transaction, in system time
  /// only: the claims `closing` are closed at `now` (no successor: the record did not
  /// change, our reading of it did), `adding` are written with the version's record time,
  /// and the rest are kept; the new extraction is `extractor_version`'s.
  virtual void ReplaceExtraction(std::int64_t run, std::int64_t version_id,
                                 const std::string& extractor_version,
                                 const std::vector<std::int64_t>& closing,
                                 const std::vector<Claim>& adding, const Timestamp& now) = 0;
  /// The current claims of one version, in id order.
  virtual std::vector<Claim> VersionClaims(std::int64_t version_id) = 0;
  /// Writes a version and its claims in one transaction, all or nothing, with its file's
  /// stat. The claims' record time starts at the version's publication date, whatever they
  /// carry. A current version of the same document with other bytes or sidecar is
  /// replaced: its rows are closed at `now` (system time) and its claims get successors
  /// whose record time ends at the new version's publication date (the day of `now` when
  /// that date is unknown or only inferred).
  virtual WriteResult WriteVersion(std::int64_t run, const NewVersion& version,
                                   const ClaimSource& claims, const Timestamp& now) = 0;
  /// WriteVersion with the claims in memory.
  WriteResult WriteVersion(std::int64_t run, const NewVersion& version,
                           const std::vector<Claim>& claims, const Timestamp& now);
  /// Calls `visit` with each claim that matches `filter`, as its row is read: memory does
  /// not grow with the number of claims. REQUIRES: `visit` does not use this Store.
  virtual void ForEachClaim(const ClaimFilter& filter, const ClaimVisitor& visit) = 0;
  /// The claims ForEachClaim visits, collected.
  std::vector<Claim> SelectClaims(const ClaimFilter& filter);
  virtual std::vector<DocumentInfo> Documents() = 0;
  /// Loads gazetteer places (name, kind, country, aliases); existing ones are kept.
  struct PlaceRow {
    std::string name, kind, country;
    std::vector<std::string> aliases;
  };
  virtual void AddPlaces(const std::vector<PlaceRow>& places) = 0;
  /// Canonical names of the places known by `alias` (case-insensitive).
  virtual std::vector<std::string> PlacesNamed(const std::string& alias) = 0;

  /// A thing of the entity table, as loaded: its canonical name, its place and every name
  /// it is written by (canonical first), each with its folded form (text::FoldUtf8).
  struct EntityRow {
    std::string name, kind, place;
    std::vector<std::pair<std::string, std::string>> names;  ///< (as written, folded)
  };
  /// Loads the entity table and the traits of metrics and event types, as (name, trait)
  /// pairs: `once:HAPPENING` for an event type that reports a happening a thing has once,
  /// `grows` for a figure that only grows; existing rows are kept.
  virtual void AddEntities(const std::vector<EntityRow>& entities,
                           const std::vector<std::pair<std::string, std::string>>& traits) = 0;
  /// Every loaded entity: the table is knowledge, small enough to hold.
  virtual std::vector<EntityRow> Entities() = 0;
  /// Every (metric or event type, trait) pair loaded by AddEntities.
  virtual std::vector<std::pair<std::string, std::string>> Traits() = 0;
};

/// Opens a SQLite database file as `mode` allows (see annals::OpenMode): kCreate and
/// kReadWrite migrate it, kReadOnly never writes.
std::unique_ptr<Store> OpenSqliteStore(const std::string& path, OpenMode mode = OpenMode::kCreate);

}  // namespace annals::store
