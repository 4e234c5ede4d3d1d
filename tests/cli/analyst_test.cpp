// The analyst's commands on the five seed bulletins, as a user runs them: history,
// conflicts, diff, names in any language, subjects, metrics, relations, events, --certain
// and --resolve, and each command's help.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "support.h"

using annals::testing::Annals;

namespace {

struct Seeds {
  annals::testing::TempDir dir;
  std::string db = dir / "annals.db";
  Seeds() { REQUIRE(Annals(db, "ingest '" + annals::testing::SeedsDir().string() + "'").code == 0); }
};

// Lines of `text` that contain `needle`, in order.
std::vector<std::string> LinesWith(const std::string& text, const std::string& needle) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = text.substr(start, end - start);
    if (line.find(needle) != std::string::npos) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("history lists Changchun's 70, then the 20 and the 50", "[cli][seeds][history]") {
  Seeds s;
  const auto r = Annals(s.db, "history --subject Changchun --metric partner_cities");
  REQUIRE(r.code == 0);
  const std::size_t at70 = r.out.find("70 cities"), at20 = r.out.find("20 cities"),
                    at50 = r.out.find("50 cities");
  REQUIRE(at70 != std::string::npos);
  REQUIRE(at20 != std::string::npos);
  REQUIRE(at50 != std::string::npos);
  CHECK(at70 < at20);
  CHECK(at70 < at50);
  CHECK_THAT(r.out, Catch::Contains("2018-12-19") && Catch::Contains("2019-01-23"));
  const auto j = nlohmann::json::parse(Annals(s.db, "history --subject Changchun --metric partner_cities --format json").out);
  REQUIRE(j["entries"].size() >= 3);
  CHECK(j["entries"][0]["value"] == 70);
  CHECK(j["entries"][0]["state"] == "on_record");
  // Both options are needed, and say so.
  const auto bad = Annals(s.db, "history --subject Changchun", true);
  CHECK(bad.code == 1);
  CHECK_THAT(bad.out, Catch::Contains("--metric"));
}

TEST_CASE("conflicts of Changchun: partner cities, the water plant, the sculpture park",
          "[cli][seeds][conflicts]") {
  Seeds s;
  const auto r = Annals(s.db, "conflicts --subject Changchun");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("70 cities") && Catch::Contains("50 cities"));
  CHECK_THAT(r.out, Catch::Contains("Water Plant") && Catch::Contains("in 1988") &&
                        Catch::Contains("1991") && Catch::Contains("on February 6, 1991"));
  CHECK_THAT(r.out, Catch::Contains("Sculpture Park") && Catch::Contains("in 2000") &&
                        Catch::Contains("in 2003") && Catch::Contains("In 2000") &&
                        Catch::Contains("In 2003"));
  const auto j = nlohmann::json::parse(Annals(s.db, "conflicts --subject Changchun --format json").out);
  std::set<std::string> kinds;
  for (const auto& g : j["groups"]) {
    kinds.insert(g["kind"].get<std::string>());
    CHECK(g["claims"].size() >= 2);
    CHECK_FALSE(g["reason"].get<std::string>().empty());
    for (const auto& c : g["claims"]) CHECK_FALSE(c["quote"].get<std::string>().empty());
  }
  CHECK(kinds.count("figures"));
  CHECK(kinds.count("event_dates"));
  // Before the second report, nothing disagreed.
  CHECK_THAT(Annals(s.db, "conflicts --subject Changchun --as-reported-on 2019-01-01").out,
             Catch::Contains("no conflicts"));
}

TEST_CASE("conflicts of Chongqing: where the Chinese and English halves differ",
          "[cli][seeds][conflicts]") {
  Seeds s;
  const auto j = nlohmann::json::parse(Annals(s.db, "conflicts --subject Chongqing --format json").out);
  REQUIRE_FALSE(j["groups"].empty());
  bool translation = false;
  for (const auto& g : j["groups"]) {
    if (g["kind"] != "translation") continue;
    translation = true;
    std::set<std::string> langs;
    for (const auto& c : g["claims"]) langs.insert(c["lang"].get<std::string>());
    CHECK(langs.size() == 2);
  }
  CHECK(translation);
  CHECK_THAT(Annals(s.db, "conflicts --subject Chongqing").out,
             Catch::Contains("北威州") && Catch::Contains("NRW"));
}

TEST_CASE("diff shows what the 2019-01-23 and 2019-01-24 bulletins added", "[cli][seeds][diff]") {
  Seeds s;
  const auto r = Annals(s.db, "diff --from 2019-01-01 --to 2019-02-01");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("2019-01-23  Top Ten Achievements") &&
                        Catch::Contains("2019-01-24  Highlights of Changchun"));
  CHECK_THAT(r.out, Catch::Contains("Disagreements that appeared"));
  CHECK(LinesWith(r.out, "2018-12-19  Open up").empty());  // on record before and after
  const auto j = nlohmann::json::parse(Annals(s.db, "diff --from 2019-01-01 --to 2019-02-01 --format json").out);
  std::set<std::string> published;
  for (const auto& c : j["added"]) published.insert(c["document"]["published_on"].get<std::string>());
  CHECK(published == std::set<std::string>{"2019-01-23", "2019-01-24"});
  CHECK(j["withdrawn"].empty());
  CHECK(Annals(s.db, "diff --from 2019-02-01 --to 2019-01-01").code == 1);
  CHECK(Annals(s.db, "diff --from 2019-01-01").code == 1);
  CHECK(Annals(s.db, "diff --from 2019-01-01 --to 2019-02-01 --known-from 2026-01-01").code == 1);
}

