// The public library on the five seed bulletins: the questions analysts ask, answered
// through include/annals only.
#include <catch2/catch.hpp>

#include <set>

#include "annals/database.h"
#include "annals/error.h"
#include "support.h"

using namespace annals;

namespace {

QueryResult PartnerCities(Database& db, const char* reported_on) {
  ClaimQuery q;
  q.subject = "Changchun";
  q.metric = "partner_cities";
  q.as_reported_on = Date::Parse(reported_on);
  return db.Query(q);
}

}  // namespace

TEST_CASE("Changchun's partner cities as reported on three dates", "[api][seeds]") {
  testing::TempDir dir;
  auto db = Database::Open(dir / "annals.db");
  const auto report = db->Ingest({testing::SeedsDir().string()});
  REQUIRE_FALSE(report.HasRejections());
  REQUIRE(report.files.size() == 5);

  SECTION("2019-01-01: only the 70 of the 2018-12-19 interview") {
    const auto r = PartnerCities(*db, "2019-01-01");
    REQUIRE(r.claims.size() == 1);
    const Claim& c = r.claims[0].claim;
    CHECK(*c.value == 70);
    CHECK(c.document.published_on->ToString() == "2018-12-19");
    CHECK_THAT(c.quote, Catch::Contains("70"));
    CHECK(c.partner_class == PartnerClass::kFriendlyExchange);
    CHECK(r.claims[0].latest);
  }
  SECTION("2019-02-01: 70, 20 and 50, the 2019-01-23 report latest, the disagreement flagged") {
    const auto r = PartnerCities(*db, "2019-02-01");
    std::set<double> values;
    bool conflict = false;
    for (const auto& a : r.claims) {
      values.insert(*a.claim.value);
      const bool from_latest = a.claim.document.published_on->ToString() == "2019-01-23";
      CHECK(a.latest == from_latest);
      if (*a.claim.value == 70) conflict = !a.conflicts_with.empty();
      CHECK_FALSE(a.claim.quote.empty());
      CHECK_FALSE(a.claim.document.sha256.empty());
    }
    CHECK(values.count(70) == 1);
    CHECK(values.count(20) == 1);
    CHECK(values.count(50) == 1);
    CHECK(conflict);
  }
  SECTION("2018-06-01: nothing on record, and why") {
    const auto r = PartnerCities(*db, "2018-06-01");
    CHECK(r.claims.empty());
    CHECK_THAT(r.explanation, Catch::Contains("nothing on record"));
    CHECK_THAT(r.explanation, Catch::Contains("2018-12-19"));
  }
  SECTION("a subject may be named in Chinese") {
    ClaimQuery q;
    q.subject = "长春";
    q.metric = "partner_cities";
    CHECK_FALSE(db->Query(q).claims.empty());
  }
}

TEST_CASE("every exported span is the quote, read from the file as stored", "[api][seeds]") {
  testing::TempDir dir;
  auto db = Database::Open(dir / "annals.db");
  db->Ingest({testing::SeedsDir().string()});
  const auto claims = db->AllClaims();
  REQUIRE(claims.size() > 100);
  for (const auto& c : claims) {
    const std::string bytes = testing::ReadBytes(c.document.path);
    REQUIRE(c.span.end <= static_cast<std::int64_t>(bytes.size()));
    CHECK(bytes.substr(static_cast<std::size_t>(c.span.start),
                       static_cast<std::size_t>(c.span.end - c.span.start)) == c.quote);
    CHECK(c.extractor_version.size() > 0);
    CHECK(c.rule.size() > 0);
  }
}

TEST_CASE("opening a file that is not a database fails with a database error", "[api]") {
  testing::TempDir dir;
  testing::WriteBytes(dir / "junk.db", std::string(4096, 'x'));
  try {
    auto db = Database::Open(dir / "junk.db");
    FAIL("opened a junk file");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kDatabase);
    CHECK_THAT(e.what(), Catch::Contains("junk.db"));
  }
}
