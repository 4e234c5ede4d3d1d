// Test helpers (support.h).
#include "support.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

namespace annals::testing {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("annals-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path SeedsDir() { return std::filesystem::path(ANNALS_SOURCE_DIR) / "seeds"; }

std::string SeedPath(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(SeedsDir()))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0) return e.path().string();
  throw std::runtime_error("no seed " + prefix);
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

Run Annals(const std::string& db, const std::string& args, bool merge) {
  return RunCommand(std::string("'") + ANNALS_CLI_PATH + "' --db '" + db + "' " + args +
                    (merge ? " 2>&1" : " 2>/dev/null"));
}

Run RunCommand(const std::string& command) {
  Run r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace annals::testing
