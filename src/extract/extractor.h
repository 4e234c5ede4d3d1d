// The extractor: a parsed bulletin in, claim drafts out.
#pragma once

#include <functional>
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

/// Receives each claim draft as the extractor makes it, in the order of the text.
using DraftSink = std::function<void(Draft&& draft)>;
/// Extract(), handing each draft to `sink` as it is made instead of collecting them in
/// Extraction::claims (left empty): a large bulletin makes a hundred thousand, which the
/// caller may keep in less room than drafts take.
Extraction Extract(const text::Bulletin& doc, const std::optional<Date>& published,
                   const DraftSink& sink, const Knowledge& knowledge = Knowledge::Embedded());

/// The latest date `doc` mentions, if any (see Extraction::latest_date_mentioned).
std::optional<Date> LatestDateMentioned(const text::Bulletin& doc,
                                        const Knowledge& knowledge = Knowledge::Embedded());

}  // namespace annals::extract
