// Counted figures in both languages: each number, qualifier and money form, one sentence
// each, from invented bulletins of other cities and years.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "text/document.h"

using namespace annals;

namespace {

struct Expected {
  const char* sentence;
  double value;
  const char* qualifier;
  const char* unit;
};

// The counts of one sentence in a bulletin published on 2022-05-10.
std::vector<extract::Draft> CountsOf(const std::string& sentence) {
  const std::string bytes = "Title of the bulletin\n\nUpdated : 2022-05-10Source : X\n\n" + sentence + "\n";
  const auto doc = text::ParseBulletin(bytes);
  std::vector<extract::Draft> out;
  for (auto& d : extract::Extract(doc, doc.published_on).claims)
    if (d.kind == ClaimKind::kCount) out.push_back(d);
  return out;
}

void CheckOne(const Expected& e) {
  INFO(e.sentence);
  const auto counts = CountsOf(e.sentence);
  REQUIRE(counts.size() == 1);
  CHECK(*counts[0].value == Approx(e.value));
  CHECK(ToString(counts[0].qualifier) == e.qualifier);
  CHECK(counts[0].unit == e.unit);
}

}  // namespace

TEST_CASE("English qualifiers and their bounds", "[extract][counts][en]") {
  for (const Expected& e : std::vector<Expected>{
           {"Xi'an received over 300 delegations.", 300, "more_than", "delegation"},
           {"About 40 enterprises signed contracts.", 40, "about", "enterprise"},
           {"Around 1,500 students studied abroad.", 1500, "about", "student"},
           {"The fair hosted up to 80 exhibitors.", 80, "at_most", "exhibitor"},
           {"At least 12 mayors attended.", 12, "at_least", "mayor"},
           {"Less than 30 projects remained.", 30, "less_than", "project"},
           {"Almost 600 volunteers helped.", 600, "nearly", "volunteer"},
       })
    CheckOne(e);
  const auto c = CountsOf("Qingdao welcomed more than 2,000 guests.");
  REQUIRE(c.size() == 1);
  CHECK(*c[0].value_min == 2000);
  CHECK_FALSE(c[0].value_max);
  const auto n = CountsOf("Nearly 90 firms joined.");
  REQUIRE(n.size() == 1);
  CHECK(*n[0].value_max == 90);
  CHECK_FALSE(n[0].value_min);
}

TEST_CASE("English number words and money", "[extract][counts][en]") {
  for (const Expected& e : std::vector<Expected>{
           {"Wuhan sent one hundred students to Bordeaux.", 100, "exact", "student"},
           {"The city opened twenty new routes.", 20, "exact", "route"},
           {"The bank lent USD 1.5 billion to the port.", 1.5e9, "exact", "USD"},
           {"Investors pledged €30 million for the park.", 3e7, "exact", "EUR"},
           {"The project cost RMB640 million in total.", 6.4e8, "exact", "CNY"},
           {"Trade reached 2.5 billion dollars last year.", 2.5e9, "exact", "USD"},
       })
    CheckOne(e);
}

TEST_CASE("Chinese numerals, multipliers and qualifiers", "[extract][counts][zh]") {
  for (const Expected& e : std::vector<Expected>{
           {"我市与三十七个国家开展交流。", 37, "exact", "country"},
           {"共接待两千名外宾。", 2000, "exact", "person"},
           {"全年接待外宾1.2万人次。", 12000, "exact", "person-time"},
           {"引进外资4.6亿美元。", 4.6e8, "exact", "USD"},
           {"实现对外投资3亿多美元。", 3e8, "more_than", "USD"},
           {"共有1000余人参加。", 1000, "more_than", "person"},
           {"约300家企业参展。", 300, "about", "enterprise"},
           {"参展企业达500家以上。", 500, "more_than", "enterprise"},
           {"超过200名代表出席会议。", 200, "more_than", "person"},
           {"新增友好城市大致10对。", 10, "about", "city"},
           {"全市已建立友好城市二十对。", 20, "exact", "city"},
           {"投资總額達9.49億元人民幣。", 9.49e8, "exact", "CNY"},
       })
    CheckOne(e);
}

TEST_CASE("what is not a count", "[extract][counts]") {
  for (const char* sentence : {
           "The 3rd Harbin Trade Fair opened.",
           "In 2021 the office moved.",
           "The Global 500 list came out.",
           "It is a 5A scenic area.",
           "This serves the 14th Five-Year Plan.",
           "The delegation stayed for 5 years.",
           "The mayor visited the city 3 times.",
           "第五届博览会开幕。",
           "两江新区发展迅速。",
           "共建一带一路。",
           "连续3次获奖。",
       }) {
    INFO(sentence);
    CHECK(CountsOf(sentence).empty());
  }
}

