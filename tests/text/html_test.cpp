// HTML pages to text: furniture dropped, blocks on lines, entities mapped to their bytes.
#include <catch2/catch.hpp>

#include "text/decode.h"
#include "text/html.h"
#include "text/html_nesting.h"
#include "annals/error.h"
#include "text/mapped_text.h"

#include <string>
#include <vector>

using namespace annals::text;

TEST_CASE("an HTML page keeps title and paragraphs and drops furniture", "[text][html]") {
  const std::string page =
      "<!doctype html><html><head><title>Xi&#39;an news</title><style>.a{}</style></head>"
      "<body><nav>Menu</nav><h2>Trade</h2><p>Xi'an hosted 5 fairs &amp; 2 forums.</p>"
      "<script>alert(1)</script><p>Second<br>line</p></body></html>";
  const MappedText decoded = DecodeUtf8(page);
  REQUIRE(LooksLikeHtml(decoded));
  const HtmlText h = HtmlToText(decoded);
  const std::string text = ToUtf8(h.text.chars);
  CHECK(text.find("Xi'an news\n") == 0);
  CHECK(text.find("Menu") == std::string::npos);
  CHECK(text.find("alert") == std::string::npos);
  CHECK(text.find(".a{}") == std::string::npos);
  CHECK(text.find("Trade\n") != std::string::npos);
  CHECK(text.find("Second\nline") != std::string::npos);
  // Every character maps back to the page: `&amp;` to its whole reference.
  const std::size_t amp = h.text.chars.find(U'&');
  REQUIRE(amp != std::u32string::npos);
  const ByteRange r = h.text.origin[amp];
  CHECK(page.substr(static_cast<std::size_t>(r.start), static_cast<std::size_t>(r.end - r.start)) == "&amp;");
  const std::size_t five = h.text.chars.find(U'5');
  CHECK(page[static_cast<std::size_t>(h.text.origin[five].start)] == '5');
}

TEST_CASE("white space inside a block is one space, as a browser shows it", "[text][html]") {
  const std::string page =
      "<html><head><title>Changchun foreign\r\naffairs</title></head><body>"
      "<p>friendly cooperative\nrelations</p><p>friendship\rcity</p>"
      "<pre>line one\nline two</pre><p>first<br>second</p></body></html>";
  const HtmlText h = HtmlToText(DecodeUtf8(page));
  const std::string text = ToUtf8(h.text.chars);
  CHECK(text.find("Changchun foreign affairs\n") == 0);
  CHECK(text.find("\nfriendly cooperative relations\n") != std::string::npos);
  CHECK(text.find("\nfriendship city\n") != std::string::npos);
  CHECK(text.find("\nline one\nline two\n") != std::string::npos);
  CHECK(text.find("\nfirst\nsecond") != std::string::npos);
  // Each space maps to the line end it stands for, and the text after it to its own bytes.
  const auto bytes_at = [&](std::size_t i) {
    const ByteRange r = h.text.origin[i];
    return page.substr(static_cast<std::size_t>(r.start),
                       static_cast<std::size_t>(r.end - r.start));
  };
  const std::size_t title_space = h.text.chars.find(U"foreign ") + 7;
  CHECK(bytes_at(title_space) == "\r\n");
  CHECK(bytes_at(title_space + 1) == "a");
  const std::size_t cr_space = h.text.chars.find(U"friendship ") + 10;
  CHECK(bytes_at(cr_space) == "\r");
  CHECK(bytes_at(cr_space + 1) == "c");
  CHECK(bytes_at(h.text.chars.find(U"relations")) == "r");
}

namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string Page(const std::string& body) {
  return "<!doctype html><html><head><title>Examplecity news</title></head><body>" + body +
         "</body></html>";
}

bool Refused(const std::string& page) {
  try {
    HtmlToText(DecodeUtf8(page));
    return false;
  } catch (const annals::Error& e) {
    CHECK(e.code() == annals::ErrorCode::kInput);
    CHECK_THAT(e.what(), Catch::Contains("levels deep"));
    return true;
  }
}

}  // namespace

