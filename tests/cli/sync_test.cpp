// `annals sync` as an operator runs it: revisions, withdrawals, moves, sidecars, reruns,
// kills, readers during a sync and a second writer.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;
using annals::testing::TempDir;
using annals::testing::WriteBytes;
using nlohmann::json;
namespace fs = std::filesystem;

extern char** environ;

namespace {

std::vector<json> ExportRows(const std::string& db) {
  const auto r = Annals(db, "export --format jsonl");
  REQUIRE(r.code == 0);
  std::vector<json> rows;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) rows.push_back(json::parse(line));
  return rows;
}

// The claims as a sorted list of everything but ids and system-time stamps.
std::vector<std::string> ClaimsWithoutSystemTime(const std::string& db) {
  std::vector<std::string> out;
  for (json j : ExportRows(db)) {
    j.erase("id");
    j.erase("known_from");
    j["known_to"] = j["known_to"].is_null() ? "open" : "closed";
    j["document"].erase("id");
    out.push_back(j.dump());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<json> Where(const std::vector<json>& rows, const std::string& subject, double value) {
  std::vector<json> out;
  for (const auto& j : rows)
    if (j["subject"] == subject && j["metric"] == "partner_cities" && j["value"] == value)
      out.push_back(j);
  return out;
}

std::string Bulletin(const std::string& city, const std::string& date, int cities) {
  return "Partner report of " + city + "\nUpdated : " + date + "\n\n" + city +
         " has established friendship city relations with " + std::to_string(cities) +
         " cities.\n";
}

std::vector<double> Values(const std::string& db, const std::string& args) {
  const auto r = Annals(db, "query --metric partner_cities --format jsonl " + args);
  REQUIRE(r.code == 0);
  std::vector<double> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line)["value"].get<double>());
  std::sort(out.begin(), out.end());
  return out;
}

json Runs(const std::string& db) { return json::parse(Annals(db, "runs --format json").out); }

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

// Starts the CLI without waiting for it; its output goes nowhere.
pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string cli = ANNALS_CLI_PATH;
  argv.push_back(cli.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, cli.c_str(), &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

std::string IntegrityCheck(const std::string& db) {
  sqlite3* conn = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(conn, "PRAGMA integrity_check", -1, &s, nullptr);
  std::string result = sqlite3_step(s) == SQLITE_ROW
                           ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0))
                           : "no answer";
  sqlite3_finalize(s);
  sqlite3_close(conn);
  return result;
}

void CopyDatabase(const std::string& from, const std::string& to) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::remove(to + suffix);
    if (fs::exists(from + suffix)) fs::copy_file(from + suffix, to + suffix);
  }
}

}  // namespace

