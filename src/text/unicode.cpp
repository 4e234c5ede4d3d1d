// ICU behind plain types: properties, NFKC, folding, sentence breaks, country names.
#include "text/unicode.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>
#include <mutex>
#include <unordered_map>

#include "annals/error.h"
#include "text/mapped_text.h"

namespace annals::text {
namespace {

icu::UnicodeString ToUnicode(std::u32string_view s) {
  icu::UnicodeString u;
  for (char32_t c : s) u.append(static_cast<UChar32>(c));
  return u;
}

std::u32string FromUnicode(const icu::UnicodeString& u) {
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

std::string Utf8Of(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Month abbreviations end in a point that does not end a sentence.
constexpr std::u32string_view kMonthAbbreviations[] = {
    U"jan", U"feb", U"mar", U"apr", U"jun", U"jul", U"aug", U"sep", U"sept", U"oct", U"nov", U"dec"};

std::u32string Lower(std::u32string_view word) {
  std::u32string out;
  for (char32_t c : word) out.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  return out;
}

bool IsMonthAbbreviation(std::u32string_view word) {
  const std::u32string lower = Lower(word);
  for (auto m : kMonthAbbreviations)
    if (lower == m) return true;
  return false;
}

bool EndsWithMonth(std::u32string_view sentence) {
  while (!sentence.empty() && (sentence.back() == ' ' || sentence.back() == '.')) sentence.remove_suffix(1);
  std::size_t b = sentence.size();
  while (b > 0 && u_isalpha(static_cast<UChar32>(sentence[b - 1]))) --b;
  const std::u32string_view word = sentence.substr(b);
  static const std::u32string_view kMonths[] = {
      U"january", U"february", U"march", U"april", U"may", U"june", U"july", U"august",
      U"september", U"october", U"november", U"december"};
  const std::u32string lower = Lower(word);
  for (auto m : kMonths)
    if (lower == m) return true;
  return IsMonthAbbreviation(word);
}

// ICU's suppression list keeps a break from following a single capital letter, so an
// acronym ending a sentence (`... of the UCLG. The agreement ...`) joins two sentences.
// Splits such a range again after a word of two or more letters, a period and a space,
// where the next word is capitalised and the word is not a known abbreviation.
void SplitMissedBreaks(std::u32string_view s, std::size_t begin, std::size_t end,
                       std::vector<std::pair<std::size_t, std::size_t>>& out) {
  static const std::u32string_view kAbbreviations[] = {
      U"Co", U"Ltd", U"No", U"Mr", U"Mrs", U"Ms", U"Dr", U"St", U"Inc", U"Corp", U"Jr", U"Sr",
      U"vs", U"etc", U"Prof", U"Gov", U"Gen", U"Rep", U"Sen", U"Dept", U"Univ"};
  std::size_t from = begin;
  for (std::size_t i = begin + 2; i + 2 < end; ++i) {
    if (s[i] != '.' || s[i + 1] != ' ' || !u_isupper(static_cast<UChar32>(s[i + 2]))) continue;
    std::size_t w = i;
    while (w > from && u_isalpha(static_cast<UChar32>(s[w - 1])) && s[w - 1] < 0x3000) --w;
    const std::u32string_view word = s.substr(w, i - w);
    if (word.size() < 2 || (w > from && s[w - 1] == '.')) continue;  // initials, U.S.
    bool abbreviation = IsMonthAbbreviation(word);
    for (auto a : kAbbreviations) abbreviation = abbreviation || word == a;
    if (abbreviation) continue;
    out.emplace_back(from, i + 2);
    from = i + 2;
  }
  out.emplace_back(from, end);
}

// No sentence of a bulletin comes near this length (the longest seen are under 900
// characters); a longer run without a sentence break is read in pieces, so that the work
// the extractor does per sentence stays bounded per character of the file.
constexpr std::size_t kMaxSentenceChars = 2000;

bool IsPieceBreak(char32_t c) {
  return c == ',' || c == U'，' || c == U'、' || c == ';' || c == U'；' || c == ':' || c == U'：';
}

// Splits ranges longer than kMaxSentenceChars after the last clause mark in the second half
// of the allowed length, else after the last space there, else at the limit.
std::vector<std::pair<std::size_t, std::size_t>> CapLength(
    std::u32string_view s, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  out.reserve(ranges.size());
  for (auto [b, e] : ranges) {
    while (e - b > kMaxSentenceChars) {
      const std::size_t limit = b + kMaxSentenceChars, floor = b + kMaxSentenceChars / 2;
      std::size_t cut = 0;
      for (std::size_t i = limit; i > floor && !cut; --i)
        if (IsPieceBreak(s[i - 1])) cut = i;
      for (std::size_t i = limit; i > floor && !cut; --i)
        if (IsSpace(s[i - 1])) cut = i;
      if (!cut) cut = limit;
      out.emplace_back(b, cut);
      b = cut;
    }
    out.emplace_back(b, e);
  }
  return out;
}

}  // namespace

bool IsHan(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}
bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }
bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }

std::u32string NfkcOf(char32_t c) {
  if (c < 0x80) return std::u32string(1, c);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw Error(ErrorCode::kDatabase, "ICU NFKC data is missing");
  const icu::UnicodeString src(static_cast<UChar32>(c));
  if (nfkc->isNormalized(src, status)) return std::u32string(1, c);
  return FromUnicode(nfkc->normalize(src, status));
}

std::u32string Fold(std::u32string_view s) {
  static std::mutex mutex;
  static std::unordered_map<char32_t, char32_t> cache;
  static std::unique_ptr<icu::Transliterator> hant_to_hans;
  std::lock_guard<std::mutex> lock(mutex);
  if (!hant_to_hans) {
    UErrorCode status = U_ZERO_ERROR;
    hant_to_hans.reset(icu::Transliterator::createInstance("Traditional-Simplified",
                                                           UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw Error(ErrorCode::kDatabase, "ICU transliterator data is missing");
  }
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    auto it = cache.find(c);
    if (it == cache.end()) {
      char32_t folded = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      if (IsHan(c)) {
        icu::UnicodeString u(static_cast<UChar32>(c));
        hant_to_hans->transliterate(u);
        const std::u32string t = FromUnicode(u);
        if (t.size() == 1) folded = t[0];
      }
      it = cache.emplace(c, folded).first;
    }
    out.push_back(it->second);
  }
  return out;
}

std::string FoldUtf8(std::string_view s) { return ToUtf8(Fold(FromUtf8(s))); }

std::vector<std::pair<std::size_t, std::size_t>> SentenceBounds(std::u32string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (s.empty()) return out;
  // "ss=standard" turns on ICU's suppression list (Mr., Co., Ltd., U.S. ...).
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) throw Error(ErrorCode::kDatabase, "ICU break iterator data is missing");
  const icu::UnicodeString u = ToUnicode(s);
  it->setText(u);
  // Map UTF-16 offsets back to code point indexes.
  std::vector<std::size_t> index_of_unit(static_cast<std::size_t>(u.length()) + 1, 0);
  std::size_t cp = 0;
  for (int32_t i = 0; i < u.length(); ++cp) {
    const int32_t n = U16_LENGTH(u.char32At(i));
    for (int32_t k = 0; k < n; ++k) index_of_unit[static_cast<std::size_t>(i + k)] = cp;
    i += n;
  }
  index_of_unit[static_cast<std::size_t>(u.length())] = cp;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    const std::size_t b = index_of_unit[static_cast<std::size_t>(start)];
    const std::size_t e = index_of_unit[static_cast<std::size_t>(end)];
    // `On 29th April. 2016, ...`: a month's abbreviation point is not a sentence's end.
    if (!out.empty() && EndsWithMonth(s.substr(out.back().first, b - out.back().first)) &&
        b + 4 <= s.size() && u_isdigit(static_cast<UChar32>(s[b]))) {
      const std::size_t merged_from = out.back().first;
      out.pop_back();
      SplitMissedBreaks(s, merged_from, e, out);
      continue;
    }
    SplitMissedBreaks(s, b, e, out);
  }
  return CapLength(s, out);
}

const std::vector<CountryName>& Countries() {
  static const std::vector<CountryName> countries = [] {
    std::vector<CountryName> out;
    const icu::Locale en("en"), hans("zh_Hans"), hant("zh_Hant");
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      const icu::Locale region("", *code);
      icu::UnicodeString e, s, t;
      region.getDisplayCountry(en, e);
      region.getDisplayCountry(hans, s);
      region.getDisplayCountry(hant, t);
      out.push_back({*code, Utf8Of(e), Utf8Of(s), Utf8Of(t)});
    }
    return out;
  }();
  return countries;
}

}  // namespace annals::text
