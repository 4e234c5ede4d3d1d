// Text as code points, each remembering the bytes of the original file it came from.
#pragma once

#include <cstdint>
#include <deque>
#include <string>

namespace annals::text {

/// Bytes [start, end) of the original file.
struct ByteRange {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

/// The byte range of each character of a text, one entry a character. Text maps character
/// after character onto consecutive bytes of one width (ASCII; Chinese in UTF-8), or
/// several characters onto the same bytes (an NFKC expansion, a line break of no bytes),
/// so the ranges are kept as runs: a run of any length costs 16 bytes, and a text of one
/// script a few runs in all, where one range a character would cost 16 bytes each. The
/// runs are kept in blocks, so that a long text's runs grow without being copied.
class Origins {
 public:
  /// Appends the range of the next character. Throws Error(kInput) past 2^32 - 1
  /// characters (a file of several GiB), or for a character of 2 GiB or more.
  void push_back(ByteRange range);
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// The range of character `i` (logarithmic in the number of runs).
  /// REQUIRES: i < size().
  ByteRange operator[](std::size_t i) const;
  ByteRange back() const { return (*this)[size_ - 1]; }
  /// How many runs hold the ranges: what they cost, 16 bytes each.
  std::size_t Runs() const { return runs_.size(); }
  /// The range of character `i`, forgetting the runs of the characters before it: for
  /// reading the ranges once, in order, while those of a new text are made, in the room of
  /// one. After it, only characters from `i` on may be asked for.
  /// REQUIRES: i < size(), and i not less than the position of the previous call.
  ByteRange Take(std::size_t i);

  /// Reads ranges at non-decreasing positions in amortised constant time.
  class Cursor {
   public:
    explicit Cursor(const Origins& origins) : origins_(origins) {}
    /// REQUIRES: i < size(), and i not less than the position of the previous call.
    ByteRange operator[](std::size_t i);

   private:
    const Origins& origins_;
    std::size_t run_ = 0;
  };

 private:
  // Characters [first, next run's first) start at `start` and are `width` bytes long
  // each; with the kShared bit of `width`, they all have the same bytes, else each has the
  // bytes after the previous one.
  struct Run {
    std::int64_t start = 0;
    std::uint32_t first = 0;
    std::uint32_t width = 0;
  };
  static constexpr std::uint32_t kShared = 0x80000000u;
  static ByteRange RangeIn(const Run& run, std::size_t i);

  std::deque<Run> runs_;
  std::size_t size_ = 0;
};

/// Code points with their origin. Every transformation of the text layer keeps `origin`
/// the same size as `chars`, so any span of the result maps back to original bytes.
struct MappedText {
  std::u32string chars;
  Origins origin;

  std::size_t size() const { return chars.size(); }
  void Append(char32_t c, ByteRange from) {
    chars.push_back(c);
    origin.push_back(from);
  }
  /// The original bytes covering chars [begin, end). REQUIRES: begin < end <= size().
  ByteRange BytesOf(std::size_t begin, std::size_t end) const {
    return {origin[begin].start, origin[end - 1].end};
  }
};

/// UTF-8 encoding of code points.
std::string ToUtf8(std::u32string_view s);
/// Decodes valid UTF-8 (as produced by ToUtf8 or validated input).
std::u32string FromUtf8(std::string_view s);

}  // namespace annals::text
