// Normalisation for matching, keeping every character's origin.
#pragma once

#include <cstddef>

#include "text/mapped_text.h"

namespace annals::text {

/// The longest line of normalised text, in characters: what reading a line holds (its
/// matching form, tokens, sentence bounds) is several times its length, and no bulletin
/// writes a paragraph near as long.
inline constexpr std::size_t kMaxLineChars = 50000;

/// NFKC per character (full-width digits and punctuation become ASCII), CRLF and a lone CR
/// read as one line break, runs of spaces and tabs folded to one space, pinyin annotations
/// after Han characters removed (`國(guó)` → `國`), and
/// ligatures broken by PDF extraction repaired (`signifi cant` → `significant`). Removed
/// characters vanish; the rest keep their origin, so spans still map to the original bytes.
/// A line of more than kMaxLineChars characters is broken where a sentence begins into
/// lines of at most that many (each break a line feed of no bytes).
MappedText Normalize(MappedText text);

}  // namespace annals::text
