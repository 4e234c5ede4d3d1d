// The nesting of a page's elements, estimated from its tags in one pass. The rules are the
// HTML standard's tree-construction rules, those that open and close elements.
#include "text/html_nesting.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace annals::text {
namespace {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsVoid(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_MENUITEM:
      return true;
    default:
      return false;
  }
}

// The standard's "special" elements: the end tag of an ordinary element that is open
// below one of them is ignored.
bool IsSpecial(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_APPLET: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HTML:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE: case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SELECT: case GUMBO_TAG_STYLE: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_XMP:
    case GUMBO_TAG_MI: case GUMBO_TAG_MO: case GUMBO_TAG_MN: case GUMBO_TAG_MS:
    case GUMBO_TAG_MTEXT: case GUMBO_TAG_ANNOTATION_XML: case GUMBO_TAG_FOREIGNOBJECT:
    case GUMBO_TAG_DESC:
      return true;
    default:
      return false;
  }
}

// Elements that an end tag cannot reach past (the standard's scope boundaries; <select>
// too, whose content mode ignores other end tags).
bool IsScopeBoundary(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_MI: case GUMBO_TAG_MO:
    case GUMBO_TAG_MN: case GUMBO_TAG_MS: case GUMBO_TAG_MTEXT: case GUMBO_TAG_ANNOTATION_XML:
    case GUMBO_TAG_FOREIGNOBJECT: case GUMBO_TAG_DESC: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool IsTablePart(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

bool IsFormatting(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

// Elements whose closing clears the reopening of formatting elements opened inside them.
bool IsFormattingMarker(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_OBJECT: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p>.
bool ClosesParagraph(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

// Elements whose content the tokenizer reads as text up to their own end tag.
bool IsRawText(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

class NestingEstimate {
 public:
  /// The most elements open at once so far, with the formatting elements the builder may
  /// reopen.
  std::size_t Deepest() const { return deepest_; }
  /// Inside <svg> or <math>, where no element's content is raw text.
  bool InForeign() const { return foreign_ > 0; }
  /// When only containers are open (the elements of a page's layout: <div>, <section>,
  /// lists...; no paragraph, table, form, furniture or formatting element, nothing foreign,
  /// no formatting element to reopen), their start tags, outermost first, <html>, <head>
  /// and <body> left out; otherwise nullopt.
  std::optional<std::string> OpenContainers() const {
    if (remembered_ > 0 || foreign_ > 0) return std::nullopt;
    std::string tags;
    for (const Open& e : open_) {
      if (e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_HEAD || e.tag == GUMBO_TAG_BODY) continue;
      if (!IsContainer(e.tag)) return std::nullopt;
      tags += "<" + e.name + ">";
    }
    return tags;
  }

  void Start(GumboTag tag, const std::string& name, std::string_view attributes,
             bool self_closing) {
    if (IsVoid(tag) || (self_closing && (foreign_ > 0 || IsForeignRoot(tag)))) return;
    if (ClosesParagraph(tag)) CloseParagraph();
    if (IsHeading(tag) && !open_.empty() && IsHeading(open_.back().tag)) PopTo(open_.size() - 1);
    if (tag == GUMBO_TAG_LI) CloseListItem({GUMBO_TAG_LI, GUMBO_TAG_LI});
    if (tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) CloseListItem({GUMBO_TAG_DD, GUMBO_TAG_DT});
    if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && TopIs(GUMBO_TAG_OPTION))
      PopTo(open_.size() - 1);
    // A cell opens the row and a row the table body that the markup leaves out.
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      CloseInTable({GUMBO_TAG_TD, GUMBO_TAG_TH});
      if (!TopIs(GUMBO_TAG_TR)) Start(GUMBO_TAG_TR, "tr", "", false);
    }
    if (tag == GUMBO_TAG_TR) {
      CloseInTable({GUMBO_TAG_TR, GUMBO_TAG_TR});
      if (!TopIs(GUMBO_TAG_TBODY) && !TopIs(GUMBO_TAG_THEAD) && !TopIs(GUMBO_TAG_TFOOT))
        Start(GUMBO_TAG_TBODY, "tbody", "", false);
    }
    if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
      CloseInTable({GUMBO_TAG_TBODY, GUMBO_TAG_THEAD});
      CloseInTable({GUMBO_TAG_TFOOT, GUMBO_TAG_CAPTION});
    }
    if (tag == GUMBO_TAG_A && TopIs(GUMBO_TAG_A)) {
      PopTo(open_.size() - 1);
      Forget("a");
    }
    if (IsFormatting(tag)) Remember(name + std::string(attributes));
    if (IsFormattingMarker(tag)) formatting_.emplace_back();
    if (IsForeignRoot(tag)) ++foreign_;
    std::size_t paragraph = 0;
    if (tag == GUMBO_TAG_P) paragraph = open_.size() + 1;
    else if (!IsScopeBoundary(tag) && tag != GUMBO_TAG_BUTTON && !open_.empty())
      paragraph = open_.back().paragraph;
    open_.push_back({tag, name, paragraph});
    deepest_ = std::max(deepest_, open_.size() + remembered_);
  }

  void End(GumboTag tag, const std::string& name) {
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_BR) return;
    const bool special = IsSpecial(tag) || IsTablePart(tag);
    bool anywhere = false;
    for (std::size_t i = open_.size(); i-- > 0;) {
      const Open& e = open_[i];
      if (e.tag == tag && e.name == name) {
        anywhere = true;
        if (Reachable(tag, special, i)) {
          PopTo(i);
          if (IsFormatting(tag)) Forget(name);
          return;
        }
        break;
      }
    }
    if (!anywhere)
      for (const Open& e : open_) anywhere = anywhere || (e.tag == tag && e.name == name);
    // A formatting element closed by another end tag is still reopened until its own.
    if (IsFormatting(tag) && !anywhere) Forget(name);
  }

 private:
  struct Open {
    GumboTag tag;
    std::string name;
    std::size_t paragraph;  // 1 + index of the <p> an end tag here would reach, or 0
  };

  static bool IsHeading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }
  static bool IsContainer(GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
      case GUMBO_TAG_CENTER: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_UL:
      case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_SPAN:
        return true;
      default:
        return false;
    }
  }
  static bool IsForeignRoot(GumboTag tag) { return tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH; }
  bool TopIs(GumboTag tag) const { return !open_.empty() && open_.back().tag == tag; }

  // Whether an end tag reaches the open element at `index`: no scope boundary above it,
  // and for an element that is not special, no special element above it either.
  bool Reachable(GumboTag tag, bool special, std::size_t index) const {
    for (std::size_t i = index + 1; i < open_.size(); ++i) {
      const GumboTag above = open_[i].tag;
      if (IsTablePart(tag) ? (above == GUMBO_TAG_TABLE || above == GUMBO_TAG_TEMPLATE)
                           : IsScopeBoundary(above))
        return false;
      if (tag == GUMBO_TAG_P && above == GUMBO_TAG_BUTTON) return false;
      if (tag == GUMBO_TAG_LI && (above == GUMBO_TAG_OL || above == GUMBO_TAG_UL)) return false;
      if (!special && IsSpecial(above)) return false;
    }
    return true;
  }

  void PopTo(std::size_t index) {
    while (open_.size() > index) {
      const Open& e = open_.back();
      if (IsForeignRoot(e.tag)) --foreign_;
      if (IsFormattingMarker(e.tag)) ClearToMarker();
      open_.pop_back();
    }
  }

  // Every block start tag asks this, so the answer is kept with each open element.
  void CloseParagraph() {
    if (!open_.empty() && open_.back().paragraph > 0) PopTo(open_.back().paragraph - 1);
  }

  void CloseListItem(std::pair<GumboTag, GumboTag> items) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      const GumboTag t = open_[i].tag;
      if (t == items.first || t == items.second) return PopTo(i);
      if (IsSpecial(t) && t != GUMBO_TAG_ADDRESS && t != GUMBO_TAG_DIV && t != GUMBO_TAG_P) return;
    }
  }

  void CloseInTable(std::pair<GumboTag, GumboTag> parts) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      const GumboTag t = open_[i].tag;
      if (t == parts.first || t == parts.second) return PopTo(i);
      if (t == GUMBO_TAG_TABLE || t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_HTML) return;
    }
  }

  // The builder keeps at most three equal formatting elements (same name and attributes)
  // to reopen after the last marker.
  void Remember(std::string key) {
    std::size_t equal = 0, earliest = formatting_.size();
    for (std::size_t i = formatting_.size(); i-- > 0 && !formatting_[i].empty();)
      if (formatting_[i] == key) ++equal, earliest = i;
    if (equal >= 3) {
      formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(earliest));
      --remembered_;
    }
    formatting_.push_back(std::move(key));
    ++remembered_;
  }

  void Forget(const std::string& name) {
    for (std::size_t i = formatting_.size(); i-- > 0 && !formatting_[i].empty();) {
      const std::string& key = formatting_[i];
      if (key.compare(0, name.size(), name) == 0 &&
          (key.size() == name.size() || IsHtmlSpace(key[name.size()]) || key[name.size()] == '/')) {
        formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(i));
        --remembered_;
        return;
      }
    }
  }

  void ClearToMarker() {
    while (!formatting_.empty()) {
      const bool marker = formatting_.back().empty();
      if (!marker) --remembered_;
      formatting_.pop_back();
      if (marker) return;
    }
  }

  std::vector<Open> open_;
  std::vector<std::string> formatting_;  // name and attributes; an empty entry is a marker
  std::size_t remembered_ = 0;           // entries of formatting_ that are not markers
  std::size_t foreign_ = 0;              // <svg> and <math> open
  std::size_t deepest_ = 0;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads the tags of `html` in order into `estimate`; comments, doctypes and the text of
