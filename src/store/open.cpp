// Opening a database file in each OpenMode (see open.h). A reader never creates a file:
// the checks here run before SQLite, which would create a missing or empty file.
#include "store/open.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "annals/error.h"

namespace annals::store {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

[[noreturn]] void Refuse(const std::string& path, const std::string& why) {
  throw Error(ErrorCode::kDatabase, path + ": " + why);
}

bool Writable(const fs::path& p) { return ::access(p.c_str(), W_OK) == 0; }

// A `file:` URI for `path`: every byte but the unreserved ones and '/' percent-encoded, so
// that '?', '#' and '%' in a file name stay part of the name.
std::string FileUri(const fs::path& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : fs::absolute(path).string()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  return uri;
}

// Checks what can be told from the file system and the first bytes, before SQLite opens
// the path (which it would create if missing or initialise if empty).
void CheckFile(const std::string& path, OpenMode mode) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    if (mode == OpenMode::kCreate) return;
    Refuse(path, "no such database; run `annals ingest` first to create one");
  }
  if (fs::is_directory(status)) Refuse(path, "a folder, not a database file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size == 0) {
    if (mode == OpenMode::kCreate) return;
    Refuse(path, "an empty file, not an Annals database; `annals ingest` creates one");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return;  // unreadable: SQLite says why
  std::array<char, kSqliteMagic.size()> head{};
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (in.gcount() != static_cast<std::streamsize>(head.size()) ||
      std::string_view(head.data(), head.size()) != kSqliteMagic)
    Refuse(path, "not an SQLite database, so not an Annals database");
}

Connection OpenReadOnly(const std::string& path) {
  const fs::path file(path);
  const fs::path folder = fs::absolute(file).parent_path();
  if (Writable(file) && Writable(folder)) {
    // SQLITE_OPEN_READONLY here would leave a WAL reader's -wal and -shm files behind: a
    // read-only handle cannot take the lock that the last connection needs to remove them.
    // A read-write handle that refuses every write leaves the folder as it found it.
    Connection conn(path, path, SQLITE_OPEN_READWRITE);
    conn.Execute("PRAGMA query_only = ON");
    return conn;
  }
  const bool has_wal = fs::exists(path + "-wal");
  if (!Writable(folder)) {
    if (!has_wal) {
      // No log and no way for anyone without write access to the folder to start one:
      // the file holds the whole database, and SQLite may read it without -shm locks.
      return Connection(path, FileUri(file) + "?mode=ro&immutable=1",
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
    if (!fs::exists(path + "-shm"))
      Refuse(path, "its write-ahead log " + path +
                       "-wal cannot be read without its -shm index, which cannot be created in "
                       "a folder this user cannot write; run any annals command on it as a user "
                       "who can write the folder (that folds the log into the database), then "
                       "read it again");
  }
  return Connection(path, path, SQLITE_OPEN_READONLY);
}

}  // namespace

Connection OpenConnection(const std::string& path, OpenMode mode) {
  if (path.empty()) throw Error(ErrorCode::kUsage, "the database path is empty");
  CheckFile(path, mode);
  switch (mode) {
    case OpenMode::kCreate:
      return Connection(path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    case OpenMode::kReadWrite:
      return Connection(path, path, SQLITE_OPEN_READWRITE);
    case OpenMode::kReadOnly:
      break;
  }
  Connection conn = OpenReadOnly(path);
  // The first read opens the log and its index: say plainly when that is what fails.
  try {
    Statement probe(conn, "SELECT count(*) FROM sqlite_master");
    probe.Step();
  } catch (const Error& e) {
    const int primary = e.sqlite_code() & 0xFF;
    if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN)
      throw Error(ErrorCode::kDatabase,
                  path + ": cannot be read without write access to it or its folder (" +
                      sqlite3_errstr(e.sqlite_code()) +
                      "); read it as a user who can write the folder, or read a copy",
                  e.sqlite_code());
    throw;
  }
  return conn;
}

}  // namespace annals::store
