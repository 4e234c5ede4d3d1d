// Bytes of a bulletin file to code points, each with the bytes it came from; rejects what
// is not text.
#pragma once

#include <string>
#include <string_view>

#include "text/mapped_text.h"

namespace annals::text {

/// Decoded text and the encoding it was read in.
struct Decoded {
  MappedText text;
  std::string encoding;  ///< ICU's name: `UTF-8`, `UTF-16LE`, `GB18030`, `Big5`, ...
};

/// Decodes UTF-8 only (an optional byte-order mark is skipped). Throws Error(kInput) naming
/// the reason and the byte offset of the first bad sequence for empty input, binary
/// content (NUL bytes) or invalid UTF-8.
MappedText DecodeUtf8(std::string_view bytes);

/// True if `bytes` are not empty, valid UTF-8 (a byte-order mark allowed) and hold no NUL
/// byte: what Decode reads as UTF-8, one character a sequence.
bool IsUtf8Text(std::string_view bytes);

/// Decodes a bulletin in any accepted encoding, in this order: a byte-order mark (UTF-8,
/// UTF-16LE/BE); valid UTF-8; `declared` (from a sidecar or an HTML `<meta charset>`);
/// ICU's charset detection, trusted only for the multi-byte Chinese, Japanese and Korean
/// encodings (GB18030, Big5, EUC-*, Shift_JIS) at a confidence of 50 or more. Throws
/// Error(kInput) with the byte offset of the first bad sequence otherwise.
Decoded Decode(std::string_view bytes, const std::string& declared = "");

/// The charset an HTML document declares in `<meta charset=...>` or `http-equiv`
/// content, if any, read from its first 4096 bytes.
std::string DeclaredHtmlCharset(std::string_view bytes);

/// Bytes of a bulletin read in `charset` (as Decode named it), as UTF-8: how a quote is
/// stored whatever the file's encoding. `bytes` must hold whole characters (a span of
/// the decoded text); UTF-8 is returned as it is.
std::string DecodeToUtf8(std::string_view bytes, const std::string& charset);

/// `s` encoded in `charset` through ICU (for tests and tools that make other encodings).
std::string Encode(std::u32string_view s, const std::string& charset);

}  // namespace annals::text
