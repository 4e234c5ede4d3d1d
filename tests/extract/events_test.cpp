// Dated events: which time expressions date something that happened, and when; which
// are the time of a state, a period or nothing at all. Invented bulletins of other
// cities and years.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "text/document.h"

using namespace annals;

namespace {

// The events of `body` in a bulletin published on `published` (ISO), in text order.
std::vector<extract::Draft> EventsOf(const std::string& body, const char* published = "2022-05-10") {
  const std::string bytes = "Harbin foreign affairs\n\nUpdated : " + std::string(published) +
                            "Source : X\n\n" + body + "\n";
  const auto doc = text::ParseBulletin(bytes);
  std::vector<extract::Draft> out;
  for (auto& d : extract::Extract(doc, doc.published_on).claims)
    if (d.kind == ClaimKind::kEvent) out.push_back(d);
  return out;
}

std::string Range(const extract::Draft& d) {
  return (d.valid.from ? d.valid.from->ToString() : "open") + "/" +
         (d.valid.to ? d.valid.to->ToString() : "open");
}

}  // namespace

TEST_CASE("the date of each row of a table of partners is the event of its tie",
          "[extract][events][zh]") {
  const auto events = EventsOf(
      "哈尔滨管辖区 | 友好管辖区 | 国家 | 结好日期\n\n哈尔滨市 | 奥斯特维克州 | 德国 | 2001年3月5日\n\n"
      " | 拉巴尔卡省 | 智利 | 2010年7月\n\n | 北京市 | 中国 | 2011年1月1日");
  REQUIRE(events.size() == 2);  // not the domestic row
  CHECK(Range(events[0]) == "2001-03-05/2001-03-05");
  CHECK(Range(events[1]) == "2010-07/2010-07");
  CHECK(events[0].subject == "Harbin");
  // A table of something else dates nothing.
  CHECK(EventsOf("年份 | 国家 | 人数\n\n2019年5月 | 德国 | 300").empty());
}

TEST_CASE("a time that a state is reported at is no event", "[extract][events]") {
  CHECK(EventsOf("截至2021年6月30日,哈尔滨已与30个国家建立了52对友好城市。").empty());
  CHECK(EventsOf("By the end of March 2021, Harbin had established ties with 52 cities.").empty());
  CHECK(EventsOf("As of May 2021, the city had set up 9 offices abroad.").empty());
  // The same dates with the verb are events.
  CHECK(EventsOf("2021年6月30日,哈尔滨与奥斯特维克州建立了友好城市关系。").size() == 1);
  CHECK(EventsOf("In March 2021, Harbin established ties with Gdansk.").size() == 1);
}

TEST_CASE("a since with a reporting verb dates the event that opened the period",
          "[extract][events]") {
  auto one = EventsOf("自2013年与奥斯特维克州结为友好城市以来,哈尔滨又与8座城市建立了友好关系。");
  REQUIRE(one.size() == 1);
  CHECK(Range(one[0]) == "2013/2013");
  one = EventsOf("The total has risen every year since 1991, when Harbin and the state of Ohio "
                 "formed a partnership.");
  REQUIRE(one.size() == 1);
  CHECK(Range(one[0]) == "1991/1991");
  one = EventsOf("哈尔滨与奥斯特维克州合办的夏令营自2015年启动以来从未中断。");
  REQUIRE(one.size() == 1);
  CHECK(Range(one[0]) == "2015/2015");
  // What recurs since a date is a period, not one event.
  CHECK(EventsOf("自2012年以来,哈尔滨连续4次荣获友城交流合作奖。").empty());
  CHECK(EventsOf("Since 2012 Harbin has been awarded the prize four years in a row.").empty());
  // Nor is a since with nothing reported.
  CHECK(EventsOf("Since 2012 the two cities have been close.").empty());
}

TEST_CASE("a present perfect in a year's review states a result, not a dated event",
          "[extract][events][en]") {
  const std::string title = "Harbin Foreign Affairs in 2021\n\nUpdated : 2022-01-10Source : X\n\n";
  const auto count_events = [&](const std::string& body) {
    const auto doc = text::ParseBulletin(title + body + "\n");
    std::size_t n = 0;
    for (const auto& d : extract::Extract(doc, doc.published_on).claims)
      n += d.kind == ClaimKind::kEvent;
    return n;
  };
  CHECK(count_events("The city has established ties with 40 cities and has formed 12 clubs.") == 0);
  CHECK(count_events("The Friendship Agreement with Gdansk was signed.") == 1);
}

