// Tests of Normalize: NFKC, pinyin annotations, broken ligatures, and that every normalised
// character still maps back to the bytes it came from.
#include "text/normalize.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "support.h"
#include "text/decode.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace {

using annals::text::DecodeUtf8;
using annals::text::MappedText;
using annals::text::Normalize;
using annals::text::ToUtf8;

MappedText NormalizedText(const std::string& utf8) { return Normalize(DecodeUtf8(utf8)); }
std::string Normalized(const std::string& utf8) { return ToUtf8(NormalizedText(utf8).chars); }

bool AllSpace(std::u32string_view s) {
  for (char32_t c : s)
    if (!annals::text::IsSpace(c)) return false;
  return true;
}

}  // namespace

TEST_CASE("Normalize turns full-width digits and punctuation into ASCII", "[text][normalize]") {
  CHECK(Normalized("１２") == "12");
  CHECK(Normalized("共接待外宾１，２００人") == "共接待外宾1,200人");
  CHECK(Normalized("２０２２年３月") == "2022年3月");
  CHECK(Normalized("时间：２０２２") == "时间:2022");

  // Each ASCII result keeps the three bytes of its full-width original.
  const MappedText text = NormalizedText("１２");
  REQUIRE(text.size() == 2);
  CHECK(text.origin[0].start == 0);
  CHECK(text.origin[0].end == 3);
  CHECK(text.origin[1].start == 3);
  CHECK(text.origin[1].end == 6);
}

TEST_CASE("Normalize reads CRLF as one line break", "[text][normalize]") {
  const MappedText text = NormalizedText("Wuhan\r\nQingdao");
  CHECK(ToUtf8(text.chars) == "Wuhan\nQingdao");
  REQUIRE(text.size() == 13);
  CHECK(text.origin[5].start == 6);  // the line feed, after the dropped CR at byte 5
}

TEST_CASE("Normalize reads a lone CR as a line break, never as nothing", "[text][normalize]") {
  const MappedText text = NormalizedText("friendship\rcity\r");
  CHECK(ToUtf8(text.chars) == "friendship\ncity\n");
  REQUIRE(text.size() == 16);
  CHECK(text.origin[10].start == 10);  // the CR itself
  CHECK(text.origin[10].end == 11);
  CHECK(text.origin[11].start == 11);
  CHECK(text.origin[15].start == 15);
}

TEST_CASE("Normalize removes pinyin annotations after Han characters", "[text][normalize]") {
  CHECK(Normalized("國(guó)家") == "國家");
  CHECK(Normalized("哈爾濱市對(duì)外開(kāi)放") == "哈爾濱市對外開放");
  CHECK(Normalized("中(zhōng)國（guó）") == "中國");

  // The characters after the removed annotation keep their own bytes.
  const MappedText text = NormalizedText("國(guó)家");
  REQUIRE(text.size() == 2);
  CHECK(text.origin[0].start == 0);
  CHECK(text.origin[0].end == 3);
  CHECK(text.origin[1].start == 9);  // 國 (3 bytes) + "(guó)" (6 bytes: ó is two)
  CHECK(text.origin[1].end == 12);
}

TEST_CASE("Normalize keeps parentheses that are not pinyin annotations", "[text][normalize]") {
  SECTION("an English parenthesis after Latin text") {
    CHECK(Normalized("the Harbin Trade Fair (annual) opened") ==
          "the Harbin Trade Fair (annual) opened");
    CHECK(Normalized("Qingdao(port) city") == "Qingdao(port) city");
  }
  SECTION("a Chinese parenthetical after Han characters") {
    CHECK(Normalized("哈尔滨市国际友好城市(以下简称“友城”)工作") ==
          "哈尔滨市国际友好城市(以下简称“友城”)工作");
  }
  SECTION("an upper-case or long parenthesis after Han characters") {
    CHECK(Normalized("武汉市外办(WHFAO)") == "武汉市外办(WHFAO)");
  }
}

TEST_CASE("Normalize repairs ligatures broken by PDF extraction", "[text][normalize]") {
  CHECK(Normalized("The visit was of signifi cant value.") ==
        "The visit was of significant value.");
  CHECK(Normalized("Its infl uence grew.") == "Its influence grew.");
  CHECK(Normalized("in many fi elds of trade") == "in many fields of trade");
  CHECK(Normalized("the foreign affairs offi ce") == "the foreign affairs office");
  CHECK(Normalized("a delegation from Sheffi eld") == "a delegation from Sheffield");
  CHECK(Normalized("mutually benefi cial ties") == "mutually beneficial ties");
  CHECK(Normalized("the fi rst visit") == "the first visit");

  // The joined word keeps the bytes on both sides of the dropped space.
  const MappedText text = NormalizedText("offi ce");
  REQUIRE(ToUtf8(text.chars) == "office");
  CHECK(text.origin[3].start == 3);  // the `i` before the space
  CHECK(text.origin[4].start == 5);  // the `c` after it
  const auto bytes = text.BytesOf(0, text.size());
  CHECK(bytes.start == 0);
  CHECK(bytes.end == 7);
}

