// `sync`: walk, compare with what is stored, write what changed, withdraw what is gone,
// re-read what an older extractor read; every step of it recorded with the run.
#include "ingest/sync.h"

#include <unistd.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <deque>
#include <set>

#include "annals/error.h"
#include "extract/extractor.h"
#include "ingest/in_order.h"
#include "ingest/reading.h"
#include "ingest/write.h"

namespace annals::ingest {
namespace {

namespace fs = std::filesystem;

// The bulletin files of `folder`; a walk that stopped part way must not read as files
// that disappeared.
std::vector<FileToRead> Walk(const std::string& folder, const std::string& collection) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw Error(ErrorCode::kInput, folder + ": not a folder" + (ec ? ": " + ec.message() : ""));
  std::vector<FileToRead> files = ListFolder(folder, collection, ec);
  if (ec) throw Error(ErrorCode::kInput, folder + ": cannot read the folder: " + ec.message() +
                                             "; nothing was changed");
  return files;
}

// A run from its start to its record: begins it (unless a dry run), counts what happens,
// tells the caller, and records its end however the run ends.
class RunRecord {
 public:
  RunRecord(store::Store& store, const SyncOptions& options, const Timestamp& now)
      : store_(store), options_(options) {
    if (options.dry_run) return;
    lock_ = store.LockWriter(options.command.empty() ? "annals" : options.command);
    id_ = store.BeginRun({extract::kExtractorVersion, options.command, ::getpid()}, now);
    lock_->SetRun(id_);
    StoreKnowledge(store);
  }
  ~RunRecord() {
    if (id_ && !finished_) {
      // Best effort: the failure that ended the run (a full disk, a lock) may refuse this
      // write too, and then the run stays without an end, as after a crash.
      try {
        store_.FinishRun(id_, store::RunStatus::kFailed, Now(), failure_, counts_);
      } catch (const std::exception&) {
      }
    }
  }
  RunRecord(const RunRecord&) = delete;
  RunRecord& operator=(const RunRecord&) = delete;

  std::int64_t id() const { return id_; }
  bool dry() const { return options_.dry_run; }

  void Tell(const SyncFileResult& file, std::optional<std::int64_t> document) {
    counts_.Add(file);
    if (file.outcome != FileOutcome::kUnchanged) {
      if (id_) store_.RecordRunFile(id_, file, document);
      files_.push_back(file);
    }
    if (options_.on_file) options_.on_file(file);
  }
  /// Runs the write `write` of `what` (a file, a document): a database error that ends the
  /// run names it, in the error and in the run's record.
  template <typename Write>
  auto Writing(const std::string& what, Write write) {
    try {
      return write();
    } catch (const Error& e) {
      failure_ = what + ": not written: " + e.what();
      throw Error(e.code(), failure_, e.sqlite_code());
    }
  }

  SyncReport Finish() {
    if (id_) {
      store_.FinishRun(id_, store::RunStatus::kCompleted, Now(), counts_.Text(), counts_);
      finished_ = true;
    }
    return {id_, counts_, files_};
  }

 private:
  store::Store& store_;
  const SyncOptions& options_;
  std::unique_ptr<store::WriterLock> lock_;
  std::int64_t id_ = 0;
  bool finished_ = false;
  std::string failure_ = "the run stopped";
  RunCounts counts_;
  std::vector<SyncFileResult> files_;
};

// Re-reads the current versions whose extraction is another extractor's.
void ReextractOutdated(store::Store& store, const std::vector<store::CurrentVersion>& versions,
                       RunRecord& run, const Timestamp& now) {
  for (const auto& v : versions) {
    if (v.extractor_version == extract::kExtractorVersion) continue;
    if (run.dry()) {
      SyncFileResult r{v.path, v.key, FileOutcome::kReextracted};
      r.message = "read by extractor " + v.extractor_version;
      run.Tell(r, v.document_id);
      continue;
    }
    const Written w = run.Writing(v.path, [&] { return Reextract(store, run.id(), v, now); });
    run.Tell(w.result, w.document_id);
  }
}

}  // namespace

