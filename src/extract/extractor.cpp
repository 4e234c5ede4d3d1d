// Runs the sentence rules over a bulletin, carrying time and subject context between them.
#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "extract/context.h"
#include "extract/subjects.h"
#include "extract/tokens.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::extract {

namespace {

bool IsClauseMark(char32_t c) { return c == ',' || c == ';' || c == U'。' || c == ':'; }

// Chinese sentences chain clauses with commas: a time governs the clauses after it only
// when it opens its own (`2014年3月,...`), not when it ends one (`始于1982年,到...`).
bool OpensClause(std::u32string_view s, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && !IsClauseMark(s[i - 1])) --i;
  return at - i <= 3;  // a short lead such as 在, 自 or 我市于
}

bool SameClause(std::u32string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < s.size(); ++i)
    if (IsClauseMark(s[i])) return false;
  return true;
}

// A time after a figure belongs to another clause when a subordinate clause starts
// between them (`..., which reflected the achievements made over the past 40 years`).
bool Subordinate(std::u32string_view between) {
  for (std::u32string_view w : {U" which ", U" that ", U" who ", U" where ", U" when ",
                                U" while ", U" thereby ", U";"})
    if (between.find(w) != std::u32string_view::npos) return true;
  return false;
}

// A founding followed by a clause of what came of it since.
bool AccumulatesSince(std::u32string_view between) {
  const bool founded = between.find(U"established") != std::u32string_view::npos ||
                       between.find(U"founded") != std::u32string_view::npos ||
                       between.find(U"set up") != std::u32string_view::npos;
  if (!founded) return false;
  for (std::u32string_view w : {U"under which", U"after which", U"since then", U"since which"})
    if (between.find(w) != std::u32string_view::npos) return true;
  return false;
}

}  // namespace

DateRange SentenceContext::TimeAt(std::size_t at) const {
  const TimeExpr* before = nullptr;
  const TimeExpr* after = nullptr;
  for (const auto& t : times) {
    if (t.quoted || (!t.range.from && !t.range.to) || (t.anaphor && !t.range.from)) continue;
    if (t.begin <= at) {
      if (lang == "en" || OpensClause(folded, t.begin) || SameClause(folded, t.end, at)) before = &t;
    } else if (!after && (lang == "en" ? !Subordinate(folded.substr(at, t.begin - at))
                                        : SameClause(folded, at, t.begin))) {
      after = &t;
    }
  }
  const TimeExpr* chosen = before ? before : after;
  const bool carried = governing_carried && governing.from;
  if (chosen) {
    // `The 1st Symposium was held in 1997 ... Up to now, 19 symposiums have been held`.
    if (chosen->kind == TimeExpr::Kind::kNow && carried && published)
      return {governing.from, published};
    // `从1982年起步,...到现在,...已有13个`: 从 ... 到 bounds what accumulated between the start
    // the sentence gives and the present.
    if (chosen->kind == TimeExpr::Kind::kNow && published && lang != "en")
      for (const auto& t : times)
        if (t.kind == TimeExpr::Kind::kSince && !t.quoted && t.end <= chosen->begin && t.range.from)
          return {t.range.from, published};
    // `In 1987, the Branch was established under which more than 1,000 films were
    // processed`: counted since the founding, up to publication.
    if (chosen == before && chosen->kind == TimeExpr::Kind::kPoint && published &&
        AccumulatesSince(folded.substr(chosen->end, at - chosen->end)))
      return {chosen->range.from, published};
    return chosen->range;
  }
  if (carried && governing_founding && published) return {governing.from, published};
  if (governing.from || governing.to) return governing;
  if (present_perfect && published) return {published, published};
  return governing;
}

bool SentenceContext::InTime(std::size_t begin, std::size_t end) const {
  return std::any_of(times.begin(), times.end(), [&](const TimeExpr& t) {
    return begin < t.end && t.begin < end && t.kind != TimeExpr::Kind::kNow;
  });
}

PartnerClass PartnerClassOf(const std::string& key) {
  if (key == "friendship") return PartnerClass::kFriendship;
  if (key == "friendly_exchange") return PartnerClass::kFriendlyExchange;
  return PartnerClass::kNone;
}

Draft SentenceContext::Make(ClaimKind kind, std::size_t begin, std::size_t end,
                            const char* rule) const {
  Draft d;
  d.kind = kind;
  d.begin = offset + begin;
  d.end = offset + end;
  d.lang = lang;
  d.rule = rule;
  return d;
}

