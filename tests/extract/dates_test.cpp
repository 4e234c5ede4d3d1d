// Tests of FindTimes: English and Chinese time expressions, resolved against a publication
// date, and the figures and quoted names that are not the sentence's time.
#include "extract/dates.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "extract/knowledge.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace {

using annals::Date;
using annals::Precision;
using annals::extract::FindTimes;
using annals::extract::Knowledge;
using annals::extract::TimeExpr;
using Kind = annals::extract::TimeExpr::Kind;

const std::optional<Date> kPublished = Date::Day(2020, 6, 30);

std::u32string Folded(const std::string& utf8) {
  return annals::text::Fold(annals::text::FromUtf8(utf8));
}

// ISO form of an optional date, "open" without one (readable in failure messages).
std::string Iso(const std::optional<Date>& d) { return d ? d->ToString() : "open"; }

// Folds `utf8` and finds its time expressions; keeps the folded text for Covered().
struct Found {
  std::u32string folded;
  std::vector<TimeExpr> times;

  Found(const std::string& utf8, const std::optional<Date>& published = kPublished,
        std::optional<int> frame_year = std::nullopt)
      : folded(Folded(utf8)),
        times(FindTimes(folded, Knowledge::Embedded(), published, frame_year)) {}

  // The folded text an expression covers.
  std::string Covered(const TimeExpr& t) const {
    return annals::text::ToUtf8(std::u32string_view(folded).substr(t.begin, t.end - t.begin));
  }
};

}  // namespace

TEST_CASE("FindTimes reads an English month-day-year date", "[extract][dates]") {
  const Found f("The Harbin delegation arrived in Minsk on March 3, 2022.");
  REQUIRE(f.times.size() == 1);
  const TimeExpr& t = f.times[0];
  CHECK(t.kind == Kind::kPoint);
  CHECK(Iso(t.range.from) == "2022-03-03");
  CHECK(Iso(t.range.to) == "2022-03-03");
  REQUIRE(t.range.from.has_value());
  CHECK(t.range.from->precision == Precision::kDay);
  CHECK(f.Covered(t) == "on march 3, 2022");
  CHECK_FALSE(t.quoted);
}

TEST_CASE("FindTimes reads day-month dates with an ordinal and a full stop",
          "[extract][dates]") {
  const Found f(
      "The first exhibition opened on 12th June. 2020, and the second on 3rd July. 2021.");
  REQUIRE(f.times.size() == 2);
  CHECK(f.times[0].kind == Kind::kPoint);
  CHECK(Iso(f.times[0].range.from) == "2020-06-12");
  CHECK(Iso(f.times[0].range.to) == "2020-06-12");
  CHECK(f.times[1].kind == Kind::kPoint);
  CHECK(Iso(f.times[1].range.from) == "2021-07-03");
  CHECK(f.times[0].end <= f.times[1].begin);
}

TEST_CASE("FindTimes reads a month and year at month precision", "[extract][dates]") {
  const Found f("The trade fair was held in May 2021 in Wuhan.");
  REQUIRE(f.times.size() == 1);
  CHECK(f.times[0].kind == Kind::kPoint);
  CHECK(Iso(f.times[0].range.from) == "2021-05");
  CHECK(Iso(f.times[0].range.to) == "2021-05");
  REQUIRE(f.times[0].range.from.has_value());
  CHECK(f.times[0].range.from->precision == Precision::kMonth);
  CHECK(f.Covered(f.times[0]) == "in may 2021");
}

TEST_CASE("FindTimes reads a year alone at year precision", "[extract][dates]") {
  const Found f("In 2021, Qingdao received 30 delegations.");
  REQUIRE(f.times.size() == 1);
  CHECK(f.times[0].kind == Kind::kPoint);
  CHECK(Iso(f.times[0].range.from) == "2021");
  CHECK(f.Covered(f.times[0]) == "in 2021");
}

TEST_CASE("FindTimes reads a range whose first date borrows the year", "[extract][dates]") {
  const Found f("The festival ran from March 1 to March 5, 2023 in Harbin.");
  REQUIRE(f.times.size() == 1);
  const TimeExpr& t = f.times[0];
  CHECK(t.kind == Kind::kRange);
  CHECK(Iso(t.range.from) == "2023-03-01");
  CHECK(Iso(t.range.to) == "2023-03-05");
  CHECK(f.Covered(t) == "from march 1 to march 5, 2023");
}

