// Renders claims and documents for terminals and programs.
#include "cli/format.h"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace annals::cli {
namespace {

// JSON text of `j`. A file name on Linux is bytes, not always UTF-8; JSON must be: bytes
// that are not UTF-8 come out as U+FFFD rather than ending the output partway.
std::string Json(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

using nlohmann::json;

json DateJson(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

json NumberJson(const std::optional<double>& v) {
  if (!v) return nullptr;
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) return static_cast<std::int64_t>(*v);
  return *v;
}

std::string NumberText(double v) {
  std::ostringstream s;
  if (std::floor(v) == v && std::fabs(v) < 9e15)
    s << static_cast<std::int64_t>(v);
  else
    s << v;
  return s.str();
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : "…"; }

std::string RangeText(const DateRange& r) {
  if (!r.from && !r.to) return "";
  if (r.from && r.to && *r.from == *r.to) return r.from->ToString();
  return DateText(r.from) + ".." + DateText(r.to);
}

// Decodes the well-formed UTF-8 character at `i` into `cp`; returns its length, or 0 when
// the byte at `i` does not start one (a stray, overlong, surrogate or truncated sequence).
std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = byte(0);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  const std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Characters that act on a terminal or on the order of a line instead of showing: C0
// controls, DEL, C1 controls (ESC sequences, BEL, VT, FF and the 8-bit CSI), the line and
// paragraph separators, and the bidirectional marks, embeddings, overrides and isolates.
bool IsControl(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Combining marks, zero-width joiners and variation selectors: drawn on the column before.
bool IsZeroWidth(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200D) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

std::string Escape(const char* format, unsigned value) {
  char buf[12];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// Calls `emit(text, columns)` for each unit a terminal shows of `s`, in order: a printable
// character as it is, or the escape that stands for a control character or a byte that is
// not UTF-8. Cutting between units never cuts a character or an escape.
template <typename Emit>
void ForEachGlyph(std::string_view s, Emit emit) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = DecodeUtf8(s, i, cp);
    if (n == 0) {
      emit(Escape("\\x%02x", static_cast<unsigned char>(s[i])), 4);
      ++i;
      continue;
    }
    if (!IsControl(cp)) {
      emit(std::string(s.substr(i, n)), IsZeroWidth(cp) ? 0 : IsWide(cp) ? 2 : 1);
    } else if (cp == '\n' || cp == '\r' || cp == '\t') {
      emit(cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\t", 2);
    } else {
      const std::string e = cp < 0x80 ? Escape("\\x%02x", static_cast<unsigned>(cp))
                                       : Escape("\\u%04x", static_cast<unsigned>(cp));
      emit(e, e.size());
    }
    i += n;
  }
}

// The table cell of `s`: Printable(s), cut to at most `max` display columns (0: no limit)
// with an ellipsis.
std::string Cell(std::string_view s, std::size_t max) {
  std::string shown;
  std::size_t width = 0;
  bool cut = false;
  // Units up to `max - 1` columns, in case the whole does not fit and the ellipsis must.
  std::size_t fits = 0;
  ForEachGlyph(s, [&](const std::string& text, std::size_t w) {
    if (cut) return;
    if (max && width + w > max) {
      cut = true;
      return;
    }
    shown += text;
    width += w;
    if (!max || width <= max - 1) fits = shown.size();
  });
  if (!cut) return shown;
  shown.resize(fits);
  return shown + "…";
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const std::vector<std::string> kCsvColumns = {
    "id", "kind", "subject", "metric", "class", "value", "value_min", "value_max", "qualifier",
    "unit", "object", "relation", "valid_from", "valid_to", "recorded_from", "recorded_to",
    "known_from", "known_to", "lang", "quote", "span_start", "span_end", "document_path",
    "document_published_on", "rule", "extractor_version"};

std::vector<std::string> CsvRow(const Claim& c) {
  const json j = ClaimJson(c);
  auto str = [](const json& v) {
    if (v.is_null()) return std::string();
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
  };
  return {str(j["id"]), str(j["kind"]), str(j["subject"]), str(j["metric"]), str(j["class"]),
          str(j["value"]), str(j["value_min"]), str(j["value_max"]), str(j["qualifier"]),
          str(j["unit"]), str(j["object"]), str(j["relation"]), str(j["valid_from"]),
          str(j["valid_to"]), str(j["recorded_from"]), str(j["recorded_to"]),
          str(j["known_from"]), str(j["known_to"]), str(j["lang"]), str(j["quote"]),
          str(j["span"]["start"]), str(j["span"]["end"]), str(j["document"]["path"]),
          str(j["document"]["published_on"]), str(j["extractor"]["rule"]),
          str(j["extractor"]["version"])};
}

void PrintCsvLine(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << CsvCell(cells[i]);
  out << "\n";
}

void PrintCsv(std::ostream& out, const std::vector<std::string>& header,
              const std::vector<std::vector<std::string>>& rows) {
  PrintCsvLine(out, header);
  for (const auto& r : rows) PrintCsvLine(out, r);
}

}  // namespace

std::string WhatText(const Claim& c) {
  switch (c.kind) {
    case ClaimKind::kCount: {
      std::string s = FigureText(c) + " " + c.unit;
      if (c.partner_class != PartnerClass::kNone) s += " (" + std::string(ToString(c.partner_class)) + ")";
      return s;
    }
    case ClaimKind::kEvent: return c.metric;
    case ClaimKind::kRelation:
      return std::string(ToString(c.relation)) + " " + c.object +
             (c.object_country.empty() ? "" : ", " + c.object_country);
  }
  return "";
}

std::string ValidText(const DateRange& r) { return RangeText(r); }
std::string ReportedText(const Claim& c) {
  return DateText(c.recorded_from) + (c.document.published_on_inferred ? "?" : "");
}
std::string JsonText(const nlohmann::json& j, int indent) { return Json(j, indent); }
void PrintCsvRows(std::ostream& out, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows) {
  PrintCsv(out, header, rows);
}

std::string FigureText(const Claim& c) {
  if (!c.value) return "";
  static const char* kMarks[] = {"", ">", ">=", "<~", "~", "<", "<="};
  return kMarks[static_cast<int>(c.qualifier)] + NumberText(*c.value);
}

json ClaimJson(const Claim& c) {
  json j;
  j["id"] = c.id;
  j["kind"] = ToString(c.kind);
  j["subject"] = c.subject;
  j["metric"] = c.metric;
  j["class"] = c.partner_class == PartnerClass::kNone ? json(nullptr) : json(ToString(c.partner_class));
  j["value"] = NumberJson(c.value);
  j["value_min"] = NumberJson(c.value_min);
  j["value_max"] = NumberJson(c.value_max);
  j["qualifier"] = c.kind == ClaimKind::kCount ? json(ToString(c.qualifier)) : json(nullptr);
  j["unit"] = c.unit.empty() ? json(nullptr) : json(c.unit);
  j["object"] = c.object.empty() ? json(nullptr) : json(c.object);
  j["object_country"] = c.object_country.empty() ? json(nullptr) : json(c.object_country);
  j["relation"] = c.relation == RelationType::kNone ? json(nullptr) : json(ToString(c.relation));
  j["valid_from"] = DateJson(c.valid.from);
  j["valid_to"] = DateJson(c.valid.to);
  j["valid_precision"] = c.valid.from ? json(c.valid.from->precision == Precision::kYear ? "year"
                                             : c.valid.from->precision == Precision::kMonth ? "month"
                                                                                           : "day")
                                      : json(nullptr);
  j["recorded_from"] = DateJson(c.recorded_from);
  j["recorded_to"] = DateJson(c.recorded_to);
  j["known_from"] = c.known_from;
  j["known_to"] = c.known_to ? json(*c.known_to) : json(nullptr);
  j["lang"] = c.lang;
  j["quote"] = c.quote;
  j["span"] = {{"start", c.span.start}, {"end", c.span.end}};
  j["document"] = {{"id", c.document.id},
                   {"path", c.document.path},
                   {"title", c.document.title},
                   {"published_on", DateJson(c.document.published_on)},
                   {"published_on_inferred", c.document.published_on_inferred},
                   {"sha256", c.document.sha256},
                   {"collection", c.document.collection},
                   {"key", c.document.key}};
  j["extractor"] = {{"rule", c.rule}, {"version", c.extractor_version}};
  return j;
}

std::string Printable(std::string_view s) { return Cell(s, 0); }

void PrintTable(std::ostream& out, const std::vector<Column>& columns,
                const std::vector<std::vector<std::string>>& rows) {
  const auto width = [](const std::string& printable) {
    std::size_t w = 0;
    ForEachGlyph(printable, [&](const std::string&, std::size_t n) { w += n; });
    return w;
  };
  std::vector<std::string> header;
  std::vector<std::size_t> widths;
  for (const auto& c : columns) {
    header.push_back(Printable(c.name));
    widths.push_back(width(header.back()));
  }
  std::vector<std::vector<std::string>> shown;
  for (const auto& r : rows) {
    std::vector<std::string>& cells = shown.emplace_back();
    for (std::size_t i = 0; i < r.size() && i < columns.size(); ++i) {
      cells.push_back(Cell(r[i], columns[i].max_width));
      widths[i] = std::max(widths[i], width(cells.back()));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      s += cells[i];
      if (i + 1 < cells.size()) s += std::string(widths[i] - width(cells[i]) + 2, ' ');
    }
    out << s << "\n";
  };
  line(header);
  for (const auto& r : shown) line(r);
}

void PrintAnswer(std::ostream& out, const QueryResult& result, Format format) {
  switch (format) {
    case Format::kJson:
    case Format::kJsonl: {
      std::vector<json> items;
      for (const auto& a : result.claims) {
        json j = ClaimJson(a.claim);
        j["latest"] = a.latest;
        j["conflicts_with"] = a.conflicts_with;
        j["certain"] = a.certain;
        j["uncertainty"] = a.uncertainty.empty() ? json(nullptr) : json(a.uncertainty);
        if (!a.resolution.empty()) j["resolution"] = {{"reason", a.resolution}, {"won_over", a.won_over}};
        items.push_back(j);
      }
      if (format == Format::kJsonl) {
        for (const auto& j : items) out << Json(j) << "\n";
      } else {
        json doc = {{"claims", items},
                    {"explanation", result.explanation.empty() ? json(nullptr) : json(result.explanation)}};
        out << Json(doc, 2) << "\n";
      }
      return;
    }
    case Format::kCsv: {
      std::vector<std::string> header = kCsvColumns;
      header.push_back("latest");
      header.push_back("conflicts_with");
      header.push_back("certain");
      header.push_back("uncertainty");
      header.push_back("resolution");
      std::vector<std::vector<std::string>> rows;
      for (const auto& a : result.claims) {
        auto r = CsvRow(a.claim);
        r.push_back(a.latest ? "true" : "false");
        std::string ids;
        for (auto id : a.conflicts_with) ids += (ids.empty() ? "" : " ") + std::to_string(id);
        r.push_back(ids);
        r.push_back(a.certain ? "true" : "false");
        r.push_back(a.uncertainty);
        r.push_back(a.resolution);
        rows.push_back(r);
      }
      PrintCsv(out, header, rows);
      return;
    }
    case Format::kTable: break;
  }
  if (result.claims.empty()) {
    out << Printable(result.explanation) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : result.claims) {
    const Claim& c = a.claim;
    std::string flags = a.latest ? "latest" : "";
    if (!a.conflicts_with.empty()) {
      std::string ids;
      for (auto id : a.conflicts_with) ids += (ids.empty() ? "" : ",") + std::to_string(id);
      flags += (flags.empty() ? "" : " ") + std::string("conflicts:") + ids;
    }
    if (!a.certain) flags += (flags.empty() ? "" : " ") + std::string("possible");
    if (!a.resolution.empty()) flags += (flags.empty() ? "" : " ") + std::string("chosen");
    rows.push_back({std::to_string(c.id), c.subject, WhatText(c), RangeText(c.valid),
                    DateText(c.recorded_from) + (c.document.published_on_inferred ? "?" : ""),
                    flags, c.document.title, c.quote});
  }
  PrintTable(out,
             {{"ID"}, {"SUBJECT"}, {"WHAT"}, {"VALID"}, {"REPORTED"}, {"FLAGS"}, {"DOCUMENT", 34},
              {"QUOTE", 60}},
             rows);
  std::size_t conflicted = 0;
  for (const auto& a : result.claims) conflicted += a.conflicts_with.empty() ? 0 : 1;
  out << "\n" << result.claims.size() << " claim" << (result.claims.size() == 1 ? "" : "s");
  if (conflicted) out << "; " << conflicted << " disagree with a figure from another report";
  out << ". `latest` marks claims from the latest report on their subject and metric.\n";
  std::size_t possible = 0;
  for (const auto& a : result.claims) possible += a.certain ? 0 : 1;
  if (possible) {
    out << "`possible`: " << possible << " of them may not hold at the times asked (--certain "
        << "leaves them out):\n";
    for (const auto& a : result.claims)
      if (!a.certain) out << "  " << a.claim.id << ": " << Printable(a.uncertainty) << "\n";
  }
  bool chosen = false;
  for (const auto& a : result.claims) chosen |= !a.resolution.empty();
  if (chosen) {
    out << "`chosen`: each claim won over the others that state the same thing:\n";
    for (const auto& a : result.claims) {
      if (a.resolution.empty()) continue;
      out << "  " << a.claim.id << ": " << Printable(a.resolution);
      if (!a.won_over.empty()) {
        out << " (over";
        for (auto id : a.won_over) out << " " << id;
        out << ")";
      }
      out << "\n";
    }
  }
}

void PrintClaims(std::ostream& out, const std::function<void(const ClaimVisitor&)>& claims,
                 Format format) {
  if (format == Format::kJsonl) {
    claims([&](const Claim& c) { out << Json(ClaimJson(c)) << "\n"; });
  } else if (format == Format::kJson) {
    // What json::dump(2) prints for the array, one element at a time: each indented one
    // level (a JSON text holds no raw line break but those between its members).
    bool first = true;
    claims([&](const Claim& c) {
      std::string item = Json(ClaimJson(c), 2);
      out << (first ? "[\n  " : ",\n  ");
      for (char ch : item) {
        out << ch;
        if (ch == '\n') out << "  ";
      }
      first = false;
    });
    out << (first ? "[]" : "\n]") << "\n";
  } else if (format == Format::kCsv) {
    PrintCsvLine(out, kCsvColumns);
    claims([&](const Claim& c) { PrintCsvLine(out, CsvRow(c)); });
  } else {
    QueryResult r;
    claims([&](const Claim& c) { r.claims.push_back({c, false, {}}); });
    r.explanation = "the database holds no claims";
    PrintAnswer(out, r, Format::kTable);
  }
}

void PrintDocuments(std::ostream& out, const std::vector<DocumentInfo>& docs, Format format) {
  auto to_json = [](const DocumentInfo& d) {
    return json{{"id", d.ref.id},
                {"path", d.ref.path},
                {"title", d.ref.title},
                {"published_on", DateJson(d.ref.published_on)},
                {"published_on_inferred", d.ref.published_on_inferred},
                {"publisher", d.publisher},
                {"lang", d.lang},
                {"encoding", d.encoding},
                {"source_uri", d.source_uri.empty() ? json(nullptr) : json(d.source_uri)},
                {"bytes", d.bytes},
                {"claims", d.claims},
                {"sha256", d.ref.sha256},
                {"known_from", d.known_from},
                {"known_to", d.known_to ? json(*d.known_to) : json(nullptr)},
                {"withdrawn_on", DateJson(d.withdrawn_on)},
                {"collection", d.ref.collection},
                {"key", d.ref.key}};
  };
  if (format == Format::kJson || format == Format::kJsonl) {
    json all = json::array();
    for (const auto& d : docs) {
      if (format == Format::kJsonl) out << Json(to_json(d)) << "\n";
      else all.push_back(to_json(d));
    }
    if (format == Format::kJson) out << Json(all, 2) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : docs) {
    rows.push_back({std::to_string(d.ref.id),
                    DateText(d.ref.published_on) + (d.ref.published_on_inferred ? "?" : ""),
                    d.lang, std::to_string(d.claims),
                    d.withdrawn_on ? "withdrawn " + d.withdrawn_on->ToString()
                    : d.known_to   ? std::string("replaced")
                                   : std::string("current"),
                    d.ref.title, d.ref.path});
  }
  if (format == Format::kCsv) {
    PrintCsv(out, {"ID", "PUBLISHED", "LANG", "CLAIMS", "STATE", "TITLE", "PATH"}, rows);
  } else {
    if (docs.empty()) {
      out << "no documents: ingest some with `annals ingest PATH`\n";
      return;
    }
    PrintTable(out,
               {{"ID"}, {"PUBLISHED"}, {"LANG"}, {"CLAIMS"}, {"STATE"}, {"TITLE", 50}, {"PATH"}},
               rows);
    out << "\n`?` after a date: no date line; the latest date the text mentions is taken as a lower bound.\n";
  }
}

json SyncFileJson(const SyncFileResult& f) {
  json j = {{"outcome", FileOutcomeName(f.outcome)}, {"path", f.path}, {"key", f.key},
            {"claims_added", f.claims_added}, {"claims_closed", f.claims_closed},
            {"claims_kept", f.claims_kept}};
  if (!f.message.empty()) j["message"] = f.message;
  if (!f.warnings.empty()) j["warnings"] = f.warnings;
  return j;
}

json RunCountsJson(const RunCounts& n) {
  return {{"files_seen", n.files_seen},       {"files_new", n.files_new},
          {"files_changed", n.files_changed}, {"files_unchanged", n.files_unchanged},
          {"files_removed", n.files_removed}, {"files_failed", n.files_failed},
          {"files_reextracted", n.files_reextracted}, {"claims_added", n.claims_added},
          {"claims_closed", n.claims_closed}};
}

namespace {

json RunJson(const RunInfo& r) {
  return {{"id", r.id},
          {"started_at", r.started_at},
          {"finished_at", r.finished_at ? json(*r.finished_at) : json(nullptr)},
          {"state", RunStateName(r.state)},
          {"command", r.command},
          {"extractor_version", r.extractor_version},
          {"pid", r.pid ? json(*r.pid) : json(nullptr)},
          {"message", r.message},
          {"counts", RunCountsJson(r.counts)}};
}

std::vector<std::string> RunRow(const RunInfo& r) {
  const RunCounts& n = r.counts;
  return {std::to_string(r.id), r.started_at.substr(0, 19) + "Z", RunStateName(r.state),
          std::to_string(n.files_new), std::to_string(n.files_changed),
          std::to_string(n.files_unchanged), std::to_string(n.files_removed),
          std::to_string(n.files_failed), std::to_string(n.files_reextracted),
          "+" + std::to_string(n.claims_added) + " -" + std::to_string(n.claims_closed),
          r.command.empty() ? "(not recorded)" : r.command};
}

const std::vector<std::string> kRunHeader = {"RUN", "STARTED", "STATE", "NEW", "CHANGED",
                                             "UNCHANGED", "REMOVED", "FAILED", "REEXTRACTED",
                                             "CLAIMS", "COMMAND"};

}  // namespace

void PrintRuns(std::ostream& out, const std::vector<RunInfo>& runs, Format format) {
  if (format == Format::kJson || format == Format::kJsonl) {
    json all = json::array();
    for (const auto& r : runs) {
      if (format == Format::kJsonl) out << Json(RunJson(r)) << "\n";
      else all.push_back(RunJson(r));
    }
    if (format == Format::kJson) out << Json(all, 2) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : runs) rows.push_back(RunRow(r));
  if (format == Format::kCsv) {
    PrintCsv(out, kRunHeader, rows);
    return;
  }
  if (runs.empty()) {
    out << "no runs recorded: `annals ingest PATH` or `annals sync DIR` makes one\n";
    return;
  }
  std::vector<Column> columns;
  for (const auto& h : kRunHeader) columns.push_back({h, h == "COMMAND" ? 60u : 0u});
  PrintTable(out, columns, rows);
}

void PrintRunDetail(std::ostream& out, const RunDetail& detail, Format format) {
  if (format == Format::kJson || format == Format::kJsonl) {
    json j = RunJson(detail.run);
    j["files"] = json::array();
    for (const auto& f : detail.files) j["files"].push_back(SyncFileJson(f));
    out << Json(j, format == Format::kJson ? 2 : -1) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : detail.files)
    rows.push_back({FileOutcomeName(f.outcome), std::to_string(f.claims_added),
                    std::to_string(f.claims_closed), std::to_string(f.claims_kept), f.path,
                    f.message});
  const std::vector<std::string> header = {"OUTCOME", "ADDED", "CLOSED", "KEPT", "PATH", "MESSAGE"};
  if (format == Format::kCsv) {
    PrintCsv(out, header, rows);
    return;
  }
  const RunInfo& r = detail.run;
  out << "run " << r.id << ": " << RunStateName(r.state) << "\n"
      << "command:   " << Printable(r.command.empty() ? "(not recorded)" : r.command) << "\n"
      << "started:   " << r.started_at << "\n"
      << "finished:  " << (r.finished_at ? *r.finished_at : "-") << "\n"
      << "extractor: " << Printable(r.extractor_version) << "\n"
      << "counts:    " << r.counts.Text() << "\n";
  if (r.state != RunState::kCompleted && !r.message.empty())
    out << "message:   " << Printable(r.message) << "\n";
  if (rows.empty()) {
    out << "\nno file was new, changed, removed, failed or re-extracted\n";
    return;
  }
  out << "\n";
  PrintTable(out, {{"OUTCOME"}, {"ADDED"}, {"CLOSED"}, {"KEPT"}, {"PATH", 70}, {"MESSAGE", 60}}, rows);
}

}  // namespace annals::cli
