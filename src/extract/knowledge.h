// The extractor's knowledge, loaded from the data files under seeds/data (embedded at
// build time): vocabulary of numbers, qualifiers, units, metrics, events; and places.
#pragma once

#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::extract {

/// A place of the gazetteer, or a country from ICU's locale data.
struct Place {
  std::string name;     ///< Canonical English name.
  std::string kind;     ///< `city`, `region` or `country`.
  std::string country;  ///< English country name (a country's own name for a country).
  std::vector<std::string> aliases;  ///< Every other name it is known by.
};

/// A phrase of the vocabulary found in a text: chars [begin, end) and its entry's key.
struct PhraseMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string key;
};

struct PlaceMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  const Place* place = nullptr;
};

class Knowledge {
 public:
  /// The knowledge embedded in the binary. Thread-safe; built on first use.
  static const Knowledge& Embedded();
  /// Parses a vocabulary file and places files (formats: see the files' headers). Of
  /// places known by the same name, the one of the earlier file or row is found first.
  Knowledge(std::string_view vocabulary_tsv, const std::vector<std::string_view>& places_tsvs);
  // The scan indexes point into the entries: a copy would point into the original.
  Knowledge(const Knowledge&) = delete;
  Knowledge& operator=(const Knowledge&) = delete;
  Knowledge(Knowledge&&) = default;
  Knowledge& operator=(Knowledge&&) = default;

  /// The key whose values include `folded_word` exactly.
  std::optional<std::string> KeyOf(std::string_view section, std::u32string_view folded_word) const;
  /// The number an entry of a number section gives for its key (`number_en`, `twelve`).
  std::optional<double> Number(std::string_view section, std::u32string_view folded_key) const;
  /// Every occurrence in `folded` of a value of `section`, longest first at each position,
  /// not overlapping; Latin phrases only at word boundaries.
  std::vector<PhraseMatch> FindPhrases(std::string_view section, std::u32string_view folded) const;
  /// The phrase of `section` that `folded` starts with, longest first.
  std::optional<PhraseMatch> PhraseAt(std::string_view section, std::u32string_view folded,
                                      std::size_t at) const;

  /// Places named in `folded`, longest name first, not overlapping.
  std::vector<PlaceMatch> FindPlaces(std::u32string_view folded) const;
  /// The place known by `name` (any alias, any case), cities before regions before countries.
  const Place* PlaceNamed(std::string_view name) const;
  const std::vector<Place>& places() const { return places_; }

 private:
  struct Entry {
    std::string key;
    std::u32string folded_key;
    std::vector<std::u32string> values;
  };
  std::map<std::string, std::vector<Entry>, std::less<>> sections_;
  // Per section, for the scans: each value by its first character (in entry order), and
  // each value's key (the first entry's).
  struct Phrase {
    const std::u32string* value;
    const std::string* key;
  };
  std::map<std::string, std::unordered_map<char32_t, std::vector<Phrase>>, std::less<>> phrases_by_first_;
  std::map<std::string, std::unordered_map<std::u32string, const std::string*>, std::less<>> key_of_value_;
  std::vector<Place> places_;
  // Folded names → index of place, bucketed by first character for the scan.
  std::map<char32_t, std::vector<std::pair<std::u32string, std::size_t>>> names_by_first_;
};

/// True if `c` may not stand next to a Latin-script phrase (letters and digits).
bool IsWordChar(char32_t c);

}  // namespace annals::extract
