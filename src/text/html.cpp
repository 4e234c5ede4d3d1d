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

// The bytes of the file that bytes [begin, end) of the UTF-8 text gumbo reads came from:
// the same bytes, `offset` on, for a page that is UTF-8 in the file; for a page decoded
// from another encoding, those of the characters they encode.
class FileBytes {
 public:
  explicit FileBytes(std::int64_t offset) : offset_(offset) {}
  FileBytes(const CharOfByte& char_of_byte, const Origins& origin)
      : char_of_byte_(&char_of_byte), origin_(&origin) {}

  ByteRange operator()(std::size_t begin, std::size_t end) const {
    if (!char_of_byte_)
      return {offset_ + static_cast<std::int64_t>(begin), offset_ + static_cast<std::int64_t>(end)};
    return {(*origin_)[(*char_of_byte_)(begin)].start, (*origin_)[(*char_of_byte_)(end - 1)].end};
  }

 private:
  std::int64_t offset_ = 0;
  const CharOfByte* char_of_byte_ = nullptr;
  const Origins* origin_ = nullptr;
};

// The code point of valid UTF-8 at `i` (what gumbo gives back), moving `i` past it.
char32_t NextChar(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return c;
}

struct Walker {
  const FileBytes& file_bytes;
  MappedText out;
  int in_pre = 0;  // <pre> elements open around the text being read
  // Where the piece being read stands in the text gumbo reads: its byte `p` is byte
  // p - skipped + at of the page (`skipped`: the start tags that reopen it).
  std::size_t at = 0, skipped = 0;

  ByteRange Origin(std::size_t buffer_begin, std::size_t buffer_end) const {
    return file_bytes(buffer_begin - skipped + at, buffer_end - skipped + at);
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
    const std::string_view text(t.text);
    std::size_t r = 0;
    for (std::size_t k = 0; k < text.size();) {
      const char32_t c = NextChar(text, k);
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

// gumbo records each parse error with a copy of its stack of open elements; nothing here
// reads them, and on hostile markup they take far more memory than the page.
const GumboOptions& ParseOptions() {
  static const GumboOptions kOptions = [] {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    return options;
  }();
  return kOptions;
}

// One piece of a page as gumbo builds it, freed with this object.
class Piece {
 public:
  Piece(const HtmlPieces& pieces, std::string_view utf8, std::size_t k) {
    const std::size_t begin = k == 0 ? 0 : pieces.cuts[k - 1].at;
    const std::size_t end = k < pieces.cuts.size() ? pieces.cuts[k].at : utf8.size();
    at_ = begin;
    std::string_view source = utf8.substr(begin, end - begin);
    if (k > 0) {
      // Behind the start tags that put the builder where the whole page had it: a copy of
      // the piece, not of the page.
      buffer_ = pieces.doctype + "<html><body>" + pieces.cuts[k - 1].reopen;
      skipped_ = buffer_.size();
      buffer_ += source;
      source = buffer_;
    }
    output_ = gumbo_parse_with_options(&ParseOptions(), source.data(), source.size());
  }
  ~Piece() { gumbo_destroy_output(&ParseOptions(), output_); }
  Piece(const Piece&) = delete;
  Piece& operator=(const Piece&) = delete;

  const GumboNode* root() const { return output_->root; }
  std::size_t at() const { return at_; }
  std::size_t skipped() const { return skipped_; }

 private:
  std::string buffer_;
  GumboOutput* output_ = nullptr;
  std::size_t at_ = 0, skipped_ = 0;
};

HtmlText ReadPage(std::string_view utf8, const FileBytes& file_bytes, std::size_t chars,
                  std::size_t piece_bytes) {
  if (HtmlNestingDepth(utf8, kMaxNesting) > kMaxNesting)
    throw Error(ErrorCode::kInput, "the page nests its elements more than " +
                                       std::to_string(kMaxNesting) +
                                       " levels deep, past what Annals reads (or a browser nests)");
  const HtmlPieces pieces = CutHtml(utf8, piece_bytes);
  const std::size_t count = pieces.cuts.size() + 1;
  HtmlText result;
  Walker walker{file_bytes, {}};
  // A page's text is no longer than the page (with room for what NFKC expands, as in
  // DecodeUtf8); what is reserved and never written takes address space, not memory.
  walker.out.chars.reserve(chars + chars / 64 + 16);
  const auto read = [&](const Piece& piece) {
    walker.at = piece.at();
    walker.skipped = piece.skipped();
  };
  // The title line: the first <title>, which the first piece holds on most pages.
  std::unique_ptr<Piece> kept;
  for (std::size_t k = 0; k < count; ++k) {
    auto piece = std::make_unique<Piece>(pieces, utf8, k);
    if (const GumboNode* t = Find(piece->root(), GUMBO_TAG_TITLE)) {
      read(*piece);
      for (unsigned i = 0; i < t->v.element.children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(t->v.element.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT) walker.Text(child->v.text);
      }
      walker.Break();
      walker.out.Append('\n', {0, 0});
      if (k == 0) kept = std::move(piece);
      break;
    }
    if (k == 0) kept = std::move(piece);
  }
  for (std::size_t k = 0; k < count; ++k) {
    std::unique_ptr<Piece> piece = k == 0 && kept ? std::move(kept) : nullptr;
    if (!piece) piece = std::make_unique<Piece>(pieces, utf8, k);
    read(*piece);
    Metas(piece->root(), result);
    const GumboNode* body = Find(piece->root(), GUMBO_TAG_BODY);
    walker.Walk(body ? body : piece->root());
  }
  // The trees are gone: the text may be much shorter than the page, and is held for all of
  // extraction.
  std::u32string& chars_out = walker.out.chars;
  const std::size_t room = chars_out.size() + chars_out.size() / 64 + 16;
  if (chars_out.capacity() > room + chars_out.size() / 4) {
    std::u32string fitted;
    fitted.reserve(room);
    fitted.assign(chars_out);
    chars_out.swap(fitted);
  }
  result.text = std::move(walker.out);
  return result;
}

}  // namespace

bool LooksLikeHtml(std::string_view utf8) {
  // The first 1024 characters.
  std::size_t end = 0;
  for (std::size_t chars = 0; end < utf8.size() && chars < 1024; ++chars) NextChar(utf8, end);
  std::string head(utf8.substr(0, std::min(end, utf8.size())));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  return head.compare(i, 9, "<!doctype") == 0 || head.compare(i, 5, "<html") == 0 ||
         head.find("<body") != std::string::npos;
}

bool LooksLikeHtml(const MappedText& decoded) {
  return LooksLikeHtml(ToUtf8(std::u32string_view(decoded.chars).substr(0, 1024)));
}

HtmlText HtmlToText(MappedText decoded, std::size_t piece_bytes) {
  // gumbo reads UTF-8: serialise the decoded text, remembering each byte's character. The
  // characters themselves are not needed past this: gumbo gives them back decoded.
  const std::string utf8 = ToUtf8(decoded.chars);
  const CharOfByte char_of_byte(utf8);
  const std::size_t chars = decoded.size();
  std::u32string().swap(decoded.chars);  // an assignment would keep the buffer
  return ReadPage(utf8, FileBytes(char_of_byte, decoded.origin), chars, piece_bytes);
}

HtmlText HtmlToText(std::string_view utf8, std::int64_t offset, std::size_t piece_bytes) {
  std::size_t chars = 0;
  for (char b : utf8) chars += (static_cast<unsigned char>(b) & 0xC0) != 0x80;
  return ReadPage(utf8, FileBytes(offset), chars, piece_bytes);
}

}  // namespace annals::text
