// The entity table: its rows, and the embedded one the seeds need.
#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/entities.h"

using namespace annals::extract;

TEST_CASE("entity table rows: things with their place and names, once and grows", "[extract][entities]") {
  const auto t = ParseEntityTable(
      "# a comment\n"
      "entity\tfacility\tHarbin Ice Plant\tHarbin\t哈尔滨冰厂\t哈爾濱冰廠\tHarbin Ice Works|Ice Plant\r\n"
      "entity\tpark\t\tHarbin\n"  // no name: skipped
      "once\tfounding\testablished|completed\n"
      "grows\tpartner_cities\n"
      "other\trow\n");
  REQUIRE(t.entities.size() == 1);
  CHECK(t.entities[0].name == "Harbin Ice Plant");
  CHECK(t.entities[0].place == "Harbin");
  CHECK(t.entities[0].names ==
        std::vector<std::string>{"Harbin Ice Plant", "哈尔滨冰厂", "哈爾濱冰廠", "Harbin Ice Works", "Ice Plant"});
  REQUIRE(t.once.size() == 1);
  CHECK(t.once[0].event_types == std::vector<std::string>{"established", "completed"});
  CHECK(t.growing == std::vector<std::string>{"partner_cities"});
}

TEST_CASE("the embedded entity table knows the seeds' water plant by both its names", "[extract][entities]") {
  const auto& t = EmbeddedEntities();
  const auto plant = std::find_if(t.entities.begin(), t.entities.end(),
                                  [](const Entity& e) { return e.name == "China-Japan Friendship Water Plant"; });
  REQUIRE(plant != t.entities.end());
  CHECK(plant->place == "Changchun");
  CHECK(std::count(plant->names.begin(), plant->names.end(),
                   "China-Japan Friendship Water Purification Plant") == 1);
  CHECK_FALSE(t.once.empty());
  CHECK_FALSE(t.growing.empty());
}
