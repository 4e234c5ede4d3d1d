// Query semantics: which claims answer, and how certainly; which report is the latest; which
// values disagree; which claim a resolution policy chooses.
#include "query/query.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "annals/error.h"
#include "query/conflicts.h"
#include "query/names.h"
#include "query/resolve.h"
#include "text/unicode.h"

namespace annals::query {
namespace {

store::ClaimFilter FilterOf(store::Store& store, const ClaimQuery& q) {
  store::ClaimFilter f;
  if (q.subject) {
    // A place may be asked for by any of its names (长春, Changchun, changchun).
    f.subjects = store.PlacesNamed(text::FoldUtf8(*q.subject));
    f.subjects.push_back(*q.subject);
  }
  f.metric = q.metric;
  f.partner_class = q.partner_class;
  f.kind = q.kind;
  if (q.as_reported_on) f.reported_day = q.as_reported_on->LastDay();
  if (q.valid_from) f.valid_first_day = q.valid_from->FirstDay();
  if (q.valid_to) f.valid_last_day = q.valid_to->LastDay();
  f.known_at = q.as_known_at;
  f.limit = q.limit;
  return f;
}

std::string Describe(const ClaimQuery& q) {
  std::string what = q.subject ? *q.subject : std::string("any subject");
  if (q.metric) what += " " + *q.metric;
  if (q.partner_class) what += " (" + std::string(ToString(*q.partner_class)) + ")";
  return what;
}

}  // namespace

QueryResult Run(store::Store& store, const ClaimQuery& q) {
  if (q.valid_from && q.valid_to && q.valid_from->FirstDay() > q.valid_to->LastDay())
    throw Error(ErrorCode::kUsage, "the valid-time range ends before it starts");
  if (q.partner && q.partner->empty())
    throw Error(ErrorCode::kUsage, "the partner is empty; give a name or leave it out");
  QueryResult result;
  // Filters applied after the rows are read take the limit with them.
  const bool filters_after = q.partner || q.certain_only || q.resolve != Resolution::kAll;
  store::ClaimFilter filter = FilterOf(store, q);
  if (filters_after) filter.limit.reset();
  if (q.subject && q.with_things) filter.subjects = Knowledge(store).SubjectsNamed(*q.subject, true);
  std::vector<std::string> partners;
  if (q.partner) {
    partners = store.PlacesNamed(text::FoldUtf8(*q.partner));
    partners.push_back(*q.partner);
  }
  std::size_t only_possible = 0;
  store.ForEachClaim(filter, [&](const Claim& c) {
    if (q.partner && (c.kind != ClaimKind::kRelation ||
                      std::find(partners.begin(), partners.end(), c.object) == partners.end()))
      return;
    ClaimAnswer a{c, false, {}};
    MarkCertainty(q, a);
    if (q.certain_only && !a.certain) {
      ++only_possible;
      return;
    }
    result.claims.push_back(std::move(a));
  });

  // Latest report per subject and metric: the greatest publication date among the answers.
  std::map<std::pair<std::string, std::string>, std::int64_t> latest_day;
  for (const auto& a : result.claims) {
    if (!a.claim.recorded_from) continue;
    auto& day = latest_day[{a.claim.subject, a.claim.metric}];
    day = std::max(day, a.claim.recorded_from->FirstDay());
  }
  for (auto& a : result.claims) {
    auto it = latest_day.find({a.claim.subject, a.claim.metric});
    a.latest = a.claim.recorded_from && it != latest_day.end() &&
               a.claim.recorded_from->FirstDay() == it->second;
  }
  // Conflicts among the figures of the answer, found by grouping (never pair by pair).
  if (!result.claims.empty()) {
    std::vector<Claim> counts;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < result.claims.size(); ++i)
      if (result.claims[i].claim.kind == ClaimKind::kCount) {
        index[result.claims[i].claim.id] = i;
        counts.push_back(result.claims[i].claim);
      }
    if (!counts.empty()) {
      const Knowledge knowledge(store);
      for (const auto& [x, y] : FindConflicts(counts, knowledge).pairs) {
        result.claims[index[x]].conflicts_with.push_back(y);
        result.claims[index[y]].conflicts_with.push_back(x);
      }
      for (auto& a : result.claims) {
        std::sort(a.conflicts_with.begin(), a.conflicts_with.end());
        a.conflicts_with.erase(std::unique(a.conflicts_with.begin(), a.conflicts_with.end()),
                               a.conflicts_with.end());
      }
    }
  }
  Resolve(q.resolve, result.claims);
  if (q.resolve != Resolution::kAll) {
    // conflicts_with names claims of this answer: not those resolved away.
    std::unordered_map<std::int64_t, bool> kept;
    for (const auto& a : result.claims) kept[a.claim.id] = true;
    for (auto& a : result.claims)
      a.conflicts_with.erase(std::remove_if(a.conflicts_with.begin(), a.conflicts_with.end(),
                                            [&](std::int64_t id) { return !kept.count(id); }),
                             a.conflicts_with.end());
  }
  if (filters_after && q.limit && static_cast<std::int64_t>(result.claims.size()) > *q.limit)
    result.claims.resize(static_cast<std::size_t>(*q.limit));

  if (result.claims.empty() && only_possible > 0) {
    result.explanation = "nothing certainly answers about " + Describe(q) + ": " +
                         std::to_string(only_possible) + " claim" + (only_possible == 1 ? "" : "s") +
                         " only possibly hold at the times asked; without --certain they are "
                         "listed, each with why";
  } else if (result.claims.empty()) {
    if (q.as_reported_on) {
      ClaimQuery later = q;
      later.as_reported_on.reset();
      later.limit.reset();
      auto all = store.SelectClaims(FilterOf(store, later));
      std::optional<Date> earliest;
      std::string earliest_title;
      for (const auto& c : all)
        if (c.recorded_from && (!earliest || c.recorded_from->FirstDay() < earliest->FirstDay()))
          earliest = c.recorded_from, earliest_title = c.document.title;
      if (earliest && earliest->FirstDay() > q.as_reported_on->LastDay()) {
        result.explanation = "nothing on record on " + q.as_reported_on->ToString() + " about " +
                             Describe(q) + ": the earliest report that states it was published on " +
                             earliest->ToString() + " (\"" + earliest_title + "\")";
      } else if (!all.empty()) {
        result.explanation = "nothing on record on " + q.as_reported_on->ToString() + " about " +
                             Describe(q) + ": the reports that state it were withdrawn or " +
                             "revised before that date, or the other filters exclude them";
      } else {
        result.explanation = "no stored claim is about " + Describe(q) +
                             " at all (check the subject and metric with `annals export`)";
      }
    } else {
      result.explanation = "no stored claim matches " + Describe(q) + " and the given times";
    }
  }
  return result;
}

}  // namespace annals::query
