// The macro benchmark: ingest of a corpus folder through the library, and queries on the
// database it makes, each beside a baseline taken in the same run (reading the files, ICU
// decoding and NFKC, SQLite inserting the same rows, one hand-written SQL statement), all
// printed as one markdown table with the micro benchmarks' results.
//
//   annals_bench_macro --corpus DIR --work DIR --cli PATH --schema schema/0001_initial.sql
//                      [--more DIR] [--micro micro.json] [--queries N] [--query-seconds S]
#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "annals/database.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string Format(const char* fmt, double a) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, a);
  return buf;
}

// 1234567 as `1,234,567`.
std::string Count(std::int64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A duration in the unit that keeps three figures readable.
std::string Duration(double seconds) {
  if (seconds < 1e-3) return Format("%.1f µs", seconds * 1e6);
  if (seconds < 1) return Format("%.2f ms", seconds * 1e3);
  return Format("%.2f s", seconds);
}

std::string Ratio(double x) { return Format(x < 10 ? "%.2f×" : "%.0f×", x); }
std::string MegaBytes(double bytes) { return Format("%.1f MB", bytes / 1e6); }

// CPU time of this process so far, user and system.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Peak resident memory of this process so far (kB), as the kernel counts it.
long PeakKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

struct Row {
  std::string what, figure, baseline, ratio;
};
std::vector<Row> g_rows;
void Add(std::string what, std::string figure, std::string baseline = "", std::string ratio = "") {
  g_rows.push_back({std::move(what), std::move(figure), std::move(baseline), std::move(ratio)});
}

// --- SQLite, directly: the baselines and the facts about the database ---------------------

struct Db {
  sqlite3* db = nullptr;
  Db(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK)
      throw std::runtime_error(path + ": " + sqlite3_errmsg(db));
  }
  ~Db() { sqlite3_close_v2(db); }
  void Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string what = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error(sql.substr(0, 60) + ": " + what);
    }
  }
};

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(Db& db, const std::string& sql) {
    if (sqlite3_prepare_v3(db.db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error(sql.substr(0, 60) + ": " + sqlite3_errmsg(db.db));
  }
  ~Stmt() { sqlite3_finalize(s); }
  bool Step() {
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(sqlite3_db_handle(s)));
    return false;
  }
  void Reset() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
  std::int64_t Int(int c) const { return sqlite3_column_int64(s, c); }
  std::string Text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, c))) : std::string();
  }
  std::optional<std::string> OptionalText(int c) const {
    if (sqlite3_column_type(s, c) == SQLITE_NULL) return std::nullopt;
    return Text(c);
  }
  std::optional<double> OptionalReal(int c) const {
    if (sqlite3_column_type(s, c) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(s, c);
  }
};

std::int64_t Scalar(Db& db, const std::string& sql) {
  Stmt s(db, sql);
  return s.Step() ? s.Int(0) : 0;
}

// One column value copied out of a row, to be bound into another database.
struct Value {
  int type = SQLITE_NULL;
  std::int64_t i = 0;
  double d = 0;
  std::string s;
};

std::vector<Value> RowOf(const Stmt& st, int columns) {
  std::vector<Value> row(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    Value& v = row[static_cast<std::size_t>(c)];
    v.type = sqlite3_column_type(st.s, c);
    if (v.type == SQLITE_INTEGER) v.i = sqlite3_column_int64(st.s, c);
    if (v.type == SQLITE_FLOAT) v.d = sqlite3_column_double(st.s, c);
    if (v.type == SQLITE_TEXT || v.type == SQLITE_BLOB) {
      const auto* p = static_cast<const char*>(sqlite3_column_blob(st.s, c));
      v.s.assign(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st.s, c)));
    }
  }
  return row;
}