TEST_CASE("FindTimes resolves since to the publication date", "[extract][dates]") {
  const Found f("Since 1995, Xi'an has hosted the forum every year.");
  REQUIRE(f.times.size() == 1);
  const TimeExpr& t = f.times[0];
  CHECK(t.kind == Kind::kSince);
  CHECK(Iso(t.range.from) == "1995");
  CHECK(Iso(t.range.to) == "2020-06-30");
  CHECK(f.Covered(t) == "since 1995");
}

TEST_CASE("FindTimes resolves the past N years against the publication date",
          "[extract][dates]") {
  const Found f("Over the past 10 years, Wuhan has signed many agreements.");
  REQUIRE(f.times.size() == 1);
  const TimeExpr& t = f.times[0];
  CHECK(t.kind == Kind::kPastYears);
  CHECK(Iso(t.range.from) == "2010");
  CHECK(Iso(t.range.to) == "2020-06-30");
  CHECK(f.Covered(t) == "over the past 10 years");
}

TEST_CASE("FindTimes dates so far at publication", "[extract][dates]") {
  const Found f("So far, Harbin has received 25 foreign mayors.");
  REQUIRE(f.times.size() == 1);
  CHECK(f.times[0].kind == Kind::kNow);
  CHECK(Iso(f.times[0].range.from) == "2020-06-30");
  CHECK(Iso(f.times[0].range.to) == "2020-06-30");
  CHECK(f.Covered(f.times[0]) == "so far");
}

TEST_CASE("FindTimes resolves the whole year to the frame year", "[extract][dates]") {
  const Found f("For the whole year, 16 activities were organized.", kPublished, 2021);
  REQUIRE(f.times.size() == 1);
  CHECK(f.times[0].kind == Kind::kWholeYear);
  CHECK(Iso(f.times[0].range.from) == "2021");
  CHECK(Iso(f.times[0].range.to) == "2021");
}

TEST_CASE("FindTimes reads Chinese dates at their precision", "[extract][dates]") {
  SECTION("year and month") {
    const Found f("2019年10月,青岛市举办了国际帆船周。");
    REQUIRE(f.times.size() == 1);
    CHECK(f.times[0].kind == Kind::kPoint);
    CHECK(Iso(f.times[0].range.from) == "2019-10");
    CHECK(Iso(f.times[0].range.to) == "2019-10");
    CHECK(f.Covered(f.times[0]) == "2019年10月");
  }
  SECTION("year, month and day") {
    const Found f("2020年3月15日,武汉市向友好城市捐赠了物资。");
    REQUIRE(f.times.size() == 1);
    CHECK(f.times[0].kind == Kind::kPoint);
    CHECK(Iso(f.times[0].range.from) == "2020-03-15");
    CHECK(f.Covered(f.times[0]) == "2020年3月15日");
  }
  SECTION("Traditional characters") {
    const Found f("2021年7月1日,西安市與明斯克市締結友好城市關係。");
    REQUIRE(f.times.size() == 1);
    CHECK(Iso(f.times[0].range.from) == "2021-07-01");
  }
  SECTION("a range of months") {
    const Found f("2018年11月至2019年2月,哈尔滨市接待外国游客近10万人次。");
    REQUIRE(f.times.size() == 1);
    CHECK(f.times[0].kind == Kind::kRange);
    CHECK(Iso(f.times[0].range.from) == "2018-11");
    CHECK(Iso(f.times[0].range.to) == "2019-02");
    CHECK(f.Covered(f.times[0]) == "2018年11月至2019年2月");
  }
  SECTION("two years in a list") {
    const Found f("2014年、2015年,西安市两次举办丝绸之路博览会。");
    REQUIRE(f.times.size() == 2);
    CHECK(f.times[0].kind == Kind::kPoint);
    CHECK(Iso(f.times[0].range.from) == "2014");
    CHECK(f.times[1].kind == Kind::kPoint);
    CHECK(Iso(f.times[1].range.from) == "2015");
  }
}