TEST_CASE("sync adds, revises and withdraws, and the three times answer before and after",
          "[cli][sync]") {
  TempDir dir;
  const std::string db = dir / "annals.db";
  fs::create_directories(dir / "bulletins");
  WriteBytes(dir / "bulletins/harbin.txt", Bulletin("Harbin", "2019-05-01", 30));
  WriteBytes(dir / "bulletins/qiqihar.txt", Bulletin("Qiqihar", "2019-06-01", 12));
  const auto first = Annals(db, "sync '" + (dir / "bulletins") + "'", true);
  REQUIRE(first.code == 0);
  CHECK_THAT(first.out, Catch::Contains("2 new"));
  const std::string after_first = Runs(db)[0]["finished_at"];

  // A revision (a changed figure and date line), a removal and an addition.
  WriteBytes(dir / "bulletins/harbin.txt", Bulletin("Harbin", "2020-02-01", 31));
  fs::remove(dir / "bulletins/qiqihar.txt");
  WriteBytes(dir / "bulletins/mudanjiang.txt", Bulletin("Mudanjiang", "2020-03-01", 9));
  const auto second = Annals(db, "sync '" + (dir / "bulletins") + "'", true);
  REQUIRE(second.code == 0);
  CHECK_THAT(second.out, Catch::Contains("1 new, 1 changed, 0 unchanged, 1 removed"));

  const auto rows = ExportRows(db);
  // The old figure: its first row closed in system time, its successor on record until the
  // revision's publication date.
  const auto thirty = Where(rows, "Harbin", 30);
  REQUIRE(thirty.size() == 2);
  CHECK(thirty[0]["known_to"].is_string());
  CHECK(thirty[0]["recorded_to"].is_null());
  CHECK(thirty[1]["known_to"].is_null());
  CHECK(thirty[1]["recorded_from"] == "2019-05-01");
  CHECK(thirty[1]["recorded_to"] == "2020-02-01");
  const auto thirty_one = Where(rows, "Harbin", 31);
  REQUIRE(thirty_one.size() == 1);
  CHECK(thirty_one[0]["recorded_from"] == "2020-02-01");
  CHECK(thirty_one[0]["recorded_to"].is_null());
  // The removed bulletin: withdrawn from the record on the run's date.
  const auto twelve = Where(rows, "Qiqihar", 12);
  REQUIRE(twelve.size() == 2);
  CHECK(twelve[1]["recorded_to"] == Today());
  CHECK(twelve[1]["known_to"].is_null());

  CHECK(Values(db, "--subject Harbin --as-reported-on 2019-12-01") == std::vector<double>{30});
  CHECK(Values(db, "--subject Harbin --as-reported-on 2020-03-01") == std::vector<double>{31});
  CHECK(Values(db, "--subject Qiqihar --as-reported-on 2019-12-01") == std::vector<double>{12});
  CHECK(Values(db, "--subject Qiqihar --as-reported-on " + Today()).empty());
  // As the database knew it after the first sync: no revision, nothing withdrawn yet.
  CHECK(Values(db, "--subject Harbin --as-reported-on 2020-03-01 --as-known-at " + after_first) ==
        std::vector<double>{30});
  CHECK(Values(db, "--subject Qiqihar --as-reported-on " + Today() + " --as-known-at " + after_first) ==
        std::vector<double>{12});
  CHECK(Values(db, "--subject Mudanjiang --as-known-at " + after_first).empty());
  CHECK(Values(db, "--subject Mudanjiang") == std::vector<double>{9});

  // The runs say what each did; the second lists its files.
  const json runs = Runs(db);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0]["state"] == "completed");
  CHECK(runs[0]["counts"]["files_removed"] == 1);
  CHECK_THAT(runs[0]["command"].get<std::string>(), Catch::Contains("sync"));
  const json detail = json::parse(Annals(db, "runs --id " + std::to_string(runs[0]["id"].get<int>()) +
                                             " --format json").out);
  std::multiset<std::string> outcomes;
  for (const auto& f : detail["files"]) outcomes.insert(f["outcome"].get<std::string>());
  CHECK(outcomes == std::multiset<std::string>{"changed", "new", "removed"});
}

TEST_CASE("a second sync over an unchanged folder changes nothing", "[cli][sync]") {
  TempDir dir;
  const std::string db = dir / "annals.db";
  const std::string seeds = annals::testing::SeedsDir().string();
  REQUIRE(Annals(db, "sync '" + seeds + "'").code == 0);
  const auto before = Annals(db, "export --format jsonl");
  const auto again = Annals(db, "sync '" + seeds + "'", true);
  CHECK(again.code == 0);
  CHECK_THAT(again.out, Catch::Contains("0 new, 0 changed, 5 unchanged, 0 removed") &&
                            Catch::Contains("the database is unchanged"));
  CHECK(Annals(db, "export --format jsonl").out == before.out);
  CHECK(Annals(db, "documents --format jsonl").out.size() > 0);
}

