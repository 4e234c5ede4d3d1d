// Finding the claims that cannot all be true. Each rule groups claims by what they state
// (a hash of subject, metric, unit and class; of thing and happening; of subject and
// partner), then looks only inside a group, at the claims with the most extreme values.
#include "query/conflicts.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "annals/error.h"

namespace annals::query {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The values a figure allows. A qualifier without stored bounds allows what it says:
// `about 500` a tenth either side, `nearly 100` up to a fifth below.
struct Bounds {
  double lo = -kInf, hi = kInf;
};

Bounds BoundsOf(const Claim& c) {
  const double v = c.value.value_or(0);
  Bounds b;
  switch (c.qualifier) {
    case Qualifier::kExact: b = {v, v}; break;
    case Qualifier::kMoreThan:
    case Qualifier::kAtLeast: b = {v, kInf}; break;
    case Qualifier::kNearly: b = {v * 0.8, v}; break;
    case Qualifier::kAbout: b = {v * 0.9, v * 1.1}; break;
    case Qualifier::kLessThan:
    case Qualifier::kAtMost: b = {0, v}; break;
  }
  if (c.value_min) b.lo = *c.value_min;
  if (c.value_max) b.hi = *c.value_max;
  return b;
}

// True when a figure of at least `lo` cannot be one of at most `hi`; a relative margin
// absorbs the rounding of `4.6億` against `460 million`.
bool Above(double lo, double hi) {
  if (lo == kInf || hi == -kInf) return true;
  if (lo == -kInf || hi == kInf) return false;
  return lo - hi > 1e-9 * std::max(std::fabs(lo), std::fabs(hi));
}

std::string NumberText(double v) {
  std::ostringstream s;
  if (std::floor(v) == v && std::fabs(v) < 9e15)
    s << static_cast<std::int64_t>(v);
  else
    s << v;
  return s.str();
}

std::string FigureWords(const Claim& c) {
  static const char* kWords[] = {"", "more than ", "at least ", "nearly ", "about ",
                                 "less than ", "at most "};
  return c.value ? kWords[static_cast<int>(c.qualifier)] + NumberText(*c.value) : "";
}

std::string ReportDate(const Claim& c) {
  if (!c.document.published_on) return "undated";
  return c.document.published_on->ToString() + (c.document.published_on_inferred ? "?" : "");
}

std::string ValidWords(const DateRange& r) {
  if (!r.from && !r.to) return "an unknown time";
  if (r.from && r.to && *r.from == *r.to) return r.from->ToString();
  return (r.from ? r.from->ToString() : "…") + ".." + (r.to ? r.to->ToString() : "…");
}

// `in 1988`, `on 1991-02-06`, `in 2011-11..2012-04`.
std::string WhenWords(const DateRange& r) {
  const bool day = r.from && r.to && *r.from == *r.to && r.from->precision == Precision::kDay;
  return (day ? "on " : "in ") + ValidWords(r);
}


bool Chinese(const std::string& lang) { return lang.rfind("zh", 0) == 0; }

std::int64_t FirstDay(const DateRange& r) {
  return r.from ? r.from->FirstDay() : std::numeric_limits<std::int64_t>::min();
}
std::int64_t LastDay(const DateRange& r) {
  return r.to ? r.to->LastDay() : std::numeric_limits<std::int64_t>::max();
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Keeps the best claim by `better` and the best from another report than the best's.
template <typename Better>
void KeepBest(std::size_t i, std::size_t& best, std::size_t& second,
              const std::vector<Claim>& claims, Better better) {
  const auto doc = [&](std::size_t k) -> const std::string& { return claims[k].document.path; };
  if (best == kNone || better(i, best)) {
    if (best != kNone && doc(best) != doc(i)) second = best;
    best = i;
  } else if (doc(i) != doc(best) && (second == kNone || better(i, second))) {
    second = i;
  }
}

// Finds, in linear time, a pair (h, l) of claims from distinct reports with above(h, l),
// if any: only the extremes of the group need be looked at.
template <typename High, typename Low, typename Above>
std::optional<std::pair<std::size_t, std::size_t>> ExtremePair(
    const std::vector<std::size_t>& members, const std::vector<Claim>& claims, High high,
    Low low, Above above) {
  // The highest `high` and the highest from another report; the same for the lowest `low`.
  std::size_t h1 = kNone, h2 = kNone, l1 = kNone, l2 = kNone;
  for (std::size_t i : members) {
    KeepBest(i, h1, h2, claims, [&](std::size_t x, std::size_t y) { return high(x) > high(y); });
    KeepBest(i, l1, l2, claims, [&](std::size_t x, std::size_t y) { return low(x) < low(y); });
  }
  if (h1 == kNone || l1 == kNone) return std::nullopt;
  if (claims[h1].document.path != claims[l1].document.path) {
    if (above(h1, l1)) return std::make_pair(h1, l1);
    return std::nullopt;
  }
  if (l2 != kNone && above(h1, l2)) return std::make_pair(h1, l2);
  if (h2 != kNone && above(h2, l1)) return std::make_pair(h2, l1);
  return std::nullopt;
}

struct Collector {
  const std::vector<Claim>& claims;
  const Knowledge& knowledge;
  FoundConflicts out;

  void Add(ConflictKind kind, const std::string& what, std::vector<std::size_t> members,
           std::string reason) {
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      const auto& x = claims[a];
      const auto& y = claims[b];
      const auto dx = x.recorded_from ? x.recorded_from->FirstDay() : 0;
      const auto dy = y.recorded_from ? y.recorded_from->FirstDay() : 0;
      return dx != dy ? dx < dy : x.id < y.id;
    });
    members.erase(std::unique(members.begin(), members.end()), members.end());
    ConflictGroup g;
    g.kind = kind;
    g.subject = knowledge.Canonical(claims[members.front()].subject);
    g.what = what;
    g.reason = std::move(reason);
    for (std::size_t i : members) g.claims.push_back(claims[i]);
    out.groups.push_back(std::move(g));
  }
  void Pair(std::size_t a, std::size_t b) { out.pairs.emplace_back(claims[a].id, claims[b].id); }
};

