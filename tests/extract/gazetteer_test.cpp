// The gazetteer as embedded: China's divisions in both scripts, names no two places share,
// and a province's or prefecture's bulletin that gets its own subject.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "annals/claim.h"
#include "extract/extractor.h"
#include "extract/knowledge.h"
#include "text/document.h"
#include "text/unicode.h"

namespace {

using annals::extract::Knowledge;
using annals::extract::Place;

const Knowledge& K() { return Knowledge::Embedded(); }

// The place a name finds, as `name/kind/country`, or `none`.
std::string Found(const std::string& name) {
  const Place* p = K().PlaceNamed(name);
  return p ? p->name + "/" + p->kind + "/" + p->country : "none";
}

struct Division {
  const char* name;  // the gazetteer's English name
  const char* kind;
  std::vector<std::string> names;  // every other form that must find it
};

// All 34 province-level divisions: 23 provinces (Taiwan as `Taiwan Province`), 5
// autonomous regions, 4 municipalities and 2 special administrative regions.
const std::vector<Division>& ProvinceLevel() {
  static const std::vector<Division> all = {
      {"Beijing", "city", {"北京", "北京市", "Peking"}},
      {"Tianjin", "city", {"天津", "天津市"}},
      {"Shanghai", "city", {"上海", "上海市"}},
      {"Chongqing", "city", {"重庆", "重慶", "重庆市", "重慶市"}},
      {"Hebei", "region", {"河北", "河北省", "Hebei Province"}},
      {"Shanxi", "region", {"山西", "山西省", "Shanxi Province"}},
      {"Liaoning", "region", {"辽宁", "遼寧", "辽宁省", "遼寧省"}},
      {"Jilin Province", "region", {"Jilin", "吉林", "吉林省"}},
      {"Heilongjiang", "region", {"黑龙江", "黑龍江", "黑龙江省", "黑龍江省"}},
      {"Jiangsu", "region", {"江苏", "江蘇", "江苏省", "江蘇省"}},
      {"Zhejiang", "region", {"浙江", "浙江省"}},
      {"Anhui", "region", {"安徽", "安徽省"}},
      {"Fujian", "region", {"福建", "福建省"}},
      {"Jiangxi", "region", {"江西", "江西省"}},
      {"Shandong", "region", {"山东", "山東", "山东省", "山東省"}},
      {"Henan", "region", {"河南", "河南省"}},
      {"Hubei", "region", {"湖北", "湖北省"}},
      {"Hunan", "region", {"湖南", "湖南省", "Hunan Province"}},
      {"Guangdong", "region", {"广东", "廣東", "广东省", "廣東省"}},
      {"Hainan", "region", {"海南", "海南省"}},
      {"Sichuan", "region", {"四川", "四川省"}},
      {"Guizhou", "region", {"贵州", "貴州", "贵州省", "貴州省"}},
      {"Yunnan", "region", {"云南", "雲南", "云南省", "雲南省"}},
      {"Shaanxi", "region", {"陕西", "陝西", "陕西省", "陝西省"}},
      {"Gansu", "region", {"甘肃", "甘肅", "甘肃省", "甘肅省", "Gansu Province"}},
      {"Qinghai", "region", {"青海", "青海省"}},
      {"Taiwan Province", "region", {"台湾省", "臺灣省", "台灣省"}},
      {"Inner Mongolia",
       "region",
       {"内蒙古", "內蒙古", "内蒙古自治区", "內蒙古自治區", "Nei Mongol",
        "Inner Mongolia Autonomous Region"}},
      {"Guangxi",
       "region",
       {"广西", "廣西", "广西壮族自治区", "廣西壯族自治區", "Guangxi Zhuang Autonomous Region"}},
      {"Tibet", "region", {"西藏", "西藏自治区", "西藏自治區", "Xizang", "Tibet Autonomous Region"}},
      {"Ningxia",
       "region",
       {"宁夏", "寧夏", "宁夏回族自治区", "寧夏回族自治區", "Ningxia Hui Autonomous Region"}},
      {"Xinjiang",
       "region",
       {"新疆", "新疆维吾尔自治区", "新疆維吾爾自治區", "Xinjiang Uygur Autonomous Region",
        "Xinjiang Uyghur Autonomous Region"}},
      {"Hong Kong", "region", {"香港", "香港特别行政区", "香港特別行政區", "Hong Kong SAR"}},
      {"Macao", "region", {"Macau", "澳门", "澳門", "澳门特别行政区", "澳門特別行政區"}},
  };
  return all;
}

// The names of every place, folded, with the places that bear each.
std::map<std::string, std::set<std::string>> PlacesByFold(bool countries) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& p : K().places()) {
    if ((p.kind == "country") != countries) continue;
    const std::string who = p.name + " (" + p.country + ")";
    out[annals::text::FoldUtf8(p.name)].insert(who);
    for (const auto& a : p.aliases) out[annals::text::FoldUtf8(a)].insert(who);
  }
  return out;
}

