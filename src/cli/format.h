// Output of the CLI: claims and documents as tables, JSON, JSON Lines or CSV.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
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
/// The document listing.
void PrintDocuments(std::ostream& out, const std::vector<DocumentInfo>& docs, Format format);

/// Renders rows as a table with a header line, columns padded to their widest cell
/// (counted in display columns: CJK characters count two).
void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows);

/// A value with its qualifier for people: `>35000`, `~500`, `<=100`.
std::string FigureText(const Claim& c);

}  // namespace annals::cli
