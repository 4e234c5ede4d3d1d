// The analyst's questions over a store, on invented claims: conflicts by group, certain and
// possible valid time, resolution policies, histories, diffs, catalogs and names.
#include <catch2/catch.hpp>

#include <map>

#include "annals/error.h"
#include "query/analyst.h"
#include "query/conflicts.h"
#include "query/query.h"
#include "store/store.h"
#include "support.h"

using namespace annals;

namespace {

std::optional<Date> DateOf(const char* iso) { return iso ? Date::Parse(iso) : std::nullopt; }

Claim Count(const char* subject, const char* metric, double value, const char* from,
            const char* to, PartnerClass cls = PartnerClass::kNone, Qualifier q = Qualifier::kExact,
            const char* lang = "en") {
  Claim c;
  c.kind = ClaimKind::kCount;
  c.subject = subject;
  c.metric = metric;
  c.partner_class = cls;
  c.value = value;
  c.qualifier = q;
  if (q == Qualifier::kExact) c.value_min = c.value_max = value;
  if (q == Qualifier::kNearly) c.value_max = value;
  if (q == Qualifier::kMoreThan) c.value_min = value;
  c.unit = "city";
  c.valid = {DateOf(from), DateOf(to)};
  c.lang = lang;
  c.quote = std::string(metric) + " " + std::to_string(static_cast<int>(value));
  c.span = {0, 1};
  c.rule = "test";
  c.extractor_version = "test";
  return c;
}

Claim Event(const char* subject, const char* type, const char* when) {
  Claim c = Count(subject, type, 0, when, when);
  c.kind = ClaimKind::kEvent;
  c.value.reset();
  c.value_min.reset();
  c.value_max.reset();
  c.unit.clear();
  c.quote = std::string("in ") + when;
  return c;
}

Claim Tie(const char* subject, const char* partner, RelationType type, const char* since,
          const char* lang = "en", const char* written = nullptr) {
  Claim c = Count(subject, std::string(ToString(type)).c_str(), 0, since, nullptr);
  c.kind = ClaimKind::kRelation;
  c.metric = ToString(type);
  c.value.reset();
  c.value_min.reset();
  c.value_max.reset();
  c.unit.clear();
  c.object = partner;
  c.relation = type;
  c.lang = lang;
  c.quote = written ? written : partner;
  return c;
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<store::Store> db = [this] {
    auto store = store::OpenSqliteStore(dir / "a.db");
    // A small entity table, as ingest loads seeds/data/entities.tsv.
    store->AddPlaces({{"Harbin", "city", "China", {"harbin", "哈尔滨"}},
                      {"Seattle", "city", "United States", {"seattle", "西雅图"}}});
    store->AddEntities({{"Harbin Ice Plant", "facility", "Harbin",
                         {{"Harbin Ice Plant", "harbin ice plant"},
                          {"Harbin Ice Works", "harbin ice works"},
                          {"哈尔滨冰厂", "哈尔滨冰厂"}}}},
                       {{"completed", "once:founding"},
                        {"established", "once:founding"},
                        {"partner_cities", "grows"}});
    return store;
  }();

  void Write(const std::string& path, const char* published, std::vector<Claim> claims,
             bool inferred = false) {
    const auto now = Now();
    db->WriteVersion(db->BeginRun("test", now),
                     {path, path + "-" + published, "Report " + path, "", "en", Date::Parse(published),
                      inferred, std::string("x") + published, "", "UTF-8"},
                     claims, now);
  }
  ConflictReport Conflicts(const char* subject, const char* on = "2030-01-01") {
    ConflictQuery q;
    if (subject) q.subject = subject;
    q.as_reported_on = Date::Parse(on);
    return query::Conflicts(*db, q);
  }
};

}  // namespace

