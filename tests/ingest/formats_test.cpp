// Other encodings, saved HTML pages and sidecars ingest to the same claims as the plain
// UTF-8 bulletin, and every span still reads the original wording from the file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>

#include "ingest/ingest.h"
#include "store/store.h"
#include "support.h"
#include "text/decode.h"
#include "text/mapped_text.h"
#include "text/normalize.h"

using namespace annals;

namespace {

std::string WithoutPinyin(const std::string& utf8);

using Key = std::tuple<int, double, std::string, std::string, std::string, std::string, std::string>;

// What must not change with the file's form: kind, value, unit, subject, object, times.
std::vector<Key> Keys(const std::vector<Claim>& claims) {
  std::vector<Key> out;
  for (const auto& c : claims)
    out.emplace_back(static_cast<int>(c.kind), c.value.value_or(-1), c.unit, c.subject, c.object,
                     c.valid.from ? c.valid.from->ToString() : "",
                     c.valid.to ? c.valid.to->ToString() : "");
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Claim> IngestOne(const std::string& db_path, const std::string& file) {
  auto db = store::OpenSqliteStore(db_path);
  const auto report = ingest::IngestPaths(*db, {file}, {});
  REQUIRE(report.files.size() == 1);
  INFO(report.files[0].message);
  REQUIRE(report.files[0].status == IngestFileResult::Status::kAdded);
  store::ClaimFilter all;
  all.every_row = true;
  return db->SelectClaims(all);
}

std::string Slice(const std::string& bytes, const Span& span) {
  return bytes.substr(static_cast<std::size_t>(span.start),
                      static_cast<std::size_t>(span.end - span.start));
}

// Seed 004 as a Big5 page would hold it: without tone-marked pinyin, which Big5 cannot
// encode, and with the full-width yen sign ￥ that Big5 has for ¥ (NFKC reads both alike).
std::string ForBig5(const std::string& utf8) {
  std::string out = WithoutPinyin(utf8);
  for (std::size_t at; (at = out.find("\u00A5")) != std::string::npos;) out.replace(at, 2, "\uFFE5");
  return out;
}

std::string WithoutPinyin(const std::string& utf8) {
  const text::MappedText t = text::DecodeUtf8(utf8);
  std::string out;
  std::size_t kept = 0;
  const std::u32string& c = t.chars;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i > 0 && c[i] == '(' && c[i - 1] > 0x3000) {
      const std::size_t close = c.find(')', i);
      if (close != std::u32string::npos && close - i <= 8 &&
          std::all_of(c.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                      c.begin() + static_cast<std::ptrdiff_t>(close),
                      [](char32_t x) { return x < 0x300 && x != ' '; })) {
        out += utf8.substr(kept, static_cast<std::size_t>(t.origin[i].start) - kept);
        kept = static_cast<std::size_t>(t.origin[close].end);
        i = close;
      }
    }
  }
  return out + utf8.substr(kept);
}

}  // namespace

TEST_CASE("seed 004 in GB18030, Big5 and UTF-16 gives the claims and quotes of its UTF-8 original",
          "[ingest][encoding][seeds]") {
  testing::TempDir dir;
  const std::string original = testing::ReadBytes(testing::SeedPath("004"));
  for (const std::string encoding : {"GB18030", "Big5", "UTF-16LE"}) {
    DYNAMIC_SECTION(encoding) {
      const std::string utf8 = encoding == "Big5" ? ForBig5(original) : original;
      testing::WriteBytes(dir / "utf8.txt", utf8);
      const std::string bom = encoding == "UTF-16LE" ? "\xFF\xFE" : "";
      const std::string converted = bom + text::Encode(text::FromUtf8(utf8), encoding);
      REQUIRE(converted != utf8);
      testing::WriteBytes(dir / "converted.txt", converted);
      const auto expected = IngestOne(dir / ("utf8-" + encoding + ".db"), dir / "utf8.txt");
      const auto actual = IngestOne(dir / (encoding + ".db"), dir / "converted.txt");
      CHECK(Keys(actual) == Keys(expected));
      REQUIRE(actual.size() == expected.size());
      // Claims come out in text order in both: each span holds the same wording, and the
      // quote is that wording in UTF-8 whatever the file's encoding.
      for (std::size_t i = 0; i < actual.size(); ++i) {
        const std::string read = Slice(converted, actual[i].span);
        CHECK(text::DecodeToUtf8(read, encoding) == actual[i].quote);
        CHECK(actual[i].quote == expected[i].quote);
      }
    }
  }
}

