// annals/version.h: which build of the library, and of its extraction rules, this is.
#pragma once

#include <string_view>

namespace annals {

/// The library's version, `MAJOR.MINOR.PATCH`.
std::string_view Version();

/// The version of the extraction rules, the one stored with each claim this build
/// extracts (`extractor.version` in the export).
std::string_view ExtractorVersion();

}  // namespace annals
