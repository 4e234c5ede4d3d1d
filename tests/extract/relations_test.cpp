// Partner ties: which named places are partners, of which kind, since when; and which
// mentions are not ties at all.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "text/document.h"

using namespace annals;

namespace {

std::vector<extract::Draft> TiesOf(const std::string& body, const char* published = "2022-05-10") {
  const std::string bytes = "Harbin foreign affairs\n\nUpdated : " + std::string(published) +
                            "Source : X\n\n" + body + "\n";
  const auto doc = text::ParseBulletin(bytes);
  std::vector<extract::Draft> out;
  for (auto& d : extract::Extract(doc, doc.published_on).claims)
    if (d.kind == ClaimKind::kRelation) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("a list of partner cities with their countries", "[extract][relations][en]") {
  const auto ties = TiesOf(
      "Harbin has sister city ties with 20 cities including Niigata of Japan, Edmonton of "
      "Canada and Minneapolis.");
  std::vector<std::string> objects;
  for (const auto& t : ties) objects.push_back(t.object);
  CHECK(objects == std::vector<std::string>{"Niigata", "Edmonton", "Minneapolis"});
  for (const auto& t : ties) {
    CHECK(t.relation == RelationType::kFriendshipCity);
    CHECK(t.subject == "Harbin");
  }
  CHECK(ties[0].object_country == "Japan");
}

TEST_CASE("the year a tie began", "[extract][relations][en]") {
  const auto since = TiesOf("Since 1979 when the first friendship city relationship was established "
                            "with Niigata, Harbin has built ties with 30 cities.");
  REQUIRE(since.size() == 1);
  CHECK(since[0].valid.from->ToString() == "1979");
  const auto zh = TiesOf("2019年哈尔滨与埃德蒙顿市共同庆祝两市结好10周年。");
  REQUIRE(zh.size() == 1);
  CHECK(zh[0].object == "Edmonton");
  CHECK(zh[0].valid.from->ToString() == "2009");
}

TEST_CASE("friendly-exchange ties and agreements", "[extract][relations]") {
  const auto exchange = TiesOf("哈尔滨与俄罗斯新西伯利亚州,加拿大阿尔伯塔省建立了友好交流关系。");
  REQUIRE(exchange.size() == 2);
  for (const auto& t : exchange) CHECK(t.relation == RelationType::kFriendlyExchangeCity);
  const auto memo = TiesOf("A memorandum on trade was signed with Vladivostok in March 2021.");
  REQUIRE(memo.size() == 1);
  CHECK(memo[0].relation == RelationType::kCooperationAgreement);
  CHECK(memo[0].valid.from->ToString() == "2021-03");
}

TEST_CASE("mentions that are not ties", "[extract][relations]") {
  for (const char* body : {
           "Harbin plans to build sister city ties with Calgary.",
           "哈尔滨拟与卡尔加里市缔结友好城市关系。",
           "Harbin hosted a sister city forum; the mayor then flew to Calgary.",
           "A sister school tie was built between Harbin No.3 Middle School and Niigata Senior High School.",
           "Harbin's friendship cities filled the gap in Canada and Japan.",
       }) {
    INFO(body);
    CHECK(TiesOf(body).empty());
  }
}

TEST_CASE("a tie said to hold now, or dated in another sentence, has no start date",
          "[extract][relations]") {
  const auto now = TiesOf("截至目前,哈尔滨已与日本新潟市建立友好城市关系。");
  REQUIRE(now.size() == 1);
  CHECK(now[0].object == "Niigata");
  CHECK_FALSE(now[0].valid.from);
  const auto carried = TiesOf("In 2019 Harbin held a trade fair. Harbin has also established "
                              "sister city ties with Edmonton.");
  REQUIRE(carried.size() == 1);
  CHECK_FALSE(carried[0].valid.from);
}

TEST_CASE("a place abroad the gazetteer lacks is read after its country", "[extract][relations][zh]") {
  // Invented names: no gazetteer holds them.
  const auto ties = TiesOf("哈尔滨市先后与德国奥斯特维克市、智利拉巴尔卡省建立了友好关系。");
  REQUIRE(ties.size() == 2);
  CHECK(ties[0].object == "奥斯特维克市");
  CHECK(ties[0].object_country == "Germany");
  CHECK(ties[1].object == "拉巴尔卡省");
  CHECK(ties[1].object_country == "Chile");
  for (const auto& t : ties) CHECK(t.relation == RelationType::kFriendlyExchangeCity);
}

TEST_CASE("a place inside a division is the partner, not the division", "[extract][relations][zh]") {
  const auto ties = TiesOf("哈尔滨市于2001年5月3日同日本香川县多摩川町结为友好城市。");
  REQUIRE(ties.size() == 1);
  CHECK(ties[0].object == "多摩川町");
  CHECK(ties[0].object_country == "Japan");
  CHECK(ties[0].relation == RelationType::kFriendshipCity);
}

TEST_CASE("items of a list take the class its heading names and the date they give",
          "[extract][relations][zh]") {
  const auto ties = TiesOf(
      "一、友好交流城市(2个)\n\n1. 法国奥斯特维克市:2003年6月签署备忘录\n\n"
      "2. 日本多摩川市,1999年开始与我市交往\n\n二、其他\n\n3. 美国拉巴尔卡市,2004年签署备忘录");
  REQUIRE(ties.size() >= 2);
  CHECK(ties[0].object == "奥斯特维克市");
  CHECK(ties[0].relation == RelationType::kFriendlyExchangeCity);
  REQUIRE(ties[0].valid.from);
  CHECK(ties[0].valid.from->ToString() == "2003-06");
  CHECK(ties[1].object == "多摩川市");
  REQUIRE(ties[1].valid.from);
  CHECK(ties[1].valid.from->ToString() == "1999");
  // The list ended at the heading that names no class: its item is no friendly-exchange tie.
  for (std::size_t i = 2; i < ties.size(); ++i)
    CHECK(ties[i].relation != RelationType::kFriendlyExchangeCity);
}

TEST_CASE("English names a place abroad with its country, and a list continues its paragraph's tie",
          "[extract][relations][en]") {
  // Invented places, in no gazetteer.
  const auto ties = TiesOf(
      "Since 1990, sister-city agreements have linked Harbin with 9 foreign cities. They include "
      "Westmarsh (Canada), Port Aldine (Australia) and Kellbrook in Japan.");
  std::vector<std::string> objects;
  for (const auto& t : ties) objects.push_back(t.object);
  CHECK(objects == std::vector<std::string>{"Westmarsh", "Port Aldine", "Kellbrook"});
  for (const auto& t : ties) CHECK(t.relation == RelationType::kFriendshipCity);
  REQUIRE(ties.size() == 3);
  CHECK(ties[0].object_country == "Canada");
  CHECK(ties[2].object_country == "Japan");
  // Without a partnership in the paragraph, places with countries are no ties.
  CHECK(TiesOf("Delegations came from Westmarsh (Canada) and Kellbrook in Japan.").empty());
}

TEST_CASE("a known name that runs on into a longer one is only part of it", "[extract][relations][zh]") {
  // 列治文 is Richmond; 列治文山市 is another town.
  const auto ties = TiesOf("哈尔滨市与加拿大列治文山市建立了友好关系。");
  REQUIRE(ties.size() == 1);
  CHECK(ties[0].object == "列治文山市");
  CHECK(ties[0].object_country == "Canada");
}

TEST_CASE("a partner's profile block dates a tie its list left undated", "[extract][relations][en]") {
  const auto ties = TiesOf(
      "Since 1990, sister-city agreements have linked Harbin with 2 cities. They include "
      "Westmarsh (Canada) and Kellbrook (Japan).\n\nWestmarsh, Canada\n\n"
      "Relationship established: May 3, 1994\n\nKellbrook, Japan\n\nProfile: a port town.");
  REQUIRE(ties.size() == 2);
  REQUIRE(ties[0].valid.from);
  CHECK(ties[0].valid.from->ToString() == "1994-05-03");
  CHECK_FALSE(ties[1].valid.from);  // its block says nothing of when the tie began
}

TEST_CASE("each row of a table of partners is a tie, dated by its column", "[extract][relations][zh]") {
  const auto ties = TiesOf(
      "哈尔滨管辖区 | 友好管辖区 | 国家 | 结好日期\n\n哈尔滨市 | 奥斯特维克州 | 德国 | 2001年3月5日\n\n"
      " | 拉巴尔卡省 | 智利 | 2010年7月1日\n\n | 北京市 | 中国 | 2011年1月1日");
  REQUIRE(ties.size() == 2);  // not the domestic row
  CHECK(ties[0].object == "奥斯特维克州");
  CHECK(ties[0].object_country == "Germany");
  REQUIRE(ties[0].valid.from);
  CHECK(ties[0].valid.from->ToString() == "2001-03-05");
  CHECK(ties[1].object == "拉巴尔卡省");
  CHECK(ties[1].object_country == "Chile");
  // A table that is not one of partners gives none.
  CHECK(TiesOf("年份 | 国家 | 人数\n\n2019 | 德国 | 300").empty());
}

TEST_CASE("English ties named after a colon, a division noun, and with where they lie",
          "[extract][relations][en]") {
  auto objects = [](const std::vector<extract::Draft>& ties) {
    std::vector<std::string> out;
    for (const auto& t : ties) out.push_back(t.object);
    return out;
  };
  // A colon announces the partner; the place after `in the US state of` is where it lies.
  CHECK(objects(TiesOf("Harbin has added a 21st sister city to its list: Tampa, in the US "
                       "state of Florida.")) == std::vector<std::string>{"Tampa"});
  // A division noun and `of` name the partner.
  const auto state = TiesOf("In 1992 Harbin and the US state of Ohio formed a sister-state "
                            "relationship.");
  REQUIRE(objects(state) == std::vector<std::string>{"Ohio"});
  REQUIRE(state[0].valid.from);
  CHECK(state[0].valid.from->ToString() == "1992");
  CHECK(objects(TiesOf("After Harbin and the German state of Bavaria established friendship, "
                       "students came.")) == std::vector<std::string>{"Bavaria"});
  // A place the sentence says something happened in is a venue, not a partner.
  CHECK(objects(TiesOf("The first stop was Aomori Prefecture in Japan, where Harbin signed a "
                       "friendship-city agreement with Nikko City.")) ==
        std::vector<std::string>{"Nikko"});
  // Each place of a list with its country is a partner, not where the one before lies.
  CHECK(objects(TiesOf("Friendly ties with Tampa in the US, Bilbao in Spain and Parma in Italy "
                       "followed.")) == std::vector<std::string>{"Tampa", "Bilbao", "Parma"});
  // `the mayor of`: no division noun, no tie.
  CHECK(TiesOf("The mayor of Tampa praised the sister city programme of the province.").empty());
}

TEST_CASE("Chinese ties named as the topic of the clause after, with where they lie",
          "[extract][relations][zh]") {
  auto objects = [](const std::vector<extract::Draft>& ties) {
    std::vector<std::string> out;
    for (const auto& t : ties) out.push_back(t.object);
    return out;
  };
  // Places first, then `也与我市建立了...关系`; the division in brackets is where each lies.
  const auto topic = TiesOf("此外,坦帕(美国佛罗里达州)、八户(日本青森县)等8个城市,也与我市建立了友好交流关系。");
  CHECK(objects(topic) == std::vector<std::string>{"Tampa", "Hachinohe"});
  for (const auto& t : topic) CHECK(t.relation == RelationType::kFriendlyExchangeCity);
  // A division written before a city of its country is where the city lies.
  CHECK(objects(TiesOf("哈尔滨与墨西哥米却肯州莫雷利亚市签署了建立友好城市关系协议书。")) ==
        std::vector<std::string>{"Morelia"});
  // A local union of communes, named after its country, is a partner the gazetteer lacks.
  const auto unlisted = TiesOf("2023年5月,哈尔滨与法国罗纳联合体正式建立友城关系。");
  REQUIRE(objects(unlisted) == std::vector<std::string>{"罗纳联合体"});
  CHECK(unlisted[0].object_country == "France");
  // Places that are no topic of a tie give none.
  CHECK(TiesOf("坦帕、八户等城市的代表出席了会议,也参观了展览。").empty());
}

TEST_CASE("the start of a tie from a time clause, an anaphor, an anniversary or another mention",
          "[extract][relations]") {
  const auto since = [](const std::vector<extract::Draft>& ties, const std::string& object) {
    for (const auto& t : ties)
      if (t.object == object) return t.valid.from ? t.valid.from->ToString() : std::string("open");
    return std::string("none");
  };
  // A time that is a clause of its own frames each tie of the clauses after it.
  auto ties = TiesOf("去年,哈尔滨与意大利帕尔马市签署了建立友好城市的协议书,同时与西班牙毕尔巴鄂市签署了建立友好关系的协议书。");
  CHECK(since(ties, "Parma") == "2021");
  CHECK(since(ties, "Bilbao") == "2021");
  ties = TiesOf("两市的友城关系始于2003年6月1日:这一天,哈尔滨与坦帕正式结为友好城市。");
  CHECK(since(ties, "Tampa") == "2003-06-01");
  // `当年` takes the year of the start before it.
  ties = TiesOf("哈尔滨的友城工作从1985年起步,当年与日本八户市结成第一对国际友好城市。");
  CHECK(since(ties, "Hachinohe") == "1985");
  // A Chinese anniversary in numerals.
  ties = TiesOf("今年恰逢哈尔滨与美国坦帕市结为友好城市二十周年。");
  CHECK(since(ties, "Tampa") == "2002");
  // English twinning verbs.
  ties = TiesOf("Harbin joined hands with Tampa as sister cities in May 1991.");
  CHECK(since(ties, "Tampa") == "1991-05");
  // A tie named twice takes the start that one mention gives.
  ties = TiesOf("近日,哈尔滨与坦帕市签订的建立友城关系协议书完成备案。\n\n2021年9月,哈尔滨与坦帕市正式建立友城关系。");
  REQUIRE(ties.size() == 2);
  CHECK(since({ties[0]}, "Tampa") == "2021-09");
  // A time clause followed by another time frames nothing past it.
  ties = TiesOf("2019年,哈尔滨举办了论坛;此后多年,哈尔滨与坦帕市结为友好城市。");
  CHECK(since(ties, "Tampa") == "open");
}

TEST_CASE("a partner phrase that names an event's kind, and a place that names an organisation, "
          "make no tie", "[extract][relations][en]") {
  CHECK(TiesOf("Last year sister-city forums took Harbin's officials to Tampa in the US and "
               "Bilbao in Spain.").empty());
  CHECK(TiesOf("Harbin Airport and Frankfurt Airport signed a cooperation agreement.").empty());
  // The same places as partners.
  CHECK(TiesOf("Harbin signed sister-city agreements with Tampa in the US and Bilbao in Spain.")
            .size() == 2);
  CHECK(TiesOf("Harbin and Frankfurt signed a sister city agreement.").size() == 1);
}

TEST_CASE("a letter of intent makes a tie wished for, not established", "[extract][relations]") {
  CHECK(TiesOf("2021年以来,哈尔滨陆续与美国坦帕市等5个城市签下了建立友好城市意向书。").empty());
  CHECK(TiesOf("Harbin signed letters of intent on sister-city ties with Tampa.").empty());
  CHECK(TiesOf("2021年,哈尔滨与美国坦帕市签署了建立友好城市协议书。").size() == 1);
}

TEST_CASE("a profile block dates a tie by any name of its place", "[extract][relations][en]") {
  const auto ties = TiesOf(
      "Sister-city agreements link Harbin with 3 cities. They include Tampa (United States) and "
      "Vitoria (Brazil).\n\nVictoria, Brazil\n\nRelationship established: June 24, 2010\n\n"
      "Profile: A port of islands.");
  const extract::Draft* vitoria = nullptr;
  for (const auto& t : ties)
    if (t.object == "Vitória") vitoria = &t;
  REQUIRE(vitoria != nullptr);
  REQUIRE(vitoria->valid.from);
  CHECK(vitoria->valid.from->ToString() == "2010-06-24");
}

TEST_CASE("a clause with a partner of its own is no topic of the clause after",
          "[extract][relations][zh]") {
  const auto ties = TiesOf("哈尔滨与美国坦帕市探讨开展养老方面的合作,与西班牙毕尔巴鄂市共同开展2015年两市结好10周年庆祝活动。");
  REQUIRE(ties.size() == 1);
  CHECK(ties[0].object == "Bilbao");
  REQUIRE(ties[0].valid.from);
  CHECK(ties[0].valid.from->ToString() == "2005");
}
