// The extractor: a parsed bulletin in, claim drafts out.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "annals/time.h"
#include "extract/draft.h"
#include "extract/knowledge.h"
#include "text/document.h"

namespace annals::extract {

struct Extraction {
  /// A deque: a large bulletin gives a hundred thousand claims, and a vector would hold up
  /// to three times their size while it grows.
  std::deque<Draft> claims;
  std::string city;  ///< The bulletin's own city, the default subject; empty if unknown.
  /// The latest date the text mentions: a lower bound for an undated bulletin.
  std::optional<Date> latest_date_mentioned;
};

/// Extracts the claims of `doc`. `published` resolves relative times (`now`, `past 40
/// years`); without it those stay open.
Extraction Extract(const text::Bulletin& doc, const std::optional<Date>& published,
                   const Knowledge& knowledge = Knowledge::Embedded());

/// The latest date `doc` mentions, if any (see Extraction::latest_date_mentioned).
std::optional<Date> LatestDateMentioned(const text::Bulletin& doc,
                                        const Knowledge& knowledge = Knowledge::Embedded());

}  // namespace annals::extract
