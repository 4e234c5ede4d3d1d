// The `annals` command: wires the subcommands and turns errors into exit codes.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

#include "annals/error.h"
#include "annals/version.h"
#include "cli/command.h"

namespace {

// Prints an error for people: each line after `annals: `, escaped as tables are, since
// messages quote file names and bulletin text.
void Report(const std::string& message) {
  std::size_t start = 0;
  for (std::size_t end; (end = message.find('\n', start)) != std::string::npos; start = end + 1)
    std::cerr << "annals: " << annals::cli::Printable(message.substr(start, end - start)) << "\n";
  std::cerr << "annals: " << annals::cli::Printable(message.substr(start)) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace annals;
  CLI::App app{
      "Annals: a bitemporal records database for foreign-affairs bulletins.\n"
      "It extracts figures, dated events and partner-city ties from bulletins, keeps each\n"
      "with its quote and byte span, and answers \"as reported on\" questions.\n\n"
      "Exit codes: 0 success, 1 bad usage, 2 input error (nothing of that input written),\n"
      "3 database error, 4 another process is writing to the database.",
      "annals"};
  // At most one; none, or a word that names none, is refused below with the list.
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", std::string("annals ") + std::string(Version()) +
                                        "\nextractor " + std::string(ExtractorVersion()),
                       "Print the program's and the extractor's versions");
  cli::Globals globals;
  if (const char* env = std::getenv("ANNALS_DB"); env && *env) globals.db_path = env;
  globals.command_line = "annals";
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    const bool plain = !word.empty() && word.find_first_of(" \t\n'\"\\$") == std::string::npos;
    globals.command_line += " " + (plain ? word : "'" + word + "'");
  }
  app.add_option("--db", globals.db_path,
                 "Database file (default ./annals.db, or the ANNALS_DB environment variable)");
  cli::RegisterIngest(app, globals);
  cli::RegisterQuery(app, globals);
  cli::RegisterExport(app, globals);
  cli::RegisterDocuments(app, globals);
  cli::RegisterSync(app, globals);
  cli::RegisterReextract(app, globals);
  cli::RegisterRuns(app, globals);
  cli::RegisterHistory(app, globals);
  cli::RegisterConflicts(app, globals);
  cli::RegisterDiff(app, globals);
  cli::RegisterSubjects(app, globals);
  cli::RegisterMetrics(app, globals);
  cli::RegisterRelations(app, globals);
  cli::RegisterEvents(app, globals);
  cli::RegisterReport(app, globals);
  std::string subcommands;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    subcommands += (subcommands.empty() ? "" : ", ") + sub->get_name();
  const std::string choose = "choose one of " + subcommands + " (see annals --help)";
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty())
      throw Error(ErrorCode::kUsage, "a subcommand is required: " + choose);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    // Without a subcommand the first stray word is most likely a mistyped one.
    if (app.get_subcommands().empty() && !app.remaining().empty()) {
      const std::string word = app.remaining().front();
      Report(word + (word[0] == '-' ? ": not an option of annals; " : ": not a subcommand; ") +
             choose);
    } else {
      Report(std::string(e.what()) + "\nrun with --help for the options");
    }
    return 1;
  } catch (const CLI::ParseError& e) {
    Report(std::string(e.what()) + "\nrun with --help for the options");
    return 1;
  } catch (const Error& e) {
    Report(e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    Report(e.what());
    return 3;
  }
  return 0;
}
