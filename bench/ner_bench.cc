// Entities stage speed on the SaudiNewsNet corpus, one core:
//  * BM_LoadModel: reading and indexing models/ner_model.bin;
//  * BM_LoadAll: EntityAnnotator::Create (model + every dictionary);
//  * BM_TagTokens: features + Viterbi on the corpus's sentences (what the
//    issue calls "tagging with features"), tokens/s;
//  * BM_Annotate: the whole stage per document (tokenize, split, tag,
//    dictionaries, roles, resolution), documents/s and tokens/s.
// Each reports the process's peak RSS so far.
//
// Run: MARSAD_DATA_DIR=data build/bench/ner_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/nlp/entities.h"
#include "src/nlp/tagger.h"
#include "src/text/analysis.h"
#include "src/text/normalize.h"
#include "src/text/tables.h"
#include "src/text/tokenize.h"

namespace {

constexpr size_t kDocs = 5000;  // of the corpus's 31,030: a few seconds a pass

// The text core's tables (data/text), loaded once; null when missing.
const marsad::TextTables& Tables() {
  static const marsad::TextTables* t = [] {
    auto r = marsad::TextTables::Load(marsad::DataDir());
    if (!r.ok()) {
      std::fprintf(stderr, "ner_bench: %s\n", r.status().ToString().c_str());
      std::abort();
    }
    return r->release();
  }();
  return *t;
}

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string>* docs = [] {
    auto* out = new std::vector<std::string>();
    auto raw = marsad::ReadFile(MARSAD_SHARED_DIR
                                "/data/corpus/saudinewsnet.jsonl.gz");
    if (!raw.ok()) return out;
    auto data = marsad::Gunzip(*raw);
    if (!data.ok()) return out;
    marsad::NormalizedText disp;
    size_t pos = 0;
    while (pos < data->size() && out->size() < kDocs) {
      size_t nl = data->find('\n', pos);
      if (nl == std::string::npos) nl = data->size();
      auto j =
          nlohmann::json::parse(data->substr(pos, nl - pos), nullptr, false);
      pos = nl + 1;
      if (!j.is_object() || !j.contains("content") || !j["content"].is_string())
        continue;
      Tables().normalizer().Display(j["content"].get<std::string>(), &disp);
      out->push_back(disp.text);
    }
    return out;
  }();
  return *docs;
}

const marsad::EntityAnnotator* Annotator() {
  static const marsad::EntityAnnotator* a = [] {
    auto r = marsad::EntityAnnotator::Create();
    return r.ok() ? r->release() : nullptr;
  }();
  return a;
}

void PeakRss(benchmark::State& state) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  state.counters["peak_RSS_MiB"] = ru.ru_maxrss / 1024.0;
}

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto m = marsad::TaggerModel::Load(marsad::ModelPath("ner_model.bin"));
    if (!m.ok()) {
      state.SkipWithError(m.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(m);
  }
  PeakRss(state);
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LoadAll(benchmark::State& state) {
  for (auto _ : state) {
    auto a = marsad::EntityAnnotator::Create();
    if (!a.ok()) {
      state.SkipWithError(a.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(a);
  }
  PeakRss(state);
}
BENCHMARK(BM_LoadAll)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TagTokens(benchmark::State& state) {
  const auto& docs = Corpus();
  const marsad::EntityAnnotator* a = Annotator();
  if (docs.empty() || !a) {
    state.SkipWithError("corpus or data/nlp not found");
    return;
  }
  // Each report's sentences as token views, prepared outside the timed loop;
  // a report is one document for the tagger's document pass.
  std::vector<std::vector<std::vector<std::string_view>>> reports;
  std::vector<marsad::Token> toks;
  std::vector<marsad::Span> sents;
  for (const std::string& d : docs) {
    marsad::Tokenize(d, &toks);
    marsad::SplitSentences(Tables(), d, toks, &sents);
    size_t t = 0;
    reports.emplace_back();
    for (marsad::Span s : sents) {
      std::vector<std::string_view> words;
      while (t < toks.size() && toks[t].span.begin < s.begin) ++t;
      while (t < toks.size() && toks[t].span.end <= s.end)
        words.push_back(toks[t++].span.In(d));
      if (!words.empty()) reports.back().push_back(std::move(words));
    }
  }
  std::vector<std::vector<int>> tags;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& r : reports) {
      a->TagDocument(r, &tags);
      for (const auto& s : r) tokens += s.size();
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(tokens, benchmark::Counter::kIsRate);
  PeakRss(state);
}
BENCHMARK(BM_TagTokens)->Unit(benchmark::kSecond)->Iterations(1);

void BM_Annotate(benchmark::State& state) {
  const auto& docs = Corpus();
  const marsad::EntityAnnotator* a = Annotator();
  if (docs.empty() || !a) {
    state.SkipWithError("corpus or data/nlp not found");
    return;
  }
  std::vector<marsad::Token> toks;
  size_t tokens = 0;
  for (const std::string& d : docs) {
    marsad::Tokenize(d, &toks);
    tokens += toks.size();
  }
  size_t n = 0, found = 0;
  marsad::Document doc;
  marsad::TextAnalysis analysis;
  for (auto _ : state) {
    for (const std::string& d : docs) {
      doc.text = d;
      analysis.Build(doc.text, Tables());  // as Annotate did before step 5
      a->Annotate(analysis, &doc);
      found += doc.entities.size();
      ++n;
    }
  }
  state.counters["docs/s"] = benchmark::Counter(n, benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(tokens * state.iterations(),
                                                  benchmark::Counter::kIsRate);
  state.counters["entities"] = found;
  PeakRss(state);
}
BENCHMARK(BM_Annotate)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
