// Options that several subcommands share: whose claims, and the three times.
#include "cli/filters.h"

#include "annals/error.h"

namespace annals::cli {

void AddSubjectOption(CLI::App& cmd, std::optional<std::string>& subject, const std::string& help,
                      bool required) {
  auto* opt = cmd.add_option_function<std::string>(
                     "--subject",
                     [&subject](const std::string& v) {
                       subject = ParseName("--subject", v, "a place or organisation name");
                     },
                     help)
                  ->type_name("NAME");
  if (required) opt->required();
}

void AddReportedOnOption(CLI::App& cmd, std::optional<Date>& on, const std::string& help) {
  cmd.add_option_function<std::string>(
         "--as-reported-on",
         [&on](const std::string& v) { on = ParseDateOption("--as-reported-on", v); }, help)
      ->type_name("DATE");
}

void AddKnownAtOption(CLI::App& cmd, std::optional<Timestamp>& at) {
  cmd.add_option_function<std::string>(
         "--as-known-at",
         [&at](const std::string& v) { at = ParseTimestampOption("--as-known-at", v); },
         "System time: as this database knew it then, UTC (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)")
      ->type_name("TIME");
}

void AddValidOptions(CLI::App& cmd, ValidOptions& valid) {
  cmd.add_option_function<std::string>(
         "--valid-at", [&valid](const std::string& v) { valid.at = ParseDateOption("--valid-at", v); },
         "Valid time: held on this date (YYYY[-MM[-DD]])")
      ->type_name("DATE");
  cmd.add_option_function<std::string>(
         "--valid-from",
         [&valid](const std::string& v) { valid.from = ParseDateOption("--valid-from", v); },
         "Valid time: held at some point from this date")
      ->type_name("DATE");
  cmd.add_option_function<std::string>(
         "--valid-to",
         [&valid](const std::string& v) { valid.to = ParseDateOption("--valid-to", v); },
         "Valid time: held at some point up to this date")
      ->type_name("DATE");
}

void ApplyValid(const ValidOptions& valid, ClaimQuery& q) {
  q.valid_from = valid.from;
  q.valid_to = valid.to;
  if (valid.at) {
    if (valid.from || valid.to)
      throw Error(ErrorCode::kUsage, "--valid-at cannot be combined with --valid-from/--valid-to");
    q.valid_from = q.valid_to = valid.at;
  }
  if (q.valid_from && q.valid_to && q.valid_from->FirstDay() > q.valid_to->LastDay())
    throw Error(ErrorCode::kUsage, "--valid-from " + q.valid_from->ToString() +
                                       " is after --valid-to " + q.valid_to->ToString() +
                                       "; give a range that starts before it ends");
}

void AddCertainOption(CLI::App& cmd, bool& certain) {
  cmd.add_flag("--certain", certain,
               "Only claims that certainly hold at the valid time asked and were certainly on "
               "record on the report date asked (`2018` is only possibly on 2018-06-01)");
}

void AddResolveOption(CLI::App& cmd, Resolution& resolve) {
  cmd.add_option_function<std::string>(
         "--resolve",
         [&resolve](const std::string& v) {
           const auto r = ParseResolution(v);
           if (!r)
             throw Error(ErrorCode::kUsage,
                         "--resolve " + v + ": not a policy; choose all, latest-report or most-specific");
           resolve = *r;
         },
         "Which claim answers when several state the same thing: all (every claim), "
         "latest-report (the newest report wins) or most-specific (the narrowest valid time, "
         "then the most precise figure); the answer says why each won")
      ->type_name("POLICY")
      ->default_str("all");
}

std::optional<PartnerClass> ParseClassOption(const std::string& v) {
  auto c = ParsePartnerClass(v);
  if (!c || *c == PartnerClass::kNone)
    throw Error(ErrorCode::kUsage,
                "--class " + v + ": not a partner class; choose friendship, friendly_exchange or any");
  return c;
}

}  // namespace annals::cli
