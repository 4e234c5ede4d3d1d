// Tests of ParseBulletin (title, header date and publisher, furniture, paragraphs and their
// languages) and of ParseHeaderDate, on invented bulletins and on the seed files.
#include "text/document.h"
#include "text/decode.h"
#include "text/mapped_text.h"
#include "text/normalize.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>

#include "annals/error.h"
#include "annals/time.h"
#include "support.h"

namespace {

using annals::Date;
using annals::text::Bulletin;
using annals::text::ParseBulletin;
using annals::text::ParseHeaderDate;
using annals::text::ToUtf8;

// ISO form of an optional date, "none" without one (readable in failure messages).
std::string Iso(const std::optional<Date>& d) { return d ? d->ToString() : "none"; }

std::string ParagraphText(const Bulletin& doc, std::size_t i) {
  const auto& p = doc.paragraphs.at(i);
  return ToUtf8(doc.Chars(p.begin, p.end));
}

}  // namespace

TEST_CASE("ParseBulletin reads an English bulletin with an Updated/Source header",
          "[text][document]") {
  const std::string bytes =
      "Xi'an Welcomes Record Number of Foreign Delegations in 2019\n"
      "\n"
      "Updated : 2020-03-05Source : XAFAO\n"
      "【Fonts: A+ A A- Print\n"
      "\n"
      "In 2019, Xi'an received 40 foreign delegations from 18 countries.\n"
      "\n"
      "The city also hosted three international trade fairs.\n";
  const Bulletin doc = ParseBulletin(bytes);
  CHECK(doc.title == "Xi'an Welcomes Record Number of Foreign Delegations in 2019");
  REQUIRE(doc.published_on.has_value());
  CHECK(Iso(doc.published_on) == "2020-03-05");
  CHECK(doc.published_on->precision == annals::Precision::kDay);
  CHECK(doc.publisher == "XAFAO");
  CHECK(doc.lang == "en");
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(ParagraphText(doc, 0) ==
        "In 2019, Xi'an received 40 foreign delegations from 18 countries.");
  CHECK(ParagraphText(doc, 1) == "The city also hosted three international trade fairs.");
  for (const auto& p : doc.paragraphs) CHECK(p.lang == "en");
  CHECK(doc.Folded(0, doc.text.size()).size() == doc.text.size());
}

TEST_CASE("ParseBulletin reads a Simplified Chinese bulletin with a 时间/来源 header",
          "[text][document]") {
  const std::string bytes =
      "哈尔滨市友好城市工作取得新进展\n"
      "\n"
      "时间:2022-11-30来源: 哈尔滨市外办\n"
      "【字体: 打印\n"
      "\n"
      "2022年,哈尔滨市新增友好城市3对,友好城市总数达到30对。\n";
  const Bulletin doc = ParseBulletin(bytes);
  CHECK(doc.title == "哈尔滨市友好城市工作取得新进展");
  REQUIRE(doc.published_on.has_value());
  CHECK(Iso(doc.published_on) == "2022-11-30");
  CHECK(doc.publisher == "哈尔滨市外办");
  CHECK(doc.lang == "zh-Hans");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.paragraphs[0].lang == "zh-Hans");
  CHECK(ParagraphText(doc, 0) == "2022年,哈尔滨市新增友好城市3对,友好城市总数达到30对。");
}

TEST_CASE("ParseBulletin reads a Traditional Chinese bulletin with a 發布時間 header",
          "[text][document]") {
  const std::string bytes =
      "武漢市國際友好城市工作綜述\n"
      "發布時間:2021年7月1日\n"
      "武漢市與各國在經濟、科技、文化、教育等領域的合作不斷擴大。\n";
  const Bulletin doc = ParseBulletin(bytes);
  CHECK(doc.title == "武漢市國際友好城市工作綜述");
  REQUIRE(doc.published_on.has_value());
  CHECK(Iso(doc.published_on) == "2021-07-01");
  CHECK(doc.publisher.empty());
  CHECK(doc.lang == "zh-Hant");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.paragraphs[0].lang == "zh-Hant");
}

TEST_CASE("ParseBulletin accepts a full-width colon and CRLF line ends in the header",
          "[text][document]") {
  const std::string bytes =
      "青岛市外事工作要点\r\n"
      "\r\n"
      "时间：2023-02-14来源：青岛市外办\r\n"
      "\r\n"
      "2023年,青岛市将继续扩大对外交往。\r\n";
  const Bulletin doc = ParseBulletin(bytes);
  CHECK(doc.title == "青岛市外事工作要点");
  REQUIRE(doc.published_on.has_value());
  CHECK(Iso(doc.published_on) == "2023-02-14");
  CHECK(doc.publisher == "青岛市外办");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(ParagraphText(doc, 0) == "2023年,青岛市将继续扩大对外交往。");
}

