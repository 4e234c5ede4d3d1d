// The versions of this build (include/annals/version.h).
#include "annals/version.h"

#include "extract/draft.h"

namespace annals {

std::string_view Version() { return ANNALS_VERSION; }

std::string_view ExtractorVersion() { return extract::kExtractorVersion; }

}  // namespace annals
