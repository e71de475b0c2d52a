// Text core throughput on the SaudiNewsNet corpus: normalize (display) +
// tokenize + segment + light stem of every word, plus numbers and dates, on
// one core. Reports words/s, MB/s and the process's peak RSS.
//
// Run: MARSAD_DATA_DIR=data build/bench/text_bench [--benchmark_min_time=2s]
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/text/dates.h"
#include "src/text/normalize.h"
#include "src/text/numbers.h"
#include "src/text/segment.h"
#include "src/text/stem.h"
#include "src/text/tables.h"
#include "src/text/tokenize.h"

namespace {

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string>* docs = [] {
    auto* out = new std::vector<std::string>();
    auto raw = marsad::ReadFile(MARSAD_SHARED_DIR
                                "/data/corpus/saudinewsnet.jsonl.gz");
    if (!raw.ok()) return out;
    auto data = marsad::Gunzip(*raw);
    if (!data.ok()) return out;
    size_t pos = 0;
    while (pos < data->size()) {
      size_t nl = data->find('\n', pos);
      if (nl == std::string::npos) nl = data->size();
      auto j =
          nlohmann::json::parse(data->substr(pos, nl - pos), nullptr, false);
      pos = nl + 1;
      if (j.is_object() && j.contains("content") && j["content"].is_string())
        out->push_back(j["content"].get<std::string>());
    }
    return out;
  }();
  return *docs;
}

void BM_TextCore(benchmark::State& state) {
  const auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("../shared/data/corpus not found");
    return;
  }
  auto tables = marsad::TextTables::Load(marsad::DataDir());
  if (!tables.ok()) {
    state.SkipWithError(tables.status().ToString().c_str());
    return;
  }
  const marsad::Normalizer& norm = (*tables)->normalizer();
  const marsad::Segmenter& seg = (*tables)->segmenter();
  marsad::NormalizedText disp;
  std::vector<marsad::Token> toks;
  marsad::Segmentation s;
  std::vector<marsad::NumberMention> nums;
  std::vector<marsad::DateMention> dates;
  size_t words = 0, bytes = 0, found = 0;
  for (auto _ : state) {
    for (const std::string& d : docs) {
      norm.Display(d, &disp);
      marsad::Tokenize(disp.text, &toks);
      for (const auto& t : toks) {
        if (t.kind != marsad::TokenKind::kWord) continue;
        std::string_view w = t.span.In(disp.text);
        seg.Segment(w, &s);
        benchmark::DoNotOptimize(marsad::LightStem(norm, w));
        ++words;
      }
      marsad::FindNumbers(**tables, disp.text, &nums);
      marsad::FindDates(**tables, disp.text, "2015-08-01", &dates);
      found += nums.size() + dates.size();
      bytes += d.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.counters["words/s"] =
      benchmark::Counter(words, benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(bytes / 1e6, benchmark::Counter::kIsRate);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  state.counters["peak_RSS_MiB"] = ru.ru_maxrss / 1024.0;
}
BENCHMARK(BM_TextCore)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
