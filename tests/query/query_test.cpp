// Query semantics over a store: each time axis, latest report, conflicts, explanations.
#include <catch2/catch.hpp>

#include "query/query.h"
#include "store/store.h"
#include "support.h"

using namespace annals;

namespace {

Claim Figure(double value, PartnerClass cls, const char* valid_from, const char* valid_to) {
  Claim c;
  c.kind = ClaimKind::kCount;
  c.subject = "Harbin";
  c.metric = "partner_cities";
  c.partner_class = cls;
  c.value = value;
  c.unit = "city";
  c.valid = {Date::Parse(valid_from), Date::Parse(valid_to)};
  c.lang = "en";
  c.quote = "x";
  c.span = {0, 1};
  c.rule = "test";
  c.extractor_version = "test";
  return c;
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<store::Store> db = [this] {
    auto store = store::OpenSqliteStore(dir / "q.db");
    // What ingest loads from seeds/data/entities.tsv: partner figures only grow.
    store->AddEntities({}, {{"partner_cities", "grows"}, {"partner_countries", "grows"}});
    return store;
  }();
  Timestamp first_run;

  void Write(const std::string& path, const char* published, std::vector<Claim> claims) {
    const auto now = Now();
    if (first_run.empty()) first_run = now;
    for (auto& c : claims) c.recorded_from = Date::Parse(published);
    db->WriteVersion(db->BeginRun("test", now),
                     {path, path + "-sha", "Report " + path, "", "en", Date::Parse(published), false, "x", "", "UTF-8"},
                     claims, now);
  }
};

}  // namespace

TEST_CASE("record time: a query sees only what was reported by then", "[query]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Figure(70, PartnerClass::kFriendlyExchange, "2018-12-19", "2018-12-19")});
  f.Write("/b", "2019-01-23", {Figure(20, PartnerClass::kFriendship, "2019-01-23", "2019-01-23"),
                               Figure(50, PartnerClass::kFriendlyExchange, "2019-01-23", "2019-01-23")});
  ClaimQuery q;
  q.subject = "Harbin";
  q.metric = "partner_cities";
  q.as_reported_on = Date::Parse("2019-01-01");
  auto r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 1);
  CHECK(*r.claims[0].claim.value == 70);
  CHECK(r.claims[0].latest);
  CHECK(r.claims[0].conflicts_with.empty());

  q.as_reported_on = Date::Parse("2019-02-01");
  r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 3);
  for (const auto& a : r.claims) {
    CHECK(a.latest == (a.claim.document.path == "/b"));
    // 70 and 50 are both friendly-exchange figures from different reports: a conflict.
    // 20 counts friendship cities only and disagrees with neither.
    if (*a.claim.value == 20) CHECK(a.conflicts_with.empty());
    else CHECK(a.conflicts_with.size() == 1);
  }

  q.as_reported_on = Date::Parse("2018-06-01");
  r = query::Run(*f.db, q);
  CHECK(r.claims.empty());
  CHECK_THAT(r.explanation, Catch::Contains("2018-12-19"));
}

TEST_CASE("valid time: facts that held at a date or within a range", "[query]") {
  Fixture f;
  f.Write("/a", "2020-01-10", {Figure(7, PartnerClass::kFriendship, "1997", "1997"),
                               Figure(37, PartnerClass::kFriendship, "2020-01-10", "2020-01-10"),
                               Figure(16, PartnerClass::kFriendship, "2015", "2020-01-10")});
  ClaimQuery q;
  q.valid_from = q.valid_to = Date::Parse("1997-06");
  auto r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 1);
  CHECK(*r.claims[0].claim.value == 7);
  q.valid_from = Date::Parse("2016");
  q.valid_to = Date::Parse("2018");
  r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 1);
  CHECK(*r.claims[0].claim.value == 16);
  q.valid_from = Date::Parse("2019");
  q.valid_to = Date::Parse("2017");
  CHECK_THROWS(query::Run(*f.db, q));
}

TEST_CASE("system time: as known at an instant before a write", "[query]") {
  Fixture f;
  const Timestamp before = Now();
  f.Write("/a", "2020-01-10", {Figure(37, PartnerClass::kFriendship, "2020", "2020")});
  ClaimQuery q;
  q.as_known_at = before;
  CHECK(query::Run(*f.db, q).claims.empty());
  q.as_known_at = Now();
  CHECK(query::Run(*f.db, q).claims.size() == 1);
}

TEST_CASE("filters on class and kind", "[query]") {
  Fixture f;
  f.Write("/a", "2020-01-10", {Figure(20, PartnerClass::kFriendship, "2020", "2020"),
                               Figure(50, PartnerClass::kFriendlyExchange, "2020", "2020")});
  ClaimQuery q;
  q.partner_class = PartnerClass::kFriendship;
  auto r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 1);
  CHECK(*r.claims[0].claim.value == 20);
  q = {};
  q.kind = ClaimKind::kEvent;
  r = query::Run(*f.db, q);
  CHECK(r.claims.empty());
  CHECK_FALSE(r.explanation.empty());
}