void BindValue(Stmt& st, int index, const Value& v) {
  const int n = static_cast<int>(v.s.size());
  switch (v.type) {
    case SQLITE_INTEGER:
      sqlite3_bind_int64(st.s, index, v.i);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double(st.s, index, v.d);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text(st.s, index, v.s.data(), n, SQLITE_STATIC);
      break;
    case SQLITE_BLOB:
      sqlite3_bind_blob(st.s, index, v.s.data(), n, SQLITE_STATIC);
      break;
    default:
      sqlite3_bind_null(st.s, index);
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// --- Ingest and its floor ------------------------------------------------------------------

std::vector<std::string> BulletinFiles(const std::string& folder) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(folder)) {
    const auto name = e.path().filename().string();
    const auto ext = e.path().extension().string();
    if (e.is_regular_file() && name[0] != '.' && (ext == ".txt" || ext == ".html" || ext == ".htm"))
      files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::int64_t BytesOf(const std::vector<std::string>& files) {
  std::int64_t total = 0;
  for (const auto& f : files) total += static_cast<std::int64_t>(fs::file_size(f));
  return total;
}

struct IngestRun {
  double seconds = 0, cpu_seconds = 0;
  std::int64_t docs = 0, claims = 0, rejected = 0, bytes = 0;
  std::int64_t mark_docs = 0;
  long peak_at_mark_kb = 0, peak_kb = 0;
};

// Opens (creating) the database and ingests `folder` through the library, as `annals
// ingest` does, noting the peak memory after a quarter of the files and at the end.
IngestRun Ingest(const std::string& db_path, const std::string& folder) {
  IngestRun run;
  const auto files = BulletinFiles(folder);
  run.bytes = BytesOf(files);
  run.mark_docs = static_cast<std::int64_t>(files.size() / 4);
  std::int64_t seen = 0;
  annals::IngestOptions options;
  options.on_file = [&](const annals::IngestFileResult& r) {
    if (r.status == annals::IngestFileResult::Status::kAdded) ++run.docs, run.claims += r.claims;
    if (r.status == annals::IngestFileResult::Status::kRejected) ++run.rejected;
    if (++seen == run.mark_docs) run.peak_at_mark_kb = PeakKb();
  };
  const auto start = Clock::now();
  const double cpu = CpuSeconds();
  {
    auto db = annals::Database::Open(db_path, annals::OpenMode::kCreate);
    db->Ingest({folder}, options);
  }
  run.seconds = Since(start);
  run.cpu_seconds = CpuSeconds() - cpu;
  run.peak_kb = PeakKb();
  return run;
}

struct Stored {
  std::int64_t version_id;
  std::string path, encoding;
};

std::vector<Stored> StoredVersions(Db& db) {
  Stmt s(db,
         "SELECT v.id, v.path, v.encoding FROM document_versions v "
         "JOIN documents d ON d.id = v.document_id ORDER BY v.id");
  std::vector<Stored> out;
  while (s.Step()) out.push_back({s.Int(0), s.Text(1), s.Text(2)});
  return out;
}

double ReadFloor(const std::vector<Stored>& docs) {
  const auto start = Clock::now();
  std::size_t total = 0;
  for (const auto& d : docs) total += ReadFile(d.path).size();
  if (total == 0) throw std::runtime_error("the corpus is empty");
  return Since(start);
}

// ICU alone: the file's bytes to UTF-16 with its converter, then NFKC (reading excluded).
double IcuFloor(const std::vector<Stored>& docs) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("no NFKC normaliser");
  std::map<std::string, UConverter*> converters;
  std::vector<UChar> units;
  double seconds = 0;
  for (const auto& d : docs) {
    const std::string bytes = ReadFile(d.path);
    const auto start = Clock::now();
    UConverter*& conv = converters[d.encoding];
    if (!conv) conv = ucnv_open(d.encoding.c_str(), &status);
    units.resize(bytes.size() + 1);  // UTF-16 needs no more units than the bytes
    const int32_t n = ucnv_toUChars(conv, units.data(), static_cast<int32_t>(units.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    icu::UnicodeString normal = nfkc->normalize(icu::UnicodeString(false, units.data(), n), status);
    seconds += Since(start);
    if (U_FAILURE(status) || normal.isEmpty())
      throw std::runtime_error(d.path + ": ICU: " + u_errorName(status));
  }
  for (auto& [name, conv] : converters) ucnv_close(conv);
  return seconds;
}

constexpr const char* kVersionColumns =
    "sha256, title, publisher, lang, published_on, published_precision, published_day, "
    "published_inferred, content, byte_size, known_from";
constexpr const char* kClaimColumns =
    "kind, subject, metric, partner_class, value, value_min, value_max, qualifier, unit, object, "
    "object_country, relation, valid_from, valid_from_precision, valid_from_day, valid_to, "
    "valid_to_precision, valid_to_day, recorded_from, recorded_from_precision, recorded_from_day, "
    "recorded_to, recorded_to_precision, recorded_to_day, known_from, known_to, lang, quote, "
    "span_start, span_end, rule, extractor_version";
constexpr int kClaimColumnCount = 32;

// SQLite alone: the same document, version and claim rows that ingest wrote, inserted into
// a fresh database of the first schema (the same four claim indexes) with prepared
// statements and the store's pragmas, one transaction per document (reading them out of
// the ingested database excluded).
double SqliteFloor(Db& source, const std::vector<Stored>& docs, const std::string& schema,
                   const std::string& path, std::int64_t& rows) {
  fs::remove(path);
  fs::remove(path + "-wal");
  fs::remove(path + "-shm");
  Db db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.Exec("PRAGMA journal_mode = WAL");
  db.Exec("PRAGMA foreign_keys = ON");
  db.Exec("PRAGMA synchronous = NORMAL");
  db.Exec(ReadFile(schema));
  db.Exec("INSERT INTO ingest_runs(started_at, extractor_version) VALUES ('x', 'x')");
  Stmt version_in(
      source, std::string("SELECT ") + kVersionColumns + " FROM document_versions WHERE id = ?");
  Stmt claims_in(source, std::string("SELECT ") + kClaimColumns +
                             " FROM claims WHERE document_version_id = ? ORDER BY id");
  Stmt document_out(db, "INSERT INTO documents(path) VALUES (?)");
  Stmt version_out(db, std::string("INSERT INTO document_versions(document_id, ingest_run_id, ") +
                           kVersionColumns + ") VALUES (?,1,?,?,?,?,?,?,?,?,?,?,?)");
  std::string claim_sql = std::string("INSERT INTO claims(document_version_id, ingest_run_id, ") +
                          kClaimColumns + ") VALUES (?,1";
  for (int i = 0; i < kClaimColumnCount; ++i) claim_sql += ",?";
  Stmt claim_out(db, claim_sql + ")");
  Stmt begin(db, "BEGIN IMMEDIATE"), commit(db, "COMMIT");

  double seconds = 0;
  rows = 0;
  for (const auto& d : docs) {
    version_in.Reset();
    sqlite3_bind_int64(version_in.s, 1, d.version_id);
    if (!version_in.Step()) continue;
    const auto version = RowOf(version_in, 11);
    std::vector<std::vector<Value>> claims;
    claims_in.Reset();
    sqlite3_bind_int64(claims_in.s, 1, d.version_id);
    while (claims_in.Step()) claims.push_back(RowOf(claims_in, kClaimColumnCount));

    const auto start = Clock::now();
    begin.Reset();
    begin.Step();
    document_out.Reset();
    sqlite3_bind_text(document_out.s, 1, d.path.data(), static_cast<int>(d.path.size()),
                      SQLITE_STATIC);
    document_out.Step();
    version_out.Reset();
    sqlite3_bind_int64(version_out.s, 1, sqlite3_last_insert_rowid(db.db));
    for (int i = 0; i < 11; ++i)
      BindValue(version_out, i + 2, version[static_cast<std::size_t>(i)]);
    version_out.Step();
    const std::int64_t version_id = sqlite3_last_insert_rowid(db.db);
    for (const auto& c : claims) {
      claim_out.Reset();
      sqlite3_bind_int64(claim_out.s, 1, version_id);
      for (int i = 0; i < kClaimColumnCount; ++i)
        BindValue(claim_out, i + 2, c[static_cast<std::size_t>(i)]);
      claim_out.Step();
    }
    commit.Reset();
    commit.Step();
    seconds += Since(start);
    rows += static_cast<std::int64_t>(claims.size());
  }
  return seconds;
}

// --- Queries -------------------------------------------------------------------------------

struct Latencies {
  std::vector<double> seconds;
  void Add(double s) { seconds.push_back(s); }
  double At(double q) {
    if (seconds.empty()) return 0;
    std::sort(seconds.begin(), seconds.end());
    const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(seconds.size()))) - 1;
    return seconds[std::min(i, seconds.size() - 1)];
  }
  double Total() const {
    double t = 0;
    for (double s : seconds) t += s;
    return t;
  }
  std::string Summary() {
    if (seconds.empty()) return "none";
    return "p50 " + Duration(At(0.5)) + " · p99 " + Duration(At(0.99)) + " · max " +
           Duration(At(1));
  }
};

// The as-reported-on lookup written by hand as one prepared statement, reading the same
// columns into the same Claim values as the store does.
class HandWrittenQuery {
 public:
  HandWrittenQuery(Db& db, bool with_metric)
      : with_metric_(with_metric),
        stmt_(db,
              std::string(
                  "SELECT c.id, c.kind, c.subject, c.metric, c.partner_class, c.value, "
                  "c.value_min, c.value_max, c.qualifier, c.unit, c.object, c.object_country, "
                  "c.relation, c.valid_from, c.valid_to, c.recorded_from, c.recorded_to, "
                  "c.known_from, c.known_to, c.lang, c.quote, c.span_start, c.span_end, c.rule, "
                  "c.extractor_version, v.id, v.path, v.title, v.published_on, "
                  "v.published_inferred, v.sha256 "
                  "FROM claims c JOIN document_versions v ON v.id = c.document_version_id "
                  "JOIN documents d ON d.id = v.document_id WHERE c.subject = ?1 ") +
                  (with_metric ? "AND c.metric = ?2 " : "") +
                  "AND c.recorded_from_day <= ?3 AND (c.recorded_to_day IS NULL OR "
                  "c.recorded_to_day > ?3) AND c.known_to IS NULL "
                  "ORDER BY c.recorded_from_day, c.id") {}

  std::vector<annals::Claim> Run(const std::string& subject, const std::string& metric,
                                 std::int64_t day) {
    stmt_.Reset();
    sqlite3_bind_text(stmt_.s, 1, subject.data(), static_cast<int>(subject.size()), SQLITE_STATIC);
    if (with_metric_)
      sqlite3_bind_text(stmt_.s, 2, metric.data(), static_cast<int>(metric.size()), SQLITE_STATIC);
    sqlite3_bind_int64(stmt_.s, 3, day);
    std::vector<annals::Claim> out;
    auto date = [&](int c) {
      auto t = stmt_.OptionalText(c);
      return t ? annals::Date::Parse(*t) : std::nullopt;
    };
    while (stmt_.Step()) {
      annals::Claim c;
      c.id = stmt_.Int(0);
      c.kind = static_cast<annals::ClaimKind>(stmt_.Int(1));
      c.subject = stmt_.Text(2);
      c.metric = stmt_.Text(3);
      c.partner_class = static_cast<annals::PartnerClass>(stmt_.Int(4));
      c.value = stmt_.OptionalReal(5);
      c.value_min = stmt_.OptionalReal(6);
      c.value_max = stmt_.OptionalReal(7);
      c.qualifier = static_cast<annals::Qualifier>(stmt_.Int(8));
      c.unit = stmt_.Text(9);
      c.object = stmt_.Text(10);
      c.object_country = stmt_.Text(11);
      c.relation = static_cast<annals::RelationType>(stmt_.Int(12));
      c.valid = {date(13), date(14)};
      c.recorded_from = date(15);
      c.recorded_to = date(16);
      c.known_from = stmt_.Text(17);
      c.known_to = stmt_.OptionalText(18);
      c.lang = stmt_.Text(19);
      c.quote = stmt_.Text(20);
      c.span = {stmt_.Int(21), stmt_.Int(22)};
      c.rule = stmt_.Text(23);
      c.extractor_version = stmt_.Text(24);
      c.document = {stmt_.Int(25), stmt_.Text(26),     stmt_.Text(27),
                    date(28),      stmt_.Int(29) != 0, stmt_.Text(30)};
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  bool with_metric_;
  Stmt stmt_;
};

struct Topic {
  std::string subject, metric;
  std::int64_t claims;
};

// A subject that no bulletin names: its answers are empty.
const char* const kUnknownSubject = "Atlantis";

annals::Date RandomDate(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::int64_t> day(annals::DayNumber(2000, 1, 1),
                                                  annals::DayNumber(2026, 12, 31));
  return annals::DateOfDay(day(rng));
}

// Half the queries ask for a random (subject, metric) pair, most of them small; the other
// half for a pair drawn by its number of claims, so that subjects with many reports come up
// as often as they would for a user; one in ten for a subject nobody reports on.
class TopicPicker {
 public:
  explicit TopicPicker(std::vector<Topic> topics) : topics_(std::move(topics)) {
    std::vector<double> weights;
    for (const auto& t : topics_) weights.push_back(static_cast<double>(t.claims));
    by_claims_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
  }
  Topic Pick(std::mt19937_64& rng) {
    const double roll = std::uniform_real_distribution<double>(0, 1)(rng);
    if (roll < 0.1) return {kUnknownSubject, "partner_cities", 0};
    if (roll < 0.55)
      return topics_[std::uniform_int_distribution<std::size_t>(0, topics_.size() - 1)(rng)];
    return topics_[by_claims_(rng)];
  }

 private:
  std::vector<Topic> topics_;
  std::discrete_distribution<std::size_t> by_claims_;
};

double Time(const std::function<void()>& f) {
  const auto start = Clock::now();
  f();
  return Since(start);
}

struct ProcessRun {
  double seconds;
  long peak_kb;
  int status;
};

// Runs `argv` as its own process with its output thrown away, and waits for it.
ProcessRun SpawnAndWait(const std::vector<std::string>& argv, int out_fd) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (out_fd >= 0)
    posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  else
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  return {Since(start), usage.ru_maxrss, status};
}

constexpr const char* kMeasureFlag = "--measure";

// `annals_bench_macro --measure PROGRAM ARGS...`: runs the program and prints its wall
// time, peak memory and status. A child's peak as wait4 reports it includes the memory of
// the process that started it (the kernel counts the image it replaced), so the program
// is started from this small process rather than from the large benchmark.
int Measure(int argc, char** argv) {
  const ProcessRun r = SpawnAndWait(std::vector<std::string>(argv + 2, argv + argc), -1);
  std::printf("%.9f %ld %d\n", r.seconds, r.peak_kb, r.status);
  return 0;
}

ProcessRun Spawn(const std::vector<std::string>& argv) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  std::vector<std::string> measured = {fs::read_symlink("/proc/self/exe").string(), kMeasureFlag};
  measured.insert(measured.end(), argv.begin(), argv.end());
  const ProcessRun helper = SpawnAndWait(measured, out[1]);
  close(out[1]);
  char buf[128] = {};
  const ssize_t n = read(out[0], buf, sizeof buf - 1);
  close(out[0]);
  ProcessRun r{};
  if (helper.status != 0 || n <= 0 ||
      std::sscanf(buf, "%lf %ld %d", &r.seconds, &r.peak_kb, &r.status) != 3)
    throw std::runtime_error("cannot measure " + argv[0]);
  return r;
}

// --- The run -------------------------------------------------------------------------------

struct Args {
  std::string corpus, more, work, cli, schema, micro;
  int queries = 10000;
  double query_seconds = 150;
  int process_runs = 20;
};

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--corpus")
      a.corpus = v;
    else if (k == "--more")
      a.more = v;
    else if (k == "--work")
      a.work = v;
    else if (k == "--cli")
      a.cli = v;
    else if (k == "--schema")
      a.schema = v;
    else if (k == "--micro")
      a.micro = v;
    else if (k == "--queries")
      a.queries = std::stoi(v);
    else if (k == "--query-seconds")
      a.query_seconds = std::stod(v);
    else if (k == "--process-runs")
      a.process_runs = std::stoi(v);
    else
      throw std::runtime_error("unknown option " + k);
  }
  if (a.corpus.empty() || a.work.empty() || a.cli.empty() || a.schema.empty())
    throw std::runtime_error(
        "usage: annals_bench_macro --corpus DIR --work DIR --cli PATH --schema FILE "
        "[--more DIR] [--micro FILE] [--queries N] [--query-seconds S]");
  return a;
}

