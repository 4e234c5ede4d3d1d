// HTML pages to text: furniture dropped, blocks on lines, entities mapped to their bytes.
#include <catch2/catch.hpp>

#include "text/decode.h"
#include "text/html.h"
#include "annals/error.h"
#include "text/mapped_text.h"

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
