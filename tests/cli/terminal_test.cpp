// What the CLI prints for people is safe on a terminal: a bulletin's control and
// bidirectional characters are shown escaped, never sent, while JSON and CSV keep them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

namespace {

// The bytes a terminal would act on instead of showing: C0 controls but the line feeds
// that end lines, DEL, C1 controls (UTF-8 C2 80..9F) and the bidirectional controls.
bool HasTerminalControl(const std::string& out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    const std::string_view rest(out.data() + i, out.size() - i);
    if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) <= 0x9F)
      return true;
    for (const char* bidi : {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
                             "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"})
      if (rest.rfind(bidi, 0) == 0) return true;
  }
  return false;
}

// Display columns of a line: the CJK characters of these tests take two, others one.
std::size_t Columns(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += (n == 3 && c >= 0xE4 && c <= 0xE9) ? 2 : 1;  // U+4E00-9FFF
    i += n;
  }
  return w;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Every backslash the output shows starts a whole escape: none was cut by truncation.
void CheckEscapesWhole(const std::string& out) {
  static const std::regex kEscape(R"(^\\(x[0-9a-f]{2}|u[0-9a-f]{4}|n|r|t))");
  for (std::size_t i = out.find('\\'); i != std::string::npos; i = out.find('\\', i + 1)) {
    INFO(out.substr(i, 12));
    CHECK(std::regex_search(out.substr(i, 7), kEscape));
  }
}

}  // namespace

TEST_CASE("tables and messages show a bulletin's control characters escaped", "[cli][terminal]") {
  annals::testing::TempDir dir;
  const std::string folder = dir / "in";
  std::filesystem::create_directories(folder);
  // A path with an escape sequence, a line break and a right-to-left override.
  const std::string name = "evil\x1b[31m\nname\u202e.txt";
  // The escape falls across the title column's cut (50 columns, 34 in query tables), and
  // the wide characters before it shift where that is.
  const std::string title = "重慶 \x1b]0;owned\x07 report\u009b\u202eemoh of \x1b[2J the year, "
                            "with a title long enough to be cut";
  annals::testing::WriteBytes(folder + "/" + name,
                              title + "\n\nUpdated : 2020-01-05Source : X\n\n"
                                      "Xi'an has 12 sister\x0b cities and 7\x0c friendship "
                                      "cities.\n");
  const std::string db = dir / "annals.db";

  const auto ingest = Annals(db, "ingest '" + folder + "'", true);
  INFO(ingest.out);
  REQUIRE(ingest.code == 0);
  CHECK_FALSE(HasTerminalControl(ingest.out));
  CHECK_THAT(ingest.out, Catch::Contains("evil\\x1b[31m\\nname\\u202e.txt"));
  CHECK(Lines(ingest.out).size() == 2);  // the file's line and the summary

  const auto documents = Annals(db, "documents", true);
  INFO(documents.out);
  CHECK(documents.code == 0);
  CHECK_FALSE(HasTerminalControl(documents.out));
  CHECK_THAT(documents.out, Catch::Contains("evil\\x1b[31m\\nname\\u202e.txt") &&
                                Catch::Contains("\\x1b]0;owned\\x07 report\\u009b\\u202eemoh"));
  CheckEscapesWhole(documents.out);
  const auto rows = Lines(documents.out);
  REQUIRE(rows.size() == 4);  // header, one row, a blank line, the note
  // The title is cut to 50 columns and the path starts where its header does.
  const std::size_t path_column = Columns(rows[0].substr(0, rows[0].find("PATH")));
  const std::size_t title_column = Columns(rows[0].substr(0, rows[0].find("TITLE")));
  CHECK(Columns(rows[1].substr(0, rows[1].find("/"))) == path_column);
  CHECK(path_column - title_column <= 50 + 2);
  CHECK_THAT(rows[1], Catch::Contains("…"));

  const auto query = Annals(db, "query", true);
  INFO(query.out);
  CHECK(query.code == 0);
  CHECK_FALSE(HasTerminalControl(query.out));
  CHECK_THAT(query.out, Catch::Contains("12 sister\\x0b cities") &&
                            Catch::Contains("7\\x0c friendship cities"));
  CheckEscapesWhole(query.out);

  // A message naming the file is escaped too.
  annals::testing::WriteBytes(folder + "/bad\x1b[2J.txt", "");
  const auto rejected = Annals(db, "ingest '" + folder + "'", true);
  CHECK(rejected.code == 2);
  CHECK_FALSE(HasTerminalControl(rejected.out));
  CHECK_THAT(rejected.out, Catch::Contains("bad\\x1b[2J.txt"));

  // Programs get the true text.
  const auto json = nlohmann::json::parse(Annals(db, "documents --format json").out);
  REQUIRE(json.size() == 1);
  CHECK(json[0]["title"] == title);
  CHECK(std::filesystem::path(json[0]["path"].get<std::string>()).filename() == name);
  const auto csv = Annals(db, "query --format csv").out;
  CHECK_THAT(csv, Catch::Contains("12 sister\x0b cities"));
  CHECK_THAT(Annals(db, "documents --format csv").out, Catch::Contains(title));
  const auto exported = Annals(db, "export").out;
  CHECK_THAT(exported, Catch::Contains("12 sister\\u000b cities"));
}