std::string FigureWhat(const Claim& c) {
  std::string what = c.metric + " (";
  if (c.partner_class != PartnerClass::kNone) what += std::string(ToString(c.partner_class)) + ", ";
  return what + c.unit + ")";
}

// Counts of one subject, metric, unit and class.
void FigureConflicts(Collector& col, const std::vector<std::size_t>& group) {
  const auto& claims = col.claims;
  std::unordered_map<std::size_t, Bounds> b;
  for (std::size_t i : group) b[i] = BoundsOf(claims[i]);
  const Claim& first = claims[group.front()];
  const std::string what = FigureWhat(first);
  const std::string whose = col.knowledge.Canonical(first.subject) + " " + what;

  // Same valid time, from different reports: the values must meet.
  std::map<std::string, std::vector<std::size_t>> by_time;
  for (std::size_t i : group) {
    const auto& v = claims[i].valid;
    if (!v.from && !v.to) continue;  // when it held is unknown: nothing to set it against
    by_time[ValidWords(v)].push_back(i);
  }
  for (const auto& [when, members] : by_time) {
    auto pair = ExtremePair(
        members, claims, [&](std::size_t i) { return b[i].lo; },
        [&](std::size_t i) { return b[i].hi; },
        [&](std::size_t h, std::size_t l) { return Above(b[h].lo, b[l].hi); });
    if (!pair) continue;
    const auto [h, l] = *pair;
    for (std::size_t i : members) {
      if (i != h && Above(b[h].lo, b[i].hi)) col.Pair(i, h);
      if (i != l && Above(b[i].lo, b[l].hi)) col.Pair(i, l);
    }
    col.Add(ConflictKind::kFigures, what, members,
            "for " + whose + " at " + when + ", the report of " + ReportDate(claims[h]) +
                " gives " + FigureWords(claims[h]) + " and the report of " +
                ReportDate(claims[l]) + " gives " + FigureWords(claims[l]) +
                ": both cannot hold at once");
  }

  // A figure that only grows: a later figure below an earlier one, from another report.
  if (!col.knowledge.Grows(first.metric)) return;
  std::vector<std::size_t> dated;
  for (std::size_t i : group)
    if (claims[i].valid.to) dated.push_back(i);
  // Sweep by the day each figure certainly holds by; keep, of the figures that certainly
  // came earlier, the greatest lower bound from each of two reports.
  std::vector<std::size_t> by_end = dated, by_start = dated;
  std::sort(by_end.begin(), by_end.end(), [&](std::size_t x, std::size_t y) {
    return claims[x].valid.to->LastDay() < claims[y].valid.to->LastDay();
  });
  std::sort(by_start.begin(), by_start.end(), [&](std::size_t x, std::size_t y) {
    return claims[x].valid.to->FirstDay() < claims[y].valid.to->FirstDay();
  });
  std::size_t best = kNone, second = kNone;  // from distinct reports
  std::size_t next = 0;
  std::vector<std::size_t> members;
  std::vector<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t i : by_start) {
    const std::int64_t start = claims[i].valid.to->FirstDay();
    for (; next < by_end.size() && claims[by_end[next]].valid.to->LastDay() < start; ++next)
      KeepBest(by_end[next], best, second, claims,
               [&](std::size_t x, std::size_t y) { return b[x].lo > b[y].lo; });
    std::size_t earlier = best;
    if (earlier != kNone && claims[earlier].document.path == claims[i].document.path)
      earlier = second;
    if (earlier != kNone && Above(b[earlier].lo, b[i].hi)) {
      col.Pair(earlier, i);
      members.push_back(earlier);
      members.push_back(i);
      found.emplace_back(earlier, i);
    }
  }
  if (found.empty()) return;
  std::string reason = whose + " only grows (ties accumulate), yet ";
  for (std::size_t k = 0; k < found.size() && k < 3; ++k) {
    const Claim& e = claims[found[k].first];
    const Claim& l = claims[found[k].second];
    reason += (k ? "; " : "") + std::string("the report of ") + ReportDate(e) + " gives " +
              FigureWords(e) + " by " + e.valid.to->ToString() + " and the report of " +
              ReportDate(l) + " gives " + FigureWords(l) + " by " + l.valid.to->ToString();
  }
  if (found.size() > 3) reason += "; and " + std::to_string(found.size() - 3) + " more";
  col.Add(ConflictKind::kFigures, what, members, reason);
}

