// One bulletin file from disk to the version and claims to write: what `ingest`, `sync`
// and `reextract` share. Reading (PrepareFile) touches no database, so that several files
// can be read at once while one writer writes them in order.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <vector>

#include "annals/claim.h"
#include "annals/sync.h"
#include "extract/draft.h"
#include "store/store.h"
#include "text/mapped_text.h"

namespace annals::ingest {

/// Hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

/// True for the files a folder walk takes: `*.txt`, `*.html`, `*.htm`, not hidden.
bool IsBulletinFile(const std::string& path);

/// The collection a folder's documents belong to when none is given: the folder's name.
std::string CollectionOfFolder(const std::string& folder);

/// A bulletin file to read, and who it is in the database.
struct FileToRead {
  std::string path;        ///< As found (for messages and the version's path).
  std::string collection;  ///< Its document's collection.
  std::string relative;    ///< Its path inside the collection's folder.
  store::FileStat stat;    ///< At the walk (path = relative).
};

/// The bulletin files under `folder` (recursively), as documents of `collection`, sorted
/// by their path inside it; each `path` is the folder as the caller named it joined with
/// that. `error` is set if the walk stopped part way (the files found so far are given).
std::vector<FileToRead> ListFolder(const std::string& folder, const std::string& collection,
                                   std::error_code& error);

/// What is stored of some collections: their current versions, found by document key, or
/// by the file that held them at the last walk.
class KnownVersions {
 public:
  void Add(std::vector<store::CurrentVersion> versions);
  /// The version `relative` probably holds: the one its file held at the last walk, else
  /// the one keyed by that path (a sidecar's source_uri may still say otherwise).
  const store::CurrentVersion* Candidate(const std::string& collection, const std::string& relative) const;
  const store::CurrentVersion* ByKey(const std::string& collection, const std::string& key) const;
  const std::deque<store::CurrentVersion>& all() const { return versions_; }

 private:
  std::deque<store::CurrentVersion> versions_;  // stable addresses for the indexes
  std::map<std::pair<std::string, std::string>, const store::CurrentVersion*> by_key_, by_file_;
};

/// The size and modification time of `path` and of its sidecar; false if it cannot be
/// read.
bool StatFile(const std::string& path, const std::string& relative, store::FileStat& stat);

/// The claims of a bulletin between extraction and writing. A large bulletin makes a hundred
/// thousand, so each is kept in a few dozen bytes rather than as a Claim of several hundred:
/// its words (subject, metric, unit, rule...) as indexes into the few the bulletin uses.
class PendingClaims {
 public:
  void Add(const extract::Draft& d, const text::ByteRange& span);
  std::size_t size() const { return claims_.size(); }
  /// Claim `i` with the bulletin's own wording, from `bytes` read in `encoding`, as its
  /// quote (in UTF-8, whatever the file's encoding), on record from `published`.
  Claim Get(std::size_t i, const std::string& bytes, const std::string& encoding,
            const std::optional<Date>& published) const;

 private:
  struct Pending {
    std::int64_t span_start, span_end;
    DateRange valid;
    std::optional<double> value, value_min, value_max;
    ClaimKind kind;
    PartnerClass partner_class;
    Qualifier qualifier;
    RelationType relation;
    std::uint32_t subject, metric, unit, object, object_country, lang, rule;  // in words_
  };
  std::uint32_t Word(const std::string& w);
  std::deque<Pending> claims_;
  std::vector<std::string> words_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

/// A file read, hashed and extracted, ready to write; or why it cannot be.
struct PreparedFile {
  FileToRead file;
  std::string key;  ///< The sidecar's source_uri, or the relative path.
  std::string sha256;
  std::optional<std::string> sidecar;
  bool failed = false;
  std::string message;  ///< If failed: the reason, naming the file.
  bool unchanged = false;  ///< Same bytes and sidecar as `current`: not extracted.
  store::NewVersion version;  ///< Without extractor_version, which the writer sets.
  PendingClaims claims;
  std::vector<std::string> warnings;
  /// The claims one at a time, for Store::WriteVersion.
  store::Store::ClaimSource Claims() const;
};

/// Reads `file` (at most `max_bytes`), and unless its bytes and sidecar are those of
/// `current` (the document's current version, if the caller knows it), extracts its claims.
/// Never throws for what a file holds: a file that cannot be read is `failed`.
PreparedFile PrepareFile(const FileToRead& file, std::int64_t max_bytes,
                         const std::optional<store::CurrentVersion>& current);

/// The version and claims of stored bytes read again by this build's extractor.
/// Throws Error(kInput) if they no longer read as a bulletin.
std::vector<Claim> ExtractStored(const store::StoredVersion& stored);

/// Two readings of one statement are the same claim when everything they say is the same
/// (all but ids, system time and the extractor's version).
bool SameReading(const Claim& a, const Claim& b);

}  // namespace annals::ingest