void Progress(const std::string& what) { std::cerr << "bench: " << what << std::endl; }

void IngestSection(const Args& a, const std::string& db_path, std::int64_t& docs_total,
                   std::int64_t& bytes_total) {
  Progress("ingesting " + a.corpus);
  for (const auto& f : BulletinFiles(a.corpus)) ReadFile(f);  // every run starts from a warm cache
  const IngestRun run = Ingest(db_path, a.corpus);
  docs_total = run.docs;
  bytes_total = run.bytes;

  Db db(db_path, SQLITE_OPEN_READONLY);
  const auto docs = StoredVersions(db);
  Progress("baselines: reading, ICU, SQLite");
  const double read = ReadFloor(docs);
  const double icu = IcuFloor(docs);
  std::int64_t rows = 0;
  const double sql = SqliteFloor(db, docs, a.schema, a.work + "/floor.db", rows);
  const double floor = read + icu + sql;
  const double mb = static_cast<double>(run.bytes) / 1e6;

  Add("Ingest, one thread: " + Count(run.docs) + " bulletins, " +
          MegaBytes(static_cast<double>(run.bytes)) + ", " + Count(run.claims) + " claims" +
          (run.rejected ? " (" + Count(run.rejected) + " rejected)" : ""),
      Format("%.2f MB/s · ", mb / run.seconds) +
          Format("%.0f docs/s · ", static_cast<double>(run.docs) / run.seconds) +
          Format("%.0f claims/s", static_cast<double>(run.claims) / run.seconds) + " (" +
          Duration(run.seconds) + ", CPU " + Duration(run.cpu_seconds) + ")",
      "floor " + Duration(floor) + " (read + ICU + SQLite)", Ratio(run.seconds / floor) + " floor");
  Add("Baseline: reading the same files", Duration(read) + Format(" (%.0f MB/s)", mb / read), "",
      "ingest " + Ratio(run.seconds / read));
  Add("Baseline: ICU decode (ucnv) + NFKC (Normalizer2) of them",
      Duration(icu) + Format(" (%.1f MB/s)", mb / icu), "", "ingest " + Ratio(run.seconds / icu));
  Add("Baseline: SQLite inserts of the same " + Count(rows) +
          " claim rows and documents (prepared, one transaction per document, 0001 schema and "
          "indexes)",
      Duration(sql) + Format(" (%.0f rows/s)", static_cast<double>(rows) / sql), "",
      "ingest " + Ratio(run.seconds / sql));
  Add("Ingest with --jobs 2 (parsing in parallel, one writer)", "n/a (not implemented)");
  Add("Peak memory of ingest (VmHWM)",
      "after " + Count(run.mark_docs) + " bulletins: " +
          Format("%.0f MB", static_cast<double>(run.peak_at_mark_kb) / 1024) + "; after " +
          Count(run.docs) + ": " + Format("%.0f MB", static_cast<double>(run.peak_kb) / 1024),
      "",
      run.peak_at_mark_kb
          ? Ratio(static_cast<double>(run.peak_kb) / static_cast<double>(run.peak_at_mark_kb)) +
                " for 4× the bulletins"
          : "");

  if (!a.more.empty()) {
    Progress("ingesting more: " + a.more);
    for (const auto& f : BulletinFiles(a.more)) ReadFile(f);
    const IngestRun more = Ingest(db_path, a.more);
    docs_total += more.docs;
    bytes_total += more.bytes;
    Add("Ingest of " + Count(more.docs) + " more bulletins into that database (" +
            MegaBytes(static_cast<double>(more.bytes)) + ", " + Count(more.claims) + " claims)",
        Format("%.2f MB/s · ", static_cast<double>(more.bytes) / 1e6 / more.seconds) +
            Format("%.0f claims/s", static_cast<double>(more.claims) / more.seconds) + " (" +
            Duration(more.seconds) + ")",
        "", "peak " + Format("%.0f MB", static_cast<double>(more.peak_kb) / 1024));
  }
}

