// spdlog set up for people and for log collectors, with a progress line beside it.
#include "cli/log.h"

#include <unistd.h>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "cli/format.h"

namespace annals::cli {
namespace {

// The fields of the line being logged (Log sets them for the call on its thread).
thread_local const nlohmann::json* current_fields = nullptr;

// The progress line now on the terminal, redrawn after each log line. Guarded by the
// sink's mutex.
std::string progress_line;
std::mutex* terminal_mutex = nullptr;

double Seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Iso(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

class StderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  StderrSink(LogFormat format, bool terminal) : format_(format), terminal_(terminal) {
    terminal_mutex = &this->mutex_;
  }
  ~StderrSink() override { terminal_mutex = nullptr; }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const std::string message(msg.payload.data(), msg.payload.size());
    const std::string level(spdlog::level::to_string_view(msg.level).data(),
                            spdlog::level::to_string_view(msg.level).size());
    std::string line;
    if (format_ == LogFormat::kJson) {
      nlohmann::json j = {{"time", Iso(msg.time)}, {"level", level}, {"message", message}};
      if (current_fields)
        for (const auto& [key, value] : current_fields->items()) j[key] = value;
      line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else {
      const bool loud = msg.level >= spdlog::level::warn;
      const std::string shown = Printable(message);
      if (terminal_)
        line = (loud ? (msg.level >= spdlog::level::err ? "\x1b[31m" : "\x1b[33m") : "") +
               std::string(loud ? level + ": " : "") + shown + (loud ? "\x1b[0m" : "") + "\n";
      else
        line = Iso(msg.time) + " " + level + " " + shown + "\n";
    }
    if (!progress_line.empty()) std::fputs("\r\x1b[K", stderr);
    std::fputs(line.c_str(), stderr);
    if (!progress_line.empty()) std::fputs(progress_line.c_str(), stderr);
    std::fflush(stderr);
  }
  void flush_() override { std::fflush(stderr); }

 private:
  LogFormat format_;
  bool terminal_;
};

}  // namespace

void AddLogOptions(CLI::App& command, LogOptions& options) {
  command
      .add_option_function<std::string>(
          "--log-format",
          [&options](const std::string& v) {
            if (v == "text") options.format = LogFormat::kText;
            else if (v == "json") options.format = LogFormat::kJson;
            else
              throw CLI::ValidationError("--log-format", v + ": give text or json");
          },
          "How log lines on stderr look: text (for people) or json (one object a line, for "
          "journald and log collectors)")
      ->type_name("text|json")
      ->default_str("text");
  command.add_flag("-q,--quiet", options.quiet, "Log only warnings, errors and the summary");
  command.add_flag("-v,--verbose", options.verbose, "Log every file, unchanged ones too");
}

void SetUpLogging(const LogOptions& options) {
  auto sink = std::make_shared<StderrSink>(options.format, ::isatty(STDERR_FILENO) != 0);
  auto logger = std::make_shared<spdlog::logger>("annals", sink);
  logger->set_level(options.verbose ? spdlog::level::debug
                    : options.quiet ? spdlog::level::warn
                                    : spdlog::level::info);
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
}

void Log(int level, const std::string& message, const nlohmann::json& fields) {
  current_fields = &fields;
  spdlog::log(static_cast<spdlog::level::level_enum>(level), "{}", message);
  current_fields = nullptr;
}

Progress::Progress(const LogOptions& options, std::string what)
    : shown_(::isatty(STDERR_FILENO) && options.format == LogFormat::kText && !options.quiet),
      what_(std::move(what)),
      started_(Seconds()) {}

Progress::~Progress() {
  if (!shown_ || !terminal_mutex) return;
  std::lock_guard lock(*terminal_mutex);
  if (!progress_line.empty()) std::fputs("\r\x1b[K", stderr);
  progress_line.clear();
  std::fflush(stderr);
}

void Progress::Update(std::int64_t done, std::int64_t total) {
  if (!shown_ || !terminal_mutex) return;
  const double now = Seconds();
  if (done < total && now - last_drawn_ < 0.1) return;  // ten redraws a second at most
  last_drawn_ = now;
  constexpr int kWidth = 30;
  const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  const double rate = static_cast<double>(done) / std::max(now - started_, 1e-3);
  char tail[96];
  std::snprintf(tail, sizeof tail, "] %lld/%lld %s, %.0f/s", static_cast<long long>(done),
                static_cast<long long>(total), what_.c_str(), rate);
  std::lock_guard lock(*terminal_mutex);
  progress_line = "\r[" + std::string(static_cast<std::size_t>(filled), '#') +
                  std::string(static_cast<std::size_t>(kWidth - filled), ' ') + tail;
  std::fputs(progress_line.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace annals::cli
