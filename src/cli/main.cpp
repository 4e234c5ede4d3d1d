// The `annals` command: wires the subcommands and turns errors into exit codes.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "annals/error.h"
#include "cli/command.h"

namespace annals::cli {

void AddFormatOption(CLI::App& command, Format& format, Format default_format) {
  format = default_format;
  const std::map<std::string, Format> names = {
      {"table", Format::kTable}, {"json", Format::kJson}, {"jsonl", Format::kJsonl}, {"csv", Format::kCsv}};
  command.add_option("--format", format, "Output format: table, json, jsonl or csv")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->default_str(default_format == Format::kTable ? "table" : "jsonl");
}

Date ParseDateOption(const std::string& option, const std::string& value) {
  if (auto d = Date::Parse(value)) return *d;
  throw Error(ErrorCode::kUsage, option + " " + value +
                                     ": not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
}

}  // namespace annals::cli

int main(int argc, char** argv) {
  using namespace annals;
  CLI::App app{
      "Annals: a bitemporal records database for foreign-affairs bulletins.\n"
      "It extracts figures, dated events and partner-city ties from bulletins, keeps each\n"
      "with its quote and byte span, and answers \"as reported on\" questions.\n\n"
      "Exit codes: 0 success, 1 bad usage, 2 input error (nothing of that input written),\n"
      "3 database error.",
      "annals"};
  app.require_subcommand(1);
  cli::Globals globals;
  if (const char* env = std::getenv("ANNALS_DB"); env && *env) globals.db_path = env;
  app.add_option("--db", globals.db_path,
                 "Database file (default ./annals.db, or the ANNALS_DB environment variable)");
  cli::RegisterIngest(app, globals);
  cli::RegisterQuery(app, globals);
  cli::RegisterExport(app, globals);
  cli::RegisterDocuments(app, globals);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 1;
  } catch (const Error& e) {
    std::cerr << "annals: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "annals: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
