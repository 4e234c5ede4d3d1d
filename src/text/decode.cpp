// UTF-8 decoding with byte offsets; the first stage of the text layer.
#include "text/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "annals/error.h"

namespace annals::text {

std::string ToUtf8(std::u32string_view s) {
  std::size_t bytes = 0;
  for (char32_t c : s) bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  std::string out;
  out.reserve(bytes);
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
  // One character a lead byte: counted first, so that the text does not grow (to twice what
  // it needs), with room for the few characters NFKC expands (`…` → `...`) so that
  // normalising in place need not move them.
  std::size_t chars = 0;
  for (char b : bytes) chars += (static_cast<unsigned char>(b) & 0xC0) != 0x80;
  out.chars.reserve(chars + chars / 64 + 16);
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
                                         std::to_string(i));
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

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

bool IsValidUtf8(std::string_view b) {
  char32_t c;
  for (std::size_t i = 0; i < b.size();) {
    const std::size_t n = DecodeOne(b, i, c);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Characters whose bytes are not known yet: a character's bytes run to where a later one
// starts, so each is appended once a later start is seen.
class PendingChars {
 public:
  explicit PendingChars(MappedText& out) : out_(out) {}
  // A character decoded from the unit at `at` (-1: ICU does not know where it came from).
  void Add(char32_t c, std::int64_t at) {
    if (c == 0) {
      const std::int64_t where = at >= 0 ? at : End();
      throw Error(ErrorCode::kInput,
                  "binary content: NUL character at offset " + std::to_string(where));
    }
    pending_.push_back({c, at});
  }
  // A unit starting at `at` ends every pending character that starts before it.
  void SeenStart(std::int64_t at) {
    if (at < 0) return;
    std::size_t done = 0;
    for (; done < pending_.size(); ++done) {
      Pending& p = pending_[done];
      if (p.start < 0) p.start = End();
      if (at <= p.start) break;
      out_.Append(p.c, {p.start, at});
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(done));
  }
  void Finish(std::int64_t end_of_file) {
    for (Pending& p : pending_) {
      if (p.start < 0) p.start = End();
      out_.Append(p.c, {p.start, end_of_file});
    }
    pending_.clear();
  }

 private:
  struct Pending {
    char32_t c;
    std::int64_t start;
  };
  std::int64_t End() const { return out_.origin.empty() ? 0 : out_.origin.back().end; }

  MappedText& out_;
  std::vector<Pending> pending_;
};

// Converts with ICU, stopping at the first invalid or unmappable sequence. `skip` bytes
// at the start (a byte-order mark) are not text. Converts through a buffer of fixed size,
// so that what the conversion holds beside its result does not grow with the file.
MappedText Convert(std::string_view bytes, const std::string& charset, std::size_t skip) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &status),
                                                          ucnv_close);
  if (U_FAILURE(status))
    throw Error(ErrorCode::kInput, "unknown encoding \"" + charset + "\"");
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const std::string_view body = bytes.substr(skip);
  constexpr std::size_t kBufferUnits = 1 << 16;
  std::vector<UChar> units(kBufferUnits);
  std::vector<int32_t> offsets(kBufferUnits);
  MappedText out;
  // As many characters as UTF-16 units at most: a first pass counts them, so that the text
  // is reserved once, with room for NFKC's expansions as in DecodeUtf8, not grown.
  const int32_t units_needed =
      ucnv_toUChars(conv.get(), nullptr, 0, body.data(), static_cast<int32_t>(body.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) {
    const auto n = static_cast<std::size_t>(units_needed);
    out.chars.reserve(n + n / 64 + 16);
  }
  ucnv_reset(conv.get());
  status = U_ZERO_ERROR;
  PendingChars pending(out);
  std::optional<std::pair<UChar, std::int64_t>> lead;  // a lead surrogate awaiting its trail
  const char* source = body.data();
  const char* const source_end = body.data() + body.size();
  do {
    status = U_ZERO_ERROR;
    // ICU gives each unit's offset from where the source stood at this call.
    const auto call_base = static_cast<std::int64_t>(skip) + (source - body.data());
    UChar* target = units.data();
    ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, source_end,
                   offsets.data(), true, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) {
      char bad[32];
      int8_t bad_len = sizeof bad;
      UErrorCode ignore = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), bad, &bad_len, &ignore);
      const std::size_t at = skip + static_cast<std::size_t>(source - body.data()) -
                             static_cast<std::size_t>(std::max<int8_t>(bad_len, 0));
      throw Error(ErrorCode::kInput, "not valid " + charset + ": bad byte sequence at offset " +
                                         std::to_string(at));
    }
    const std::size_t n = static_cast<std::size_t>(target - units.data());
    for (std::size_t i = 0; i < n; ++i) {
      const UChar unit = units[i];
      const std::int64_t at = offsets[i] < 0 ? -1 : call_base + offsets[i];
      pending.SeenStart(at);
      if (lead) {
        const auto [lead_unit, lead_at] = *lead;
        lead.reset();
        if (U16_IS_TRAIL(unit)) {
          pending.Add(static_cast<char32_t>(U16_GET_SUPPLEMENTARY(lead_unit, unit)), lead_at);
          continue;
        }
        pending.Add(lead_unit, lead_at);  // a lone surrogate stands for itself
      }
      if (U16_IS_LEAD(unit))
        lead = {unit, at};
      else
        pending.Add(unit, at);
    }
  } while (status == U_BUFFER_OVERFLOW_ERROR);
  if (lead) pending.Add(lead->first, lead->second);
  pending.Finish(static_cast<std::int64_t>(bytes.size()));
  return out;
}

