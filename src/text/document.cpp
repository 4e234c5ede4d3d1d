// Bulletin structure: the header forms of the publishers' pages, paragraphs, languages.
#include "text/document.h"

#include <chrono>
#include <regex>
#include <utility>

#include "text/decode.h"
#include "text/html.h"
#include "text/normalize.h"
#include "text/unicode.h"

namespace annals::text {
namespace {

std::string Trim(std::string s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t'; };
  while (!s.empty() && !not_space(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && !not_space(s[i])) ++i;
  return s.substr(i);
}

// Page furniture: font-size and print controls saved with the page (`【Fonts: A+ A A- Print`,
// `【字体: 打印`).
bool IsFurniture(const std::string& line) {
  if (line.rfind("【", 0) == 0 || line.rfind("Fonts:", 0) == 0 || line.rfind("Font size", 0) == 0)
    return true;
  return line.size() < 40 && (line.find("打印") != std::string::npos ||
                              line.find("Print") != std::string::npos);
}

// `Updated : 2019-01-24Source : CCFAO`, `时间:2021-09-07来源: CCFAO` and the like.
const std::regex& HeaderDatePattern() {
  static const std::regex kPattern(
      R"((Updated|Published|Release Date|Date|Time|时间|時間|日期|发布时间|發布時間|发布日期|發布日期)\s*:\s*)",
      std::regex::icase);
  return kPattern;
}
const std::regex& HeaderSourcePattern() {
  static const std::regex kPattern(R"((Source|来源|來源|出处|出處)\s*:\s*(.+)$)",
                                   std::regex::icase);
  return kPattern;
}

std::string LanguageOf(std::u32string_view chars, std::u32string_view folded) {
  std::size_t han = 0, latin = 0, traditional = 0;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (IsHan(chars[i])) {
      ++han;
      if (folded[i] != chars[i]) ++traditional;
    } else if (IsLetter(chars[i])) {
      ++latin;
    }
  }
  if (han == 0 || han < latin / 4) return "en";
  return traditional * 50 >= han ? "zh-Hant" : "zh-Hans";
}

}  // namespace

namespace {

const std::regex& HeaderDateShape() {
  static const std::regex kDate(R"(^(\d{1,9})\s*(?:[-/.]|年)\s*(\d{1,9})\s*(?:[-/.]|月)\s*(\d{1,9}))");
  return kDate;
}

}  // namespace

bool IsPlausiblePublicationYear(int year) {
  const auto today = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return year >= 1800 && year <= static_cast<int>(today.year()) + 1;
}

std::string HeaderDateText(std::string_view s) {
  std::cmatch m;
  if (!std::regex_search(s.begin(), s.end(), m, HeaderDateShape())) return "";
  return m.str(0);
}

std::optional<Date> ParseHeaderDate(std::string_view s) {
  std::cmatch m;
  if (!std::regex_search(s.begin(), s.end(), m, HeaderDateShape())) return std::nullopt;
  if (m.length(1) != 4 || m.length(2) > 2 || m.length(3) > 2) return std::nullopt;
  const int year = std::stoi(m[1]);
  if (!IsPlausiblePublicationYear(year)) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, std::stoi(m[2]), std::stoi(m[3]));
  return Date::Parse(iso);
}

std::vector<Sentence> Bulletin::Sentences(const Paragraph& p) const {
  std::vector<Sentence> out;
  for (const auto& [b, e] : SentenceBounds(Chars(p.begin, p.end)))
    out.push_back({p.begin + b, p.begin + e});
  return out;
}

