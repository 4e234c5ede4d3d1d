// The extractor: the passes over a bulletin in order (see the README's "What the extractor
// reads"): per sentence its time expressions and their anaphors, then the count, event and
// tie rules with the context carried between sentences, then the document passes over ties.
#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "extract/context.h"
#include "extract/document_ties.h"
#include "extract/subjects.h"
#include "extract/tokens.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::extract {


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
      if (paragraph_class == PartnerClass::kNone && !NamesEvent(k, paragraph, m.end))
        paragraph_class = PartnerClassOf(m.key);
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