TEST_CASE("Normalize leaves ordinary words and compounds alone", "[text][normalize]") {
  CHECK(Normalized("free Wi-Fi access") == "free Wi-Fi access");
  CHECK(Normalized("a hi-fi sound system") == "a hi-fi sound system");
  CHECK(Normalized("to fit in with") == "to fit in with");
  CHECK(Normalized("if it rains") == "if it rains");
  CHECK(Normalized("a fi") == "a fi");
}

TEST_CASE("Normalize keeps every character's origin through the seed bulletins",
          "[text][normalize]") {
  // For random spans of each seed's normalised text (snapped outward to whole original
  // characters), normalising the original bytes the span maps to gives the span again.
  std::mt19937 random(20230615);
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const std::string bytes = annals::testing::ReadBytes(annals::testing::SeedPath(seed));
    const MappedText text = Normalize(DecodeUtf8(bytes));
    REQUIRE(text.origin.size() == text.chars.size());
    REQUIRE(text.size() > 100);
    std::uniform_int_distribution<std::size_t> start_at(0, text.size() - 1);
    std::uniform_int_distribution<std::size_t> length_of(1, 120);
    int checked = 0;
    for (int n = 0; n < 300; ++n) {
      std::size_t begin = start_at(random);
      std::size_t end = std::min(text.size(), begin + length_of(random));
      // One original character may become several (NFKC of `…` is `...`).
      while (begin > 0 && text.origin[begin - 1].start == text.origin[begin].start) --begin;
      while (end < text.size() && text.origin[end].start == text.origin[end - 1].start) ++end;
      const std::u32string_view span = std::u32string_view(text.chars).substr(begin, end - begin);
      if (AllSpace(span)) continue;  // white space alone is not a decodable bulletin
      const auto range = text.BytesOf(begin, end);
      REQUIRE(range.start >= 0);
      REQUIRE(range.start < range.end);
      REQUIRE(range.end <= static_cast<std::int64_t>(bytes.size()));
      const std::string original =
          bytes.substr(static_cast<std::size_t>(range.start),
                       static_cast<std::size_t>(range.end - range.start));
      INFO("seed " << seed << ", chars [" << begin << ", " << end << ")");
      CHECK(ToUtf8(Normalize(DecodeUtf8(original)).chars) == ToUtf8(span));
      ++checked;
    }
    CHECK(checked > 250);
  }
}

TEST_CASE("Normalize keeps origins increasing and within the file", "[text][normalize]") {
  for (const char* seed : {"000", "004"}) {
    const std::string bytes = annals::testing::ReadBytes(annals::testing::SeedPath(seed));
    const MappedText text = Normalize(DecodeUtf8(bytes));
    // The first character whose origin is empty, past the end, or before its predecessor's.
    std::size_t first_bad = text.size();
    for (std::size_t i = 0; i < text.size() && first_bad == text.size(); ++i) {
      const auto& o = text.origin[i];
      if (o.start >= o.end || o.end > static_cast<std::int64_t>(bytes.size()) ||
          (i > 0 && text.origin[i - 1].start > o.start))
        first_bad = i;
    }
    INFO("seed " << seed);
    CHECK(first_bad == text.size());
  }
}

// `wifi` is an English word ending in `fi`: the space after it is not a broken ligature.
TEST_CASE("Normalize keeps real words that end in fi", "[text][normalize]") {
  CHECK(Normalized("free wifi access in the hall") == "free wifi access in the hall");
}

TEST_CASE("Normalize breaks a line too long to read at once where a sentence begins",
          "[text][normalize]") {
  std::string line;
  for (int i = 0; line.size() < 3 * annals::text::kMaxLineChars; ++i)
    line += "Examplecity signed agreement number " + std::to_string(i) + " with a partner. ";
  const std::string text = "Title\n" + line + "\nA short line.\n";
  const MappedText t = NormalizedText(text);
  std::u32string joined;
  std::size_t lines = 0, longest = 0;
  for (std::size_t begin = 0; begin < t.size();) {
    const std::size_t end = std::min(t.chars.find(U'\n', begin), t.size());
    longest = std::max(longest, end - begin);
    ++lines;
    if (begin > 6 && end < t.size() - 14) {
      // Each piece of the long line starts a sentence; its break maps to no bytes, where
      // the sentence's bytes begin.
      CHECK(ToUtf8(t.chars.substr(begin, 24)) == "Examplecity signed agree");
      if (begin > 6 + 1 && t.chars[begin - 1] == '\n' && t.chars[begin - 2] == ' ')
        CHECK(t.origin[begin - 1].start == t.origin[begin - 1].end);
    }
    begin = end + 1;
  }
  CHECK(lines >= 5);
  CHECK(longest <= annals::text::kMaxLineChars);
  // Nothing else changes: the text without the breaks is the line, each character at its bytes.
  std::size_t byte = 6;
  bool same = true;
  for (std::size_t i = 6; i < t.size() && byte < 6 + line.size(); ++i) {
    if (t.origin[i].start == t.origin[i].end) continue;
    same = same && t.origin[i].start == static_cast<std::int64_t>(byte) &&
           static_cast<char>(t.chars[i]) == text[byte];
    ++byte;
  }
  CHECK(same);
  CHECK(byte == 6 + line.size());
}
