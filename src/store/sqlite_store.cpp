// The SQLite implementation of Store: every SQL statement of the project is here or in
// schema/.
#include <sqlite3.h>

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
    "c.span_end, c.rule, c.extractor_version, v.id, d.path, v.title, v.published_on, "
    "v.published_inferred, v.sha256";

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
  c.document = {s.Int(25), s.Text(26), s.Text(27), DateColumn(s, 28), s.Int(29) != 0, s.Text(30)};
  return c;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, OpenMode mode) : conn_(OpenConnection(path, mode)) {
    // The version first: a database this build cannot use is refused before any change.
    if (mode == OpenMode::kReadOnly) {
      RequireLatestSchema(conn_);
      return;
    }
    RefuseNewerSchema(conn_);
    conn_.Execute("PRAGMA journal_mode = WAL");
    conn_.Execute("PRAGMA foreign_keys = ON");
    conn_.Execute("PRAGMA synchronous = NORMAL");
    Migrate(conn_);
  }

  int SchemaVersion() override {
    Statement s(conn_, "PRAGMA user_version");
    s.Step();
    return static_cast<int>(s.Int(0));
  }

  std::int64_t BeginRun(const std::string& extractor_version, const Timestamp& now) override {
    Statement s(conn_, "INSERT INTO ingest_runs(started_at, extractor_version) VALUES (?, ?)");
    s.Bind(1, now).Bind(2, extractor_version).Run();
    return sqlite3_last_insert_rowid(conn_.get());
  }

  int SetBusyTimeout(int ms) override { return conn_.SetBusyTimeout(ms); }

  void FinishRun(std::int64_t run, RunStatus status, const Timestamp& at,
                 const std::string& message) override {
    Statement s(conn_,
                "UPDATE ingest_runs SET finished_at = ?, status = ?, message = ? WHERE id = ?");
    s.Bind(1, at).Bind(2, static_cast<int>(status)).Bind(3, message).Bind(4, run).Run();
  }

  bool IsCurrent(const std::string& path, const std::string& sha256) override {
    Statement s(conn_,
                "SELECT 1 FROM document_versions v JOIN documents d ON d.id = v.document_id "
                "WHERE d.path = ? AND v.sha256 = ? AND v.known_to IS NULL");
    s.Bind(1, path).Bind(2, sha256);
    return s.Step();
  }

  using Store::WriteVersion;
  WriteResult WriteVersion(std::int64_t run, const NewVersion& version, const ClaimSource& claims,
                           const Timestamp& now) override {
    Transaction tx(conn_);
    WriteResult result;
    if (IsCurrent(version.path, version.sha256)) return result;
    const std::int64_t document_id = DocumentId(version.path);
    // A current version with other bytes is replaced.
    std::optional<std::int64_t> previous;
    {
      Statement s(conn_, "SELECT id FROM document_versions WHERE document_id = ? AND known_to IS NULL");
      s.Bind(1, document_id);
      if (s.Step()) previous = s.Int(0);
    }
    {
      Statement s(conn_,
                  "INSERT INTO document_versions(document_id, sha256, title, publisher, lang, "
                  "published_on, published_precision, published_day, published_inferred, content, "
                  "byte_size, ingest_run_id, known_from, source_uri, encoding) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      s.Bind(1, document_id).Bind(2, version.sha256).Bind(3, version.title);
      s.Bind(4, version.publisher).Bind(5, version.lang);
      BindDate(s, 6, version.published_on, false);
      s.Bind(9, version.published_inferred ? 1 : 0).BindBlob(10, version.content);
      s.Bind(11, static_cast<std::int64_t>(version.content.size())).Bind(12, run).Bind(13, now);
      s.Bind(14, version.source_uri).Bind(15, version.encoding);
      s.Run();
      result.version_id = sqlite3_last_insert_rowid(conn_.get());
    }
    if (previous) Supersede(*previous, version.published_on, run, now);
    while (true) {
      Claim c;
      if (!claims(c)) break;
      c.recorded_from = version.published_on;  // a statement is on record from publication
      c.recorded_to.reset();
      InsertClaim(c, result.version_id, run, now);
      ++result.claims;
    }
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
                "SELECT v.id, d.path, v.title, v.published_on, v.published_inferred, v.sha256, "
                "v.publisher, v.lang, v.byte_size, v.known_from, v.known_to, v.source_uri, v.encoding, "
                "(SELECT count(*) FROM claims c WHERE c.document_version_id = v.id "
                " AND c.known_to IS NULL) "
                "FROM document_versions v JOIN documents d ON d.id = v.document_id "
                "ORDER BY d.path, v.id");
    std::vector<DocumentInfo> out;
    while (s.Step()) {
      DocumentInfo info;
      info.ref = {s.Int(0), s.Text(1), s.Text(2), DateColumn(s, 3), s.Int(4) != 0, s.Text(5)};
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
  std::int64_t DocumentId(const std::string& path) {
    {
      Statement s(conn_, "SELECT id FROM documents WHERE path = ?");
      s.Bind(1, path);
      if (s.Step()) return s.Int(0);
    }
    Statement s(conn_, "INSERT INTO documents(path) VALUES (?)");
    s.Bind(1, path).Run();
    return sqlite3_last_insert_rowid(conn_.get());
  }

  // Closes a replaced version and its current claims at `now`, and gives each claim a
  // successor row whose record time ends when the new version was published. The rows are
  // copied inside the database, so that replacing a version holds none of them in memory.
  void Supersede(std::int64_t version_id, const std::optional<Date>& replaced_on,
                 std::int64_t run, const Timestamp& now) {
    Statement close_claims(conn_,
                           "UPDATE claims SET known_to = ? WHERE document_version_id = ? AND known_to IS NULL");
    close_claims.Bind(1, now).Bind(2, version_id).Run();
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
        "COALESCE(recorded_to, ?1), "
        "CASE WHEN recorded_to IS NULL THEN ?2 ELSE recorded_to_precision END, "
        "CASE WHEN recorded_to IS NULL THEN ?3 ELSE recorded_to_day END, "
        "?4, NULL, lang, quote, span_start, span_end, rule, extractor_version, ?5 "
        "FROM claims WHERE document_version_id = ?6 AND known_to = ?4 ORDER BY id");
    BindDate(successors, 1, replaced_on ? replaced_on : Date::Parse(now.substr(0, 10)), false);
    successors.Bind(4, now).Bind(5, run).Bind(6, version_id).Run();
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
