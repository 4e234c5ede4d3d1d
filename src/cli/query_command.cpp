// `annals query`: claims filtered over the three times.
#include <iostream>

#include "annals/error.h"
#include "cli/command.h"

namespace annals::cli {

void RegisterQuery(CLI::App& app, const Globals& globals) {
  struct Options {
    std::string subject, metric, partner_class, kind;
    std::string reported, valid_at, valid_from, valid_to, known_at;
    std::int64_t limit = 0;
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
      "  annals query --metric partner_cities --class friendship --format json");
  cmd->add_option("--subject", o->subject, "Whose claims: a place in any of its names, or an organisation");
  cmd->add_option("--metric", o->metric, "partner_cities, partner_countries, delegations, ... or a counted noun");
  cmd->add_option("--class", o->partner_class, "Partner class: friendship, friendly_exchange or any")
      ->check(CLI::IsMember({"friendship", "friendly_exchange", "any"}));
  cmd->add_option("--kind", o->kind, "count, event or relation")
      ->check(CLI::IsMember({"count", "event", "relation"}));
  cmd->add_option("--as-reported-on", o->reported, "Record time: on the public record on this date");
  cmd->add_option("--valid-at", o->valid_at, "Valid time: held on this date (YYYY[-MM[-DD]])");
  cmd->add_option("--valid-from", o->valid_from, "Valid time: held at some point from this date");
  cmd->add_option("--valid-to", o->valid_to, "Valid time: held at some point up to this date");
  cmd->add_option("--as-known-at", o->known_at,
                  "System time: as this database knew it then (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)");
  cmd->add_option("--limit", o->limit, "At most this many claims");
  AddFormatOption(*cmd, o->format, Format::kTable);
  cmd->callback([o, &globals] {
    ClaimQuery q;
    if (!o->subject.empty()) q.subject = o->subject;
    if (!o->metric.empty()) q.metric = o->metric;
    if (!o->partner_class.empty()) q.partner_class = ParsePartnerClass(o->partner_class);
    if (!o->kind.empty()) q.kind = ParseClaimKind(o->kind);
    if (!o->reported.empty()) q.as_reported_on = ParseDateOption("--as-reported-on", o->reported);
    if (!o->valid_at.empty()) {
      if (!o->valid_from.empty() || !o->valid_to.empty())
        throw Error(ErrorCode::kUsage, "--valid-at cannot be combined with --valid-from/--valid-to");
      q.valid_from = q.valid_to = ParseDateOption("--valid-at", o->valid_at);
    }
    if (!o->valid_from.empty()) q.valid_from = ParseDateOption("--valid-from", o->valid_from);
    if (!o->valid_to.empty()) q.valid_to = ParseDateOption("--valid-to", o->valid_to);
    if (!o->known_at.empty()) {
      q.as_known_at = ParseTimestamp(o->known_at);
      if (!q.as_known_at)
        throw Error(ErrorCode::kUsage, "--as-known-at " + o->known_at +
                                           ": write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.ffffff]Z");
    }
    if (o->limit > 0) q.limit = o->limit;
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintAnswer(std::cout, db->Query(q), o->format);
  });
}

}  // namespace annals::cli
