// A province's bulletin as a user meets it: its figures are on record under the province,
// found by any of its names.
#include <catch2/catch.hpp>

#include <string>

#include "support.h"

using annals::testing::Annals;

TEST_CASE("the CLI files a province's figures under the province", "[cli][gazetteer]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  annals::testing::WriteBytes(dir / "ningxia.txt",
                              "寧夏對外交流概況\n\n發布時間:2021年4月12日\n\n"
                              "寧夏回族自治區已與14個國家的地方結成23對友好城市。\n");
  annals::testing::WriteBytes(dir / "gansu.txt",
                              "Foreign Affairs News\n\nUpdated : 2020-07-01\n\n"
                              "Gansu Province now has 36 sister cities in 21 countries.\n");
  auto r = Annals(db, "ingest '" + dir.path().string() + "'");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("2 added"));

  // Asked for by its Simplified short name, the Traditional text's figure is there.
  r = Annals(db, "query --subject 宁夏 --metric partner_cities");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Ningxia") && Catch::Contains("23對友好城市"));

  r = Annals(db, "query --subject 'Gansu Province' --metric partner_cities");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Gansu") && Catch::Contains("36 sister cities"));

  // No figure is left without a subject.
  r = Annals(db, "export --format jsonl");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, !Catch::Contains("\"subject\":\"\"") && !Catch::Contains("\"subject\":null"));
}