// The two language versions of one bulletin: each figure of one version should be in the
// other. A figure of each version that the other lacks, for the same subject, metric,
// unit and class, is a disagreement (one version alone stating a figure is not).
void TranslationConflicts(Collector& col, const std::vector<std::size_t>& group) {
  const auto& claims = col.claims;
  std::map<std::string, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> by_doc;
  for (std::size_t i : group) {
    auto& [en, zh] = by_doc[claims[i].document.path];
    (Chinese(claims[i].lang) ? zh : en).push_back(i);
  }
  for (const auto& [doc, halves] : by_doc) {
    const auto& [en, zh] = halves;
    if (en.empty() || zh.empty()) continue;
    const auto unmatched = [&](const std::vector<std::size_t>& mine,
                               const std::vector<std::size_t>& theirs) {
      std::vector<std::size_t> out;
      for (std::size_t i : mine) {
        const Bounds a = BoundsOf(claims[i]);
        bool met = false;
        for (std::size_t j : theirs) {  // a bulletin's figures of one kind: a handful
          const Bounds o = BoundsOf(claims[j]);
          if (!Above(a.lo, o.hi) && !Above(o.lo, a.hi)) met = true;
        }
        if (!met) out.push_back(i);
      }
      return out;
    };
    const auto only_en = unmatched(en, zh);
    const auto only_zh = unmatched(zh, en);
    if (only_en.empty() || only_zh.empty()) continue;
    std::vector<std::size_t> members = only_en;
    members.insert(members.end(), only_zh.begin(), only_zh.end());
    for (std::size_t i : only_en) col.Pair(i, only_zh.front());
    for (std::size_t i : only_zh) col.Pair(i, only_en.front());
    const auto list = [&](const std::vector<std::size_t>& v) {
      std::string s;
      for (std::size_t i : v) s += (s.empty() ? "" : ", ") + FigureWords(claims[i]);
      return s;
    };
    const Claim& c = claims[group.front()];
    col.Add(ConflictKind::kTranslation, FigureWhat(c), members,
            "the Chinese version of this bulletin gives " + list(only_zh) + " for " +
                col.knowledge.Canonical(c.subject) + " " + FigureWhat(c) +
                ", the English version " + list(only_en) + ", and neither has the other's");
  }
}