TEST_CASE("a page nested deeper than a browser shows is refused before it is built",
          "[text][html]") {
  const std::string sentence = "<p>Examplecity has 12 partner cities.</p>";
  CHECK(Refused(Page(Repeat("<div>", 100000) + sentence + Repeat("</div>", 100000))));
  CHECK(Refused(Page(Repeat("<span>", 100000) + sentence)));
  // End tags that the tree builder ignores do not hide the depth they leave open.
  CHECK(Refused(Page(Repeat("<span><div></span>", 5000) + sentence)));
  // Formatting elements that a block end closes are reopened in the next block, nested.
  std::string reopened;
  for (int i = 0; i < 5000; ++i) reopened += "<p><font color=\"#" + std::to_string(i) + "\">x</p>";
  CHECK(Refused(Page(reopened)));
}

TEST_CASE("ordinary and sloppy markup is read however long the page", "[text][html]") {
  const std::string sentence = "<p>Examplecity has 12 partner cities.</p>";
  const std::vector<std::string> pages = {
      Page(Repeat("<div>", 500) + sentence + Repeat("</div>", 500)),
      Page(Repeat("<p>unclosed paragraph", 5000) + sentence),
      Page("<ul>" + Repeat("<li>item", 5000) + "</ul><dl>" + Repeat("<dt>a<dd>b", 5000) +
           "</dl>" + sentence),
      Page("<table>" + Repeat("<tr><td>cell<td>cell", 5000) + "</table>" + sentence),
      Page("<select>" + Repeat("<option>choice", 5000) + "</select>" + sentence),
      Page(Repeat("<p><font color=red>red text</p>", 5000) + sentence),
      Page(Repeat("<p><a href=x>link<a href=y>link</p>", 5000) + sentence),
      Page("<svg>" + Repeat("<path d=\"M0 0\"/>", 5000) + "</svg>" + sentence),
      Page(Repeat("<script>document.write('<div>')</script><!-- <div> -->", 5000) + sentence),
      Page(Repeat("<div title='a > b'><b>bold</b></div>", 5000) + sentence),
  };
  for (const std::string& page : pages) {
    const HtmlText h = HtmlToText(DecodeUtf8(page));
    CHECK(ToUtf8(h.text.chars).find("Examplecity has 12 partner cities.") != std::string::npos);
  }
}

TEST_CASE("plain text is not taken for HTML", "[text][html]") {
  CHECK_FALSE(LooksLikeHtml(DecodeUtf8("Title\n\nA line with <b> in it.\n")));
  CHECK(LooksLikeHtml(DecodeUtf8("  <HTML><body>x</body></HTML>")));
}

TEST_CASE("Decode detects encodings and reports bad sequences", "[text][decode]") {
  const std::u32string chinese = U"重庆市已与31个国家建立了37对友好城市,截至目前,友好交流城市65对。";
  const std::string gb = Encode(chinese, "GB18030");
  const Decoded d = Decode(gb);
  CHECK(d.encoding == "GB18030");
  CHECK(d.text.chars == chinese);
  CHECK(d.text.origin[1].start == 2);  // two bytes a character
  const std::string utf16 = "\xFF\xFE" + Encode(U"Harbin 2021", "UTF-16LE");
  const Decoded u = Decode(utf16);
  CHECK(u.encoding == "UTF-16LE");
  CHECK(ToUtf8(u.text.chars) == "Harbin 2021");
  CHECK(u.text.origin[0].start == 2);
  CHECK(Decode("plain ascii").encoding == "UTF-8");
  // Declared, with a sequence that is not Big5.
  try {
    Decode(std::string("abc\x81\x20xyz"), "Big5");
    FAIL("decoded an invalid sequence");
  } catch (const annals::Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("offset 3"));
  }
  CHECK(DeclaredHtmlCharset("<html><head><meta charset=\"gb2312\">") == "gb2312");
  CHECK(DeclaredHtmlCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">") == "big5");
  CHECK(DeclaredHtmlCharset("<p>no meta</p>").empty());
}

