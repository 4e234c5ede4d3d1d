// Databases written when quotes of files in other encodings held the file's raw bytes are
// repaired by the migration: each quote becomes its span's text in UTF-8.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "ingest/ingest.h"
#include "store/migrate.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support.h"
#include "text/decode.h"
#include "text/mapped_text.h"

using namespace annals;

namespace {

std::vector<std::string> Quotes(store::Connection& conn) {
  std::vector<std::string> out;
  store::Statement s(conn, "SELECT quote FROM claims ORDER BY id");
  while (s.Step()) out.push_back(s.Text(0));
  return out;
}

}  // namespace

TEST_CASE("the migration decodes quotes stored as GB18030 bytes", "[ingest][encoding][migrate]") {
  testing::TempDir dir;
  const std::string utf8 = "Partner report of Qiqihar\nUpdated : 2020-03-01\n\n"
                           "齐齐哈尔市已与12个国家的20个城市建立友好城市关系。\n";
  testing::WriteBytes(dir / "gb.txt", text::Encode(text::FromUtf8(utf8), "GB18030"));
  std::vector<std::string> decoded;
  std::string version_row, claim_rows;
  {
    auto db = store::OpenSqliteStore(dir / "new.db");
    const auto report = ingest::IngestPaths(*db, {dir / "gb.txt"}, {});
    REQUIRE(report.files.at(0).status == IngestFileResult::Status::kAdded);
    store::Connection now(dir / "new.db");
    decoded = Quotes(now);
  }
  REQUIRE(!decoded.empty());
  CHECK_THAT(decoded[0], Catch::Contains("国家"));
  // The database as a build of schema version 3 wrote it: the quotes are the raw bytes at
  // their spans.
  const std::string path = dir / "old.db";
  store::Connection conn(path);
  store::Migrate(conn, 3);
  conn.Execute("ATTACH DATABASE '" + (dir / "new.db") + "' AS new");
  conn.Execute("INSERT INTO ingest_runs(id, started_at, extractor_version) SELECT id, started_at, "
               "extractor_version FROM new.ingest_runs");
  conn.Execute("INSERT INTO documents(id, path) SELECT d.id, v.path FROM new.documents d "
               "JOIN new.document_versions v ON v.document_id = d.id");
  conn.Execute("INSERT INTO document_versions(id, document_id, sha256, title, publisher, lang, "
               "published_on, content, byte_size, ingest_run_id, known_from, encoding) SELECT id, "
               "document_id, sha256, title, publisher, lang, published_on, content, byte_size, "
               "ingest_run_id, known_from, encoding FROM new.document_versions");
  conn.Execute("INSERT INTO claims(id, document_version_id, kind, subject, metric, lang, quote, "
               "span_start, span_end, rule, extractor_version, ingest_run_id, known_from) SELECT "
               "c.id, c.document_version_id, c.kind, c.subject, c.metric, c.lang, CAST(substr(v.content, "
               "c.span_start + 1, c.span_end - c.span_start) AS TEXT), c.span_start, c.span_end, c.rule, "
               "c.extractor_version, c.ingest_run_id, c.known_from FROM new.claims c "
               "JOIN new.document_versions v ON v.id = c.document_version_id");
  conn.Execute("DETACH DATABASE new");
  REQUIRE(Quotes(conn) != decoded);
  store::Migrate(conn);
  CHECK(store::SchemaVersion(conn) == store::LatestSchemaVersion());
  CHECK(Quotes(conn) == decoded);
}

TEST_CASE("the migration to collections keys each document by its folder and file name",
          "[ingest][migrate]") {
  testing::TempDir dir;
  const std::string path = dir / "old.db";
  {
    store::Connection conn(path);
    store::Migrate(conn, 4);
    conn.Execute("INSERT INTO ingest_runs(id, started_at, extractor_version) VALUES (1, 't', 'x')");
    conn.Execute("INSERT INTO documents(id, path) VALUES (1, '/srv/bulletins/a.txt'), "
                 "(2, '/mnt/bulletins/a.txt'), (3, '/srv/bulletins/b.txt')");
    conn.Execute("INSERT INTO document_versions(id, document_id, sha256, title, publisher, lang, "
                 "content, byte_size, ingest_run_id, known_from, source_uri) VALUES "
                 "(1, 1, 's1', 't', '', 'en', 'x', 1, 1, 't', ''), "
                 "(2, 2, 's2', 't', '', 'en', 'x', 1, 1, 't', ''), "
                 "(3, 3, 's3', 't', '', 'en', 'x', 1, 1, 't', 'https://example.org/b')");
    store::Migrate(conn);
  }
  auto db = store::OpenSqliteStore(path);
  const auto docs = db->CurrentVersions(std::nullopt);
  REQUIRE(docs.size() == 3);
  std::vector<std::string> identities;
  for (const auto& d : docs) identities.push_back(d.collection + " | " + d.key + " | " + d.path);
  std::sort(identities.begin(), identities.end());
  // The second a.txt would meet the first: it keeps its whole folder.
  CHECK(identities == std::vector<std::string>{
                          "/mnt/bulletins | a.txt | /mnt/bulletins/a.txt",
                          "bulletins | a.txt | /srv/bulletins/a.txt",
                          "bulletins | https://example.org/b | /srv/bulletins/b.txt"});
  CHECK(docs[0].extractor_version == "x");
}
