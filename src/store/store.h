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
#include "annals/time.h"

namespace annals::store {

/// A bulletin version to write.
struct NewVersion {
  std::string path;  ///< Absolute path: the document's identity.
  std::string sha256;
  std::string title;
  std::string publisher;
  std::string lang;
  std::optional<Date> published_on;
  bool published_inferred = false;
  std::string content;  ///< The file's bytes as stored on disk.
  std::string source_uri;
  std::string encoding = "UTF-8";
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
  bool added = false;  ///< False: the same bytes were already stored for this path.
  std::int64_t version_id = 0;
  std::int64_t claims = 0;
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
  /// Records the start of an ingest run; returns its id.
  virtual std::int64_t BeginRun(const std::string& extractor_version, const Timestamp& now) = 0;
  /// Records how run `run` ended, at system time `at`, with a message for people.
  virtual void FinishRun(std::int64_t run, RunStatus status, const Timestamp& at,
                         const std::string& message) = 0;
  /// True if `path` already has a current version with these bytes.
  virtual bool IsCurrent(const std::string& path, const std::string& sha256) = 0;
  /// Writes a version and its claims in one transaction, all or nothing. The claims'
  /// record time starts at the version's publication date, whatever they carry. A current
  /// version of the same path with other bytes is replaced: its rows are closed at `now`
  /// (system time) and its claims get successors whose record time ends at the new
  /// version's publication date.
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