TEST_CASE("FindTimes resolves Chinese relative times against publication", "[extract][dates]") {
  SECTION("the past N years") {
    const Found f("近3年,青岛市新增友好城市6对。");
    REQUIRE(f.times.size() == 1);
    CHECK(f.times[0].kind == Kind::kPastYears);
    CHECK(Iso(f.times[0].range.from) == "2017");
    CHECK(Iso(f.times[0].range.to) == "2020-06-30");
    CHECK(f.Covered(f.times[0]) == "近3年");
  }
  SECTION("up to now") {
    const Found f("截至目前,武汉市已与26个国家建立了友好关系。");
    REQUIRE_FALSE(f.times.empty());
    CHECK(f.times[0].kind == Kind::kNow);
    CHECK(Iso(f.times[0].range.from) == "2020-06-30");
    CHECK(Iso(f.times[0].range.to) == "2020-06-30");
    CHECK(f.Covered(f.times[0]) == "截至目前");
  }
  SECTION("since a year") {
    const Found f("自2012年以来,西安市每年举办欧亚经济论坛。");
    REQUIRE(f.times.size() == 1);
    CHECK(f.times[0].kind == Kind::kSince);
    CHECK(Iso(f.times[0].range.from) == "2012");
    CHECK(Iso(f.times[0].range.to) == "2020-06-30");
    CHECK(f.Covered(f.times[0]) == "自2012年以来");
  }
}

TEST_CASE("FindTimes leaves relative times open without a publication date",
          "[extract][dates]") {
  SECTION("since") {
    const Found f("Since 1995, Xi'an has hosted the forum every year.", std::nullopt);
    REQUIRE(f.times.size() == 1);
    CHECK(f.times[0].kind == Kind::kSince);
    CHECK(Iso(f.times[0].range.from) == "1995");
    CHECK(Iso(f.times[0].range.to) == "open");
  }
  SECTION("now") {
    const Found f("截至目前,武汉市已建立友好城市30对。", std::nullopt);
    REQUIRE_FALSE(f.times.empty());
    CHECK(f.times[0].kind == Kind::kNow);
    CHECK(Iso(f.times[0].range.from) == "open");
    CHECK(Iso(f.times[0].range.to) == "open");
  }
  SECTION("the past N years in Chinese") {
    const Found f("近5年,哈尔滨市新增友好城市8对。", std::nullopt);
    REQUIRE(f.times.size() == 1);
    CHECK(f.times[0].kind == Kind::kPastYears);
    CHECK(Iso(f.times[0].range.from) == "open");
    CHECK(Iso(f.times[0].range.to) == "open");
  }
}

// The English rule drops `past N years` without a publication date instead of finding it
// with open ends as the Chinese rule and the header of dates.h say.
TEST_CASE("FindTimes finds the English past N years without a publication date",
          "[extract][dates]") {
  const Found f("Over the past 10 years, Wuhan has signed many agreements.", std::nullopt);
  REQUIRE(f.times.size() == 1);
  CHECK(f.times[0].kind == Kind::kPastYears);
  CHECK(Iso(f.times[0].range.from) == "open");
  CHECK(Iso(f.times[0].range.to) == "open");
}

TEST_CASE("FindTimes takes no figure for a time", "[extract][dates]") {
  CHECK(Found("The plant produced 150,000 cars.").times.empty());
  CHECK(Found("Some 1,995 guests and 2,020 exhibitors came.").times.empty());
  CHECK(Found("青岛市共接待外宾1500人。").times.empty());
}

TEST_CASE("FindTimes marks a year inside quotation marks as quoted", "[extract][dates]") {
  const Found f("The “Expo 2020” week was held in Qingdao in 2021.");
  REQUIRE(f.times.size() == 2);
  CHECK(Iso(f.times[0].range.from) == "2020");
  CHECK(f.times[0].quoted);
  CHECK(Iso(f.times[1].range.from) == "2021");
  CHECK_FALSE(f.times[1].quoted);
}

