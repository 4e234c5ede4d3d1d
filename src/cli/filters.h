// Options that several subcommands share: whose claims, and the three times. Each adds
// one option to `cmd` that writes into the given variable, which must outlive the parse.
#pragma once

#include <optional>
#include <string>

#include "cli/command.h"

namespace annals::cli {

/// `--subject NAME`, not empty.
void AddSubjectOption(CLI::App& cmd, std::optional<std::string>& subject, const std::string& help,
                      bool required = false);
/// `--as-reported-on DATE` (record time).
void AddReportedOnOption(CLI::App& cmd, std::optional<Date>& on, const std::string& help);
/// `--as-known-at TIME` (system time).
void AddKnownAtOption(CLI::App& cmd, std::optional<Timestamp>& at);

/// `--valid-at`, `--valid-from`, `--valid-to` (valid time).
struct ValidOptions {
  std::optional<Date> at, from, to;
};
void AddValidOptions(CLI::App& cmd, ValidOptions& valid);
/// Puts the valid-time options into `q`; Error(kUsage) for `--valid-at` with a range, or a
/// range that ends before it starts.
void ApplyValid(const ValidOptions& valid, ClaimQuery& q);

/// `--certain`.
void AddCertainOption(CLI::App& cmd, bool& certain);
/// `--resolve all|latest-report|most-specific`.
void AddResolveOption(CLI::App& cmd, Resolution& resolve);
/// The value of `--class`: friendship, friendly_exchange or any; Error(kUsage) otherwise.
std::optional<PartnerClass> ParseClassOption(const std::string& value);

}  // namespace annals::cli