namespace {

// The bulletin's own city: the Chinese city, province or prefecture it names most often
// (a city before a region named as often).
std::string OwnCity(const text::Bulletin& doc, const Knowledge& k) {
  std::map<std::pair<std::string, bool>, int> counts;  // (name, is a region) → mentions
  // Line by line: no name spans a line break.
  const std::u32string_view s(doc.text.chars);
  for (std::size_t begin = 0; begin < s.size();) {
    const std::size_t end = std::min(s.find(U'\n', begin), s.size());
    for (const auto& m : k.FindPlaces(doc.Folded(begin, end)))
      if (m.place->country == "China" && (m.place->kind == "city" || m.place->kind == "region"))
        ++counts[{m.place->name, m.place->kind == "region"}];
    begin = end + 1;
  }
  std::string best;
  int most = 0;
  bool best_region = false;
  for (const auto& [key, n] : counts)
    if (n > most || (n == most && best_region && !key.second))
      best = key.first, most = n, best_region = key.second;
  return best;
}

// A heading: a short line that does not end as a sentence does (`9. Northeast Asian
// Exchange and Cooperation Platform—Northeast Asia Expo`).
bool IsHeading(std::u32string_view line) {
  std::size_t end = line.size();
  while (end > 0 && text::IsSpace(line[end - 1])) --end;
  if (end == 0 || end > 150) return false;
  const char32_t last = line[end - 1];
  return last != '.' && last != U'。' && last != '!' && last != '?' && last != U'”' && last != ')';
}

// How a paragraph is numbered: `一、` and `（五）` number sections, `1. `, `2、`, `(3)`
// number the items of a list.
enum class Numbering { kNone, kSection, kItem };

Numbering NumberingOf(std::u32string_view line) {
  static const std::u32string_view kNumerals = U"一二三四五六七八九十";
  std::size_t i = 0;
  const bool wrapped = !line.empty() && (line[0] == '(' || line[0] == U'（');
  if (wrapped) ++i;
  const std::size_t first = i;
  bool chinese = false;
  for (; i < line.size(); ++i) {
    if (kNumerals.find(line[i]) != std::u32string_view::npos) chinese = true;
    else if (!text::IsDigit(line[i])) break;
  }
  if (i == first || i - first > 3 || i >= line.size()) return Numbering::kNone;
  const char32_t mark = line[i];
  const bool numbered = wrapped ? (mark == ')' || mark == U'）')
                                : (mark == '.' || mark == U'、' || mark == ')' || mark == U'）' ||
                                   mark == U'．');
  if (!numbered) return Numbering::kNone;
  return chinese ? Numbering::kSection : Numbering::kItem;
}

// `has received`, `have been held`, `has three bases`: the sentence states what holds
// at publication.
bool IsPresentPerfect(std::u32string_view folded) {
  const std::vector<Token> t = Tokenize(folded, folded);
  for (std::size_t i = 0; i + 1 < t.size(); ++i)
    if ((t[i].text == U"has" || t[i].text == U"have") && t[i + 1].kind == Token::Kind::kWord)
      return true;
  return false;
}

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

std::optional<int> FrameYear(const text::Bulletin& doc, const Knowledge& k) {
  const std::u32string title = text::Fold(text::FromUtf8(doc.title));
  for (const auto& t : FindTimes(title, k, std::nullopt))
    if (t.kind == TimeExpr::Kind::kPoint && t.range.from &&
        t.range.from->precision == Precision::kYear)
      return t.range.from->year;
  return std::nullopt;
}

}  // namespace

std::optional<Date> LatestDateMentioned(const text::Bulletin& doc, const Knowledge& k) {
  std::optional<Date> latest;
  for (const auto& p : doc.paragraphs) {
    const std::u32string folded = doc.Folded(p.begin, p.end);
    for (const auto& t : FindTimes(folded, k, std::nullopt)) {
      if (t.kind != TimeExpr::Kind::kPoint && t.kind != TimeExpr::Kind::kRange) continue;
      const auto& d = t.range.to ? t.range.to : t.range.from;
      // A plan (`by 2035`) says nothing of when the bulletin was written.
      if (!d || !text::IsPlausiblePublicationYear(d->year)) continue;
      if (!latest || d->LastDay() > latest->LastDay()) latest = d;
    }
  }
  return latest;
}

Extraction Extract(const text::Bulletin& doc, const std::optional<Date>& published,
                   const Knowledge& k) {
  std::vector<Draft> claims;
  Extraction result = Extract(
      doc, published, [&](Draft&& d) { claims.push_back(std::move(d)); }, k);
  result.claims = std::move(claims);
  return result;
}

