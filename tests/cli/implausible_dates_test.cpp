// Years no bulletin can mean are reported and used neither as dates nor as figures.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

TEST_CASE("an implausible header date is ignored with a warning, and such years are no figures",
          "[cli][dates][hostile]") {
  annals::testing::TempDir dir;
  annals::testing::WriteBytes(dir / "far.txt",
                              "Partner report of Changchun\nUpdated : 99999-01-24\n\n"
                              "Since 0000 Changchun has 12 sister cities.\n\n"
                              "99999 Changchun signed 3 agreements.\n\n"
                              "In 0999 Changchun held 4 fairs.\n");
  annals::testing::WriteBytes(dir / "zero.txt",
                              "Partner report of Changchun\nUpdated : 0000-01-24\n\n"
                              "Changchun has 12 sister cities.\n");
  const std::string db = dir / "annals.db";
  const auto ingest = Annals(db, "ingest '" + (dir / "far.txt") + "' '" + (dir / "zero.txt") + "'", true);
  INFO(ingest.out);
  REQUIRE(ingest.code == 0);
  CHECK_THAT(ingest.out, Catch::Contains("far.txt: the header date \"99999-01-24\""));
  CHECK_THAT(ingest.out, Catch::Contains("zero.txt: the header date \"0000-01-24\""));
  CHECK_THAT(ingest.out, Catch::Contains("`Since 0000`"));
  CHECK_THAT(ingest.out, Catch::Contains("`In 0999`"));

  const auto docs = Annals(db, "documents --format json");
  REQUIRE(docs.code == 0);
  for (const auto& d : nlohmann::json::parse(docs.out)) CHECK(d["published_on_inferred"] == true);

  const auto all = Annals(db, "export");
  REQUIRE(all.code == 0);
  std::istringstream lines(all.out);
  std::size_t claims = 0;
  for (std::string line; std::getline(lines, line); ++claims) {
    const auto c = nlohmann::json::parse(line);
    INFO(line);
    CHECK(c["unit"] != "changchun");
    for (double bad : {0.0, 999.0, 99999.0}) CHECK(c["value"] != bad);
    CHECK(c["valid_from"].is_null());
    if (!c["recorded_from"].is_null()) CHECK(c["recorded_from"].get<std::string>().rfind("0000", 0) != 0);
  }
  CHECK(claims >= 4);  // 12 cities twice, 3 agreements, 4 fairs
}

TEST_CASE("a sidecar's implausible publication date rejects its bulletin", "[cli][dates][sidecar]") {
  annals::testing::TempDir dir;
  annals::testing::WriteBytes(dir / "b.txt", "Partner report of Changchun\n\nChangchun has 12 sister cities.\n");
  annals::testing::WriteBytes(dir / "b.meta.json", R"({"published_on": "0000-01-01"})");
  const auto ingest = Annals(dir / "annals.db", "ingest '" + (dir / "b.txt") + "'", true);
  CHECK(ingest.code == 2);
  CHECK_THAT(ingest.out, Catch::Contains("b.meta.json") && Catch::Contains("0000-01-01"));
}
