// Reads each bulletin, extracts its claims, maps them to byte spans, and writes them.
#include "ingest/ingest.h"

#include <openssl/evp.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "annals/error.h"
#include "extract/entities.h"
#include "extract/extractor.h"
#include "text/decode.h"
#include "text/document.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::ingest {
namespace {

namespace fs = std::filesystem;

bool IsBulletinFile(const fs::path& p) {
  const std::string name = p.filename().string();
  const std::string ext = p.extension().string();
  return !name.empty() && name[0] != '.' && (ext == ".txt" || ext == ".html" || ext == ".htm");
}

// What a sidecar `NAME.meta.json` beside a bulletin says; it wins over the header.
struct Sidecar {
  std::optional<Date> published_on;
  std::string source_uri, publisher, language, encoding;
};

std::optional<Sidecar> ReadSidecar(const std::string& path) {
  fs::path candidate = fs::path(path).replace_extension(".meta.json");
  std::error_code ec;
  if (!fs::exists(candidate, ec)) candidate = fs::path(path + ".meta.json");
  if (!fs::exists(candidate, ec)) return std::nullopt;
  const std::string name = candidate.filename().string();
  std::ifstream in(candidate, std::ios::binary);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw Error(ErrorCode::kInput, "sidecar " + name + " is not a JSON object");
  Sidecar s;
  auto text = [&](const char* key) -> std::string {
    if (!j.contains(key) || j[key].is_null()) return "";
    if (!j[key].is_string())
      throw Error(ErrorCode::kInput, "sidecar " + name + ": `" + key + "` must be a string");
    return j[key].get<std::string>();
  };
  if (const std::string d = text("published_on"); !d.empty()) {
    s.published_on = Date::Parse(d);
    if (!s.published_on || !text::IsPlausiblePublicationYear(s.published_on->year))
      throw Error(ErrorCode::kInput, "sidecar " + name + ": published_on \"" + d +
                                         "\" is not YYYY, YYYY-MM or YYYY-MM-DD from 1800 to next year");
  }
  s.source_uri = text("source_uri");
  s.publisher = text("publisher");
  s.language = text("language");
  s.encoding = text("encoding");
  return s;
}

// Expands folders to their bulletin files, in a stable (sorted) order.
std::vector<std::string> Expand(const std::vector<std::string>& paths, IngestReport& report) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
           it.increment(ec))
        if (it->is_regular_file(ec) && IsBulletinFile(it->path())) found.push_back(it->path().string());
      if (ec) report.files.push_back({p, IngestFileResult::Status::kRejected, 0,
                                      p + ": cannot read the folder: " + ec.message()});
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      report.files.push_back({p, IngestFileResult::Status::kRejected, 0,
                              p + ": no such file or folder"});
    }
  }
  return files;
}

std::string ReadFile(const std::string& path, std::int64_t max_bytes) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) throw Error(ErrorCode::kInput, "cannot read the file: " + ec.message());
  if (static_cast<std::int64_t>(size) > max_bytes)
    throw Error(ErrorCode::kInput, "the file is " + std::to_string(size) +
                                       " bytes, over the limit of " + std::to_string(max_bytes) +
                                       " (raise it with --max-bytes)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kInput, "cannot open the file");
  // Read into a string of the file's size: one grown as it is read ends up to twice that.
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) throw Error(ErrorCode::kInput, "cannot read the file");
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// The claims of a bulletin between extraction and writing. A large bulletin makes a hundred
// thousand, so each is kept in a few dozen bytes rather than as a draft of several hundred:
// its words (subject, metric, unit, rule...) as indexes into the few the bulletin uses.
class PendingClaims {
 public:
  void Add(const extract::Draft& d, const text::ByteRange& span) {
    claims_.push_back({span, d.valid, d.value, d.value_min, d.value_max, d.kind,
                       d.partner_class, d.qualifier, d.relation, Word(d.subject),
                       Word(d.metric), Word(d.unit), Word(d.object), Word(d.object_country),
                       Word(d.lang), Word(d.rule)});
  }
  std::size_t size() const { return claims_.size(); }

