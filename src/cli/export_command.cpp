// `annals export`: every claim ever stored, in the export contract.
#include <iostream>

#include "cli/command.h"

namespace annals::cli {

void RegisterExport(CLI::App& app, const Globals& globals) {
  auto format = std::make_shared<Format>(Format::kJsonl);
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Every claim ever stored (current and closed rows), one JSON object a line by default,\n"
      "with its three times, quote, byte span, document and extractor rule.\n\n"
      "Example:\n  annals export --format jsonl > claims.jsonl");
  AddFormatOption(*cmd, *format, Format::kJsonl);
  cmd->callback([format, &globals] {
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintClaims(std::cout, [&](const ClaimVisitor& visit) { db->ForEachClaim(visit); }, *format);
  });
}

}  // namespace annals::cli
