// `annals ingest PATH...`
#include <iostream>

#include "annals/error.h"
#include "cli/command.h"

namespace annals::cli {

void RegisterIngest(CLI::App& app, const Globals& globals) {
  struct Options {
    std::vector<std::string> paths;
    std::int64_t max_bytes = IngestOptions{}.max_file_bytes;
    bool quiet = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read bulletins (files, or folders searched for *.txt, *.html, *.htm) into the database.\n"
      "Each file is written in one transaction; unchanged files are skipped; a file that is\n"
      "not a bulletin is reported and nothing of it is written (exit code 2).\n"
      "A sidecar NAME.meta.json may give published_on, source_uri, publisher, language\n"
      "and encoding; it wins over the header.\n\n"
      "Example:\n  annals ingest seeds/\n  annals --db /var/lib/annals.db ingest bulletin.txt");
  cmd->add_option("paths", opts->paths, "Bulletin files or folders")->required();
  cmd->add_option("--max-bytes", opts->max_bytes, "Reject files larger than this")
      ->default_val(opts->max_bytes);
  cmd->add_flag("-q,--quiet", opts->quiet, "Print only problems");
  cmd->callback([opts, &globals] {
    auto db = globals.Open(OpenMode::kCreate);
    IngestOptions options;
    options.max_file_bytes = opts->max_bytes;
    const IngestReport report = db->Ingest(opts->paths, options);
    std::size_t added = 0, unchanged = 0, rejected = 0;
    std::int64_t claims = 0;
    for (const auto& f : report.files) {
      switch (f.status) {
        case IngestFileResult::Status::kAdded:
          ++added;
          claims += f.claims;
          if (!opts->quiet) std::cout << "added      " << f.path << " (" << f.claims << " claims)\n";
          for (const auto& w : f.warnings) std::cerr << "annals: warning: " << f.path << ": " << w << "\n";
          break;
        case IngestFileResult::Status::kUnchanged:
          ++unchanged;
          if (!opts->quiet) std::cout << "unchanged  " << f.path << "\n";
          break;
        case IngestFileResult::Status::kRejected:
          ++rejected;
          std::cerr << "annals: rejected " << f.message << "\n";
          break;
      }
    }
    if (!opts->quiet)
      std::cout << added << " added (" << claims << " claims), " << unchanged << " unchanged, "
                << rejected << " rejected\n";
    if (rejected)
      throw Error(ErrorCode::kInput, std::to_string(rejected) +
                                         " file(s) rejected; nothing of them was written");
  });
}

}  // namespace annals::cli