TEST_CASE("a figure's subject is the organisation or event the sentence is about",
          "[extract][counts][subject]") {
  const std::string bytes =
      "Xi'an in 2021\n\nUpdated : 2022-01-10Source : X\n\n"
      "The 3rd Silk Road Expo was held in Xi'an in May 2021. More than 1,200 enterprises "
      "from 60 countries took part.\nXi'an has now established sister city relationships with "
      "38 cities.\n";
  const auto doc = text::ParseBulletin(bytes);
  const auto ex = extract::Extract(doc, doc.published_on);
  std::vector<extract::Draft> counts;
  for (const auto& d : ex.claims)
    if (d.kind == ClaimKind::kCount) counts.push_back(d);
  REQUIRE(counts.size() == 3);
  CHECK(counts[0].subject == "3rd Silk Road Expo");
  CHECK(counts[0].valid.from->ToString() == "2021-05");
  CHECK(counts[1].subject == "3rd Silk Road Expo");
  CHECK(counts[2].subject == "Xi'an");
  CHECK(counts[2].metric == "partner_cities");
  CHECK(counts[2].valid.from->ToString() == "2022-01-10");
}

TEST_CASE("a Chinese figure linked to the noun before it", "[extract][counts][zh]") {
  for (const Expected& e : {Expected{"到现在,我市结好的国外城市已有14个。", 14, "exact", "city"},
                            Expected{"一、正式国际友好城市(7个)", 7, "exact", "city"}})
    CheckOne(e);
}

TEST_CASE("the two already spoken of, and times of day, are no counts", "[extract][counts]") {
  for (const char* sentence :
       {"The two cities agreed to widen trade.", "Both sides signed the memorandum.",
        "The two sides met again at 6 p.m. on Friday.", "两国人民友谊深厚。", "两市将加强交流。",
        "两座城市风景秀丽。"}) {
    INFO(sentence);
    CHECK(CountsOf(sentence).empty());
  }
  // Figures the same words begin are counts still.
  CHECK(CountsOf("Harbin signed two agreements with the city.").size() == 1);
}

TEST_CASE("figures that leave their noun to the sentence, and figures for each place listed",
          "[extract][counts][en]") {
  const auto counts = CountsOf(
      "Of its sister cities, Europe accounts for 41 of the partners, Asia for 23, while Canada, "
      "Japan and Peru have 5 apiece.");
  REQUIRE(counts.size() == 5);
  CHECK(*counts[0].value == 41);
  CHECK(*counts[1].value == 23);
  for (const auto& c : counts) CHECK(c.unit == "city");
  std::vector<std::string> where;
  for (std::size_t i = 2; i < counts.size(); ++i) {
    CHECK(*counts[i].value == 5);
    where.push_back(counts[i].object_country);
  }
  CHECK(where == std::vector<std::string>{"Canada", "Japan", "Peru"});
  // `one of the most`: a superlative, not a part of anything counted.
  CHECK(CountsOf("Harbin is one of the most open cities of the north.").empty());
}

TEST_CASE("a figure for each of a list takes its noun from the sentence before",
          "[extract][counts][en]") {
  const auto counts = CountsOf(
      "Kenya leads with 6 sister cities, followed by Chile with 4. Norway, Ghana and Peru have "
      "3 apiece, and Poland and Brazil 2 each. Oceania and Asia host 1 each.");
  std::vector<double> values;
  for (const auto& c : counts) {
    values.push_back(*c.value);
    CHECK(c.unit == "city");
  }
  CHECK(values == std::vector<double>{6, 4, 3, 3, 3, 2, 2, 1, 1});
  // Without the distributive word a bare figure of a new sentence counts nothing said.
  CHECK(CountsOf("Kenya has 6 sister cities. Norway and Ghana have 3.").size() == 1);
  // Nor does a sentence that counted nothing before it lend a noun.
  CHECK(CountsOf("The mayors met. Norway and Ghana sent 3 each.").empty());
}

TEST_CASE("a Chinese figure said of each of two partner nouns is one figure per class",
          "[extract][counts][zh]") {
  for (const char* sentence : {"目前,大连的国际友城与友好交流城市各达21个。",
                               "大连市的友好城市和友好关系城市目前均已达到21个。",
                               "大連市的友好城市和友好交流城市均為21個。"}) {
    INFO(sentence);
    const auto counts = CountsOf(sentence);
    REQUIRE(counts.size() == 2);
    std::vector<std::string> classes;
    for (const auto& c : counts) {
      CHECK(*c.value == 21);
      CHECK(c.unit == "city");
      CHECK(c.metric == "partner_cities");
      classes.emplace_back(ToString(c.partner_class));
    }
    CHECK(classes == std::vector<std::string>{"friendship", "friendly_exchange"});
  }
  // One noun, or nouns that are no partners, give no shared figure.
  CHECK(CountsOf("大连的国际友城各达21个。").empty());
  CHECK(CountsOf("大连和沈阳均已达到21个。").empty());
}