TEST_CASE("names in any language and form give the same answers", "[cli][seeds][names]") {
  Seeds s;
  for (const char* cmd : {"history --metric partner_cities --subject ", "conflicts --subject ",
                          "query --metric partner_cities --subject ", "relations --subject "}) {
    const std::string expected = Annals(s.db, std::string(cmd) + "Changchun").out;
    CHECK_FALSE(expected.empty());
    for (const char* name : {"長春", "长春", "changchun", "CHANGCHUN"})
      CHECK(Annals(s.db, std::string(cmd) + name).out == expected);
  }
  const std::string chongqing = Annals(s.db, "conflicts --subject Chongqing").out;
  for (const char* name : {"重慶", "重庆", "chongqing"})
    CHECK(Annals(s.db, std::string("conflicts --subject ") + name).out == chongqing);
  // A partner by its Traditional name: the canonical name and the name as written.
  const auto r = Annals(s.db, "relations --subject Chongqing --partner 西雅圖");
  REQUIRE(r.code == 0);
  CHECK(LinesWith(r.out, "Seattle").size() == 2);  // the Chinese and the English half
  CHECK_THAT(r.out, Catch::Contains("西雅圖"));
  CHECK(Annals(s.db, "relations --subject Chongqing --partner 西雅图").out == r.out);
  CHECK(Annals(s.db, "relations --subject Chongqing --partner seattle").out == r.out);
}

TEST_CASE("subjects, metrics, relations and events list what is on record", "[cli][seeds][catalog]") {
  Seeds s;
  auto r = Annals(s.db, "subjects");
  REQUIRE(r.code == 0);
  CHECK(LinesWith(r.out, "Changchun  ").size() == 1);
  CHECK_THAT(r.out, Catch::Contains("Chongqing"));
  const auto subjects = nlohmann::json::parse(Annals(s.db, "subjects --format json").out);
  bool changchun = false;
  for (const auto& e : subjects)
    if (e["subject"] == "Changchun") {
      changchun = true;
      CHECK(e["first_reported"] == "2018-12-19");
      CHECK(e["last_reported"] == "2019-01-24");
    }
  CHECK(changchun);
  r = Annals(s.db, "metrics --subject Changchun --kind count");
  CHECK_THAT(r.out, Catch::Contains("partner_cities") && Catch::Contains("count"));
  r = Annals(s.db, "relations --subject Changchun --as-reported-on 2019-02-01");
  CHECK_THAT(r.out, Catch::Contains("Sendai") && Catch::Contains("1980"));
  r = Annals(s.db, "events --subject Changchun --valid-from 2018 --valid-to 2018");
  CHECK_THAT(r.out, Catch::Contains("agreement_signed") && Catch::Contains("certain"));
  r = Annals(s.db, "events --subject Changchun --valid-at 2018-06-01");
  CHECK_THAT(r.out, Catch::Contains("possible"));
  r = Annals(s.db, "events --subject Changchun --valid-at 2018-06-01 --certain");
  CHECK(LinesWith(r.out, "agreement_signed").empty());
}

TEST_CASE("query --certain and --resolve say which claims hold and which won, and why",
          "[cli][seeds][resolve]") {
  Seeds s;
  const std::string q = "query --subject Changchun --metric partner_cities --as-reported-on 2019-02-01";
  auto r = Annals(s.db, q + " --resolve latest-report");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("the newest report") && Catch::Contains("chosen"));
  CHECK(LinesWith(r.out, "70 cities").empty());
  auto j = nlohmann::json::parse(Annals(s.db, q + " --resolve most-specific --format json").out);
  for (const auto& c : j["claims"]) CHECK(c.contains("resolution"));
  r = Annals(s.db, q + " --resolve newest", true);
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::Contains("latest-report") && Catch::Contains("most-specific"));
  j = nlohmann::json::parse(
      Annals(s.db, "query --subject Changchun --kind event --valid-at 2018-06-01 --format json").out);
  REQUIRE_FALSE(j["claims"].empty());
  for (const auto& c : j["claims"]) CHECK(c["certain"] == false);
  j = nlohmann::json::parse(Annals(s.db, "query --subject Changchun --kind event --valid-at 2018 --format json").out);
  REQUIRE_FALSE(j["claims"].empty());
  for (const auto& c : j["claims"]) CHECK(c["certain"] == true);
  // Seed 004 has no date line: on record only possibly on 2016-06-01.
  j = nlohmann::json::parse(
      Annals(s.db, "query --subject Chongqing --as-reported-on 2016-06-01 --limit 1 --format json").out);
  REQUIRE(j["claims"].size() == 1);
  CHECK(j["claims"][0]["certain"] == false);
  CHECK(nlohmann::json::parse(Annals(s.db, "query --subject Chongqing --as-reported-on 2016-06-01 "
                                           "--certain --format json").out)["claims"].empty());
}

TEST_CASE("every analyst command has help with an example, and option values by name",
          "[cli][help]") {
  annals::testing::TempDir dir;
  for (const char* cmd : {"history", "conflicts", "diff", "subjects", "metrics", "relations",
                          "events", "report", "query"}) {
    const auto r = Annals(dir / "none.db", std::string(cmd) + " --help");
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Example") && Catch::Contains(std::string("annals ") + cmd));
    CHECK_THAT(r.out, !Catch::Contains("ENUM:"));
  }
  CHECK_THAT(Annals(dir / "none.db", "query --help").out,
             Catch::Contains("latest-report") && Catch::Contains("most-specific"));
}
