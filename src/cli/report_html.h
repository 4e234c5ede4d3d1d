// The self-contained HTML page of `annals report`: inline CSS and SVG, no scripts, fonts
// or anything fetched from elsewhere.
#pragma once

#include <string>
#include <vector>

#include "annals/database.h"

namespace annals::cli {

/// What the page shows about one subject.
struct ReportData {
  std::string subject;        ///< As asked.
  std::string generated_at;   ///< System time the page was made.
  std::vector<Claim> figures;  ///< Counts, any record time.
  ConflictReport conflicts;
  std::vector<Claim> relations;
  std::vector<Claim> events;
};

/// The page: a timeline chart (SVG) of each figure as reported over time, the conflicts
/// with their quotes side by side, the partner cities with since-dates, the events, and
/// every claim with its quote and document, which the chart points link to.
std::string ReportHtml(const ReportData& data);

}  // namespace annals::cli
