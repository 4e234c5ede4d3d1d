// How deep a page's markup nests, read from its tags before an HTML parser builds it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace annals::text {

/// How many elements the HTML5 tree builder holds open at most while it reads `html`
/// (UTF-8), formatting elements it may reopen counted too, but not the <html> and <body>
/// it adds. Follows the builder's rules for what opens and closes elements; where they are
/// subtle (misnested end tags, content it ignores, formatting elements that a block end
/// closes) counts the deeper reading, so that no markup hides its depth. Stops once past
/// `limit`: one pass over `html`, each step bounded by `limit`.
std::size_t HtmlNestingDepth(std::string_view html, std::size_t limit);

/// A place to cut a page: before the start tag of a block, where only containers are open
/// (see CutHtml).
struct HtmlCut {
  std::size_t at = 0;  ///< Offset of the block's `<`.
  std::string reopen;  ///< Start tags of the containers open there, outermost first.
};

/// A long page as pieces that an HTML parser can build one at a time: the piece from cut
/// k on, read behind `doctype`, `<html><body>` and `cuts[k].reopen`, builds the elements
/// and text that the whole page builds there, with the same line breaks around them.
struct HtmlPieces {
  std::string doctype;        ///< The page's own `<!DOCTYPE ...>`, if it opens with one.
  std::vector<HtmlCut> cuts;  ///< In order; the first piece runs from 0 to the first cut.
};

/// Where to cut `html` (UTF-8) into pieces of at least `piece_bytes`: at places where the
/// tree builder is in the body with only layout containers open (<div>, <section>, lists;
/// no paragraph, table, form, furniture, formatting or foreign element), before a block.
/// A page that never gets there (one open <table> around everything) is one piece.
HtmlPieces CutHtml(std::string_view html, std::size_t piece_bytes);

}  // namespace annals::text
