// The value types of annals/sync.h.
#include "annals/sync.h"

namespace annals {

void RunCounts::Add(const SyncFileResult& file) {
  switch (file.outcome) {
    case FileOutcome::kNew: ++files_new; break;
    case FileOutcome::kChanged: ++files_changed; break;
    case FileOutcome::kUnchanged: ++files_unchanged; break;
    case FileOutcome::kRemoved: ++files_removed; break;
    case FileOutcome::kFailed: ++files_failed; break;
    case FileOutcome::kReextracted: ++files_reextracted; break;
  }
  // Removed and re-extracted documents are stored ones, not files of this walk.
  if (file.outcome != FileOutcome::kRemoved && file.outcome != FileOutcome::kReextracted)
    ++files_seen;
  claims_added += file.claims_added;
  claims_closed += file.claims_closed;
}

std::string RunCounts::Text() const {
  return std::to_string(files_seen) + " files: " + std::to_string(files_new) + " new, " +
         std::to_string(files_changed) + " changed, " + std::to_string(files_unchanged) +
         " unchanged, " + std::to_string(files_removed) + " removed, " +
         std::to_string(files_failed) + " failed; " + std::to_string(files_reextracted) +
         " re-extracted; claims: " + std::to_string(claims_added) + " added, " +
         std::to_string(claims_closed) + " closed";
}

const char* RunStateName(RunState state) {
  switch (state) {
    case RunState::kRunning: return "running";
    case RunState::kCompleted: return "completed";
    case RunState::kFailed: return "failed";
    case RunState::kInterrupted: return "interrupted";
  }
  return "?";
}

const char* FileOutcomeName(FileOutcome outcome) {
  switch (outcome) {
    case FileOutcome::kNew: return "new";
    case FileOutcome::kChanged: return "changed";
    case FileOutcome::kRemoved: return "removed";
    case FileOutcome::kFailed: return "failed";
    case FileOutcome::kReextracted: return "reextracted";
    case FileOutcome::kUnchanged: return "unchanged";
  }
  return "?";
}

}  // namespace annals
