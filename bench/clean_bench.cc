// Cleaning speed on our own fixtures (tests/golden/clean): documents/s and
// MB/s per format. Whole-corpus figures come from `eval_clean` in
// scripts/bench.sh.
#include <benchmark/benchmark.h>

#include <string>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/clean/clean.h"

namespace marsad {
namespace {

std::string Fixture(const char* name) {
  auto content =
      ReadFile(std::string(MARSAD_SOURCE_DIR) + "/tests/golden/clean/" + name);
  if (!content.ok()) return "";
  return content->substr(0, content->find("\n----\n") + 1);
}

void Run(benchmark::State& state, const char* name, const char* format) {
  std::string raw = Fixture(name);
  auto tables = CleanTables::Load(DataDir());  // outside the timed loop
  if (!tables.ok()) {
    state.SkipWithError(tables.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    Document d;
    d.format = format;
    d.raw = raw;
    benchmark::DoNotOptimize(
        CleanDocument(*tables->lexicon, *tables->normalizer, &d));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(raw.size()));
}

void BM_CleanReport(benchmark::State& s) {
  Run(s, "report_published_headlines.txt", "txt");
}
void BM_CleanRecord(benchmark::State& s) {
  Run(s, "report_title_outlet.txt", "jsonl");
}
void BM_CleanHtml(benchmark::State& s) { Run(s, "page_article.html", "html"); }
BENCHMARK(BM_CleanReport);
BENCHMARK(BM_CleanRecord);
BENCHMARK(BM_CleanHtml);

}  // namespace
}  // namespace marsad

BENCHMARK_MAIN();
