// Origins as runs: appending extends the last run when the next range continues it.
#include "text/mapped_text.h"

#include <algorithm>
#include <limits>

#include "annals/error.h"

namespace annals::text {

void Origins::push_back(ByteRange range) {
  if (size_ == std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorCode::kInput, "the text is too large: more than 4294967295 characters");
  const std::int64_t width = range.end - range.start;
  if (width < 0 || width >= static_cast<std::int64_t>(kShared))
    throw Error(ErrorCode::kInput, "a character spans more than 2 GiB of the file");
  const auto w = static_cast<std::uint32_t>(width);
  if (!runs_.empty() && (runs_.back().width & ~kShared) == w) {
    Run& last = runs_.back();
    const std::size_t n = size_ - last.first;
    const std::int64_t next = last.start + static_cast<std::int64_t>(n) * width;
    // A run of one character continues either way; the second one decides which.
    if (n == 1 && range.start == last.start) last.width |= kShared;
    if (range.start == ((last.width & kShared) ? last.start : next)) {
      ++size_;
      return;
    }
  }
  runs_.push_back({range.start, static_cast<std::uint32_t>(size_), w});
  ++size_;
}

ByteRange Origins::RangeIn(const Run& run, std::size_t i) {
  const std::int64_t width = run.width & ~kShared;
  const std::int64_t start =
      (run.width & kShared) ? run.start
                            : run.start + static_cast<std::int64_t>(i - run.first) * width;
  return {start, start + width};
}

ByteRange Origins::operator[](std::size_t i) const {
  const auto after = std::upper_bound(runs_.begin(), runs_.end(), i,
                                      [](std::size_t at, const Run& r) { return at < r.first; });
  return RangeIn(*(after - 1), i);
}

ByteRange Origins::Take(std::size_t i) {
  while (runs_.size() > 1 && runs_[1].first <= i) runs_.pop_front();
  return RangeIn(runs_.front(), i);
}

ByteRange Origins::Cursor::operator[](std::size_t i) {
  const std::deque<Run>& runs = origins_.runs_;
  while (run_ + 1 < runs.size() && runs[run_ + 1].first <= i) ++run_;
  return RangeIn(runs[run_], i);
}

}  // namespace annals::text
