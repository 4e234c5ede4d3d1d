// `annals ingest PATH...`
#include <iostream>
#include <limits>

#include "annals/error.h"
#include "cli/command.h"

namespace annals::cli {
namespace {

// Error::sqlite_code() of a write that waited for another process's lock and gave up.
constexpr int kSqliteBusy = 5;

struct Tally {
  std::size_t added = 0, unchanged = 0, rejected = 0;
  std::int64_t claims = 0;
  std::string Text() const {
    return std::to_string(added) + " added (" + std::to_string(claims) + " claims), " +
           std::to_string(unchanged) + " unchanged, " + std::to_string(rejected) + " rejected";
  }
};

}  // namespace

void RegisterIngest(CLI::App& app, const Globals& globals) {
  struct Options {
    std::vector<std::string> paths;
    IngestOptions ingest;
    bool quiet = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read bulletins (files, or folders searched for *.txt, *.html, *.htm) into the database.\n"
      "Each file is written in one transaction and listed as soon as it is committed;\n"
      "unchanged files are skipped; a file that is not a bulletin is reported and nothing of\n"
      "it is written (exit code 2). A database error (disk full, the write lock held longer\n"
      "than --busy-timeout) stops the run (exit code 3): the files listed before it are\n"
      "written, and running the same ingest again goes on from there.\n"
      "A sidecar NAME.meta.json may give published_on, source_uri, publisher, language\n"
      "and encoding; it wins over the header. Another ingest or sync writing to the\n"
      "database makes this one exit at once (exit code 4). For a folder that changes\n"
      "(revised and removed bulletins), use `annals sync`.\n\n"
      "Example:\n  annals ingest seeds/\n  annals --db /var/lib/annals.db ingest bulletin.txt");
  cmd->add_option("paths", opts->paths, "Bulletin files or folders")->required();
  AddFileReadingOptions(*cmd, opts->ingest.jobs, opts->ingest.collection,
                        opts->ingest.max_file_bytes,
                        "The collection the documents belong to (default: the folder's name; "
                        "for a file given alone, its folder's)");
  cmd->add_option_function<std::string>(
         "--busy-timeout",
         [opts](const std::string& v) {
           opts->ingest.busy_timeout_ms = static_cast<int>(
               ParseWholeNumber("--busy-timeout", v, 0, std::numeric_limits<int>::max()));
         },
         "How long each write waits for another process's write lock, in ms, before the run "
         "stops")
      ->type_name("MS")
      ->default_str(std::to_string(opts->ingest.busy_timeout_ms));
  cmd->add_flag("-q,--quiet", opts->quiet, "Print only problems");
  cmd->callback([opts, &globals] {
    Tally tally;
    IngestOptions options = opts->ingest;
    options.command = globals.command_line;
    options.on_file = [&tally, quiet = opts->quiet](const IngestFileResult& f) {
      switch (f.status) {
        case IngestFileResult::Status::kAdded:
          ++tally.added;
          tally.claims += f.claims;
          if (!quiet)
            std::cout << "added      " << Printable(f.path) << " (" << f.claims << " claims)"
                      << std::endl;
          for (const auto& w : f.warnings)
            std::cerr << "annals: warning: " << Printable(f.path) << ": " << Printable(w) << "\n";
          break;
        case IngestFileResult::Status::kUnchanged:
          ++tally.unchanged;
          if (!quiet) std::cout << "unchanged  " << Printable(f.path) << std::endl;
          break;
        case IngestFileResult::Status::kRejected:
          ++tally.rejected;
          std::cerr << "annals: rejected " << Printable(f.message) << std::endl;
          break;
      }
    };
    auto db = globals.Open(OpenMode::kCreate);
    try {
      db->Ingest(opts->paths, options);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kDatabase) throw;
      if (!opts->quiet) std::cout << tally.Text() << " before the run stopped" << std::endl;
      const bool locked = (e.sqlite_code() & 0xFF) == kSqliteBusy;
      const std::string advice =
          std::to_string(tally.added) + " file(s) committed before it" +
          (opts->quiet || !tally.added ? "" : ", listed above") + "; " +
          (locked ? "once the other writer is done (or with a longer --busy-timeout)"
                  : "once the cause is fixed") +
          ", run the same ingest again to go on: what is committed is then unchanged";
      throw Error(e.code(), std::string(e.what()) + "\n" + advice, e.sqlite_code());
    }
    if (!opts->quiet) std::cout << tally.Text() << "\n";
    if (tally.rejected)
      throw Error(ErrorCode::kInput, std::to_string(tally.rejected) +
                                         " file(s) rejected; nothing of them was written");
  });
}

}  // namespace annals::cli
