// `annals report`: one self-contained page, opened in headless Chromium where it is
// installed (tools/install-deps installs Debian's `chromium`; CI runs this test).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support.h"

using annals::testing::Annals;
using annals::testing::RunCommand;

namespace {

std::string Chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const auto r = RunCommand(std::string("command -v ") + name);
    if (r.code == 0 && !r.out.empty()) return r.out.substr(0, r.out.find('\n'));
  }
  return "";
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the report of Changchun is one page with its charts, conflicts and partners",
          "[cli][seeds][report]") {
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  REQUIRE(Annals(db, "ingest '" + annals::testing::SeedsDir().string() + "'").code == 0);
  const std::string page = dir / "report.html";
  const auto r = Annals(db, "report --subject 長春 --output '" + page + "'");
  REQUIRE(r.code == 0);
  const std::string html = annals::testing::ReadBytes(page);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK(Count(html, "<svg") >= 2);
  CHECK_THAT(html, Catch::Contains("href=\"#claim-16\""));  // the 70 links to its quote
  CHECK_THAT(html, Catch::Contains("id=\"claim-16\""));
  CHECK_THAT(html, Catch::Contains("Water Plant") && Catch::Contains("Sendai") &&
                       Catch::Contains("70 cities"));
  // Nothing for a browser to fetch or run: the SVG namespace is a name, not a request.
  CHECK(Count(html, "http://") == Count(html, "http://www.w3.org/2000/svg"));
  CHECK(Count(html, "https://") == 0);
  CHECK(Count(html, "<script") == 0);
  CHECK(Count(html, "<link") == 0);
  CHECK(Count(html, "src=") == 0);
  CHECK_FALSE(std::filesystem::exists(page + ".partial"));
  CHECK(Annals(db, "report --subject Changchun --output '" + (dir / "no/such/folder/r.html") + "'").code == 2);
}

TEST_CASE("the report opens in headless Chromium without console errors and shows its chart",
          "[cli][seeds][report][chromium]") {
  const std::string chromium = Chromium();
  if (chromium.empty()) {
    WARN("SKIPPED: Chromium is not installed (Debian package `chromium`, see tools/install-deps); "
         "the report was not opened in a browser");
    return;
  }
  annals::testing::TempDir dir;
  const std::string db = dir / "annals.db";
  REQUIRE(Annals(db, "ingest '" + annals::testing::SeedsDir().string() + "'").code == 0);
  const std::string page = dir / "report.html";
  REQUIRE(Annals(db, "report --subject Changchun --output '" + page + "'").code == 0);
  const std::string flags = " --headless --no-sandbox --disable-gpu --no-first-run "
                            "--user-data-dir='" + (dir / "profile") + "' ";
  // Console messages (errors included) come out on stderr as `INFO:CONSOLE` lines.
  const auto dom = RunCommand("'" + chromium + "'" + flags + "--enable-logging=stderr --v=0 --dump-dom 'file://" +
                              page + "' 2>'" + (dir / "console.txt") + "'");
  REQUIRE(dom.code == 0);
  const std::string console = annals::testing::ReadBytes(dir / "console.txt");
  CHECK(Count(console, ":CONSOLE") == 0);
  CHECK_THAT(dom.out, Catch::Contains("<svg") && Catch::Contains("<circle"));
  const std::string shot = dir / "shot.png";
  const auto r = RunCommand("'" + chromium + "'" + flags + "--hide-scrollbars --window-size=1200,900 --screenshot='" +
                            shot + "' 'file://" + page + "' 2>/dev/null");
  REQUIRE(r.code == 0);
  REQUIRE(std::filesystem::exists(shot));
  const std::string png = annals::testing::ReadBytes(shot);
  CHECK(png.substr(1, 3) == "PNG");
  // A blank page of that size compresses to a few kilobytes; the charts do not.
  CHECK(png.size() > 20000);
  if (const char* keep = std::getenv("ANNALS_KEEP_SCREENSHOT"); keep && *keep)
    std::filesystem::copy_file(shot, keep, std::filesystem::copy_options::overwrite_existing);
}