// scripts, styles and the like are skipped as the tokenizer skips them. `before_start(at,
// tag)` runs before each start tag is counted, `at` the offset of its `<`; the scan stops
// once `go_on()` is false.
template <typename BeforeStart, typename GoOn>
void ScanTags(std::string_view html, NestingEstimate& estimate, BeforeStart before_start,
              GoOn go_on) {
  std::size_t i = 0;
  while (go_on() && (i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      // Ends at the first `-->` or `--!>`, the `--` possibly those of `<!--` (`<!-->`).
      const std::size_t plain = html.find("-->", i + 2), bang = html.find("--!>", i + 2);
      i = std::min(plain, bang);
      if (i != std::string_view::npos) i += i == plain ? 3 : 4;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      i = html.find('>', i);
      continue;
    }
    const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
    const std::size_t name_begin = i + 1 + (end_tag ? 1 : 0);
    if (name_begin >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_begin]))) {
      // `</` and anything but a letter is a comment up to the next `>` (`</>` is nothing).
      i = end_tag ? html.find('>', i) : i + 1;
      continue;
    }
    std::size_t name_end = name_begin;
    while (name_end < html.size() && !IsHtmlSpace(html[name_end]) && html[name_end] != '/' &&
           html[name_end] != '>')
      ++name_end;
    // Attributes run to the first `>` outside a quoted value.
    std::size_t close = name_end;
    char quote = 0, last = 0;
    for (; close < html.size(); ++close) {
      const char c = html[close];
      if (quote) {
        if (c == quote) quote = 0, last = c;
        continue;
      }
      if (c == '>') break;
      if ((c == '"' || c == '\'') && last == '=') quote = c;
      if (!IsHtmlSpace(c)) last = c;
    }
    if (close >= html.size()) break;
    const std::string name = Lower(html.substr(name_begin, name_end - name_begin));
    const GumboTag tag = gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
    const std::size_t at = i;
    i = close + 1;
    if (end_tag) {
      estimate.End(tag, name);
      continue;
    }
    before_start(at, tag);
    estimate.Start(tag, name, html.substr(name_end, close - name_end), html[close - 1] == '/');
    if (tag == GUMBO_TAG_PLAINTEXT) break;
    if (IsRawText(tag) && !estimate.InForeign()) {
      // Up to the element's own end tag, which then closes it.
      for (i = html.find("</", i); i != std::string_view::npos; i = html.find("</", i + 2))
        if (Lower(html.substr(i + 2, name.size())) == name) break;
    }
  }
}

