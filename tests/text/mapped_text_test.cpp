// Origins as runs: exact for any sequence of ranges, and a few runs for a text of one script.
#include "text/mapped_text.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "text/decode.h"
#include "text/normalize.h"

namespace {

using annals::text::ByteRange;
using annals::text::Decode;
using annals::text::DecodeUtf8;
using annals::text::Encode;
using annals::text::MappedText;
using annals::text::Normalize;
using annals::text::Origins;
using annals::text::ToUtf8;

bool Same(const ByteRange& a, const ByteRange& b) { return a.start == b.start && a.end == b.end; }

std::u32string Repeat(std::u32string_view s, std::size_t times) {
  std::u32string out;
  for (std::size_t i = 0; i < times; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("origins give back every range appended, however they follow", "[text][origins]") {
  std::mt19937 rng(7);
  std::vector<ByteRange> expected;
  Origins origins;
  std::int64_t at = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t width = static_cast<std::int64_t>(rng() % 5);
    switch (rng() % 5) {
      case 0: at += static_cast<std::int64_t>(rng() % 40); break;  // a gap: dropped bytes
      case 1: if (!expected.empty()) at = expected.back().start; break;  // the same bytes again
      default: break;  // the next bytes
    }
    const ByteRange r{at, at + width};
    expected.push_back(r);
    origins.push_back(r);
    if (rng() % 3) at += width;
  }
  REQUIRE(origins.size() == expected.size());
  Origins::Cursor cursor(origins);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(Same(origins[i], expected[i]));
    CHECK(Same(cursor[i], expected[i]));
  }
  CHECK(Same(origins.back(), expected.back()));
}

TEST_CASE("a text of one script keeps its origins in a run or two", "[text][origins]") {
  const MappedText ascii = DecodeUtf8(std::string(1 << 20, 'a'));
  CHECK(ascii.origin.Runs() == 1);
  CHECK(Same(ascii.origin[(1 << 20) - 1], {(1 << 20) - 1, 1 << 20}));
  const MappedText chinese = DecodeUtf8(ToUtf8(Repeat(U"友好城市", 100000)));
  CHECK(chinese.origin.Runs() == 1);
  CHECK(Same(chinese.origin[399999], {1199997, 1200000}));
  // What breaks a run is a change of width: a figure in Chinese text, 37 of `37對`.
  const MappedText mixed = DecodeUtf8(ToUtf8(Repeat(U"建立了37對友好城市。", 1000)));
  CHECK(mixed.origin.Runs() == 2001);
}

TEST_CASE("normalising in place keeps every origin through expansions and removals",
          "[text][origins][normalize]") {
  // `…` becomes three points over its three bytes; the carriage return and the second
  // of two spaces go.
  const std::u32string unit = U"a…\r\n b  c";
  const std::size_t times = 50000;
  const MappedText text = Normalize(DecodeUtf8(ToUtf8(Repeat(unit, times))));
  REQUIRE(ToUtf8(text.chars) == ToUtf8(Repeat(U"a...\n b c", times)));
  const std::int64_t stride = static_cast<std::int64_t>(ToUtf8(unit).size());  // 11 bytes
  for (std::size_t k = 0; k < times; k += 997) {
    const std::size_t i = k * 9;
    const std::int64_t b = static_cast<std::int64_t>(k) * stride;
    CHECK(Same(text.origin[i], {b, b + 1}));          // a
    CHECK(Same(text.origin[i + 1], {b + 1, b + 4}));  // the three points of …
    CHECK(Same(text.origin[i + 3], {b + 1, b + 4}));
    CHECK(Same(text.origin[i + 4], {b + 5, b + 6}));  // the line feed after the CR
    CHECK(Same(text.origin[i + 7], {b + 8, b + 9}));  // the first of the two spaces
    CHECK(Same(text.origin[i + 8], {b + 10, b + 11}));  // c
  }
}

TEST_CASE("a long text in another encoding maps each character to its own bytes",
          "[text][origins][decode]") {
  // Longer than the conversion buffer, with characters of one, two and four bytes in
  // GB18030 (a four-byte one is two UTF-16 units, which a buffer's end may split).
  const std::u32string unit = U"a友\U0001F30Fb城";
  const std::u32string text = Repeat(unit, 40000);
  const auto decoded = Decode(Encode(text, "GB18030"), "GB18030");
  REQUIRE(decoded.text.chars == text);
  const std::int64_t widths[] = {1, 2, 4, 1, 2};
  std::int64_t at = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::int64_t w = widths[i % 5];
    if (!Same(decoded.text.origin[i], {at, at + w})) {
      FAIL_CHECK("character " << i << " maps to [" << decoded.text.origin[i].start << ", "
                              << decoded.text.origin[i].end << ")");
      break;
    }
    at += w;
  }
}

TEST_CASE("origins taken in order give the ranges appended", "[text][origins]") {
  Origins o;
  std::vector<ByteRange> ranges;
  std::int64_t at = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::int64_t width = i % 7 == 0 ? 0 : 1 + i % 3;
    ranges.push_back({at, at + width});
    o.push_back(ranges.back());
    at += width;
  }
  const std::size_t runs = o.Runs();
  bool same = true;
  for (std::size_t i = 0; i < ranges.size(); i += 1 + i % 2) same = same && Same(o.Take(i), ranges[i]);
  CHECK(same);
  CHECK(o.Runs() < runs);  // those read are given back
}
