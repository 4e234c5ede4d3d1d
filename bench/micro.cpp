// Micro benchmarks of the steps of ingest, one at a time: decoding and normalisation,
// numbers and dates, gazetteer and phrase lookup, and the extractor on one seed bulletin.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/dates.h"
#include "extract/extractor.h"
#include "extract/knowledge.h"
#include "extract/numbers.h"
#include "text/decode.h"
#include "text/document.h"
#include "text/normalize.h"
#include "text/unicode.h"

namespace {

namespace ex = annals::extract;
namespace tx = annals::text;

// A seed bulletin by its number prefix: `000` is English, `004` Traditional Chinese.
const std::string& Seed(const std::string& prefix) {
  static std::map<std::string, std::string> cache;
  auto& bytes = cache[prefix];
  if (!bytes.empty()) return bytes;
  for (const auto& e : std::filesystem::directory_iterator(ANNALS_SOURCE_DIR "/seeds")) {
    if (e.path().filename().string().rfind(prefix + "_", 0) != 0) continue;
    std::ifstream in(e.path(), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
    return bytes;
  }
  throw std::runtime_error("no seed bulletin " + prefix);
}

void Decode(benchmark::State& state, const std::string& prefix) {
  const std::string& bytes = Seed(prefix);
  for (auto _ : state) benchmark::DoNotOptimize(tx::Decode(bytes));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK_CAPTURE(Decode, en_000, "000");
BENCHMARK_CAPTURE(Decode, zh_004, "004");

void DecodeNormalize(benchmark::State& state, const std::string& prefix) {
  const std::string& bytes = Seed(prefix);
  for (auto _ : state) benchmark::DoNotOptimize(tx::Normalize(tx::Decode(bytes).text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK_CAPTURE(DecodeNormalize, en_000, "000");
BENCHMARK_CAPTURE(DecodeNormalize, zh_004, "004");

void Fold(benchmark::State& state, const std::string& prefix) {
  const std::string& bytes = Seed(prefix);
  const auto text = tx::Normalize(tx::Decode(bytes).text);
  for (auto _ : state) benchmark::DoNotOptimize(tx::Fold(text.chars));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK_CAPTURE(Fold, en_000, "000");
BENCHMARK_CAPTURE(Fold, zh_004, "004");

// The whole text layer: decode, normalise, fold, header, paragraphs and languages.
void ParseBulletin(benchmark::State& state, const std::string& prefix) {
  const std::string& bytes = Seed(prefix);
  for (auto _ : state) benchmark::DoNotOptimize(tx::ParseBulletin(bytes));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK_CAPTURE(ParseBulletin, en_000, "000");
BENCHMARK_CAPTURE(ParseBulletin, zh_004, "004");

void Sentences(benchmark::State& state, const std::string& prefix) {
  const auto doc = tx::ParseBulletin(Seed(prefix));
  for (auto _ : state)
    for (const auto& p : doc.paragraphs) benchmark::DoNotOptimize(doc.Sentences(p));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Seed(prefix).size()));
}
BENCHMARK_CAPTURE(Sentences, en_000, "000");
BENCHMARK_CAPTURE(Sentences, zh_004, "004");

void Numbers(benchmark::State& state) {
  const std::vector<std::u32string> digits = {U"35,000", U"4.6", U"1,000,400", U"70", U"2019"};
  const std::vector<std::u32string> numerals = {U"三十七", U"两千", U"二〇一九", U"十",
                                                U"一百零五"};
  for (auto _ : state) {
    for (const auto& s : digits) benchmark::DoNotOptimize(ex::DigitsAt(s, 0));
    for (const auto& s : numerals) benchmark::DoNotOptimize(ex::ChineseNumeralAt(s, 0));
  }
  state.SetItemsProcessed(state.iterations() * 10);
}
BENCHMARK(Numbers);

void HeaderDate(benchmark::State& state) {
  const std::vector<std::string> lines = {"2019-01-24Source : CCFAO", "2009年2月6日", "2015/3/12",
                                          "2021-09-07来源: CCFAO"};
  for (auto _ : state)
    for (const auto& s : lines) benchmark::DoNotOptimize(tx::ParseHeaderDate(s));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
}
BENCHMARK(HeaderDate);

void Times(benchmark::State& state, const std::u32string& sentence) {
  const auto& k = ex::Knowledge::Embedded();
  const auto folded = tx::Fold(sentence);
  const auto published = annals::Date::Parse("2019-01-24");
  for (auto _ : state) benchmark::DoNotOptimize(ex::FindTimes(folded, k, published));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(Times, en,
                  std::u32string(U"By the end of April 2020, the city had established ties with 70 "
                                 U"cities since 1980; the festival ran from January 28 to February "
                                 U"4, 2007, and over the past 40 years it has now grown."));
BENCHMARK_CAPTURE(Times, zh,
                  std::u32string(U"截至2023年12月1日,我市自1982年以来已与13个城市结好,2011年11月至"
                                 U"2012年4月举办活动,近5年新增友城16对,截至目前共37对。"));

// Gazetteer and vocabulary scans over a whole folded bulletin, as the extractor runs them.
void FindPlaces(benchmark::State& state, const std::string& prefix) {
  const auto& k = ex::Knowledge::Embedded();
  const auto doc = tx::ParseBulletin(Seed(prefix));
  const std::u32string folded = doc.Folded(0, doc.text.size());
  for (auto _ : state) benchmark::DoNotOptimize(k.FindPlaces(folded));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Seed(prefix).size()));
}
BENCHMARK_CAPTURE(FindPlaces, en_000, "000");
BENCHMARK_CAPTURE(FindPlaces, zh_004, "004");

void FindPhrases(benchmark::State& state, const std::string& prefix) {
  const auto& k = ex::Knowledge::Embedded();
  const auto doc = tx::ParseBulletin(Seed(prefix));
  const std::u32string folded = doc.Folded(0, doc.text.size());
  for (auto _ : state) benchmark::DoNotOptimize(k.FindPhrases("event_verb", folded));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Seed(prefix).size()));
}
BENCHMARK_CAPTURE(FindPhrases, en_000, "000");
BENCHMARK_CAPTURE(FindPhrases, zh_004, "004");

// A phrase tried at every character: how the rules look for qualifiers and classes.
void PhraseAtEveryChar(benchmark::State& state, const std::string& prefix) {
  const auto& k = ex::Knowledge::Embedded();
  const auto doc = tx::ParseBulletin(Seed(prefix));
  const std::u32string folded = doc.Folded(0, doc.text.size());
  for (auto _ : state)
    for (std::size_t i = 0; i < folded.size(); ++i)
      benchmark::DoNotOptimize(k.PhraseAt("qualifier_en", folded, i));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Seed(prefix).size()));
}
BENCHMARK_CAPTURE(PhraseAtEveryChar, en_000, "000");

void PlaceNamed(benchmark::State& state) {
  const auto& k = ex::Knowledge::Embedded();
  const std::vector<std::string> names = {"Changchun", "長春", "sendai", "Atlantis"};
  for (auto _ : state)
    for (const auto& n : names) benchmark::DoNotOptimize(k.PlaceNamed(n));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(PlaceNamed);

// The extractor alone, on a bulletin already parsed.
void Extract(benchmark::State& state, const std::string& prefix) {
  const auto doc = tx::ParseBulletin(Seed(prefix));
  std::size_t claims = 0;
  for (auto _ : state) {
    auto e = ex::Extract(doc, doc.published_on);
    claims = e.claims.size();
    benchmark::DoNotOptimize(e);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Seed(prefix).size()));
  state.counters["claims"] = static_cast<double>(claims);
}
BENCHMARK_CAPTURE(Extract, en_000, "000");
BENCHMARK_CAPTURE(Extract, zh_004, "004");

}  // namespace

BENCHMARK_MAIN();
