// `annals relations` and `annals events`: ties and dated happenings, with the time filters
// of `query`.
#include <iostream>

#include "cli/filters.h"

namespace annals::cli {
namespace {

struct Options {
  ClaimQuery query;
  ValidOptions valid;
  Format format = Format::kTable;
};

void AddCommonOptions(CLI::App& cmd, Options& o) {
  AddReportedOnOption(cmd, o.query.as_reported_on,
                      "Record time: on the public record on this date (YYYY[-MM[-DD]])");
  AddValidOptions(cmd, o.valid);
  AddKnownAtOption(cmd, o.query.as_known_at);
  AddCertainOption(cmd, o.query.certain_only);
  AddResolveOption(cmd, o.query.resolve);
  AddFormatOption(cmd, o.format, Format::kTable);
}

}  // namespace

void RegisterRelations(CLI::App& app, const Globals& globals) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "relations",
      "The partner cities of a place as reported: the partner's canonical name and the name\n"
      "as written, its country, the kind of tie, the since-date and the source. Partners\n"
      "may be named in any of their names.\n\n"
      "Examples:\n"
      "  annals relations --subject Changchun --as-reported-on 2019-02-01\n"
      "  annals relations --subject Chongqing --partner 西雅圖\n"
      "  annals relations --subject 重庆 --resolve latest-report --format json");
  AddSubjectOption(*cmd, o->query.subject, "Whose ties: a place in any of its names");
  cmd->add_option_function<std::string>(
         "--partner",
         [o](const std::string& v) { o->query.partner = ParseName("--partner", v, "a partner's name"); },
         "Only the ties with this partner, in any of its names")
      ->type_name("NAME");
  AddCommonOptions(*cmd, *o);
  cmd->callback([o, &globals] {
    o->query.kind = ClaimKind::kRelation;
    ApplyValid(o->valid, o->query);
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintRelations(std::cout, db->Query(o->query), o->format);
  });
}

void RegisterEvents(CLI::App& app, const Globals& globals) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "events",
      "Dated happenings (held, signed, established, visits, ...) in a valid-time range, with\n"
      "whether each certainly or only possibly falls in it: an event dated `2018` is only\n"
      "possibly in June 2018 (--certain keeps the certain ones).\n\n"
      "Examples:\n"
      "  annals events --subject Changchun --valid-from 2018 --valid-to 2018\n"
      "  annals events --subject 重慶 --valid-at 2014-03 --certain\n"
      "  annals events --metric held --format csv");
  AddSubjectOption(*cmd, o->query.subject, "Whose events: a place in any of its names, or an organisation");
  cmd->add_option_function<std::string>(
         "--metric",
         [o](const std::string& v) { o->query.metric = ParseName("--metric", v, "an event type"); },
         "The event type: held, agreement_signed, established, visit, ... (see annals metrics --kind event)")
      ->type_name("TYPE");
  AddCommonOptions(*cmd, *o);
  cmd->callback([o, &globals] {
    o->query.kind = ClaimKind::kEvent;
    ApplyValid(o->valid, o->query);
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintEvents(std::cout, db->Query(o->query), o->format);
  });
}

}  // namespace annals::cli
