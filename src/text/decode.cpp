// UTF-8 decoding with byte offsets; the first stage of the text layer.
#include "text/decode.h"

#include <string>

#include "annals/error.h"

namespace annals::text {

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

namespace {

// Decodes one sequence at `i`; returns its length, or 0 if it is not valid UTF-8
// (overlong forms, surrogates and values past U+10FFFF are invalid).
std::size_t DecodeOne(std::string_view b, std::size_t i, char32_t& out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(b[k]); };
  const unsigned char c = byte(i);
  std::size_t len;
  char32_t cp;
  char32_t min;
  if (c < 0x80) {
    out = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > b.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  out = cp;
  return len;
}

}  // namespace

std::u32string FromUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = 0xFFFD;
    const std::size_t n = DecodeOne(s, i, c);
    out.push_back(n ? c : char32_t{0xFFFD});
    i += n ? n : 1;
  }
  return out;
}

MappedText DecodeUtf8(std::string_view bytes) {
  if (bytes.empty()) throw Error(ErrorCode::kInput, "the file is empty");
  MappedText out;
  out.chars.reserve(bytes.size());
  out.origin.reserve(bytes.size());
  std::size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  for (; i < bytes.size();) {
    if (bytes[i] == '\0') {
      throw Error(ErrorCode::kInput,
                  "binary content: NUL byte at offset " + std::to_string(i) +
                      " (a bulletin is a text file)");
    }
    char32_t c = 0;
    const std::size_t n = DecodeOne(bytes, i, c);
    if (n == 0) {
      throw Error(ErrorCode::kInput, "not valid UTF-8: bad byte sequence at offset " +
                                         std::to_string(i) + " (convert the file to UTF-8)");
    }
    out.Append(c, {static_cast<std::int64_t>(i), static_cast<std::int64_t>(i + n)});
    i += n;
  }
  bool any_text = false;
  for (char32_t c : out.chars)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') any_text = true;
  if (!any_text) throw Error(ErrorCode::kInput, "the file holds only white space");
  return out;
}

}  // namespace annals::text