TEST_CASE("ParseBulletin reads lone CR line ends as line breaks", "[text][document]") {
  const std::string bytes =
      "Harbin foreign affairs\r\rUpdated : 2020-03-05\r\r"
      "Harbin signed a friendship\rcity agreement with Niigata.\r";
  const Bulletin doc = ParseBulletin(bytes);
  CHECK(doc.title == "Harbin foreign affairs");
  CHECK(Iso(doc.published_on) == "2020-03-05");
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(ParagraphText(doc, 0) == "Harbin signed a friendship");
  CHECK(ParagraphText(doc, 1) == "city agreement with Niigata.");
  const auto bytes_of = doc.text.BytesOf(doc.paragraphs[1].begin, doc.paragraphs[1].end);
  CHECK(bytes.substr(static_cast<std::size_t>(bytes_of.start),
                     static_cast<std::size_t>(bytes_of.end - bytes_of.start)) ==
        "city agreement with Niigata.");
}

TEST_CASE("ParseBulletin keeps a page's paragraph whole across its source lines",
          "[text][document][html]") {
  const std::string page =
      "<!doctype html><html><head><title>Changchun foreign\r\naffairs</title></head><body>"
      "<p>Updated : 2018-12-19</p>\n<p>Changchun has friendly cooperative\n"
      "relations with 70 cities.</p></body></html>";
  const Bulletin doc = ParseBulletin(page);
  CHECK(doc.title == "Changchun foreign affairs");
  CHECK(Iso(doc.published_on) == "2018-12-19");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(ParagraphText(doc, 0) == "Changchun has friendly cooperative relations with 70 cities.");
}

TEST_CASE("ParseBulletin gives each paragraph its own language", "[text][document]") {
  const std::string bytes =
      "Wuhan and Its Partners\n"
      "\n"
      "Updated : 2021-04-02Source : WHFAO\n"
      "\n"
      "Wuhan has established ties with many cities around the world.\n"
      "\n"
      "武漢市與多個國家的城市建立了友好關係。\n"
      "\n"
      "武汉市与多个国家的城市建立了友好关系。\n";
  const Bulletin doc = ParseBulletin(bytes);
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[0].lang == "en");
  CHECK(doc.paragraphs[1].lang == "zh-Hant");
  CHECK(doc.paragraphs[2].lang == "zh-Hans");
}

TEST_CASE("ParseBulletin leaves page furniture out of the paragraphs", "[text][document]") {
  const std::string bytes =
      "Qingdao Hosts Envoys\n"
      "\n"
      "Updated : 2022-08-01Source : QDFAO\n"
      "【Fonts: A+ A A- Print\n"
      "【字体: 打印\n"
      "\n"
      "Envoys from 12 countries visited Qingdao.\n";
  const Bulletin doc = ParseBulletin(bytes);
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(ParagraphText(doc, 0) == "Envoys from 12 countries visited Qingdao.");
}

TEST_CASE("ParseBulletin without a date line leaves the publication date empty",
          "[text][document]") {
  const std::string bytes =
      "Harbin Ice Festival Draws Visitors\n"
      "\n"
      "More than 12,000 foreign visitors came to the festival.\n";
  const Bulletin doc = ParseBulletin(bytes);
  CHECK(doc.title == "Harbin Ice Festival Draws Visitors");
  CHECK_FALSE(doc.published_on.has_value());
  CHECK(doc.publisher.empty());
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(ParagraphText(doc, 0) == "More than 12,000 foreign visitors came to the festival.");
}

TEST_CASE("ParseBulletin rejects bytes that are not text", "[text][document]") {
  CHECK_THROWS_AS(ParseBulletin(""), annals::Error);
  CHECK_THROWS_AS(ParseBulletin("Title\n\xFF\xFE body\n"), annals::Error);
}

TEST_CASE("ParseHeaderDate reads the header date forms", "[text][document]") {
  CHECK(Iso(ParseHeaderDate("2019-01-24")) == "2019-01-24");
  CHECK(Iso(ParseHeaderDate("2019/1/24")) == "2019-01-24");
  CHECK(Iso(ParseHeaderDate("2019年1月24日")) == "2019-01-24");
  CHECK(Iso(ParseHeaderDate("2021-09-07Source : CCFAO")) == "2021-09-07");
  const auto parsed = ParseHeaderDate("2019/1/24");
  REQUIRE(parsed.has_value());
  CHECK(parsed->precision == annals::Precision::kDay);
}

