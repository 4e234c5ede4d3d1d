// Memory of the CLI on large inputs: ingest takes a small multiple of the bulletin, and
// export prints every claim without holding them.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support.h"

namespace {

using annals::testing::ReadBytes;
using annals::testing::SeedPath;
using annals::testing::TempDir;
using annals::testing::WriteBytes;

// Sanitizers pad and keep freed memory: what a process holds under them says nothing of
// what it holds in use, so the bounds are checked only without them.
using annals::testing::kSanitized;

// Under the sanitizers, where the bounds are not checked, small enough to stay quick.
constexpr std::size_t kSmall = kSanitized ? 128 * 1024 : 512 * 1024;
constexpr std::size_t kLarge = kSanitized ? 512 * 1024 : 4 * 1024 * 1024;

struct Measured {
  int code = -1;
  long peak_kb = 0;  ///< The largest resident set of the command or any process it ran.
};

// Runs a shell command line (its output sent elsewhere) through peak_rss.
Measured RunMeasured(const std::string& command) {
  std::string quoted;
  for (char c : command) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  const auto r = annals::testing::RunCommand(std::string("'") + ANNALS_PEAK_RSS_PATH + "' '" +
                                             quoted + "'");
  Measured m;
  m.code = r.code;
  std::istringstream(r.out) >> m.peak_kb;
  return m;
}

std::string Cli(const std::string& db, const std::string& args) {
  return std::string("'") + ANNALS_CLI_PATH + "' --db '" + db + "' " + args;
}

// A bulletin of at least `size` bytes: the title and date lines of seed 002, then its
// English paragraphs and the Chinese ones of seed 004 in turn, over and over; or, when
// `ascii`, the English ones alone with every byte past ASCII dropped.
std::string LargeBulletin(std::size_t size, bool ascii) {
  std::istringstream english(ReadBytes(SeedPath("002")));
  std::istringstream chinese(ReadBytes(SeedPath("004")));
  std::string head, line, english_block, chinese_block;
  for (int i = 0; i < 3 && std::getline(english, line); ++i) head += line + "\n";
  while (std::getline(english, line))
    if (line.size() > 40) english_block += line + "\n\n";
  std::getline(chinese, line);  // its title
  while (std::getline(chinese, line))
    if (line.size() > 40) chinese_block += line + "\n\n";
  std::string block = ascii ? english_block : english_block + chinese_block;
  if (ascii) std::erase_if(block, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  std::string out = head + "\n";
  while (out.size() < size) out += block;
  return out;
}

// `text` with the characters that HTML reads as markup written as references.
std::string EscapeHtml(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// A saved page of at least `size` bytes in UTF-8: the seed paragraphs of LargeBulletin in
// turn, inside a layout of the kinds publishers save: a paragraph nested forty containers
// deep, a table row of cells, links and attributes around a few words, a plain paragraph.
std::string LargePage(std::size_t size) {
  std::istringstream english(ReadBytes(SeedPath("002")));
  std::istringstream chinese(ReadBytes(SeedPath("004")));
  std::string title, line;
  std::getline(english, title);
  std::vector<std::string> paragraphs;
  while (std::getline(english, line))
    if (line.size() > 40) paragraphs.push_back(EscapeHtml(line));
  std::getline(chinese, line);  // its title
  while (std::getline(chinese, line))
    if (line.size() > 40) paragraphs.push_back(EscapeHtml(line));
  std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                    EscapeHtml(title) +
                    "</title><meta name=\"publishdate\" content=\"2018-12-19\"></head>\n"
                    "<body><div id=\"main\"><div class=\"content\">\n";
  for (std::size_t i = 0; out.size() < size; ++i) {
    const std::string& p = paragraphs[i % paragraphs.size()];
    switch (i % 3) {
      case 0:
        for (int d = 0; d < 40; ++d) out += "<div class=\"level-" + std::to_string(d) + "\">";
        out += "<p>" + p + "</p>";
        for (int d = 0; d < 40; ++d) out += "</div>";
        break;
      case 1:
        out += "<table class=\"list\"><tr>";
        for (int k = 0; k < 6; ++k)
          out += "<td class=\"cell\" style=\"padding:2px\"><a href=\"/news/" + std::to_string(i) +
                 ".html\" title=\"more\"><span class=\"n\">" + std::to_string(k) + "</span></a></td>";
        out += "</tr></table>";
        break;
      default:
        out += "<p class=\"text\">" + p + "</p>";
    }
    out += "\n";
  }
  return out + "</div></div></body></html>\n";
}

// Records of a CSV text (quoted cells may hold line breaks).
std::size_t CsvRecords(const std::string& csv) {
  std::size_t records = 0;
  bool quoted = false;
  for (char c : csv) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) ++records;
  }
  return records;
}

}  // namespace