TEST_CASE("conflicts: figures for the same time that do not meet, from two reports", "[query][conflicts]") {
  Fixture f;
  f.Write("/a", "2020-01-10", {Count("Harbin", "delegations", 70, "2019", "2019"),
                               Count("Harbin", "visitors", 20, "2019", "2019", PartnerClass::kNone,
                                     Qualifier::kNearly)});
  f.Write("/b", "2020-02-10", {Count("Harbin", "delegations", 50, "2019", "2019"),
                               Count("Harbin", "visitors", 20, "2019", "2019"),
                               Count("Harbin", "delegations", 60, "2018", "2018")});
  const auto r = f.Conflicts("Harbin");
  REQUIRE(r.groups.size() == 1);  // nearly 20 and 20 meet; 2018 is another time
  const auto& g = r.groups[0];
  CHECK(g.kind == ConflictKind::kFigures);
  CHECK(g.claims.size() == 2);
  CHECK_THAT(g.reason, Catch::Contains("70") && Catch::Contains("50") && Catch::Contains("2019") &&
                           Catch::Contains("2020-01-10") && Catch::Contains("cannot hold"));
  // Before the second report, nothing disagrees, and the answer says what was looked at.
  const auto before = f.Conflicts("Harbin", "2020-01-31");
  CHECK(before.groups.empty());
  CHECK_THAT(before.explanation, Catch::Contains("2020-01-31"));
}

TEST_CASE("conflicts: one report's own figures for one time are not compared", "[query][conflicts]") {
  Fixture f;
  f.Write("/a", "2020-01-10", {Count("Harbin", "delegations", 9, "2019", "2019"),
                               Count("Harbin", "delegations", 14, "2019", "2019")});
  CHECK(f.Conflicts("Harbin").groups.empty());
}

TEST_CASE("conflicts: a figure that only grows, falling in a later report", "[query][conflicts]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Count("Harbin", "partner_cities", 70, "2018-12-19", "2018-12-19",
                                     PartnerClass::kFriendlyExchange)});
  f.Write("/b", "2019-01-23", {Count("Harbin", "partner_cities", 50, "2019-01-23", "2019-01-23",
                                     PartnerClass::kFriendlyExchange),
                               Count("Harbin", "partner_cities", 20, "2019-01-23", "2019-01-23",
                                     PartnerClass::kFriendship)});
  f.Write("/c", "2019-06-01", {Count("Harbin", "partner_cities", 80, "2019-06-01", "2019-06-01",
                                     PartnerClass::kFriendlyExchange)});
  const auto r = f.Conflicts("harbin");
  REQUIRE(r.groups.size() == 1);  // 70 → 80 is growth; 20 is another class
  CHECK(r.groups[0].claims.size() == 2);
  CHECK(*r.groups[0].claims[0].value == 70);
  CHECK(*r.groups[0].claims[1].value == 50);
  CHECK_THAT(r.groups[0].reason, Catch::Contains("only grows"));
}

TEST_CASE("conflicts: a thing's founding dated apart, under two of its names", "[query][conflicts]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Event("Harbin Ice Plant", "completed", "1988"),
                               Event("Harbin", "established", "1980"),
                               Event("Harbin Ice Plant", "held", "1990")});
  f.Write("/b", "2019-01-23", {Event("Harbin Ice Works", "established", "1991-02-06"),
                               Event("Harbin", "established", "1985"),
                               Event("Harbin Ice Plant", "held", "1995")});
  // Asked by the place, the thing in it comes too; a place's own `established` events
  // (ties, offices) are many and never compared, nor are recurring ones (`held`).
  const auto r = f.Conflicts("哈尔滨");
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].kind == ConflictKind::kEventDates);
  CHECK(r.groups[0].subject == "Harbin Ice Plant");
  CHECK_THAT(r.groups[0].reason, Catch::Contains("in 1988") && Catch::Contains("on 1991-02-06") &&
                                     Catch::Contains("Harbin Ice Works"));
  // The same founding year at two precisions meets.
  Fixture g;
  g.Write("/a", "2018-12-19", {Event("Harbin Ice Plant", "completed", "1988")});
  g.Write("/b", "2019-01-23", {Event("哈尔滨冰厂", "established", "1988-05")});
  CHECK(g.Conflicts("Harbin").groups.empty());
}