void QuerySection(const Args& a, const std::string& db_path, std::int64_t docs,
                  std::int64_t bytes) {
  Db sql(db_path, SQLITE_OPEN_READONLY);
  const std::int64_t claims = Scalar(sql, "SELECT count(*) FROM claims");
  const auto file_bytes = static_cast<double>(fs::file_size(db_path));
  Add("Database: " + Count(claims) + " claims of " + Count(docs) + " bulletins",
      MegaBytes(file_bytes) +
          Format(" · %.0f bytes per claim", file_bytes / static_cast<double>(claims)) +
          Format(" · %.2f bytes per byte of bulletin", file_bytes / static_cast<double>(bytes)));

  std::vector<Topic> topics;
  {
    Stmt s(sql,
           "SELECT subject, metric, count(*) FROM claims WHERE known_to IS NULL GROUP BY subject, "
           "metric");
    while (s.Step()) topics.push_back({s.Text(0), s.Text(1), s.Int(2)});
  }
  if (topics.empty()) throw std::runtime_error("no claims to query");
  const Topic largest =
      *std::max_element(topics.begin(), topics.end(),
                        [](const Topic& x, const Topic& y) { return x.claims < y.claims; });
  Topic largest_subject;
  {
    Stmt s(sql,
           "SELECT subject, count(*) FROM claims WHERE known_to IS NULL GROUP BY subject ORDER BY "
           "2 DESC LIMIT 1");
    s.Step();
    largest_subject = {s.Text(0), "", s.Int(1)};
  }
  TopicPicker picker(topics);
  std::mt19937_64 rng(20190124);
  auto db = annals::Database::Open(db_path, annals::OpenMode::kReadOnly);
  HandWrittenQuery by_hand(sql, true), by_hand_subject(sql, false);

  Progress("as-reported-on queries");
  Latencies lib, lib_small, hand, hand_small;
  std::int64_t empty = 0, biggest = 0, run = 0, differ = 0;
  const auto started = Clock::now();
  for (; run < a.queries && Since(started) < a.query_seconds; ++run) {
    const Topic t = picker.Pick(rng);
    annals::ClaimQuery q;
    q.subject = t.subject;
    q.metric = t.metric;
    q.as_reported_on = RandomDate(rng);
    std::size_t answer = 0, hand_answer = 0;
    const double l = Time([&] { answer = db->Query(q).claims.size(); });
    const double h = Time([&] {
      hand_answer = by_hand.Run(t.subject, t.metric, q.as_reported_on->LastDay()).size();
    });
    // The library also answers for the other names of a place; the statement by hand does not.
    differ += answer != hand_answer;
    lib.Add(l);
    hand.Add(h);
    if (answer <= 100) lib_small.Add(l), hand_small.Add(h);
    empty += answer == 0;
    biggest = std::max<std::int64_t>(biggest, static_cast<std::int64_t>(answer));
  }
  const std::string ran =
      run < a.queries ? " (stopped after " + Duration(a.query_seconds) + ")" : "";
  Add("As-reported-on (subject, metric, date) through the library: " + Count(run) +
          " random queries" + ran + ", " + Count(empty) + " empty, largest answer " +
          Count(biggest) + " claims" +
          (differ ? ", " + Count(differ) + " answered with other names of the place too" : ""),
      lib.Summary(), "hand-written SQL: " + hand.Summary(),
      Ratio(lib.At(0.5) / hand.At(0.5)) + " at p50, " + Ratio(lib.Total() / hand.Total()) +
          " in total");
  Add("… of them, answers of up to 100 claims (" +
          Count(static_cast<std::int64_t>(lib_small.seconds.size())) + ")",
      lib_small.Summary(), "hand-written SQL: " + hand_small.Summary(),
      Ratio(lib_small.At(0.5) / hand_small.At(0.5)) + " at p50, " +
          Ratio(lib_small.At(0.99) / hand_small.At(0.99)) + " at p99");

  const auto far = annals::Date::Parse("2026-12-31");
  for (const Topic& t : {largest, largest_subject}) {
    annals::ClaimQuery q;
    q.subject = t.subject;
    if (!t.metric.empty()) q.metric = t.metric;
    q.as_reported_on = far;
    std::size_t answer = 0;
    const double l = Time([&] { answer = db->Query(q).claims.size(); });
    const double h = Time([&] {
      (t.metric.empty() ? by_hand_subject : by_hand).Run(t.subject, t.metric, far->LastDay());
    });
    Add("Largest answer: " + t.subject + (t.metric.empty() ? " (every metric)" : " " + t.metric) +
            ", " + Count(static_cast<std::int64_t>(answer)) + " claims",
        Duration(l), "hand-written SQL: " + Duration(h), Ratio(l / h));
  }

  Progress("valid-at and as-known-at queries");
  std::vector<std::string> instants;
  {
    Stmt s(sql, "SELECT DISTINCT known_from FROM claims");
    while (s.Step()) instants.push_back(s.Text(0));
  }
  Latencies valid, known;
  std::int64_t valid_empty = 0, known_empty = 0;
  const int side = std::max(1, a.queries / 10);
  for (int i = 0; i < side && Since(started) < a.query_seconds * 1.5; ++i) {
    const Topic t = picker.Pick(rng);
    annals::ClaimQuery q;
    q.subject = t.subject;
    q.metric = t.metric;
    q.valid_from = q.valid_to = RandomDate(rng);
    std::size_t answer = 0;
    valid.Add(Time([&] { answer = db->Query(q).claims.size(); }));
    valid_empty += answer == 0;
    q.valid_from.reset();
    q.valid_to.reset();
    q.as_known_at =
        instants[std::uniform_int_distribution<std::size_t>(0, instants.size() - 1)(rng)];
    known.Add(Time([&] { answer = db->Query(q).claims.size(); }));
    known_empty += answer == 0;
  }
  Add("Valid-at (subject, metric, date) through the library: " +
          Count(static_cast<std::int64_t>(valid.seconds.size())) + " queries, " +
          Count(valid_empty) + " empty",
      valid.Summary());
  Add("As-known-at (subject, metric, instant) through the library: " +
          Count(static_cast<std::int64_t>(known.seconds.size())) + " queries, " +
          Count(known_empty) + " empty",
      known.Summary());
  Add("History and conflicts queries", "n/a (not benchmarked yet)");
  db.reset();

  Progress("annals query as a process");
  // A typical question: the partner cities of the subject with the median number of reports.
  std::vector<Topic> partner_topics;
  for (const auto& t : topics)
    if (t.metric == "partner_cities") partner_topics.push_back(t);
  if (partner_topics.empty()) partner_topics = topics;
  std::sort(partner_topics.begin(), partner_topics.end(),
            [](const Topic& x, const Topic& y) { return x.claims < y.claims; });
  const Topic typical = partner_topics[partner_topics.size() / 2];
  auto process = [&](const std::string& what, const Topic& t, int runs) {
    std::vector<std::string> argv = {
        a.cli, "--db", db_path, "query", "--subject", t.subject, "--as-reported-on", "2026-12-31"};
    if (!t.metric.empty()) argv.insert(argv.end(), {"--metric", t.metric});
    double total = 0, best = 1e9;
    long peak = 0;
    for (int i = 0; i < runs; ++i) {
      const ProcessRun r = Spawn(argv);
      if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0)
        throw std::runtime_error("annals query failed for " + t.subject);
      total += r.seconds;
      best = std::min(best, r.seconds);
      peak = std::max(peak, r.peak_kb);
    }
    Add("`annals query` as a process, " + what + " (mean of " + std::to_string(runs) + ")",
        Duration(total / runs) + " (fastest " + Duration(best) + ")", "",
        Format("peak %.0f MB", static_cast<double>(peak) / 1024));
  };
  process("a typical answer (" + typical.subject + " " + typical.metric + ")", typical,
          a.process_runs);
  process("nothing answers (" + std::string(kUnknownSubject) + ")",
          {kUnknownSubject, "partner_cities", 0}, a.process_runs);
  process("the largest answer (" + largest.subject + " " + largest.metric + ", " +
              Count(largest.claims) + " claims)",
          largest, std::max(1, a.process_runs / 4));
  Add("Sync of the unchanged corpus", "n/a (not implemented)");
  Add("Sync with 1% of the bulletins revised", "n/a (not implemented)");
}

