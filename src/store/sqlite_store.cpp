// The SQLite implementation of Store: every SQL statement of the project is here or in
// schema/.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "annals/error.h"
#include "store/migrate.h"
#include "store/open.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace annals::store {
namespace {

// Binds a date at its precision as text, precision and day number (first or last day).
void BindDate(Statement& s, int index, const std::optional<Date>& d, bool last_day) {
  if (!d) {
    s.BindNull(index).BindNull(index + 1).BindNull(index + 2);
    return;
  }
  s.Bind(index, d->ToString())
      .Bind(index + 1, static_cast<int>(d->precision))
      .Bind(index + 2, last_day ? d->LastDay() : d->FirstDay());
}

std::optional<Date> DateColumn(const Statement& s, int column) {
  auto text = s.OptionalText(column);
  return text ? Date::Parse(*text) : std::nullopt;
}

constexpr const char* kClaimColumns =
    "c.id, c.kind, c.subject, c.metric, c.partner_class, c.value, c.value_min, c.value_max, "
    "c.qualifier, c.unit, c.object, c.object_country, c.relation, c.valid_from, c.valid_to, "
    "c.recorded_from, c.recorded_to, c.known_from, c.known_to, c.lang, c.quote, c.span_start, "
    "c.span_end, c.rule, c.extractor_version, v.id, v.path, v.title, v.published_on, "
    "v.published_inferred, v.sha256, d.collection, d.key";

Claim ClaimOf(const Statement& s) {
  Claim c;
  c.id = s.Int(0);
  c.kind = static_cast<ClaimKind>(s.Int(1));
  c.subject = s.Text(2);
  c.metric = s.Text(3);
  c.partner_class = static_cast<PartnerClass>(s.Int(4));
  c.value = s.OptionalReal(5);
  c.value_min = s.OptionalReal(6);
  c.value_max = s.OptionalReal(7);
  c.qualifier = static_cast<Qualifier>(s.Int(8));
  c.unit = s.Text(9);
  c.object = s.Text(10);
  c.object_country = s.Text(11);
  c.relation = static_cast<RelationType>(s.Int(12));
  c.valid = {DateColumn(s, 13), DateColumn(s, 14)};
  c.recorded_from = DateColumn(s, 15);
  c.recorded_to = DateColumn(s, 16);
  c.known_from = s.Text(17);
  c.known_to = s.OptionalText(18);
  c.lang = s.Text(19);
  c.quote = s.Text(20);
  c.span = {s.Int(21), s.Int(22)};
  c.rule = s.Text(23);
  c.extractor_version = s.Text(24);
  c.document = {s.Int(25), s.Text(26), s.Text(27), DateColumn(s, 28), s.Int(29) != 0, s.Text(30),
                s.Text(31), s.Text(32)};
  return c;
}

// The writer lock of a database file: an flock(2) on `DB-writer` beside it, which the
// kernel releases when the process dies, however it dies. The file says who holds it.
class FileWriterLock final : public WriterLock {
 public:
  FileWriterLock(const std::string& db_path, const std::string& holder)
      : path_(db_path + "-writer"), holder_(holder) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw Error(ErrorCode::kDatabase,
                  path_ + ": cannot create the writer lock: " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string who = Holder(fd_);
      ::close(fd_);
      if (error != EWOULDBLOCK)
        throw Error(ErrorCode::kDatabase, path_ + ": cannot take the writer lock: " + std::strerror(error));
      throw Error(ErrorCode::kLocked,
                  db_path + ": another process is writing to it (" +
                      (who.empty() ? std::string("its lock file ") + path_ + " names none" : who) +
                      "); try again when it has finished");
    }
    Write(0);
  }
  ~FileWriterLock() override { ::close(fd_); }  // closing releases the lock
  FileWriterLock(const FileWriterLock&) = delete;
  FileWriterLock& operator=(const FileWriterLock&) = delete;

  void SetRun(std::int64_t run) override { Write(run); }

