// The extractor: a parsed bulletin in, claim drafts out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annals/time.h"
#include "extract/draft.h"
#include "extract/knowledge.h"
#include "text/document.h"

namespace annals::extract {

struct Extraction {
  std::vector<Draft> claims;
  std::string city;  ///< The bulletin's own city, the default subject; empty if unknown.
  /// The latest date the text mentions: a lower bound for an undated bulletin.
  std::optional<Date> latest_date_mentioned;
  /// What was read and not used, for the user to see (`since 0000`: not a year).
  std::vector<std::string> warnings;
};

/// Extracts the claims of `doc`. `published` resolves relative times (`now`, `past 40
/// years`); without it those stay open.
Extraction Extract(const text::Bulletin& doc, const std::optional<Date>& published,
                   const Knowledge& knowledge = Knowledge::Embedded());

/// The latest date `doc` mentions, if any (see Extraction::latest_date_mentioned).
std::optional<Date> LatestDateMentioned(const text::Bulletin& doc,
                                        const Knowledge& knowledge = Knowledge::Embedded());

}  // namespace annals::extract
