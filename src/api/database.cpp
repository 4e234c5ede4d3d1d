// The library facade: binds the public Database to the storage, query and ingest layers.
#include "annals/database.h"

#include "annals/error.h"

#include "ingest/ingest.h"
#include "ingest/sync.h"
#include "query/analyst.h"
#include "query/conflicts.h"
#include "query/query.h"
#include "store/store.h"

namespace annals {
namespace {

store::ClaimFilter EveryRow() {
  store::ClaimFilter every;
  every.every_row = true;
  return every;
}

class DatabaseImpl final : public Database {
 public:
  DatabaseImpl(std::unique_ptr<store::Store> store, std::string path, OpenMode mode)
      : store_(std::move(store)), path_(std::move(path)), mode_(mode) {}

  IngestReport Ingest(const std::vector<std::string>& paths, const IngestOptions& options) override {
    RequireWritable("ingest");
    return ingest::IngestPaths(*store_, paths, options);
  }
  SyncReport Sync(const std::string& folder, const SyncOptions& options) override {
    if (!options.dry_run) RequireWritable("sync");
    return ingest::SyncFolder(*store_, folder, options);
  }
  SyncReport Reextract(const SyncOptions& options) override {
    if (!options.dry_run) RequireWritable("re-extract");
    return ingest::ReextractAll(*store_, options);
  }
  std::vector<RunInfo> Runs(std::int64_t limit) override { return store_->Runs(limit); }
  std::optional<RunDetail> Run(std::int64_t id) override { return store_->Run(id); }
  QueryResult Query(const ClaimQuery& q) override { return query::Run(*store_, q); }
  ConflictReport Conflicts(const ConflictQuery& q) override { return query::Conflicts(*store_, q); }
  HistoryResult History(const HistoryQuery& q) override { return query::History(*store_, q); }
  DiffResult Diff(const DiffQuery& q) override { return query::Diff(*store_, q); }
  std::vector<CatalogEntry> Subjects(const CatalogQuery& q) override {
    return query::Catalog(*store_, q, false);
  }
  std::vector<CatalogEntry> Metrics(const CatalogQuery& q) override {
    return query::Catalog(*store_, q, true);
  }
  std::vector<Claim> AllClaims() override { return store_->SelectClaims(EveryRow()); }
  void ForEachClaim(const ClaimVisitor& visit) override { store_->ForEachClaim(EveryRow(), visit); }
  std::vector<DocumentInfo> Documents() override { return store_->Documents(); }
  int SchemaVersion() override { return store_->SchemaVersion(); }

 private:
  void RequireWritable(const std::string& what) const {
    if (mode_ == OpenMode::kReadOnly)
      throw Error(ErrorCode::kUsage, path_ + ": opened read-only; open it with OpenMode::kCreate "
                                             "or OpenMode::kReadWrite to " + what);
  }

  std::unique_ptr<store::Store> store_;
  std::string path_;
  OpenMode mode_;
};

}  // namespace

std::unique_ptr<Database> Database::Open(const std::string& path, OpenMode mode) {
  return std::make_unique<DatabaseImpl>(store::OpenSqliteStore(path, mode), path, mode);
}

}  // namespace annals
