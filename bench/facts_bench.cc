// The full per-document pipeline on the SaudiNewsNet corpus, one core:
// JSONL record → clean → text core (numbers, dates) → entities (when the NER
// stage is built) → facts (quotations, events, claims). Reports reports/s,
// MB/s, the share of time per stage and what the fact stage found.
//
// A whole-process benchmark, not a timed test (house style): the figure goes
// to docs/RESULTS.md through scripts/bench.sh.
//
// Run: MARSAD_DATA_DIR=data build/bench/facts_bench [--limit N] [--corpus FILE]
//                                                  [--dump FILE]
// --dump writes each report's analysis (src/base/document_json.h) as one
// JSON line, outside the timing: two builds must write the same file when a
// change is meant to be a pure speedup.
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/document_json.h"
#include "src/base/file.h"
#include "src/clean/clean.h"
#include "src/clean/lexicon.h"
#include "src/facts/facts.h"
#include "src/ingest/reader.h"
#include "src/text/analyze.h"
#include "src/text/tables.h"
#if MARSAD_BENCH_NLP
#include "src/nlp/entities.h"
#endif

namespace marsad {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int Main(int argc, char** argv) {
  std::string corpus = MARSAD_SHARED_DIR "/data/corpus/saudinewsnet.jsonl.gz";
  size_t limit = SIZE_MAX;
  std::string dump_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--corpus") corpus = argv[i + 1];
    if (a == "--limit") limit = std::stoul(argv[i + 1]);
    if (a == "--dump") dump_path = argv[i + 1];
  }
  auto raw = ReadFile(corpus);
  if (!raw.ok()) {
    std::printf("facts_bench: %s not found; skipped\n", corpus.c_str());
    return 0;
  }
  auto data = Gunzip(*raw);
  if (!data.ok()) {
    std::printf("facts_bench: %s\n", data.status().ToString().c_str());
    return 1;
  }
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < data->size() && lines.size() < limit;) {
    size_t nl = data->find('\n', pos);
    if (nl == std::string::npos) nl = data->size();
    if (nl > pos) lines.emplace_back(data->data() + pos, nl - pos);
    pos = nl + 1;
  }
#if MARSAD_BENCH_NLP
  auto ner = EntityAnnotator::Create();
  if (!ner.ok()) {
    std::printf("facts_bench: NER unavailable (%s)\n",
                ner.status().ToString().c_str());
  }
  const bool with_ner = ner.ok();
#else
  const bool with_ner = false;
#endif
  auto lexicon = FactsLexicon::Load();
  if (!lexicon.ok()) {
    std::printf("facts_bench: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  auto tables = TextTables::Load(DataDir());
  if (!tables.ok()) {
    std::printf("facts_bench: %s\n", tables.status().ToString().c_str());
    return 1;
  }
  auto clean = CleanLexicon::Load(DataDir());  // the clean stage's tables
  if (!clean.ok()) {
    std::printf("facts_bench: %s\n", clean.status().ToString().c_str());
    return 1;
  }
  // Warm-up outside the timing.
  TextAnalysis analysis;
  {
    Document d;
    d.text = "قال الوزير إن 3 أشخاص قتلوا.";
    analysis.Build(d.text, **tables);
    AnalyzeText(**tables, analysis, &d);
    FindQuotes(**lexicon, analysis, &d);
  }
  Clock::duration t_parse{}, t_clean{}, t_text{}, t_ner{}, t_facts{};
  size_t docs = 0, bytes = 0, quotes = 0, events = 0, claims = 0,
         casualties = 0;
  FILE* dump = dump_path.empty() ? nullptr : std::fopen(dump_path.c_str(), "w");
  Clock::duration t_dump{};
  Document d;
  auto start = Clock::now();
  const double cpu_start = ThreadCpuSeconds();
  for (std::string_view line : lines) {
    auto t0 = Clock::now();
    d = Document();
    if (!ParseJsonRecord(line, &d).ok()) continue;
    auto t1 = Clock::now();
    if (!CleanDocument(**clean, (*tables)->normalizer(), &d).ok()) continue;
    auto t2 = Clock::now();
    analysis.Build(d.text, **tables);
    AnalyzeText(**tables, analysis, &d);
    auto t3 = Clock::now();
#if MARSAD_BENCH_NLP
    if (with_ner) (*ner)->Annotate(analysis, &d);
#endif
    auto t4 = Clock::now();
    FactsFinder(**lexicon, analysis, &d).Run();
    auto t5 = Clock::now();
    t_parse += t1 - t0;
    t_clean += t2 - t1;
    t_text += t3 - t2;
    t_ner += t4 - t3;
    t_facts += t5 - t4;
    ++docs;
    bytes += line.size();
    quotes += d.quotes.size();
    events += d.events.size();
    claims += d.claims.size();
    for (const Event& e : d.events) casualties += e.casualties.size();
    if (dump) {
      std::string j = AnalysisToJson(d).dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
      std::fprintf(dump, "%s\n", j.c_str());
      t_dump += Clock::now() - t5;
    }
  }
  if (dump) std::fclose(dump);
  double total = Seconds(Clock::now() - start - t_dump);
  double cpu = ThreadCpuSeconds() - cpu_start - Seconds(t_dump);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("reports: %zu (%.1f MB of JSONL), one thread, entities %s\n",
              docs, bytes / 1e6, with_ner ? "on" : "off (NER not built)");
  std::printf("full pipeline: %.0f reports/s, %.2f MB/s (%.2f s)\n",
              docs / total, bytes / 1e6 / total, total);
  // The loop's CPU time: less skewed than the wall clock when other jobs
  // share the core.
  std::printf("CPU time: %.0f reports/s (%.2f s)\n", docs / cpu, cpu);
  auto share = [&](const char* name, Clock::duration t) {
    std::printf("  %-6s %6.1f%%  %8.0f reports/s alone\n", name,
                100 * Seconds(t) / total, docs / std::max(1e-9, Seconds(t)));
  };
  share("parse", t_parse);
  share("clean", t_clean);
  share("text", t_text);
  share("ner", t_ner);
  share("facts", t_facts);
  std::printf(
      "found: %zu quotations, %zu events (%zu casualty figures), %zu claims\n",
      quotes, events, casualties, claims);
  std::printf("peak RSS: %ld MB\n", ru.ru_maxrss / 1024);
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Main(argc, argv); }
