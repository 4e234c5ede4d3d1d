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
    if (t.quoted || (!t.range.from && !t.range.to)) continue;
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

// `has received`, `have been held`, `has three bases`: the sentence states what holds
// at publication.
bool IsPresentPerfect(std::u32string_view folded) {
  const std::vector<Token> t = Tokenize(folded, folded);
  for (std::size_t i = 0; i + 1 < t.size(); ++i)
    if ((t[i].text == U"has" || t[i].text == U"have") && t[i + 1].kind == Token::Kind::kWord)
      return true;
  return false;
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
      if (d && (!latest || d->LastDay() > latest->LastDay())) latest = d;
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
  std::vector<Draft> found;  // the claims of one sentence
  for (const auto& p : doc.paragraphs) {
    DateRange governing = frame_range;
    bool carried = false, founding = false;
    const bool heading = IsHeading(original.substr(p.begin, p.end - p.begin));
    if (heading || !after_heading) topic.clear();
    after_heading = heading;
    const std::u32string paragraph_folded = doc.Folded(p.begin, p.end);
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
                          published,
                          paragraph_folded};
      ctx.governing_carried = carried;
      ctx.governing_founding = founding;
      ctx.times = FindTimes(ctx.folded, k, published, frame);
      ctx.present_perfect = p.lang == "en" && IsPresentPerfect(ctx.folded);
      if (p.lang == "en")
        ExtractEnglishCounts(ctx, found);
      else
        ExtractChineseCounts(ctx, found);
      ExtractEvents(ctx, found);
      ExtractRelations(ctx, found);
      for (Draft& d : found) sink(std::move(d));
      found.clear();
      if (p.lang == "en")
        topic = TopicAfter(ctx, FindNames(ctx, Tokenize(ctx.folded, ctx.original)), topic);
      // A dated sentence frames the ones after it in the paragraph (`The Games were held
      // from January 28 to February 4, 2007. ... 49 athletes ...`).
      for (const auto& t : ctx.times) {
        if (!t.quoted && (t.kind == TimeExpr::Kind::kPoint || t.kind == TimeExpr::Kind::kRange)) {
          governing = t.range;
          carried = true;
          founding = false;
          for (const auto& v : k.FindPhrases("event_verb", ctx.folded))
            founding = founding || v.key == "founded" || v.key == "established";
        }
      }
    }
  }
  return result;
}

}  // namespace annals::extract
