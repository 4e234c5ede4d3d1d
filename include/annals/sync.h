// annals/sync.h: keeping a database in step with a folder of bulletins, and the record of
// every run that wrote to it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "annals/time.h"

namespace annals {

/// What a run did with one document. Stored in run_files.outcome: values frozen.
enum class FileOutcome : int {
  kNew = 1,          ///< A document not known before: its first version written.
  kChanged = 2,      ///< New bytes (or a new sidecar) for a known document: a new version.
  kRemoved = 3,      ///< Its file is gone: its claims withdrawn from the record.
  kFailed = 4,       ///< Not readable as a bulletin: nothing of it written; see `message`.
  kReextracted = 5,  ///< Read again from its stored bytes by a newer extractor.
  kUnchanged = 6,    ///< Same bytes and sidecar as stored: nothing written (not stored).
};

/// The outcome of one file (or stored document) in a sync or re-extraction.
struct SyncFileResult {
  std::string path;  ///< The file as found, or the stored document's path when it is gone.
  std::string key;   ///< Its identity in the collection: the sidecar's source_uri or the path inside the folder.
  FileOutcome outcome = FileOutcome::kUnchanged;
  std::int64_t claims_added = 0;   ///< Claims written.
  std::int64_t claims_closed = 0;  ///< Claims closed (withdrawn, replaced, or dropped by a new extractor).
  std::int64_t claims_kept = 0;    ///< kReextracted: claims the new extractor read the same.
  std::string message = {};        ///< kFailed: the reason, naming the file.
  std::vector<std::string> warnings = {};  ///< What the file says and Annals did not use.
};

/// The counts of a run, as recorded with it.
struct RunCounts {
  std::int64_t files_seen = 0, files_new = 0, files_changed = 0, files_unchanged = 0,
               files_removed = 0, files_failed = 0, files_reextracted = 0;
  std::int64_t claims_added = 0, claims_closed = 0;
  /// Adds one file's outcome to the counts.
  void Add(const SyncFileResult& file);
  /// For people: "5 files: 5 new, 0 changed, ...; claims: 244 added, 0 closed".
  std::string Text() const;
  /// True if the run wrote anything (a file new, changed, removed or re-extracted).
  bool Wrote() const {
    return files_new + files_changed + files_removed + files_reextracted > 0;
  }
};

struct SyncOptions {
  /// The collection the folder's documents belong to; empty: the folder's own name. Give
  /// it when the folder is renamed, so that its documents keep their identity.
  std::string collection;
  /// Report what would change and write nothing (no run is recorded).
  bool dry_run = false;
  /// Leave the documents of files that disappeared on the record.
  bool keep_missing = false;
  /// Withdraw every document of the collection when the folder holds no bulletin at all.
  /// Without it such a sync withdraws nothing and fails (Error(kInput)): an empty folder is
  /// more often a disk that is not mounted than a publisher who withdrew everything.
  bool allow_empty = false;
  /// Files read and extracted at once (one writer writes them in order). REQUIRES: >= 1.
  int jobs = 1;
  /// Files larger than this fail as input errors.
  std::int64_t max_file_bytes = 16 * 1024 * 1024;
  /// Recorded with the run: the words it was started with, for `annals runs`.
  std::string command;
  /// Called with each result as soon as it is final (written and committed, or failed),
  /// on the calling thread.
  std::function<void(const SyncFileResult&)> on_file;
  /// Called now and then with how many of `total` files have been dealt with.
  std::function<void(std::int64_t done, std::int64_t total)> on_progress;
};

struct SyncReport {
  std::int64_t run_id = 0;  ///< The run recorded; 0 for a dry run.
  RunCounts counts;
  /// Every outcome but kUnchanged, in the order they became final.
  std::vector<SyncFileResult> files;
};

/// How a run ended.
enum class RunState {
  kRunning,      ///< Its process still holds the database's writer lock.
  kCompleted,    ///< It went through every file (some may have failed: see the counts).
  kFailed,       ///< A database error ended it; `message` says which file and why.
  kInterrupted,  ///< Its process died (killed, crashed, power cut) before it could say.
};

/// One recorded run of `ingest`, `sync` or `reextract`.
struct RunInfo {
  std::int64_t id = 0;
  Timestamp started_at;
  std::optional<Timestamp> finished_at;
  std::string command;
  std::string extractor_version;
  std::optional<std::int64_t> pid;
  RunState state = RunState::kInterrupted;
  std::string message;
  RunCounts counts;
};

/// A run's per-file outcomes (unchanged files are counted, not listed).
struct RunDetail {
  RunInfo run;
  std::vector<SyncFileResult> files;
};

/// "running", "completed", "failed", "interrupted".
const char* RunStateName(RunState state);
/// "new", "changed", "removed", "failed", "reextracted", "unchanged".
const char* FileOutcomeName(FileOutcome outcome);

}  // namespace annals
