// What every subcommand of the CLI shares: the database address and the output format.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "annals/database.h"
#include "annals/error.h"
#include "cli/format.h"

namespace annals::cli {

struct Globals {
  std::string db_path = "annals.db";
  /// Opens the database at --db. Only the commands that write (`ingest`) pass
  /// OpenMode::kCreate; reading commands pass kReadOnly, so a mistyped path is an error
  /// rather than a new empty database.
  std::unique_ptr<Database> Open(OpenMode mode) const {
    if (db_path.empty())
      throw Error(ErrorCode::kUsage,
                  "--db: the database path is empty; give a file (the default is ./annals.db)");
    return Database::Open(db_path, mode);
  }
};

/// Adds `--format` to a subcommand.
void AddFormatOption(CLI::App& command, Format& format, Format default_format);

/// Parses an ISO date (`2019`, `2019-01`, `2019-01-23`) or throws Error(kUsage) naming
/// the option.
Date ParseDateOption(const std::string& option, const std::string& value);

// Each subcommand registers its options and its action in its own file.
void RegisterIngest(CLI::App& app, const Globals& globals);
void RegisterQuery(CLI::App& app, const Globals& globals);
void RegisterExport(CLI::App& app, const Globals& globals);
void RegisterDocuments(CLI::App& app, const Globals& globals);

}  // namespace annals::cli
