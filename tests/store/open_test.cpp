// Opening a database file: the schema version is checked before anything changes, and a
// read-only open never writes.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "annals/error.h"
#include "store/migrate.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support.h"

using namespace annals;

namespace {

std::string JournalMode(const std::string& path) {
  store::Connection conn(path, path, SQLITE_OPEN_READONLY);
  store::Statement s(conn, "PRAGMA journal_mode");
  REQUIRE(s.Step());
  return s.Text(0);
}

}  // namespace

TEST_CASE("a database of a newer schema is refused before anything in it changes", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "newer.db";
  {
    store::Connection conn(path);  // a rollback-journal database, as another build left it
    conn.Execute("CREATE TABLE t(x)");
    conn.Execute("PRAGMA user_version = 99");
  }
  const std::string before = testing::ReadBytes(path);
  for (OpenMode mode : {OpenMode::kCreate, OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    try {
      store::OpenSqliteStore(path, mode);
      FAIL("a newer schema was accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kDatabase);
      CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains("99"));
    }
  }
  CHECK(JournalMode(path) == "delete");
  CHECK(testing::ReadBytes(path) == before);
}

TEST_CASE("a read-only open needs an existing, current database and writes nothing", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "annals.db";
  CHECK_THROWS_AS(store::OpenSqliteStore(path, OpenMode::kReadOnly), Error);
  CHECK_FALSE(std::filesystem::exists(path));
  testing::WriteBytes(path, "");
  CHECK_THROWS_AS(store::OpenSqliteStore(path, OpenMode::kReadWrite), Error);
  CHECK(std::filesystem::file_size(path) == 0);
  std::filesystem::remove(path);
  store::OpenSqliteStore(path, OpenMode::kCreate);
  const std::string before = testing::ReadBytes(path);
  {
    auto reader = store::OpenSqliteStore(path, OpenMode::kReadOnly);
    CHECK(reader->Documents().empty());
  }
  CHECK(testing::ReadBytes(path) == before);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
  CHECK_FALSE(std::filesystem::exists(path + "-shm"));
}
