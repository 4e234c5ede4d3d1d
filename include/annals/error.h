// annals/error.h: the one exception type of the library and its codes.
#pragma once

#include <stdexcept>
#include <string>

namespace annals {

/// What kind of failure an Error reports. The CLI maps these to its exit codes:
/// kUsage → 1, kInput → 2, kDatabase → 3, kLocked → 4.
enum class ErrorCode {
  kUsage = 1,     ///< The caller asked for something malformed (bad date, unknown field).
  kInput = 2,     ///< A bulletin could not be read; nothing of it was written.
  kDatabase = 3,  ///< The database could not be opened, migrated, read or written.
  kLocked = 4,    ///< Another process is writing to the database (an ingest or a sync).
};

/// A real failure. Malformed bulletins inside a folder are reported as diagnostics in an
/// IngestReport instead, so that one bad file does not stop the others.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, int sqlite_code = 0)
      : std::runtime_error(message), code_(code), sqlite_code_(sqlite_code) {}

  ErrorCode code() const noexcept { return code_; }
  /// SQLite's extended result code where the failure came from SQLite, otherwise 0.
  int sqlite_code() const noexcept { return sqlite_code_; }

 private:
  ErrorCode code_;
  int sqlite_code_;
};

}  // namespace annals