TEST_CASE("conflicts: ties whose since-dates or kinds disagree, and two language versions",
          "[query][conflicts]") {
  Fixture f;
  f.Write("/a", "2018-01-01", {Tie("Harbin", "Seattle", RelationType::kFriendshipCity, "1990")});
  f.Write("/b", "2019-01-01", {Tie("Harbin", "Seattle", RelationType::kFriendshipCity, "1995")});
  f.Write("/c", "2019-02-01", {Tie("Harbin", "Sendai", RelationType::kFriendlyExchangeCity, nullptr, "zh-Hans", "仙台"),
                               Tie("Harbin", "Sendai", RelationType::kCooperationAgreement, nullptr, "en"),
                               Count("Harbin", "delegations", 18, "2018", "2018", PartnerClass::kNone,
                                     Qualifier::kExact, "zh-Hans"),
                               Count("Harbin", "delegations", 81, "2018", "2018"),
                               Count("Harbin", "visitors", 5, "2018", "2018", PartnerClass::kNone,
                                     Qualifier::kExact, "zh-Hans")});
  const auto r = f.Conflicts("Harbin");
  std::map<ConflictKind, int> kinds;
  for (const auto& g : r.groups) ++kinds[g.kind];
  CHECK(kinds[ConflictKind::kRelations] == 1);    // 1990 against 1995
  CHECK(kinds[ConflictKind::kTranslation] == 2);  // Sendai's kind; 18 against 81
  for (const auto& g : r.groups) {
    if (g.kind == ConflictKind::kRelations)
      CHECK_THAT(g.reason, Catch::Contains("1990") && Catch::Contains("1995"));
    if (g.kind == ConflictKind::kTranslation && g.what.rfind("tie", 0) == 0)
      CHECK_THAT(g.reason, Catch::Contains("仙台") && Catch::Contains("cooperation_agreement"));
  }
}

TEST_CASE("conflicts: a large answer lists a few conflicting ids a claim, not every pair",
          "[query][conflicts]") {
  Fixture f;
  std::vector<Claim> a, b;
  for (int i = 0; i < 2000; ++i) a.push_back(Count("Harbin", "visitors", 70, "2019", "2019"));
  for (int i = 0; i < 2000; ++i) b.push_back(Count("Harbin", "visitors", 50, "2019", "2019"));
  f.Write("/a", "2020-01-10", a);
  f.Write("/b", "2020-02-10", b);
  ClaimQuery q;
  q.subject = "Harbin";
  const auto r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 4000);
  std::size_t ids = 0;
  for (const auto& answer : r.claims) {
    CHECK_FALSE(answer.conflicts_with.empty());
    ids += answer.conflicts_with.size();
  }
  CHECK(ids <= 3 * r.claims.size());  // every pair would be 8,000,000
  CHECK(f.Conflicts("Harbin").groups.size() == 1);
}

TEST_CASE("certain and possible valid time at year, month and day precision, at both edges",
          "[query][certainty]") {
  Fixture f;
  f.Write("/a", "2020-01-10", {Count("Harbin", "year", 1, "2018", "2018"),
                               Count("Harbin", "month", 2, "2018-06", "2018-06"),
                               Count("Harbin", "day", 3, "2018-06-15", "2018-06-15")});
  const auto at = [&](const char* metric, const char* from, const char* to) -> std::string {
    ClaimQuery q;
    q.metric = metric;
    q.valid_from = Date::Parse(from);
    q.valid_to = Date::Parse(to);
    const auto r = query::Run(*f.db, q);
    if (r.claims.empty()) return "none";
    return r.claims[0].certain ? "certain" : "possible";
  };
  // A year: possible on any day of it, first and last included; certain for the whole
  // year or a range that holds it; nothing the day before or after.
  CHECK(at("year", "2017-12-31", "2017-12-31") == "none");
  CHECK(at("year", "2018-01-01", "2018-01-01") == "possible");
  CHECK(at("year", "2018-06-01", "2018-06-01") == "possible");
  CHECK(at("year", "2018-12-31", "2018-12-31") == "possible");
  CHECK(at("year", "2019-01-01", "2019-01-01") == "none");
  CHECK(at("year", "2018", "2018") == "certain");
  CHECK(at("year", "2017-12-31", "2019-01-01") == "certain");
  // A month, likewise.
  CHECK(at("month", "2018-05-31", "2018-05-31") == "none");
  CHECK(at("month", "2018-06-01", "2018-06-01") == "possible");
  CHECK(at("month", "2018-06-30", "2018-06-30") == "possible");
  CHECK(at("month", "2018-07-01", "2018-07-01") == "none");
  CHECK(at("month", "2018-06", "2018-06") == "certain");
  CHECK(at("month", "2018", "2018") == "certain");
  // A day is certain on that day and on any range holding it.
  CHECK(at("day", "2018-06-14", "2018-06-14") == "none");
  CHECK(at("day", "2018-06-15", "2018-06-15") == "certain");
  CHECK(at("day", "2018-06-16", "2018-06-16") == "none");
  CHECK(at("day", "2018-06", "2018-06") == "certain");

  ClaimQuery q;
  q.valid_from = q.valid_to = Date::Parse("2018-06-01");
  auto r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 2);  // the year and the month
  for (const auto& a : r.claims) CHECK_THAT(a.uncertainty, Catch::Contains("precision"));
  q.certain_only = true;
  CHECK(query::Run(*f.db, q).claims.empty());
  q.valid_from = q.valid_to = Date::Parse("2018-06-15");
  r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 1);
  CHECK(*r.claims[0].claim.value == 3);
}

