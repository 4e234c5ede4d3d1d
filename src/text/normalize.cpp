// Normalisation steps of the text layer; each keeps MappedText::origin aligned.
#include "text/normalize.h"

#include "text/unicode.h"

namespace annals::text {
namespace {

bool IsAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }

// A letter of a pinyin syllable: ASCII lower case or a Latin vowel with a tone mark.
bool IsPinyinLetter(char32_t c) {
  if (IsAsciiLower(c)) return true;
  static const std::u32string kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
  return kToned.find(c) != std::u32string::npos;
}

// Length of a pinyin annotation `(guó)` starting at `i`, or 0.
std::size_t PinyinAnnotationAt(const std::u32string& s, std::size_t i) {
  if (s[i] != '(') return 0;
  std::size_t j = i + 1;
  while (j < s.size() && j - i <= 7 && IsPinyinLetter(s[j])) ++j;
  if (j == i + 1 || j >= s.size() || s[j] != ')') return 0;
  return j - i + 1;
}

MappedText Nfkc(const MappedText& in) {
  MappedText out;
  out.chars.reserve(in.size());
  out.origin.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    // CRLF is one line break, and so is a lone CR (as old Mac files end their lines): a CR
    // never simply vanishes, which would join the words on either side of it.
    if (in.chars[i] == '\r') {
      if (i + 1 == in.size() || in.chars[i + 1] != '\n') out.Append('\n', in.origin[i]);
      continue;
    }
    for (char32_t c : NfkcOf(in.chars[i])) out.Append(c, in.origin[i]);
  }
  return out;
}

MappedText DropPinyin(const MappedText& in) {
  MappedText out;
  for (std::size_t i = 0; i < in.size();) {
    if (i > 0 && IsHan(in.chars[i - 1])) {
      if (const std::size_t n = PinyinAnnotationAt(in.chars, i)) {
        i += n;
        continue;
      }
    }
    out.Append(in.chars[i], in.origin[i]);
    ++i;
  }
  return out;
}

// The few English words that do end in `fi`: written without a hyphen, they are words.
bool IsWordEndingInFi(std::u32string_view w) {
  std::u32string lower;
  for (char32_t c : w) lower.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (std::u32string_view word : {U"wifi", U"hifi", U"scifi", U"lofi"})
    if (lower == word) return true;
  return false;
}

// PDF extraction splits words after an `fi`/`fl` ligature: `signifi cant`, `fi rst`,
// `Sheffi eld`. English words do not end in `fi` or `fl`, so a space after such a letter
// run, before a lower-case letter, is a broken ligature. A hyphen before the run marks a
// compound such as `Wi-Fi`, which is left alone.
MappedText RepairLigatures(const MappedText& in) {
  MappedText out;
  const std::u32string& s = in.chars;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (s[i] == ' ' && i >= 2 && i + 1 < s.size() && IsAsciiLower(s[i + 1]) &&
        s[i - 2] == 'f' && (s[i - 1] == 'i' || s[i - 1] == 'l')) {
      std::size_t start = i - 2;
      while (start > 0 && IsLetter(s[start - 1])) --start;
      const bool compound = start > 0 && s[start - 1] == '-';
      if (!compound && !IsWordEndingInFi(s.substr(start, i - start))) continue;  // drop the space
    }
    out.Append(s[i], in.origin[i]);
  }
  return out;
}

// Runs of spaces and tabs become one space, so that phrases match however the page was
// laid out; line breaks stay, they separate paragraphs.
MappedText FoldSpaces(const MappedText& in) {
  MappedText out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in.chars[i] == '\t' ? U' ' : in.chars[i];
    if (c == ' ' && !out.chars.empty() && out.chars.back() == ' ') continue;
    out.Append(c, in.origin[i]);
  }
  return out;
}

}  // namespace

MappedText Normalize(const MappedText& in) {
  return RepairLigatures(FoldSpaces(DropPinyin(Nfkc(in))));
}

}  // namespace annals::text
