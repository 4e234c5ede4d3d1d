// HTML pages through gumbo; the only place that parses markup.
#include "text/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

#include "text/document.h"
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

  // Appends a text node's decoded text, mapping each character to its source bytes,
  // an entity reference to the whole reference.
  void Text(const GumboText& t) {
    const std::size_t base = t.start_pos.offset;
    const std::string_view raw(t.original_text.data, t.original_text.length);
    const std::u32string decoded_text = FromUtf8(t.text);
    std::size_t r = 0;
    for (char32_t c : decoded_text) {
      while (r < raw.size() && raw[r] == '\r') ++r;
      if (r >= raw.size()) break;
      std::size_t len;
      if (raw[r] == '&' && c != '&') {
        const std::size_t semi = raw.find(';', r);
        len = semi == std::string_view::npos || semi - r > 12 ? 1 : semi - r + 1;
      } else {
        const unsigned char b = static_cast<unsigned char>(raw[r]);
        len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (raw[r] == '&' && c == '&' && raw.substr(r, 5) == "&amp;") len = 5;
      }
      len = std::min(len, raw.size() - r);
      out.Append(c == U'\u00A0' ? U' ' : c, Origin(base + r, base + r + len));
      r += len;
    }
  }

  void Walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      Text(node->v.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    const GumboVector* children = node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children
                                                                   : &node->v.document.children;
    const bool block = node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag);
    if (node->type == GUMBO_NODE_ELEMENT && IsFurniture(node->v.element.tag)) return;
    if (block) Break();
    for (unsigned i = 0; i < children->length; ++i)
      Walk(static_cast<const GumboNode*>(children->data[i]));
    if (block) Break();
  }
};

const GumboNode* Find(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) return node;
  const GumboVector* children = node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children
                                                                 : &node->v.document.children;
  for (unsigned i = 0; i < children->length; ++i)
    if (const GumboNode* f = Find(static_cast<const GumboNode*>(children->data[i]), tag)) return f;
  return nullptr;
}

void Metas(const GumboNode* node, HtmlText& out) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (node->v.element.tag == GUMBO_TAG_META) {
    const GumboAttribute* name = gumbo_get_attribute(&node->v.element.attributes, "name");
    if (!name) name = gumbo_get_attribute(&node->v.element.attributes, "property");
    const GumboAttribute* content = gumbo_get_attribute(&node->v.element.attributes, "content");
    if (name && content) {
      std::string n = name->value;
      for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!out.published_on && (n.find("date") != std::string::npos || n.find("published") != std::string::npos))
        out.published_on = ParseHeaderDate(content->value);
      if (out.publisher.empty() && (n == "author" || n == "publisher" || n == "source" || n == "og:site_name"))
        out.publisher = content->value;
    }
  }
  const GumboVector* children = &node->v.element.children;
  for (unsigned i = 0; i < children->length; ++i) Metas(static_cast<const GumboNode*>(children->data[i]), out);
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
  const CharOfByte char_of_byte(utf8);
  const std::size_t chars = decoded.size();
  std::u32string().swap(decoded.chars);  // an assignment would keep the buffer
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
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
