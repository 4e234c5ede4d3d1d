// Reads a bulletin file and its sidecar, extracts its claims, maps them to byte spans.
#include "ingest/reading.h"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "annals/error.h"
#include "extract/extractor.h"
#include "text/decode.h"
#include "text/document.h"
#include "text/unicode.h"

namespace annals::ingest {
namespace {

namespace fs = std::filesystem;

// What a sidecar `NAME.meta.json` beside a bulletin says; it wins over the header.
struct Sidecar {
  std::optional<Date> published_on;
  std::string source_uri, publisher, language, encoding;
};

// The sidecar of a bulletin: NAME.meta.json for NAME.txt, else NAME.txt.meta.json.
std::optional<fs::path> SidecarPath(const std::string& path) {
  std::error_code ec;
  fs::path candidate = fs::path(path).replace_extension(".meta.json");
  if (fs::exists(candidate, ec)) return candidate;
  candidate = fs::path(path + ".meta.json");
  if (fs::exists(candidate, ec)) return candidate;
  return std::nullopt;
}

Sidecar ParseSidecar(const std::string& bytes, const std::string& name) {
  nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
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

// What a version row says of a bulletin, from its text and its sidecar.
struct Reading {
  std::string title, publisher, lang, encoding, source_uri;
  std::optional<Date> published;
  bool inferred = false;
  PendingClaims claims;
  std::vector<std::string> warnings;  // what was read and not used
};

// The parsed text is gone when this returns: it is the largest part of reading, and
// writing needs only the file's bytes.
Reading ReadBulletin(const std::string& bytes, const std::optional<std::string>& sidecar_bytes,
                     const std::string& sidecar_name) {
  const std::optional<Sidecar> sidecar =
      sidecar_bytes ? std::optional<Sidecar>(ParseSidecar(*sidecar_bytes, sidecar_name)) : std::nullopt;
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
  if (sidecar) {
    if (sidecar->published_on) r.published = sidecar->published_on;
    if (!sidecar->publisher.empty()) r.publisher = sidecar->publisher;
    if (!sidecar->language.empty()) r.lang = sidecar->language;
    r.source_uri = sidecar->source_uri;
  }
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

std::int64_t MtimeNs(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
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

bool IsBulletinFile(const std::string& path) {
  const fs::path p(path);
  const std::string name = p.filename().string();
  const std::string ext = p.extension().string();
  return !name.empty() && name[0] != '.' && (ext == ".txt" || ext == ".html" || ext == ".htm");
}

std::string CollectionOfFolder(const std::string& folder) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(folder), ec);
  if (ec) p = fs::absolute(folder).lexically_normal();
  while (!p.empty() && p.filename().empty() && p != p.root_path()) p = p.parent_path();
  const std::string name = p.filename().string();
  return name.empty() ? "/" : name;
}

std::vector<FileToRead> ListFolder(const std::string& folder, const std::string& collection,
                                   std::error_code& error) {
  std::vector<FileToRead> files;
  const fs::path root = fs::absolute(folder).lexically_normal();
  for (auto it = fs::recursive_directory_iterator(root, error); !error && it != fs::end(it);
       it.increment(error)) {
    std::error_code type_error;
    if (!it->is_regular_file(type_error) || !IsBulletinFile(it->path().string())) continue;
    FileToRead f;
    f.collection = collection;
    f.relative = it->path().lexically_relative(root).generic_string();
    f.path = (fs::path(folder) / f.relative).lexically_normal().string();
    files.push_back(std::move(f));
  }
  std::sort(files.begin(), files.end(),
            [](const FileToRead& a, const FileToRead& b) { return a.relative < b.relative; });
  return files;
}

void KnownVersions::Add(std::vector<store::CurrentVersion> versions) {
  for (auto& v : versions) {
    const store::CurrentVersion& stored = versions_.emplace_back(std::move(v));
    by_key_[{stored.collection, stored.key}] = &stored;
    if (stored.stat) by_file_[{stored.collection, stored.stat->path}] = &stored;
  }
}

const store::CurrentVersion* KnownVersions::Candidate(const std::string& collection,
                                                      const std::string& relative) const {
  if (auto it = by_file_.find({collection, relative}); it != by_file_.end()) return it->second;
  return ByKey(collection, relative);
}

const store::CurrentVersion* KnownVersions::ByKey(const std::string& collection,
                                                  const std::string& key) const {
  const auto it = by_key_.find({collection, key});
  return it == by_key_.end() ? nullptr : it->second;
}

bool StatFile(const std::string& path, const std::string& relative, store::FileStat& stat) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  stat = {relative, static_cast<std::int64_t>(st.st_size), MtimeNs(st), -1, 0};
  if (const auto sidecar = SidecarPath(path); sidecar && ::stat(sidecar->c_str(), &st) == 0) {
    stat.sidecar_size = static_cast<std::int64_t>(st.st_size);
    stat.sidecar_mtime_ns = MtimeNs(st);
  }
  return true;
}

void PendingClaims::Add(const extract::Draft& d, const text::ByteRange& span) {
  claims_.push_back({static_cast<std::int64_t>(span.start), static_cast<std::int64_t>(span.end),
                     d.valid, d.value, d.value_min, d.value_max, d.kind, d.partner_class,
                     d.qualifier, d.relation, Word(d.subject), Word(d.metric), Word(d.unit),
                     Word(d.object), Word(d.object_country), Word(d.lang), Word(d.rule)});
}

Claim PendingClaims::Get(std::size_t i, const std::string& bytes, const std::string& encoding,
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
  c.span = {p.span_start, p.span_end};
  c.quote = text::DecodeToUtf8(std::string_view(bytes).substr(static_cast<std::size_t>(p.span_start),
                                                              static_cast<std::size_t>(p.span_end - p.span_start)),
                               encoding);
  c.rule = words_[p.rule];
  c.extractor_version = extract::kExtractorVersion;
  return c;
}

std::uint32_t PendingClaims::Word(const std::string& w) {
  const auto [it, added] = index_.try_emplace(w, static_cast<std::uint32_t>(words_.size()));
  if (added) words_.push_back(w);
  return it->second;
}

store::Store::ClaimSource PreparedFile::Claims() const {
  return [this, next = std::size_t{0}](Claim& claim) mutable {
    if (next == claims.size()) return false;
    claim = claims.Get(next++, version.content, version.encoding, version.published_on);
    return true;
  };
}

PreparedFile PrepareFile(const FileToRead& file, std::int64_t max_bytes,
                         const std::optional<store::CurrentVersion>& current) {
  PreparedFile out;
  out.file = file;
  try {
    std::string bytes = ReadFile(file.path, max_bytes);
    out.sha256 = Sha256Hex(bytes);
    std::string sidecar_name;
    if (const auto sidecar = SidecarPath(file.path)) {
      sidecar_name = sidecar->filename().string();
      out.sidecar = ReadFile(sidecar->string(), max_bytes);
    }
    out.key = file.relative;
    if (out.sidecar) {
      // The identity must be known before the bytes are compared: read the sidecar first.
      const Sidecar s = ParseSidecar(*out.sidecar, sidecar_name);
      if (!s.source_uri.empty()) out.key = s.source_uri;
    }
    if (current && current->key == out.key && current->sha256 == out.sha256 &&
        current->sidecar == out.sidecar) {
      out.unchanged = true;
      return out;
    }
    Reading reading = ReadBulletin(bytes, out.sidecar, sidecar_name);
    store::NewVersion& v = out.version;
    v.collection = file.collection;
    v.key = out.key;
    v.path = fs::absolute(file.path).lexically_normal().string();
    v.stat = file.stat;
    v.sha256 = out.sha256;
    v.title = std::move(reading.title);
    v.publisher = std::move(reading.publisher);
    v.lang = std::move(reading.lang);
    v.published_on = reading.published;
    v.published_inferred = reading.inferred;
    v.content = std::move(bytes);
    v.source_uri = std::move(reading.source_uri);
    v.encoding = std::move(reading.encoding);
    v.sidecar = out.sidecar;
    out.claims = std::move(reading.claims);
    out.warnings = std::move(reading.warnings);
  } catch (const Error& e) {
    out.failed = true;
    out.message = file.path + ": " + e.what();
  } catch (const std::exception& e) {
    // Whatever one file's bytes make the reader or extractor throw fails that file only.
    out.failed = true;
    out.message = file.path + ": cannot be read as a bulletin (" + e.what() + ")";
  }
  return out;
}

std::vector<Claim> ExtractStored(const store::StoredVersion& stored) {
  Reading reading = ReadBulletin(stored.content, stored.sidecar, "(stored sidecar)");
  std::vector<Claim> out;
  out.reserve(reading.claims.size());
  for (std::size_t i = 0; i < reading.claims.size(); ++i)
    out.push_back(reading.claims.Get(i, stored.content, reading.encoding, stored.published_on));
  return out;
}

bool SameReading(const Claim& a, const Claim& b) {
  return a.kind == b.kind && a.subject == b.subject && a.metric == b.metric &&
         a.partner_class == b.partner_class && a.value == b.value && a.value_min == b.value_min &&
         a.value_max == b.value_max && a.qualifier == b.qualifier && a.unit == b.unit &&
         a.object == b.object && a.object_country == b.object_country && a.relation == b.relation &&
         a.valid.from == b.valid.from && a.valid.to == b.valid.to && a.lang == b.lang &&
         a.quote == b.quote && a.span.start == b.span.start && a.span.end == b.span.end &&
         a.rule == b.rule;
}

}  // namespace annals::ingest
