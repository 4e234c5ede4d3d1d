// How the CLI opens its database: readers never create one, a new database survives
// several first writers at once, and a read-only folder can still be read.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <unistd.h>

#include "support.h"

using annals::testing::Annals;

TEST_CASE("reading commands on a missing or empty database exit 3 and create nothing",
          "[cli][open]") {
  annals::testing::TempDir dir;
  const std::string typo = dir / "typo.db";
  for (const char* command : {"query", "export", "documents"}) {
    const auto r = Annals(typo, command, true);
    CHECK(r.code == 3);
    CHECK_THAT(r.out, Catch::Contains("typo.db") && Catch::Contains("annals ingest"));
    CHECK_FALSE(std::filesystem::exists(typo));
  }
  const std::string empty = dir / "empty.db";
  annals::testing::WriteBytes(empty, "");
  for (const char* command : {"query", "export", "documents"}) {
    const auto r = Annals(empty, command, true);
    CHECK(r.code == 3);
    CHECK_THAT(r.out, Catch::Contains("empty.db"));
  }
  CHECK(std::filesystem::file_size(empty) == 0);
  const auto blank = Annals("", "query", true);
  CHECK(blank.code == 1);
  CHECK_THAT(blank.out, Catch::Contains("--db"));
}

TEST_CASE("several first ingests into a new database: one writes, the others are told who does",
          "[cli][open][slow]") {
  annals::testing::TempDir dir;
  const std::string seeds = annals::testing::SeedsDir().string();
  const std::string together = dir / "together.db";
  std::vector<annals::testing::Run> runs(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < runs.size(); ++i)
    threads.emplace_back([&, i] { runs[i] = Annals(together, "ingest -q '" + seeds + "'", true); });
  for (auto& t : threads) t.join();
  // Each opened the new database (the schema applied once, under the lock); one writer at a
  // time: a second exits at once with code 4, naming the process that writes.
  int written = 0;
  for (const auto& r : runs) {
    INFO(r.out);
    CHECK_THAT(r.out, !Catch::Contains("already exists"));
    CHECK((r.code == 0 || r.code == 4));
    if (r.code == 4) CHECK_THAT(r.out, Catch::Contains("another process is writing") && Catch::Contains("pid "));
    written += r.code == 0;
  }
  CHECK(written >= 1);
  REQUIRE(Annals(together, "ingest -q '" + seeds + "'").code == 0);
  const std::string alone = dir / "alone.db";
  REQUIRE(Annals(alone, "ingest -q '" + seeds + "'").code == 0);
  // Same claims, once each (the ingest times differ, so compare the lines' count).
  const auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  CHECK(lines(Annals(together, "export").out) == lines(Annals(alone, "export").out));
}

TEST_CASE("a database in a folder its reader cannot write is read without changes",
          "[cli][open]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  const std::string seeds = annals::testing::SeedsDir().string();
  REQUIRE(Annals(db, "ingest -q '" + seeds + "'").code == 0);
  const auto expected = Annals(db, "export");
  REQUIRE(expected.code == 0);
  // Readers as the owner leave no log files behind.
  CHECK_FALSE(std::filesystem::exists(db + "-wal"));
  CHECK_FALSE(std::filesystem::exists(db + "-shm"));
  if (geteuid() != 0 || access("/usr/bin/setpriv", X_OK) != 0) {
    WARN("not root or no setpriv: the read-only-folder case needs another user");
    return;
  }
  // The temporary folder is readable but not writable by `nobody`.
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all |
                                               std::filesystem::perms::group_read |
                                               std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
  const std::string before = annals::testing::ReadBytes(db);
  const auto as_nobody = [&](const std::string& command) {
    return annals::testing::RunCommand("setpriv --reuid=65534 --regid=65534 --clear-groups '" +
                                       std::string(ANNALS_CLI_PATH) + "' --db '" + db + "' " +
                                       command + " 2>&1");
  };
  const auto r = as_nobody("export");
  CHECK(r.code == 0);
  CHECK(r.out == expected.out);
  CHECK(annals::testing::ReadBytes(db) == before);
  for (const char* command : {"query", "documents"}) CHECK(as_nobody(command).code == 0);
}
