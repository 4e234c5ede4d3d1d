// `annals diff`: what changed on the record between two report dates, or in this database
// between two instants.
#include <iostream>

#include "annals/error.h"
#include "cli/filters.h"

namespace annals::cli {

void RegisterDiff(CLI::App& app, const Globals& globals) {
  struct Options {
    DiffQuery query;
    Format format = Format::kTable;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "diff",
      "What changed on the record between two report dates (--from, --to): claims added,\n"
      "withdrawn or revised (the old and the new value side by side), and disagreements that\n"
      "appeared or were settled. With --known-from and --known-to (system time): what this\n"
      "database learned between two instants, such as two ingest runs.\n\n"
      "Examples:\n"
      "  annals diff --from 2019-01-01 --to 2019-02-01\n"
      "  annals diff --from 2018 --to 2019 --subject Changchun --format json\n"
      "  annals diff --known-from 2026-11-01 --known-to 2026-12-01");
  cmd->add_option_function<std::string>(
         "--from", [o](const std::string& v) { o->query.from = ParseDateOption("--from", v); },
         "Record time: the record as it stood on this date (YYYY[-MM[-DD]])")
      ->type_name("DATE");
  cmd->add_option_function<std::string>(
         "--to", [o](const std::string& v) { o->query.to = ParseDateOption("--to", v); },
         "Record time: against the record on this later date")
      ->type_name("DATE");
  cmd->add_option_function<std::string>(
         "--known-from",
         [o](const std::string& v) { o->query.known_from = ParseTimestampOption("--known-from", v); },
         "System time: this database at this instant, UTC (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)")
      ->type_name("TIME");
  cmd->add_option_function<std::string>(
         "--known-to",
         [o](const std::string& v) { o->query.known_to = ParseTimestampOption("--known-to", v); },
         "System time: against this later instant (default: now)")
      ->type_name("TIME");
  AddSubjectOption(*cmd, o->query.subject, "Only this place (with the things in it), thing or organisation");
  AddFormatOption(*cmd, o->format, Format::kTable);
  cmd->callback([o, &globals] {
    const DiffQuery& q = o->query;
    const bool record = q.from || q.to, system = q.known_from || q.known_to;
    if (record && system)
      throw Error(ErrorCode::kUsage, "give --from/--to (report dates) or --known-from/--known-to "
                                     "(instants of this database), not both");
    if (!record && !system)
      throw Error(ErrorCode::kUsage, "give --from and --to (report dates), or --known-from "
                                     "(and --known-to) for instants of this database");
    if (record && (!q.from || !q.to))
      throw Error(ErrorCode::kUsage, std::string(q.from ? "--to" : "--from") +
                                         " is missing: a diff of report dates needs both");
    if (record && q.from->LastDay() >= q.to->LastDay())
      throw Error(ErrorCode::kUsage, "--from " + q.from->ToString() + " is not before --to " +
                                         q.to->ToString() + "; give the earlier date first");
    if (system && !q.known_from)
      throw Error(ErrorCode::kUsage, "--known-from is missing: a diff of instants needs it");
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintDiff(std::cout, db->Diff(q), o->format);
  });
}

}  // namespace annals::cli
