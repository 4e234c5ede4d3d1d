// Loading and searching the extractor's knowledge files.
#include "extract/knowledge.h"

#include <algorithm>

#include "annals/error.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace annals::extract {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos
                                                                    : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::vector<std::vector<std::string>> Rows(std::string_view tsv) {
  std::vector<std::vector<std::string>> rows;
  for (std::string line : Split(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(Split(line, '\t'));
  }
  return rows;
}

std::u32string FoldUtf8(std::string_view s) { return text::Fold(text::FromUtf8(s)); }

bool IsLatinPhrase(std::u32string_view s) { return !s.empty() && s.front() < 0x3000; }

// A phrase stands alone when the characters around it are not of its own class: a
// letter next to a letter or a digit next to a digit joins words, while `RMB640` is two.
bool SameClass(char32_t a, char32_t b) {
  return (text::IsLetter(a) && text::IsLetter(b)) || (text::IsDigit(a) && text::IsDigit(b));
}

bool BoundedAt(std::u32string_view text, std::size_t begin, std::size_t end) {
  return (begin == 0 || !SameClass(text[begin - 1], text[begin])) &&
         (end >= text.size() || !SameClass(text[end - 1], text[end]));
}

int KindRank(const std::string& kind) { return kind == "city" ? 0 : kind == "region" ? 1 : 2; }

}  // namespace

bool IsWordChar(char32_t c) { return text::IsLetter(c) || text::IsDigit(c); }

const Knowledge& Knowledge::Embedded() {
  static const Knowledge knowledge = [] {
    // The places abroad, then China's own.
    std::string_view vocabulary, abroad, china;
    for (const auto& [name, contents] : data::EmbeddedFiles()) {
      if (name == "vocabulary.tsv") vocabulary = contents;
      if (name == "places.tsv") abroad = contents;
      if (name == "places_china.tsv") china = contents;
    }
    return Knowledge(vocabulary, {abroad, china});
  }();
  return knowledge;
}

Knowledge::Knowledge(std::string_view vocabulary_tsv,
                     const std::vector<std::string_view>& places_tsvs) {
  for (const auto& row : Rows(vocabulary_tsv)) {
    if (row.size() < 2) continue;
    Entry entry{row[1], FoldUtf8(row[1]), {}};
    if (row.size() > 2 && !row[2].empty())
      for (const auto& v : Split(row[2], '|')) entry.values.push_back(FoldUtf8(v));
    sections_[row[0]].push_back(std::move(entry));
  }
  for (const auto& [section, entries] : sections_)
    for (const auto& e : entries)
      for (const auto& v : e.values) {
        if (v.empty()) continue;
        phrases_by_first_[section][v[0]].push_back({&v, &e.key});
        key_of_value_[section].emplace(v, &e.key);
      }
  for (std::string_view places_tsv : places_tsvs) {
    bool header = true;
    for (const auto& row : Rows(places_tsv)) {
      if (header) {  // kind name country zh_hans zh_hant variants
        header = false;
        continue;
      }
      if (row.size() < 3) continue;
      Place p{row[1], row[0], row[2], {}};
      for (std::size_t i = 3; i < row.size(); ++i)
        for (const auto& v : Split(row[i], '|'))
          if (!v.empty()) p.aliases.push_back(v);
      places_.push_back(std::move(p));
    }
  }
  for (const auto& c : text::Countries()) {
    Place p{c.english, "country", c.english, {c.simplified, c.traditional}};
    places_.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < places_.size(); ++i) {
    std::vector<std::string> names = places_[i].aliases;
    names.push_back(places_[i].name);
    for (const auto& n : names) {
      const std::u32string folded = FoldUtf8(n);
      if (folded.size() < 2) continue;
      names_by_first_[folded[0]].emplace_back(folded, i);
    }
  }
  for (auto& [first, list] : names_by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](const auto& a, const auto& b) {
      if (a.first.size() != b.first.size()) return a.first.size() > b.first.size();
      return KindRank(places_[a.second].kind) < KindRank(places_[b.second].kind);
    });
  }
}

std::optional<std::string> Knowledge::KeyOf(std::string_view section,
                                            std::u32string_view folded_word) const {
  auto it = key_of_value_.find(section);
  if (it == key_of_value_.end()) return std::nullopt;
  auto found = it->second.find(std::u32string(folded_word));
  if (found == it->second.end()) return std::nullopt;
  return *found->second;
}

std::optional<double> Knowledge::Number(std::string_view section,
                                        std::u32string_view folded_key) const {
  auto it = sections_.find(section);
  if (it == sections_.end()) return std::nullopt;
  for (const auto& e : it->second)
    if (e.folded_key == folded_key && !e.values.empty())
      return std::stod(text::ToUtf8(e.values[0]));
  return std::nullopt;
}

std::optional<PhraseMatch> Knowledge::PhraseAt(std::string_view section,
                                               std::u32string_view folded,
                                               std::size_t at) const {
  if (at >= folded.size()) return std::nullopt;
  auto it = phrases_by_first_.find(section);
  if (it == phrases_by_first_.end()) return std::nullopt;
  auto bucket = it->second.find(folded[at]);
  if (bucket == it->second.end()) return std::nullopt;
  std::optional<PhraseMatch> best;
  for (const auto& [value, key] : bucket->second) {
    const std::u32string& v = *value;
    if (at + v.size() > folded.size()) continue;
    if (best && v.size() <= best->end - best->begin) continue;
    if (folded.compare(at, v.size(), v) != 0) continue;
    if (IsLatinPhrase(v) && IsWordChar(v.front()) && !BoundedAt(folded, at, at + v.size()))
      continue;
    best = PhraseMatch{at, at + v.size(), *key};
  }
  return best;
}

std::vector<PhraseMatch> Knowledge::FindPhrases(std::string_view section,
                                                std::u32string_view folded) const {
  std::vector<PhraseMatch> out;
  for (std::size_t i = 0; i < folded.size();) {
    if (auto m = PhraseAt(section, folded, i)) {
      out.push_back(*m);
      i = m->end;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<PlaceMatch> Knowledge::FindPlaces(std::u32string_view folded) const {
  std::vector<PlaceMatch> out;
  for (std::size_t i = 0; i < folded.size();) {
    const PlaceMatch* found = nullptr;
    PlaceMatch m;
    auto it = names_by_first_.find(folded[i]);
    if (it != names_by_first_.end() && (i == 0 || !IsWordChar(folded[i - 1]) ||
                                        !IsLatinPhrase(std::u32string_view(&folded[i], 1)))) {
      for (const auto& [name, index] : it->second) {
        if (folded.compare(i, name.size(), name) != 0) continue;
        if (IsLatinPhrase(name) && !BoundedAt(folded, i, i + name.size())) continue;
        m = PlaceMatch{i, i + name.size(), &places_[index]};
        found = &m;
        break;
      }
    }
    if (found) {
      out.push_back(m);
      i = m.end;
    } else {
      ++i;
    }
  }
  return out;
}

const Place* Knowledge::PlaceNamed(std::string_view name) const {
  const std::u32string folded = FoldUtf8(name);
  auto it = names_by_first_.find(folded.empty() ? 0 : folded[0]);
  if (it == names_by_first_.end()) return nullptr;
  for (const auto& [n, index] : it->second)
    if (n == folded) return &places_[index];
  return nullptr;
}

}  // namespace annals::extract
