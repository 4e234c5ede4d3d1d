// Certain and possible answers over imprecise times, and the resolution policies.
#include "query/resolve.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>

namespace annals::query {
namespace {

constexpr std::int64_t kOpen = std::numeric_limits<std::int64_t>::max();

std::string PrecisionWords(const Date& d) {
  return d.precision == Precision::kYear ? "a year's" : d.precision == Precision::kMonth ? "a month's" : "a day's";
}

std::string RangeWords(const DateRange& r) {
  if (!r.from && !r.to) return "an unknown time";
  if (r.from && r.to && *r.from == *r.to) return r.from->ToString();
  return (r.from ? r.from->ToString() : "…") + ".." + (r.to ? r.to->ToString() : "…");
}

// Days the valid time spans, at its precision; unknown ends span without bound.
std::int64_t ValidWidth(const Claim& c) {
  if (!c.valid.from || !c.valid.to) return kOpen;
  return c.valid.to->LastDay() - c.valid.from->FirstDay() + 1;
}

// How wide the figure is: 0 for an exact one; a bounded qualifier its spread; an open one
// without bound.
double FigureWidth(const Claim& c) {
  if (c.kind != ClaimKind::kCount || !c.value) return 0;
  if (c.qualifier == Qualifier::kExact) return 0;
  if (c.value_min && c.value_max) return *c.value_max - *c.value_min;
  return std::numeric_limits<double>::infinity();
}

std::int64_t ReportDay(const Claim& c) {
  return c.recorded_from ? c.recorded_from->FirstDay() : std::numeric_limits<std::int64_t>::min();
}

std::string ReportWords(const Claim& c) {
  return c.recorded_from ? c.recorded_from->ToString() + (c.document.published_on_inferred ? "?" : "")
                         : "an undated report";
}

std::string KeyOf(const Claim& c) {
  std::string key = std::to_string(static_cast<int>(c.kind)) + '\x1f' + c.subject + '\x1f';
  switch (c.kind) {
    case ClaimKind::kCount:
      return key + c.metric + '\x1f' + c.unit + '\x1f' + std::to_string(static_cast<int>(c.partner_class));
    case ClaimKind::kEvent: return key + c.metric;
    case ClaimKind::kRelation: return key + c.object;
  }
  return key;
}

std::string WidthWords(std::int64_t days) {
  if (days == kOpen) return "no known bounds";
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

}  // namespace

void MarkCertainty(const ClaimQuery& q, ClaimAnswer& a) {
  const Claim& c = a.claim;
  std::vector<std::string> why;
  if (q.valid_from || q.valid_to) {
    const std::int64_t w1 = q.valid_from ? q.valid_from->FirstDay() : std::numeric_limits<std::int64_t>::min();
    const std::int64_t w2 = q.valid_to ? q.valid_to->LastDay() : kOpen;
    const std::string window =
        q.valid_from && q.valid_to && *q.valid_from == *q.valid_to
            ? q.valid_from->ToString()
            : (q.valid_from ? q.valid_from->ToString() : "…") + ".." +
                  (q.valid_to ? q.valid_to->ToString() : "…");
    // The fact held over some [start, end] with start within the first date and end within
    // the last: it certainly touches the window only if even the latest start and the
    // earliest end leave it there.
    if (!c.valid.from || !c.valid.to) {
      why.push_back("when it held is open at " + std::string(!c.valid.from ? "its start" : "its end"));
    } else if (c.valid.to->FirstDay() < w1 || c.valid.from->LastDay() > w2) {
      const Date& vague = c.valid.to->FirstDay() < w1 ? *c.valid.to : *c.valid.from;
      why.push_back("valid " + RangeWords(c.valid) + ", at " + PrecisionWords(vague) +
                    " precision: perhaps not within " + window);
    }
  }
  if (q.as_reported_on) {
    const std::int64_t day = q.as_reported_on->LastDay();
    if (c.document.published_on_inferred)
      why.push_back("its bulletin has no date line; published on or after " +
                    (c.recorded_from ? c.recorded_from->ToString() : std::string("an unknown date")) +
                    " (the latest date it mentions), perhaps after " +
                    q.as_reported_on->ToString());
    else if (c.recorded_from && c.recorded_from->LastDay() > day)
      why.push_back("published in " + c.recorded_from->ToString() + ", at " +
                    PrecisionWords(*c.recorded_from) + " precision: perhaps after " +
                    q.as_reported_on->ToString());
  }
  a.certain = why.empty();
  a.uncertainty.clear();
  for (const auto& w : why) a.uncertainty += (a.uncertainty.empty() ? "" : "; ") + w;
}

void Resolve(Resolution policy, std::vector<ClaimAnswer>& answers) {
  if (policy == Resolution::kAll) return;
  // One pass to group, one to choose in each group.
  std::map<std::string, std::vector<std::size_t>> groups;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    auto [it, added] = groups.try_emplace(KeyOf(answers[i].claim));
    if (added) order.push_back(it->first);
    it->second.push_back(i);
  }
  const auto specific = [&](std::size_t x, std::size_t y) {  // true if x is more specific
    const Claim& a = answers[x].claim;
    const Claim& b = answers[y].claim;
    if (ValidWidth(a) != ValidWidth(b)) return ValidWidth(a) < ValidWidth(b);
    if (FigureWidth(a) != FigureWidth(b)) return FigureWidth(a) < FigureWidth(b);
    if (ReportDay(a) != ReportDay(b)) return ReportDay(a) > ReportDay(b);
    return a.id < b.id;
  };
  const auto newer = [&](std::size_t x, std::size_t y) {
    const Claim& a = answers[x].claim;
    const Claim& b = answers[y].claim;
    if (ReportDay(a) != ReportDay(b)) return ReportDay(a) > ReportDay(b);
    return specific(x, y);
  };
  std::vector<ClaimAnswer> kept;
  for (const auto& key : order) {
    std::vector<std::size_t> members = groups[key];
    std::sort(members.begin(), members.end(),
              [&](std::size_t x, std::size_t y) { return policy == Resolution::kLatestReport ? newer(x, y) : specific(x, y); });
    ClaimAnswer winner = answers[members.front()];
    const Claim& w = winner.claim;
    std::string why;
    if (members.size() == 1) {
      why = "the only claim that states it";
    } else if (policy == Resolution::kLatestReport) {
      const Claim& next = answers[members[1]].claim;
      if (ReportDay(next) < ReportDay(w)) {
        why = "the newest report: " + ReportWords(w) + ", against " + ReportWords(next);
        if (members.size() > 2) why += " and " + std::to_string(members.size() - 2) + " more";
      } else {
        why = "the newest report (" + ReportWords(w) + ") states it " +
              std::to_string(std::count_if(members.begin(), members.end(), [&](std::size_t i) {
                return ReportDay(answers[i].claim) == ReportDay(w);
              })) +
              " times; this one has the narrowest valid time (" + RangeWords(w.valid) + ")";
      }
    } else {
      const Claim& next = answers[members[1]].claim;
      if (ValidWidth(w) < ValidWidth(next)) {
        why = "the narrowest valid time: " + RangeWords(w.valid) + " (" + WidthWords(ValidWidth(w)) +
              "), against " + RangeWords(next.valid) + " (" + WidthWords(ValidWidth(next)) + ")";
      } else if (FigureWidth(w) < FigureWidth(next)) {
        why = "as narrow in time as the next (" + RangeWords(w.valid) +
              ") and the more precise figure: " +
              std::string(w.qualifier == Qualifier::kExact ? "exact" : ToString(w.qualifier)) +
              " against " + std::string(ToString(next.qualifier));
      } else {
        why = "as specific as the next (" + RangeWords(w.valid) + "), and from the newer report (" +
              ReportWords(w) + ")";
      }
    }
    winner.resolution = why;
    for (std::size_t k = 1; k < members.size(); ++k) winner.won_over.push_back(answers[members[k]].claim.id);
    kept.push_back(std::move(winner));
  }
  answers = std::move(kept);
}

}  // namespace annals::query
