// Tests of the ICU-backed character services: Han script, folding to the matching form,
// sentence boundaries and country names.
#include "text/unicode.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "text/mapped_text.h"

namespace {

using annals::text::FromUtf8;
using annals::text::ToUtf8;

// The sentences of `utf8` as UTF-8 strings, white space around each trimmed.
std::vector<std::string> Sentences(const std::string& utf8) {
  const std::u32string s = FromUtf8(utf8);
  std::vector<std::string> out;
  for (auto [begin, end] : annals::text::SentenceBounds(s)) {
    while (begin < end && annals::text::IsSpace(s[begin])) ++begin;
    while (end > begin && annals::text::IsSpace(s[end - 1])) --end;
    out.push_back(ToUtf8(std::u32string_view(s).substr(begin, end - begin)));
  }
  return out;
}

}  // namespace

TEST_CASE("IsHan tells Chinese characters from the rest", "[text][unicode]") {
  CHECK(annals::text::IsHan(U'哈'));
  CHECK(annals::text::IsHan(U'濱'));
  CHECK(annals::text::IsHan(U'〇'));
  CHECK_FALSE(annals::text::IsHan(U'A'));
  CHECK_FALSE(annals::text::IsHan(U'7'));
  CHECK_FALSE(annals::text::IsHan(U'。'));
  CHECK_FALSE(annals::text::IsHan(U'“'));
  CHECK_FALSE(annals::text::IsHan(U'の'));
}

TEST_CASE("IsDigit accepts ASCII digits only", "[text][unicode]") {
  CHECK(annals::text::IsDigit(U'0'));
  CHECK(annals::text::IsDigit(U'9'));
  CHECK_FALSE(annals::text::IsDigit(U'１'));
  CHECK_FALSE(annals::text::IsDigit(U'三'));
}

TEST_CASE("NfkcOf maps full-width forms to ASCII", "[text][unicode]") {
  CHECK(annals::text::NfkcOf(U'１') == U"1");
  CHECK(annals::text::NfkcOf(U'，') == U",");
  CHECK(annals::text::NfkcOf(U'\u3000') == U" ");
  CHECK(annals::text::NfkcOf(U'哈') == U"哈");
}

TEST_CASE("Fold lower-cases and simplifies, one code point for one", "[text][unicode]") {
  CHECK(annals::text::Fold(U"重慶") == U"重庆");
  CHECK(annals::text::Fold(U"ABC") == U"abc");
  CHECK(annals::text::Fold(U"哈爾濱 Harbin") == U"哈尔滨 harbin");
  CHECK(annals::text::Fold(U"國際友好城市") == U"国际友好城市");
  CHECK(annals::text::Fold(U"青岛 2023") == U"青岛 2023");  // already folded: unchanged
  const std::u32string mixed = U"Wuhan 武漢市與西安市締結友好關係, 2021年";
  CHECK(annals::text::Fold(mixed).size() == mixed.size());
  CHECK(annals::text::Fold(U"").empty());
}

TEST_CASE("SentenceBounds does not split at abbreviations", "[text][unicode]") {
  const auto sentences = Sentences(
      "The agreement was signed with Harbin Electric Co., Ltd. in March. "
      "Delegates from the U.S. visited Qingdao in May. They stayed a week.");
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0] == "The agreement was signed with Harbin Electric Co., Ltd. in March.");
  CHECK(sentences[1] == "Delegates from the U.S. visited Qingdao in May.");
  CHECK(sentences[2] == "They stayed a week.");
}

TEST_CASE("SentenceBounds splits Chinese at the full stop", "[text][unicode]") {
  const auto sentences = Sentences("2021年,武汉市举办了博览会。共有200家企业参展。");
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0] == "2021年,武汉市举办了博览会。");
  CHECK(sentences[1] == "共有200家企业参展。");
}

TEST_CASE("SentenceBounds covers the whole text in order", "[text][unicode]") {
  const std::u32string s = U"Xi'an hosted 40 events. 西安举办了40场活动。 Done";
  const auto bounds = annals::text::SentenceBounds(s);
  REQUIRE_FALSE(bounds.empty());
  CHECK(bounds.front().first == 0);
  CHECK(bounds.back().second == s.size());
  for (std::size_t i = 1; i < bounds.size(); ++i) CHECK(bounds[i].first == bounds[i - 1].second);
  CHECK(annals::text::SentenceBounds(U"").empty());
}

TEST_CASE("Countries names the United States in English and Chinese", "[text][unicode]") {
  const auto& countries = annals::text::Countries();
  CHECK(countries.size() > 200);
  const auto us = std::find_if(countries.begin(), countries.end(),
                               [](const annals::text::CountryName& c) { return c.code == "US"; });
  REQUIRE(us != countries.end());
  CHECK(us->english == "United States");
  CHECK(us->simplified == "美国");
  CHECK(us->traditional == "美國");
  const auto jp = std::find_if(countries.begin(), countries.end(),
                               [](const annals::text::CountryName& c) { return c.code == "JP"; });
  REQUIRE(jp != countries.end());
  CHECK(jp->english == "Japan");
  CHECK(jp->simplified == "日本");
}

TEST_CASE("SentenceBounds cuts a run without sentence breaks into bounded pieces", "[text][unicode]") {
  std::u32string s;
  while (s.size() < 9000) s += U"alpha beta gamma, delta ";
  s += U"end.";
  const auto bounds = annals::text::SentenceBounds(s);
  REQUIRE(bounds.size() >= 5);
  std::size_t at = 0;
  for (auto [begin, end] : bounds) {
    CHECK(begin == at);  // the pieces cover the text, in order, without gaps
    CHECK(end - begin <= 2000);
    at = end;
  }
  CHECK(at == s.size());
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) CHECK(s[bounds[i].second - 1] == U',');
  // A run without clause marks or spaces is cut at the limit.
  const std::u32string word(4500, U'x');
  const auto cut = annals::text::SentenceBounds(word);
  REQUIRE(cut.size() == 3);
  CHECK(cut[0].second == 2000);
}
