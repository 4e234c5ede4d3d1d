// Tests of DecodeUtf8 (bytes to mapped code points, rejecting non-text input) and of the
// ToUtf8/FromUtf8 helpers of mapped_text.h.
#include "text/decode.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "annals/error.h"
#include "text/mapped_text.h"

namespace {

using annals::Error;
using annals::ErrorCode;
using annals::text::ByteRange;
using annals::text::DecodeUtf8;
using annals::text::FromUtf8;
using annals::text::MappedText;
using annals::text::ToUtf8;

// The error DecodeUtf8 throws for `bytes`, or nullopt if it does not throw.
std::optional<Error> DecodeError(const std::string& bytes) {
  try {
    DecodeUtf8(bytes);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

bool SameRange(const ByteRange& r, std::int64_t start, std::int64_t end) {
  return r.start == start && r.end == end;
}

}  // namespace

TEST_CASE("DecodeUtf8 maps each ASCII character to its own byte", "[text][decode]") {
  const MappedText text = DecodeUtf8("Harbin 2021");
  REQUIRE(text.chars == U"Harbin 2021");
  REQUIRE(text.origin.size() == text.chars.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    CHECK(text.origin[i].start == static_cast<std::int64_t>(i));
    CHECK(text.origin[i].end == static_cast<std::int64_t>(i + 1));
  }
}

TEST_CASE("DecodeUtf8 maps Chinese characters to their three-byte sequences", "[text][decode]") {
  // "a" + 哈尔滨 + "b": one byte, three times three bytes, one byte.
  const MappedText text = DecodeUtf8("a\xE5\x93\x88\xE5\xB0\x94\xE6\xBB\xA8" "b");
  REQUIRE(text.chars == U"a哈尔滨b");
  REQUIRE(text.origin.size() == 5);
  CHECK(SameRange(text.origin[0], 0, 1));
  CHECK(SameRange(text.origin[1], 1, 4));
  CHECK(SameRange(text.origin[2], 4, 7));
  CHECK(SameRange(text.origin[3], 7, 10));
  CHECK(SameRange(text.origin[4], 10, 11));
  // BytesOf covers whole characters.
  const ByteRange han = text.BytesOf(1, 4);
  CHECK(SameRange(han, 1, 10));
}

TEST_CASE("DecodeUtf8 maps two- and four-byte sequences", "[text][decode]") {
  const MappedText text = DecodeUtf8(ToUtf8(U"é\U0001F600x"));
  REQUIRE(text.chars == U"é\U0001F600x");
  CHECK(SameRange(text.origin[0], 0, 2));
  CHECK(SameRange(text.origin[1], 2, 6));
  CHECK(SameRange(text.origin[2], 6, 7));
}

TEST_CASE("DecodeUtf8 skips a byte-order mark but counts its bytes", "[text][decode]") {
  const MappedText text = DecodeUtf8("\xEF\xBB\xBFXi'an \xE8\xA5\xBF\xE5\xAE\x89");
  REQUIRE(text.chars == U"Xi'an 西安");
  CHECK(SameRange(text.origin[0], 3, 4));
  CHECK(SameRange(text.origin[5], 8, 9));
  CHECK(SameRange(text.origin[6], 9, 12));
  CHECK(SameRange(text.origin[7], 12, 15));
}

TEST_CASE("DecodeUtf8 rejects empty input as an input error", "[text][decode]") {
  const auto error = DecodeError("");
  REQUIRE(error.has_value());
  CHECK(error->code() == ErrorCode::kInput);
}

TEST_CASE("DecodeUtf8 rejects a NUL byte and names its offset", "[text][decode]") {
  const auto error = DecodeError(std::string("Qingdao\0bulletin", 16));
  REQUIRE(error.has_value());
  CHECK(error->code() == ErrorCode::kInput);
  CHECK_THAT(error->what(), Catch::Contains("offset 7"));
}

TEST_CASE("DecodeUtf8 rejects invalid UTF-8 and names the offset", "[text][decode]") {
  struct Case {
    const char* name;
    std::string bytes;
    const char* offset;
  };
  const Case cases[] = {
      {"lone 0xFF", "Wuhan \xFF", "offset 6"},
      {"truncated three-byte sequence", "Xi'an \xE8\xA5", "offset 6"},
      {"truncated sequence before ASCII", "ab\xE8\xA5z", "offset 2"},
      {"overlong slash", "AB\xC0\xAF", "offset 2"},
      {"surrogate", "abc\xED\xA0\x80", "offset 3"},
      {"stray continuation byte", "\x80qingdao", "offset 0"},
      {"bad byte after Chinese", "\xE8\xA5\xBF\xFE", "offset 3"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      const auto error = DecodeError(c.bytes);
      REQUIRE(error.has_value());
      CHECK(error->code() == ErrorCode::kInput);
      CHECK_THAT(error->what(), Catch::Contains(c.offset));
    }
  }
}

TEST_CASE("ToUtf8 and FromUtf8 round-trip every encoding length", "[text][decode]") {
  const std::u32string original = U"Qingdao 青島 café \U0001F30F 2023年,100%";
  const std::string utf8 = ToUtf8(original);
  CHECK(FromUtf8(utf8) == original);
  CHECK(ToUtf8(FromUtf8(utf8)) == utf8);
  // The encoding itself is standard UTF-8.
  CHECK(ToUtf8(U"\u00E9") == "\xC3\xA9");
  CHECK(ToUtf8(U"\u9752") == "\xE9\x9D\x92");
  CHECK(ToUtf8(U"\U0001F30F") == "\xF0\x9F\x8C\x8F");
  CHECK(ToUtf8(U"") == "");
  CHECK(FromUtf8("") == U"");
  // DecodeUtf8 agrees with FromUtf8 on valid text.
  CHECK(DecodeUtf8(utf8).chars == original);
}
