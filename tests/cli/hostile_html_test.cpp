// Saved pages through the whole command: pages nested past reason, and paragraphs whose
// source lines break where a browser would not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

namespace {

std::vector<nlohmann::json> Export(const std::string& db) {
  const auto all = Annals(db, "export");
  REQUIRE(all.code == 0);
  std::vector<nlohmann::json> claims;
  std::istringstream lines(all.out);
  for (std::string line; std::getline(lines, line);) claims.push_back(nlohmann::json::parse(line));
  return claims;
}

}  // namespace

TEST_CASE("a page of 100,000 nested elements does not end the ingest of its folder",
          "[cli][hostile][html]") {
  annals::testing::TempDir dir;
  const std::string folder = dir / "in";
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(annals::testing::SeedPath("004"), folder + "/seed.txt");
  std::string page = "<!doctype html><html><head><title>Examplecity news</title></head><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>Updated : 2020-03-01</p><p>Examplecity has 12 partner cities.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  annals::testing::WriteBytes(folder + "/deep.html", page);
  const std::string db = dir / "annals.db";
  const auto r = Annals(db, "ingest '" + folder + "'", true);
  INFO(r.out);
  REQUIRE((r.code == 0 || r.code == 2));
  if (r.code == 2) CHECK_THAT(r.out, Catch::Contains("deep.html") && Catch::Contains("levels"));
  bool seed_claims = false;
  for (const auto& claim : Export(db))
    if (claim["document"]["path"].get<std::string>().find("seed.txt") != std::string::npos)
      seed_claims = true;
  CHECK(seed_claims);
}

TEST_CASE("a paragraph broken across source lines is one statement", "[cli][html]") {
  annals::testing::TempDir dir;
  const std::string page =
      "<!doctype html><html><head><title>Changchun foreign\r\naffairs news</title></head>"
      "<body><p>Updated : 2018-12-19</p>\n<p>Changchun has friendly cooperative\n"
      "relations with 70 cities.</p></body></html>";
  const std::string path = dir / "broken.html";
  annals::testing::WriteBytes(path, page);
  const std::string db = dir / "annals.db";
  REQUIRE(Annals(db, "ingest '" + path + "'").code == 0);
  const auto claims = Export(db);
  REQUIRE(claims.size() == 1);
  const auto& claim = claims[0];
  CHECK(claim["subject"] == "Changchun");
  CHECK(claim["metric"] == "partner_cities");
  CHECK(claim["class"] == "friendly_exchange");
  CHECK(claim["value"] == 70);
  CHECK(claim["document"]["title"] == "Changchun foreign affairs news");
  const auto start = claim["span"]["start"].get<std::size_t>();
  const auto end = claim["span"]["end"].get<std::size_t>();
  CHECK(page.substr(start, end - start) == claim["quote"].get<std::string>());
}
