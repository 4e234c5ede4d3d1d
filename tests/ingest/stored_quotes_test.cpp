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
  const std::string path = dir / "annals.db";
  {
    auto db = store::OpenSqliteStore(path);
    const auto report = ingest::IngestPaths(*db, {dir / "gb.txt"}, {});
    REQUIRE(report.files.at(0).status == IngestFileResult::Status::kAdded);
  }
  store::Connection conn(path);
  const std::vector<std::string> decoded = Quotes(conn);
  REQUIRE(!decoded.empty());
  CHECK_THAT(decoded[0], Catch::Contains("国家"));
  // The database as an older build wrote it: raw bytes at the span, schema version 3.
  conn.Execute(
      "UPDATE claims SET quote = CAST(substr((SELECT content FROM document_versions v "
      "WHERE v.id = claims.document_version_id), span_start + 1, span_end - span_start) AS TEXT)");
  conn.Execute("PRAGMA user_version = 3");
  REQUIRE(Quotes(conn) != decoded);
  store::Migrate(conn);
  CHECK(store::SchemaVersion(conn) >= 4);
  CHECK(Quotes(conn) == decoded);
}
