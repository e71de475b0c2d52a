// Whole-process benchmark of near-duplicate detection + story assignment:
// the SaudiNewsNet corpus replicated and perturbed to N reports, streamed
// through ComputeFingerprint / ComputeStoryFeatures (per-report analysis) and
// DuplicateIndex / StoryIndex (assignment), one core.
//
//   story_bench [--reports N] [--corpus FILE] [--analysis-cache FILE]
//
// Replica r of report i is dated 33*r days after the original (the corpus
// spans 22 days and the dedup window is 30, so the stream moves on like a real
// archive and the time windows must evict) and perturbed: one word dropped, one
// replica-specific word appended, so replicas are near-duplicates only of their
// own replica's copies. Cleaning and text analysis run once on the corpus and
// are not timed here (clean_bench measures them).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "src/base/data.h"
#include "src/dedup/days.h"
#include "src/dedup/duplicate_index.h"
#include "src/story/story_index.h"
#include "src/story/story_tables.h"
#include "src/text/tables.h"
#include "tools/eval_stories/corpus.h"

namespace marsad {
namespace {

double PeakRssMb() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

std::string Perturb(const std::string& text, size_t seed, int replica) {
  if (replica == 0) return text;
  std::string out = text;
  size_t pos = out.find(' ', (seed * 2654435761u) % (out.size() + 1));
  if (pos != std::string::npos) {
    size_t end = out.find(' ', pos + 1);
    out.erase(pos, end == std::string::npos ? std::string::npos : end - pos);
  }
  out += " نسخة" + std::to_string(replica);
  return out;
}

int Main(int argc, char** argv) {
  size_t n = 200000;
  std::string corpus =
      std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet.jsonl.gz";
  std::string cache;  // eval_stories --analysis-cache (analysis is not timed)
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--reports") n = std::strtoull(argv[i + 1], nullptr, 10);
    if (a == "--corpus") corpus = argv[i + 1];
    if (a == "--analysis-cache") cache = argv[i + 1];
  }
  int skipped = 0;
  StatusOr<std::vector<CorpusReport>> base =
      LoadCorpus(corpus, true, &skipped, cache);
  if (!base.ok()) {
    std::fprintf(stderr, "story_bench: %s (skipping)\n",
                 base.status().ToString().c_str());
    return 0;
  }
  std::printf("base corpus: %zu reports, RSS after load %.0f MB\n",
              base->size(), PeakRssMb());
  auto tables = TextTables::Load(DataDir());
  if (!tables.ok()) {
    std::fprintf(stderr, "story_bench: %s\n",
                 tables.status().ToString().c_str());
    return 1;
  }
  auto story_tables = StoryTables::Load(DataDir(), **tables);
  if (!story_tables.ok()) {
    std::fprintf(stderr, "story_bench: %s\n",
                 story_tables.status().ToString().c_str());
    return 1;
  }
  DuplicateIndex dups;
  StoryIndex stories(**tables);
  std::vector<int64_t>
      story_of;  // per article id: 8 bytes, as a store would keep
  story_of.reserve(n + 1);
  story_of.push_back(0);
  double t_analyse = 0, t_assign = 0;
  size_t n_dups = 0, n_new = 0;
  using Clock = std::chrono::steady_clock;
  std::printf("%10s %12s %12s %12s %10s %10s %10s\n", "reports", "analyse/s",
              "assign/s", "both/s", "stories", "index MB", "peak MB");
  for (size_t k = 0; k < n; ++k) {
    const size_t i = k % base->size();
    const int replica = static_cast<int>(k / base->size());
    Document doc = base->at(i).doc;
    doc.text = Perturb(doc.text, k, replica);
    if (std::optional<int32_t> d = DayNumber(doc.published)) {
      doc.published = DayString(*d + 33 * replica);
    }
    auto t0 = Clock::now();
    Fingerprint fp = ComputeFingerprint(**tables, doc.text);
    StoryFeatures f = ComputeStoryFeatures(**story_tables, doc);
    auto t1 = Clock::now();
    const int64_t id = static_cast<int64_t>(k) + 1;
    std::optional<int64_t> first = dups.FindOrAdd(id, fp, doc.published);
    if (first) {
      ++n_dups;
      story_of.push_back(story_of[*first]);
      stories.Join(id, story_of.back(), doc.published, f);
    } else {
      Assignment a = stories.Add(id, doc.published, f);
      n_new += a.is_new_story;
      story_of.push_back(a.story_id);
    }
    auto t2 = Clock::now();
    t_analyse += std::chrono::duration<double>(t1 - t0).count();
    t_assign += std::chrono::duration<double>(t2 - t1).count();
    if ((k + 1) % 100000 == 0 || k + 1 == n) {
      std::printf("%10zu %12.0f %12.0f %12.0f %10zu %10.1f %10.0f\n", k + 1,
                  (k + 1) / t_analyse, (k + 1) / t_assign,
                  (k + 1) / (t_analyse + t_assign), stories.live_stories(),
                  (dups.MemoryBytes() + stories.MemoryBytes()) / 1048576.0,
                  PeakRssMb());
      std::fflush(stdout);
    }
  }
  std::printf(
      "total %zu reports: duplicates %zu, new stories %zu; analyse %.1fs, "
      "assign %.1fs; peak RSS %.0f MB\n",
      n, n_dups, n_new, t_analyse, t_assign, PeakRssMb());
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Main(argc, argv); }