TEST_CASE("FindTimes counts this year, last year and the year before from publication",
          "[extract][dates]") {
  const Found zh("去年,哈尔滨与明斯克签署了协议;前年双方互访,今年再次会面。");
  REQUIRE(zh.times.size() == 3);
  CHECK(Iso(zh.times[0].range.from) == "2019");
  CHECK(Iso(zh.times[1].range.from) == "2018");
  CHECK(Iso(zh.times[2].range.from) == "2020");
  const Found en("Last year the two cities signed a memorandum.");
  REQUIRE(en.times.size() == 1);
  CHECK(en.Covered(en.times[0]) == "last year");
  CHECK(Iso(en.times[0].range.from) == "2019");
  // Without a publication date there is no year to count from.
  CHECK(Found("去年双方签署了协议。", std::nullopt).times.empty());
  // Not inside a longer word.
  CHECK(Found("The ballast yearly report.").times.empty());
}

TEST_CASE("FindTimes puts a month and day without a year in the year of publication",
          "[extract][dates]") {
  const Found en("On June 22 the delegation arrived; on December 1 it had left.");
  REQUIRE(en.times.size() == 2);
  CHECK(Iso(en.times[0].range.from) == "2020-06-22");
  CHECK(Iso(en.times[1].range.from) == "2019-12-01");  // after publication: the year before
  const Found zh("10月29日,代表团抵达明斯克;6月5日签署协议。");
  REQUIRE(zh.times.size() == 2);
  CHECK(Iso(zh.times[0].range.from) == "2019-10-29");
  CHECK(Iso(zh.times[1].range.from) == "2020-06-05");
  CHECK(Found("On June 22 the delegation arrived.", std::nullopt).times.empty());
}

TEST_CASE("FindTimes reads yesterday and today from a publication day", "[extract][dates]") {
  const Found zh("昨日,两市签署了协议。");
  REQUIRE(zh.times.size() == 1);
  CHECK(Iso(zh.times[0].range.from) == "2020-06-29");
  CHECK(Found("昨日,两市签署了协议。", Date::Month(2020, 6)).times.empty());
}

TEST_CASE("FindTimes dates a weekday by the publication day", "[extract][dates]") {
  // Published on Tuesday 2020-06-30.
  const Found past("The mayors met on Wednesday.");
  REQUIRE(past.times.size() == 1);
  CHECK(Iso(past.times[0].range.from) == "2020-06-24");
  CHECK(past.Covered(past.times[0]) == "on wednesday");
  const Found ahead("The forum opens next Wednesday.");
  REQUIRE(ahead.times.size() == 1);
  CHECK(Iso(ahead.times[0].range.from) == "2020-07-01");
  const Found today("周二,两市签署了协议。");
  REQUIRE(today.times.size() == 1);
  CHECK(Iso(today.times[0].range.from) == "2020-06-30");
  // Beside a date, the weekday is that date's.
  const Found both("The list was unveiled Tuesday afternoon on June 23, 2020.");
  REQUIRE(both.times.size() == 1);
  CHECK(Iso(both.times[0].range.from) == "2020-06-23");
  // Without a publication day, no day can be meant.
  CHECK(Found("The mayors met on Wednesday.", Date::Month(2020, 6)).times.empty());
}

TEST_CASE("FindTimes counts months and nights from publication", "[extract][dates]") {
  const auto first = [](const std::string& s) {
    const Found f(s);
    return f.times.empty() ? std::string("none") : Iso(f.times[0].range.from);
  };
  CHECK(first("The expo opens next month.") == "2020-07");
  CHECK(first("上个月,代表团访问了明斯克。") == "2020-05");
  CHECK(first("The delegation dined with the mayor last night.") == "2020-06-29");
  CHECK(first("明年将举办论坛。") == "2021");
  CHECK(first("The expo closes next month.") != "2020-06");
  CHECK(Found("The expo opens next month.", Date::Year(2020)).times.empty());
}

