// RAII over SQLite: the connection, prepared statements with bound parameters, and a
// transaction guard that rolls back unless committed. Only src/store includes this.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace annals::store {

/// An open SQLite connection. Throws Error(kDatabase) on failure.
class Connection {
 public:
  /// Opens `path` read-write, creating it if missing.
  explicit Connection(const std::string& path);
  /// Opens `filename` (a path, or a `file:` URI when `flags` has SQLITE_OPEN_URI) with
  /// sqlite3_open_v2 flags; messages name `path`. Sets the busy timeout.
  Connection(const std::string& path, const std::string& filename, int flags);
  sqlite3* get() const { return db_.get(); }
  /// The path that messages name.
  const std::string& path() const { return path_; }
  /// Runs SQL with no parameters and no rows (schema scripts, pragmas).
  void Execute(const std::string& sql);
  /// How long a statement waits for another connection's lock (ms) before it fails;
  /// returns the previous wait.
  int SetBusyTimeout(int ms);
  [[noreturn]] void Fail(int rc, const std::string& what) const;

 private:
  std::string Explain(int rc, std::string detail) const;

  struct Closer {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
  int busy_timeout_ms_ = 0;
};

/// A prepared statement. Bind parameters by 1-based index, then Step() through rows.
class Statement {
 public:
  Statement(Connection& conn, std::string_view sql);

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  /// Binds `bytes` without copying them (a bulletin's bytes are large).
  /// REQUIRES: they stay valid while the statement runs, until Reset() or destruction.
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  /// Advances to the next row; false when done.
  bool Step();
  /// Runs a statement that returns no rows.
  void Run();
  /// Clears bindings and rewinds, to run again.
  void Reset();

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;
  std::optional<double> OptionalReal(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
  };
  Connection& conn_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless Commit() ran.
class Transaction {
 public:
  explicit Transaction(Connection& conn);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  Connection& conn_;
  bool done_ = false;
};

}  // namespace annals::store
