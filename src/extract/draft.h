// A claim as the extractor finds it, before storage gives it times and provenance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/time.h"

namespace annals::extract {

/// The extractor's version: stored with every claim, so that a claim made by an older
/// extractor can be told apart and re-extracted. Bump it whenever a rule changes output.
inline constexpr const char* kExtractorVersion = "0.1.0";

/// One extracted claim. `begin`/`end` index the normalised text of the bulletin; the
/// ingest layer maps them to byte offsets of the file.
struct Draft {
  ClaimKind kind = ClaimKind::kCount;
  std::string subject;
  std::string metric;
  PartnerClass partner_class = PartnerClass::kNone;
  std::optional<double> value;
  std::optional<double> value_min;
  std::optional<double> value_max;
  Qualifier qualifier = Qualifier::kExact;
  std::string unit;
  std::string object;
  std::string object_country;
  RelationType relation = RelationType::kNone;
  DateRange valid;
  std::string lang;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string rule;
};

}  // namespace annals::extract
