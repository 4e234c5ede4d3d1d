// Figures in English and Chinese: digits, number words, Chinese numerals, multipliers.
#pragma once

#include <optional>
#include <string_view>

#include "annals/claim.h"
#include "extract/knowledge.h"

namespace annals::extract {

/// A figure read from folded text: chars [begin, end) and its value.
struct Figure {
  std::size_t begin = 0;
  std::size_t end = 0;
  double value = 0;
  bool digits = false;  ///< Written with digits (not words or Chinese numerals).
};

/// Reads digits with thousands separators and decimals at `at` (`35,000`, `4.6`).
std::optional<Figure> DigitsAt(std::u32string_view s, std::size_t at);
/// Reads a Chinese numeral at `at` (`二〇一九` as digits, `三十七`, `两千`, `十`).
std::optional<Figure> ChineseNumeralAt(std::u32string_view s, std::size_t at);
/// Value of a Chinese multiplier character (`万` 1e4, `亿` 1e8, `千`, `百`), or 0.
double ChineseMultiplier(char32_t c);

/// The bounds a qualifier implies around `value`: [min, max], either open (nullopt).
void BoundsOf(Qualifier q, double value, std::optional<double>& min, std::optional<double>& max);

}  // namespace annals::extract
