// `annals history`: every report of one figure over record time.
#include <iostream>

#include "cli/filters.h"

namespace annals::cli {

void RegisterHistory(CLI::App& app, const Globals& globals) {
  struct Options {
    std::optional<std::string> subject, metric;
    HistoryQuery query;
    Format format = Format::kTable;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "history",
      "Every report of one figure over record time, oldest first, one line each: the report\n"
      "date, the value and its bounds, the valid time, the document and the quote. Reports\n"
      "that a later version of their bulletin revised or withdrew are shown as such.\n\n"
      "Examples:\n"
      "  annals history --subject Changchun --metric partner_cities\n"
      "  annals history --subject 长春 --metric partner_cities --class friendship\n"
      "  annals history --subject Chongqing --metric investment --format csv");
  AddSubjectOption(*cmd, o->subject, "Whose figure: a place in any of its names, or an organisation",
                   true);
  cmd->add_option_function<std::string>(
         "--metric",
         [o](const std::string& v) { o->metric = ParseName("--metric", v, "a metric or a counted noun"); },
         "partner_cities, partner_countries, delegations, ... or a counted noun (see annals metrics)")
      ->type_name("METRIC")
      ->required();
  cmd->add_option_function<std::string>(
         "--class", [o](const std::string& v) { o->query.partner_class = ParseClassOption(v); },
         "Partner class: friendship, friendly_exchange or any")
      ->type_name("CLASS");
  AddKnownAtOption(*cmd, o->query.as_known_at);
  AddFormatOption(*cmd, o->format, Format::kTable);
  cmd->callback([o, &globals] {
    o->query.subject = *o->subject;
    o->query.metric = *o->metric;
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintHistory(std::cout, db->History(o->query), o->format);
  });
}

}  // namespace annals::cli
