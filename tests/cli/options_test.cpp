// Every option value the CLI takes is checked: a bad one is a usage error (exit 1) that
// names the value and says what is accepted, before anything is opened or written.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.h"

using annals::testing::Annals;

namespace {

struct BadValue {
  const char* command;
  const char* option;
  const char* value;
  const char* accepted;  ///< What the message must say is accepted.
};

}  // namespace

TEST_CASE("a bad option value is a usage error naming the value and what is accepted",
          "[cli][options]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  REQUIRE(Annals(db, "ingest '" + annals::testing::SeedPath("001") + "'").code == 0);
  const std::string bulletin = annals::testing::SeedPath("002");
  const BadValue cases[] = {
      {"query", "--as-known-at", "2019-01-01T25:61:00", "YYYY-MM-DDTHH:MM:SS"},
      {"query", "--as-known-at", "2019-01-01T23:59:60", "YYYY-MM-DDTHH:MM:SS"},
      {"query", "--as-known-at", "2019-02-30", "YYYY-MM-DD"},
      {"query", "--as-reported-on", "2019-13", "YYYY-MM"},
      {"query", "--valid-at", "2019-02-29", "YYYY-MM-DD"},
      {"query", "--valid-from", "20190", "YYYY"},
      {"query", "--valid-to", "2019-1-1", "YYYY"},
      {"query", "--limit", "-1", "1 to"},
      {"query", "--limit", "0", "1 to"},
      {"query", "--limit", "99999999999999999999", "1 to"},
      {"query", "--limit", "1.5", "1 to"},
      {"query", "--limit", "3x", "1 to"},
      {"query", "--kind", "counts", "count, event or relation"},
      {"query", "--class", "friend", "friendship, friendly_exchange or any"},
      {"query", "--format", "xml", "table, json, jsonl or csv"},
      {"query", "--format", "1", "table, json, jsonl or csv"},
      {"export", "--format", "html", "table, json, jsonl or csv"},
      {"documents", "--format", "yaml", "table, json, jsonl or csv"},
      {"query", "--subject", "", "a place or organisation name"},
      {"query", "--metric", "", "a metric"},
      {"ingest", "--max-bytes", "-5", "1 to"},
      {"ingest", "--max-bytes", "0x10", "1 to"},
      {"ingest", "--busy-timeout", "-1", "0 to"},
      {"ingest", "--busy-timeout", "1e3", "0 to"},
  };
  for (const auto& c : cases) {
    std::string args = std::string(c.command) + " " + c.option + " '" + c.value + "'";
    if (std::string(c.command) == "ingest") args += " '" + bulletin + "'";
    const auto r = Annals(db, args, true);
    INFO(args << "\n" << r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains(c.option) && Catch::Contains(c.value) &&
                          Catch::Contains(c.accepted));
  }
  const auto reversed = Annals(db, "query --valid-from 2020 --valid-to 2019-06", true);
  CHECK(reversed.code == 1);
  CHECK_THAT(reversed.out, Catch::Contains("--valid-from 2020") &&
                               Catch::Contains("--valid-to 2019-06"));
  // Nothing was written by the refused ingests.
  CHECK_THAT(Annals(db, "documents").out, !Catch::Contains("002_"));
}

TEST_CASE("an unknown subcommand is named, and --version prints the versions", "[cli][options]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  auto r = Annals(db, "frobnicate", true);
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::Contains("frobnicate") && Catch::Contains("ingest") &&
                        Catch::Contains("query") && Catch::Contains("documents"));
  r = Annals(db, "", true);
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::Contains("ingest") && Catch::Contains("query"));
  r = Annals(db, "--version", true);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Matches("annals [0-9]+\\.[0-9]+\\.[0-9]+\nextractor [0-9.]+\n"));
  CHECK_FALSE(std::filesystem::exists(db));
}
