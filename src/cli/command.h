// What every subcommand of the CLI shares: the database address and the output format.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <string>

#include "annals/database.h"
#include "annals/error.h"
#include "cli/format.h"

namespace annals::cli {

struct Globals {
  std::string db_path = "annals.db";
  /// The words this process was started with, recorded with the runs it writes.
  std::string command_line;
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

/// Adds `--format` to a subcommand; `format` must outlive the parse.
void AddFormatOption(CLI::App& command, Format& format, Format default_format);

// Each Parse function below returns the value of `option` or throws Error(kUsage) naming
// the option and the value and saying what is accepted.

/// `table`, `json`, `jsonl` or `csv`, in any case.
Format ParseFormat(const std::string& option, const std::string& value);
/// An ISO date at its precision (`2019`, `2019-01`, `2019-01-23`), a real calendar date.
Date ParseDateOption(const std::string& option, const std::string& value);
/// A system-time instant: a date (its end) or `YYYY-MM-DDTHH:MM:SS[.ffffff][Z]`, UTC.
Timestamp ParseTimestampOption(const std::string& option, const std::string& value);
/// A decimal integer in [min, max], nothing before or after it.
std::int64_t ParseWholeNumber(const std::string& option, const std::string& value,
                              std::int64_t min, std::int64_t max);
/// A name that must not be empty (an empty filter would silently match everything);
/// `what` says what to give, e.g. "a place or organisation name".
std::string ParseName(const std::string& option, const std::string& value,
                      const std::string& what);

/// Adds the options of the commands that read bulletin files (`ingest`, `sync`):
/// -j/--jobs, --collection (described by `collection_help`) and --max-bytes. The
/// variables must outlive the parse.
void AddFileReadingOptions(CLI::App& command, int& jobs, std::string& collection,
                           std::int64_t& max_bytes, const std::string& collection_help);

// Each subcommand registers its options and its action in its own file.
void RegisterIngest(CLI::App& app, const Globals& globals);
void RegisterQuery(CLI::App& app, const Globals& globals);
void RegisterExport(CLI::App& app, const Globals& globals);
void RegisterDocuments(CLI::App& app, const Globals& globals);
void RegisterSync(CLI::App& app, const Globals& globals);
void RegisterReextract(CLI::App& app, const Globals& globals);
void RegisterRuns(CLI::App& app, const Globals& globals);
void RegisterHistory(CLI::App& app, const Globals& globals);
void RegisterConflicts(CLI::App& app, const Globals& globals);
void RegisterDiff(CLI::App& app, const Globals& globals);
void RegisterSubjects(CLI::App& app, const Globals& globals);
void RegisterMetrics(CLI::App& app, const Globals& globals);
void RegisterRelations(CLI::App& app, const Globals& globals);
void RegisterEvents(CLI::App& app, const Globals& globals);
void RegisterReport(CLI::App& app, const Globals& globals);

}  // namespace annals::cli
