// What the extractor finds in the seeds and in the development set, compared with the
// export recorded in tests/golden/: work on speed must leave every claim as it was, with
// one reading thread or several. After a deliberate change to the extractor, rerun with
// ANNALS_UPDATE_GOLDEN=1 to record the new export, and review its diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support.h"

namespace {

using annals::testing::Annals;
using annals::testing::ReadBytes;
using annals::testing::TempDir;
using annals::testing::WriteBytes;
namespace fs = std::filesystem;

// The export without what differs from run to run (system times) or machine to machine
// (paths): one line a claim, keys sorted.
std::string StableExport(const std::string& db) {
  const auto r = Annals(db, "export --format jsonl");
  REQUIRE(r.code == 0);
  std::istringstream in(r.out);
  std::string line, out;
  while (std::getline(in, line)) {
    auto row = nlohmann::json::parse(line);
    row.erase("known_from");
    row.erase("known_to");
    row["document"].erase("path");
    out += row.dump() + "\n";
  }
  return out;
}

std::string Ingested(const TempDir& tmp, const fs::path& folder, const std::string& jobs) {
  const std::string db = tmp / ("jobs" + jobs + ".db");
  const auto r = Annals(db, "ingest --jobs " + jobs + " '" + folder.string() + "'");
  REQUIRE((r.code == 0 || r.code == 2));  // a folder may hold a bulletin it refuses
  return StableExport(db);
}

// The development set and the generated corpus live beside the repository, not in it: its recorded form is the
// SHA-256 of the export, so that none of its text is copied here.
std::string Sha256(const TempDir& tmp, const std::string& text) {
  WriteBytes(tmp / "export.jsonl", text);
  const auto r = annals::testing::RunCommand("sha256sum '" + (tmp / "export.jsonl") + "'");
  REQUIRE(r.code == 0);
  return r.out.substr(0, 64);
}

void Compare(const TempDir& tmp, const std::string& actual, const fs::path& golden, bool hashed) {
  const std::string recorded = hashed ? Sha256(tmp, actual) + "\n" : actual;
  if (std::getenv("ANNALS_UPDATE_GOLDEN")) WriteBytes(golden.string(), recorded);
  const fs::path kept = fs::temp_directory_path() / ("annals-" + golden.filename().string());
  if (ReadBytes(golden.string()) != recorded) {
    WriteBytes(kept.string(), actual);
    FAIL_CHECK("the export differs from " << golden << "; it is in " << kept);
  }
}

}  // namespace

TEST_CASE("the export of the seeds is the recorded one, with one reading thread or two",
          "[slow]") {
  TempDir tmp;
  const fs::path golden = fs::path(ANNALS_SOURCE_DIR) / "tests/golden/seeds.export.jsonl";
  const std::string one = Ingested(tmp, annals::testing::SeedsDir(), "1");
  CHECK(one.size() > 1000);
  Compare(tmp, one, golden, false);
  CHECK(Ingested(tmp, annals::testing::SeedsDir(), "2") == one);
}

TEST_CASE("the export of the development set is the recorded one, with one reading thread or two",
          "[slow]") {
  const char* eval = std::getenv("EVAL_DIR");
  const fs::path dev = fs::path(eval ? eval : ANNALS_SOURCE_DIR "/../shared/eval") / "dev";
  if (!fs::is_directory(dev)) {
    WARN("no development set at " << dev << " (set EVAL_DIR): not compared");
    return;
  }
  TempDir tmp;
  const fs::path golden = fs::path(ANNALS_SOURCE_DIR) / "tests/golden/dev.export.sha256";
  const std::string one = Ingested(tmp, dev, "1");
  CHECK(one.size() > 1000);
  Compare(tmp, one, golden, true);
  CHECK(Ingested(tmp, dev, "2") == one);
}

// Bulletins of many more cities, header forms and encodings than the seeds: the benchmark
// corpus, made the same for the same seed.
TEST_CASE("the export of a generated corpus is the recorded one, with one reading thread or two",
          "[slow]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const auto made = annals::testing::RunCommand(std::string("'" ANNALS_SOURCE_DIR
                                                            "/tools/gen-corpus' --count 300 --out '") +
                                                corpus.string() + "'");
  REQUIRE(made.code == 0);
  const fs::path golden = fs::path(ANNALS_SOURCE_DIR) / "tests/golden/generated.export.sha256";
  const std::string one = Ingested(tmp, corpus, "1");
  CHECK(one.size() > 100000);
  Compare(tmp, one, golden, true);
  CHECK(Ingested(tmp, corpus, "2") == one);
}