void RequireText(const MappedText& t) {
  for (char32_t c : t.chars)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
  throw Error(ErrorCode::kInput, "the file holds only white space");
}

bool IsMultiByteAsian(const std::string& name) {
  static const char* kNames[] = {"GB18030", "Big5", "EUC-JP", "EUC-KR", "Shift_JIS", "ISO-2022-JP",
                                 "ISO-2022-CN", "ISO-2022-KR"};
  for (const char* n : kNames)
    if (name == n) return true;
  return false;
}

}  // namespace

bool IsUtf8Text(std::string_view bytes) {
  return !bytes.empty() && bytes.find('\0') == std::string_view::npos && IsValidUtf8(bytes);
}

std::string DeclaredHtmlCharset(std::string_view bytes) {
  const std::string head = Lower(bytes.substr(0, 4096));
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t close = head.find('>', at);
    const std::string tag = head.substr(at, close == std::string::npos ? std::string::npos : close - at);
    const std::size_t cs = tag.find("charset=");
    if (cs == std::string::npos) continue;
    std::size_t b = cs + 8;
    while (b < tag.size() && (tag[b] == '"' || tag[b] == '\'' || tag[b] == ' ')) ++b;
    std::size_t e = b;
    while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' || tag[e] == '_')) ++e;
    if (e > b) return tag.substr(b, e - b);
  }
  return "";
}

std::string Encode(std::u32string_view s, const std::string& charset) {
  const std::string utf8 = ToUtf8(s);
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset.c_str(), "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw Error(ErrorCode::kInput, "cannot encode as " + charset);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string DecodeToUtf8(std::string_view bytes, const std::string& charset) {
  if (charset.empty() || charset == "UTF-8" || bytes.empty()) return std::string(bytes);
  return ToUtf8(Convert(bytes, charset, 0).chars);
}

Decoded Decode(std::string_view bytes, const std::string& declared) {
  if (bytes.empty()) throw Error(ErrorCode::kInput, "the file is empty");
  Decoded d;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    d.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    d.text = Convert(bytes, d.encoding, 2);
    RequireText(d.text);
    return d;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF" || IsValidUtf8(bytes)) {
    d.encoding = "UTF-8";
    d.text = DecodeUtf8(bytes);
    return d;
  }
  if (bytes.find('\0') != std::string_view::npos) d.text = DecodeUtf8(bytes);  // throws: binary
  if (!declared.empty() && Lower(declared) != "utf-8" && Lower(declared) != "utf8") {
    d.encoding = declared;
    d.text = Convert(bytes, declared, 0);
    RequireText(d.text);
    return d;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(ucsdet_open(&status),
                                                                         ucsdet_close);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_SUCCESS(status) && match) {
    const std::string name = ucsdet_getName(match, &status);
    const int32_t confidence = ucsdet_getConfidence(match, &status);
    if (U_SUCCESS(status) && IsMultiByteAsian(name) && confidence >= 50) {
      d.encoding = name;
      d.text = Convert(bytes, name, 0);
      RequireText(d.text);
      return d;
    }
  }
  // Not UTF-8 and no encoding known with confidence: report where UTF-8 fails.
  try {
    DecodeUtf8(bytes);
  } catch (const Error& e) {
    throw Error(ErrorCode::kInput,
                std::string(e.what()) + ", and no other encoding could be determined with "
                "confidence: convert the file to UTF-8, or name its encoding as `encoding` in a "
                "sidecar NAME.meta.json");
  }
  return d;
}

}  // namespace annals::text
