// Names of the stored enums (include/annals/claim.h); these names are the export contract.
#include "annals/claim.h"

#include <array>
#include <utility>

namespace annals {
namespace {

template <typename E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [value, name] : table)
    if (value == e) return name;
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view name) {
  for (const auto& [value, n] : table)
    if (n == name) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<ClaimKind, std::string_view>, 3> kKinds{{
    {ClaimKind::kCount, "count"},
    {ClaimKind::kEvent, "event"},
    {ClaimKind::kRelation, "relation"},
}};
constexpr std::array<std::pair<Qualifier, std::string_view>, 7> kQualifiers{{
    {Qualifier::kExact, "exact"},
    {Qualifier::kMoreThan, "more_than"},
    {Qualifier::kAtLeast, "at_least"},
    {Qualifier::kNearly, "nearly"},
    {Qualifier::kAbout, "about"},
    {Qualifier::kLessThan, "less_than"},
    {Qualifier::kAtMost, "at_most"},
}};
constexpr std::array<std::pair<PartnerClass, std::string_view>, 4> kClasses{{
    {PartnerClass::kNone, ""},
    {PartnerClass::kFriendship, "friendship"},
    {PartnerClass::kFriendlyExchange, "friendly_exchange"},
    {PartnerClass::kAny, "any"},
}};
constexpr std::array<std::pair<RelationType, std::string_view>, 5> kRelations{{
    {RelationType::kNone, ""},
    {RelationType::kFriendshipCity, "friendship_city"},
    {RelationType::kFriendlyExchangeCity, "friendly_exchange_city"},
    {RelationType::kCooperationAgreement, "cooperation_agreement"},
    {RelationType::kSisterSchool, "sister_school"},
}};

}  // namespace

std::string_view ToString(ClaimKind v) { return NameOf(kKinds, v); }
std::string_view ToString(Qualifier v) { return NameOf(kQualifiers, v); }
std::string_view ToString(PartnerClass v) { return NameOf(kClasses, v); }
std::string_view ToString(RelationType v) { return NameOf(kRelations, v); }
std::optional<ClaimKind> ParseClaimKind(std::string_view s) { return ValueOf(kKinds, s); }
std::optional<Qualifier> ParseQualifier(std::string_view s) { return ValueOf(kQualifiers, s); }
std::optional<PartnerClass> ParsePartnerClass(std::string_view s) {
  return s.empty() ? std::nullopt : ValueOf(kClasses, s);
}
std::optional<RelationType> ParseRelationType(std::string_view s) {
  return s.empty() ? std::nullopt : ValueOf(kRelations, s);
}

}  // namespace annals
