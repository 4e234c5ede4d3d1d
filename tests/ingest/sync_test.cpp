// Sync through the library: dry runs, parallel reading, folders that look unmounted, files
// that cannot be read, and the in-order runner under it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <stdexcept>

#include "annals/error.h"
#include "ingest/in_order.h"
#include "ingest/sync.h"
#include "store/store.h"
#include "support.h"

using namespace annals;
namespace fs = std::filesystem;

namespace {

std::string Bulletin(const std::string& city, const std::string& date, int cities) {
  return "Partner report of " + city + "\nUpdated : " + date + "\n\n" + city +
         " has established friendship city relations with " + std::to_string(cities) +
         " cities.\n";
}

// Every claim row, without ids and system-time stamps.
std::vector<std::string> Rows(store::Store& db) {
  store::ClaimFilter all;
  all.every_row = true;
  std::vector<std::string> out;
  for (const auto& c : db.SelectClaims(all))
    out.push_back(c.subject + "|" + c.metric + "|" + std::to_string(c.value.value_or(-1)) + "|" +
                  c.quote + "|" + c.document.key + "|" + (c.known_to ? "closed" : "open") + "|" +
                  (c.recorded_to ? c.recorded_to->ToString() : "-"));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a dry run reports what would change and writes nothing", "[ingest][sync]") {
  testing::TempDir dir;
  fs::create_directories(dir / "b");
  testing::WriteBytes(dir / "b/harbin.txt", Bulletin("Harbin", "2019-05-01", 30));
  auto db = store::OpenSqliteStore(dir / "a.db");
  SyncOptions dry;
  dry.dry_run = true;
  const SyncReport planned = ingest::SyncFolder(*db, dir / "b", dry);
  CHECK(planned.run_id == 0);
  CHECK(planned.counts.files_new == 1);
  REQUIRE(planned.files.size() == 1);
  CHECK(planned.files[0].claims_added == 1);
  CHECK(Rows(*db).empty());
  CHECK(db->Runs(10).empty());

  ingest::SyncFolder(*db, dir / "b", {});
  const auto written = Rows(*db);
  fs::remove(dir / "b/harbin.txt");
  testing::WriteBytes(dir / "b/qiqihar.txt", Bulletin("Qiqihar", "2019-06-01", 12));
  const SyncReport again = ingest::SyncFolder(*db, dir / "b", dry);
  CHECK(again.counts.files_new == 1);
  CHECK(again.counts.files_removed == 1);
  CHECK(Rows(*db) == written);
  CHECK(db->Runs(10).size() == 1);
}

TEST_CASE("reading on several threads writes what one thread writes", "[ingest][sync]") {
  testing::TempDir dir;
  fs::create_directories(dir / "b");
  for (int i = 0; i < 24; ++i)
    testing::WriteBytes(dir / ("b/city" + std::to_string(100 + i) + ".txt"),
                        Bulletin(i % 2 ? "Harbin" : "Qiqihar", "2019-05-" + std::to_string(10 + i), i + 3));
  fs::copy(testing::SeedsDir(), dir / "b/seeds", fs::copy_options::recursive);
  auto one = store::OpenSqliteStore(dir / "one.db");
  auto two = store::OpenSqliteStore(dir / "two.db");
  ingest::SyncFolder(*one, dir / "b", {});
  SyncOptions parallel;
  parallel.jobs = 3;
  std::vector<std::string> order;
  parallel.on_file = [&](const SyncFileResult& f) { order.push_back(f.key); };
  ingest::SyncFolder(*two, dir / "b", parallel);
  CHECK(Rows(*one) == Rows(*two));
  CHECK(std::is_sorted(order.begin(), order.end()));
  CHECK(order.size() == 29);
}

TEST_CASE("a folder with no bulletin withdraws nothing unless asked", "[ingest][sync]") {
  testing::TempDir dir;
  fs::create_directories(dir / "b");
  testing::WriteBytes(dir / "b/harbin.txt", Bulletin("Harbin", "2019-05-01", 30));
  auto db = store::OpenSqliteStore(dir / "a.db");
  ingest::SyncFolder(*db, dir / "b", {});
  const auto before = Rows(*db);
  fs::remove(dir / "b/harbin.txt");
  CHECK_THROWS_WITH(ingest::SyncFolder(*db, dir / "b", {}),
                    Catch::Contains("no bulletin found") && Catch::Contains("nothing was withdrawn"));
  CHECK(Rows(*db) == before);
  CHECK_THROWS_AS(ingest::SyncFolder(*db, dir / "missing", {}), Error);
  SyncOptions allow;
  allow.allow_empty = true;
  const SyncReport r = ingest::SyncFolder(*db, dir / "b", allow);
  CHECK(r.counts.files_removed == 1);
  CHECK(db->CurrentVersions(std::nullopt).empty());
}

TEST_CASE("a file that no longer reads keeps its document and fails alone", "[ingest][sync]") {
  testing::TempDir dir;
  fs::create_directories(dir / "b");
  testing::WriteBytes(dir / "b/harbin.txt", Bulletin("Harbin", "2019-05-01", 30));
  testing::WriteBytes(dir / "b/qiqihar.txt", Bulletin("Qiqihar", "2019-06-01", 12));
  auto db = store::OpenSqliteStore(dir / "a.db");
  ingest::SyncFolder(*db, dir / "b", {});
  const auto before = Rows(*db);
  testing::WriteBytes(dir / "b/harbin.txt", std::string("binary\0junk", 11));
  testing::WriteBytes(dir / "b/mudanjiang.txt", Bulletin("Mudanjiang", "2020-03-01", 9));
  const SyncReport r = ingest::SyncFolder(*db, dir / "b", {});
  CHECK(r.counts.files_failed == 1);
  CHECK(r.counts.files_new == 1);
  CHECK(r.counts.files_removed == 0);
  const auto failed = std::find_if(r.files.begin(), r.files.end(),
                                   [](const auto& f) { return f.outcome == FileOutcome::kFailed; });
  REQUIRE(failed != r.files.end());
  CHECK_THAT(failed->message, Catch::Contains("harbin.txt"));
  // Harbin's claims stay as they were; the run lists the failure.
  for (const auto& row : before) CHECK(std::find(Rows(*db).begin(), Rows(*db).end(), row) != Rows(*db).end());
  const auto detail = db->Run(r.run_id);
  REQUIRE(detail);
  CHECK(detail->run.state == RunState::kCompleted);
  CHECK(detail->files.size() == 2);
}

TEST_CASE("the in-order runner hands results over in order and stops on a failure",
          "[ingest][sync]") {
  for (const int jobs : {1, 2, 4}) {
    std::vector<int> seen;
    ingest::InOrder<int>(
        100, jobs, [](std::size_t i) { return static_cast<int>(i) * 2; },
        [&](int&& v) { seen.push_back(v); });
    REQUIRE(seen.size() == 100);
    for (int i = 0; i < 100; ++i) CHECK(seen[static_cast<std::size_t>(i)] == 2 * i);

    std::atomic<int> produced{0};
    int consumed = 0;
    CHECK_THROWS_AS(ingest::InOrder<int>(
                        1000, jobs,
                        [&](std::size_t i) {
                          ++produced;
                          return static_cast<int>(i);
                        },
                        [&](int&& v) {
                          ++consumed;
                          if (v == 10) throw std::runtime_error("stop");
                        }),
                    std::runtime_error);
    CHECK(consumed == 11);
    CHECK(produced < 11 + 2 * jobs + 1);  // at most the window ahead of the writer
  }
}
