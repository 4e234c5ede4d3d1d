// The library facade: binds the public Database to the storage, query and ingest layers.
#include "annals/database.h"

#include "ingest/ingest.h"
#include "query/query.h"
#include "store/store.h"

namespace annals {
namespace {

class DatabaseImpl final : public Database {
 public:
  explicit DatabaseImpl(std::unique_ptr<store::Store> store) : store_(std::move(store)) {}

  IngestReport Ingest(const std::vector<std::string>& paths, const IngestOptions& options) override {
    return ingest::IngestPaths(*store_, paths, options);
  }
  QueryResult Query(const ClaimQuery& q) override { return query::Run(*store_, q); }
  std::vector<Claim> AllClaims() override {
    store::ClaimFilter every;
    every.every_row = true;
    return store_->SelectClaims(every);
  }
  std::vector<DocumentInfo> Documents() override { return store_->Documents(); }
  int SchemaVersion() override { return store_->SchemaVersion(); }

 private:
  std::unique_ptr<store::Store> store_;
};

}  // namespace

std::unique_ptr<Database> Database::Open(const std::string& path) {
  return std::make_unique<DatabaseImpl>(store::OpenSqliteStore(path));
}

}  // namespace annals
