// A bulletin's structure: title, header date and publisher, paragraphs and their language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/time.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::text {

/// A body paragraph: chars [begin, end) of the normalised text, one language.
struct Paragraph {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string lang;  ///< `en`, `zh-Hant` or `zh-Hans`.
};

/// A run of consecutive paragraphs in one language: a bilingual bulletin (Chinese text
/// with its English translation) is one text in two sections, whose claims can then be
/// compared statement for statement.
struct Section {
  std::string lang;
  std::size_t first_paragraph = 0;
  std::size_t end_paragraph = 0;  ///< One past the last.
};

struct Sentence {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// A decoded, normalised bulletin.
struct Bulletin {
  MappedText text;  ///< Normalised text, mapped to the file's bytes.
  std::string title;
  std::optional<Date> published_on;  ///< From the header line, if there is one.
  std::string publisher;             ///< From the header's source, if there is one.
  std::string lang;                  ///< Language of most of the body.
  std::string encoding;              ///< The encoding the file was read in.
  bool html = false;                 ///< Read from an HTML page.
  /// The title line when the text has one (a headline states figures as the body does);
  /// empty (begin == end) otherwise.
  Paragraph title_line;
  std::vector<Paragraph> paragraphs;  ///< Body paragraphs in order, without header lines.
  std::vector<Section> sections;      ///< Language sections, in order; one for most bulletins.
  /// What was read but not used (a header date that is not a date), for the user to see.
  std::vector<std::string> warnings;

  std::vector<Sentence> Sentences(const Paragraph& p) const;
  std::u32string_view Chars(std::size_t begin, std::size_t end) const {
    return std::u32string_view(text.chars).substr(begin, end - begin);
  }
  /// The matching form of chars [begin, end), same length (see Fold). Made on each call,
  /// a paragraph at a time, so that the bulletin holds its text once, not twice.
  std::u32string Folded(std::size_t begin, std::size_t end) const { return Fold(Chars(begin, end)); }
};

/// Decodes and parses a bulletin file's bytes: plain text or a saved HTML page, in any
/// encoding Decode() accepts (`declared_encoding` from a sidecar wins over detection).
/// Throws Error(kInput) if they are not text.
Bulletin ParseBulletin(std::string_view bytes, const std::string& declared_encoding = "");

/// Parses a header date such as `2019-01-24`, `2019/1/24`, `2019年1月24日`, at its
/// precision; nullopt if there is none at the start of `s`, or if it is not a real day of
/// a plausible publication year.
std::optional<Date> ParseHeaderDate(std::string_view s);

/// The text at the start of `s` shaped as a header date (digits, separator, digits,
/// separator, digits), whether or not it is one, so that a header date that is ignored
/// can be reported; empty if there is none.
std::string HeaderDateText(std::string_view s);

/// Years a bulletin can be published in: from 1800 to the year after the current one.
bool IsPlausiblePublicationYear(int year);

}  // namespace annals::text