TEST_CASE("seed 000 saved as an HTML page gives the claims of the text", "[ingest][html][seeds]") {
  testing::TempDir dir;
  const std::string original = testing::ReadBytes(testing::SeedPath("000"));
  std::istringstream lines(original);
  std::string line, title, body;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::string escaped;
    for (char c : line) escaped += c == '&' ? std::string("&amp;") : c == '<' ? std::string("&lt;") : std::string(1, c);
    if (title.empty()) {
      title = escaped;
      continue;
    }
    body += "<p>" + escaped + "</p>\n";
  }
  const std::string html =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title +
      "</title>\n<style>p { margin: 0 }</style>\n<script>var views = 12345; track(2019);</script>"
      "</head>\n<body><nav><a href=\"/\">Home</a> | <a href=\"/news\">News 2020</a></nav>\n"
      "<div class=\"article\">\n" + body + "</div>\n<footer>Copyright 2019 CCFAO, 10 rights</footer>"
      "</body></html>\n";
  testing::WriteBytes(dir / "page.html", html);
  testing::WriteBytes(dir / "plain.txt", original);
  const auto expected = IngestOne(dir / "a.db", dir / "plain.txt");
  const auto actual = IngestOne(dir / "b.db", dir / "page.html");
  CHECK(Keys(actual) == Keys(expected));
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    CHECK(Slice(html, actual[i].span) == actual[i].quote);
    CHECK(actual[i].quote == expected[i].quote);
  }
  CHECK(actual[0].document.published_on->ToString() == "2019-01-24");
}

TEST_CASE("an HTML page takes its date from its markup when the text has none", "[ingest][html]") {
  testing::TempDir dir;
  testing::WriteBytes(dir / "p.html",
                      "<html><head><title>Wuhan exchanges</title>"
                      "<meta name=\"publishdate\" content=\"2021-03-04\">"
                      "<meta name=\"author\" content=\"WHFAO\"></head><body>"
                      "<p>Wuhan received 12 foreign delegations &amp; more than 300 visitors.</p>"
                      "</body></html>");
  const auto claims = IngestOne(dir / "a.db", dir / "p.html");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].document.published_on->ToString() == "2021-03-04");
  CHECK_FALSE(claims[0].document.published_on_inferred);
  CHECK(claims[1].quote == "more than 300 visitors");
  auto db = store::OpenSqliteStore(dir / "a.db");
  CHECK(db->Documents()[0].publisher == "WHFAO");
}

TEST_CASE("a sidecar overrides the header", "[ingest][sidecar]") {
  testing::TempDir dir;
  testing::WriteBytes(dir / "b.txt",
                      "Qingdao exchanges\n\nUpdated : 2020-01-05Source : QDFAO\n\n"
                      "Qingdao has now established sister city relationships with 25 cities.\n");
  testing::WriteBytes(dir / "b.meta.json",
                      R"({"published_on": "2020-02", "source_uri": "http://example.org/b",
                          "publisher": "Qingdao FAO", "language": "en"})");
  const auto claims = IngestOne(dir / "a.db", dir / "b.txt");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].recorded_from->ToString() == "2020-02");
  CHECK(claims[0].valid.from->ToString() == "2020-02");
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto docs = db->Documents();
  CHECK(docs[0].source_uri == "http://example.org/b");
  CHECK(docs[0].publisher == "Qingdao FAO");
}

TEST_CASE("a bad sidecar rejects its bulletin, naming both", "[ingest][sidecar]") {
  testing::TempDir dir;
  testing::WriteBytes(dir / "c.txt", "Title\n\nUpdated : 2020-01-05Source : X\n\nText with 3 cities.\n");
  testing::WriteBytes(dir / "c.meta.json", R"({"published_on": "last week"})");
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto report = ingest::IngestPaths(*db, {dir / "c.txt"}, {});
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].status == IngestFileResult::Status::kRejected);
  CHECK_THAT(report.files[0].message, Catch::Contains("c.txt") && Catch::Contains("c.meta.json") &&
                                          Catch::Contains("published_on"));
  CHECK(db->Documents().empty());
}

TEST_CASE("an HTML page with no bulletin text is rejected", "[ingest][html]") {
  testing::TempDir dir;
  testing::WriteBytes(dir / "empty.html",
                      "<html><head><title>Login</title><script>x()</script></head>"
                      "<body><nav>Home</nav></body></html>");
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto report = ingest::IngestPaths(*db, {dir.path().string()}, {});
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].status == IngestFileResult::Status::kRejected);
  CHECK_THAT(report.files[0].message, Catch::Contains("empty.html") && Catch::Contains("HTML"));
}