TEST_CASE("a headline's figure is a count that holds at publication", "[extract][counts]") {
  const auto doc = text::ParseBulletin(
      "哈尔滨已与15个国外城市结为友好城市\n时间:2021-04-02\n\n哈尔滨市外办介绍了有关情况。\n");
  std::vector<extract::Draft> counts;
  for (auto& d : extract::Extract(doc, doc.published_on).claims)
    if (d.kind == ClaimKind::kCount) counts.push_back(d);
  REQUIRE(counts.size() == 1);
  CHECK(*counts[0].value == 15);
  CHECK(counts[0].subject == "Harbin");
  REQUIRE(counts[0].valid.from);
  CHECK(counts[0].valid.from->ToString() == "2021-04-02");
}

TEST_CASE("a Chinese total bounded by 从 and 到现在 holds from that start to publication",
          "[extract][counts][zh]") {
  const auto counts = CountsOf(
      "哈尔滨的友城工作从1985年起步,当年与日本八户市结成第一对友好城市;到现在,我市结好的国外城市已有21个。"
      "此外,来自9个国家的12个城市也与我市建立了友好交流关系。");
  REQUIRE(counts.size() == 3);
  CHECK(counts[0].valid.from->ToString() == "1985");
  CHECK(counts[0].valid.to->ToString() == "2022-05-10");
  // The sentence after the narrative came to the present states what holds at publication.
  for (std::size_t i = 1; i < counts.size(); ++i) {
    REQUIRE(counts[i].valid.from);
    CHECK(counts[i].valid.from->ToString() == "2022-05-10");
  }
  // English `Since ... when ..., has now`: what holds now.
  const auto now = CountsOf("Since 1985 when the first tie was set up, Harbin has now 21 sister cities.");
  REQUIRE(now.size() == 1);
  CHECK(now[0].valid.from->ToString() == "2022-05-10");
}