TEST_CASE("FindTimes gives a time that names its year by another time that year",
          "[extract][dates]") {
  const Found same("2018年5月,两市结为友好城市;同年10月,两市签署了协议,次年3月又互派代表团。");
  REQUIRE(same.times.size() == 3);
  CHECK(Iso(same.times[1].range.from) == "2018-10");
  CHECK(same.Covered(same.times[1]) == "同年10月");
  CHECK(Iso(same.times[2].range.from) == "2019-03");
  const Found english("The ties began in 2004 and the first exchange came the following year.");
  REQUIRE(english.times.size() == 2);
  CHECK(Iso(english.times[1].range.from) == "2005");
  // Alone, it waits for the time of the sentences before it.
  Found alone("同年10月,两市签署了协议。");
  REQUIRE(alone.times.size() == 1);
  CHECK_FALSE(alone.times[0].range.from);
  annals::extract::ResolveAnaphors(alone.times, Date::Year(2016));
  CHECK(Iso(alone.times[0].range.from) == "2016-10");
}

TEST_CASE("FindTimes reads since then as a period from the time named before",
          "[extract][dates]") {
  const Found f("The city twinned with Tampa in 1994; since then it has added 9 more.");
  REQUIRE(f.times.size() == 2);
  CHECK(f.times[1].kind == Kind::kSince);
  CHECK(Iso(f.times[1].range.from) == "1994");
  CHECK(Iso(f.times[1].range.to) == "2020-06-30");
  const Found zh("1994年两市结好。此后,两市互访频繁。");
  REQUIRE(zh.times.size() == 2);
  CHECK(Iso(zh.times[1].range.from) == "1994");
  // `since` before a date is no anaphor.
  const Found plain("Since 2001 the forum has met each year.");
  REQUIRE(plain.times.size() == 1);
  CHECK(Iso(plain.times[0].range.from) == "2001");
}

TEST_CASE("FindTimes reads a Chinese relative time inside a run of characters", "[extract][dates]") {
  const Found f("记者昨日在全市外事工作会议上获悉。");
  REQUIRE(f.times.size() == 1);
  CHECK(Iso(f.times[0].range.from) == "2020-06-29");
  // A Latin one still needs a word boundary.
  CHECK(Found("The Xtoday index rose.").times.empty());
}

TEST_CASE("FindTimes reads numeric dates and decades", "[extract][dates]") {
  const Found dotted("北京市 | 东京都 | 1979.03.14");
  REQUIRE(dotted.times.size() == 1);
  CHECK(Iso(dotted.times[0].range.from) == "1979-03-14");
  CHECK(Iso(Found("签约于1994/5/12。").times.at(0).range.from) == "1994-05-12");
  // A decimal or a version is no date.
  CHECK(Found("增长了2019.5倍").times.empty());
  CHECK(Found("version 2019.10.3.1").times.empty());
  const Found zh("石家庄市的友城工作始于上世纪80年代初。");
  REQUIRE(zh.times.size() == 1);
  CHECK(Iso(zh.times[0].range.from) == "1980");
  CHECK(Iso(zh.times[0].range.to) == "1983");
  const Found bare("九十年代末,两市开始交往。");
  REQUIRE(bare.times.size() == 1);
  CHECK(Iso(bare.times[0].range.from) == "1997");
  CHECK(Iso(bare.times[0].range.to) == "1999");
  const Found en("The two cities have been twinned since the 1980s.");
  REQUIRE(en.times.size() == 1);
  CHECK(en.times[0].kind == Kind::kSince);
  CHECK(Iso(en.times[0].range.from) == "1980");
  const Found in("Exchanges grew in the 1990s.");
  REQUIRE(in.times.size() == 1);
  CHECK(Iso(in.times[0].range.to) == "1999");
  // An age or a count of years is no decade.
  CHECK(Found("She is in her 30s.").times.empty());
}

TEST_CASE("FindTimes reads a range whose second date is a day of the same month",
          "[extract][dates]") {
  const Found f("The delegation visited Minsk from January 25 to 27.");
  REQUIRE(f.times.size() == 1);
  CHECK(f.times[0].kind == Kind::kRange);
  CHECK(Iso(f.times[0].range.from) == "2020-01-25");
  CHECK(Iso(f.times[0].range.to) == "2020-01-27");
  const Found y("From January 12 to 25, 2007, the group toured Japan.", std::nullopt);
  REQUIRE(y.times.size() == 1);
  CHECK(Iso(y.times[0].range.from) == "2007-01-12");
  CHECK(Iso(y.times[0].range.to) == "2007-01-25");
}
