// Memory and speed of a long ingest with the store: the ordered part of the
// pipeline (duplicates, stories, the SQLite store) over N reports, and the
// cost of starting again on the store it leaves.
//
//   ingest_scale_bench --db FILE|URL [--reports N] [--base JSONL] [--every K]
//
// The per-document stages (clean, text core, NER, facts, fingerprint, story
// features) run once on the base records (default: the first 3,000 lines of
// SaudiNewsNet) and are not timed: they hold nothing from one report to the
// next, and `marsad ingest` on the whole corpus measures them. What grows
// with the archive, if anything does, is in the ordered part, which this
// bench drives through Ingestor::AddProcessed exactly as the queue's
// assigner does, in batches of 256.
//
// Replica r of base report i is dated 33*r days after it (the dedup window
// is 30 days and the story window 10, so each replica is news of its own
// month and the windows must forget), with its own source and input hash;
// its text, fingerprint and story features are the base report's. Reports
// without a date are left out of the base (an undated report is never
// forgotten by a time window, by design).
//
// Every K reports it prints the reports/s of that stretch, the resident set
// (VmRSS, not the peak: the base reports held by the bench are in it) and the
// ingestor's own indexes. At the end it opens the store again as a restarted
// ingest would and prints how long the restore took and what it holds.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "marsad/store.h"
#include "src/dedup/days.h"
#include "src/ingest/reader.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"

namespace marsad {
namespace {

double RssMb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024;
  }
  return 0;
}

double PeakRssMb() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "ingest_scale_bench: %s\n", s.ToString().c_str());
  return 1;
}

int Main(int argc, char** argv) {
  size_t n = 1000000, every = 100000;
  std::string base_path = "/tmp/snn3000.jsonl", db;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--reports") n = std::strtoull(argv[i + 1], nullptr, 10);
    if (a == "--every") every = std::strtoull(argv[i + 1], nullptr, 10);
    if (a == "--base") base_path = argv[i + 1];
    if (a == "--db") db = argv[i + 1];
  }
  if (db.empty() || every == 0) {
    std::fprintf(stderr,
                 "usage: ingest_scale_bench --db FILE [--reports N] "
                 "[--base JSONL] [--every K]\n");
    return 2;
  }
  auto resources = Resources::LoadDefault();
  if (!resources.ok()) return Fail(resources.status());
  auto processor = DocumentProcessor::Create(**resources);
  if (!processor.ok()) return Fail(processor.status());

  std::vector<Document> base;
  ReadCallbacks cb;
  cb.on_document = [&](Document&& d) {
    if (!DayNumber(d.published)) return;
    if ((*processor)->Process(&d, nullptr).ok()) base.push_back(std::move(d));
  };
  cb.on_reject = [](const std::string&, const Status&) {};
  ReadStats stats;
  if (Status s = ReadInput(base_path, cb, &stats); !s.ok()) return Fail(s);
  if (base.empty())
    return Fail(InvalidArgumentError("no dated report in " + base_path));
  std::printf("base: %zu dated reports processed from %s; RSS %.0f MB\n",
              base.size(), base_path.c_str(), RssMb());

  using Clock = std::chrono::steady_clock;
  {
    auto store =
        Store::Open(db, {.text_tables = &(*resources)->text_tables(),
                         .clean_lexicon = &(*resources)->clean_lexicon()});
    if (!store.ok()) return Fail(store.status());
    IngestOptions options;
    auto ingestor = Ingestor::Create(store->get(), **resources, options);
    if (!ingestor.ok()) return Fail(ingestor.status());
    std::printf("%10s %10s %10s %12s %10s\n", "reports", "reports/s", "RSS MB",
                "indexes MB", "peak MB");
    auto stretch = Clock::now();
    std::vector<Document> batch;
    for (size_t k = 0; k < n; ++k) {
      const size_t i = k % base.size();
      const int replica = static_cast<int>(k / base.size());
      Document d = base[i];
      d.id = 0;
      d.published =
          DayString(*DayNumber(d.published) + 33 * replica) +
          d.published.substr(std::min<size_t>(10, d.published.size()));
      d.source += "@" + std::to_string(replica);
      d.input_hash ^= 0x9E3779B97F4A7C15ull * (replica + 1);
      batch.push_back(std::move(d));
      if (batch.size() == options.batch_size || k + 1 == n) {
        if (Status s = (*ingestor)->AddProcessed(std::move(batch)); !s.ok()) {
          return Fail(s);
        }
        batch.clear();
      }
      if ((k + 1) % every == 0 || k + 1 == n) {
        auto now = Clock::now();
        double secs = std::chrono::duration<double>(now - stretch).count();
        size_t stretch_n = (k + 1) % every ? (k + 1) % every : every;
        std::printf("%10zu %10.0f %10.0f %12.1f %10.0f\n", k + 1,
                    stretch_n / secs, RssMb(),
                    (*ingestor)->MemoryBytes() / 1048576.0, PeakRssMb());
        std::fflush(stdout);
        stretch = Clock::now();
      }
    }
    const IngestSummary& sum = (*ingestor)->summary();
    std::printf(
        "stored %llu, duplicates %llu, already stored %llu, new "
        "stories %llu\n",
        static_cast<unsigned long long>(sum.stored),
        static_cast<unsigned long long>(sum.duplicates),
        static_cast<unsigned long long>(sum.already_stored),
        static_cast<unsigned long long>(sum.new_stories));
  }
  // A restarted ingest: open the store and rebuild the indexes.
  double before = RssMb();
  auto t0 = Clock::now();
  auto store =
      Store::Open(db, {.text_tables = &(*resources)->text_tables(),
                       .clean_lexicon = &(*resources)->clean_lexicon()});
  if (!store.ok()) return Fail(store.status());
  auto again = Ingestor::Create(store->get(), **resources, IngestOptions{});
  if (!again.ok()) return Fail(again.status());
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf(
      "restart: %.1f s to restore, indexes %.1f MB, RSS %.0f -> %.0f "
      "MB, peak %.0f MB\n",
      secs, (*again)->MemoryBytes() / 1048576.0, before, RssMb(), PeakRssMb());
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Main(argc, argv); }