Bulletin ParseBulletin(std::string_view bytes, const std::string& declared_encoding) {
  Bulletin doc;
  std::optional<Date> meta_date;
  std::string meta_publisher;
  const std::size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  if (IsUtf8Text(bytes) && LooksLikeHtml(bytes.substr(bom))) {
    // A page in UTF-8 is what gumbo reads: no decoded copy of it is made.
    HtmlText page = HtmlToText(bytes.substr(bom), static_cast<std::int64_t>(bom));
    doc.text = std::move(page.text);
    doc.encoding = "UTF-8";
    meta_date = page.published_on;
    meta_publisher = page.publisher;
    doc.html = true;
  } else {
    std::string declared = declared_encoding;
    if (declared.empty()) declared = DeclaredHtmlCharset(bytes);
    Decoded decoded = Decode(bytes, declared);
    doc.encoding = decoded.encoding;
    if (LooksLikeHtml(decoded.text)) {
      HtmlText page = HtmlToText(std::move(decoded.text));
      decoded.text = std::move(page.text);
      meta_date = page.published_on;
      meta_publisher = page.publisher;
      doc.html = true;
    }
    doc.text = std::move(decoded.text);
  }
  doc.text = Normalize(std::move(doc.text));
  const std::u32string& s = doc.text.chars;

  std::size_t en_chars = 0, zh_chars = 0;
  std::string zh_variant = "zh-Hans";
  bool seen_title = false;
  for (std::size_t begin = 0; begin < s.size();) {
    std::size_t end = s.find(U'\n', begin);
    if (end == std::u32string::npos) end = s.size();
    std::size_t b = begin, e = end;
    while (b < e && IsSpace(s[b])) ++b;
    while (e > b && IsSpace(s[e - 1])) --e;
    begin = end + 1;
    if (b == e) continue;
    const std::string line = ToUtf8(s.substr(b, e - b));
    if (!seen_title) {
      doc.title = Trim(line);
      doc.title_line = {b, e, LanguageOf(s.substr(b, e - b), doc.Folded(b, e))};
      seen_title = true;
      continue;
    }
    std::smatch m;
    if (!doc.published_on && std::regex_search(line, m, HeaderDatePattern()) &&
        m.position(0) == 0) {
      const std::string rest = line.substr(static_cast<std::size_t>(m.length(0)));
      if (auto d = ParseHeaderDate(rest)) {
        doc.published_on = d;
        std::smatch src;
        if (std::regex_search(rest, src, HeaderSourcePattern())) {
          doc.publisher = Trim(src[2]);
          continue;
        }
        // A page may render the date and the first sentence as one line (one element, a
        // source line break): the sentence is still a paragraph.
        if (Trim(rest.substr(HeaderDateText(rest).size())).size() <= 40) continue;
      } else if (const std::string shaped = HeaderDateText(rest); !shaped.empty()) {
        // A header line all the same: not a paragraph whose digits would be read as figures.
        doc.warnings.push_back("the header date \"" + shaped +
                               "\" is not a day from 1800 to next year; ignored");
        continue;
      }
    }
    if (IsFurniture(line)) continue;
    Paragraph p{b, e, LanguageOf(s.substr(b, e - b), doc.Folded(b, e))};
    if (p.lang == "en") {
      en_chars += e - b;
    } else {
      zh_chars += e - b;
      zh_variant = p.lang;
    }
    doc.paragraphs.push_back(p);
  }
  doc.lang = zh_chars > en_chars ? zh_variant : "en";
  // Sections: a short paragraph in the other language (a caption, a name) does not start
  // one; it joins the section around it.
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    const bool zh = p.lang != "en";
    if (!doc.sections.empty() && (doc.sections.back().lang != "en") == zh) {
      doc.sections.back().end_paragraph = i + 1;
    } else if (!doc.sections.empty() && p.end - p.begin < 120 && i + 1 < doc.paragraphs.size() &&
               (doc.paragraphs[i + 1].lang != "en") != zh) {
      doc.sections.back().end_paragraph = i + 1;
    } else {
      doc.sections.push_back({p.lang, i, i + 1});
    }
  }
  if (!doc.published_on) doc.published_on = meta_date;
  if (doc.publisher.empty()) doc.publisher = meta_publisher;
  return doc;
}

}  // namespace annals::text
