// Applies the embedded schema files in order, tracked by PRAGMA user_version.
#include "store/migrate.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "annals/error.h"
#include "text/decode.h"

namespace annals::schema {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace annals::store {
namespace {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::vector<Migration> Migrations() {
  std::vector<Migration> out;
  for (const auto& [name, sql] : schema::EmbeddedFiles())
    out.push_back({std::stoi(std::string(name.substr(0, 4))), name, sql});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  return out;
}

// Version 4: quotes of files not in UTF-8 were stored as the file's raw bytes; each is
// decoded again from the content kept with its version.
void DecodeStoredQuotes(Connection& conn) {
  Statement versions(conn,
                     "SELECT id, content, encoding FROM document_versions "
                     "WHERE encoding NOT IN ('UTF-8', '')");
  Statement claims(conn, "SELECT id, span_start, span_end FROM claims WHERE document_version_id = ?");
  Statement update(conn, "UPDATE claims SET quote = ? WHERE id = ?");
  while (versions.Step()) {
    const std::string content = versions.Text(1);
    const std::string encoding = versions.Text(2);
    claims.Reset();
    claims.Bind(1, versions.Int(0));
    while (claims.Step()) {
      const std::int64_t start = claims.Int(1), end = claims.Int(2);
      if (start < 0 || end > static_cast<std::int64_t>(content.size()) || start >= end) continue;
      std::string quote;
      try {
        quote = text::DecodeToUtf8(std::string_view(content).substr(
                                       static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)),
                                   encoding);
      } catch (const Error&) {
        continue;  // not whole characters: no span ingest wrote; its quote is left as it is
      }
      update.Reset();
      update.Bind(1, quote).Bind(2, claims.Int(0)).Run();
    }
  }
}

// Version 5: a document was its absolute path; it becomes a key within a collection. The
// old path cannot tell which folder was the synced one, so the file's own folder is taken
// (the one `ingest FOLDER` and `sync FOLDER` name for a bulletin directly inside it); the
// key is the sidecar's source_uri when the current version has one. Where two old paths
// would meet, the later keeps its whole folder path as collection. Each version keeps the
// path it was read from.
void KeyDocumentsByCollection(Connection& conn) {
  Statement documents(conn,
                      "SELECT d.id, d.path, COALESCE((SELECT v.source_uri FROM document_versions v "
                      "WHERE v.document_id = d.id ORDER BY v.id DESC LIMIT 1), '') "
                      "FROM documents d ORDER BY d.id");
  Statement insert(conn, "INSERT INTO documents_v5(id, collection, key) VALUES (?, ?, ?)");
  Statement paths(conn, "UPDATE document_versions SET path = ? WHERE document_id = ?");
  std::set<std::pair<std::string, std::string>> taken;
  while (documents.Step()) {
    const std::filesystem::path path(documents.Text(1));
    const std::string uri = documents.Text(2);
    std::string collection = path.parent_path().filename().string();
    std::string key = uri.empty() ? path.filename().string() : uri;
    if (collection.empty() || !taken.insert({collection, key}).second) {
      collection = path.parent_path().string();
      key = path.filename().string();
      taken.insert({collection, key});
    }
    insert.Reset();
    insert.Bind(1, documents.Int(0)).Bind(2, collection).Bind(3, key).Run();
    paths.Reset();
    paths.Bind(1, path.string()).Bind(2, documents.Int(0)).Run();
  }
  conn.Execute("DROP TABLE documents");
  conn.Execute("ALTER TABLE documents_v5 RENAME TO documents");
}

// Steps of a migration that SQL cannot express, run after its file in the same transaction.
void RunCodeStep(Connection& conn, int version) {
  if (version == 4) DecodeStoredQuotes(conn);
  if (version == 5) KeyDocumentsByCollection(conn);
}

}  // namespace

int LatestSchemaVersion() {
  const auto all = Migrations();
  return all.empty() ? 0 : all.back().version;
}

int SchemaVersion(Connection& conn) {
  Statement s(conn, "PRAGMA user_version");
  s.Step();
  return static_cast<int>(s.Int(0));
}

int RefuseNewerSchema(Connection& conn) {
  const int version = SchemaVersion(conn);
  if (version > LatestSchemaVersion())
    throw Error(ErrorCode::kDatabase,
                conn.path() + ": its schema version is " + std::to_string(version) +
                    ", newer than this build's " + std::to_string(LatestSchemaVersion()) +
                    "; nothing was changed: upgrade annals to use it");
  return version;
}

void RequireLatestSchema(Connection& conn) {
  const int version = RefuseNewerSchema(conn);
  if (version == 0)
    throw Error(ErrorCode::kDatabase,
                conn.path() + ": not an Annals database (an SQLite file without its schema); "
                              "`annals ingest` creates one");
  if (version < LatestSchemaVersion())
    throw Error(ErrorCode::kDatabase,
                conn.path() + ": its schema version is " + std::to_string(version) +
                    ", older than this build's " + std::to_string(LatestSchemaVersion()) +
                    "; reading does not change a database: run `annals ingest` on it once to "
                    "upgrade it");
}

void Migrate(Connection& conn, int target) {
  RefuseNewerSchema(conn);
  for (const auto& m : Migrations()) {
    if (m.version > target) break;
    // Cheap check without the lock: an up-to-date database is never locked for writing.
    if (m.version <= SchemaVersion(conn)) continue;
    Transaction tx(conn);
    // Another process may have applied this migration while this one waited for the lock.
    if (m.version <= RefuseNewerSchema(conn)) continue;  // the guard rolls back an empty transaction
    conn.Execute(std::string(m.sql));
    RunCodeStep(conn, m.version);
    // Tables are rebuilt with foreign keys off (see Migrate's contract): check them here.
    if (Statement check(conn, "PRAGMA foreign_key_check"); check.Step())
      throw Error(ErrorCode::kDatabase, conn.path() + ": migration " + std::string(m.name) +
                                            " left a row whose reference is broken in table " +
                                            check.Text(0) + "; nothing was changed");
    // The version is our own constant, not input: PRAGMA takes no bound parameters.
    conn.Execute("PRAGMA user_version = " + std::to_string(m.version));
    tx.Commit();
  }
}

}  // namespace annals::store