TEST_CASE("a folder moved to another path, or copied with new times, is the same documents",
          "[cli][sync]") {
  TempDir dir;
  const std::string db = dir / "annals.db";
  fs::create_directories(dir / "disk1/bulletins/2019");
  WriteBytes(dir / "disk1/bulletins/harbin.txt", Bulletin("Harbin", "2019-05-01", 30));
  WriteBytes(dir / "disk1/bulletins/2019/qiqihar.txt", Bulletin("Qiqihar", "2019-06-01", 12));
  REQUIRE(Annals(db, "sync '" + (dir / "disk1/bulletins") + "'").code == 0);
  const auto before = ClaimsWithoutSystemTime(db);
  const auto exported = Annals(db, "export --format jsonl").out;

  fs::create_directories(dir / "disk2");
  fs::rename(dir / "disk1/bulletins", dir / "disk2/bulletins");
  const auto moved = Annals(db, "sync '" + (dir / "disk2/bulletins") + "'", true);
  CHECK(moved.code == 0);
  CHECK_THAT(moved.out, Catch::Contains("0 new, 0 changed, 2 unchanged, 0 removed"));
  CHECK(Annals(db, "export --format jsonl").out == exported);

  // A copy has new modification times: its files are hashed, and still the same.
  fs::create_directories(dir / "disk3");
  fs::copy(dir / "disk2/bulletins", dir / "disk3/bulletins", fs::copy_options::recursive);
  const auto copied = Annals(db, "sync '" + (dir / "disk3/bulletins") + "'", true);
  CHECK(copied.code == 0);
  CHECK_THAT(copied.out, Catch::Contains("0 new, 0 changed, 2 unchanged, 0 removed"));
  CHECK(Annals(db, "export --format jsonl").out == exported);
  CHECK(ClaimsWithoutSystemTime(db) == before);
}

TEST_CASE("editing only a sidecar makes a new version", "[cli][sync]") {
  TempDir dir;
  const std::string db = dir / "annals.db";
  fs::create_directories(dir / "bulletins");
  WriteBytes(dir / "bulletins/harbin.txt", Bulletin("Harbin", "2019-05-01", 30));
  WriteBytes(dir / "bulletins/harbin.meta.json", R"({"published_on": "2019-05-02"})");
  REQUIRE(Annals(db, "sync '" + (dir / "bulletins") + "'").code == 0);
  CHECK(Values(db, "--subject Harbin --as-reported-on 2019-05-02") == std::vector<double>{30});
  // A corrected publication date, the bulletin's bytes untouched.
  WriteBytes(dir / "bulletins/harbin.meta.json", R"({"published_on": "2019-05-20"})");
  const auto r = Annals(db, "sync '" + (dir / "bulletins") + "'", true);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("1 changed"));
  const auto docs = json::parse(Annals(db, "documents --format json").out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["sha256"] == docs[1]["sha256"]);
  CHECK(docs[1]["published_on"] == "2019-05-20");
  // Each version is on record from its own date: the first until the second's.
  const auto published = [&](const std::string& on) {
    const auto answer = Annals(db, "query --subject Harbin --metric partner_cities --format jsonl "
                              "--as-reported-on " + on);
    REQUIRE(answer.code == 0);
    std::istringstream in(answer.out);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
      out.push_back(json::parse(line)["document"]["published_on"].get<std::string>());
    return out;
  };
  CHECK(published("2019-05-10") == std::vector<std::string>{"2019-05-02"});
  CHECK(published("2019-05-21") == std::vector<std::string>{"2019-05-20"});
}

