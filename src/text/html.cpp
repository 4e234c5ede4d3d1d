// HTML pages through gumbo; the only place that parses markup.
#include "text/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/error.h"
#include "text/document.h"
#include "text/html_nesting.h"
#include "text/unicode.h"

namespace annals::text {
namespace {

// Elements whose content is not the bulletin.
bool IsFurniture(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Elements that end a line of text.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

// gumbo's tree builder (0.10) scans its stack of open elements on every block start tag
// (for a <p> to close) and on most end tags, so its time grows with the square of the
// nesting depth (50,000 nested <div> take 14 s, 100,000 a minute), and freeing its tree
// recurses once a level. Browsers stop nesting long before that (Blink at 512 levels), so
// a page nested deeper is refused before gumbo sees it.
constexpr std::size_t kMaxNesting = 512;

bool IsHtmlSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const GumboVector* ChildrenOf(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
    return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

// Visits `root` and its descendants in document order with a stack of its own, since a
// page's nesting is the page's to choose: `enter` says whether to go into a node's
// children, `leave` runs after them for each node entered.
template <typename Enter, typename Leave>
void Visit(const GumboNode* root, Enter enter, Leave leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> path;
  if (enter(root)) path.push_back({root, 0});
  while (!path.empty()) {
    const GumboNode* node = path.back().node;
    const GumboVector* children = ChildrenOf(node);
    if (children && path.back().next_child < children->length) {
      const auto* child = static_cast<const GumboNode*>(children->data[path.back().next_child++]);
      if (enter(child)) path.push_back({child, 0});
    } else {
      leave(node);
      path.pop_back();
    }
  }
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) &&
         node->v.element.tag == tag;
}

// Which character of the decoded page each byte of its UTF-8 form (what gumbo reads)
// belongs to: the characters before every 64th byte, and the lead bytes from there, in
// a sixteenth of the room one index a byte would take.
class CharOfByte {
 public:
  explicit CharOfByte(const std::string& utf8) : utf8_(utf8) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      if (i % kBlock == 0) before_block_.push_back(chars);
      chars += IsLead(utf8[i]);
    }
  }
  std::size_t operator()(std::size_t byte) const {
    const std::size_t block = byte / kBlock;
    std::size_t leads = before_block_[block];
    for (std::size_t i = block * kBlock; i <= byte; ++i) leads += IsLead(utf8_[i]);
    return leads - 1;
  }

 private:
  static constexpr std::size_t kBlock = 64;
  static bool IsLead(char b) { return (static_cast<unsigned char>(b) & 0xC0) != 0x80; }
  const std::string& utf8_;
  std::vector<std::size_t> before_block_;
};

struct Walker {
  const MappedText& decoded;  // its origins; its characters are gumbo's by now
  const CharOfByte& char_of_byte;
  MappedText out;
  int in_pre = 0;  // <pre> elements open around the text being read

  ByteRange Origin(std::size_t buffer_begin, std::size_t buffer_end) const {
    const std::size_t first = char_of_byte(buffer_begin);
    const std::size_t last = char_of_byte(buffer_end - 1);
    return {decoded.origin[first].start, decoded.origin[last].end};
  }

  void Break() {
    if (!out.chars.empty() && out.chars.back() != '\n') {
      const std::int64_t pos = out.origin.back().end;
      out.Append('\n', {pos, pos});
    }
  }

  // Appends a text node's decoded text, mapping each character to its source bytes, an
  // entity reference to the whole reference. White space is one space, as a browser shows
  // it; only a <pre> keeps its line breaks.
  void Text(const GumboText& t) {
    const std::size_t base = t.start_pos.offset;
    const std::string_view raw(t.original_text.data, t.original_text.length);
    const std::u32string decoded_text = FromUtf8(t.text);
    std::size_t r = 0;
    for (char32_t c : decoded_text) {
      if (r >= raw.size()) break;
      std::size_t len;
      if (c == '\n' && raw[r] == '\r') {
        len = raw.substr(r, 2) == "\r\n" ? 2 : 1;  // gumbo reads CRLF and a lone CR as LF
      } else if (raw[r] == '&' && c != '&') {
        const std::size_t semi = raw.find(';', r);
        len = semi == std::string_view::npos || semi - r > 12 ? 1 : semi - r + 1;
      } else {
        const unsigned char b = static_cast<unsigned char>(raw[r]);
        len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (raw[r] == '&' && c == '&' && raw.substr(r, 5) == "&amp;") len = 5;
      }
      len = std::min(len, raw.size() - r);
      char32_t shown = c;
      if (c == U'\u00A0' || (IsHtmlSpace(c) && !(c == '\n' && in_pre))) shown = U' ';
      out.Append(shown, Origin(base + r, base + r + len));
      r += len;
    }
  }

