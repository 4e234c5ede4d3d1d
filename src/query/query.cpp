// Query semantics: which claims answer, which report is the latest, which values disagree.
#include "query/query.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "annals/error.h"
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

bool ClassesComparable(PartnerClass a, PartnerClass b) {
  return a == b || a == PartnerClass::kAny || b == PartnerClass::kAny;
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
  QueryResult result;
  for (auto& c : store.SelectClaims(FilterOf(store, q))) result.claims.push_back({std::move(c), false, {}});

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
  // Conflicts: counts of the same subject, metric, unit and comparable class, from
  // different documents, with different values.
  for (auto& a : result.claims) {
    if (a.claim.kind != ClaimKind::kCount) continue;
    for (const auto& b : result.claims) {
      if (&a == &b || b.claim.kind != ClaimKind::kCount) continue;
      if (a.claim.subject != b.claim.subject || a.claim.metric != b.claim.metric ||
          a.claim.unit != b.claim.unit || a.claim.document.path == b.claim.document.path ||
          !ClassesComparable(a.claim.partner_class, b.claim.partner_class) ||
          a.claim.value == b.claim.value)
        continue;
      a.conflicts_with.push_back(b.claim.id);
    }
  }

  if (result.claims.empty()) {
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
