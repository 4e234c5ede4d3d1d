// Tests of the whole extraction pipeline (ParseBulletin then Extract) on invented English and
// Chinese bulletins: counted figures, partner figures, non-figures, dated events and ties.
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/time.h"
#include "extract/draft.h"
#include "support.h"
#include "text/document.h"

namespace {

using annals::ClaimKind;
using annals::Date;
using annals::extract::Draft;

constexpr const char* kEnglishTitle = "Harbin Foreign Affairs Work Review";
constexpr const char* kEnglishHeader = "Updated : 2022-05-10Source : HRBFAO";
constexpr const char* kChineseTitle = "哈尔滨市对外交流工作综述";
constexpr const char* kChineseHeader = "时间:2022-05-10来源: 哈尔滨市外办";
constexpr const char* kTraditionalTitle = "哈爾濱市對外交流工作綜述";
constexpr const char* kTraditionalHeader = "發布時間:2022年5月10日";

std::string Iso(const std::optional<Date>& d) { return d ? d->ToString() : "open"; }
template <typename Enum>
std::string Name(Enum e) {
  return std::string(annals::ToString(e));
}

// A bulletin built from a title, a header line and paragraphs, parsed and extracted.
struct Extracted {
  std::string bytes;
  annals::text::Bulletin doc;
  annals::extract::Extraction ex;

  // The original bytes a draft's span maps to.
  std::string Quote(const Draft& d) const {
    const auto range = doc.text.BytesOf(d.begin, d.end);
    return bytes.substr(static_cast<std::size_t>(range.start),
                        static_cast<std::size_t>(range.end - range.start));
  }

  std::vector<const Draft*> Of(ClaimKind kind) const {
    std::vector<const Draft*> out;
    for (const auto& d : ex.claims)
      if (d.kind == kind) out.push_back(&d);
    return out;
  }

  // The count whose value is `value`, or null.
  const Draft* CountOf(double value) const {
    for (const auto& d : ex.claims)
      if (d.kind == ClaimKind::kCount && d.value && *d.value == Approx(value)) return &d;
    return nullptr;
  }

