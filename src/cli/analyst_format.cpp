// Renders the analyst's answers: conflicts, histories, diffs, catalogs, relations, events.
#include <array>
#include <cmath>
#include <map>
#include <ostream>

#include "cli/format.h"

namespace annals::cli {
namespace {

using nlohmann::json;

json DateJson(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

std::string Range(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (!a && !b) return "";
  if (a && b && *a == *b) return a->ToString();
  return (a ? a->ToString() : "…") + ".." + (b ? b->ToString() : "…");
}

std::string BoundsText(const Claim& c) {
  if (c.kind != ClaimKind::kCount || (!c.value_min && !c.value_max)) return "";
  const auto n = [](double v) {
    const json j = std::floor(v) == v && std::fabs(v) < 9e15 ? json(static_cast<std::int64_t>(v)) : json(v);
    return j.dump();
  };
  if (c.value_min && c.value_max && *c.value_min == *c.value_max) return "";
  return "[" + (c.value_min ? n(*c.value_min) : std::string("…")) + ", " +
         (c.value_max ? n(*c.value_max) : std::string("…")) + "]";
}

void JsonLines(std::ostream& out, const std::vector<json>& items, Format format, const json& whole) {
  if (format == Format::kJsonl) {
    for (const auto& j : items) out << JsonText(j) << "\n";
  } else {
    out << JsonText(whole, 2) << "\n";
  }
}

json GroupJson(const ConflictGroup& g) {
  json claims = json::array();
  for (const auto& c : g.claims) claims.push_back(ClaimJson(c));
  return {{"kind", ToString(g.kind)}, {"subject", g.subject}, {"what", g.what},
          {"reason", g.reason}, {"claims", claims}};
}

void PrintGroupsTable(std::ostream& out, const std::vector<ConflictGroup>& groups) {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& g = groups[i];
    out << (i ? "\n" : "") << Printable(g.subject) << " · " << Printable(g.what) << " · "
        << ToString(g.kind) << "\n  " << Printable(g.reason) << "\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : g.claims)
      rows.push_back({std::to_string(c.id), c.subject, WhatText(c), ValidText(c.valid),
                      ReportedText(c), c.lang, c.document.title, c.quote});
    PrintTable(out,
               {{"ID"}, {"SUBJECT", 30}, {"WHAT", 40}, {"VALID"}, {"REPORTED"}, {"LANG"},
                {"DOCUMENT", 34}, {"QUOTE", 50}},
               rows);
  }
}

}  // namespace

void PrintConflicts(std::ostream& out, const ConflictReport& report, Format format) {
  if (format == Format::kJson || format == Format::kJsonl) {
    std::vector<json> items;
    for (const auto& g : report.groups) items.push_back(GroupJson(g));
    JsonLines(out, items, format,
              {{"groups", items},
               {"explanation", report.explanation.empty() ? json(nullptr) : json(report.explanation)}});
    return;
  }
  if (format == Format::kCsv) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < report.groups.size(); ++i)
      for (const auto& c : report.groups[i].claims)
        rows.push_back({std::to_string(i + 1), std::string(ToString(report.groups[i].kind)),
                        report.groups[i].subject, report.groups[i].what, report.groups[i].reason,
                        std::to_string(c.id), c.subject, WhatText(c), ValidText(c.valid),
                        ReportedText(c), c.lang, c.document.path, c.quote});
    PrintCsvRows(out, {"group", "kind", "subject", "what", "reason", "id", "claim_subject", "claim",
                       "valid", "reported", "lang", "document_path", "quote"},
                 rows);
    return;
  }
  if (report.groups.empty()) {
    out << Printable(report.explanation) << "\n";
    return;
  }
  PrintGroupsTable(out, report.groups);
  out << "\n" << report.groups.size() << " group" << (report.groups.size() == 1 ? "" : "s")
      << " of claims that cannot all be true.\n";
}