  /// What the lock file says of its holder ("pid 123, annals sync /data, run 7").
  static std::string Holder(int fd) {
    char buffer[512];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string text(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
  }

  /// The run that holds the lock of `db_path`, if a live process holds it.
  static std::optional<std::int64_t> RunningRun(const std::string& db_path) {
    const std::string path = db_path + "-writer";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::optional<std::int64_t> run;
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
      ::flock(fd, LOCK_UN);  // free: nothing runs
    } else {
      const std::string text = Holder(fd);
      if (const auto at = text.rfind("run "); at != std::string::npos)
        run = std::atoll(text.c_str() + at + 4);
    }
    ::close(fd);
    return run;
  }

 private:
  void Write(std::int64_t run) {
    std::string text = "pid " + std::to_string(::getpid()) + ", " + holder_;
    if (run) text += ", run " + std::to_string(run);
    text += "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, text.data(), text.size(), 0) < 0) {
      // Only the message to other writers suffers; the lock itself is held.
    }
  }

  std::string path_, holder_;
  int fd_ = -1;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, OpenMode mode)
      : conn_(OpenConnection(path, mode)), path_(path) {
    // The version first: a database this build cannot use is refused before any change.
    if (mode == OpenMode::kReadOnly) {
      RequireLatestSchema(conn_);
      return;
    }
    RefuseNewerSchema(conn_);
    conn_.Execute("PRAGMA journal_mode = WAL");
    conn_.Execute("PRAGMA synchronous = NORMAL");
    Migrate(conn_);
    conn_.Execute("PRAGMA foreign_keys = ON");
  }

  int SchemaVersion() override {
    Statement s(conn_, "PRAGMA user_version");
    s.Step();
    return static_cast<int>(s.Int(0));
  }

  std::unique_ptr<WriterLock> LockWriter(const std::string& holder) override {
    return std::make_unique<FileWriterLock>(path_, holder);
  }

  std::int64_t BeginRun(const RunStart& start, const Timestamp& now) override {
    Statement s(conn_,
                "INSERT INTO ingest_runs(started_at, extractor_version, command, pid) VALUES (?, ?, ?, ?)");
    s.Bind(1, now).Bind(2, start.extractor_version).Bind(3, start.command).Bind(4, start.pid).Run();
    return sqlite3_last_insert_rowid(conn_.get());
  }

  int SetBusyTimeout(int ms) override { return conn_.SetBusyTimeout(ms); }

  void FinishRun(std::int64_t run, RunStatus status, const Timestamp& at,
                 const std::string& message, const RunCounts& n) override {
    Statement s(conn_,
                "UPDATE ingest_runs SET finished_at = ?, status = ?, message = ?, files_seen = ?, "
                "files_new = ?, files_changed = ?, files_unchanged = ?, files_removed = ?, "
                "files_failed = ?, files_reextracted = ?, claims_added = ?, claims_closed = ? "
                "WHERE id = ?");
    s.Bind(1, at).Bind(2, static_cast<int>(status)).Bind(3, message).Bind(4, n.files_seen);
    s.Bind(5, n.files_new).Bind(6, n.files_changed).Bind(7, n.files_unchanged);
    s.Bind(8, n.files_removed).Bind(9, n.files_failed).Bind(10, n.files_reextracted);
    s.Bind(11, n.claims_added).Bind(12, n.claims_closed).Bind(13, run).Run();
  }

  void RecordRunFile(std::int64_t run, const SyncFileResult& f,
                     std::optional<std::int64_t> document) override {
    if (f.outcome == FileOutcome::kUnchanged) return;
    Statement s(conn_,
                "INSERT INTO run_files(run_id, path, document_id, outcome, claims_added, "
                "claims_closed, claims_kept, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.Bind(1, run).Bind(2, f.path).Bind(3, document).Bind(4, static_cast<int>(f.outcome));
    s.Bind(5, f.claims_added).Bind(6, f.claims_closed).Bind(7, f.claims_kept).Bind(8, f.message);
    s.Run();
  }

  std::vector<RunInfo> Runs(std::int64_t limit) override {
    Statement s(conn_, std::string("SELECT ") + kRunColumns + " FROM ingest_runs ORDER BY id DESC LIMIT ?");
    s.Bind(1, limit);
    const auto running = FileWriterLock::RunningRun(path_);
    std::vector<RunInfo> out;
    while (s.Step()) out.push_back(RunOf(s, running));
    return out;
  }

  std::optional<RunDetail> Run(std::int64_t id) override {
    RunDetail detail;
    {
      Statement s(conn_, std::string("SELECT ") + kRunColumns + " FROM ingest_runs WHERE id = ?");
      s.Bind(1, id);
      if (!s.Step()) return std::nullopt;
      detail.run = RunOf(s, FileWriterLock::RunningRun(path_));
    }
    Statement s(conn_,
                "SELECT f.path, COALESCE(d.key, ''), f.outcome, f.claims_added, f.claims_closed, "
                "f.claims_kept, f.message FROM run_files f LEFT JOIN documents d ON d.id = f.document_id "
                "WHERE f.run_id = ? ORDER BY f.id");
    s.Bind(1, id);
    while (s.Step()) {
      SyncFileResult f;
      f.path = s.Text(0);
      f.key = s.Text(1);
      f.outcome = static_cast<FileOutcome>(s.Int(2));
      f.claims_added = s.Int(3);
      f.claims_closed = s.Int(4);
      f.claims_kept = s.Int(5);
      f.message = s.Text(6);
      detail.files.push_back(std::move(f));
    }
    return detail;
  }

  std::optional<CurrentVersion> Current(const std::string& collection, const std::string& key) override {
    Statement s(conn_, std::string(kCurrentSelect) + " AND d.collection = ? AND d.key = ?");
    s.Bind(1, collection).Bind(2, key);
    if (!s.Step()) return std::nullopt;
    return CurrentOf(s);
  }

  std::vector<CurrentVersion> CurrentVersions(const std::optional<std::string>& collection) override {
    Statement s(conn_, std::string(kCurrentSelect) + (collection ? " AND d.collection = ?" : "") +
                           " ORDER BY d.collection, d.key");
    if (collection) s.Bind(1, *collection);
    std::vector<CurrentVersion> out;
    while (s.Step()) out.push_back(CurrentOf(s));
    return out;
  }

  void SaveFileStats(const std::string& collection,
                     const std::vector<std::pair<std::int64_t, FileStat>>& by_document,
                     const std::vector<std::string>& gone) override {
    if (by_document.empty() && gone.empty()) return;
    Transaction tx(conn_);
    for (const auto& [document, stat] : by_document) SaveFileStat(collection, document, stat);
    Statement forget(conn_, "DELETE FROM file_stats WHERE collection = ? AND path = ?");
    for (const auto& path : gone) {
      forget.Reset();
      forget.Bind(1, collection).Bind(2, path).Run();
    }
    tx.Commit();
  }

  StoredVersion LoadVersion(std::int64_t version_id) override {
    Statement s(conn_,
                "SELECT content, sidecar, published_on, published_inferred, encoding "
                "FROM document_versions WHERE id = ?");
    s.Bind(1, version_id);
    if (!s.Step())
      throw Error(ErrorCode::kDatabase, "no stored document version " + std::to_string(version_id));
    return {s.Text(0), s.OptionalText(1), DateColumn(s, 2), s.Int(3) != 0, s.Text(4)};
  }

  std::int64_t Withdraw(std::int64_t run, std::int64_t version_id, const Date& on,
                        const Timestamp& now) override {
    Transaction tx(conn_);
    const std::int64_t withdrawn = Supersede(version_id, on, run, now);
    Statement mark(conn_, "UPDATE document_versions SET withdrawn_on = ? WHERE id = ?");
    mark.Bind(1, on.ToString()).Bind(2, version_id).Run();
    tx.Commit();
    return withdrawn;
  }

  void ReplaceExtraction(std::int64_t run, std::int64_t version_id,
                         const std::string& extractor_version,
                         const std::vector<std::int64_t>& closing, const std::vector<Claim>& adding,
                         const Timestamp& now) override {
    Transaction tx(conn_);
    Statement close(conn_,
                    "UPDATE claims SET known_to = ? WHERE id = ? AND document_version_id = ? "
                    "AND known_to IS NULL");
    for (const std::int64_t id : closing) {
      close.Reset();
      close.Bind(1, now).Bind(2, id).Bind(3, version_id).Run();
    }
    std::optional<Date> published;
    {
      Statement s(conn_, "SELECT published_on FROM document_versions WHERE id = ?");
      s.Bind(1, version_id);
      if (s.Step()) published = DateColumn(s, 0);
    }
    for (Claim c : adding) {
      c.recorded_from = published;
      c.recorded_to.reset();
      InsertClaim(c, version_id, run, now);
    }
    StartExtraction(version_id, extractor_version, run, now);
    tx.Commit();
  }

  std::vector<Claim> VersionClaims(std::int64_t version_id) override {
    Statement s(conn_, std::string("SELECT ") + kClaimColumns +
                           " FROM claims c JOIN document_versions v ON v.id = c.document_version_id"
                           " JOIN documents d ON d.id = v.document_id"
                           " WHERE c.document_version_id = ? AND c.known_to IS NULL ORDER BY c.id");
    s.Bind(1, version_id);
    std::vector<Claim> out;
    while (s.Step()) out.push_back(ClaimOf(s));
    return out;
  }

  using Store::WriteVersion;
  WriteResult WriteVersion(std::int64_t run, const NewVersion& version, const ClaimSource& claims,
                           const Timestamp& now) override {
    Transaction tx(conn_);
    WriteResult result;
    const std::string& key = version.key.empty() ? version.path : version.key;
    const std::optional<CurrentVersion> current = Current(version.collection, key);
    if (current && current->sha256 == version.sha256 && current->sidecar == version.sidecar) {
      result.document_id = current->document_id;
      return result;
    }
    const std::int64_t document_id =
        current ? current->document_id : DocumentId(version.collection, key);
    result.document_id = document_id;
    {
      Statement s(conn_,
                  "INSERT INTO document_versions(document_id, sha256, title, publisher, lang, "
                  "published_on, published_precision, published_day, published_inferred, content, "
                  "byte_size, ingest_run_id, known_from, source_uri, encoding, path, sidecar) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      s.Bind(1, document_id).Bind(2, version.sha256).Bind(3, version.title);
      s.Bind(4, version.publisher).Bind(5, version.lang);
      BindDate(s, 6, version.published_on, false);
      s.Bind(9, version.published_inferred ? 1 : 0).BindBlob(10, version.content);
      s.Bind(11, static_cast<std::int64_t>(version.content.size())).Bind(12, run).Bind(13, now);
      s.Bind(14, version.source_uri).Bind(15, version.encoding).Bind(16, version.path);
      if (version.sidecar) s.BindBlob(17, *version.sidecar); else s.BindNull(17);
      s.Run();
      result.version_id = sqlite3_last_insert_rowid(conn_.get());
    }
    if (current) {
      result.replaced = true;
      result.closed = Supersede(current->version_id,
                                version.published_inferred ? std::nullopt : version.published_on,
                                run, now);
    }
    if (version.stat) SaveFileStat(version.collection, document_id, *version.stat);
    std::string extractor_version = version.extractor_version;
    while (true) {
      Claim c;
      if (!claims(c)) break;
      if (extractor_version.empty()) extractor_version = c.extractor_version;
      c.recorded_from = version.published_on;  // a statement is on record from publication
      c.recorded_to.reset();
      InsertClaim(c, result.version_id, run, now);
      ++result.claims;
    }
    StartExtraction(result.version_id, extractor_version, run, now);
    tx.Commit();
    result.added = true;
    return result;
  }

  void ForEachClaim(const ClaimFilter& f, const ClaimVisitor& visit) override {
    std::string sql = std::string("SELECT ") + kClaimColumns +
                      " FROM claims c JOIN document_versions v ON v.id = c.document_version_id"
                      " JOIN documents d ON d.id = v.document_id WHERE 1 = 1";
    if (!f.subjects.empty()) {
      sql += " AND c.subject IN (?";
      for (std::size_t i = 1; i < f.subjects.size(); ++i) sql += ", ?";
      sql += ")";
    }
    if (f.metric) sql += " AND c.metric = ?";
    if (f.partner_class) sql += " AND c.partner_class = ?";
    if (f.kind) sql += " AND c.kind = ?";
    if (f.reported_day)
      sql += " AND c.recorded_from_day <= ? AND (c.recorded_to_day IS NULL OR c.recorded_to_day > ?)";
    if (f.valid_first_day) sql += " AND (c.valid_to_day IS NULL OR c.valid_to_day >= ?)";
    if (f.valid_last_day) sql += " AND (c.valid_from_day IS NULL OR c.valid_from_day <= ?)";
    if (!f.every_row) {
      if (f.known_at)
        sql += " AND c.known_from <= ? AND (c.known_to IS NULL OR c.known_to > ?)";
      else
        sql += " AND c.known_to IS NULL";
    }
    sql += f.every_row ? " ORDER BY c.id" : " ORDER BY c.recorded_from_day, c.id";
    if (f.limit) sql += " LIMIT ?";
    Statement s(conn_, sql);
    int i = 1;
    for (const auto& subject : f.subjects) s.Bind(i++, subject);
    if (f.metric) s.Bind(i++, *f.metric);
    if (f.partner_class) s.Bind(i++, static_cast<int>(*f.partner_class));
    if (f.kind) s.Bind(i++, static_cast<int>(*f.kind));
    if (f.reported_day) {
      s.Bind(i, *f.reported_day).Bind(i + 1, *f.reported_day);
      i += 2;
    }
    if (f.valid_first_day) s.Bind(i++, *f.valid_first_day);
    if (f.valid_last_day) s.Bind(i++, *f.valid_last_day);
    if (!f.every_row && f.known_at) {
      s.Bind(i, *f.known_at).Bind(i + 1, *f.known_at);
      i += 2;
    }
    if (f.limit) s.Bind(i++, *f.limit);
    while (s.Step()) visit(ClaimOf(s));
  }

  std::vector<DocumentInfo> Documents() override {
    Statement s(conn_,
                "SELECT v.id, v.path, v.title, v.published_on, v.published_inferred, v.sha256, "
                "v.publisher, v.lang, v.byte_size, v.known_from, v.known_to, v.source_uri, v.encoding, "
                "(SELECT count(*) FROM claims c WHERE c.document_version_id = v.id "
                " AND c.known_to IS NULL), d.collection, d.key, v.withdrawn_on "
                "FROM document_versions v JOIN documents d ON d.id = v.document_id "
                "ORDER BY d.collection, d.key, v.id");
    std::vector<DocumentInfo> out;
    while (s.Step()) {
      DocumentInfo info;
      info.ref = {s.Int(0), s.Text(1), s.Text(2), DateColumn(s, 3), s.Int(4) != 0, s.Text(5),
                  s.Text(14), s.Text(15)};
      info.withdrawn_on = DateColumn(s, 16);
      info.publisher = s.Text(6);
      info.lang = s.Text(7);
      info.bytes = s.Int(8);
      info.known_from = s.Text(9);
      info.known_to = s.OptionalText(10);
      info.source_uri = s.Text(11);
      info.encoding = s.Text(12);
      info.claims = s.Int(13);
      out.push_back(std::move(info));
    }
    return out;
  }

  void AddPlaces(const std::vector<PlaceRow>& places) override {
    Transaction tx(conn_);
    Statement place(conn_, "INSERT OR IGNORE INTO places(name, kind, country) VALUES (?, ?, ?)");
    Statement id(conn_, "SELECT id FROM places WHERE name = ? AND kind = ? AND country = ?");
    Statement alias(conn_, "INSERT OR IGNORE INTO place_aliases(place_id, alias) VALUES (?, ?)");
    for (const auto& p : places) {
      place.Reset();
      place.Bind(1, p.name).Bind(2, p.kind).Bind(3, p.country).Run();
      id.Reset();
      id.Bind(1, p.name).Bind(2, p.kind).Bind(3, p.country);
      if (!id.Step()) continue;
      const std::int64_t place_id = id.Int(0);
      for (const auto& a : p.aliases) {
        alias.Reset();
        alias.Bind(1, place_id).Bind(2, a).Run();
      }
    }
    tx.Commit();
  }

  std::vector<std::string> PlacesNamed(const std::string& alias) override {
    Statement s(conn_,
                "SELECT DISTINCT p.name FROM place_aliases a JOIN places p ON p.id = a.place_id "
                "WHERE a.alias = ? ORDER BY p.name");
    s.Bind(1, alias);
    std::vector<std::string> out;
    while (s.Step()) out.push_back(s.Text(0));
    return out;
  }

  void AddEntities(const std::vector<EntityRow>& entities,
                   const std::vector<std::pair<std::string, std::string>>& traits) override {
    Transaction tx(conn_);
    Statement entity(conn_, "INSERT OR IGNORE INTO entities(name, kind, place) VALUES (?, ?, ?)");
    Statement id(conn_, "SELECT id FROM entities WHERE name = ?");
    Statement name(conn_,
                   "INSERT OR IGNORE INTO entity_names(entity_id, name, folded) VALUES (?, ?, ?)");
    for (const auto& e : entities) {
      entity.Reset();
      entity.Bind(1, e.name).Bind(2, e.kind).Bind(3, e.place).Run();
      id.Reset();
      id.Bind(1, e.name);
      if (!id.Step()) continue;
      const std::int64_t entity_id = id.Int(0);
      for (const auto& [written, folded] : e.names) {
        name.Reset();
        name.Bind(1, entity_id).Bind(2, written).Bind(3, folded).Run();
      }
    }
    Statement trait(conn_, "INSERT OR IGNORE INTO traits(name, trait) VALUES (?, ?)");
    for (const auto& [name_of, what] : traits) {
      trait.Reset();
      trait.Bind(1, name_of).Bind(2, what).Run();
    }
    tx.Commit();
  }

  std::vector<EntityRow> Entities() override {
    Statement s(conn_,
                "SELECT e.id, e.name, e.kind, e.place, n.name, n.folded FROM entities e "
                "JOIN entity_names n ON n.entity_id = e.id ORDER BY e.id, n.name = e.name DESC, "
                "n.name");
    std::vector<EntityRow> out;
    std::int64_t last = -1;
    while (s.Step()) {
      if (s.Int(0) != last) {
        last = s.Int(0);
        out.push_back({s.Text(1), s.Text(2), s.Text(3), {}});
      }
      out.back().names.emplace_back(s.Text(4), s.Text(5));
    }
    return out;
  }

  std::vector<std::pair<std::string, std::string>> Traits() override {
    Statement s(conn_, "SELECT name, trait FROM traits ORDER BY name, trait");
    std::vector<std::pair<std::string, std::string>> out;
    while (s.Step()) out.emplace_back(s.Text(0), s.Text(1));
    return out;
  }

 private:
  static constexpr const char* kRunColumns =
      "id, started_at, finished_at, command, extractor_version, pid, status, message, files_seen, "
      "files_new, files_changed, files_unchanged, files_removed, files_failed, files_reextracted, "
      "claims_added, claims_closed";

  static RunInfo RunOf(const Statement& s, std::optional<std::int64_t> running) {
    RunInfo r;
    r.id = s.Int(0);
    r.started_at = s.Text(1);
    r.finished_at = s.OptionalText(2);
    r.command = s.Text(3);
    r.extractor_version = s.Text(4);
    r.pid = s.OptionalInt(5);
    const auto status = s.OptionalInt(6);
    r.state = status == static_cast<int>(RunStatus::kCompleted) ? RunState::kCompleted
              : status == static_cast<int>(RunStatus::kFailed)  ? RunState::kFailed
              : running == r.id                                 ? RunState::kRunning
                                                                : RunState::kInterrupted;
    r.message = s.Text(7);
    RunCounts& n = r.counts;
    n.files_seen = s.Int(8);
    n.files_new = s.Int(9);
    n.files_changed = s.Int(10);
    n.files_unchanged = s.Int(11);
    n.files_removed = s.Int(12);
    n.files_failed = s.Int(13);
    n.files_reextracted = s.Int(14);
    n.claims_added = s.Int(15);
    n.claims_closed = s.Int(16);
    return r;
  }

  static constexpr const char* kCurrentSelect =
      "SELECT d.id, v.id, d.collection, d.key, v.path, v.sha256, v.sidecar, "
      "COALESCE((SELECT e.extractor_version FROM extractions e WHERE e.document_version_id = v.id "
      "AND e.known_to IS NULL ORDER BY e.id DESC LIMIT 1), ''), f.path, f.size, f.mtime_ns, "
      "f.sidecar_size, f.sidecar_mtime_ns "
      "FROM document_versions v JOIN documents d ON d.id = v.document_id "
      "LEFT JOIN file_stats f ON f.document_id = d.id AND f.collection = d.collection "
      "WHERE v.known_to IS NULL";

  static CurrentVersion CurrentOf(const Statement& s) {
    CurrentVersion c;
    c.document_id = s.Int(0);
    c.version_id = s.Int(1);
    c.collection = s.Text(2);
    c.key = s.Text(3);
    c.path = s.Text(4);
    c.sha256 = s.Text(5);
    c.sidecar = s.OptionalText(6);
    c.extractor_version = s.Text(7);
    if (!s.IsNull(8)) c.stat = FileStat{s.Text(8), s.Int(9), s.Int(10), s.Int(11), s.Int(12)};
    return c;
  }

  std::int64_t DocumentId(const std::string& collection, const std::string& key) {
    {
      Statement s(conn_, "SELECT id FROM documents WHERE collection = ? AND key = ?");
      s.Bind(1, collection).Bind(2, key);
      if (s.Step()) return s.Int(0);
    }
    Statement s(conn_, "INSERT INTO documents(collection, key) VALUES (?, ?)");
    s.Bind(1, collection).Bind(2, key).Run();
    return sqlite3_last_insert_rowid(conn_.get());
  }

  // A file's stat belongs to one document; a file that now holds another document (its
  // sidecar gave it another source_uri) takes the row over.
  void SaveFileStat(const std::string& collection, std::int64_t document, const FileStat& f) {
    Statement forget(conn_, "DELETE FROM file_stats WHERE document_id = ? AND path <> ?");
    forget.Bind(1, document).Bind(2, f.path).Run();
    Statement s(conn_,
                "INSERT INTO file_stats(collection, path, document_id, size, mtime_ns, sidecar_size, "
                "sidecar_mtime_ns) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(collection, path) DO UPDATE "
                "SET document_id = excluded.document_id, size = excluded.size, mtime_ns = "
                "excluded.mtime_ns, sidecar_size = excluded.sidecar_size, sidecar_mtime_ns = "
                "excluded.sidecar_mtime_ns");
    s.Bind(1, collection).Bind(2, f.path).Bind(3, document).Bind(4, f.size).Bind(5, f.mtime_ns);
    s.Bind(6, f.sidecar_size).Bind(7, f.sidecar_mtime_ns).Run();
  }

  // Closes the current extraction of a version and records `extractor_version`'s.
  void StartExtraction(std::int64_t version_id, const std::string& extractor_version,
                       std::int64_t run, const Timestamp& now) {
    Statement close(conn_,
                    "UPDATE extractions SET known_to = ? WHERE document_version_id = ? AND known_to IS NULL");
    close.Bind(1, now).Bind(2, version_id).Run();
    Statement s(conn_,
                "INSERT INTO extractions(document_version_id, extractor_version, ingest_run_id, "
                "known_from) VALUES (?, ?, ?, ?)");
    s.Bind(1, version_id).Bind(2, extractor_version).Bind(3, run).Bind(4, now).Run();
  }

  // Closes a replaced version and its current claims at `now`, and gives each claim a
  // successor row whose record time ends when the new version was published. The rows are
  // copied inside the database, so that replacing a version holds none of them in memory.
  // Returns how many claims it closed.
  std::int64_t Supersede(std::int64_t version_id, const std::optional<Date>& replaced_on,
                         std::int64_t run, const Timestamp& now) {
    Statement close_claims(conn_,
                           "UPDATE claims SET known_to = ? WHERE document_version_id = ? AND known_to IS NULL");
    close_claims.Bind(1, now).Bind(2, version_id).Run();
    const std::int64_t closed = sqlite3_changes(conn_.get());
    Statement close_version(conn_, "UPDATE document_versions SET known_to = ? WHERE id = ?");
    close_version.Bind(1, now).Bind(2, version_id).Run();
    // The rows closed just now: a version is replaced once, so no other row of it was
    // closed at `now`.
    Statement successors(
        conn_,
        "INSERT INTO claims(document_version_id, kind, subject, metric, partner_class, value, "
        "value_min, value_max, qualifier, unit, object, object_country, relation, "
        "valid_from, valid_from_precision, valid_from_day, valid_to, valid_to_precision, "
        "valid_to_day, recorded_from, recorded_from_precision, recorded_from_day, "
        "recorded_to, recorded_to_precision, recorded_to_day, known_from, known_to, lang, "
        "quote, span_start, span_end, rule, extractor_version, ingest_run_id) "
        "SELECT document_version_id, kind, subject, metric, partner_class, value, "
        "value_min, value_max, qualifier, unit, object, object_country, relation, "
        "valid_from, valid_from_precision, valid_from_day, valid_to, valid_to_precision, "
        "valid_to_day, recorded_from, recorded_from_precision, recorded_from_day, "
        // A replacement dated before the claim's own record start (a corrected date)
        // ends it where it began: never after it was replaced, never before it started.
        "CASE WHEN recorded_to IS NOT NULL THEN recorded_to "
        "     WHEN recorded_from_day > ?3 THEN recorded_from ELSE ?1 END, "
        "CASE WHEN recorded_to IS NOT NULL THEN recorded_to_precision "
        "     WHEN recorded_from_day > ?3 THEN recorded_from_precision ELSE ?2 END, "
        "CASE WHEN recorded_to IS NOT NULL THEN recorded_to_day "
        "     WHEN recorded_from_day > ?3 THEN recorded_from_day ELSE ?3 END, "
        "?4, NULL, lang, quote, span_start, span_end, rule, extractor_version, ?5 "
        "FROM claims WHERE document_version_id = ?6 AND known_to = ?4 ORDER BY id");
    BindDate(successors, 1, replaced_on ? replaced_on : Date::Parse(now.substr(0, 10)), false);
    successors.Bind(4, now).Bind(5, run).Bind(6, version_id).Run();
    return closed;
  }

  void InsertClaim(const Claim& c, std::int64_t version_id, std::int64_t run, const Timestamp& now) {
    Statement s(conn_,
                "INSERT INTO claims(document_version_id, kind, subject, metric, partner_class, value, "
                "value_min, value_max, qualifier, unit, object, object_country, relation, "
                "valid_from, valid_from_precision, valid_from_day, valid_to, valid_to_precision, "
                "valid_to_day, recorded_from, recorded_from_precision, recorded_from_day, "
                "recorded_to, recorded_to_precision, recorded_to_day, known_from, known_to, lang, "
                "quote, span_start, span_end, rule, extractor_version, ingest_run_id) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?,?,?,?,?)");
    s.Bind(1, version_id).Bind(2, static_cast<int>(c.kind)).Bind(3, c.subject).Bind(4, c.metric);
    s.Bind(5, static_cast<int>(c.partner_class)).Bind(6, c.value).Bind(7, c.value_min);
    s.Bind(8, c.value_max).Bind(9, static_cast<int>(c.qualifier)).Bind(10, c.unit);
    s.Bind(11, c.object).Bind(12, c.object_country).Bind(13, static_cast<int>(c.relation));
    BindDate(s, 14, c.valid.from, false);
    BindDate(s, 17, c.valid.to, true);
    BindDate(s, 20, c.recorded_from, false);
    BindDate(s, 23, c.recorded_to, false);
    s.Bind(26, now).Bind(27, c.lang).Bind(28, c.quote).Bind(29, c.span.start);
    s.Bind(30, c.span.end).Bind(31, c.rule).Bind(32, c.extractor_version).Bind(33, run);
    s.Run();
  }

  Connection conn_;
  std::string path_;
};

}  // namespace

WriteResult Store::WriteVersion(std::int64_t run, const NewVersion& version,
                                const std::vector<Claim>& claims, const Timestamp& now) {
  std::size_t next = 0;
  return WriteVersion(
      run, version,
      [&](Claim& c) {
        if (next == claims.size()) return false;
        c = claims[next++];
        return true;
      },
      now);
}

std::vector<Claim> Store::SelectClaims(const ClaimFilter& filter) {
  std::vector<Claim> out;
  ForEachClaim(filter, [&](const Claim& c) { out.push_back(c); });
  return out;
}

std::unique_ptr<Store> OpenSqliteStore(const std::string& path, OpenMode mode) {
  return std::make_unique<SqliteStore>(path, mode);
}

}  // namespace annals::store
