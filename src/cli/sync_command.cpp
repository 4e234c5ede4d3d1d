// `annals sync DIR` and `annals reextract`: the operator's writing commands, logged.
#include <spdlog/spdlog.h>

#include <iostream>

#include "annals/error.h"
#include "cli/command.h"
#include "cli/log.h"

namespace annals::cli {
namespace {

struct WriteJob {
  SyncOptions sync;
  LogOptions log;
  std::string folder;
};

// One line per file that changed anything (stdout in a dry run: it is the answer).
void TellFile(const SyncFileResult& f, bool dry_run, bool verbose) {
  if (dry_run && f.outcome == FileOutcome::kUnchanged && !verbose) return;
  std::string text = std::string(FileOutcomeName(f.outcome));
  text.resize(std::max<std::size_t>(text.size(), 12), ' ');
  text += f.path;
  const auto claims = [](std::int64_t n) { return std::to_string(n) + (n == 1 ? " claim" : " claims"); };
  switch (f.outcome) {
    case FileOutcome::kFailed: text = f.message; break;
    case FileOutcome::kNew: text += " (" + claims(f.claims_added) + ")"; break;
    case FileOutcome::kChanged:
      text += " (" + claims(f.claims_added) + " added, " + std::to_string(f.claims_closed) + " closed)";
      break;
    case FileOutcome::kRemoved: text += " (" + claims(f.claims_closed) + " withdrawn)"; break;
    case FileOutcome::kReextracted:
      text += " (" + claims(f.claims_added) + " added, " + std::to_string(f.claims_closed) +
              " closed, " + std::to_string(f.claims_kept) + " kept)";
      break;
    case FileOutcome::kUnchanged: break;
  }
  if (dry_run) {
    std::cout << "would be " << Printable(text) << std::endl;
    return;
  }
  nlohmann::json fields = SyncFileJson(f);
  fields["event"] = "file";
  const bool failed = f.outcome == FileOutcome::kFailed;
  Log(failed ? spdlog::level::warn
      : f.outcome == FileOutcome::kUnchanged ? spdlog::level::debug
                                             : spdlog::level::info,
      text, fields);
  for (const auto& w : f.warnings)
    Log(spdlog::level::warn, f.path + ": " + w, {{"event", "warning"}, {"path", f.path}});
}

// Runs a sync or re-extraction with its log, its progress line and its summary (stdout),
// and turns failed files into exit code 2.
void RunLogged(const Globals& globals, WriteJob& job, bool reextract) {
  SetUpLogging(job.log);
  Progress progress(job.log, "files");
  job.sync.on_file = [&](const SyncFileResult& f) { TellFile(f, job.sync.dry_run, job.log.verbose); };
  job.sync.on_progress = [&](std::int64_t done, std::int64_t total) { progress.Update(done, total); };
  auto db = globals.Open(job.sync.dry_run ? OpenMode::kReadOnly : OpenMode::kCreate);
  const SyncReport report = reextract ? db->Reextract(job.sync) : db->Sync(job.folder, job.sync);
  const RunCounts& n = report.counts;
  std::string summary = (job.sync.dry_run ? "dry run, nothing written: " : "run " + std::to_string(report.run_id) + ": ") +
                        n.Text();
  if (!job.sync.dry_run && !n.Wrote()) summary += "; the database is unchanged";
  if (job.log.format == LogFormat::kJson) {
    nlohmann::json j = RunCountsJson(n);
    j["event"] = "summary";
    j["run"] = report.run_id;
    j["dry_run"] = job.sync.dry_run;
    j["message"] = summary;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  } else {
    std::cout << summary << std::endl;
  }
  if (n.files_failed)
    throw Error(ErrorCode::kInput, std::to_string(n.files_failed) +
                                       " file(s) failed and were skipped (listed above); the "
                                       "others are written");
}

}  // namespace

void RegisterSync(CLI::App& app, const Globals& globals) {
  auto job = std::make_shared<WriteJob>();
  CLI::App* cmd = app.add_subcommand(
      "sync",
      "Bring the database in step with a folder of bulletins: the nightly job.\n"
      "New files are ingested; files whose size and time did not move are not read; a\n"
      "changed file (or sidecar) becomes a new version of its document, whose old claims\n"
      "leave the record on the new version's publication date; the documents of files\n"
      "that disappeared are withdrawn on the run's date (unless --keep-missing). Nothing\n"
      "is deleted: what is no longer true is closed. Documents read by an older extractor\n"
      "are read again from their stored bytes. A document is known by its collection\n"
      "(the folder's name, or --collection) and its path inside it (or its sidecar's\n"
      "source_uri), so the folder may move to another disk. Each document is written in\n"
      "one transaction: a run killed at any point is finished by running it again.\n"
      "The log goes to stderr, the one-line summary to stdout; every run is listed by\n"
      "`annals runs`. Exit codes: 0 done, 1 bad usage, 2 some files failed (the others\n"
      "are written), 3 database error, 4 another ingest or sync is writing.\n\n"
      "Example:\n  annals --db /var/lib/annals/annals.db sync /srv/bulletins --jobs 2\n"
      "  annals sync seeds/ --dry-run");
  cmd->add_option("folder", job->folder, "The folder of bulletins (*.txt, *.html, *.htm)")->required();
  cmd->add_flag("-n,--dry-run", job->sync.dry_run, "Print what would change and write nothing");
  cmd->add_flag("--keep-missing", job->sync.keep_missing,
                "Leave the documents of files that disappeared on the record");
  cmd->add_flag("--allow-empty", job->sync.allow_empty,
                "Withdraw every document when the folder holds no bulletin (without it such a "
                "run withdraws nothing: the folder may not be mounted)");
  AddFileReadingOptions(*cmd, job->sync.jobs, job->sync.collection, job->sync.max_file_bytes,
                        "The collection the folder's documents belong to (default: the "
                        "folder's name)");
  AddLogOptions(*cmd, job->log);
  cmd->callback([job, &globals] {
    job->sync.command = globals.command_line;
    RunLogged(globals, *job, false);
  });
}

void RegisterReextract(CLI::App& app, const Globals& globals) {
  auto job = std::make_shared<WriteJob>();
  CLI::App* cmd = app.add_subcommand(
      "reextract",
      "Read every current document that another extractor version read again, from the\n"
      "bytes stored in the database (the files need not exist). Claims read the same are\n"
      "kept; the others are closed in system time only (the record did not change, the\n"
      "reading did) and the new ones added; each document is reported with how many claims\n"
      "were added, closed and kept. Run after upgrading annals; `sync` does the same for\n"
      "its folder's documents.\n\n"
      "Example:\n  annals reextract\n  annals reextract --dry-run");
  cmd->add_flag("-n,--dry-run", job->sync.dry_run, "List the documents it would read again");
  AddLogOptions(*cmd, job->log);
  cmd->callback([job, &globals] {
    job->sync.command = globals.command_line;
    RunLogged(globals, *job, true);
  });
}

}  // namespace annals::cli
