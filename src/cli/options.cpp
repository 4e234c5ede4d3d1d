// Option values of the CLI: each is checked in full, and a bad one is a usage error that
// names the option and the value and says what is accepted.
#include <charconv>
#include <limits>
#include <string>

#include "annals/error.h"
#include "cli/command.h"

namespace annals::cli {
namespace {

[[noreturn]] void Refuse(const std::string& option, const std::string& value,
                         const std::string& accepted) {
  throw Error(ErrorCode::kUsage, option + " " + value + ": " + accepted);
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

void AddFormatOption(CLI::App& command, Format& format, Format default_format) {
  format = default_format;
  command
      .add_option_function<std::string>(
          "--format", [&format](const std::string& v) { format = ParseFormat("--format", v); },
          "Output format: table, json, jsonl or csv")
      ->type_name("FORMAT")
      ->default_str(default_format == Format::kTable ? "table" : "jsonl");
}

Format ParseFormat(const std::string& option, const std::string& value) {
  const std::string name = Lower(value);
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  Refuse(option, value, "not a format; choose table, json, jsonl or csv");
}

Date ParseDateOption(const std::string& option, const std::string& value) {
  if (auto d = Date::Parse(value)) return *d;
  Refuse(option, value, "not a date; write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)");
}

Timestamp ParseTimestampOption(const std::string& option, const std::string& value) {
  if (auto t = ParseTimestamp(value)) return *t;
  Refuse(option, value,
         "not an instant; write YYYY-MM-DD (the end of that day) or "
         "YYYY-MM-DDTHH:MM:SS[.ffffff][Z] in UTC, hours 00-23, minutes and seconds 00-59");
}

std::int64_t ParseWholeNumber(const std::string& option, const std::string& value, std::int64_t min,
                              std::int64_t max) {
  std::int64_t n = 0;
  const char* end = value.data() + value.size();
  const auto [stop, ec] = std::from_chars(value.data(), end, n);
  if (value.empty() || ec != std::errc() || stop != end || n < min || n > max)
    Refuse(option, value,
           "not a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return n;
}

std::string ParseName(const std::string& option, const std::string& value,
                      const std::string& what) {
  if (value.empty())
    throw Error(ErrorCode::kUsage, option + ": empty; give " + what + ", or leave the option out");
  return value;
}

void AddFileReadingOptions(CLI::App& command, int& jobs, std::string& collection,
                           std::int64_t& max_bytes, const std::string& collection_help) {
  command
      .add_option_function<std::string>(
          "-j,--jobs",
          [&jobs](const std::string& v) { jobs = static_cast<int>(ParseWholeNumber("--jobs", v, 1, 256)); },
          "Files read and extracted at once (one writer writes them in order)")
      ->type_name("N")
      ->default_str(std::to_string(jobs));
  command
      .add_option_function<std::string>(
          "--collection",
          [&collection](const std::string& v) {
            collection = ParseName("--collection", v, "a collection name");
          },
          collection_help)
      ->type_name("NAME");
  command
      .add_option_function<std::string>(
          "--max-bytes",
          [&max_bytes](const std::string& v) {
            max_bytes = ParseWholeNumber("--max-bytes", v, 1, std::numeric_limits<std::int64_t>::max());
          },
          "Reject files larger than this many bytes")
      ->type_name("BYTES")
      ->default_str(std::to_string(max_bytes));
}

}  // namespace annals::cli
