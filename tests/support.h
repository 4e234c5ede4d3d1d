// Helpers shared by the tests: temporary folders and the seed bulletins.
#pragma once

#include <filesystem>
#include <string>

namespace annals::testing {

/// True in a build under AddressSanitizer, where programs run many times slower and hold
/// far more memory: tests that measure memory or feed large inputs scale down.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

/// A fresh folder under the system temporary directory, removed with its contents when
/// this object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// The project's seeds/ folder (the five reference bulletins).
std::filesystem::path SeedsDir();
/// Path of one seed bulletin by its number prefix, e.g. "003".
std::string SeedPath(const std::string& prefix);
/// Whole file contents.
std::string ReadBytes(const std::string& path);
void WriteBytes(const std::string& path, const std::string& bytes);

/// What one run of the `annals` command printed and how it exited.
struct Run {
  int code = -1;  ///< exit status; -1 when killed by a signal
  std::string out;
};
/// Runs a shell command line, capturing its stdout.
Run RunCommand(const std::string& command);
/// Runs the built `annals` with `--db db` and `args` (already shell-quoted), capturing
/// stdout, and stderr with it when `merge` is set.
Run Annals(const std::string& db, const std::string& args, bool merge = false);

}  // namespace annals::testing
