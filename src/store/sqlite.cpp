// SQLite RAII wrappers (see sqlite.h).
#include "store/sqlite.h"

#include "annals/error.h"

namespace annals::store {

Connection::Connection(const std::string& path)
    : Connection(path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {}

Connection::Connection(const std::string& path, const std::string& filename, int flags)
    : path_(path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(filename.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) Fail(rc, "cannot open the database");
  sqlite3_extended_result_codes(raw, 1);
  // Another process (a nightly job) may hold the write lock for a while.
  SetBusyTimeout(10000);
}

int Connection::SetBusyTimeout(int ms) {
  const int previous = busy_timeout_ms_;
  sqlite3_busy_timeout(db_.get(), ms);
  busy_timeout_ms_ = ms;
  return previous;
}

// SQLite's "database is locked" does not say that the wait ran out, nor how long it was.
std::string Connection::Explain(int rc, std::string detail) const {
  if ((rc & 0xFF) == SQLITE_BUSY)
    detail += " (another process held the write lock for more than " +
              std::to_string(busy_timeout_ms_) + " ms)";
  return detail;
}

void Connection::Fail(int rc, const std::string& what) const {
  std::string detail = db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
  throw Error(ErrorCode::kDatabase, path_ + ": " + what + ": " + Explain(rc, detail), rc);
}

void Connection::Execute(const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string m = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw Error(ErrorCode::kDatabase, path_ + ": " + Explain(rc, m), rc);
  }
}

Statement::Statement(Connection& conn, std::string_view sql) : conn_(conn) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(conn.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  stmt_.reset(raw);
  if (rc != SQLITE_OK) conn_.Fail(rc, "cannot prepare a statement");
}

Statement& Statement::Bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_.get(), index, value);
  if (rc != SQLITE_OK) conn_.Fail(rc, "cannot bind a parameter");
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_.get(), index, value);
  if (rc != SQLITE_OK) conn_.Fail(rc, "cannot bind a parameter");
  return *this;
}
Statement& Statement::Bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                                   SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) conn_.Fail(rc, "cannot bind a parameter");
  return *this;
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  const int rc = sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                                   SQLITE_STATIC);
  if (rc != SQLITE_OK) conn_.Fail(rc, "cannot bind a parameter");
  return *this;
}
Statement& Statement::BindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_.get(), index);
  if (rc != SQLITE_OK) conn_.Fail(rc, "cannot bind a parameter");
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  conn_.Fail(rc, "statement failed");
}

void Statement::Run() {
  while (Step()) {
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

bool Statement::IsNull(int c) const { return sqlite3_column_type(stmt_.get(), c) == SQLITE_NULL; }
std::int64_t Statement::Int(int c) const { return sqlite3_column_int64(stmt_.get(), c); }
double Statement::Real(int c) const { return sqlite3_column_double(stmt_.get(), c); }
std::string Statement::Text(int c) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt_.get(), c));
  const int n = sqlite3_column_bytes(stmt_.get(), c);
  return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
}
std::optional<std::string> Statement::OptionalText(int c) const {
  return IsNull(c) ? std::nullopt : std::optional<std::string>(Text(c));
}
std::optional<std::int64_t> Statement::OptionalInt(int c) const {
  return IsNull(c) ? std::nullopt : std::optional<std::int64_t>(Int(c));
}
std::optional<double> Statement::OptionalReal(int c) const {
  return IsNull(c) ? std::nullopt : std::optional<double>(Real(c));
}

Transaction::Transaction(Connection& conn) : conn_(conn) { conn_.Execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(conn_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::Commit() {
  conn_.Execute("COMMIT");
  done_ = true;
}

}  // namespace annals::store
