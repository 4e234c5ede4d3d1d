// An ingest that a database error stops says what it had committed and which file it was
// writing, and its run is recorded as failed; the same ingest again goes on from there.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;

namespace {

struct RunRow {
  std::optional<int> status;
  std::string message;
  bool finished = false;
};

// The latest ingest run as the database recorded it.
RunRow LatestRun(const std::string& db) {
  sqlite3* conn = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(conn,
                             "SELECT status, message, finished_at FROM ingest_runs "
                             "ORDER BY id DESC LIMIT 1",
                             -1, &s, nullptr) == SQLITE_OK);
  RunRow row;
  if (sqlite3_step(s) == SQLITE_ROW) {
    if (sqlite3_column_type(s, 0) != SQLITE_NULL) row.status = sqlite3_column_int(s, 0);
    row.message = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    row.finished = sqlite3_column_type(s, 2) != SQLITE_NULL;
  }
  sqlite3_finalize(s);
  sqlite3_close(conn);
  return row;
}

std::set<std::string> StoredPaths(const std::string& db) {
  std::set<std::string> paths;
  for (const auto& d : nlohmann::json::parse(Annals(db, "documents --format json").out))
    paths.insert(std::filesystem::path(d["path"].get<std::string>()).filename().string());
  return paths;
}

}  // namespace

TEST_CASE("an ingest stopped by a lock lists what it committed, names the file and records "
          "its failure",
          "[cli][abort]") {
  annals::testing::TempDir dir;
  const std::string folder = dir / "in";
  std::filesystem::create_directories(folder);
  // Enough files that the run is still going when the lock is taken after its first one.
  constexpr int kFiles = 200;
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/f%03d.txt", i);
    annals::testing::WriteBytes(folder + name, "Report " + std::to_string(i) +
                                                   "\n\nUpdated : 2020-01-05Source : X\n\n"
                                                   "Xi'an hosted " +
                                                   std::to_string(i + 1) + " fairs.\n");
  }
  const std::string db = dir / "annals.db";
  constexpr int kWaitMs = 2000;  // the ingest's --busy-timeout
  FILE* ingest = popen(("'" + std::string(ANNALS_CLI_PATH) + "' --db '" + db +
                        "' ingest --busy-timeout " + std::to_string(kWaitMs) + " '" + folder +
                        "' 2>&1")
                           .c_str(),
                       "r");
  REQUIRE(ingest);
  std::string out;
  char line[4096];
  while (std::fgets(line, sizeof line, ingest)) {
    out += line;
    if (std::string(line).rfind("added", 0) == 0) break;
  }
  REQUIRE_THAT(out, Catch::StartsWith("added"));
  // Another writer takes the lock and keeps it past the ingest's wait, then lets go before
  // the ingest's second wait (to record its failure) runs out.
  sqlite3* holder = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &holder, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(holder, 60000);
  REQUIRE(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::this_thread::sleep_for(std::chrono::milliseconds(kWaitMs * 3 / 2));
  REQUIRE(sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(holder);
  while (std::fgets(line, sizeof line, ingest)) out += line;
  const int status = pclose(ingest);
  INFO(out);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);

  // Each committed file is listed, and only those.
  std::set<std::string> listed;
  std::size_t at = 0;
  for (std::size_t found; (found = out.find("added      ", at)) != std::string::npos;
       at = found + 1) {
    const std::size_t start = out.find("/f", found) + 1;
    listed.insert(out.substr(start, out.find(' ', start) - start));
  }
  CHECK(listed.size() >= 1);
  CHECK(listed.size() < kFiles);
  CHECK(listed == StoredPaths(db));
  CHECK_THAT(out, Catch::Contains(std::to_string(listed.size()) + " added") &&
                      Catch::Contains("before the run stopped"));
  // The error names the file being written, which is not one of those.
  const std::size_t error = out.find("annals: ");
  REQUIRE(error != std::string::npos);
  const std::size_t name = out.find("/f", error) + 1;
  const std::string failed = out.substr(name, out.find(':', name) - name);
  CHECK(listed.count(failed) == 0);
  CHECK_THAT(out, Catch::Contains(failed + ": not written") && Catch::Contains("locked") &&
                      Catch::Contains("2000 ms") && Catch::Contains("--busy-timeout"));

  // The run's row says it failed, and why.
  const RunRow run = LatestRun(db);
  CHECK(run.finished);
  CHECK(run.status == 2);
  CHECK_THAT(run.message, Catch::Contains(failed) && Catch::Contains("locked"));

  // The same ingest again goes on: what was committed is unchanged, the rest is added.
  const auto again = Annals(db, "ingest '" + folder + "'", true);
  CHECK(again.code == 0);
  CHECK_THAT(again.out, Catch::Contains(std::to_string(kFiles - listed.size()) + " added") &&
                            Catch::Contains(std::to_string(listed.size()) + " unchanged"));
  CHECK(StoredPaths(db).size() == kFiles);
  const RunRow completed = LatestRun(db);
  CHECK(completed.finished);
  CHECK(completed.status == 1);
  CHECK_THAT(completed.message, Catch::Contains(std::to_string(kFiles - listed.size()) + " added"));
}
