// Normalisation steps of the text layer; each keeps MappedText::origin aligned. Each step
// rewrites the text in place, so that normalising holds one copy of the text, not one a step.
#include "text/normalize.h"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

#include "text/unicode.h"

namespace annals::text {
namespace {

// Rewrites a text in place. Characters are read in order and each is written as itself,
// as others or not at all; what is written goes over characters already read, so one
// buffer serves both (what runs ahead of the reading, after an expansion, waits aside).
// Looking ahead at characters not yet read is safe; looking behind must go through
// LastWritten() or remember what was read.
class Rewriter {
 public:
  // The text's origins are read once, in order, and given back as they are read.
  explicit Rewriter(MappedText& text) : text_(text), read_(std::move(text.origin)) {}
  Rewriter(const Rewriter&) = delete;
  Rewriter& operator=(const Rewriter&) = delete;

  const std::u32string& chars() const { return text_.chars; }
  // Writes `c` with the bytes of character `i`, the one being read. REQUIRES: `i` does not
  // decrease from call to call.
  void Put(char32_t c, std::size_t i) { Write(c, read_.Take(i), i); }
  void Keep(std::size_t i) { Put(text_.chars[i], i); }
  // Writes `c` with no bytes, where those of character `i` begin. Same REQUIRES as Put.
  void Insert(char32_t c, std::size_t i) {
    const std::int64_t at = read_.Take(i).start;
    Write(c, {at, at}, i);
  }
  // The last character written, or 0 before the first.
  char32_t LastWritten() const {
    if (!waiting_.empty()) return waiting_.back();
    return written_ == 0 ? 0 : text_.chars[written_ - 1];
  }
  // The last `n` characters written. REQUIRES: nothing waits and n <= what was written.
  std::u32string_view LastWritten(std::size_t n) const {
    return std::u32string_view(text_.chars).substr(written_ - n, n);
  }
  void Finish() {
    text_.chars.resize(written_);
    text_.chars.reserve(written_ + waiting_.size());  // exactly: appending would double it
    text_.chars.append(waiting_.begin(), waiting_.end());
    text_.origin = std::move(origin_);
  }

 private:
  // What is written goes over characters already read (up to `i`); the rest waits.
  void Write(char32_t c, ByteRange from, std::size_t i) {
    origin_.push_back(from);
    while (!waiting_.empty() && written_ <= i) {
      text_.chars[written_++] = waiting_.front();
      waiting_.pop_front();
    }
    if (waiting_.empty() && written_ <= i)
      text_.chars[written_++] = c;
    else
      waiting_.push_back(c);
  }

  MappedText& text_;
  Origins read_;
  Origins origin_;
  std::size_t written_ = 0;
  std::deque<char32_t> waiting_;
};

bool IsAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }

// A letter of a pinyin syllable: ASCII lower case or a Latin vowel with a tone mark.
bool IsPinyinLetter(char32_t c) {
  if (IsAsciiLower(c)) return true;
  static const std::u32string kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
  return kToned.find(c) != std::u32string::npos;
}

// Length of a pinyin annotation `(guó)` starting at `i`, or 0.
std::size_t PinyinAnnotationAt(const std::u32string& s, std::size_t i) {
  if (s[i] != '(') return 0;
  std::size_t j = i + 1;
  while (j < s.size() && j - i <= 7 && IsPinyinLetter(s[j])) ++j;
  if (j == i + 1 || j >= s.size() || s[j] != ')') return 0;
  return j - i + 1;
}

void Nfkc(MappedText& text) {
  Rewriter out(text);
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = out.chars()[i];
    // CRLF is one line break, and so is a lone CR (as old Mac files end their lines): a CR
    // never simply vanishes, which would join the words on either side of it. The text
    // after `i` is not yet rewritten.
    if (c == '\r') {
      if (i + 1 == n || out.chars()[i + 1] != '\n') out.Put('\n', i);
      continue;
    }
    for (char32_t d : NfkcOf(c)) out.Put(d, i);
  }
  out.Finish();
}

