// Character properties and ICU services the rest of the project needs, behind plain types
// so that no ICU header leaves the text layer.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace annals::text {

bool IsHan(char32_t c);
bool IsLetter(char32_t c);
bool IsDigit(char32_t c);  ///< ASCII 0-9 only (full-width digits are normalised first).
bool IsSpace(char32_t c);
bool IsUpper(char32_t c);

/// NFKC of one code point (full-width `１` → `1`, ideographic space → space).
std::u32string NfkcOf(char32_t c);

/// Matching form of a text, one code point for one: lower case, and Traditional Chinese
/// folded to Simplified (ICU's Traditional-Simplified transliterator, applied per
/// character so that positions stay aligned).
std::u32string Fold(std::u32string_view s);
/// Fold() of UTF-8 text, as UTF-8: the form under which names are stored and looked up.
std::string FoldUtf8(std::string_view s);

/// Sentence boundaries of `s` (ICU sentence break iterator with abbreviation
/// suppressions), as [begin, end) index pairs into `s`. A run of more than 2,000
/// characters without a sentence break is cut into pieces at clause marks or spaces.
std::vector<std::pair<std::size_t, std::size_t>> SentenceBounds(std::u32string_view s);

/// A country as ICU's locale data names it.
struct CountryName {
  std::string code;     ///< ISO 3166 alpha-2.
  std::string english;  ///< e.g. `United States`
  std::string simplified;
  std::string traditional;
};
/// Every ISO country ICU knows, with its English and Chinese display names.
const std::vector<CountryName>& Countries();

}  // namespace annals::text