  bool Enter(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      Text(node->v.text);
      return false;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) return true;
    if (node->type != GUMBO_NODE_ELEMENT || IsFurniture(node->v.element.tag)) return false;
    if (IsBlock(node->v.element.tag)) Break();
    if (node->v.element.tag == GUMBO_TAG_PRE) ++in_pre;
    return true;
  }

  void Leave(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    if (IsBlock(node->v.element.tag)) Break();
    if (node->v.element.tag == GUMBO_TAG_PRE) --in_pre;
  }

  void Walk(const GumboNode* root) {
    Visit(root, [this](const GumboNode* n) { return Enter(n); },
          [this](const GumboNode* n) { Leave(n); });
  }
};

const GumboNode* Find(const GumboNode* root, GumboTag tag) {
  const GumboNode* found = nullptr;
  Visit(
      root,
      [&](const GumboNode* node) {
        if (found) return false;
        if (IsElement(node, tag)) found = node;
        return !found && ChildrenOf(node) != nullptr;
      },
      [](const GumboNode*) {});
  return found;
}

void Metas(const GumboNode* root, HtmlText& out) {
  const auto read = [&out](const GumboNode* node) {
    const GumboAttribute* name = gumbo_get_attribute(&node->v.element.attributes, "name");
    if (!name) name = gumbo_get_attribute(&node->v.element.attributes, "property");
    const GumboAttribute* content = gumbo_get_attribute(&node->v.element.attributes, "content");
    if (!name || !content) return;
    const std::string n = Lower(name->value);
    if (!out.published_on && (n.find("date") != std::string::npos || n.find("published") != std::string::npos))
      out.published_on = ParseHeaderDate(content->value);
    if (out.publisher.empty() && (n == "author" || n == "publisher" || n == "source" || n == "og:site_name"))
      out.publisher = content->value;
  };
  Visit(
      root,
      [&](const GumboNode* node) {
        if (IsElement(node, GUMBO_TAG_META)) read(node);
        return ChildrenOf(node) != nullptr;
      },
      [](const GumboNode*) {});
}

}  // namespace

bool LooksLikeHtml(const MappedText& decoded) {
  std::string head = ToUtf8(std::u32string_view(decoded.chars).substr(0, 1024));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  return head.compare(i, 9, "<!doctype") == 0 || head.compare(i, 5, "<html") == 0 ||
         head.find("<body") != std::string::npos;
}

HtmlText HtmlToText(MappedText decoded) {
  // gumbo reads UTF-8: serialise the decoded text, remembering each byte's character. The
  // characters themselves are not needed past this: gumbo gives them back decoded.
  const std::string utf8 = ToUtf8(decoded.chars);
  if (HtmlNestingDepth(utf8, kMaxNesting) > kMaxNesting)
    throw Error(ErrorCode::kInput, "the page nests its elements more than " +
                                       std::to_string(kMaxNesting) +
                                       " levels deep, past what Annals reads (or a browser nests)");
  const CharOfByte char_of_byte(utf8);
  const std::size_t chars = decoded.size();
  std::u32string().swap(decoded.chars);  // an assignment would keep the buffer
  // gumbo records each parse error with a copy of its stack of open elements; nothing here
  // reads them, and on hostile markup they take far more memory than the page.
  static const GumboOptions kOptions = [] {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    return options;
  }();
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
      gumbo_parse_with_options(&kOptions, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kOptions, o); });
  HtmlText result;
  Metas(parsed->root, result);
  Walker walker{decoded, char_of_byte, {}};
  walker.out.chars.reserve(chars + 16);  // a page's text is no longer than the page...
  // The title line: <title>, else the first <h1>.
  if (const GumboNode* t = Find(parsed->root, GUMBO_TAG_TITLE)) {
    for (unsigned i = 0; i < t->v.element.children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(t->v.element.children.data[i]);
      if (child->type == GUMBO_NODE_TEXT) walker.Text(child->v.text);
    }
    walker.Break();
    walker.out.Append('\n', {0, 0});
  }
  const GumboNode* body = Find(parsed->root, GUMBO_TAG_BODY);
  walker.Walk(body ? body : parsed->root);
  // ...but may be much shorter, and is held for all of extraction.
  if (walker.out.chars.capacity() > walker.out.size() + walker.out.size() / 4)
    walker.out.chars.shrink_to_fit();
  walker.out.origin.ShrinkToFit();
  result.text = std::move(walker.out);
  return result;
}

}  // namespace annals::text
