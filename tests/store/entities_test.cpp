// The stored entity table and traits: loaded once, read back whole.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "support.h"

using namespace annals;

TEST_CASE("entities and traits are stored once and read back with every name", "[store][entities]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "e.db");
  CHECK(db->Entities().empty());
  const std::vector<store::Store::EntityRow> rows = {
      {"Harbin Ice Plant", "facility", "Harbin",
       {{"Harbin Ice Plant", "harbin ice plant"}, {"哈爾濱冰廠", "哈尔滨冰厂"}}}};
  const std::vector<std::pair<std::string, std::string>> traits = {{"completed", "once:founding"},
                                                                   {"partner_cities", "grows"}};
  for (int run = 0; run < 2; ++run) db->AddEntities(rows, traits);  // each ingest run loads them
  const auto back = db->Entities();
  REQUIRE(back.size() == 1);
  CHECK(back[0].place == "Harbin");
  REQUIRE(back[0].names.size() == 2);
  CHECK(back[0].names[0].first == "Harbin Ice Plant");  // the canonical name first
  CHECK(back[0].names[1].second == "哈尔滨冰厂");
  CHECK(db->Traits() == traits);
}
