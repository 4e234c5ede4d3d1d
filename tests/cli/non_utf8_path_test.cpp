// A file name is bytes on Linux: one that is not UTF-8 is ingested, and JSON output of the
// database stays whole and valid.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

TEST_CASE("JSON output stays whole when a file name is not UTF-8", "[cli][hostile]") {
  annals::testing::TempDir dir;
  const std::string bad = dir / "bulletin-\xff\xfe.txt";
  annals::testing::WriteBytes(bad, "Partner report of Qiqihar\nUpdated : 2020-03-01\n\n"
                                   "Qiqihar has 12 sister cities.\n");
  const std::string db = dir / "annals.db";
  REQUIRE(Annals(db, "ingest -q '" + bad + "'").code == 0);
  for (const char* command : {"export", "documents --format json", "query --format json",
                              "query --format jsonl"}) {
    INFO(command);
    const auto r = Annals(db, command);
    REQUIRE(r.code == 0);
    std::istringstream lines(r.out);
    if (std::string(command).find("jsonl") != std::string::npos || std::string(command) == "export") {
      std::size_t n = 0;
      for (std::string line; std::getline(lines, line); ++n) CHECK_NOTHROW(nlohmann::json::parse(line));
      CHECK(n >= 1);
    } else {
      CHECK_NOTHROW(nlohmann::json::parse(r.out));
    }
    CHECK_THAT(r.out, Catch::Contains("bulletin-\xef\xbf\xbd"));  // U+FFFD for the bad bytes
  }
}
