// Writes prepared files and re-extractions through the Store, one transaction each.
#include "ingest/write.h"

#include <map>
#include <tuple>

#include "annals/error.h"
#include "extract/entities.h"
#include "extract/extractor.h"
#include "text/unicode.h"

namespace annals::ingest {

void StoreKnowledge(store::Store& store) {
  std::vector<store::Store::PlaceRow> rows;
  for (const auto& p : extract::Knowledge::Embedded().places()) {
    store::Store::PlaceRow row{p.name, p.kind, p.country, {text::FoldUtf8(p.name)}};
    for (const auto& a : p.aliases) row.aliases.push_back(text::FoldUtf8(a));
    rows.push_back(std::move(row));
  }
  store.AddPlaces(rows);
  const auto& table = extract::EmbeddedEntities();
  std::vector<store::Store::EntityRow> entities;
  for (const auto& e : table.entities) {
    store::Store::EntityRow row{e.name, e.kind, e.place, {}};
    for (const auto& n : e.names) row.names.emplace_back(n, text::FoldUtf8(n));
    entities.push_back(std::move(row));
  }
  std::vector<std::pair<std::string, std::string>> traits;
  for (const auto& o : table.once)
    for (const auto& type : o.event_types) traits.emplace_back(type, "once:" + o.happening);
  for (const auto& metric : table.growing) traits.emplace_back(metric, "grows");
  store.AddEntities(entities, traits);
}

Written WritePrepared(store::Store& store, std::int64_t run, PreparedFile& file, const Timestamp& now) {
  file.version.extractor_version = extract::kExtractorVersion;
  const store::WriteResult w = store.WriteVersion(run, file.version, file.Claims(), now);
  Written out;
  out.document_id = w.document_id;
  SyncFileResult& r = out.result;
  r.path = file.file.path;
  r.key = file.key;
  r.outcome = !w.added ? FileOutcome::kUnchanged : w.replaced ? FileOutcome::kChanged : FileOutcome::kNew;
  r.claims_added = w.claims;
  r.claims_closed = w.closed;
  r.warnings = file.warnings;
  return out;
}

Written Reextract(store::Store& store, std::int64_t run, const store::CurrentVersion& current,
                  const Timestamp& now) {
  Written out;
  out.document_id = current.document_id;
  SyncFileResult& r = out.result;
  r.path = current.path;
  r.key = current.key;
  r.outcome = FileOutcome::kReextracted;
  std::vector<Claim> fresh;
  try {
    fresh = ExtractStored(store.LoadVersion(current.version_id));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kInput) throw;
    r.outcome = FileOutcome::kFailed;
    r.message = current.path + ": stored bytes no longer read as a bulletin (" + e.what() +
                "); its claims are kept";
    return out;
  }
  const std::vector<Claim> stored = store.VersionClaims(current.version_id);
  // Old and new readings paired by where and by which rule they were read.
  std::multimap<std::tuple<std::int64_t, std::int64_t, std::string>, std::size_t> unmatched;
  for (std::size_t i = 0; i < stored.size(); ++i)
    unmatched.emplace(std::make_tuple(stored[i].span.start, stored[i].span.end, stored[i].rule), i);
  std::vector<Claim> adding;
  for (Claim& c : fresh) {
    auto [first, last] = unmatched.equal_range({c.span.start, c.span.end, c.rule});
    auto same = first;
    while (same != last && !SameReading(stored[same->second], c)) ++same;
    if (same != last) {
      unmatched.erase(same);
      ++r.claims_kept;
    } else {
      adding.push_back(std::move(c));
    }
  }
  std::vector<std::int64_t> closing;
  for (const auto& [where, i] : unmatched) closing.push_back(stored[i].id);
  std::sort(closing.begin(), closing.end());
  store.ReplaceExtraction(run, current.version_id, extract::kExtractorVersion, closing, adding, now);
  r.claims_added = static_cast<std::int64_t>(adding.size());
  r.claims_closed = static_cast<std::int64_t>(closing.size());
  return out;
}

}  // namespace annals::ingest
