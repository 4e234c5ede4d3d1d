// annals/claim.h: one statement of one bulletin, with its three times and its provenance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/time.h"

namespace annals {

// The integer values of the enums below are stored on disk: frozen. Add, never renumber.

/// What a claim states: a figure, a dated happening, or a tie between two places.
enum class ClaimKind : int { kCount = 1, kEvent = 2, kRelation = 3 };

/// How a figure relates to the stated number (`more than 35,000` is kMoreThan 35000).
enum class Qualifier : int {
  kExact = 0,
  kMoreThan = 1,
  kAtLeast = 2,
  kNearly = 3,
  kAbout = 4,
  kLessThan = 5,
  kAtMost = 6,
};

/// Which partner cities a partner_cities or partner_countries figure counts.
enum class PartnerClass : int {
  kNone = 0,              ///< Not a partner figure.
  kFriendship = 1,        ///< 友好城市, sister city, friendship city.
  kFriendlyExchange = 2,  ///< 友好交流城市, friendly cooperative relations.
  kAny = 3,               ///< Both kinds together.
};

/// The kind of tie a relation claim states.
enum class RelationType : int {
  kNone = 0,
  kFriendshipCity = 1,
  kFriendlyExchangeCity = 2,
  kCooperationAgreement = 3,
  kSisterSchool = 4,
};

std::string_view ToString(ClaimKind);
std::string_view ToString(Qualifier);
std::string_view ToString(PartnerClass);
std::string_view ToString(RelationType);
/// Inverse of ToString; nullopt for an unknown name.
std::optional<ClaimKind> ParseClaimKind(std::string_view);
std::optional<Qualifier> ParseQualifier(std::string_view);
std::optional<PartnerClass> ParsePartnerClass(std::string_view);
std::optional<RelationType> ParseRelationType(std::string_view);

/// Byte offsets [start, end) into the bulletin file exactly as stored on disk.
struct Span {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

/// The version of a bulletin a claim comes from.
struct DocumentRef {
  std::int64_t id = 0;  ///< Document version id.
  std::string path;
  std::string title;
  std::optional<Date> published_on;  ///< Record time starts here.
  bool published_on_inferred = false;  ///< True when no date line gave it (a lower bound).
  std::string sha256;
  std::string collection = {};  ///< With `key`, the document's identity (see `annals sync`).
  std::string key = {};  ///< The sidecar's source_uri, or the path inside the collection's folder.
};

/// One stored claim. Valid time says when the fact held; record time when the statement
/// was on the public record; system time when this database held the row.
struct Claim {
  std::int64_t id = 0;
  ClaimKind kind = ClaimKind::kCount;
  std::string subject;    ///< Canonical English name of whose figure or event it is.
  std::string metric;     ///< Counts: vocabulary metric or counted noun. Events: event type.
  PartnerClass partner_class = PartnerClass::kNone;
  std::optional<double> value;  ///< Counts only.
  std::optional<double> value_min;
  std::optional<double> value_max;
  Qualifier qualifier = Qualifier::kExact;
  std::string unit;      ///< English singular lemma of what is counted, or ISO currency.
  std::string object;    ///< Relations: the partner's canonical name. Events: participants.
  std::string object_country;
  RelationType relation = RelationType::kNone;

  DateRange valid;                       ///< Valid time.
  std::optional<Date> recorded_from;     ///< Record time start: the report's publication.
  std::optional<Date> recorded_to;       ///< Record time end (exclusive); nullopt: still on record.
  Timestamp known_from;                  ///< System time start.
  std::optional<Timestamp> known_to;     ///< System time end; nullopt: current row.

  std::string lang;   ///< `en`, `zh-Hant` or `zh-Hans`.
  std::string quote;  ///< The bulletin's own wording at `span`.
  Span span;
  DocumentRef document;
  std::string rule;               ///< Extractor rule that made the claim.
  std::string extractor_version;  ///< Version of the extractor that ran the rule.
};

}  // namespace annals
