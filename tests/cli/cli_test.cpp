// The `annals` command as a user runs it: formats, exit codes, messages.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

TEST_CASE("the CLI ingests, queries and exports in every format", "[cli][seeds]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  const std::string seeds = annals::testing::SeedsDir().string();
  auto r = Annals(db, "ingest '" + seeds + "'");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("5 added"));

  const std::string q = "query --subject Changchun --metric partner_cities --as-reported-on 2019-02-01";
  r = Annals(db, q);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("latest") && Catch::Contains("conflicts:") &&
                        Catch::Contains("70 cities"));

  r = Annals(db, q + " --format json");
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["claims"].size() >= 3);

  r = Annals(db, q + " --format jsonl");
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines == doc["claims"].size());

  r = Annals(db, q + " --format csv");
  CHECK_THAT(r.out, Catch::StartsWith("id,kind,subject,metric,class,value"));

  r = Annals(db, "query --subject Changchun --metric partner_cities --as-reported-on 2018-06-01");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("nothing on record on 2018-06-01"));

  r = Annals(db, "export --format jsonl");
  CHECK(r.code == 0);
  std::size_t n = 0;
  std::size_t start = 0;
  for (std::size_t end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
    const auto claim = nlohmann::json::parse(r.out.substr(start, end - start));
    for (const char* field : {"id", "kind", "subject", "metric", "class", "value", "value_min",
                              "value_max", "qualifier", "unit", "object", "relation", "valid_from",
                              "valid_to", "valid_precision", "recorded_from", "recorded_to",
                              "known_from", "known_to", "lang", "quote", "span", "document",
                              "extractor"})
      CHECK(claim.contains(field));
    CHECK_FALSE(claim["subject"].get<std::string>().empty());  // whose claim it is, always
    ++n;
  }
  CHECK(n > 100);

  r = Annals(db, "documents");
  CHECK_THAT(r.out, Catch::Contains("2018-12-19") && Catch::Contains("2016-05?"));
  r = Annals(db, "documents --format json");
  CHECK(nlohmann::json::parse(r.out).size() == 5);
}

TEST_CASE("the CLI's exit codes say what went wrong", "[cli]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  CHECK(Annals(db, "").code == 1);
  CHECK(Annals(db, "query --as-reported-on yesterday").code == 1);
  CHECK(Annals(db, "query --format xml").code == 1);
  annals::testing::WriteBytes(dir / "bad.txt", std::string("\0\0\0", 3));
  const auto r = Annals(db, "ingest '" + (dir / "bad.txt") + "'", true);
  CHECK(r.code == 2);
  CHECK_THAT(r.out, Catch::Contains("bad.txt") && Catch::Contains("binary"));
  annals::testing::WriteBytes(dir / "junk.db", std::string(4096, 'x'));
  CHECK(Annals(dir / "junk.db", "documents").code == 3);
  CHECK(Annals(db, "--help").code == 0);
  CHECK_THAT(Annals(db, "query --help").out, Catch::Contains("Example"));
}

TEST_CASE("each kind of bad input exits 2, names the file and leaves the database as it was",
          "[cli][input]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  annals::testing::WriteBytes(dir / "good.txt",
                              "Title\n\nUpdated : 2020-01-05Source : X\n\nXi'an hosted 4 fairs.\n");
  REQUIRE(Annals(db, "ingest '" + (dir / "good.txt") + "'").code == 0);
  const std::string before = Annals(db, "export").out;
  struct Case {
    const char* name;
    std::string bytes;
    const char* reason;
    const char* extra_args;
  };
  const Case cases[] = {
      {"empty.txt", "", "empty", ""},
      {"binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary", ""},
      {"invalid.txt", "Title\n\nFigures: \xC3\x28 12 cities\n", "offset 16", ""},
      {"large.txt", "Title\n\nUpdated : 2020-01-05Source : X\n\n" + std::string(300, 'x') + "\n",
       "over the limit", "--max-bytes 100"},
      {"page.html", "<html><head><title>Login</title></head><body><nav>Menu</nav></body></html>",
       "HTML", ""},
  };
  for (const auto& c : cases) {
    annals::testing::WriteBytes(dir / c.name, c.bytes);
    const auto r = Annals(db, std::string("ingest ") + c.extra_args + " '" + (dir / c.name) + "'", true);
    INFO(c.name << ": " << r.out);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains(c.name) && Catch::Contains(c.reason));
    CHECK(Annals(db, "export").out == before);
  }
  // In a folder, the bad files are reported and the good ones still ingested.
  annals::testing::WriteBytes(dir / "second.txt",
                              "Title 2\n\nUpdated : 2020-02-05Source : X\n\nWuhan hosted 6 fairs.\n");
  const auto r = Annals(db, "ingest '" + dir.path().string() + "'", true);
  CHECK(r.code == 2);
  CHECK_THAT(r.out, Catch::Contains("added") && Catch::Contains("second.txt"));
  CHECK(Annals(db, "export").out.size() > before.size());
}