TEST_CASE("ParseHeaderDate finds nothing where there is no date", "[text][document]") {
  CHECK_FALSE(ParseHeaderDate("hello").has_value());
  CHECK_FALSE(ParseHeaderDate("").has_value());
  CHECK_FALSE(ParseHeaderDate("Source : 2019-01-24").has_value());  // not at the start
  CHECK_FALSE(ParseHeaderDate("2019-02-30").has_value());           // not a real day
}

TEST_CASE("ParseBulletin reads the header dates of the seed bulletins", "[text][document]") {
  using annals::testing::ReadBytes;
  using annals::testing::SeedPath;
  const auto date_of = [](const char* seed) {
    return ParseBulletin(ReadBytes(SeedPath(seed))).published_on;
  };
  CHECK(Iso(date_of("000")) == "2019-01-24");
  CHECK(Iso(date_of("001")) == "2021-09-07");
  CHECK(Iso(date_of("002")) == "2018-12-19");
  CHECK(Iso(date_of("003")) == "2019-01-23");
  CHECK(Iso(date_of("004")) == "none");

  const Bulletin seed_000 = ParseBulletin(ReadBytes(SeedPath("000")));
  CHECK(seed_000.publisher == "CCFAO");
  CHECK(seed_000.lang == "en");
  const Bulletin seed_004 = ParseBulletin(ReadBytes(SeedPath("004")));
  // Seed 004 carries a Traditional Chinese text and its English translation.
  const auto has_lang = [&](const char* lang) {
    return std::any_of(seed_004.paragraphs.begin(), seed_004.paragraphs.end(),
                       [&](const annals::text::Paragraph& p) { return p.lang == lang; });
  };
  CHECK(has_lang("zh-Hant"));
  CHECK(has_lang("en"));
  CHECK_FALSE(has_lang("zh-Hans"));
}

TEST_CASE("a bilingual bulletin is one text in two language sections", "[text][document]") {
  const auto doc = annals::text::ParseBulletin(annals::testing::ReadBytes(annals::testing::SeedPath("004")));
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].lang == "zh-Hant");
  CHECK(doc.sections[0].first_paragraph == 0);
  CHECK(doc.sections[1].lang == "en");
  CHECK(doc.sections[1].end_paragraph == doc.paragraphs.size());
  const auto english = annals::text::ParseBulletin(annals::testing::ReadBytes(annals::testing::SeedPath("003")));
  CHECK(english.sections.size() == 1);
}

TEST_CASE("runs of spaces fold to one, keeping the origin of the first", "[text][normalize]") {
  const auto t = annals::text::Normalize(annals::text::DecodeUtf8("friendly \t  ties"));
  CHECK(annals::text::ToUtf8(t.chars) == "friendly ties");
  CHECK(t.origin[9].start == 12);
}

TEST_CASE("ParseHeaderDate refuses years no bulletin is published in", "[text][document]") {
  CHECK_FALSE(ParseHeaderDate("0000-01-24"));
  CHECK_FALSE(ParseHeaderDate("99999-01-24"));
  CHECK_FALSE(ParseHeaderDate("1799-12-31"));
  CHECK(ParseHeaderDate("1800-01-01"));
  CHECK(annals::text::HeaderDateText("99999-01-24Source : X") == "99999-01-24");
  CHECK(annals::text::HeaderDateText("Changchun") == "");
}

TEST_CASE("an ignored header date is a warning, not a paragraph", "[text][document]") {
  const auto doc = annals::text::ParseBulletin("Title\nUpdated : 99999-01-24\n\nChangchun has 3 parks.\n");
  CHECK_FALSE(doc.published_on);
  REQUIRE(doc.warnings.size() == 1);
  CHECK_THAT(doc.warnings[0], Catch::Contains("99999-01-24"));
  REQUIRE(doc.paragraphs.size() == 1);
}

TEST_CASE("a header date and a sentence on one line give the date and keep the sentence",
          "[text][document]") {
  const auto doc = annals::text::ParseBulletin(
      "Title\nUpdated : 2020-03-01 Changchun has 12 sister cities and 3 friendship parks.\n\n"
      "More text follows here.\n");
  REQUIRE(doc.published_on);
  CHECK(doc.published_on->ToString() == "2020-03-01");
  REQUIRE(doc.paragraphs.size() == 2);
  // A short header line, or one with its source, is no paragraph.
  const auto plain = annals::text::ParseBulletin("Title\nUpdated : 2020-03-01Source : X\n\nBody text.\n");
  CHECK(plain.paragraphs.size() == 1);
}