TEST_CASE("a sync killed at any point and run again ends as an uninterrupted one",
          "[cli][sync][slow]") {
  TempDir dir;
  const int count = annals::testing::kSanitized ? 30 : 120;
  const std::string corpus = dir / "corpus", revised = dir / "revised";
  const std::string gen = std::string("python3 '") + ANNALS_SOURCE_DIR + "/tools/gen-corpus'";
  REQUIRE(annals::testing::RunCommand(gen + " --count " + std::to_string(count) + " --out '" +
                                      corpus + "' >/dev/null").code == 0);
  REQUIRE(annals::testing::RunCommand(gen + " --revise 0.1 --from '" + corpus + "' --out '" +
                                      revised + "' >/dev/null").code == 0);
  // The folder the killed runs sync: a tenth revised, some removed, some new.
  const std::string folder = dir / "folder";
  fs::copy(revised, folder, fs::copy_options::recursive);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i < files.size(); i += 12) fs::remove(files[i]);
  REQUIRE(annals::testing::RunCommand(gen + " --count 20 --first 100000 --seed other --out '" +
                                      (dir / "extra") + "' >/dev/null").code == 0);
  fs::copy(dir / "extra", folder);

  const std::string base = dir / "base.db";
  REQUIRE(Annals(base, "sync '" + corpus + "' --collection bulletins").code == 0);
  const std::string reference = dir / "reference.db";
  CopyDatabase(base, reference);
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(Annals(reference, "sync '" + folder + "' --collection bulletins").code == 0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto expected = ClaimsWithoutSystemTime(reference);

  std::mt19937 random(20261202);
  std::uniform_real_distribution<double> when(0.0, seconds);
  const int kills = 20;
  int interrupted_runs = 0;
  for (int k = 0; k < kills; ++k) {
    const std::string db = dir / ("killed" + std::to_string(k) + ".db");
    CopyDatabase(base, db);
    const pid_t pid = Spawn({"--db", db, "sync", folder, "--collection", "bulletins"});
    std::this_thread::sleep_for(std::chrono::duration<double>(when(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO("kill " << k);
    CHECK(IntegrityCheck(db) == "ok");
    const json runs = Runs(db);
    if (WIFSIGNALED(status) && runs.size() > 1) {
      // Killed inside the run, or after it recorded its end.
      INFO(runs[0].dump());
      CHECK((runs[0]["state"] == "interrupted" || runs[0]["state"] == "completed"));
      interrupted_runs += runs[0]["state"] == "interrupted";
    }
    REQUIRE(Annals(db, "sync '" + folder + "' --collection bulletins").code == 0);
    CHECK(IntegrityCheck(db) == "ok");
    CHECK(ClaimsWithoutSystemTime(db) == expected);
    fs::remove(db);
    fs::remove(db + "-wal");
    fs::remove(db + "-shm");
  }
  // Many kills land inside the run (the others before it began or after it ended).
  CHECK(interrupted_runs >= kills / 4);
}

TEST_CASE("readers during a sync see whole documents, and a second writer is told who writes",
          "[cli][sync][slow]") {
  TempDir dir;
  const std::string db = dir / "annals.db";
  const std::string corpus = dir / "corpus";
  REQUIRE(annals::testing::RunCommand(std::string("python3 '") + ANNALS_SOURCE_DIR +
                                      "/tools/gen-corpus' --count " +
                                      (annals::testing::kSanitized ? "60" : "200") + " --out '" +
                                      corpus + "' >/dev/null").code == 0);
  REQUIRE(Annals(db, "ingest -q '" + annals::testing::SeedPath("000") + "'").code == 0);
  const pid_t writer = Spawn({"--db", db, "sync", corpus});
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int status = 0;
    ::waitpid(writer, &status, 0);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    done = true;
  });
  // Each reader's view: claims per document version, to compare with the final counts.
  std::vector<std::map<std::int64_t, int>> views;
  bool second_writer_checked = false;
  while (!done) {
    const auto r = Annals(db, "export --format jsonl", true);
    REQUIRE(r.code == 0);
    std::map<std::int64_t, int> view;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) ++view[json::parse(line)["document"]["id"].get<std::int64_t>()];
    views.push_back(std::move(view));
    if (!second_writer_checked && views.size() >= 2 && !done) {
      const auto second = Annals(db, "sync '" + corpus + "'", true);
      if (!done) {
        CHECK(second.code == 4);
        CHECK_THAT(second.out, Catch::Contains("another process is writing") &&
                                   Catch::Contains("pid " + std::to_string(writer)));
        const auto ingest = Annals(db, "ingest '" + annals::testing::SeedPath("001") + "'", true);
        if (!done) CHECK(ingest.code == 4);
        second_writer_checked = true;
      }
    }
  }
  waiter.join();
  std::map<std::int64_t, int> final_counts;
  for (const auto& j : ExportRows(db)) ++final_counts[j["document"]["id"].get<std::int64_t>()];
  CHECK(views.size() >= 2);
  for (const auto& view : views)
    for (const auto& [document, claims] : view) CHECK(claims == final_counts[document]);
  if (!second_writer_checked) WARN("the sync ended before a second writer could be tried");
}

