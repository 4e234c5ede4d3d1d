// Document passes over ties: what the bulletin as a whole says of the ties its sentences
// found, run once the sentence passes are done.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annals/time.h"
#include "extract/draft.h"
#include "extract/knowledge.h"
#include "text/document.h"

namespace annals::extract {

/// A table of partners (a header row naming the partner, country and tie-date columns):
/// a tie of `city` per row into `ties`, and the date of each dated row as the event of
/// its forming into `events`.
void ExtractTableTies(const text::Bulletin& doc, const std::string& city,
                      const std::optional<Date>& published, const Knowledge& k,
                      std::vector<Draft>& ties, std::vector<Draft>& events);

/// Gives each undated tie the start its partner's profile block states (`Surrey, Canada` /
/// `Relationship established: July 8, 1987`), matching the place by any of its names.
void DateTiesFromProfiles(const text::Bulletin& doc, const std::optional<Date>& published,
                          const Knowledge& k, std::vector<Draft>& ties);

/// Gives each undated tie the start another mention of the same tie (subject, partner,
/// kind and language) states.
void DateTiesFromOtherMentions(std::vector<Draft>& ties);

}  // namespace annals::extract