  // Every draft, one a line, for failure messages.
  std::string Dump() const {
    std::ostringstream out;
    out << "city=" << ex.city << " published=" << Iso(doc.published_on) << "\n";
    for (const auto& d : ex.claims) {
      out << Name(d.kind) << " value=" << (d.value ? std::to_string(*d.value) : "-")
          << " qualifier=" << Name(d.qualifier) << " unit=" << d.unit << " metric=" << d.metric
          << " class=" << Name(d.partner_class) << " relation=" << Name(d.relation)
          << " object=" << d.object << "/" << d.object_country << " subject=" << d.subject
          << " valid=" << Iso(d.valid.from) << ".." << Iso(d.valid.to) << " lang=" << d.lang
          << " quote=[" << Quote(d) << "]\n";
    }
    return out.str();
  }
};

Extracted Run(const std::vector<std::string>& paragraphs, const char* title = kEnglishTitle,
              const char* header = kEnglishHeader) {
  Extracted r;
  r.bytes = std::string(title) + "\n\n";
  if (header) r.bytes += std::string(header) + "\n\n";
  for (const auto& p : paragraphs) r.bytes += p + "\n\n";
  r.doc = annals::text::ParseBulletin(r.bytes);
  r.ex = annals::extract::Extract(r.doc, r.doc.published_on);
  return r;
}

Extracted RunChinese(const std::vector<std::string>& paragraphs) {
  return Run(paragraphs, kChineseTitle, kChineseHeader);
}

Extracted RunTraditional(const std::vector<std::string>& paragraphs) {
  return Run(paragraphs, kTraditionalTitle, kTraditionalHeader);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

// ---- The bulletin as a whole ----------------------------------------------------------------

TEST_CASE("Extract finds the bulletin's own city and its latest date", "[extract][extractor]") {
  const Extracted r = Run({"In March 2021, Harbin hosted the China-Russia Expo.",
                           "Harbin signed an agreement with Niigata in 2019."});
  INFO(r.Dump());
  CHECK(r.ex.city == "Harbin");
  CHECK(Iso(r.ex.latest_date_mentioned) == "2021-03");
}

TEST_CASE("Extract spans lie inside the text and map to original bytes on every seed",
          "[extract][extractor]") {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    Extracted r;
    r.bytes = annals::testing::ReadBytes(annals::testing::SeedPath(seed));
    r.doc = annals::text::ParseBulletin(r.bytes);
    r.ex = annals::extract::Extract(r.doc, r.doc.published_on);
    INFO("seed " << seed);
    CHECK_FALSE(r.ex.claims.empty());
    for (const auto& d : r.ex.claims) {
      REQUIRE(d.begin < d.end);
      REQUIRE(d.end <= r.doc.text.size());
      CHECK_FALSE(r.Quote(d).empty());
      CHECK_FALSE(d.rule.empty());
      CHECK_FALSE(d.subject.empty());  // whose claim it is is always known on the seeds
      CHECK((d.lang == "en" || d.lang == "zh-Hans" || d.lang == "zh-Hant"));
      if (d.kind == ClaimKind::kCount) CHECK(d.value.has_value());
      if (d.kind == ClaimKind::kRelation) CHECK_FALSE(d.object.empty());
    }
  }
}

// ---- English figures ------------------------------------------------------------------------

TEST_CASE("Extract reads 'more than 12,000 visitors'", "[extract][extractor][en]") {
  const Extracted r =
      Run({"Harbin received more than 12,000 foreign visitors during the festival."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(12000);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(Name(d->qualifier) == "more_than");
  CHECK(d->unit == "visitor");
  CHECK(d->metric == "visitors");
  CHECK(d->value_min == 12000.0);
  CHECK_FALSE(d->value_max.has_value());
  CHECK(d->subject == "Harbin");
  CHECK(d->lang == "en");
  CHECK(d->partner_class == annals::PartnerClass::kNone);
  CHECK(Contains(r.Quote(*d), "12,000"));
}

// The counted noun is the one after the figure, not a word of the verb phrase after it.
TEST_CASE("Extract reads 'nearly 300 enterprises'", "[extract][extractor][en]") {
  const Extracted r = Run({"Nearly 300 enterprises took part in the trade fair."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(300);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(Name(d->qualifier) == "nearly");
  CHECK(d->unit == "enterprise");
  CHECK(d->metric == "enterprises");
  CHECK(d->value_max == 300.0);
  CHECK(Contains(r.Quote(*d), "300"));
}

TEST_CASE("Extract reads 'some 40 delegations' as about", "[extract][extractor][en]") {
  const Extracted r = Run({"Some 40 foreign delegations visited Harbin."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(40);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(Name(d->qualifier) == "about");
  CHECK(d->unit == "delegation");
  CHECK(d->metric == "delegations");
  CHECK_FALSE(d->value_min.has_value());
  CHECK_FALSE(d->value_max.has_value());
  CHECK(Contains(r.Quote(*d), "40"));
}

// `people` (irregular plural) ends the noun phrase as a regular plural would.
TEST_CASE("Extract reads 'a total of 1,200 people' as exact",
          "[extract][extractor][en]") {
  const Extracted r = Run({"A total of 1,200 people attended the opening ceremony."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(1200);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(Name(d->qualifier) == "exact");
  CHECK(d->unit == "person");
  CHECK(d->value_min == 1200.0);
  CHECK(d->value_max == 1200.0);
  CHECK(Contains(r.Quote(*d), "1,200"));
}

TEST_CASE("Extract reads 'RMB 1.5 billion' as money in yuan", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin attracted foreign investment of RMB 1.5 billion."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(1.5e9);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "CNY");
  CHECK(d->metric == "investment");
  CHECK(Name(d->qualifier) == "exact");
  CHECK(Contains(r.Quote(*d), "1.5"));
}

TEST_CASE("Extract reads '$250 million' as money in dollars", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin signed contracts worth $250 million at the fair."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(2.5e8);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "USD");
  CHECK(d->metric == "investment");
  CHECK(Contains(r.Quote(*d), "$250"));
}

TEST_CASE("Extract reads 'USD 2 billion' as money in dollars", "[extract][extractor][en]") {
  const Extracted r = Run({"Trade between Harbin and Russia reached USD 2 billion."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(2e9);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "USD");
  CHECK(d->metric == "investment");
  CHECK(Contains(r.Quote(*d), "2"));
}

TEST_CASE("Extract reads '65%' as a percentage", "[extract][extractor][en]") {
  const Extracted r = Run({"Exports from Harbin to Russia grew by 65% year on year."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(65);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "percent");
  CHECK(Contains(r.Quote(*d), "65%"));
}

TEST_CASE("Extract reads number words", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin received twelve delegations from Mongolia."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(12);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "delegation");
  CHECK(d->metric == "delegations");
  CHECK(Name(d->qualifier) == "exact");
  CHECK(Contains(r.Quote(*d), "twelve"));
}

TEST_CASE("Extract reads a number word opening a sentence", "[extract][extractor][en]") {
  const Extracted r = Run({"Twelve delegations from Mongolia visited Harbin."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(12);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "delegation");
  CHECK(d->metric == "delegations");
  CHECK(Contains(r.Quote(*d), "Twelve"));
}

// ---- English partner figures ----------------------------------------------------------------

TEST_CASE("Extract reads sister-city figures valid at publication", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin has now established sister city relationships with 30 cities "
                           "in 25 countries."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).size() == 2);
  const Draft* cities = r.CountOf(30);
  REQUIRE(cities != nullptr);
  CHECK(cities->metric == "partner_cities");
  CHECK(cities->unit == "city");
  CHECK(Name(cities->partner_class) == "friendship");
  CHECK(Iso(cities->valid.from) == "2022-05-10");
  CHECK(Iso(cities->valid.to) == "2022-05-10");
  CHECK(cities->subject == "Harbin");
  CHECK(Contains(r.Quote(*cities), "30"));

  const Draft* countries = r.CountOf(25);
  REQUIRE(countries != nullptr);
  CHECK(countries->metric == "partner_countries");
  CHECK(countries->unit == "country");
  CHECK(Name(countries->partner_class) == "friendship");
  CHECK(Iso(countries->valid.from) == "2022-05-10");
  CHECK(Iso(countries->valid.to) == "2022-05-10");
  CHECK(Contains(r.Quote(*countries), "25"));
}

TEST_CASE("Extract reads friendly cooperative relations as friendly exchange",
          "[extract][extractor][en]") {
  const Extracted r =
      Run({"Harbin has established friendly cooperative relations with 40 cities."});
  INFO(r.Dump());
  const Draft* d = r.CountOf(40);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->metric == "partner_cities");
  CHECK(d->unit == "city");
  CHECK(Name(d->partner_class) == "friendly_exchange");
}

TEST_CASE("Extract leaves a partner figure's time open without a publication date",
          "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin has now established sister city relationships with 30 cities."},
                          kEnglishTitle, nullptr);
  INFO(r.Dump());
  REQUIRE_FALSE(r.doc.published_on.has_value());
  const Draft* d = r.CountOf(30);
  REQUIRE(d != nullptr);
  CHECK(d->metric == "partner_cities");
  CHECK(Iso(d->valid.from) == "open");
  CHECK(Iso(d->valid.to) == "open");
}

// ---- English figures that are not counts ----------------------------------------------------

TEST_CASE("Extract takes no count from an ordinal", "[extract][extractor][en]") {
  const Extracted r = Run({"The 3rd China-Russia Expo opened in Harbin."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from a year", "[extract][extractor][en]") {
  const Extracted r = Run({"In 2019, Harbin deepened its exchanges with Russia."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from 'Global 500'", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin welcomed executives of Global 500 companies."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from a '5A' rating", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin Sun Island is a national 5A scenic spot."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from the '14th Five-Year Plan'", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin will open wider during the 14th Five-Year Plan period."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from 'top ten achievements'", "[extract][extractor][en]") {
  const Extracted r = Run({"Harbin unveiled the top ten achievements of its opening up."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from a list number opening a paragraph",
          "[extract][extractor][en]") {
  const Extracted r = Run({"2. Trade", "Harbin expanded its trade with Russia."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

// ---- Chinese figures ------------------------------------------------------------------------

TEST_CASE("Extract reads Chinese partner-city and partner-country figures",
          "[extract][extractor][zh]") {
  SECTION("Simplified") {
    const Extracted r = RunChinese({"截至目前,我市已与15个国家建立了28对友好城市。"});
    INFO(r.Dump());
    CHECK(r.Of(ClaimKind::kCount).size() == 2);
    const Draft* cities = r.CountOf(28);
    REQUIRE(cities != nullptr);
    CHECK(cities->metric == "partner_cities");
    CHECK(cities->unit == "city");
    CHECK(Name(cities->partner_class) == "friendship");
    CHECK(Iso(cities->valid.from) == "2022-05-10");
    CHECK(Iso(cities->valid.to) == "2022-05-10");
    CHECK(cities->subject == "Harbin");
    CHECK(cities->lang == "zh-Hans");
    CHECK(Contains(r.Quote(*cities), "28"));
    const Draft* countries = r.CountOf(15);
    REQUIRE(countries != nullptr);
    CHECK(countries->metric == "partner_countries");
    CHECK(countries->unit == "country");
    CHECK(Contains(r.Quote(*countries), "15"));
  }
  SECTION("Traditional") {
    const Extracted r = RunTraditional({"截至目前,我市已與15個國家建立了28對友好城市。"});
    INFO(r.Dump());
    const Draft* cities = r.CountOf(28);
    REQUIRE(cities != nullptr);
    CHECK(cities->metric == "partner_cities");
    CHECK(Name(cities->partner_class) == "friendship");
    CHECK(Iso(cities->valid.from) == "2022-05-10");
    CHECK(cities->lang == "zh-Hant");
    CHECK(Contains(r.Quote(*cities), "28對"));
    const Draft* countries = r.CountOf(15);
    REQUIRE(countries != nullptr);
    CHECK(countries->metric == "partner_countries");
  }
}

TEST_CASE("Extract reads '近200家企业' as nearly 200 enterprises", "[extract][extractor][zh]") {
  const Extracted r = RunChinese({"近200家企业参加了本届博览会。"});
  INFO(r.Dump());
  const Draft* d = r.CountOf(200);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(Name(d->qualifier) == "nearly");
  CHECK(d->unit == "enterprise");
  CHECK(d->metric == "enterprises");
  CHECK(Contains(r.Quote(*d), "200"));
}

TEST_CASE("Extract reads '1000余人' as more than 1000 people", "[extract][extractor][zh]") {
  SECTION("Simplified") {
    const Extracted r = RunChinese({"共有1000余人出席了开幕式。"});
    INFO(r.Dump());
    const Draft* d = r.CountOf(1000);
    REQUIRE(d != nullptr);
    CHECK(Name(d->qualifier) == "more_than");
    CHECK(d->unit == "person");
    CHECK(Contains(r.Quote(*d), "1000"));
  }
  SECTION("Traditional") {
    const Extracted r = RunTraditional({"共有1000餘人出席了開幕式。"});
    INFO(r.Dump());
    const Draft* d = r.CountOf(1000);
    REQUIRE(d != nullptr);
    CHECK(Name(d->qualifier) == "more_than");
    CHECK(d->unit == "person");
  }
}

TEST_CASE("Extract reads '签署合作协议12个' as 12 agreements", "[extract][extractor][zh]") {
  const Extracted r = RunChinese({"双方签署合作协议12个。"});
  INFO(r.Dump());
  const Draft* d = r.CountOf(12);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "agreement");
  CHECK(d->metric == "agreements");
  CHECK(Contains(r.Quote(*d), "12"));
}

TEST_CASE("Extract reads '总投资2.5亿美元' as 250 million dollars", "[extract][extractor][zh]") {
  const Extracted r = RunChinese({"该项目总投资2.5亿美元。"});
  INFO(r.Dump());
  const Draft* d = r.CountOf(2.5e8);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "USD");
  CHECK(d->metric == "investment");
  CHECK(Name(d->qualifier) == "exact");
  CHECK(Contains(r.Quote(*d), "2.5亿"));
}

TEST_CASE("Extract reads '3亿多元人民币' as more than 300 million yuan",
          "[extract][extractor][zh]") {
  const Extracted r = RunChinese({"双方合同金额达3亿多元人民币。"});
  INFO(r.Dump());
  const Draft* d = r.CountOf(3e8);
  REQUIRE(d != nullptr);
  CHECK(r.Of(ClaimKind::kCount).size() == 1);
  CHECK(d->unit == "CNY");
  CHECK(d->metric == "investment");
  CHECK(Name(d->qualifier) == "more_than");
  CHECK(Contains(r.Quote(*d), "3亿"));
}

TEST_CASE("Extract reads '友好交流城市40对' as friendly exchange cities",
          "[extract][extractor][zh]") {
  SECTION("Simplified") {
    const Extracted r = RunChinese({"此外,我市还建立了友好交流城市40对。"});
    INFO(r.Dump());
    const Draft* d = r.CountOf(40);
    REQUIRE(d != nullptr);
    CHECK(d->metric == "partner_cities");
    CHECK(d->unit == "city");
    CHECK(Name(d->partner_class) == "friendly_exchange");
    CHECK(Contains(r.Quote(*d), "40"));
  }
  SECTION("Traditional") {
    const Extracted r = RunTraditional({"此外,我市還建立了友好交流城市40對。"});
    INFO(r.Dump());
    const Draft* d = r.CountOf(40);
    REQUIRE(d != nullptr);
    CHECK(d->metric == "partner_cities");
    CHECK(Name(d->partner_class) == "friendly_exchange");
  }
}

TEST_CASE("Extract takes no count from a Chinese ordinal", "[extract][extractor][zh]") {
  const Extracted r = RunChinese({"第五届中俄博览会在哈尔滨开幕。"});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from a numeral inside a place name",
          "[extract][extractor][zh]") {
  const Extracted r = RunChinese({"两江新区代表团访问了哈尔滨。"});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

TEST_CASE("Extract takes no count from '一带一路'", "[extract][extractor][zh]") {
  const Extracted r = RunChinese({"哈尔滨积极参与一带一路建设。"});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kCount).empty());
}

// ---- Events ---------------------------------------------------------------------------------

TEST_CASE("Extract dates an English event to the day", "[extract][extractor][event]") {
  const Extracted r = Run({"The 5th Harbin Trade Fair was held on June 15, 2021."});
  INFO(r.Dump());
  const auto events = r.Of(ClaimKind::kEvent);
  REQUIRE(events.size() == 1);
  const Draft& d = *events[0];
  CHECK(d.metric == "held");
  CHECK(Iso(d.valid.from) == "2021-06-15");
  CHECK(Iso(d.valid.to) == "2021-06-15");
  CHECK(Contains(d.subject, "Harbin Trade Fair"));
  CHECK(Contains(r.Quote(d), "2021"));
  CHECK(r.Of(ClaimKind::kCount).empty());  // `5th` is an ordinal
}

TEST_CASE("Extract dates an English event to the year", "[extract][extractor][event]") {
  const Extracted r = Run({"In 2010, the Sino-Russian Friendship Park was opened."});
  INFO(r.Dump());
  const auto events = r.Of(ClaimKind::kEvent);
  REQUIRE(events.size() == 1);
  const Draft& d = *events[0];
  CHECK(d.metric == "opened");
  CHECK(Iso(d.valid.from) == "2010");
  CHECK(Iso(d.valid.to) == "2010");
  CHECK(Contains(d.subject, "Sino-Russian Friendship Park"));
  CHECK(Contains(r.Quote(d), "2010"));
}

TEST_CASE("Extract dates a Chinese event to the month", "[extract][extractor][event]") {
  const Extracted r = RunChinese({"2019年8月,哈尔滨市举办了中俄博览会。"});
  INFO(r.Dump());
  const auto events = r.Of(ClaimKind::kEvent);
  REQUIRE(events.size() == 1);
  const Draft& d = *events[0];
  CHECK(d.metric == "held");
  CHECK(Iso(d.valid.from) == "2019-08");
  CHECK(Iso(d.valid.to) == "2019-08");
  CHECK(d.lang == "zh-Hans");
  CHECK(Contains(r.Quote(d), "2019年8月"));
}

TEST_CASE("Extract takes no event from an intended one", "[extract][extractor][event]") {
  const Extracted r = Run({"The next Expo will be held in Harbin in 2024."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kEvent).empty());
}

// ---- Relations ------------------------------------------------------------------------------

TEST_CASE("Extract reads an English sister-city tie", "[extract][extractor][relation]") {
  const Extracted r =
      Run({"Harbin established a sister city relationship with Niigata, Japan in 1979."});
  INFO(r.Dump());
  const auto relations = r.Of(ClaimKind::kRelation);
  REQUIRE(relations.size() == 1);
  const Draft& d = *relations[0];
  CHECK(Name(d.relation) == "friendship_city");
  CHECK(d.object == "Niigata");
  CHECK(d.object_country == "Japan");
  CHECK(d.subject == "Harbin");
  CHECK(Iso(d.valid.from) == "1979");
  CHECK(Contains(r.Quote(d), "Niigata"));
}

TEST_CASE("Extract reads no tie from an intended one", "[extract][extractor][relation]") {
  const Extracted r = Run({"Harbin is making efforts to build friendly ties with Edmonton."});
  INFO(r.Dump());
  CHECK(r.Of(ClaimKind::kRelation).empty());
}

TEST_CASE("Extract reads a Chinese friendship-city tie", "[extract][extractor][relation]") {
  SECTION("Simplified") {
    const Extracted r = RunChinese({"我市与加拿大埃德蒙顿市缔结友好城市关系。"});
    INFO(r.Dump());
    const auto relations = r.Of(ClaimKind::kRelation);
    REQUIRE(relations.size() == 1);
    const Draft& d = *relations[0];
    CHECK(Name(d.relation) == "friendship_city");
    CHECK(d.object == "Edmonton");
    CHECK(d.object_country == "Canada");
    CHECK(d.subject == "Harbin");
    CHECK(Contains(r.Quote(d), "埃德蒙顿"));
  }
  SECTION("Traditional") {
    const Extracted r = RunTraditional({"我市與加拿大埃德蒙頓市締結友好城市關係。"});
    INFO(r.Dump());
    const auto relations = r.Of(ClaimKind::kRelation);
    REQUIRE(relations.size() == 1);
    CHECK(relations[0]->object == "Edmonton");
    CHECK(Name(relations[0]->relation) == "friendship_city");
    CHECK(Contains(r.Quote(*relations[0]), "埃德蒙頓"));
  }
}