Extraction Extract(const text::Bulletin& doc, const std::optional<Date>& published,
                   const DraftSink& sink, const Knowledge& k) {
  Extraction result;
  result.city = OwnCity(doc, k);
  result.latest_date_mentioned = LatestDateMentioned(doc, k);
  const std::optional<int> frame = FrameYear(doc, k);
  DateRange frame_range;
  if (frame) frame_range = {Date::Year(*frame), Date::Year(*frame)};
  const std::u32string_view original(doc.text.chars);
  // The organisation or event the text speaks of carries from sentence to sentence in a
  // paragraph, and from a heading into the paragraph under it.
  std::string topic;
  bool after_heading = false;
  PartnerClass list_class = PartnerClass::kNone;
  std::vector<Draft> found;  // the claims of one sentence
  // The last time the text named, which `同年` or `since then` may refer to.
  std::optional<Date> last_time;
  // Ties wait for the whole text: a profile further on may date them.
  std::vector<Draft> ties;
  // The headline first: it states figures as the body does (`兰州已与13个国外城市结为友好
  // 城市`), at the time of publication.
  std::vector<text::Paragraph> paragraphs;
  if (doc.title_line.end > doc.title_line.begin) paragraphs.push_back(doc.title_line);
  paragraphs.insert(paragraphs.end(), doc.paragraphs.begin(), doc.paragraphs.end());
  for (const auto& p : paragraphs) {
    const bool headline = &p == paragraphs.data() && doc.title_line.end > doc.title_line.begin;
    DateRange governing = headline ? DateRange{} : frame_range;
    bool carried = false, founding = false;
    const bool heading = IsHeading(original.substr(p.begin, p.end - p.begin));
    if (heading || !after_heading) topic.clear();
    after_heading = heading;
    const std::u32string paragraph_folded = doc.Folded(p.begin, p.end);
    const std::u32string_view paragraph(paragraph_folded);
    PartnerClass paragraph_class = PartnerClass::kNone;
    for (const auto& m : k.FindPhrases("partner_class", paragraph))
      if (paragraph_class == PartnerClass::kNone) paragraph_class = PartnerClassOf(m.key);
    // A list's heading names the class of its items: an undated heading-like line with a
    // partner phrase (`二、友好关系城市(11个)`); items carry it, anything else ends it.
    const Numbering numbering = NumberingOf(paragraph);
    const bool announces = heading || numbering == Numbering::kItem ||
                           paragraph.back() == ':' || paragraph.back() == U'：';
    const bool list_heading = numbering == Numbering::kSection ||
                              (announces && paragraph_class != PartnerClass::kNone &&
                               FindTimes(paragraph, k, published, frame).empty());
    if (list_heading)
      list_class = paragraph_class;
    else if (numbering != Numbering::kItem)
      list_class = PartnerClass::kNone;
    std::string previous_unit;
    for (const auto& sentence : doc.Sentences(p)) {
      const std::size_t n = sentence.end - sentence.begin;
      SentenceContext ctx{k,
                          std::u32string_view(paragraph_folded).substr(sentence.begin - p.begin, n),
                          original.substr(sentence.begin, n),
                          sentence.begin,
                          p.lang,
                          {},
                          governing,
                          frame,
                          result.city,
                          topic,
                          published};
      ctx.partner_phrases = k.FindPhrases("partner_class", ctx.folded);
      ctx.paragraph_class = paragraph_class;
      ctx.warnings = &result.warnings;
      ctx.list_item = numbering == Numbering::kItem && !list_heading;
      ctx.list_class = list_class;
      ctx.previous_unit = previous_unit;
      ctx.governing_carried = carried;
      ctx.governing_founding = founding;
      ctx.times = FindTimes(ctx.folded, k, published, frame);
      // `2024年9月,... 同年10月,...`: a time that names its year by an earlier one.
      ResolveAnaphors(ctx.times, last_time ? last_time : governing.from);
      for (const auto& t : ctx.times)
        if (!t.quoted && t.range.from && t.kind != TimeExpr::Kind::kNow &&
            t.kind != TimeExpr::Kind::kPastYears && !(t.anaphor && t.kind == TimeExpr::Kind::kSince))
          last_time = t.range.from;
      // A headline says what holds when it is published.
      ctx.present_perfect = headline || (p.lang == "en" && IsPresentPerfect(ctx.folded));
      if (p.lang == "en")
        ExtractEnglishCounts(ctx, found);
      else
        ExtractChineseCounts(ctx, found);
      ExtractEvents(ctx, found);
      ExtractRelations(ctx, found);
      for (Draft& d : found) {
        if (d.kind == ClaimKind::kCount) previous_unit = d.unit;
        if (d.kind == ClaimKind::kRelation) ties.push_back(std::move(d));
        else sink(std::move(d));
      }
      found.clear();
      if (p.lang == "en")
        topic = TopicAfter(ctx, FindNames(ctx, Tokenize(ctx.folded, ctx.original)), topic);
      // A dated sentence frames the ones after it in the paragraph (`The Games were held
      // from January 28 to February 4, 2007. ... 49 athletes ...`).
      std::optional<bool> founds;  // read once, for the first time that frames
      for (const auto& t : ctx.times) {
        if (!t.quoted && t.range.from &&
            (t.kind == TimeExpr::Kind::kPoint || t.kind == TimeExpr::Kind::kRange)) {
          governing = t.range;
          carried = true;
          if (!founds) {
            founds = false;
            for (const auto& v : k.FindPhrases("event_verb", ctx.folded))
              founds = *founds || v.key == "founded" || v.key == "established";
          }
          founding = *founds;
        } else if (!t.quoted && t.kind == TimeExpr::Kind::kNow && published && carried &&
                   governing.from && t.begin > 0) {
          // `1982年起步,当年...;到现在,...已有13个`: the narrative has come to the present,
          // and the sentences after it speak of what holds now.
          governing = {published, published};
          founding = false;
        }
      }
    }
  }
  std::vector<Draft> row_events;
  ExtractTableTies(doc, result.city, published, k, ties, row_events);
  for (Draft& d : row_events) sink(std::move(d));
  DateTiesFromProfiles(doc, published, k, ties);
  DateTiesFromOtherMentions(ties);
  for (Draft& d : ties) sink(std::move(d));
  return result;
}

}  // namespace annals::extract
