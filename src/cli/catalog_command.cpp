// `annals subjects` and `annals metrics`: what the database knows about, to find what to ask.
#include <iostream>

#include "annals/error.h"
#include "cli/filters.h"

namespace annals::cli {
namespace {

void RegisterCatalog(CLI::App& app, const Globals& globals, bool metrics) {
  struct Options {
    CatalogQuery query;
    Format format = Format::kTable;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      metrics ? "metrics" : "subjects",
      metrics ? "The metrics the database knows (for events the event types, for relations the\n"
                "kinds of tie), with claim counts, reports and date ranges.\n\n"
                "Examples:\n"
                "  annals metrics\n"
                "  annals metrics --subject Changchun --kind count\n"
                "  annals metrics --as-reported-on 2019-01-01 --format json"
              : "The subjects the database knows (places, organisations, events), with claim\n"
                "counts by kind, reports and date ranges.\n\n"
                "Examples:\n"
                "  annals subjects\n"
                "  annals subjects --kind relation\n"
                "  annals subjects --as-reported-on 2019-01-01 --format csv");
  if (metrics)
    AddSubjectOption(*cmd, o->query.subject, "Only this subject's metrics (a place in any of its names)");
  cmd->add_option_function<std::string>(
         "--kind",
         [o](const std::string& v) {
           o->query.kind = ParseClaimKind(v);
           if (!o->query.kind)
             throw Error(ErrorCode::kUsage, "--kind " + v + ": not a kind; choose count, event or relation");
         },
         "count, event or relation")
      ->type_name("KIND");
  AddReportedOnOption(*cmd, o->query.as_reported_on,
                      "Record time: only claims on record on this date (YYYY[-MM[-DD]])");
  AddFormatOption(*cmd, o->format, Format::kTable);
  cmd->callback([o, &globals, metrics] {
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintCatalog(std::cout, metrics ? db->Metrics(o->query) : db->Subjects(o->query), metrics,
                 o->format);
  });
}

}  // namespace

void RegisterSubjects(CLI::App& app, const Globals& globals) { RegisterCatalog(app, globals, false); }
void RegisterMetrics(CLI::App& app, const Globals& globals) { RegisterCatalog(app, globals, true); }

}  // namespace annals::cli
