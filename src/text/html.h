// Saved publisher pages: HTML to the text of the bulletin, every character still mapped
// to the bytes of the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/time.h"
#include "text/mapped_text.h"

namespace annals::text {

/// True if decoded text looks like an HTML document rather than plain text.
bool LooksLikeHtml(const MappedText& decoded);
/// The same for UTF-8 text (what a page that is UTF-8 in its file holds).
bool LooksLikeHtml(std::string_view utf8);

/// What a page holds: its text as lines (title first, then headings and paragraphs in
/// order, scripts, styles, navigation and other furniture dropped), and what its markup
/// says of its publication.
struct HtmlText {
  MappedText text;
  std::optional<Date> published_on;  ///< From `<meta>` (publishdate, article:published_time...).
  std::string publisher;             ///< From `<meta name="author|publisher|source">`.
};

/// gumbo holds a page a piece of about this many bytes at a time (see CutHtml): its tree
/// takes several times the bytes of the markup (a node of 128 bytes for each element, a
/// copy of each attribute), more than the page's text does.
inline constexpr std::size_t kHtmlPieceBytes = 256 * 1024;

/// Parses `decoded` with gumbo (an HTML5 parser). Entities (`&amp;`) map to their whole
/// reference in the file; line breaks between blocks map to no bytes. White space inside
/// a block is one space, as a browser shows it (`<pre>` and `<br>` keep line breaks).
/// Throws Error(kInput) for a page nested deeper than a browser nests (512 levels). A page
/// is built a piece of `piece_bytes` at a time, to the same text as whole.
HtmlText HtmlToText(MappedText decoded, std::size_t piece_bytes = kHtmlPieceBytes);

/// The same for a page that is UTF-8 in its file, read where it lies: `utf8` is the file's
/// bytes from `offset` on (past a byte-order mark), no copy of them made.
/// REQUIRES: `utf8` is valid UTF-8 without NUL bytes.
HtmlText HtmlToText(std::string_view utf8, std::int64_t offset,
                    std::size_t piece_bytes = kHtmlPieceBytes);

}  // namespace annals::text