TEST_CASE("certain and possible record time of a bulletin dated only by inference",
          "[query][certainty]") {
  Fixture f;
  f.Write("/inferred", "2016-05", {Count("Harbin", "visitors", 1, "2016", "2016")}, true);
  f.Write("/dated", "2016-05-10", {Count("Harbin", "visitors", 2, "2016", "2016")});
  ClaimQuery q;
  q.as_reported_on = Date::Parse("2016-06-01");
  const auto r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 2);
  for (const auto& a : r.claims) {
    CHECK(a.certain == (*a.claim.value == 2));
    if (!a.certain) CHECK_THAT(a.uncertainty, Catch::Contains("no date line"));
  }
}

TEST_CASE("resolution: the latest report, or the most specific claim, with why", "[query][resolve]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Count("Harbin", "partner_cities", 70, "2018-12-19", "2018-12-19",
                                     PartnerClass::kFriendlyExchange)});
  f.Write("/b", "2019-01-23", {Count("Harbin", "partner_cities", 50, "2006", "2019-01-23",
                                     PartnerClass::kFriendlyExchange, Qualifier::kNearly)});
  ClaimQuery q;
  q.subject = "Harbin";
  q.resolve = Resolution::kAll;
  CHECK(query::Run(*f.db, q).claims.size() == 2);
  q.resolve = Resolution::kLatestReport;
  auto r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 1);
  CHECK(*r.claims[0].claim.value == 50);
  CHECK_THAT(r.claims[0].resolution, Catch::Contains("newest report") && Catch::Contains("2018-12-19"));
  CHECK(r.claims[0].won_over.size() == 1);
  q.resolve = Resolution::kMostSpecific;
  r = query::Run(*f.db, q);
  REQUIRE(r.claims.size() == 1);
  CHECK(*r.claims[0].claim.value == 70);
  CHECK_THAT(r.claims[0].resolution, Catch::Contains("narrowest valid time"));
}

TEST_CASE("history: every report of a figure, revised and withdrawn ones marked", "[query][history]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Count("Harbin", "partner_cities", 70, "2018-12-19", "2018-12-19",
                                     PartnerClass::kFriendlyExchange)});
  f.Write("/b", "2019-01-23", {Count("Harbin", "partner_cities", 50, "2019-01-23", "2019-01-23",
                                     PartnerClass::kFriendlyExchange),
                               Count("Harbin", "partner_cities", 20, "2019-01-23", "2019-01-23",
                                     PartnerClass::kFriendship)});
  // A revised version of /b: the 50 becomes 52, the 20 is no longer stated.
  f.Write("/b", "2019-02-01", {Count("Harbin", "partner_cities", 52, "2019-02-01", "2019-02-01",
                                     PartnerClass::kFriendlyExchange)});
  HistoryQuery q;
  q.subject = "哈尔滨";
  q.metric = "partner_cities";
  auto h = query::History(*f.db, q);
  REQUIRE(h.entries.size() == 4);
  CHECK(*h.entries[0].claim.value == 70);
  CHECK(h.entries[0].state == RecordState::kOnRecord);
  for (const auto& e : h.entries) {
    if (*e.claim.value == 50) {
      CHECK(e.state == RecordState::kRevised);
      REQUIRE(e.revised_by.size() == 1);
    }
    if (*e.claim.value == 20) CHECK(e.state == RecordState::kWithdrawn);
  }
  CHECK(*h.entries[3].claim.value == 52);
  q.partner_class = PartnerClass::kFriendship;
  h = query::History(*f.db, q);
  REQUIRE(h.entries.size() == 1);
  q.metric = "nothing";
  h = query::History(*f.db, q);
  CHECK(h.entries.empty());
  CHECK_FALSE(h.explanation.empty());
  q.metric = "";
  CHECK_THROWS_AS(query::History(*f.db, q), Error);
}

