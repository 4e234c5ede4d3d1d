// Applies the embedded schema files in order, tracked by PRAGMA user_version.
#include "store/migrate.h"

#include <algorithm>
#include <string>
#include <vector>

#include "annals/error.h"

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

int UserVersion(Connection& conn) {
  Statement s(conn, "PRAGMA user_version");
  s.Step();
  return static_cast<int>(s.Int(0));
}

}  // namespace

int LatestSchemaVersion() {
  const auto all = Migrations();
  return all.empty() ? 0 : all.back().version;
}

void Migrate(Connection& conn) {
  const int current = UserVersion(conn);
  if (current > LatestSchemaVersion()) {
    throw Error(ErrorCode::kDatabase,
                "the database has schema version " + std::to_string(current) +
                    ", newer than this build knows (" + std::to_string(LatestSchemaVersion()) +
                    "): upgrade annals");
  }
  for (const auto& m : Migrations()) {
    if (m.version <= current) continue;
    Transaction tx(conn);
    conn.Execute(std::string(m.sql));
    // The version is our own constant, not input: PRAGMA takes no bound parameters.
    conn.Execute("PRAGMA user_version = " + std::to_string(m.version));
    tx.Commit();
  }
}

}  // namespace annals::store
