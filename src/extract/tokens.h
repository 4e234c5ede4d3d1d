// Word-level tokens of Latin-script text, for the English rules.
#pragma once

#include <string_view>
#include <vector>

namespace annals::extract {

struct Token {
  enum class Kind {
    kWord,    ///< Letters, with inner hyphens and apostrophes (`multi-level`).
    kNumber,  ///< Digits with separators and decimals (`35,000`, `4.6`).
    kAlnum,   ///< Digits run into letters (`2nd`, `5A`, `29th`): never a figure.
    kPunct,   ///< Any other single non-space character.
  };
  Kind kind = Kind::kPunct;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::u32string_view text;  ///< View into the tokenised string.
  bool upper = false;        ///< First character is upper case (in the original text).
};

/// Tokens of `folded` (the matching form); `original` is the same text before folding,
/// consulted for capitalisation. REQUIRES: both have the same length.
std::vector<Token> Tokenize(std::u32string_view folded, std::u32string_view original);

}  // namespace annals::extract
