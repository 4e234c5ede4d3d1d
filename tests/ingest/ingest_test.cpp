// The ingest pipeline: idempotence, bad input rejected without writes, revisions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "ingest/ingest.h"
#include "ingest/reading.h"
#include "store/store.h"
#include "support.h"

using namespace annals;
using Status = IngestFileResult::Status;

namespace {

std::vector<Claim> Everything(store::Store& db) {
  store::ClaimFilter all;
  all.every_row = true;
  return db.SelectClaims(all);
}

const char kBulletin[] =
    "Harbin Foreign Affairs in 2021\n\nUpdated : 2022-01-15Source : HRBFAO\n\n"
    "In 2021, Harbin received 35 foreign delegations and more than 2,000 visitors.\n";

}  // namespace

TEST_CASE("SHA-256 matches the standard test vector", "[ingest]") {
  CHECK(ingest::Sha256Hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("ingesting the same folder twice changes nothing", "[ingest][seeds]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  const auto first = ingest::IngestPaths(*db, {testing::SeedsDir().string()}, {});
  REQUIRE(first.files.size() == 5);
  for (const auto& f : first.files) CHECK(f.status == Status::kAdded);
  const auto before = Everything(*db);
  const auto second = ingest::IngestPaths(*db, {testing::SeedsDir().string()}, {});
  for (const auto& f : second.files) CHECK(f.status == Status::kUnchanged);
  const auto after = Everything(*db);
  REQUIRE(before.size() == after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    CHECK(before[i].id == after[i].id);
    CHECK(before[i].known_from == after[i].known_from);
    CHECK(before[i].known_to == after[i].known_to);
  }
}

TEST_CASE("a file that is not a bulletin is rejected and nothing of it is written",
          "[ingest]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  testing::WriteBytes(dir / "good.txt", kBulletin);
  testing::WriteBytes(dir / "empty.txt", "");
  testing::WriteBytes(dir / "binary.txt", std::string("PK\x03\x04\0\0\x14\0", 8));
  testing::WriteBytes(dir / "latin1.txt", "Title\n\nCaf\xe9 in M\xfcnchen hosted 3 fairs.\n");
  testing::WriteBytes(dir / "title-only.txt", "Just a title\n");
  const auto report = ingest::IngestPaths(*db, {dir.path().string()}, {});
  std::map<std::string, IngestFileResult> by_name;
  for (const auto& f : report.files) by_name[std::filesystem::path(f.path).filename()] = f;
  CHECK(by_name["good.txt"].status == Status::kAdded);
  CHECK(by_name["empty.txt"].status == Status::kRejected);
  CHECK_THAT(by_name["empty.txt"].message, Catch::Contains("empty.txt") && Catch::Contains("empty"));
  CHECK(by_name["binary.txt"].status == Status::kRejected);
  CHECK_THAT(by_name["binary.txt"].message, Catch::Contains("binary"));
  CHECK(by_name["latin1.txt"].status == Status::kRejected);
  CHECK_THAT(by_name["latin1.txt"].message, Catch::Contains("UTF-8") && Catch::Contains("offset 10"));
  CHECK(by_name["title-only.txt"].status == Status::kRejected);
  CHECK(report.HasRejections());
  // Only the good bulletin is stored.
  const auto docs = db->Documents();
  REQUIRE(docs.size() == 1);
  CHECK_THAT(docs[0].ref.path, Catch::EndsWith("good.txt"));
}

TEST_CASE("files over the size limit and missing paths are rejected", "[ingest]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  testing::WriteBytes(dir / "big.txt", kBulletin);
  IngestOptions small;
  small.max_file_bytes = 10;
  auto report = ingest::IngestPaths(*db, {dir / "big.txt", dir / "missing.txt"}, small);
  REQUIRE(report.files.size() == 2);
  for (const auto& f : report.files) CHECK(f.status == Status::kRejected);
  CHECK(db->Documents().empty());
}

TEST_CASE("a revised bulletin replaces its claims without losing history", "[ingest]") {
  testing::TempDir dir;
  auto db = store::OpenSqliteStore(dir / "a.db");
  testing::WriteBytes(dir / "b.txt", kBulletin);
  ingest::IngestPaths(*db, {dir / "b.txt"}, {});
  const auto first = Everything(*db);
  REQUIRE_FALSE(first.empty());
  std::string revised = kBulletin;
  revised.replace(revised.find("2022-01-15"), 10, "2022-02-01");
  revised.replace(revised.find("35 foreign"), 2, "36");
  testing::WriteBytes(dir / "b.txt", revised);
  const auto report = ingest::IngestPaths(*db, {dir / "b.txt"}, {});
  CHECK(report.files[0].status == Status::kAdded);
  const auto all = Everything(*db);
  bool old_closed = false, successor_ended = false, new_figure = false;
  for (const auto& c : all) {
    if (c.value && *c.value == 35 && c.known_to) old_closed = true;
    if (c.value && *c.value == 35 && !c.known_to && c.recorded_to &&
        c.recorded_to->ToString() == "2022-02-01")
      successor_ended = true;
    if (c.value && *c.value == 36 && !c.known_to) new_figure = true;
  }
  CHECK(old_closed);
  CHECK(successor_ended);
  CHECK(new_figure);
}
