// Text as code points, each remembering the bytes of the original file it came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace annals::text {

/// Bytes [start, end) of the original file.
struct ByteRange {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

/// Code points with their origin. Every transformation of the text layer keeps `origin`
/// the same size as `chars`, so any span of the result maps back to original bytes.
struct MappedText {
  std::u32string chars;
  std::vector<ByteRange> origin;

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