TEST_CASE("relative times date events from publication and from the sentences before",
          "[extract][events]") {
  auto events = EventsOf("2021年9月,哈尔滨与奥斯特维克州建立了友好城市关系。同年11月,两市签署了合作协议。");
  REQUIRE(events.size() == 2);
  CHECK(Range(events[1]) == "2021-11/2021-11");
  events = EventsOf("The fifth Harbin Mayors' Forum was held on Wednesday.");  // published Tuesday
  REQUIRE(events.size() == 1);
  CHECK(Range(events[0]) == "2022-05-04/2022-05-04");
}

TEST_CASE("a report's dateline dates no event", "[extract][events]") {
  CHECK(EventsOf("HARBIN, May 9 — The city hopes to sign a sister-city agreement with Tampa.").empty());
  CHECK(EventsOf("哈尔滨5月9日电 记者从市外办了解到,两市将结为友好城市。").empty());
  // A date that opens an ordinary sentence still dates its event.
  CHECK(EventsOf("On May 9, the mayor received a delegation from Tampa.").size() == 1);
}

TEST_CASE("who an English event is about", "[extract][events][en]") {
  // A plural possessive stays inside the name.
  auto events = EventsOf("The mayor went to the fifth Sister Cities Mayors' Summit, held on May 4.");
  REQUIRE(events.size() == 1);
  CHECK(events[0].subject == "Sister Cities Mayors' Summit");
  // The bulletin's own place named by a common noun after the names before the verb.
  events = EventsOf("At the 2021 China Friendship Cities Conference the city received two awards.");
  REQUIRE(events.size() == 1);
  CHECK(events[0].subject == "Harbin");
  // A nationality names no one: the event falls to the bulletin's place.
  events = EventsOf("On May 4, the Polish and Chinese guests gathered again.");
  REQUIRE(events.size() == 1);
  CHECK(events[0].subject == "Harbin");
}

TEST_CASE("events reported by meetings, interviews and sanctions", "[extract][events]") {
  CHECK(EventsOf("记者昨日在全市外事工作会议上获悉,两市交流日益频繁。").size() == 1);
  CHECK(EventsOf("The mayor spoke to reporters in an interview in Minsk on May 3.").size() == 1);
  CHECK(EventsOf("The vote came at Monday night's council meeting.").size() == 1);
  CHECK(EventsOf("Beijing sanctioned two councillors last year.").size() == 1);
  // Without a time, none of them is dated.
  CHECK(EventsOf("The mayor spoke to reporters in an interview.").empty());
}

TEST_CASE("a table's column of numeric dates dates its ties", "[extract][events][zh]") {
  const auto events = EventsOf("序号 | 友好城市 | 国家 | 结好时间\n\n1 | 八户市 | 日本 | 1994.05.12\n\n"
                               "2 | 坦帕市 | 美国 | 2001.10.03");
  REQUIRE(events.size() == 2);
  CHECK(Range(events[0]) == "1994-05-12/1994-05-12");
  CHECK(Range(events[1]) == "2001-10-03/2001-10-03");
}

TEST_CASE("a since of agreements that have linked cities dates the first of them",
          "[extract][events][en]") {
  const auto events = EventsOf("Since 1994, sister-city agreements have linked Harbin with 9 cities.");
  REQUIRE(events.size() == 1);
  CHECK(Range(events[0]) == "1994/1994");
}

TEST_CASE("a verb reports the times of its own clause only", "[extract][events]") {
  const auto events = EventsOf(
      "The movement started in 1973 with a single tie; in 2009 localities enjoyed ties with 1,600 cities.");
  REQUIRE(events.size() == 1);
  CHECK(Range(events[0]) == "1973/1973");
  CHECK(EventsOf("哈尔滨于2001年成立友协;2009年全市共有友城20对。").size() == 1);
}
