// `annals documents`: the stored bulletin versions.
#include <iostream>

#include "cli/command.h"

namespace annals::cli {

void RegisterDocuments(CLI::App& app, const Globals& globals) {
  auto format = std::make_shared<Format>(Format::kTable);
  CLI::App* cmd = app.add_subcommand(
      "documents",
      "The stored bulletin versions: publication date, language, claim count, title, path.\n\n"
      "Example:\n  annals documents\n  annals documents --format json");
  AddFormatOption(*cmd, *format, Format::kTable);
  cmd->callback([format, &globals] {
    auto db = globals.Open(OpenMode::kReadOnly);
    PrintDocuments(std::cout, db->Documents(), *format);
  });
}

}  // namespace annals::cli
