// Reads each bulletin, extracts its claims, maps them to byte spans, and writes them.
#include "ingest/ingest.h"

#include <openssl/evp.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "annals/error.h"
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
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Turns drafts into claims with byte spans and the bulletin's own wording as quotes.
std::vector<Claim> ToClaims(const extract::Extraction& extraction, const text::Bulletin& doc,
                            const std::string& bytes, const std::optional<Date>& published) {
  std::vector<Claim> out;
  for (const auto& d : extraction.claims) {
    if (d.begin >= d.end || d.end > doc.text.size()) continue;  // untraceable: not stored
    if (d.subject.empty()) continue;  // whose figure it is is unknown: not stored
    const text::ByteRange r = doc.text.BytesOf(d.begin, d.end);
    Claim c;
    c.kind = d.kind;
    c.subject = d.subject;
    c.metric = d.metric;
    c.partner_class = d.partner_class;
    c.value = d.value;
    c.value_min = d.value_min;
    c.value_max = d.value_max;
    c.qualifier = d.qualifier;
    c.unit = d.unit;
    c.object = d.object;
    c.object_country = d.object_country;
    c.relation = d.relation;
    c.valid = d.valid;
    c.recorded_from = published;
    c.lang = d.lang;
    c.span = {r.start, r.end};
    c.quote = text::DecodeToUtf8(std::string_view(bytes).substr(static_cast<std::size_t>(r.start),
                                                                static_cast<std::size_t>(r.end - r.start)),
                                 doc.encoding);
    c.rule = d.rule;
    c.extractor_version = extract::kExtractorVersion;
    out.push_back(std::move(c));
  }
  return out;
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
      const std::string bytes = ReadFile(file, options.max_file_bytes);
      const std::string sha = Sha256Hex(bytes);
      if (store.IsCurrent(absolute, sha)) {
        result.status = IngestFileResult::Status::kUnchanged;
        tell(result);
        spdlog::debug("{}: unchanged", file);
        continue;
      }
      const std::optional<Sidecar> sidecar = ReadSidecar(file);
      const text::Bulletin doc = text::ParseBulletin(bytes, sidecar ? sidecar->encoding : "");
      if (doc.paragraphs.empty())
        throw Error(ErrorCode::kInput, std::string("not a bulletin: no text after the title") +
                                           (doc.html ? " (an HTML page without paragraphs)" : ""));
      std::optional<Date> published = doc.published_on;
      if (sidecar && sidecar->published_on) published = sidecar->published_on;
      const bool inferred = !published;
      if (inferred) published = extract::LatestDateMentioned(doc);
      const extract::Extraction extraction = extract::Extract(doc, published);
      const std::vector<Claim> claims = ToClaims(extraction, doc, bytes, published);
      if (!run) {
        run = store.BeginRun(extract::kExtractorVersion, now);
        AddGazetteer(store);
      }
      store::NewVersion version{absolute, sha,  doc.title, doc.publisher, doc.lang,
                                published, inferred, bytes, "", doc.encoding};
      if (sidecar) {
        if (!sidecar->publisher.empty()) version.publisher = sidecar->publisher;
        if (!sidecar->language.empty()) version.lang = sidecar->language;
        version.source_uri = sidecar->source_uri;
      }
      const store::WriteResult written = store.WriteVersion(*run, version, claims, now);
      result.status = written.added ? IngestFileResult::Status::kAdded
                                    : IngestFileResult::Status::kUnchanged;
      result.claims = written.claims;
      result.warnings = doc.warnings;
      result.warnings.insert(result.warnings.end(), extraction.warnings.begin(), extraction.warnings.end());
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