// A bulletin of a title, a dated header and paragraphs, extracted.
struct Extracted {
  annals::text::Bulletin doc;
  annals::extract::Extraction ex;

  std::string Dump() const {
    std::ostringstream out;
    out << "own=" << ex.city << "\n";
    for (const auto& d : ex.claims)
      out << (d.value ? std::to_string(*d.value) : "-") << " " << d.unit << " subject=" << d.subject
          << "\n";
    return out.str();
  }
  // The subject of the count whose value is `value`, or `none`.
  std::string SubjectOf(double value) const {
    for (const auto& d : ex.claims)
      if (d.kind == annals::ClaimKind::kCount && d.value && *d.value == Approx(value))
        return d.subject;
    return "none";
  }
};

Extracted Run(const std::string& title, const std::string& header,
              const std::vector<std::string>& paragraphs) {
  std::string bytes = title + "\n\n" + header + "\n\n";
  for (const auto& p : paragraphs) bytes += p + "\n\n";
  Extracted r;
  r.doc = annals::text::ParseBulletin(bytes);
  r.ex = annals::extract::Extract(r.doc, r.doc.published_on);
  return r;
}

}  // namespace

TEST_CASE("every province-level division of China is in the gazetteer in both scripts",
          "[extract][gazetteer]") {
  REQUIRE(ProvinceLevel().size() == 34);
  for (const auto& d : ProvinceLevel()) {
    const std::string expected = std::string(d.name) + "/" + d.kind + "/China";
    CHECK(Found(d.name) == expected);
    for (const auto& n : d.names) {
      INFO(n);
      CHECK(Found(n) == expected);
    }
  }
}

TEST_CASE("China's prefecture-level divisions are counted and found in both scripts",
          "[extract][gazetteer]") {
  std::map<std::string, int> kinds;
  for (const auto& p : K().places())
    if (p.country == "China") ++kinds[p.kind];
  // 293 prefecture-level cities, 4 municipalities and the county-level cities; 30
  // autonomous prefectures, 7 prefectures and 3 leagues beside 30 province-level regions.
  CHECK(kinds["city"] >= 297 + 100);
  CHECK(kinds["region"] == 30 + 40);
  CHECK(Found("宿州市") == "Suzhou, Anhui/city/China");
  CHECK(Found("蘇州") == "Suzhou/city/China");
  CHECK(Found("撫州") == "Fuzhou, Jiangxi/city/China");
  CHECK(Found("台州") == "Taizhou, Zhejiang/city/China");
  CHECK(Found("泰州市") == "Taizhou, Jiangsu/city/China");
  CHECK(Found("伊春") == "Yichun, Heilongjiang/city/China");
  CHECK(Found("宜春市") == "Yichun, Jiangxi/city/China");
  CHECK(Found("吉林市") == "Jilin City/city/China");
  CHECK(Found("Swatow") == "Shantou/city/China");
  CHECK(Found("Xiangfan") == "Xiangyang/city/China");
  CHECK(Found("廣西壯族自治區") == "Guangxi/region/China");
  CHECK(Found("恩施州") == "Enshi/region/China");
  CHECK(Found("海南藏族自治州") == "Hainan Tibetan Autonomous Prefecture/region/China");
  CHECK(Found("锡林郭勒盟") == "Xilingol/region/China");
  CHECK(Found("阿克蘇地區") == "Aksu/region/China");
  CHECK(Found("义乌") == "Yiwu/city/China");
  CHECK(Found("崑山市") == "Kunshan/city/China");
  CHECK(Found("敦煌") == "Dunhuang/city/China");
  // Names two places would share name neither, or only the one kept first.
  CHECK(Found("Taizhou") == "none");
  CHECK(Found("Yulin") == "none");
  CHECK(Found("德州") == "Texas/region/United States");
  CHECK(Found("德州市") == "Dezhou/city/China");
  CHECK(Found("Anyang") == "Anyang/city/South Korea");
  CHECK(Found("安阳") == "Anyang, Henan/city/China");
  // A bare name that is also an ordinary word is no place: 来宾 are guests.
  CHECK(Found("来宾") == "none");
  CHECK(Found("来宾市") == "Laibin/city/China");
}

