// Anchoring: the valid time of what a sentence states, from its own times, its tense and
// the time carried from the sentences before it.
#include <algorithm>

#include "extract/context.h"

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
bool Subordinate(const Knowledge& k, std::u32string_view between) {
  return !k.FindPhrases("subordinator", between).empty();
}

// A founding followed by a clause of what came of it since (`In 1987, the Branch was
// established under which more than 1,000 films were processed`).
bool AccumulatesSince(const Knowledge& k, std::u32string_view between) {
  return !k.FindPhrases("founding_verb", between).empty() &&
         !k.FindPhrases("accumulation", between).empty();
}

}  // namespace

DateRange SentenceContext::TimeAt(std::size_t at) const {
  const TimeExpr* before = nullptr;
  const TimeExpr* after = nullptr;
  for (const auto& t : times) {
    if (t.quoted || (!t.range.from && !t.range.to) || (t.anaphor && !t.range.from)) continue;
    if (t.begin <= at) {
      if (lang == "en" || OpensClause(folded, t.begin) || SameClause(folded, t.end, at)) before = &t;
    } else if (!after && (lang == "en" ? !Subordinate(knowledge, folded.substr(at, t.begin - at))
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
        AccumulatesSince(knowledge, folded.substr(chosen->end, at - chosen->end)))
      return {chosen->range.from, published};
    return chosen->range;
  }
  // A Chinese clause states what holds by its aspect (`我省已与27个国家建立`), in the clause
  // of the figure, not elsewhere in the sentence (`到直辖时共发展友城7对,...我市已与...`).
  bool state = present_perfect;
  if (!state && lang != "en") {
    std::size_t clause = at;
    while (clause > 0 && !IsClauseMark(folded[clause - 1])) --clause;
    std::size_t clause_end = at;
    while (clause_end < folded.size() && !IsClauseMark(folded[clause_end])) ++clause_end;
    state = !knowledge.FindPhrases("state_marker_zh", folded.substr(clause, clause_end - clause)).empty();
  }
  // `项目自2011年启动以来一直没有中断,参加的学生累计已有120多位`: a state of a Chinese sentence
  // that opened with a since accumulated from it.
  if (lang != "en" && state && published)
    for (const auto& t : times)
      if (t.kind == TimeExpr::Kind::kSince && !t.quoted && !t.anaphor && t.end <= at && t.range.from)
        return {t.range.from, published};
  if (carried && governing_founding && published) return {governing.from, published};
  if (governing.from || governing.to) return governing;
  if (state && published) return {published, published};
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

}  // namespace annals::extract