  // Claim `i` with its byte span and the bulletin's own wording, from `bytes` read in
  // `encoding`, as its quote (in UTF-8, whatever the file's encoding).
  Claim Get(std::size_t i, const std::string& bytes, const std::string& encoding,
            const std::optional<Date>& published) const {
    const Pending& p = claims_[i];
    Claim c;
    c.kind = p.kind;
    c.subject = words_[p.subject];
    c.metric = words_[p.metric];
    c.partner_class = p.partner_class;
    c.value = p.value;
    c.value_min = p.value_min;
    c.value_max = p.value_max;
    c.qualifier = p.qualifier;
    c.unit = words_[p.unit];
    c.object = words_[p.object];
    c.object_country = words_[p.object_country];
    c.relation = p.relation;
    c.valid = p.valid;
    c.recorded_from = published;
    c.lang = words_[p.lang];
    c.span = {p.span.start, p.span.end};
    c.quote = text::DecodeToUtf8(std::string_view(bytes).substr(static_cast<std::size_t>(p.span.start),
                                                                static_cast<std::size_t>(p.span.end - p.span.start)),
                                 encoding);
    c.rule = words_[p.rule];
    c.extractor_version = extract::kExtractorVersion;
    return c;
  }

 private:
  struct Pending {
    text::ByteRange span;
    DateRange valid;
    std::optional<double> value, value_min, value_max;
    ClaimKind kind;
    PartnerClass partner_class;
    Qualifier qualifier;
    RelationType relation;
    std::uint32_t subject, metric, unit, object, object_country, lang, rule;  // in words_
  };

  std::uint32_t Word(const std::string& w) {
    const auto [it, added] = index_.try_emplace(w, static_cast<std::uint32_t>(words_.size()));
    if (added) words_.push_back(w);
    return it->second;
  }

