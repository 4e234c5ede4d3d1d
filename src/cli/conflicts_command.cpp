// `annals conflicts`: groups of claims on record that cannot all be true, and why.
#include <iostream>

#include "cli/filters.h"

namespace annals::cli {

void RegisterConflicts(CLI::App& app, const Globals& globals) {
  struct Options {
    ConflictQuery query;
    Format format = Format::kTable;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "conflicts",
      "Groups of claims on record that cannot all be true, each claim with its quote and\n"
      "document, and why in words: figures of one subject, metric, unit and class that do not\n"
      "meet for the same time (`nearly 20` and `20` meet; `70` and `50` do not), a figure that\n"
      "only grows (partner cities) falling in a later report, a thing's founding dated apart\n"
      "by two reports, a tie whose since-dates or kinds disagree, and the two language\n"
      "versions of one bulletin stating a figure or a tie differently. A place includes the\n"
      "things in it (seeds/data/entities.tsv).\n\n"
      "Examples:\n"
      "  annals conflicts --subject Changchun\n"
      "  annals conflicts --subject 重慶 --format json\n"
      "  annals conflicts --as-reported-on 2019-01-01");
  AddSubjectOption(*cmd, o->query.subject,
                   "A place in any of its names (with the things in it), a thing or an organisation");
  AddReportedOnOption(*cmd, o->query.as_reported_on,
                      "Record time: the claims on record on this date (default: today)");
  AddKnownAtOption(*cmd, o->query.as_known_at);
  AddFormatOption(*cmd, o->format, Format::kTable);
  cmd->callback([o, &globals] {
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintConflicts(std::cout, db->Conflicts(o->query), o->format);
  });
}

}  // namespace annals::cli