void PrintHistory(std::ostream& out, const HistoryResult& history, Format format) {
  const auto entry_json = [](const HistoryEntry& e) {
    json j = ClaimJson(e.claim);
    j["state"] = ToString(e.state);
    j["revised_by"] = e.revised_by;
    return j;
  };
  if (format == Format::kJson || format == Format::kJsonl) {
    std::vector<json> items;
    for (const auto& e : history.entries) items.push_back(entry_json(e));
    JsonLines(out, items, format,
              {{"entries", items},
               {"explanation", history.explanation.empty() ? json(nullptr) : json(history.explanation)}});
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : history.entries) {
    std::string state(ToString(e.state));
    if (e.state == RecordState::kRevised) {
      state = "revised →";
      for (auto id : e.revised_by) state += " " + std::to_string(id);
    }
    if (e.state == RecordState::kOnRecord) state = "on record";
    const Claim& c = e.claim;
    rows.push_back({ReportedText(c), WhatText(c), BoundsText(c), ValidText(c.valid),
                    c.recorded_to ? c.recorded_to->ToString() : "", state, std::to_string(c.id),
                    c.document.title, c.quote});
  }
  const std::vector<std::string> header = {"REPORTED", "VALUE", "BOUNDS", "VALID", "UNTIL", "STATE",
                                           "ID", "DOCUMENT", "QUOTE"};
  if (format == Format::kCsv) {
    PrintCsvRows(out, header, rows);
    return;
  }
  if (history.entries.empty()) {
    out << Printable(history.explanation) << "\n";
    return;
  }
  PrintTable(out,
             {{header[0]}, {header[1]}, {header[2]}, {header[3]}, {header[4]}, {header[5]},
              {header[6]}, {header[7], 34}, {header[8], 50}},
             rows);
  out << "\n" << history.entries.size() << " report" << (history.entries.size() == 1 ? "" : "s")
      << ", oldest first. UNTIL: the day a later version replaced the report.\n";
}