// Events of a happening a thing has once, dated apart by different reports.
void EventConflicts(Collector& col, const std::vector<std::size_t>& group,
                    const std::string& happening) {
  const auto& claims = col.claims;
  std::vector<std::size_t> dated;
  for (std::size_t i : group)
    if (claims[i].valid.from || claims[i].valid.to) dated.push_back(i);
  auto pair = ExtremePair(
      dated, claims, [&](std::size_t i) { return FirstDay(claims[i].valid); },
      [&](std::size_t i) { return LastDay(claims[i].valid); },
      [&](std::size_t h, std::size_t l) {
        return FirstDay(claims[h].valid) > LastDay(claims[l].valid);
      });
  if (!pair) return;
  const auto [late, early] = *pair;
  col.Pair(late, early);
  const Claim& a = claims[early];
  const Claim& z = claims[late];
  const std::string thing = col.knowledge.Canonical(a.subject);
  col.Add(ConflictKind::kEventDates, happening, dated,
          thing + " has one " + happening + ", yet the report of " + ReportDate(a) + " says " +
              a.subject + " was " + a.metric + " " + WhenWords(a.valid) +
              " and the report of " + ReportDate(z) + " says " + z.subject + " was " +
              z.metric + " " + WhenWords(z.valid));
}

bool Exclusive(RelationType a, RelationType b) {
  return (a == RelationType::kFriendshipCity && b == RelationType::kFriendlyExchangeCity) ||
         (b == RelationType::kFriendshipCity && a == RelationType::kFriendlyExchangeCity);
}

// Ties of one subject with one partner.
void RelationConflicts(Collector& col, const std::vector<std::size_t>& group) {
  const auto& claims = col.claims;
  const Claim& c = claims[group.front()];
  const std::string what = "tie with " + c.object;
  const std::string whose = col.knowledge.Canonical(c.subject) + "'s tie with " + c.object;
  // Since-dates from different reports that do not meet.
  std::vector<std::size_t> since;
  for (std::size_t i : group)
    if (claims[i].valid.from) since.push_back(i);
  const auto day_first = [&](std::size_t i) { return claims[i].valid.from->FirstDay(); };
  const auto day_last = [&](std::size_t i) { return claims[i].valid.from->LastDay(); };
  if (auto pair = ExtremePair(since, claims, day_first, day_last, [&](std::size_t h, std::size_t l) {
        return day_first(h) > day_last(l);
      })) {
    col.Pair(pair->first, pair->second);
    const Claim& e = claims[pair->second];
    const Claim& l = claims[pair->first];
    col.Add(ConflictKind::kRelations, what, since,
            whose + " began in " + e.valid.from->ToString() + " by the report of " +
                ReportDate(e) + " and in " + l.valid.from->ToString() + " by the report of " +
                ReportDate(l));
  }
  // Kinds that exclude each other, from different reports; or any two kinds from the two
  // language versions of one bulletin, which state one tie.
  std::map<RelationType, std::size_t> first_of_kind;
  std::map<RelationType, std::set<std::string>> reports_of_kind;
  for (std::size_t i : group) {
    first_of_kind.emplace(claims[i].relation, i);
    reports_of_kind[claims[i].relation].insert(claims[i].document.path);
  }
  for (auto x = first_of_kind.begin(); x != first_of_kind.end(); ++x)
    for (auto y = std::next(x); y != first_of_kind.end(); ++y) {
      if (!Exclusive(x->first, y->first)) continue;
      std::vector<std::size_t> members;
      for (std::size_t i : group)
        if (claims[i].relation == x->first || claims[i].relation == y->first) members.push_back(i);
      // Within one report, exclusive kinds are a matter of its two versions (below).
      const auto& rx = reports_of_kind[x->first];
      const auto& ry = reports_of_kind[y->first];
      if (rx.size() == 1 && ry.size() == 1 && *rx.begin() == *ry.begin()) continue;
      col.Pair(x->second, y->second);
      col.Add(ConflictKind::kRelations, what, members,
              whose + " is a " + std::string(ToString(claims[x->second].relation)) +
                  " by the report of " + ReportDate(claims[x->second]) + " and a " +
                  std::string(ToString(claims[y->second].relation)) + " by the report of " +
                  ReportDate(claims[y->second]) + ": a partner is one or the other");
    }
  // The two versions of one bulletin.
  std::map<std::string, std::pair<std::map<RelationType, std::size_t>, std::map<RelationType, std::size_t>>>
      versions;
  for (std::size_t i : group) {
    auto& [en, zh] = versions[claims[i].document.path];
    (Chinese(claims[i].lang) ? zh : en).emplace(claims[i].relation, i);
  }
  for (const auto& [doc, halves] : versions) {
    const auto& [en, zh] = halves;
    if (en.empty() || zh.empty()) continue;
    std::vector<std::size_t> only_en, only_zh;
    for (const auto& [kind, i] : en)
      if (!zh.count(kind)) only_en.push_back(i);
    for (const auto& [kind, i] : zh)
      if (!en.count(kind)) only_zh.push_back(i);
    if (only_en.empty() || only_zh.empty()) continue;
    const Claim& e = claims[only_en.front()];
    const Claim& z = claims[only_zh.front()];
    col.Pair(only_en.front(), only_zh.front());
    std::vector<std::size_t> members = only_en;
    members.insert(members.end(), only_zh.begin(), only_zh.end());
    col.Add(ConflictKind::kTranslation, what, members,
            "the Chinese version of this bulletin calls " + whose + " a " +
                std::string(ToString(z.relation)) + " (" + z.quote + "), the English version a " +
                std::string(ToString(e.relation)) + " (" + e.quote + ")");
  }
}

}  // namespace