void DropPinyin(MappedText& text) {
  Rewriter out(text);
  const std::size_t n = text.size();
  char32_t previous = 0;  // the character read before `i`
  for (std::size_t i = 0; i < n;) {
    if (i > 0 && IsHan(previous)) {
      if (const std::size_t length = PinyinAnnotationAt(out.chars(), i)) {
        previous = out.chars()[i + length - 1];
        i += length;
        continue;
      }
    }
    previous = out.chars()[i];
    out.Keep(i);
    ++i;
  }
  out.Finish();
}

// The few English words that do end in `fi`: written without a hyphen, they are words.
bool IsWordEndingInFi(std::u32string_view w) {
  std::u32string lower;
  for (char32_t c : w) lower.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (std::u32string_view word : {U"wifi", U"hifi", U"scifi", U"lofi"})
    if (lower == word) return true;
  return false;
}

// PDF extraction splits words after an `fi`/`fl` ligature: `signifi cant`, `fi rst`,
// `Sheffi eld`. English words do not end in `fi` or `fl`, so a space after such a letter
// run, before a lower-case letter, is a broken ligature. A hyphen before the run marks a
// compound such as `Wi-Fi`, which is left alone.
void RepairLigatures(MappedText& text) {
  Rewriter out(text);
  const std::size_t n = text.size();
  // The letter run read last: where it starts and what comes before it. Only spaces are
  // dropped, so the run is also the last characters written.
  std::size_t run_start = 0;
  char32_t before_run = 0, before_last = 0, last = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = out.chars()[i];
    if (c == ' ' && i >= 2 && i + 1 < n && IsAsciiLower(out.chars()[i + 1]) &&
        before_last == 'f' && (last == 'i' || last == 'l')) {
      const bool compound = run_start > 0 && before_run == '-';
      if (!compound && !IsWordEndingInFi(out.LastWritten(i - run_start))) {  // drop the space
        before_last = last, last = c;
        continue;
      }
    }
    if (IsLetter(c) && !IsLetter(last)) run_start = i, before_run = last;
    before_last = last, last = c;
    out.Keep(i);
  }
  out.Finish();
}

// Runs of spaces and tabs become one space, so that phrases match however the page was
// laid out; line breaks stay, they separate paragraphs.
void FoldSpaces(MappedText& text) {
  Rewriter out(text);
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = out.chars()[i] == '\t' ? U' ' : out.chars()[i];
    if (c == ' ' && out.LastWritten() == ' ') continue;
    out.Put(c, i);
  }
  out.Finish();
}

// A line too long to read at once (a page's text run together, no paragraph ends) becomes
// lines of at most kMaxLineChars, each ended where a sentence begins, or failing one (a run
// that SentenceBounds could not cut) after kMaxLineChars characters.
void BreakLongLines(MappedText& text) {
  const std::u32string_view s(text.chars);
  std::vector<std::size_t> breaks;  // the characters a line break goes before
  for (std::size_t begin = 0; begin < s.size();) {
    const std::size_t end = std::min(s.find(U'\n', begin), s.size());
    for (std::size_t b = begin; end - b > kMaxLineChars;) {
      const auto sentences = SentenceBounds(s.substr(b, kMaxLineChars));
      std::size_t cut = b + (sentences.size() > 1 ? sentences.back().first : 0);
      if (cut == b) cut = b + kMaxLineChars;
      breaks.push_back(cut);
      b = cut;
    }
    begin = end + 1;
  }
  if (breaks.empty()) return;
  Rewriter out(text);
  const std::size_t n = text.size();
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = out.chars()[i];  // read before the break is written over it
    if (next < breaks.size() && breaks[next] == i) {
      out.Insert('\n', i);
      ++next;
    }
    out.Put(c, i);
  }
  out.Finish();
}

}  // namespace

MappedText Normalize(MappedText text) {
  Nfkc(text);
  DropPinyin(text);
  FoldSpaces(text);
  RepairLigatures(text);
  BreakLongLines(text);
  return text;
}

}  // namespace annals::text
