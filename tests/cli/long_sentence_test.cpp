// A sentence that never ends costs work in proportion to its length: a 10 MB one ingests
// like any other file (before, the passes rescanned it per name and took hours).
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

TEST_CASE("a 10 MB single-sentence bulletin is ingested, with its figures", "[cli][hostile][slow]") {
  annals::testing::TempDir dir;
  std::string text = "Partner report of Qiqihar\nUpdated : 2020-03-01\n\n"
                     "Qiqihar has 12 sister cities, and ";
  // Names and connectors (what the name finder once rescanned per name), with a date, a
  // place and a figure now and then, and no sentence break anywhere.
  const std::string names = "the Northern Trade Fair and the Eastern Council of the Friendship Association and ";
  const std::string facts = "Kitakyushu City on May 5, 2010 with 3 delegations and ";
  // 2 MB under the sanitizers, many times slower: still past what quadratic passes finish.
  const std::size_t size = annals::testing::kSanitized ? 2u << 20 : 10u << 20;
  for (int i = 0; text.size() < size; ++i) text += i % 20 == 0 ? facts : names;
  text += "more.\n";
  const std::string file = dir / "long.txt";
  annals::testing::WriteBytes(file, text);
  const std::string db = dir / "annals.db";
  const auto ingest = Annals(db, "ingest '" + file + "'", true);
  INFO(ingest.out.substr(0, 2000));
  REQUIRE(ingest.code == 0);
  const auto q = Annals(db, "query --subject Qiqihar --metric partner_cities --format json");
  REQUIRE(q.code == 0);
  const auto rows = nlohmann::json::parse(q.out)["claims"];
  REQUIRE(rows.size() >= 1);
  CHECK(rows[0]["value"] == 12);
}
