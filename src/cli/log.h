// The log of the writing commands (`sync`, `reextract`): spdlog lines on stderr, readable
// at a terminal or one JSON object each for journald and log collectors, and a progress
// line on a terminal that the log lines never garble.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace annals::cli {

enum class LogFormat { kText, kJson };

struct LogOptions {
  LogFormat format = LogFormat::kText;
  bool quiet = false;    ///< Warnings and errors only.
  bool verbose = false;  ///< Also every unchanged file and the library's debug lines.
};

/// Adds --log-format, -q/--quiet and -v/--verbose to `command`.
void AddLogOptions(CLI::App& command, LogOptions& options);

/// Routes spdlog to stderr as `options` say, for the rest of the process.
void SetUpLogging(const LogOptions& options);

/// Logs `message` at `level` with `fields`: in JSON, each field is a key of the line's
/// object beside "time", "level" and "message"; in text, only the message shows.
void Log(int level, const std::string& message, const nlohmann::json& fields = nlohmann::json::object());

/// A progress line (a bar, the counts and the rate) on stderr while work goes on; shown
/// only when stderr is a terminal, the log is text and not quiet.
class Progress {
 public:
  Progress(const LogOptions& options, std::string what);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void Update(std::int64_t done, std::int64_t total);

 private:
  bool shown_;
  std::string what_;
  double started_;
  double last_drawn_ = 0;
};

}  // namespace annals::cli
