// History, diff and catalog: each reads the claims it needs once, then groups them.
#include "query/analyst.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "annals/error.h"
#include "query/conflicts.h"
#include "query/names.h"

namespace annals::query {
namespace {

std::string D(const std::optional<Date>& d) { return d ? d->ToString() : "-"; }

// What a claim states, without its record and system times: two rows with the same key
// are the same statement.
std::string StatementKey(const Claim& c) {
  std::string k = c.document.path + '\x1f' + std::to_string(static_cast<int>(c.kind)) + '\x1f' +
                  c.subject + '\x1f' + c.metric + '\x1f' + c.unit + '\x1f' +
                  std::to_string(static_cast<int>(c.partner_class)) + '\x1f' + c.object + '\x1f' +
                  std::to_string(static_cast<int>(c.relation));
  return k;
}

std::string ContentKey(const Claim& c) {
  return StatementKey(c) + '\x1f' + (c.value ? std::to_string(*c.value) : "") + '\x1f' +
         std::to_string(static_cast<int>(c.qualifier)) + '\x1f' + D(c.valid.from) + '\x1f' +
         D(c.valid.to) + '\x1f' + c.lang + '\x1f' + std::to_string(c.span.start);
}

std::string GroupKey(const ConflictGroup& g) {
  return std::to_string(static_cast<int>(g.kind)) + '\x1f' + g.subject + '\x1f' + g.what;
}

}  // namespace

HistoryResult History(store::Store& store, const HistoryQuery& q) {
  if (q.subject.empty()) throw Error(ErrorCode::kUsage, "the subject is empty; give a name");
  if (q.metric.empty()) throw Error(ErrorCode::kUsage, "the metric is empty; give one");
  const Knowledge knowledge(store);
  store::ClaimFilter f;
  f.subjects = knowledge.SubjectsNamed(q.subject, false);
  f.metric = q.metric;
  f.partner_class = q.partner_class;
  f.known_at = q.as_known_at;
  HistoryResult result;
  // Each later version's claims by (bulletin, publication, unit, class), to tell a revised
  // report from a withdrawn one.
  std::unordered_map<std::string, std::vector<std::int64_t>> by_version;
  store.ForEachClaim(f, [&](const Claim& c) {
    result.entries.push_back({c, RecordState::kOnRecord, {}});
    by_version[c.document.path + '\x1f' + D(c.recorded_from) + '\x1f' + c.unit + '\x1f' +
               std::to_string(static_cast<int>(c.partner_class))]
        .push_back(c.id);
  });
  for (auto& e : result.entries) {
    if (!e.claim.recorded_to) continue;
    auto it = by_version.find(e.claim.document.path + '\x1f' + D(e.claim.recorded_to) + '\x1f' +
                              e.claim.unit + '\x1f' +
                              std::to_string(static_cast<int>(e.claim.partner_class)));
    if (it != by_version.end()) {
      e.state = RecordState::kRevised;
      e.revised_by = it->second;
    } else {
      e.state = RecordState::kWithdrawn;
    }
  }
  if (result.entries.empty())
    result.explanation = "no report states " + q.subject + " " + q.metric +
                         (q.partner_class ? " (" + std::string(ToString(*q.partner_class)) + ")" : "") +
                         " (see `annals metrics --subject " + q.subject + "`)";
  return result;
}

DiffResult Diff(store::Store& store, const DiffQuery& q) {
  const bool record = q.from || q.to;
  const bool system = q.known_from || q.known_to;
  if (record == system)
    throw Error(ErrorCode::kUsage,
                "give either two report dates (from, to) or two instants (known_from, known_to)");
  if (record && (!q.from || !q.to))
    throw Error(ErrorCode::kUsage, "a diff of report dates needs both from and to");
  if (system && !q.known_from)
    throw Error(ErrorCode::kUsage, "a diff of instants needs known_from");
  if (record && q.from->LastDay() >= q.to->LastDay())
    throw Error(ErrorCode::kUsage, "the diff's from (" + q.from->ToString() +
                                       ") must come before its to (" + q.to->ToString() + ")");
  const Timestamp end_instant = q.known_to ? *q.known_to : Now();
  if (system && *q.known_from >= end_instant)
    throw Error(ErrorCode::kUsage, "the diff's known_from must come before its known_to");
  if (q.subject && q.subject->empty())
    throw Error(ErrorCode::kUsage, "the subject is empty; give a name or leave it out");
  const Knowledge knowledge(store);
  // The record as it stood: on a day, as held now; or on an instant's day, as held then.
  const auto day_of = [](const Timestamp& t) { return Date::Parse(t.substr(0, 10))->LastDay(); };
  const auto before = record ? ClaimsOnRecord(store, knowledge, q.subject, q.from->LastDay(), std::nullopt)
                             : ClaimsOnRecord(store, knowledge, q.subject, day_of(*q.known_from), q.known_from);
  const auto after = record ? ClaimsOnRecord(store, knowledge, q.subject, q.to->LastDay(), std::nullopt)
                            : ClaimsOnRecord(store, knowledge, q.subject, day_of(end_instant), end_instant);
  DiffResult d;
  // The same statement in both (by id, or restated unchanged by a later version) is no
  // change.
  std::unordered_map<std::string, int> unchanged;
  std::unordered_set<std::int64_t> before_ids;
  for (const auto& c : before) before_ids.insert(c.id);
  std::unordered_set<std::int64_t> after_ids;
  for (const auto& c : after) after_ids.insert(c.id);
  std::vector<const Claim*> gone, came;
  for (const auto& c : before)
    if (!after_ids.count(c.id)) gone.push_back(&c);
  for (const auto& c : after)
    if (!before_ids.count(c.id)) came.push_back(&c);
  std::unordered_map<std::string, int> gone_content;
  for (const Claim* c : gone) ++gone_content[ContentKey(*c)];
  std::vector<const Claim*> came_left;
  std::unordered_map<std::string, int> matched;
  for (const Claim* c : came) {
    auto it = gone_content.find(ContentKey(*c));
    if (it != gone_content.end() && it->second > 0) {
      --it->second;
      ++matched[it->first];
    } else {
      came_left.push_back(c);
    }
  }
  std::vector<const Claim*> gone_left;
  for (const Claim* c : gone) {
    auto it = matched.find(ContentKey(*c));
    if (it != matched.end() && it->second > 0) {
      --it->second;
      continue;
    }
    gone_left.push_back(c);
  }
  // A statement of the same bulletin about the same thing that changed: a revision.
  std::unordered_map<std::string, std::vector<const Claim*>> came_by_statement;
  for (const Claim* c : came_left) came_by_statement[StatementKey(*c)].push_back(c);
  std::unordered_set<const Claim*> used;
  for (const Claim* g : gone_left) {
    auto it = came_by_statement.find(StatementKey(*g));
    const Claim* next = nullptr;
    if (it != came_by_statement.end())
      for (const Claim* c : it->second)
        if (!used.count(c)) {
          next = c;
          break;
        }
    if (next) {
      used.insert(next);
      d.revised.push_back({*g, *next});
    } else {
      d.withdrawn.push_back(*g);
    }
  }
  for (const Claim* c : came_left)
    if (!used.count(c)) d.added.push_back(*c);
  // Disagreements that appeared or were settled.
  auto start_groups = FindConflicts(before, knowledge).groups;
  auto end_groups = FindConflicts(after, knowledge).groups;
  std::set<std::string> start_keys, end_keys;
  for (const auto& g : start_groups) start_keys.insert(GroupKey(g));
  for (const auto& g : end_groups) end_keys.insert(GroupKey(g));
  for (auto& g : end_groups)
    if (!start_keys.count(GroupKey(g))) d.conflicts_appeared.push_back(std::move(g));
  for (auto& g : start_groups)
    if (!end_keys.count(GroupKey(g))) d.conflicts_settled.push_back(std::move(g));
  return d;
}

std::vector<CatalogEntry> Catalog(store::Store& store, const CatalogQuery& q, bool by_metric) {
  if (q.subject && q.subject->empty())
    throw Error(ErrorCode::kUsage, "the subject is empty; give a name or leave it out");
  const Knowledge knowledge(store);
  store::ClaimFilter f;
  if (q.subject) f.subjects = knowledge.SubjectsNamed(*q.subject, false);
  f.kind = q.kind;
  if (q.as_reported_on) f.reported_day = q.as_reported_on->LastDay();
  std::map<std::pair<std::string, int>, CatalogEntry> entries;
  std::map<std::pair<std::string, int>, std::set<std::int64_t>> reports;
  const auto earlier = [](const std::optional<Date>& a, const std::optional<Date>& b) {
    return a && (!b || a->FirstDay() < b->FirstDay());
  };
  const auto later = [](const std::optional<Date>& a, const std::optional<Date>& b) {
    return a && (!b || a->LastDay() > b->LastDay());
  };
  store.ForEachClaim(f, [&](const Claim& c) {
    const std::pair<std::string, int> key =
        by_metric ? std::make_pair(c.metric, static_cast<int>(c.kind))
                  : std::make_pair(knowledge.Canonical(c.subject), 0);
    CatalogEntry& e = entries[key];
    if (e.claims == 0) {
      e.name = key.first;
      if (by_metric) e.kind = c.kind;
    }
    ++e.claims;
    (c.kind == ClaimKind::kCount ? e.counts : c.kind == ClaimKind::kEvent ? e.events : e.relations)++;
    reports[key].insert(c.document.id);
    if (earlier(c.recorded_from, e.first_reported)) e.first_reported = c.recorded_from;
    if (later(c.recorded_from, e.last_reported)) e.last_reported = c.recorded_from;
    if (earlier(c.valid.from, e.first_valid)) e.first_valid = c.valid.from;
    if (later(c.valid.to, e.last_valid)) e.last_valid = c.valid.to;
  });
  std::vector<CatalogEntry> out;
  for (auto& [key, e] : entries) {
    e.reports = static_cast<std::int64_t>(reports[key].size());
    out.push_back(std::move(e));
  }
  if (by_metric)
    std::stable_sort(out.begin(), out.end(), [](const CatalogEntry& a, const CatalogEntry& b) {
      return *a.kind < *b.kind;
    });
  return out;
}

}  // namespace annals::query
