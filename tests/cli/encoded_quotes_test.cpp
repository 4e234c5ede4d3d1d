// Quotes of bulletins in GB18030, Big5 and UTF-16 are UTF-8 in every output, and each is
// the text at its span, decoded.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "support.h"

using annals::testing::Annals;
using annals::testing::RunCommand;

namespace {

bool IsUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// The bytes of a file in `encoding` as UTF-8, by the system's iconv (independent of ICU).
std::string Iconv(const annals::testing::TempDir& dir, const std::string& bytes,
                  const std::string& from, const std::string& to, bool drop_unmappable = false) {
  annals::testing::WriteBytes(dir / "iconv.in", bytes);
  const auto r = RunCommand("iconv " + std::string(drop_unmappable ? "-c " : "") + "-f " + from +
                            " -t " + to + " '" + (dir / "iconv.in") + "'");
  REQUIRE((r.code == 0 || drop_unmappable));
  return r.out;
}

}  // namespace

TEST_CASE("quotes of seed 004 in GB18030, Big5 and UTF-16 are its decoded text in every output",
          "[cli][encoding]") {
  annals::testing::TempDir dir;
  const std::string seed = annals::testing::ReadBytes(annals::testing::SeedPath("004"));
  struct Form {
    std::string name, iconv_name, span_encoding;
  };
  // UTF-16 as iconv writes it carries a byte-order mark; its spans are read as UTF-16LE.
  for (const Form& form : {Form{"gb18030", "GB18030", "GB18030"}, Form{"big5", "BIG5", "BIG5"},
                           Form{"utf16", "UTF-16", "UTF-16LE"}}) {
    DYNAMIC_SECTION(form.name) {
      const std::string file = dir / (form.name + ".txt");
      const std::string bytes = Iconv(dir, seed, "UTF-8", form.iconv_name, true);
      REQUIRE(bytes.size() > 1000);
      annals::testing::WriteBytes(file, bytes);
      const std::string db = dir / (form.name + ".db");
      const auto ingest = Annals(db, "ingest '" + file + "'", true);
      INFO(ingest.out);
      REQUIRE(ingest.code == 0);

      const auto exported = Annals(db, "export");
      REQUIRE(exported.code == 0);
      std::istringstream lines(exported.out);
      std::size_t claims = 0;
      for (std::string line; std::getline(lines, line);) {
        const auto claim = nlohmann::json::parse(line);
        const std::string quote = claim["quote"].get<std::string>();
        const auto start = claim["span"]["start"].get<std::size_t>();
        const auto end = claim["span"]["end"].get<std::size_t>();
        REQUIRE(end <= bytes.size());
        CHECK(quote == Iconv(dir, bytes.substr(start, end - start), form.span_encoding, "UTF-8"));
        ++claims;
      }
      CHECK(claims > 10);

      const auto json = Annals(db, "query --subject Chongqing --format json");
      REQUIRE(json.code == 0);
      const auto rows = nlohmann::json::parse(json.out);
      REQUIRE(rows.size() > 0);
      const auto table = Annals(db, "query --subject Chongqing");
      REQUIRE(table.code == 0);
      CHECK(IsUtf8(table.out));
      const auto csv = Annals(db, "query --subject Chongqing --format csv");
      REQUIRE(csv.code == 0);
      CHECK(IsUtf8(csv.out));
      CHECK_THAT(csv.out, Catch::Contains("友城"));
    }
  }
}