TEST_CASE("no two places of the gazetteer share a name unless documented",
          "[extract][gazetteer]") {
  // Names that two places abroad have always shared, and 丽水 (Lishui, China and
  // Yeosu, South Korea; places_china.tsv says which is found).
  const std::set<std::string> documented = {
      "kochi", "聖地牙哥", "san jose", "圣何塞", "聖何塞", "奥克兰", "奧克蘭", "圣路易斯",
      "聖路易斯", "toledo", "托莱多", "托萊多", "hamilton", "汉密尔顿", "漢密爾頓", "victoria",
      "维多利亚", "維多利亞", "st. john's", "圣约翰", "聖約翰", "纽卡斯尔", "紐卡斯爾",
      "newcastle", "德里", "科隆", "帕尔马", "帕爾馬", "valencia", "巴伦西亚", "巴倫西亞",
      "córdoba", "科尔多瓦", "科爾多瓦", "hyderabad", "海得拉巴", "punjab", "san josé",
      "金斯敦", "buenos aires", "santa fe", "丽水", "丽水市"};
  std::set<std::string> documented_folds;
  for (const auto& n : documented) documented_folds.insert(annals::text::FoldUtf8(n));
  std::vector<std::string> shared;
  for (const auto& [name, places] : PlacesByFold(false)) {
    if (places.size() < 2 || documented_folds.count(name)) continue;
    std::string line = name + ":";
    for (const auto& p : places) line += " " + p;
    shared.push_back(line);
  }
  INFO([&] {
    std::string s;
    for (const auto& l : shared) s += l + "\n";
    return s;
  }());
  CHECK(shared.empty());
  // Nor does a place of China share a name with a country.
  const auto countries = PlacesByFold(true);
  for (const auto& [name, places] : PlacesByFold(false)) {
    bool china = false;
    for (const auto& p : places) china = china || p.find("(China)") != std::string::npos;
    if (china) {
      INFO(name);
      CHECK(countries.count(name) == 0);
    }
  }
}

TEST_CASE("a province's bulletin gives its figures the province as subject",
          "[extract][gazetteer][subjects]") {
  SECTION("English, the province's short name") {
    const Extracted r = Run("Foreign Affairs Review", "Updated : 2023-04-11",
                            {"Qinghai now has 17 sister provinces and cities in 12 countries."});
    INFO(r.Dump());
    CHECK(r.ex.city == "Qinghai");
    CHECK(r.SubjectOf(17) == "Qinghai");
  }
  SECTION("English, the full form of an autonomous region") {
    const Extracted r =
        Run("Foreign Affairs Review", "Updated : 2022-09-30",
            {"The Ningxia Hui Autonomous Region has established 19 friendship ties with regions "
             "and cities of 13 countries."});
    INFO(r.Dump());
    CHECK(r.ex.city == "Ningxia");
    CHECK(r.SubjectOf(19) == "Ningxia");
  }
  SECTION("English, `Province` after the name") {
    const Extracted r = Run("Friendship Cities", "Updated : 2021-01-15",
                            {"Guizhou Province has 41 pairs of friendly provinces and cities."});
    INFO(r.Dump());
    CHECK(r.SubjectOf(41) == "Guizhou");
  }
  SECTION("Simplified Chinese") {
    const Extracted r = Run("对外交流概况", "时间:2020-11-02",
                            {"云南省已与35个国家的98个城市建立了友好关系。"});
    INFO(r.Dump());
    CHECK(r.ex.city == "Yunnan");
    CHECK(r.SubjectOf(98) == "Yunnan");
  }
  SECTION("Traditional Chinese") {
    const Extracted r = Run("對外交流概況", "發布時間:2019年6月3日",
                            {"內蒙古自治區已與12個國家的地方結成46對友好城市。"});
    INFO(r.Dump());
    CHECK(r.ex.city == "Inner Mongolia");
    CHECK(r.SubjectOf(46) == "Inner Mongolia");
  }
  SECTION("an autonomous prefecture") {
    const Extracted r = Run("对外交流概况", "时间:2018-05-20",
                            {"黔东南州已与7个国家的9个城市建立了友好关系。"});
    INFO(r.Dump());
    CHECK(r.SubjectOf(9) == "Qiandongnan");
  }
}

TEST_CASE("a city named in its province is the bulletin's subject, not the province",
          "[extract][gazetteer][subjects]") {
  SECTION("a prefecture-level city after its province") {
    const Extracted r = Run("对外交流概况", "时间:2020-11-02",
                            {"江西省九江市已与8个国家的11个城市结为友好城市。"});
    INFO(r.Dump());
    CHECK(r.ex.city == "Jiujiang");
    CHECK(r.SubjectOf(11) == "Jiujiang");
  }
  SECTION("a county-level city") {
    const Extracted r = Run("Sister Cities", "Updated : 2017-08-08",
                            {"Kunshan in Jiangsu Province has 14 sister cities."});
    INFO(r.Dump());
    CHECK(r.SubjectOf(14) == "Kunshan");
  }
  SECTION("of two cities that share an English name, the one the Chinese names") {
    const Extracted r = Run("对外交流概况", "时间:2016-03-09",
                            {"宿州市已与5个国家的6个城市建立了友好关系。"});
    INFO(r.Dump());
    CHECK(r.SubjectOf(6) == "Suzhou, Anhui");
  }
}
