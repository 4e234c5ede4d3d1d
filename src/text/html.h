// Saved publisher pages: HTML to the text of the bulletin, every character still mapped
// to the bytes of the file.
#pragma once

#include <optional>
#include <string>

#include "annals/time.h"
#include "text/mapped_text.h"

namespace annals::text {

/// True if decoded text looks like an HTML document rather than plain text.
bool LooksLikeHtml(const MappedText& decoded);

/// What a page holds: its text as lines (title first, then headings and paragraphs in
/// order, scripts, styles, navigation and other furniture dropped), and what its markup
/// says of its publication.
struct HtmlText {
  MappedText text;
  std::optional<Date> published_on;  ///< From `<meta>` (publishdate, article:published_time...).
  std::string publisher;             ///< From `<meta name="author|publisher|source">`.
};

/// Parses `decoded` with gumbo (an HTML5 parser). Entities (`&amp;`) map to their whole
/// reference in the file; line breaks between blocks map to no bytes. White space inside
/// a block is one space, as a browser shows it (`<pre>` and `<br>` keep line breaks).
/// Throws Error(kInput) for a page nested deeper than a browser nests (512 levels).
HtmlText HtmlToText(MappedText decoded);

}  // namespace annals::text
