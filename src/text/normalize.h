// Normalisation for matching, keeping every character's origin.
#pragma once

#include "text/mapped_text.h"

namespace annals::text {

/// NFKC per character (full-width digits and punctuation become ASCII), CRLF and a lone CR
/// read as one line break, runs of spaces and tabs folded to one space, pinyin annotations
/// after Han characters removed (`國(guó)` → `國`), and
/// ligatures broken by PDF extraction repaired (`signifi cant` → `significant`). Removed
/// characters vanish; the rest keep their origin, so spans still map to the original bytes.
MappedText Normalize(MappedText text);

}  // namespace annals::text
