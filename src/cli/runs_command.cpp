// `annals runs`: the record of every ingest, sync and reextract.
#include <iostream>
#include <limits>

#include "annals/error.h"
#include "cli/command.h"

namespace annals::cli {

void RegisterRuns(CLI::App& app, const Globals& globals) {
  struct Options {
    Format format = Format::kTable;
    std::optional<std::int64_t> id;
    std::int64_t limit = 20;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "runs",
      "The recorded runs of ingest, sync and reextract, newest first: when each started,\n"
      "how it ended (completed, failed, interrupted when its process died, running), what\n"
      "it was asked, and what it did with the files. --id N shows one run with each file\n"
      "it wrote, withdrew, re-read or failed on (unchanged files are counted, not listed).\n\n"
      "Example:\n  annals runs\n  annals runs --id 12 --format json");
  cmd->add_option_function<std::string>(
         "--id",
         [opts](const std::string& v) {
           opts->id = ParseWholeNumber("--id", v, 1, std::numeric_limits<std::int64_t>::max());
         },
         "Show this run with its per-file outcomes")
      ->type_name("N");
  cmd->add_option_function<std::string>(
         "--limit",
         [opts](const std::string& v) {
           opts->limit = ParseWholeNumber("--limit", v, 1, std::numeric_limits<std::int64_t>::max());
         },
         "List at most this many runs")
      ->type_name("N")
      ->default_str("20");
  AddFormatOption(*cmd, opts->format, Format::kTable);
  cmd->callback([opts, &globals] {
    auto db = globals.Open(OpenMode::kReadOnly);
    if (!opts->id) {
      PrintRuns(std::cout, db->Runs(opts->limit), opts->format);
      return;
    }
    const auto detail = db->Run(*opts->id);
    if (!detail)
      throw Error(ErrorCode::kUsage, "--id " + std::to_string(*opts->id) +
                                         ": no such run; `annals runs` lists them");
    PrintRunDetail(std::cout, *detail, opts->format);
  });
}

}  // namespace annals::cli
