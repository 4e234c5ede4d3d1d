// Dated events: a time expression with a reporting verb near it.
#include <algorithm>

#include "extract/context.h"
#include "extract/subjects.h"
#include "extract/tokens.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::extract {
namespace {

// An undated sentence of a bulletin that reports on one year: its past-tense events
// happened in that year (`The Friendship City Agreement was signed with Kumasi`).
void ExtractFrameEvents(const SentenceContext& ctx, const std::vector<PhraseMatch>& verbs,
                        const std::vector<PhraseMatch>& intents, std::vector<Draft>& out) {
  if (!ctx.frame_year || ctx.lang != "en") return;
  if (std::any_of(ctx.times.begin(), ctx.times.end(), [](const TimeExpr& t) { return !t.quoted; }))
    return;
  if (!intents.empty()) return;
  const std::vector<Token> tokens = Tokenize(ctx.folded, ctx.original);
  for (const auto& v : verbs) {
    // Only past participles and past forms (`signed`, `elected`), not `visit` or `attend`.
    const std::u32string_view word = ctx.folded.substr(v.begin, v.end - v.begin);
    if (word.size() < 3 || word.substr(word.size() - 2) != U"ed") continue;
    // `has established ties with 54 cities`: the present perfect states what holds now.
    const std::u32string_view lead = ctx.folded.substr(0, v.begin);
    if (lead.ends_with(U"has ") || lead.ends_with(U"have ")) continue;
    if (v.key != "agreement_signed" && v.key != "elected" && v.key != "established" &&
        v.key != "launched" && v.key != "founded")
      continue;
    // The quote runs from the sentence's start to the verb: `The Friendship City
    // Agreement was signed`.
    std::size_t begin = 0;
    while (begin < v.begin && text::IsSpace(ctx.original[begin])) ++begin;
    Draft d = ctx.Make(ClaimKind::kEvent, begin, v.end, "event.en.framed_verb");
    d.metric = v.key;
    d.valid = {Date::Year(*ctx.frame_year), Date::Year(*ctx.frame_year)};
    const TimeExpr none{TimeExpr::Kind::kPoint, 0, 0, {}, false};
    d.subject = v.key == "agreement_signed" ? ctx.city : EventSubject(ctx, FindNames(ctx, tokens), none, v.begin);
    out.push_back(d);
  }
}

// `GUILIN, Aug 22 —`, `呼和浩特11月23日电`: the dateline of a report, when it was filed, not an
// event it reports.
bool IsDateline(const SentenceContext& ctx, const TimeExpr& time) {
  const std::u32string_view s = ctx.folded;
  if (time.end < s.size() && s[time.end] == U'电') return true;
  const std::u32string_view before = ctx.original.substr(0, time.begin);
  const std::u32string_view after = s.substr(time.end, 3);
  if (!(after.starts_with(U" —") || after.starts_with(U" -") || after.starts_with(U" (") ||
        after.starts_with(U"—")))
    return false;
  // Before it only a place written in capitals and a comma.
  std::size_t letters = 0;
  for (char32_t c : before) {
    if (text::IsLetter(c)) {
      if (!text::IsUpper(c)) return false;
      ++letters;
    } else if (c != ',' && c != ' ' && c != '-') {
      return false;
    }
  }
  return letters >= 2;
}

// `截至2023年12月1日`, `By the end of April 2020`: the time at which a state is reported,
// not when something happened.
bool StatesAsOf(std::u32string_view s, const std::vector<PhraseMatch>& as_of, const TimeExpr& time) {
  for (const auto& m : as_of) {
    if (m.begin >= time.begin && m.begin < time.end) return true;  // inside: `by 2020`
    if (m.end > time.begin) break;
    bool adjacent = true;
    for (std::size_t i = m.end; i < time.begin && adjacent; ++i) adjacent = text::IsSpace(s[i]);
    if (adjacent) return true;
  }
  return false;
}

}  // namespace

void ExtractEvents(const SentenceContext& ctx, std::vector<Draft>& out) {
  const bool chinese = ctx.lang != "en";
  const std::size_t window = chinese ? 45 : 150;
  const auto verbs = ctx.knowledge.FindPhrases("event_verb", ctx.folded);
  const auto intents = ctx.knowledge.FindPhrases("intent", ctx.folded);
  const auto as_of = ctx.knowledge.FindPhrases("as_of", ctx.folded);
  const auto repetitions = ctx.knowledge.FindPhrases("repetition", ctx.folded);
  std::vector<Token> tokens;
  if (!chinese) tokens = Tokenize(ctx.folded, ctx.original);
  ExtractFrameEvents(ctx, verbs, intents, out);
  for (const TimeExpr& time : ctx.times) {
    if (time.quoted) continue;
    if (time.kind != TimeExpr::Kind::kPoint && time.kind != TimeExpr::Kind::kRange &&
        time.kind != TimeExpr::Kind::kSince)
      continue;
    if (!time.range.from) continue;
    if (StatesAsOf(ctx.folded, as_of, time) || IsDateline(ctx, time)) continue;
    // `1991年12月10日:这一天,...结为友好城市`: a time that refers to another of its sentence
    // dates the same event, already dated there.
    if (time.anaphor && time.kind == TimeExpr::Kind::kSince) continue;  // `since then`: a period
    if (time.anaphor && std::any_of(ctx.times.begin(), ctx.times.end(), [&](const TimeExpr& o) {
          return o.end <= time.begin && !o.anaphor && !o.quoted && o.range.from;
        }))
      continue;
    // `since 1980, when ... was established` dates an event; `自2011年启动以来` the start of
    // what has gone on since; `自2010年以来连续3次荣获` a repetition, no one event.
    const bool when_clause = ctx.folded.substr(time.end, 6) == U" when " ||
                             ctx.folded.substr(time.end, 7) == U", when ";
    if (time.kind == TimeExpr::Kind::kSince && !when_clause && !repetitions.empty()) continue;
    const PhraseMatch* best = nullptr;
    std::size_t best_distance = window + 1;
    for (const auto& v : verbs) {
      const std::size_t distance = v.begin >= time.end ? v.begin - time.end
                                   : time.begin >= v.end ? time.begin - v.end
                                                         : 0;
      // `It started in 1973 ...; in 2009 localities enjoyed ...`: a semicolon ends the
      // clause a verb reports.
      const std::size_t from = std::min(v.end, time.end), to = std::max(v.begin, time.begin);
      if (from < to && ctx.folded.substr(from, to - from).find_first_of(U";；") != std::u32string_view::npos)
        continue;
      if (distance < best_distance) best = &v, best_distance = distance;
    }
    if (!best) continue;
    const bool intended = std::any_of(intents.begin(), intents.end(), [&](const PhraseMatch& m) {
      return m.end <= best->begin && m.begin + window >= best->begin && m.key == "intent";
    });
    if (intended) continue;
    Draft d = ctx.Make(ClaimKind::kEvent, time.begin, time.end,
                       chinese ? "event.zh.dated_verb" : "event.en.dated_verb");
    d.metric = best->key;
    d.valid = time.kind == TimeExpr::Kind::kSince ? DateRange{time.range.from, time.range.from}
                                                   : time.range;
    d.subject = chinese ? ctx.city : EventSubject(ctx, FindNames(ctx, tokens), time, best->begin);
    out.push_back(d);
  }
}

}  // namespace annals::extract
