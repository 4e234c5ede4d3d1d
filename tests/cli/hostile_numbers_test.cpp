// A figure too large to hold is no claim, and never ends an ingest of a folder.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

TEST_CASE("a 400-digit figure is not a claim and the folder around it is ingested",
          "[cli][hostile]") {
  annals::testing::TempDir dir;
  const std::string folder = dir / "in";
  std::filesystem::create_directories(folder);
  for (const auto& e : std::filesystem::directory_iterator(annals::testing::SeedsDir()))
    if (e.is_regular_file())
      std::filesystem::copy_file(e.path(), std::filesystem::path(folder) / e.path().filename());
  annals::testing::WriteBytes(folder + "/huge.txt",
                              "Partner report of Qiqihar\nUpdated : 2020-03-01\n\nQiqihar has " +
                                  std::string(400, '9') + " partner cities and 12 sister cities.\n");
  const std::string db = dir / "annals.db";
  const auto r = Annals(db, "ingest '" + folder + "'", true);
  CHECK((r.code == 0 || r.code == 2));
  if (r.code == 2) CHECK_THAT(r.out, Catch::Contains("huge.txt"));
  const auto docs = Annals(db, "documents --format json");
  REQUIRE(docs.code == 0);
  CHECK(nlohmann::json::parse(docs.out).size() >= 5);
  const auto all = Annals(db, "export");
  REQUIRE(all.code == 0);
  std::size_t from_huge = 0;
  std::istringstream lines(all.out);
  for (std::string line; std::getline(lines, line);) {
    const auto claim = nlohmann::json::parse(line);
    if (claim["document"]["path"].get<std::string>().find("huge.txt") == std::string::npos) continue;
    ++from_huge;
    CHECK(claim["value"] == 12);  // only the figure that can be held
  }
  CHECK(from_huge <= 1);
}
