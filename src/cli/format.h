// Output of the CLI: claims and documents as tables, JSON, JSON Lines or CSV.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "annals/database.h"

namespace annals::cli {

enum class Format { kTable, kJson, kJsonl, kCsv };

/// The export contract's object for one claim (README, "Export").
nlohmann::json ClaimJson(const Claim& c);

/// A query answer in `format`.
void PrintAnswer(std::ostream& out, const QueryResult& result, Format format);
/// Every claim, for `annals export`: `claims` calls the visitor it is given once a claim,
/// in order. JSON, JSON Lines and CSV are written as the claims come, so that memory does
/// not grow with their number; a table holds them all, to pad its columns to the widest.
void PrintClaims(std::ostream& out, const std::function<void(const ClaimVisitor&)>& claims,
                 Format format);
/// A sync's or re-extraction's outcome for one file, as a JSON object.
nlohmann::json SyncFileJson(const SyncFileResult& file);
/// A run's counts as a JSON object.
nlohmann::json RunCountsJson(const RunCounts& counts);
/// The run listing (`annals runs`), and one run with its files (`annals runs --id N`).
void PrintRuns(std::ostream& out, const std::vector<RunInfo>& runs, Format format);
void PrintRunDetail(std::ostream& out, const RunDetail& detail, Format format);
/// The document listing.
void PrintDocuments(std::ostream& out, const std::vector<DocumentInfo>& docs, Format format);

/// `s` as a terminal may show it: control characters (C0, DEL, C1), the line and paragraph
/// separators, bidirectional controls (U+061C, U+200E-200F, U+202A-202E, U+2066-2069) and
/// bytes that are not UTF-8 become escapes (`\n`, `\x1b`, `\u202e`, `\xff`), so that text
/// from a bulletin can neither drive the terminal, reorder the line nor break a row. For
/// people only: JSON and CSV keep the true text.
std::string Printable(std::string_view s);

/// A table column: its header and the most display columns a cell may take (0: any).
struct Column {
  std::string name;
  std::size_t max_width = 0;
};

/// Renders rows of true text as a table with a header line: each cell Printable(), cut
/// with an ellipsis to its column's max_width (never inside a character or an escape),
/// columns padded to their widest cell in display columns (CJK characters count two).
void PrintTable(std::ostream& out, const std::vector<Column>& columns,
                const std::vector<std::vector<std::string>>& rows);

/// A value with its qualifier for people: `>35000`, `~500`, `<=100`.
std::string FigureText(const Claim& c);
/// A valid time for people: `2018`, `2006..2019-01-23`, empty when unknown.
std::string ValidText(const DateRange& r);
/// A report date for people, `?` after an inferred one.
std::string ReportedText(const Claim& c);
/// What a claim states for people: `70 city (friendly_exchange)`, `agreement_signed`.
std::string WhatText(const Claim& c);
/// JSON text; bytes that are not UTF-8 become U+FFFD, so that the output stays whole.
std::string JsonText(const nlohmann::json& j, int indent = -1);
/// Writes `rows` as CSV with a header line.
void PrintCsvRows(std::ostream& out, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows);

// The analyst's answers (analyst_format.cpp), in each format.
void PrintConflicts(std::ostream& out, const ConflictReport& report, Format format);
void PrintHistory(std::ostream& out, const HistoryResult& history, Format format);
void PrintDiff(std::ostream& out, const DiffResult& diff, Format format);
/// Subjects (`metrics` false) or metrics.
void PrintCatalog(std::ostream& out, const std::vector<CatalogEntry>& entries, bool metrics,
                  Format format);
/// Relations of an answer: partner, as written, kind, since-date, sources.
void PrintRelations(std::ostream& out, const QueryResult& result, Format format);
/// Events of an answer: when, what, whose, how certainly.
void PrintEvents(std::ostream& out, const QueryResult& result, Format format);

}  // namespace annals::cli