TEST_CASE("figures of the years since a time of an earlier paragraph hold from it to publication",
          "[extract][counts]") {
  auto counts = CountsOf("Harbin paired with Tampa in May 1994.\n\nIn the decades since, Harbin has "
                         "built ties with 21 cities.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].valid.from->ToString() == "1994-05");
  CHECK(counts[0].valid.to->ToString() == "2022-05-10");
  // The share and total of a Chinese sentence; the figure a total rose to.
  counts = CountsOf("这次签约之后,哈尔滨的国际友城增加到31个,在全省友好城市中占26%。");
  REQUIRE(counts.size() == 2);
  CHECK(*counts[0].value == 31);
  CHECK(counts[0].unit == "city");
  CHECK(counts[1].unit == "percent");
  CHECK(*counts[1].value == 26);
  // No percent of a number that is not a figure of its own.
  CHECK(CountsOf("第5%").empty());
}

TEST_CASE("English figures of headlines, partitives, verbs of number and hyphenated nouns",
          "[extract][counts][en]") {
  // A title-case headline capitalises its verb: `Counts 31` is no numbered name.
  auto counts = CountsOf("Harbin Counts 31 Sister Cities Worldwide");
  REQUIRE(counts.size() == 1);
  CHECK(*counts[0].value == 31);
  CHECK(counts[0].unit == "city");
  // `Global 500` in a sentence still is a name.
  CHECK(CountsOf("The firm joined the Global 500 in 2019.").empty());
  // The whole a sentence opens with is what its bare figures count.
  counts = CountsOf("Of the 31 sister cities, 12 were set up at the provincial level and 19 at "
                    "the municipal level.");
  REQUIRE(counts.size() == 3);
  for (const auto& c : counts) CHECK(c.unit == "city");
  CHECK(*counts[2].value == 19);
  // `now number 31`: the noun before the verb of number.
  counts = CountsOf("Harbin's sister cities now number 31.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "city");
  CHECK(ToString(counts[0].partner_class) == std::string("friendship"));
  CHECK(CountsOf("Harbin won 5 gold medals of the total 26 on ice.").size() == 1);
  // A hyphenated plural is a noun; a hyphenated word before one is not.
  counts = CountsOf("The delegates attended four special sub-forums.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "sub-forum");
  counts = CountsOf("Harbin signed 3 long-term agreements.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "agreement");
  // Ties counted as relationships of a partner kind are partner cities.
  counts = CountsOf("Two further sister-city relationships were added.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "city");
}

TEST_CASE("the speaker of a reported figure is not its subject", "[extract][counts][en]") {
  const auto counts = CountsOf(
      "The Harbin Municipal Foreign Affairs Office said on Monday that the city now counts 31 "
      "sister cities. The office also runs 4 training centres.");
  REQUIRE(counts.size() == 2);
  CHECK(counts[0].subject == "Harbin");
  // Without a reporting verb the office is the subject of its own figure.
  const auto own = CountsOf("The Harbin Municipal Foreign Affairs Office runs 4 training centres.");
  REQUIRE(own.size() == 1);
  CHECK(own[0].subject != "Harbin");
}

TEST_CASE("nouns whose letters look like a participle, and pairs of what a noun names",
          "[extract][counts]") {
  auto counts = CountsOf("Harbin sent 6 short track speed skaters.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "skater");
  counts = CountsOf("12 invited guests signed 3 agreements.");
  REQUIRE(counts.size() == 2);
  CHECK(counts[0].unit == "guest");
  counts = CountsOf("哈尔滨与友城间已建立18对院校合作关系。");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "college");
  counts = CountsOf("哈尔滨已与15个国家建立28对友好城市。");
  REQUIRE(counts.size() == 2);
  CHECK(counts[1].unit == "city");
}

TEST_CASE("fractions, decades and where over says where are no counts or bounds",
          "[extract][counts][en]") {
  CHECK(CountsOf("That is one sixth of all investment in the province.").empty());
  CHECK(CountsOf("Two thirds of the delegates came by train.").empty());
  CHECK(CountsOf("The ties go back more than three decades.").empty());
  const auto spread = CountsOf("Its 40 sister cities are spread over 21 countries.");
  REQUIRE(spread.size() == 2);
  CHECK(ToString(spread[1].qualifier) == std::string("exact"));
  const auto over = CountsOf("The fair drew over 21 countries.");
  REQUIRE(over.size() == 1);
  CHECK(ToString(over[0].qualifier) == std::string("more_than"));
  // A number word before an ordinal noun phrase is still a count.
  CHECK(CountsOf("The city hosted three forums.").size() == 1);
}

TEST_CASE("a Chinese state holds at publication, or since the start its sentence gives",
          "[extract][counts][zh]") {
  auto counts = CountsOf("哈尔滨已与27个国家建立了友好关系。");
  REQUIRE(counts.size() == 1);
  REQUIRE(counts[0].valid.from);
  CHECK(counts[0].valid.from->ToString() == "2022-05-10");
  counts = CountsOf("两市合办的夏令营自2011年启动以来一直没有中断,参加的学生累计已有120多位。");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "person");
  CHECK(counts[0].valid.from->ToString() == "2011");
  CHECK(counts[0].valid.to->ToString() == "2022-05-10");
  // Without an aspect marker a sentence of the past keeps no time it does not state.
  counts = CountsOf("代表团一行12人访问了明斯克。");
  REQUIRE(counts.size() == 1);
  CHECK_FALSE(counts[0].valid.from);
}

TEST_CASE("symbols, names with numbers and terms of assemblies", "[extract][counts]") {
  // `km2`: the digit belongs to the symbol; the figure before it is a measurement.
  auto counts = CountsOf("The urban area covers 137 km2.");
  REQUIRE(counts.size() == 1);
  CHECK(*counts[0].value == 137);
  CHECK(CountsOf("The G20 summit opened.").empty());
  // A currency code before digits is still money.
  counts = CountsOf("The park cost RMB640 million.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "CNY");
  // A number inside a name that modifies the noun counted.
  counts = CountsOf("As many as 83 Fortune 500 companies have plants in Harbin.");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].unit == "company");
  counts = CountsOf("Three Global 500 companies came.");  // three companies, no 500
  REQUIRE(counts.size() == 1);
  CHECK(*counts[0].value == 3);
  // `十五届人大`: a term, not a count; `连续3届`: editions.
  CHECK(CountsOf("哈尔滨市十五届人大常委会第十次会议开幕。").empty());
  counts = CountsOf("博览会已经连续3届设立友城馆。");
  REQUIRE(counts.size() == 1);
  CHECK(*counts[0].value == 3);
}

TEST_CASE("a Chinese aspect marker dates the figures of its own clause only", "[extract][counts][zh]") {
  const auto counts = CountsOf("哈尔滨的友城工作到撤县设市时共发展友城7对,此后快速发展,我市已与31个国家建立了友好关系。");
  REQUIRE(counts.size() == 2);
  CHECK_FALSE(counts[0].valid.from);
  REQUIRE(counts[1].valid.from);
  CHECK(counts[1].valid.from->ToString() == "2022-05-10");
}