// The micro benchmarks' JSON (Google Benchmark's --benchmark_out) as rows of the table.
void MicroSection(const std::string& path) {
  std::ifstream in(path);
  if (!in) return;
  const auto j = nlohmann::json::parse(in);
  for (const auto& b : j.at("benchmarks")) {
    const std::string unit = b.value("time_unit", "ns");
    const double scale = unit == "ns" ? 1e-9 : unit == "us" ? 1e-6 : unit == "ms" ? 1e-3 : 1;
    // CPU time beside wall time: the machine may be shared with other work.
    std::string figure = Duration(b.at("real_time").get<double>() * scale) + " per run (CPU " +
                         Duration(b.at("cpu_time").get<double>() * scale) + ")";
    if (b.contains("bytes_per_second"))
      figure += Format(" · %.1f MB/s", b.at("bytes_per_second").get<double>() / 1e6);
    if (b.contains("items_per_second"))
      figure += Format(" · %.2f M items/s", b.at("items_per_second").get<double>() / 1e6);
    if (b.contains("claims")) figure += Format(" · %.0f claims", b.at("claims").get<double>());
    Add("Micro: " + b.at("name").get<std::string>(), figure);
  }
}

void Print() {
  std::cout << "| Measure | Figure | Same-run baseline | Ratio |\n|---|---|---|---|\n";
  for (const auto& r : g_rows)
    std::cout << "| " << r.what << " | " << r.figure << " | " << r.baseline << " | " << r.ratio
              << " |\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == kMeasureFlag) return Measure(argc, argv);
  try {
    const Args a = Parse(argc, argv);
    fs::create_directories(a.work);
    const std::string db_path = a.work + "/bench.db";
    for (const auto& suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix);
    std::int64_t docs = 0, bytes = 0;
    IngestSection(a, db_path, docs, bytes);
    QuerySection(a, db_path, docs, bytes);
    if (!a.micro.empty()) MicroSection(a.micro);
    Print();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "annals_bench_macro: " << e.what() << "\n";
    Print();
    return 1;
  }
}
