// Number forms of both languages.
#include "extract/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "text/unicode.h"

namespace annals::extract {
namespace {

constexpr std::size_t kMaxFigureDigits = 15;

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': case U'兩': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

double SmallUnit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

}  // namespace

double ChineseMultiplier(char32_t c) {
  switch (c) {
    case U'万': case U'萬': return 1e4;
    case U'亿': case U'億': return 1e8;
    case U'千': return 1e3;
    case U'百': return 1e2;
    default: return 0;
  }
}

std::optional<Figure> DigitsAt(std::u32string_view s, std::size_t at) {
  if (at >= s.size() || !text::IsDigit(s[at])) return std::nullopt;
  if (at > 0 && (text::IsDigit(s[at - 1]) || s[at - 1] == '.')) return std::nullopt;
  std::string digits;
  std::size_t i = at;
  bool decimal = false;
  while (i < s.size()) {
    if (text::IsDigit(s[i])) {
      digits += static_cast<char>(s[i++]);
    } else if (s[i] == ',' && !decimal && i + 3 < s.size() && text::IsDigit(s[i + 1]) &&
               text::IsDigit(s[i + 2]) && text::IsDigit(s[i + 3]) &&
               (i + 4 >= s.size() || !text::IsDigit(s[i + 4]))) {
      ++i;  // thousands separator: exactly three digits follow
    } else if (s[i] == '.' && !decimal && i + 1 < s.size() && text::IsDigit(s[i + 1])) {
      decimal = true;
      digits += '.';
      ++i;
    } else {
      break;
    }
  }
  // A figure a double cannot hold exactly (beyond 15 digits) is not a stated count; no
  // tail of the run is read either, since a figure never starts after a digit.
  if (std::min(digits.find('.'), digits.size()) > kMaxFigureDigits) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return Figure{at, i, value, true};
}

std::optional<Figure> ChineseNumeralAt(std::u32string_view s, std::size_t at) {
  if (at >= s.size()) return std::nullopt;
  const bool starts = ChineseDigit(s[at]) >= 0 || s[at] == U'十';
  if (!starts) return std::nullopt;
  // A run of digit characters only (二〇一九) reads as digits.
  std::size_t i = at;
  bool only_digits = true;
  while (i < s.size() && (ChineseDigit(s[i]) >= 0 || SmallUnit(s[i]) > 0 ||
                          ChineseMultiplier(s[i]) > 0)) {
    if (ChineseDigit(s[i]) < 0) only_digits = false;
    ++i;
  }
  if (only_digits && i - at >= 2) {
    double v = 0;
    for (std::size_t k = at; k < i; ++k) v = v * 10 + ChineseDigit(s[k]);
    return Figure{at, i, v, false};
  }
  double total = 0, section = 0, digit = 0;
  for (std::size_t k = at; k < i; ++k) {
    const char32_t c = s[k];
    if (const int d = ChineseDigit(c); d >= 0) {
      digit = d;
    } else if (const double u = SmallUnit(c); u > 0) {
      section += (digit == 0 ? 1 : digit) * u;
      digit = 0;
    } else if (const double m = ChineseMultiplier(c); m >= 1e4) {
      total += (section + digit) * m;
      section = digit = 0;
    }
  }
  total += section + digit;
  return Figure{at, i, total, false};
}

void BoundsOf(Qualifier q, double value, std::optional<double>& min,
              std::optional<double>& max) {
  min.reset();
  max.reset();
  switch (q) {
    case Qualifier::kExact: min = max = value; break;
    case Qualifier::kMoreThan: min = value; break;   // strictly above; bound is inclusive floor
    case Qualifier::kAtLeast: min = value; break;
    case Qualifier::kNearly: max = value; break;
    case Qualifier::kAbout: break;
    case Qualifier::kLessThan: max = value; break;
    case Qualifier::kAtMost: max = value; break;
  }
}

}  // namespace annals::extract
