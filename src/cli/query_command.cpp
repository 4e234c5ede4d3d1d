// `annals query`: claims filtered over the three times.
#include <iostream>
#include <limits>

#include "annals/error.h"
#include "cli/filters.h"

namespace annals::cli {

void RegisterQuery(CLI::App& app, const Globals& globals) {
  struct Options {
    ClaimQuery query;
    std::optional<Date> valid_at;
    Format format = Format::kTable;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "query",
      "Claims that answer a question, with their quotes and sources.\n"
      "Record time (--as-reported-on) keeps what was on the public record that day; valid\n"
      "time (--valid-at, --valid-from/--valid-to) keeps facts that held then; system time\n"
      "(--as-known-at) replays what this database held at an instant. Claims from the latest\n"
      "report on their subject and metric are marked `latest`; figures that other reports\n"
      "give differently are marked `conflicts:` with those claims' ids.\n\n"
      "Examples:\n"
      "  annals query --subject Changchun --metric partner_cities --as-reported-on 2019-02-01\n"
      "  annals query --subject 重庆 --kind event --valid-from 2014 --valid-to 2015\n"
      "  annals query --metric partner_cities --class friendship --format json\n"
      "  annals query --subject Changchun --kind event --valid-at 2018-06-01 --certain\n"
      "  annals query --subject Changchun --metric partner_cities --resolve latest-report");
  cmd->add_option_function<std::string>(
      "--subject",
      [o](const std::string& v) {
        o->query.subject = ParseName("--subject", v, "a place or organisation name");
      },
      "Whose claims: a place in any of its names, or an organisation")
      ->type_name("NAME");
  cmd->add_option_function<std::string>(
      "--metric",
      [o](const std::string& v) {
        o->query.metric = ParseName("--metric", v, "a metric or a counted noun");
      },
      "partner_cities, partner_countries, delegations, ... or a counted noun")
      ->type_name("METRIC");
  cmd->add_option_function<std::string>(
      "--class",
      [o](const std::string& v) {
        o->query.partner_class = ParsePartnerClass(v);
        if (!o->query.partner_class || *o->query.partner_class == PartnerClass::kNone)
          throw Error(ErrorCode::kUsage,
                      "--class " + v +
                          ": not a partner class; choose friendship, friendly_exchange or any");
      },
      "Partner class: friendship, friendly_exchange or any")
      ->type_name("CLASS");
  cmd->add_option_function<std::string>(
      "--kind",
      [o](const std::string& v) {
        o->query.kind = ParseClaimKind(v);
        if (!o->query.kind)
          throw Error(ErrorCode::kUsage,
                      "--kind " + v + ": not a kind; choose count, event or relation");
      },
      "count, event or relation")
      ->type_name("KIND");
  cmd->add_option_function<std::string>(
      "--as-reported-on",
      [o](const std::string& v) {
        o->query.as_reported_on = ParseDateOption("--as-reported-on", v);
      },
      "Record time: on the public record on this date (YYYY[-MM[-DD]])")
      ->type_name("DATE");
  cmd->add_option_function<std::string>(
      "--valid-at", [o](const std::string& v) { o->valid_at = ParseDateOption("--valid-at", v); },
      "Valid time: held on this date (YYYY[-MM[-DD]])")
      ->type_name("DATE");
  cmd->add_option_function<std::string>(
      "--valid-from",
      [o](const std::string& v) { o->query.valid_from = ParseDateOption("--valid-from", v); },
      "Valid time: held at some point from this date")
      ->type_name("DATE");
  cmd->add_option_function<std::string>(
      "--valid-to",
      [o](const std::string& v) { o->query.valid_to = ParseDateOption("--valid-to", v); },
      "Valid time: held at some point up to this date")
      ->type_name("DATE");
  cmd->add_option_function<std::string>(
      "--as-known-at",
      [o](const std::string& v) {
        o->query.as_known_at = ParseTimestampOption("--as-known-at", v);
      },
      "System time: as this database knew it then, UTC (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)")
      ->type_name("TIME");
  cmd->add_option_function<std::string>(
      "--limit",
      [o](const std::string& v) {
        o->query.limit =
            ParseWholeNumber("--limit", v, 1, std::numeric_limits<std::int64_t>::max());
      },
      "At most this many claims (leave it out for all)")
      ->type_name("N");
  AddCertainOption(*cmd, o->query.certain_only);
  AddResolveOption(*cmd, o->query.resolve);
  AddFormatOption(*cmd, o->format, Format::kTable);
  cmd->callback([o, &globals] {
    ClaimQuery& q = o->query;
    if (o->valid_at) {
      if (q.valid_from || q.valid_to)
        throw Error(ErrorCode::kUsage,
                    "--valid-at cannot be combined with --valid-from/--valid-to");
      q.valid_from = q.valid_to = o->valid_at;
    }
    if (q.valid_from && q.valid_to && q.valid_from->FirstDay() > q.valid_to->LastDay())
      throw Error(ErrorCode::kUsage, "--valid-from " + q.valid_from->ToString() +
                                         " is after --valid-to " + q.valid_to->ToString() +
                                         "; give a range that starts before it ends");
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintAnswer(std::cout, db->Query(q), o->format);
  });
}

}  // namespace annals::cli