  std::deque<Pending> claims_;
  std::vector<std::string> words_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

// A bulletin read and extracted: what its version row says, and its claims. The parsed text
// is gone by then: it is the largest part of reading, and writing needs only the file's
// bytes.
struct Reading {
  std::string title, publisher, lang, encoding;
  std::optional<Date> published;
  bool inferred = false;
  PendingClaims claims;
  std::vector<std::string> warnings;  // what was read and not used
};

Reading ReadBulletin(const std::string& bytes, const std::optional<Sidecar>& sidecar) {
  const text::Bulletin doc = text::ParseBulletin(bytes, sidecar ? sidecar->encoding : "");
  if (doc.paragraphs.empty())
    throw Error(ErrorCode::kInput, std::string("not a bulletin: no text after the title") +
                                       (doc.html ? " (an HTML page without paragraphs)" : ""));
  Reading r;
  r.title = doc.title;
  r.publisher = doc.publisher;
  r.lang = doc.lang;
  r.encoding = doc.encoding;
  r.published = doc.published_on;
  if (sidecar && sidecar->published_on) r.published = sidecar->published_on;
  r.inferred = !r.published;
  if (r.inferred) r.published = extract::LatestDateMentioned(doc);
  const extract::Extraction extraction = extract::Extract(doc, r.published, [&](extract::Draft&& d) {
    if (d.begin >= d.end || d.end > doc.text.size()) return;  // untraceable: not stored
    if (d.subject.empty()) return;  // whose figure it is is unknown: not stored
    r.claims.Add(d, doc.text.BytesOf(d.begin, d.end));
  });
  r.warnings = doc.warnings;
  r.warnings.insert(r.warnings.end(), extraction.warnings.begin(), extraction.warnings.end());
  return r;
}

// The gazetteer goes with each run, so that queries can resolve any name of a place.
void AddGazetteer(store::Store& store) {
  std::vector<store::Store::PlaceRow> rows;
  for (const auto& p : extract::Knowledge::Embedded().places()) {
    store::Store::PlaceRow row{p.name, p.kind, p.country, {text::FoldUtf8(p.name)}};
    for (const auto& a : p.aliases) row.aliases.push_back(text::FoldUtf8(a));
    rows.push_back(std::move(row));
  }
  store.AddPlaces(rows);
  // The entity table goes with it, so that queries find a thing by any of its names.
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

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw Error(ErrorCode::kDatabase, "SHA-256 computation failed");
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

namespace {

// Ingests `files` in order, telling each result as soon as it is final; starts the run
// (`run`) at the first file that is written.
void IngestFiles(store::Store& store, const std::vector<std::string>& files,
                 const IngestOptions& options, IngestReport& report,
                 std::optional<std::int64_t>& run) {
  const auto tell = [&](const IngestFileResult& result) {
    report.files.push_back(result);
    if (options.on_file) options.on_file(result);
  };
  const Timestamp now = Now();
  for (const auto& file : files) {
    IngestFileResult result{file, IngestFileResult::Status::kRejected, 0, ""};
    try {
      const std::string absolute = fs::absolute(file).lexically_normal().string();
      std::string bytes = ReadFile(file, options.max_file_bytes);
      const std::string sha = Sha256Hex(bytes);
      if (store.IsCurrent(absolute, sha)) {
        result.status = IngestFileResult::Status::kUnchanged;
        tell(result);
        spdlog::debug("{}: unchanged", file);
        continue;
      }
      const std::optional<Sidecar> sidecar = ReadSidecar(file);
      const Reading reading = ReadBulletin(bytes, sidecar);
      if (!run) {
        run = store.BeginRun(extract::kExtractorVersion, now);
        AddGazetteer(store);
      }
      store::NewVersion version{absolute, sha, reading.title, reading.publisher, reading.lang,
                                reading.published, reading.inferred, std::move(bytes), "",
                                reading.encoding};
      if (sidecar) {
        if (!sidecar->publisher.empty()) version.publisher = sidecar->publisher;
        if (!sidecar->language.empty()) version.lang = sidecar->language;
        version.source_uri = sidecar->source_uri;
      }
      // Claims are made as they are written, not all held at once.
      std::size_t next = 0;
      const store::WriteResult written = store.WriteVersion(
          *run, version,
          [&](Claim& claim) {
            if (next == reading.claims.size()) return false;
            claim = reading.claims.Get(next++, version.content, reading.encoding, reading.published);
            return true;
          },
          now);
      result.status = written.added ? IngestFileResult::Status::kAdded
                                    : IngestFileResult::Status::kUnchanged;
      result.claims = written.claims;
      result.warnings = reading.warnings;
      spdlog::debug("{}: {} claims", file, written.claims);
    } catch (const Error& e) {
      // The files told of before this one are committed; this one is not.
      if (e.code() != ErrorCode::kInput)
        throw Error(e.code(), file + ": not written: " + e.what(), e.sqlite_code());
      result.message = file + ": " + e.what();
    } catch (const std::exception& e) {
      // Whatever one file's bytes make the reader or extractor throw rejects that file
      // only; database failures are annals::Error and end the run above.
      result.message = file + ": cannot be read as a bulletin (" + e.what() + ")";
    }
    tell(result);
  }
}

// Puts the store's lock wait back when an ingest ends, however it ends.
class BusyTimeoutScope {
 public:
  BusyTimeoutScope(store::Store& store, int ms)
      : store_(store), previous_(store.SetBusyTimeout(ms)) {}
  ~BusyTimeoutScope() { store_.SetBusyTimeout(previous_); }
  BusyTimeoutScope(const BusyTimeoutScope&) = delete;
  BusyTimeoutScope& operator=(const BusyTimeoutScope&) = delete;

 private:
  store::Store& store_;
  int previous_;
};

std::string Summary(const IngestReport& report) {
  std::size_t added = 0, unchanged = 0, rejected = 0;
  for (const auto& f : report.files) {
    added += f.status == IngestFileResult::Status::kAdded;
    unchanged += f.status == IngestFileResult::Status::kUnchanged;
    rejected += f.status == IngestFileResult::Status::kRejected;
  }
  return std::to_string(added) + " added, " + std::to_string(unchanged) + " unchanged, " +
         std::to_string(rejected) + " rejected";
}

}  // namespace

IngestReport IngestPaths(store::Store& store, const std::vector<std::string>& paths,
                         const IngestOptions& options) {
  IngestReport report;
  const std::vector<std::string> files = Expand(paths, report);
  if (options.on_file)
    for (const auto& missing : report.files) options.on_file(missing);
  if (files.empty()) return report;
  const BusyTimeoutScope wait(store, std::max(options.busy_timeout_ms, 0));
  std::optional<std::int64_t> run;
  try {
    IngestFiles(store, files, options, report, run);
    // A database upgraded by a run that wrote no file gets the knowledge tables too.
    if (!run && store.Entities().empty()) AddGazetteer(store);
  } catch (const std::exception& e) {
    if (run) {
      // Best effort: the failure that ended the run (a full disk, a lock) may refuse this
      // write too, and then the run's row stays without an end, as after a crash.
      try {
        store.FinishRun(*run, store::RunStatus::kFailed, Now(),
                        std::string(e.what()) + " (after " + Summary(report) + ")");
      } catch (const std::exception&) {
      }
    }
    throw;
  }
  if (run) store.FinishRun(*run, store::RunStatus::kCompleted, Now(), Summary(report));
  return report;
}

}  // namespace annals::ingest