TEST_CASE("ingest memory grows by less than ten times the bulletin", "[cli][memory][slow]") {
  for (const bool ascii : {false, true}) {
    DYNAMIC_SECTION((ascii ? "plain ASCII" : "English and Chinese")) {
      TempDir dir;
      const std::string small = LargeBulletin(kSmall, ascii);
      const std::string large = LargeBulletin(kLarge, ascii);
      WriteBytes(dir / "small.txt", small);
      WriteBytes(dir / "large.txt", large);
      const Measured a = RunMeasured(Cli(dir / "a.db", "ingest '" + dir / "small.txt" + "' >/dev/null"));
      const Measured b = RunMeasured(Cli(dir / "b.db", "ingest '" + dir / "large.txt" + "' >/dev/null"));
      REQUIRE(a.code == 0);
      REQUIRE(b.code == 0);
      // What the larger file takes beyond the smaller: the program's own code and data
      // are the same for both.
      const double ratio = static_cast<double>(b.peak_kb - a.peak_kb) * 1024.0 /
                           static_cast<double>(large.size() - small.size());
      INFO("peak " << a.peak_kb << " kB for " << small.size() << " bytes, " << b.peak_kb
                   << " kB for " << large.size() << " bytes: " << ratio << " times");
      if (!kSanitized) CHECK(ratio < 10.0);
    }
  }
}

TEST_CASE("ingest of a 16 MB HTML page peaks below ten times the page", "[cli][memory][slow][html]") {
  // gumbo's tree of a page takes several times its markup, so the page is built a piece at
  // a time. Under the sanitizers, where memory is not measured, a smaller page still goes
  // through every piece.
  TempDir dir;
  const std::string page = LargePage(kSanitized ? 2'000'000 : 16'000'000);
  WriteBytes(dir / "page.html", page);
  const Measured m = RunMeasured(Cli(dir / "a.db", "ingest '" + dir / "page.html" + "' >/dev/null"));
  REQUIRE(m.code == 0);
  const double ratio = static_cast<double>(m.peak_kb) * 1024.0 / static_cast<double>(page.size());
  INFO("peak " << m.peak_kb << " kB for " << page.size() << " bytes: " << ratio << " times");
  if (!kSanitized) CHECK(ratio < 10.0);
  // The page's paragraphs are all read: the claims of every seed paragraph, many times.
  const auto exported = annals::testing::Annals(dir / "a.db", "export --format csv");
  REQUIRE(exported.code == 0);
  CHECK(CsvRecords(exported.out) > 1000);
}

TEST_CASE("export prints many claims whole and well-formed, in memory that does not grow",
          "[cli][memory][slow]") {
  TempDir dir;
  WriteBytes(dir / "small.txt", LargeBulletin(kSmall, false));
  WriteBytes(dir / "large.txt", LargeBulletin(kLarge, false));
  REQUIRE(RunMeasured(Cli(dir / "a.db", "ingest '" + dir / "small.txt" + "' >/dev/null")).code == 0);
  const auto ingested = annals::testing::Annals(dir / "b.db", "ingest '" + dir / "large.txt" + "'");
  REQUIRE(ingested.code == 0);
  INFO(ingested.out);
  std::smatch added;
  REQUIRE(std::regex_search(ingested.out, added, std::regex(R"(\((\d+) claims\))")));
  const std::int64_t claims = std::stoll(added[1]);
  REQUIRE(claims > 1000);

  const Measured jsonl = RunMeasured(Cli(dir / "b.db", "export > '" + dir / "b.jsonl" + "'"));
  REQUIRE(jsonl.code == 0);
  std::istringstream lines(ReadBytes(dir / "b.jsonl"));
  std::int64_t count = 0, last_id = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    const auto c = nlohmann::json::parse(line);
    CHECK(c["id"].get<std::int64_t>() > last_id);
    last_id = c["id"].get<std::int64_t>();
    CHECK(c["span"]["end"].get<std::int64_t>() > c["span"]["start"].get<std::int64_t>());
    CHECK_FALSE(c["quote"].get<std::string>().empty());
    CHECK(c["document"]["path"].get<std::string>().find("large.txt") != std::string::npos);
  }
  CHECK(count == claims);

  REQUIRE(RunMeasured(Cli(dir / "b.db", "export --format json > '" + dir / "b.json" + "'")).code == 0);
  const auto array = nlohmann::json::parse(ReadBytes(dir / "b.json"));
  REQUIRE(array.is_array());
  CHECK(static_cast<std::int64_t>(array.size()) == claims);
  CHECK(array.back()["id"].get<std::int64_t>() == last_id);

  REQUIRE(RunMeasured(Cli(dir / "b.db", "export --format csv > '" + dir / "b.csv" + "'")).code == 0);
  CHECK(static_cast<std::int64_t>(CsvRecords(ReadBytes(dir / "b.csv"))) == claims + 1);

  // Exporting several times as many claims takes no more memory: each row is printed as
  // it is read.
  const Measured few = RunMeasured(Cli(dir / "a.db", "export >/dev/null"));
  const Measured many = RunMeasured(Cli(dir / "b.db", "export >/dev/null"));
  REQUIRE(few.code == 0);
  REQUIRE(many.code == 0);
  INFO("export peak " << few.peak_kb << " kB, then " << many.peak_kb << " kB for " << claims
                      << " claims");
  if (!kSanitized) CHECK(many.peak_kb - few.peak_kb < 4 * 1024);
}