SyncReport SyncFolder(store::Store& store, const std::string& folder, const SyncOptions& options) {
  if (options.jobs < 1) throw Error(ErrorCode::kUsage, "jobs must be at least 1");
  const std::string collection =
      options.collection.empty() ? CollectionOfFolder(folder) : options.collection;
  std::vector<FileToRead> files = Walk(folder, collection);
  const Timestamp now = Now();
  RunRecord run(store, options, now);

  KnownVersions known_versions;
  known_versions.Add(store.CurrentVersions(collection));
  const std::deque<store::CurrentVersion>& stored = known_versions.all();
  const auto candidate = [&](const std::string& relative) {
    return known_versions.Candidate(collection, relative);
  };

  std::set<std::string> seen;  // keys of the documents whose file is there
  std::vector<std::pair<std::int64_t, store::FileStat>> moved_stats;
  std::vector<const FileToRead*> to_read;
  std::vector<const FileToRead*> unreadable;
  const auto total = static_cast<std::int64_t>(files.size());
  std::int64_t done = 0;
  const auto progress = [&] {
    ++done;
    if (options.on_progress) options.on_progress(done, total);
  };
  for (FileToRead& f : files) {
    if (!StatFile(f.path, f.relative, f.stat)) {
      unreadable.push_back(&f);
      continue;
    }
    const store::CurrentVersion* known = candidate(f.relative);
    if (known && known->stat && *known->stat == f.stat) {
      // Same size and time as at the last walk: not read again.
      seen.insert(known->key);
      run.Tell({f.path, known->key, FileOutcome::kUnchanged}, known->document_id);
      progress();
    } else {
      to_read.push_back(&f);
    }
  }
  for (const FileToRead* f : unreadable) {
    SyncFileResult r{f->path, "", FileOutcome::kFailed};
    r.message = f->path + ": cannot read its size and time";
    if (const auto* known = candidate(f->relative)) seen.insert(known->key);
    run.Tell(r, std::nullopt);
    progress();
  }

  InOrder<PreparedFile>(
      to_read.size(), options.jobs,
      [&](std::size_t i) {
        const store::CurrentVersion* known = candidate(to_read[i]->relative);
        return PrepareFile(*to_read[i], options.max_file_bytes,
                           known ? std::optional<store::CurrentVersion>(*known) : std::nullopt);
      },
      [&](PreparedFile&& file) {
        const store::CurrentVersion* known = candidate(file.file.relative);
        if (file.failed) {
          // Its document (if it has one) stays as it is: a file there but unreadable is
          // not a file that disappeared.
          if (known) seen.insert(known->key);
          SyncFileResult r{file.file.path, file.key, FileOutcome::kFailed};
          r.message = file.message;
          run.Tell(r, std::nullopt);
        } else if (file.unchanged) {
          seen.insert(file.key);
          moved_stats.emplace_back(known->document_id, file.file.stat);
          run.Tell({file.file.path, file.key, FileOutcome::kUnchanged}, known->document_id);
        } else if (run.dry()) {
          seen.insert(file.key);
          const bool exists = known_versions.ByKey(collection, file.key) != nullptr;
          SyncFileResult r{file.file.path, file.key, exists ? FileOutcome::kChanged : FileOutcome::kNew};
          r.claims_added = static_cast<std::int64_t>(file.claims.size());
          run.Tell(r, std::nullopt);
        } else {
          seen.insert(file.key);
          const Written w =
              run.Writing(file.file.path, [&] { return WritePrepared(store, run.id(), file, now); });
          run.Tell(w.result, w.document_id);
        }
        progress();
      });

  // Documents whose file is gone. A walk that found no bulletin at all while documents
  // are stored looks like a folder that is not mounted: nothing is withdrawn then.
  std::vector<std::string> gone_stats;
  const bool looks_unmounted = files.empty() && !stored.empty() && !options.allow_empty;
  for (const auto& v : stored) {
    if (seen.count(v.key)) continue;
    if (v.stat) gone_stats.push_back(v.stat->path);
    if (options.keep_missing || looks_unmounted) continue;
    // Named as the walk would have found it, where the last walk did.
    SyncFileResult r{v.stat ? (fs::path(folder) / v.stat->path).lexically_normal().string() : v.path,
                     v.key, FileOutcome::kRemoved};
    if (!run.dry()) {
      r.claims_closed = run.Writing(r.path + " (its withdrawal)", [&] {
        return store.Withdraw(run.id(), v.version_id, *Date::Parse(now.substr(0, 10)), now);
      });
    }
    run.Tell(r, v.document_id);
  }
  if (!run.dry()) {
    run.Writing("the file sizes and times of the walk", [&] {
      store.SaveFileStats(collection, moved_stats, looks_unmounted ? std::vector<std::string>{} : gone_stats);
    });
    ReextractOutdated(store, store.CurrentVersions(collection), run, now);
  } else {
    ReextractOutdated(store, {stored.begin(), stored.end()}, run, now);
  }
  SyncReport report = run.Finish();
  if (looks_unmounted)
    throw Error(ErrorCode::kInput,
                folder + ": no bulletin found, but " + std::to_string(stored.size()) +
                    " documents of collection \"" + collection +
                    "\" are stored; nothing was withdrawn (is the folder mounted? give "
                    "--allow-empty to withdraw them all)");
  return report;
}

SyncReport ReextractAll(store::Store& store, const SyncOptions& options) {
  const Timestamp now = Now();
  RunRecord run(store, options, now);
  const auto versions = store.CurrentVersions(std::nullopt);
  ReextractOutdated(store, versions, run, now);
  return run.Finish();
}

}  // namespace annals::ingest