FoundConflicts FindConflicts(const std::vector<Claim>& claims, const Knowledge& knowledge) {
  Collector col{claims, knowledge, {}};
  // One pass puts each claim in its group; each group is then looked at once.
  std::unordered_map<std::string, std::vector<std::size_t>> figures, events, relations;
  std::map<std::string, std::string> group_order;  // deterministic order of the groups
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    const std::string& subject = knowledge.Canonical(c.subject);
    switch (c.kind) {
      case ClaimKind::kCount: {
        if (!c.value) break;
        const std::string key = subject + '\x1f' + c.metric + '\x1f' + c.unit + '\x1f' +
                                std::to_string(static_cast<int>(c.partner_class));
        figures[key].push_back(i);
        break;
      }
      case ClaimKind::kEvent: {
        // Only the things of the entity table have happenings that come once.
        const std::string happening = knowledge.OnceHappening(c.metric);
        if (happening.empty() || !knowledge.IsEntity(subject)) break;
        events[subject + '\x1f' + happening].push_back(i);
        break;
      }
      case ClaimKind::kRelation:
        if (c.object.empty()) break;
        relations[subject + '\x1f' + c.object].push_back(i);
        break;
    }
  }
  const auto sorted_keys = [](const auto& m) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : m) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    return keys;
  };
  for (const auto& key : sorted_keys(figures)) {
    FigureConflicts(col, figures[key]);
    TranslationConflicts(col, figures[key]);
  }
  for (const auto& key : sorted_keys(events))
    EventConflicts(col, events[key], key.substr(key.find('\x1f') + 1));
  for (const auto& key : sorted_keys(relations)) RelationConflicts(col, relations[key]);
  std::stable_sort(col.out.groups.begin(), col.out.groups.end(),
                   [](const ConflictGroup& a, const ConflictGroup& b) {
                     return std::tie(a.subject, a.kind) < std::tie(b.subject, b.kind);
                   });
  return col.out;
}

std::vector<Claim> ClaimsOnRecord(store::Store& store, const Knowledge& knowledge,
                                  const std::optional<std::string>& subject, std::int64_t day,
                                  const std::optional<Timestamp>& known_at) {
  store::ClaimFilter f;
  if (subject) f.subjects = knowledge.SubjectsNamed(*subject, true);
  f.reported_day = day;
  f.known_at = known_at;
  return store.SelectClaims(f);
}

ConflictReport Conflicts(store::Store& store, const ConflictQuery& q) {
  if (q.subject && q.subject->empty())
    throw Error(ErrorCode::kUsage, "the subject is empty; give a name or leave it out");
  const Knowledge knowledge(store);
  const Date on = q.as_reported_on ? *q.as_reported_on : *Date::Parse(Now().substr(0, 10));
  const auto claims = ClaimsOnRecord(store, knowledge, q.subject, on.LastDay(), q.as_known_at);
  ConflictReport report;
  report.groups = FindConflicts(claims, knowledge).groups;
  if (report.groups.empty())
    report.explanation = "no conflicts among the " + std::to_string(claims.size()) +
                         " claims on record on " + on.ToString() +
                         (q.subject ? " about " + *q.subject : std::string());
  return report;
}

}  // namespace annals::query