// Start tags of the blocks a page may be cut before: each begins a line of text, so the
// pieces end and begin at a line break that the whole page has too.
bool StartsPiece(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_HR: case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

std::string_view Doctype(std::string_view html) {
  std::size_t i = 0;
  while (true) {
    while (i < html.size() && IsHtmlSpace(html[i])) ++i;
    if (html.compare(i, 4, "<!--") != 0) break;
    const std::size_t end = html.find("-->", i + 2);
    if (end == std::string_view::npos) return {};
    i = end + 3;
  }
  if (Lower(html.substr(i, 9)) != "<!doctype") return {};
  const std::size_t close = html.find('>', i);
  return close == std::string_view::npos ? std::string_view() : html.substr(i, close - i + 1);
}

}  // namespace

std::size_t HtmlNestingDepth(std::string_view html, std::size_t limit) {
  NestingEstimate estimate;
  ScanTags(
      html, estimate, [](std::size_t, GumboTag) {},
      [&] { return estimate.Deepest() <= limit; });
  return estimate.Deepest();
}

HtmlPieces CutHtml(std::string_view html, std::size_t piece_bytes) {
  HtmlPieces pieces;
  pieces.doctype = std::string(Doctype(html));
  NestingEstimate estimate;
  std::size_t piece_start = 0;
  ScanTags(
      html, estimate,
      [&](std::size_t at, GumboTag tag) {
        if (at - piece_start < piece_bytes || !StartsPiece(tag)) return;
        std::optional<std::string> open = estimate.OpenContainers();
        if (!open) return;
        pieces.cuts.push_back({at, std::move(*open)});
        piece_start = at;
      },
      [] { return true; });
  return pieces;
}

}  // namespace annals::text