namespace {

// Everything a reading of a page gives, to compare two readings.
std::string Reading(const HtmlText& h) {
  std::string out = ToUtf8(h.text.chars) + "|" + h.publisher + "|" +
                    (h.published_on ? h.published_on->ToString() : "") + "|";
  for (std::size_t i = 0; i < h.text.size(); ++i)
    out += std::to_string(h.text.origin[i].start) + "-" + std::to_string(h.text.origin[i].end) + ",";
  return out;
}

}  // namespace

TEST_CASE("a page built a piece at a time reads as the whole page", "[text][html]") {
  // Layout containers around blocks (where pieces begin), and what a piece must not begin
  // inside: tables, lists items, <pre>, formatting elements, furniture, comments and
  // scripts holding tags, foreign content; a second <title> in the body, and a misnested
  // formatting element, after which no piece begins.
  const std::string body =
      Repeat("<div class=\"wrap\"><section><p>Examplecity has 12 partner cities &amp; 3 "
             "ports.</p><div><h2>Trade</h2>text in the div<p>Exports rose 5%.</p></div>"
             "<table><tr><td>Sister city<td>Since 1985</table><ul><li>one<li>two &lt;b&gt;"
             "</ul><pre>\nline one\nline two</pre><p>a <b>bold</b> word</p>"
             "<nav><p>Menu</p></nav><!-- <p>comment</p> --><script>var s = '<p>x</p>';"
             "</script><svg><p>in svg</p></svg><p>第一段：长春市有70个友好城市。</p>"
             "<span><p>in a span</p></span></section></div>\n",
             40) +
      "<title>a title in the body</title><p>last paragraph</p><b>bold <p>across</b> two</p>" +
      Repeat("<div><p>after</p></div>", 50);
  const std::string page =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Examplecity news</title>"
      "<meta name=\"publishdate\" content=\"2019-01-24\"><meta name=\"author\" content=\"EFAO\">"
      "</head><body>" + body + "</body></html>";
  REQUIRE(annals::text::CutHtml(page, 200).cuts.size() > 40);
  const std::string whole = Reading(HtmlToText(page, 0, page.size()));
  CHECK(whole.find("Examplecity news\n") == 0);
  CHECK(whole.find("2019-01-24") != std::string::npos);
  for (const std::size_t piece : {1, 200, 1000, 5000}) {
    INFO("pieces of " << piece << " bytes");
    CHECK(Reading(HtmlToText(page, 0, piece)) == whole);
    CHECK(Reading(HtmlToText(DecodeUtf8(page), piece)) == whole);
  }
  // A page whose title comes late, and one with none.
  const std::string late = "<html><body>" + body + "</body></html>";
  CHECK(Reading(HtmlToText(late, 0, 300)) == Reading(HtmlToText(late, 0, late.size())));
  const std::string untitled = "<html><body>" + Repeat("<div><p>A paragraph.</p></div>", 500) + "</body></html>";
  CHECK(Reading(HtmlToText(untitled, 0, 300)) == Reading(HtmlToText(untitled, 0, untitled.size())));
}

TEST_CASE("a page in UTF-8 maps its text to the bytes of the file past a byte-order mark",
          "[text][html]") {
  const std::string page = "<html><body><p>Examplecity has 12 partners.</p></body></html>";
  const HtmlText h = HtmlToText(std::string_view(page), 3);
  const std::size_t twelve = h.text.chars.find(U"12");
  REQUIRE(twelve != std::u32string::npos);
  CHECK(h.text.origin[twelve].start == static_cast<std::int64_t>(page.find("12")) + 3);
  CHECK(Reading(h) == Reading(HtmlToText(DecodeUtf8("\xEF\xBB\xBF" + page))));
}