void PrintDiff(std::ostream& out, const DiffResult& diff, Format format) {
  if (format == Format::kJson || format == Format::kJsonl) {
    json added = json::array(), withdrawn = json::array(), revised = json::array(),
         appeared = json::array(), settled = json::array();
    for (const auto& c : diff.added) added.push_back(ClaimJson(c));
    for (const auto& c : diff.withdrawn) withdrawn.push_back(ClaimJson(c));
    for (const auto& r : diff.revised)
      revised.push_back({{"before", ClaimJson(r.before)}, {"after", ClaimJson(r.after)}});
    for (const auto& g : diff.conflicts_appeared) appeared.push_back(GroupJson(g));
    for (const auto& g : diff.conflicts_settled) settled.push_back(GroupJson(g));
    if (format == Format::kJsonl) {
      for (const auto& j : added) out << JsonText({{"change", "added"}, {"claim", j}}) << "\n";
      for (const auto& j : withdrawn) out << JsonText({{"change", "withdrawn"}, {"claim", j}}) << "\n";
      for (const auto& j : revised) out << JsonText({{"change", "revised"}, {"before", j["before"]}, {"after", j["after"]}}) << "\n";
      for (const auto& j : appeared) out << JsonText({{"change", "conflict_appeared"}, {"group", j}}) << "\n";
      for (const auto& j : settled) out << JsonText({{"change", "conflict_settled"}, {"group", j}}) << "\n";
      return;
    }
    out << JsonText({{"added", added}, {"withdrawn", withdrawn}, {"revised", revised},
                     {"conflicts_appeared", appeared}, {"conflicts_settled", settled}},
                    2)
        << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  const auto row = [&](const std::string& change, const Claim& c, const std::string& before) {
    rows.push_back({change, std::to_string(c.id), c.subject, before, WhatText(c), ValidText(c.valid),
                    ReportedText(c), c.document.title, c.quote});
  };
  for (const auto& c : diff.added) row("added", c, "");
  for (const auto& r : diff.revised) row("revised", r.after, WhatText(r.before) + " (" + ValidText(r.before.valid) + ")");
  for (const auto& c : diff.withdrawn) row("withdrawn", c, "");
  const std::vector<std::string> header = {"CHANGE", "ID", "SUBJECT", "BEFORE", "NOW", "VALID",
                                           "REPORTED", "DOCUMENT", "QUOTE"};
  if (format == Format::kCsv) {
    for (const auto& g : diff.conflicts_appeared)
      rows.push_back({"conflict_appeared", "", g.subject, "", g.what, "", "", "", g.reason});
    for (const auto& g : diff.conflicts_settled)
      rows.push_back({"conflict_settled", "", g.subject, "", g.what, "", "", "", g.reason});
    PrintCsvRows(out, header, rows);
    return;
  }
  if (rows.empty() && diff.conflicts_appeared.empty() && diff.conflicts_settled.empty()) {
    out << "nothing changed on the record between the two times\n";
    return;
  }
  if (!rows.empty())
    PrintTable(out,
               {{header[0]}, {header[1]}, {header[2], 30}, {header[3], 30}, {header[4], 34},
                {header[5]}, {header[6]}, {header[7], 34}, {header[8], 50}},
               rows);
  // Which reports the changes come from, so that a long list reads at a glance.
  std::map<std::string, std::array<std::size_t, 3>> by_report;
  const auto report = [](const Claim& c) { return ReportedText(c) + "  " + c.document.title; };
  for (const auto& c : diff.added) ++by_report[report(c)][0];
  for (const auto& r : diff.revised) ++by_report[report(r.after)][1];
  for (const auto& c : diff.withdrawn) ++by_report[report(c)][2];
  if (!by_report.empty()) out << "\nBy report:\n";
  for (const auto& [name, n] : by_report) {
    out << "  " << Printable(name) << ": ";
    std::string parts;
    if (n[0]) parts += std::to_string(n[0]) + " added";
    if (n[1]) parts += (parts.empty() ? "" : ", ") + std::to_string(n[1]) + " revised";
    if (n[2]) parts += (parts.empty() ? "" : ", ") + std::to_string(n[2]) + " withdrawn";
    out << parts << "\n";
  }
  out << "\n" << diff.added.size() << " added, " << diff.revised.size() << " revised, "
      << diff.withdrawn.size() << " withdrawn; " << diff.conflicts_appeared.size()
      << " disagreement" << (diff.conflicts_appeared.size() == 1 ? "" : "s") << " appeared, "
      << diff.conflicts_settled.size() << " settled.\n";
  if (!diff.conflicts_appeared.empty()) {
    out << "\nDisagreements that appeared:\n";
    for (const auto& g : diff.conflicts_appeared)
      out << "  " << Printable(g.subject) << " · " << Printable(g.what) << ": " << Printable(g.reason) << "\n";
  }
  if (!diff.conflicts_settled.empty()) {
    out << "\nDisagreements settled:\n";
    for (const auto& g : diff.conflicts_settled)
      out << "  " << Printable(g.subject) << " · " << Printable(g.what) << ": " << Printable(g.reason) << "\n";
  }
}

void PrintCatalog(std::ostream& out, const std::vector<CatalogEntry>& entries, bool metrics,
                  Format format) {
  if (format == Format::kJson || format == Format::kJsonl) {
    std::vector<json> items;
    for (const auto& e : entries) {
      json j = {{metrics ? "metric" : "subject", e.name}, {"claims", e.claims}};
      if (metrics) j["kind"] = e.kind ? json(ToString(*e.kind)) : json(nullptr);
      else j["by_kind"] = {{"count", e.counts}, {"event", e.events}, {"relation", e.relations}};
      j["reports"] = e.reports;
      j["first_reported"] = DateJson(e.first_reported);
      j["last_reported"] = DateJson(e.last_reported);
      j["first_valid"] = DateJson(e.first_valid);
      j["last_valid"] = DateJson(e.last_valid);
      items.push_back(j);
    }
    JsonLines(out, items, format, items);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : entries) {
    std::vector<std::string> r = {e.name};
    if (metrics) r.push_back(e.kind ? std::string(ToString(*e.kind)) : "");
    r.push_back(std::to_string(e.claims));
    if (!metrics) {
      r.push_back(std::to_string(e.counts));
      r.push_back(std::to_string(e.events));
      r.push_back(std::to_string(e.relations));
    }
    r.push_back(std::to_string(e.reports));
    r.push_back(Range(e.first_reported, e.last_reported));
    r.push_back(Range(e.first_valid, e.last_valid));
    rows.push_back(r);
  }
  std::vector<Column> columns = {{metrics ? "METRIC" : "SUBJECT", 50}};
  if (metrics) columns.push_back({"KIND"});
  columns.push_back({"CLAIMS"});
  if (!metrics) {
    columns.push_back({"COUNTS"});
    columns.push_back({"EVENTS"});
    columns.push_back({"RELATIONS"});
  }
  columns.push_back({"REPORTS"});
  columns.push_back({"REPORTED"});
  columns.push_back({"VALID"});
  if (format == Format::kCsv) {
    std::vector<std::string> header;
    for (const auto& c : columns) header.push_back(c.name);
    PrintCsvRows(out, header, rows);
    return;
  }
  if (entries.empty()) {
    out << "nothing on record answers: ingest bulletins with `annals ingest PATH`, or widen the filters\n";
    return;
  }
  PrintTable(out, columns, rows);
  out << "\n" << entries.size() << (metrics ? " metric" : " subject") << (entries.size() == 1 ? "" : "s")
      << ". REPORTED: the first and last report dates; VALID: the earliest and latest valid time.\n";
}

void PrintRelations(std::ostream& out, const QueryResult& result, Format format) {
  if (format != Format::kTable) {
    PrintAnswer(out, result, format);
    return;
  }
  if (result.claims.empty()) {
    out << Printable(result.explanation) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : result.claims) {
    const Claim& c = a.claim;
    std::string flags = a.latest ? "latest" : "";
    if (!a.certain) flags += (flags.empty() ? "" : " ") + std::string("possible");
    rows.push_back({std::to_string(c.id), c.subject, c.object, c.quote, c.object_country,
                    std::string(ToString(c.relation)), c.valid.from ? c.valid.from->ToString() : "",
                    ReportedText(c), c.lang, flags, c.document.title});
  }
  PrintTable(out,
             {{"ID"}, {"SUBJECT"}, {"PARTNER"}, {"AS WRITTEN", 30}, {"COUNTRY"}, {"TIE"}, {"SINCE"},
              {"REPORTED"}, {"LANG"}, {"FLAGS"}, {"DOCUMENT", 34}},
             rows);
  out << "\n" << result.claims.size() << " tie" << (result.claims.size() == 1 ? "" : "s")
      << " as reported. PARTNER: the canonical name; AS WRITTEN: the bulletin's words.\n";
}

void PrintEvents(std::ostream& out, const QueryResult& result, Format format) {
  if (format != Format::kTable) {
    PrintAnswer(out, result, format);
    return;
  }
  if (result.claims.empty()) {
    out << Printable(result.explanation) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : result.claims) {
    const Claim& c = a.claim;
    rows.push_back({std::to_string(c.id), ValidText(c.valid), c.metric, c.subject, ReportedText(c),
                    a.certain ? "certain" : "possible", c.document.title, c.quote});
  }
  PrintTable(out,
             {{"ID"}, {"WHEN"}, {"EVENT"}, {"SUBJECT", 40}, {"REPORTED"}, {"HOLDS"},
              {"DOCUMENT", 34}, {"QUOTE", 50}},
             rows);
  std::size_t possible = 0;
  for (const auto& a : result.claims) possible += a.certain ? 0 : 1;
  out << "\n" << result.claims.size() << " event" << (result.claims.size() == 1 ? "" : "s");
  if (possible)
    out << "; " << possible << " only possibly within the times asked (--certain leaves them out)";
  out << ".\n";
}

}  // namespace annals::cli
