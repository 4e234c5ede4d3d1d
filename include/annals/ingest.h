// annals/ingest.h: reading bulletins into a database.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace annals {

/// What happened to one input file.
struct IngestFileResult {
  enum class Status {
    kAdded,      ///< A new document, or a new version of a known one, was written.
    kUnchanged,  ///< The same bytes were already stored: nothing written.
    kRejected,   ///< Not a readable bulletin: nothing written; see `message`.
  };
  std::string path;
  Status status = Status::kRejected;
  std::int64_t claims = 0;
  std::string message;  ///< For kRejected: the reason, naming the file.
  /// For kAdded: what the file says and Annals did not use (a header date that is not a
  /// date, a year no bulletin can mean), each naming the text.
  std::vector<std::string> warnings = {};
};

struct IngestOptions {
  /// Files larger than this are rejected as input errors.
  std::int64_t max_file_bytes = 16 * 1024 * 1024;
  /// How long each write waits for another process's write lock, in milliseconds, before
  /// the run fails with Error(kDatabase); 0 fails at once. REQUIRES: >= 0.
  int busy_timeout_ms = 10000;
  /// Files read and extracted at once (one writer writes them in order). REQUIRES: >= 1.
  int jobs = 1;
  /// The collection the documents belong to; empty: a folder's own name, or the name of
  /// the folder a file given alone is in (see annals/sync.h).
  std::string collection;
  /// Recorded with the run: the words it was started with, for `annals runs`.
  std::string command;
  /// Called with each file's result as soon as it is final: for kAdded once its
  /// transaction has committed, so that a run that fails later has already told which
  /// files it wrote. Called on the ingesting thread; may be empty. An exception it throws
  /// ends the run (the file it was told of stays written).
  std::function<void(const IngestFileResult&)> on_file;
};

struct IngestReport {
  std::vector<IngestFileResult> files;
  /// True if any file was rejected.
  bool HasRejections() const {
    for (const auto& f : files)
      if (f.status == IngestFileResult::Status::kRejected) return true;
    return false;
  }
};

}  // namespace annals
