// How deep a page's markup nests, read from its tags before an HTML parser builds it.
#pragma once

#include <cstddef>
#include <string_view>

namespace annals::text {

/// How many elements the HTML5 tree builder holds open at most while it reads `html`
/// (UTF-8), formatting elements it may reopen counted too, but not the <html> and <body>
/// it adds. Follows the builder's rules for what opens and closes elements; where they are
/// subtle (misnested end tags, content it ignores, formatting elements that a block end
/// closes) counts the deeper reading, so that no markup hides its depth. Stops once past
/// `limit`: one pass over `html`, each step bounded by `limit`.
std::size_t HtmlNestingDepth(std::string_view html, std::size_t limit);

}  // namespace annals::text