namespace {

void Execute(const std::string& db, const std::string& sql) {
  sqlite3* conn = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(conn, sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(conn);
  REQUIRE(rc == SQLITE_OK);
}

// Makes the database look as an older extractor left it: another version, one claim read
// with another value and one not read at all.
void AsReadByAnOlderExtractor(const std::string& db) {
  Execute(db,
          "UPDATE extractions SET extractor_version = '0.0.1-older';"
          "UPDATE claims SET extractor_version = '0.0.1-older';"
          "UPDATE claims SET value = value + 1 WHERE id = (SELECT min(id) FROM claims WHERE kind = 1);"
          "DELETE FROM claims WHERE id = (SELECT max(id) FROM claims);");
}

std::vector<std::string> CurrentClaims(const std::string& db) {
  std::vector<std::string> out;
  for (json j : ExportRows(db)) {
    if (!j["known_to"].is_null()) continue;
    for (const char* k : {"id", "known_from", "known_to"}) j.erase(k);
    j["document"].erase("id");
    out.push_back(j.dump());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a new extractor reads stored bytes again and closes old claims in system time only",
          "[cli][sync][reextract]") {
  TempDir dir;
  const std::string folder = dir / "bulletins";
  fs::copy(annals::testing::SeedsDir(), folder, fs::copy_options::recursive);
  const std::string fresh = dir / "fresh.db";
  REQUIRE(Annals(fresh, "sync '" + folder + "'").code == 0);
  const auto expected = CurrentClaims(fresh);

  for (const bool files_gone : {false, true}) {
    INFO((files_gone ? "reextract, files removed" : "sync, files there"));
    const std::string db = dir / (files_gone ? "gone.db" : "there.db");
    REQUIRE(Annals(db, "sync '" + folder + "'").code == 0);
    AsReadByAnOlderExtractor(db);
    const std::size_t rows_before = ExportRows(db).size();
    annals::testing::Run r;
    if (files_gone) {
      const std::string elsewhere = dir / "moved-away";
      fs::rename(folder, elsewhere);
      r = Annals(db, "reextract --log-format json", true);
      fs::rename(elsewhere, folder);
    } else {
      r = Annals(db, "sync '" + folder + "' --log-format json", true);
    }
    REQUIRE(r.code == 0);
    // Per document: how many claims were added, closed and kept.
    std::int64_t added = 0, closed = 0, kept = 0, documents = 0;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      const json j = json::parse(line);
      if (j.value("event", "") != "file") continue;
      CHECK(j["outcome"] == "reextracted");
      ++documents;
      added += j["claims_added"].get<std::int64_t>();
      closed += j["claims_closed"].get<std::int64_t>();
      kept += j["claims_kept"].get<std::int64_t>();
    }
    CHECK(documents == 5);
    CHECK(added == 2);   // the claim not read, and the one read with another value
    CHECK(closed == 1);  // the one read with another value
    CHECK(kept == static_cast<std::int64_t>(expected.size()) - 2);
    // The record did not change: no row got a record-time end, and only the new rows were
    // added; the old reading of the changed claim is closed in system time.
    const auto rows = ExportRows(db);
    CHECK(rows.size() == rows_before + 2);
    for (const auto& j : rows) CHECK(j["recorded_to"].is_null());
    CHECK(CurrentClaims(db) != expected);  // kept claims keep their reader's version...
    std::vector<std::string> versionless_now, versionless_expected;
    for (auto list : {std::make_pair(&versionless_now, CurrentClaims(db)),
                      std::make_pair(&versionless_expected, expected)}) {
      for (const auto& line : list.second) {
        json j = json::parse(line);
        j["extractor"].erase("version");
        list.first->push_back(j.dump());
      }
      std::sort(list.first->begin(), list.first->end());
    }
    CHECK(versionless_now == versionless_expected);  // ...and read what a fresh ingest reads
    // A second run has nothing left to read again.
    const auto again = Annals(db, files_gone ? "reextract" : "sync '" + folder + "'", true);
    CHECK_THAT(again.out, Catch::Contains("0 re-extracted"));
  }
}
