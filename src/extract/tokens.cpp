// English tokeniser.
#include "extract/tokens.h"

#include "extract/numbers.h"
#include "text/unicode.h"

namespace annals::extract {

std::vector<Token> Tokenize(std::u32string_view s, std::u32string_view original) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = s[i];
    if (text::IsSpace(c)) {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    t.upper = text::IsUpper(original[i]);
    if (auto fig = DigitsAt(s, i)) {
      std::size_t j = fig->end;
      if (j < s.size() && text::IsLetter(s[j]) && !text::IsHan(s[j])) {
        while (j < s.size() && (text::IsLetter(s[j]) || text::IsDigit(s[j])) && !text::IsHan(s[j])) ++j;
        t.kind = Token::Kind::kAlnum;
      } else {
        t.kind = Token::Kind::kNumber;
      }
      t.end = j;
    } else if (text::IsLetter(c) && !text::IsHan(c)) {
      std::size_t j = i + 1;
      while (j < s.size()) {
        if (text::IsLetter(s[j]) && !text::IsHan(s[j])) {
          ++j;
        } else if ((s[j] == '-' || s[j] == '\'' || s[j] == U'’') && j + 1 < s.size() &&
                   text::IsLetter(s[j + 1]) && !text::IsHan(s[j + 1])) {
          j += 2;
        } else {
          break;
        }
      }
      t.kind = Token::Kind::kWord;
      t.end = j;
    } else {
      t.kind = Token::Kind::kPunct;
      t.end = i + 1;
    }
    t.text = s.substr(t.begin, t.end - t.begin);
    out.push_back(t);
    i = t.end;
  }
  return out;
}

}  // namespace annals::extract
