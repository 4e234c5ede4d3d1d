// The SQLite store: migrations from an empty file, round trips, revisions, rollback.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "annals/error.h"
#include "store/migrate.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support.h"

using namespace annals;

namespace {

Claim SampleClaim(double value) {
  Claim c;
  c.kind = ClaimKind::kCount;
  c.subject = "Harbin";
  c.metric = "partner_cities";
  c.partner_class = PartnerClass::kFriendship;
  c.value = c.value_min = c.value_max = value;
  c.unit = "city";
  c.valid = {Date::Parse("2020-05"), Date::Parse("2020-05")};
  c.recorded_from = Date::Parse("2020-06-01");
  c.lang = "en";
  c.quote = "30 cities";
  c.span = {10, 19};
  c.rule = "test.rule";
  c.extractor_version = "test";
  return c;
}

store::NewVersion Version(const std::string& path, const std::string& sha, const char* published) {
  return {path, sha, "A title", "HRBFAO", "en", Date::Parse(published), false, "bytes of " + sha, "", "UTF-8"};
}

}  // namespace

TEST_CASE("an empty file is migrated to the latest schema", "[store]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  CHECK(db->SchemaVersion() == store::LatestSchemaVersion());
  CHECK(store::LatestSchemaVersion() >= 1);
  db.reset();
  // Opening again applies nothing and keeps the version.
  CHECK(store::OpenSqliteStore(dir / "a.db")->SchemaVersion() == store::LatestSchemaVersion());
}

TEST_CASE("a database newer than the build is refused", "[store]") {
  testing::TempDir dir;
  {
    store::Connection conn(dir / "new.db");
    conn.Execute("PRAGMA user_version = 999");
  }
  CHECK_THROWS_AS(store::OpenSqliteStore(dir / "new.db"), Error);
}

TEST_CASE("a written claim reads back with every field", "[store]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto now = Now();
  const auto run = db->BeginRun("test", now);
  const auto w = db->WriteVersion(run, Version("/x/a.txt", "aa", "2020-06-01"), {SampleClaim(30)}, now);
  REQUIRE(w.added);
  CHECK(w.claims == 1);
  store::ClaimFilter all;
  all.every_row = true;
  const auto claims = db->SelectClaims(all);
  REQUIRE(claims.size() == 1);
  const Claim& c = claims[0];
  CHECK(c.subject == "Harbin");
  CHECK(c.partner_class == PartnerClass::kFriendship);
  CHECK(*c.value == 30);
  CHECK(c.valid.from->ToString() == "2020-05");
  CHECK(c.recorded_from->ToString() == "2020-06-01");
  CHECK_FALSE(c.recorded_to);
  CHECK(c.known_from == now);
  CHECK_FALSE(c.known_to);
  CHECK(c.span.start == 10);
  CHECK(c.span.end == 19);
  CHECK(c.document.path == "/x/a.txt");
  CHECK(c.document.sha256 == "aa");
  const auto current = db->Current("", "/x/a.txt");
  REQUIRE(current);
  CHECK(current->sha256 == "aa");
  // The same bytes again write nothing.
  CHECK_FALSE(db->WriteVersion(run, Version("/x/a.txt", "aa", "2020-06-01"), {SampleClaim(30)}, now).added);
  CHECK(db->SelectClaims(all).size() == 1);
}

TEST_CASE("a revised version closes the old rows and ends their record time", "[store]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto t1 = Now();
  db->WriteVersion(db->BeginRun("test", t1), Version("/x/a.txt", "aa", "2020-06-01"),
                   {SampleClaim(30)}, t1);
  const auto t2 = Now();
  db->WriteVersion(db->BeginRun("test", t2), Version("/x/a.txt", "bb", "2020-09-01"),
                   {SampleClaim(31)}, t2);
  store::ClaimFilter all;
  all.every_row = true;
  const auto rows = db->SelectClaims(all);
  // Original (closed), its successor with record time ended, and the new claim.
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].known_to == t2);
  CHECK_FALSE(rows[0].recorded_to);
  CHECK(rows[1].recorded_to->ToString() == "2020-09-01");
  CHECK_FALSE(rows[1].known_to);
  CHECK(*rows[2].value == 31);

  store::ClaimFilter on_record;
  on_record.reported_day = Date::Parse("2020-07-01")->FirstDay();
  const auto july = db->SelectClaims(on_record);
  REQUIRE(july.size() == 1);
  CHECK(*july[0].value == 30);
  on_record.reported_day = Date::Parse("2020-10-01")->FirstDay();
  const auto october = db->SelectClaims(on_record);
  REQUIRE(october.size() == 1);
  CHECK(*october[0].value == 31);
  // System time: as known before the revision, the original row answers.
  store::ClaimFilter before;
  before.known_at = t1;
  const auto then = db->SelectClaims(before);
  REQUIRE(then.size() == 1);
  CHECK(then[0].id == rows[0].id);
  CHECK(db->Documents().size() == 2);
}

TEST_CASE("a revision dated before the version it replaces never ends a record before it began",
          "[store]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto t1 = Now();
  db->WriteVersion(db->BeginRun("test", t1), Version("/x/a.txt", "aa", "2020-06-01"),
                   {SampleClaim(30)}, t1);
  const auto t2 = Now();
  db->WriteVersion(db->BeginRun("test", t2), Version("/x/a.txt", "bb", "2020-05-01"),
                   {SampleClaim(31)}, t2);
  store::ClaimFilter all;
  all.every_row = true;
  const auto rows = db->SelectClaims(all);
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[1].recorded_to);
  CHECK(rows[1].recorded_to->ToString() == "2020-06-01");
  store::ClaimFilter on_record;
  on_record.reported_day = Date::Parse("2020-07-01")->FirstDay();
  const auto july = db->SelectClaims(on_record);
  REQUIRE(july.size() == 1);
  CHECK(*july[0].value == 31);
}

TEST_CASE("a failed write leaves nothing behind", "[store]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto now = Now();
  const auto run = db->BeginRun("test", now);
  Claim bad = SampleClaim(5);
  bad.span = {20, 10};  // violates the span check
  CHECK_THROWS_AS(db->WriteVersion(run, Version("/x/b.txt", "cc", "2020-06-01"),
                                   {SampleClaim(4), bad}, now),
                  Error);
  store::ClaimFilter all;
  all.every_row = true;
  CHECK(db->SelectClaims(all).empty());
  CHECK(db->Documents().empty());
  CHECK_FALSE(db->Current("", "/x/b.txt"));
}

TEST_CASE("places resolve by any alias", "[store]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  db->AddPlaces({{"Harbin", "city", "China", {"harbin", "哈尔滨"}}});
  CHECK(db->PlacesNamed("哈尔滨") == std::vector<std::string>{"Harbin"});
  CHECK(db->PlacesNamed("nowhere").empty());
}
