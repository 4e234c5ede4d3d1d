// Tests of the figure readers: digits with separators, Chinese numerals and multipliers,
// and the bounds each qualifier puts around a figure.
#include "extract/numbers.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

namespace {

using annals::Qualifier;
using annals::extract::BoundsOf;
using annals::extract::ChineseMultiplier;
using annals::extract::ChineseNumeralAt;
using annals::extract::DigitsAt;
using annals::extract::Figure;

}  // namespace

TEST_CASE("DigitsAt reads thousands separators and decimals", "[extract][numbers]") {
  SECTION("thousands") {
    const auto f = DigitsAt(U"35,000 visitors", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == 35000);
    CHECK(f->begin == 0);
    CHECK(f->end == 6);
    CHECK(f->digits);
  }
  SECTION("a decimal") {
    const auto f = DigitsAt(U"4.6 billion", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == Approx(4.6));
    CHECK(f->end == 3);
  }
  SECTION("a four-digit figure with a separator") {
    const auto f = DigitsAt(U"1,459", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == 1459);
    CHECK(f->end == 5);
  }
  SECTION("several separators") {
    const auto f = DigitsAt(U"2,150,000 yuan", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == 2150000);
    CHECK(f->end == 9);
  }
  SECTION("separators and a decimal") {
    const auto f = DigitsAt(U"1,200.5", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == Approx(1200.5));
    CHECK(f->end == 7);
  }
  SECTION("inside a sentence") {
    const std::u32string_view s = U"about 12,000 people";
    const auto f = DigitsAt(s, 6);
    REQUIRE(f.has_value());
    CHECK(f->value == 12000);
    CHECK(f->begin == 6);
    CHECK(f->end == 12);
  }
}

TEST_CASE("DigitsAt does not take a comma before other than three digits as a separator",
          "[extract][numbers]") {
  SECTION("two digits after the comma") {
    const auto f = DigitsAt(U"12,5", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == 12);
    CHECK(f->end == 2);
  }
  SECTION("four digits after the comma") {
    const auto f = DigitsAt(U"3,2021", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == 3);
    CHECK(f->end == 1);
  }
  SECTION("a list of figures") {
    const auto f = DigitsAt(U"12, 15 and 20", 0);
    REQUIRE(f.has_value());
    CHECK(f->value == 12);
    CHECK(f->end == 2);
  }
  SECTION("a full stop ending the sentence") {
    const auto f = DigitsAt(U"in 2021.", 3);
    REQUIRE(f.has_value());
    CHECK(f->value == 2021);
    CHECK(f->end == 7);
  }
}

TEST_CASE("DigitsAt reads nothing where no figure starts", "[extract][numbers]") {
  CHECK_FALSE(DigitsAt(U"visitors", 0).has_value());
  CHECK_FALSE(DigitsAt(U"12", 2).has_value());       // past the end
  CHECK_FALSE(DigitsAt(U"35,000", 1).has_value());   // inside a figure
  CHECK_FALSE(DigitsAt(U"4.6", 2).has_value());      // inside the decimals
  CHECK_FALSE(DigitsAt(U"三十", 0).has_value());     // Chinese numerals are not digits
}

TEST_CASE("ChineseNumeralAt reads Chinese numerals", "[extract][numbers]") {
  struct Case {
    const char32_t* text;
    double value;
  };
  const Case cases[] = {
      {U"三十七", 37},   {U"十", 10},          {U"十二", 12},       {U"两千", 2000},
      {U"一百零五", 105}, {U"二〇一九", 2019},  {U"三万五千", 35000}, {U"五", 5},
      {U"二十", 20},     {U"一千二百", 1200},  {U"兩百", 200},
  };
  for (const auto& c : cases) {
    const std::u32string_view s = c.text;
    INFO("numeral of " << c.value);
    const auto f = ChineseNumeralAt(s, 0);
    REQUIRE(f.has_value());
    CHECK(f->value == c.value);
    CHECK(f->begin == 0);
    CHECK(f->end == s.size());
    CHECK_FALSE(f->digits);
  }
}

TEST_CASE("ChineseNumeralAt stops at the first character that is not a numeral",
          "[extract][numbers]") {
  const std::u32string_view s = U"共三十七个项目";
  const auto f = ChineseNumeralAt(s, 1);
  REQUIRE(f.has_value());
  CHECK(f->value == 37);
  CHECK(f->begin == 1);
  CHECK(f->end == 4);
  CHECK_FALSE(ChineseNumeralAt(s, 0).has_value());  // 共
  CHECK_FALSE(ChineseNumeralAt(U"万人", 0).has_value());  // a multiplier does not start one
  CHECK_FALSE(ChineseNumeralAt(U"12", 0).has_value());
  CHECK_FALSE(ChineseNumeralAt(U"三", 1).has_value());  // past the end
}

TEST_CASE("ChineseMultiplier gives the value of each multiplier", "[extract][numbers]") {
  CHECK(ChineseMultiplier(U'万') == 1e4);
  CHECK(ChineseMultiplier(U'萬') == 1e4);
  CHECK(ChineseMultiplier(U'亿') == 1e8);
  CHECK(ChineseMultiplier(U'億') == 1e8);
  CHECK(ChineseMultiplier(U'千') == 1e3);
  CHECK(ChineseMultiplier(U'百') == 1e2);
  CHECK(ChineseMultiplier(U'个') == 0);
  CHECK(ChineseMultiplier(U'人') == 0);
  CHECK(ChineseMultiplier(U'5') == 0);
}

TEST_CASE("BoundsOf gives the bounds each qualifier implies", "[extract][numbers]") {
  // Start from stale bounds: BoundsOf must replace both.
  std::optional<double> min = -1.0, max = -1.0;
  SECTION("exact") {
    BoundsOf(Qualifier::kExact, 1200, min, max);
    CHECK(min == 1200.0);
    CHECK(max == 1200.0);
  }
  SECTION("more than") {
    BoundsOf(Qualifier::kMoreThan, 12000, min, max);
    CHECK(min == 12000.0);
    CHECK_FALSE(max.has_value());
  }
  SECTION("at least") {
    BoundsOf(Qualifier::kAtLeast, 30, min, max);
    CHECK(min == 30.0);
    CHECK_FALSE(max.has_value());
  }
  SECTION("nearly") {
    BoundsOf(Qualifier::kNearly, 300, min, max);
    CHECK_FALSE(min.has_value());
    CHECK(max == 300.0);
  }
  SECTION("about") {
    BoundsOf(Qualifier::kAbout, 40, min, max);
    CHECK_FALSE(min.has_value());
    CHECK_FALSE(max.has_value());
  }
  SECTION("less than") {
    BoundsOf(Qualifier::kLessThan, 50, min, max);
    CHECK_FALSE(min.has_value());
    CHECK(max == 50.0);
  }
  SECTION("at most") {
    BoundsOf(Qualifier::kAtMost, 80, min, max);
    CHECK_FALSE(min.has_value());
    CHECK(max == 80.0);
  }
}
