// Document passes over ties: what no one sentence says of a tie, read from the whole
// bulletin (tables of partners, profile blocks, other mentions of the same tie).
#include "extract/document_ties.h"

#include <cstdint>
#include <utility>

#include "extract/dates.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::extract {

namespace {

// Cells of a table row written with `|` (`新疆 | 阿尔泰边疆区 | 俄罗斯 | 亚洲 | 1999年8月22日`):
// [begin, end) ranges of `line` without the spaces around them.
std::vector<std::pair<std::size_t, std::size_t>> CellsOf(std::u32string_view line) {
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  for (std::size_t b = 0, i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != '|') continue;
    std::size_t cb = b, ce = i;
    while (cb < ce && text::IsSpace(line[cb])) ++cb;
    while (ce > cb && text::IsSpace(line[ce - 1])) --ce;
    cells.emplace_back(cb, ce);
    b = i + 1;
  }
  return cells;
}

}  // namespace

// A bulletin that profiles its partners one by one gives each a block: a line that names
// the place (`Surrey, Canada`), then lines about it (`Relationship established: July 8,
// 1987`). A tie with no start of its own takes the date the block gives for its start.
void DateTiesFromProfiles(const text::Bulletin& doc, const std::optional<Date>& published,
                          const Knowledge& k, std::vector<Draft>& ties) {
  for (auto& d : ties) {
    if (d.valid.from) continue;
    // The profile may name the place in any of its forms (`Vitoria` for Vitória).
    std::vector<std::u32string> names{text::Fold(text::FromUtf8(d.object))};
    if (const Place* known = k.PlaceNamed(d.object))
      for (const auto& alias : known->aliases) names.push_back(text::Fold(text::FromUtf8(alias)));
    for (const std::u32string& name : names)
    for (std::size_t i = 0; i + 1 < doc.paragraphs.size() && !d.valid.from; ++i) {
      const auto& p = doc.paragraphs[i];
      if (p.end - p.begin > name.size() + 40 || p.end - p.begin < name.size()) continue;
      const std::u32string line = doc.Folded(p.begin, p.end);
      if (line.substr(0, name.size()) != name) continue;
      if (line.size() > name.size() && IsWordChar(line[name.size()])) continue;
      const auto& next = doc.paragraphs[i + 1];
      const std::u32string about = doc.Folded(next.begin, next.end);
      bool begins = false;
      for (const auto& v : k.FindPhrases("event_verb", about))
        begins = begins || v.key == "established" || v.key == "tie_formed" || v.key == "agreement_signed";
      if (!begins) continue;
      for (const auto& t : FindTimes(about, k, published))
        if (t.kind == TimeExpr::Kind::kPoint && t.range.from) {
          d.valid = {t.range.from, std::nullopt};
          break;
        }
    }
  }
}

// A tie the bulletin names more than once began when any mention says it did: `2024年9月,
// 南宁与X市建立友城关系` dates the X of `X市等两对友城已完成备案`. Mentions of one language only:
// the halves of a bilingual bulletin may disagree.
void DateTiesFromOtherMentions(std::vector<Draft>& ties) {
  for (auto& d : ties) {
    if (d.valid.from) continue;
    for (const auto& other : ties)
      if (other.valid.from && other.object == d.object && other.subject == d.subject &&
          other.relation == d.relation && other.lang == d.lang) {
        d.valid = {other.valid.from, std::nullopt};
        break;
      }
  }
}

// A table of partners: a header row with a column for the partner (`友好管辖区`, `Sister
// city`), one for its country and one for the date the tie began; each row below is a tie,
// and its date the event of the tie's forming.
void ExtractTableTies(const text::Bulletin& doc, const std::string& city, const std::optional<Date>& published,
                      const Knowledge& k, std::vector<Draft>& ties, std::vector<Draft>& events) {
  constexpr std::size_t kNone = SIZE_MAX;
  std::size_t partner = kNone, country = kNone, date = kNone;  // columns, once a header is read
  for (const auto& p : doc.paragraphs) {
    const std::u32string line = doc.Folded(p.begin, p.end);
    const auto cells = CellsOf(line);
    if (cells.size() < 3) {
      partner = kNone;
      continue;
    }
    const auto cell = [&](std::size_t c) {
      return std::u32string_view(line).substr(cells[c].first, cells[c].second - cells[c].first);
    };
    if (partner == kNone) {
      country = date = kNone;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::u32string_view h = cell(c);
        if (k.PhraseAt("table_partner", h, 0) && partner == kNone) partner = c;
        else if (k.PhraseAt("table_country", h, 0)) country = c;
        else if (k.PhraseAt("table_tie_date", h, 0)) date = c;
      }
      if (country == kNone) partner = kNone;
      continue;
    }
    if (partner >= cells.size() || cell(partner).empty()) continue;
    const std::string name = text::ToUtf8(doc.Chars(p.begin + cells[partner].first,
                                                     p.begin + cells[partner].second));
    const Place* known = k.PlaceNamed(name);
    const Place* nation = country < cells.size() ? k.PlaceNamed(text::ToUtf8(cell(country))) : nullptr;
    if (!nation || nation->kind != "country" || nation->name == "China") continue;
    Draft d;
    d.kind = ClaimKind::kRelation;
    d.begin = p.begin + cells[partner].first;
    d.end = p.begin + cells[partner].second;
    d.lang = p.lang;
    d.rule = "relation.table_row";
    d.subject = city;
    d.object = known ? known->name : name;
    d.object_country = nation->name;
    d.relation = RelationType::kFriendshipCity;
    d.metric = std::string(ToString(d.relation));
    if (date < cells.size())
      for (const auto& t : FindTimes(cell(date), k, published))
        if (t.kind == TimeExpr::Kind::kPoint && t.range.from) {
          d.valid = {t.range.from, std::nullopt};
          // The date of the row is an event of its own: the tie was formed then.
          Draft formed;
          formed.kind = ClaimKind::kEvent;
          formed.begin = p.begin + cells[date].first + t.begin;
          formed.end = p.begin + cells[date].first + t.end;
          formed.lang = p.lang;
          formed.rule = "event.table_row";
          formed.subject = city;
          formed.metric = "tie_formed";
          formed.valid = t.range;
          events.push_back(std::move(formed));
          break;
        }
    ties.push_back(std::move(d));
  }
}

}  // namespace annals::extract
