// Bytes of a bulletin file to code points, rejecting what is not text.
#pragma once

#include <string_view>

#include "text/mapped_text.h"

namespace annals::text {

/// Decodes UTF-8 (an optional byte-order mark is skipped). Throws Error(kInput) naming
/// the reason and the byte offset of the first bad sequence for empty input, binary
/// content (NUL bytes) or invalid UTF-8.
MappedText DecodeUtf8(std::string_view bytes);

}  // namespace annals::text
