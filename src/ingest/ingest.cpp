// `ingest`: the files and folders given, each file read, extracted and written in one
// transaction; unchanged files skipped, nothing withdrawn.
#include "ingest/ingest.h"

#include <unistd.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "annals/error.h"
#include "extract/extractor.h"
#include "ingest/in_order.h"
#include "ingest/reading.h"
#include "ingest/write.h"

namespace annals::ingest {
namespace {

namespace fs = std::filesystem;

// Expands folders to their bulletin files, in a stable (sorted) order. A folder's files
// belong to its collection by their path inside it; a file given alone to its folder's.
std::vector<FileToRead> Expand(const std::vector<std::string>& paths, const std::string& collection,
                               IngestReport& report) {
  std::vector<FileToRead> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<FileToRead> found =
          ListFolder(p, collection.empty() ? CollectionOfFolder(p) : collection, ec);
      if (ec) report.files.push_back({p, IngestFileResult::Status::kRejected, 0,
                                      p + ": cannot read the folder: " + ec.message()});
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      const fs::path absolute = fs::absolute(p).lexically_normal();
      files.push_back({p,
                       collection.empty() ? CollectionOfFolder(absolute.parent_path().string()) : collection,
                       absolute.filename().string(), {}});
    } else {
      report.files.push_back({p, IngestFileResult::Status::kRejected, 0,
                              p + ": no such file or folder"});
    }
  }
  return files;
}

// Puts the store's lock wait back when an ingest ends, however it ends.
class BusyTimeoutScope {
 public:
  BusyTimeoutScope(store::Store& store, int ms)
      : store_(store), previous_(store.SetBusyTimeout(ms)) {}
  ~BusyTimeoutScope() { store_.SetBusyTimeout(previous_); }
  BusyTimeoutScope(const BusyTimeoutScope&) = delete;
  BusyTimeoutScope& operator=(const BusyTimeoutScope&) = delete;

 private:
  store::Store& store_;
  int previous_;
};

std::string Summary(const IngestReport& report) {
  std::size_t added = 0, unchanged = 0, rejected = 0;
  for (const auto& f : report.files) {
    added += f.status == IngestFileResult::Status::kAdded;
    unchanged += f.status == IngestFileResult::Status::kUnchanged;
    rejected += f.status == IngestFileResult::Status::kRejected;
  }
  return std::to_string(added) + " added, " + std::to_string(unchanged) + " unchanged, " +
         std::to_string(rejected) + " rejected";
}

}  // namespace

IngestReport IngestPaths(store::Store& store, const std::vector<std::string>& paths,
                         const IngestOptions& options) {
  if (options.jobs < 1) throw Error(ErrorCode::kUsage, "jobs must be at least 1");
  IngestReport report;
  std::vector<FileToRead> files = Expand(paths, options.collection, report);
  if (options.on_file)
    for (const auto& missing : report.files) options.on_file(missing);
  if (files.empty()) return report;
  const BusyTimeoutScope wait(store, std::max(options.busy_timeout_ms, 0));
  const std::unique_ptr<store::WriterLock> lock =
      store.LockWriter(options.command.empty() ? "annals ingest" : options.command);

  // What is stored of the collections the files belong to, so that unchanged files are
  // known without extracting them, on any thread.
  KnownVersions known_versions;
  std::set<std::string> loaded;
  for (const auto& f : files)
    if (loaded.insert(f.collection).second) known_versions.Add(store.CurrentVersions(f.collection));
  const auto candidate = [&](const FileToRead& f) -> std::optional<store::CurrentVersion> {
    const store::CurrentVersion* known = known_versions.Candidate(f.collection, f.relative);
    return known ? std::optional<store::CurrentVersion>(*known) : std::nullopt;
  };

  std::optional<std::int64_t> run;
  RunCounts counts;
  const Timestamp now = Now();
  const auto tell = [&](const IngestFileResult& result) {
    report.files.push_back(result);
    if (options.on_file) options.on_file(result);
  };
  const auto record = [&](const Written& w) {
    counts.Add(w.result);
    if (run) store.RecordRunFile(*run, w.result, w.document_id);
  };
  try {
    InOrder<PreparedFile>(
        files.size(), options.jobs,
        [&](std::size_t i) {
          FileToRead f = files[i];
          if (!StatFile(f.path, f.relative, f.stat)) {
            PreparedFile failed;
            failed.file = f;
            failed.failed = true;
            failed.message = f.path + ": cannot read the file";
            return failed;
          }
          return PrepareFile(f, options.max_file_bytes, candidate(f));
        },
        [&](PreparedFile&& file) {
          IngestFileResult result{file.file.path, IngestFileResult::Status::kRejected, 0, file.message};
          if (file.failed) {
            record({{file.file.path, file.key, FileOutcome::kFailed, 0, 0, 0, file.message}, std::nullopt});
          } else if (file.unchanged) {
            result.status = IngestFileResult::Status::kUnchanged;
            counts.Add({file.file.path, file.key, FileOutcome::kUnchanged});
            spdlog::debug("{}: unchanged", file.file.path);
          } else {
            if (!run) {
              run = store.BeginRun({extract::kExtractorVersion, options.command, ::getpid()}, now);
              lock->SetRun(*run);
              StoreKnowledge(store);
            }
            Written w;
            try {
              w = WritePrepared(store, *run, file, now);
            } catch (const Error& e) {
              // The files told of before this one are committed; this one is not.
              throw Error(e.code(), file.file.path + ": not written: " + e.what(), e.sqlite_code());
            }
            record(w);
            result.status = w.result.outcome == FileOutcome::kUnchanged
                                ? IngestFileResult::Status::kUnchanged
                                : IngestFileResult::Status::kAdded;
            result.claims = w.result.claims_added;
            result.warnings = file.warnings;
            spdlog::debug("{}: {} claims", file.file.path, w.result.claims_added);
          }
          tell(result);
        });
    // A database upgraded by a run that wrote no file gets the knowledge tables too.
    if (!run && store.Entities().empty()) StoreKnowledge(store);
  } catch (const std::exception& e) {
    if (run) {
      // Best effort: the failure that ended the run (a full disk, a lock) may refuse this
      // write too, and then the run's row stays without an end, as after a crash.
      try {
        store.FinishRun(*run, store::RunStatus::kFailed, Now(),
                        std::string(e.what()) + " (after " + Summary(report) + ")", counts);
      } catch (const std::exception&) {
      }
    }
    throw;
  }
  if (run) store.FinishRun(*run, store::RunStatus::kCompleted, Now(), Summary(report), counts);
  return report;
}

}  // namespace annals::ingest