TEST_CASE("diff: what was added, revised and withdrawn between two report dates", "[query][diff]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Count("Harbin", "partner_cities", 70, "2018-12-19", "2018-12-19",
                                     PartnerClass::kFriendlyExchange),
                               Count("Harbin", "delegations", 4, "2018", "2018")});
  const Timestamp between = Now();
  f.Write("/b", "2019-01-23", {Count("Harbin", "partner_cities", 50, "2019-01-23", "2019-01-23",
                                     PartnerClass::kFriendlyExchange)});
  // /a revised: its delegations figure changes; its partner figure is restated unchanged.
  f.Write("/a", "2019-01-25", {Count("Harbin", "partner_cities", 70, "2018-12-19", "2018-12-19",
                                     PartnerClass::kFriendlyExchange),
                               Count("Harbin", "delegations", 5, "2018", "2018")});
  DiffQuery q;
  q.from = Date::Parse("2019-01-01");
  q.to = Date::Parse("2019-02-01");
  auto d = query::Diff(*f.db, q);
  REQUIRE(d.added.size() == 1);
  CHECK(*d.added[0].value == 50);
  REQUIRE(d.revised.size() == 1);
  CHECK(*d.revised[0].before.value == 4);
  CHECK(*d.revised[0].after.value == 5);
  CHECK(d.withdrawn.empty());
  REQUIRE(d.conflicts_appeared.size() == 1);  // 70 then 50
  CHECK(d.conflicts_settled.empty());
  // The other way round the conflict is settled and the 50 gone.
  q.from = Date::Parse("2019-01-24");
  q.to = Date::Parse("2019-01-30");
  d = query::Diff(*f.db, q);
  CHECK(d.added.empty());
  CHECK(d.revised.size() == 1);
  // System time: what this database learned since `between`.
  DiffQuery s;
  s.known_from = between;
  d = query::Diff(*f.db, s);
  CHECK(d.added.size() == 1);  // the 50 (the 70 restated is no change)
  CHECK(d.revised.size() == 1);
  DiffQuery bad;
  bad.from = Date::Parse("2019");
  CHECK_THROWS_AS(query::Diff(*f.db, bad), Error);
  bad.to = Date::Parse("2018");
  CHECK_THROWS_AS(query::Diff(*f.db, bad), Error);
}

TEST_CASE("catalog: subjects and metrics with counts and date ranges", "[query][catalog]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Count("Harbin", "partner_cities", 70, "2018", "2018"),
                               Event("Harbin Ice Works", "completed", "1988"),
                               Tie("Harbin", "Seattle", RelationType::kFriendshipCity, "1990")});
  f.Write("/b", "2019-01-23", {Count("Harbin", "partner_cities", 50, "2019-01", "2019-01")});
  auto subjects = query::Catalog(*f.db, {}, false);
  REQUIRE(subjects.size() == 2);
  CHECK(subjects[0].name == "Harbin");
  CHECK(subjects[0].claims == 3);
  CHECK(subjects[0].counts == 2);
  CHECK(subjects[0].relations == 1);
  CHECK(subjects[0].reports == 2);
  CHECK(subjects[0].first_reported->ToString() == "2018-12-19");
  CHECK(subjects[0].last_reported->ToString() == "2019-01-23");
  CHECK(subjects[0].first_valid->ToString() == "1990");
  CHECK(subjects[0].last_valid->ToString() == "2019-01");
  CHECK(subjects[1].name == "Harbin Ice Plant");  // the canonical name of the thing
  CatalogQuery q;
  q.subject = "HARBIN";
  q.as_reported_on = Date::Parse("2019-01-01");
  auto metrics = query::Catalog(*f.db, q, true);
  REQUIRE(metrics.size() == 2);
  CHECK(metrics[0].name == "partner_cities");
  CHECK(metrics[0].claims == 1);
}

TEST_CASE("names: a partner by any of its names", "[query][names]") {
  Fixture f;
  f.Write("/a", "2018-12-19", {Tie("Harbin", "Seattle", RelationType::kFriendshipCity, "1990", "zh-Hant", "西雅圖"),
                               Tie("Harbin", "Sendai", RelationType::kFriendshipCity, "1995")});
  for (const char* name : {"西雅圖", "西雅图", "seattle", "SEATTLE"}) {
    ClaimQuery q;
    q.subject = "哈爾濱";
    q.partner = name;
    const auto r = query::Run(*f.db, q);
    REQUIRE(r.claims.size() == 1);
    CHECK(r.claims[0].claim.object == "Seattle");
    CHECK(r.claims[0].claim.quote == "西雅圖");
  }
}
