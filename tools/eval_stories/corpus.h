// Loading the SaudiNewsNet corpus (JSONL, gzip) into cleaned, analysed
// Documents with their dedup fingerprints and story features, for the story
// evaluator and the benchmark.
#ifndef MARSAD_TOOLS_EVAL_STORIES_CORPUS_H_
#define MARSAD_TOOLS_EVAL_STORIES_CORPUS_H_

#include <string>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/dedup/fingerprint.h"
#include "src/story/story_features.h"

namespace marsad {

struct CorpusReport {
  std::string url;
  std::string outlet;
  std::string date;     // date_extracted
  std::string content;  // as in the corpus (for exact-group checks)
  Document doc;         // cleaned + analysed (text, title, numbers, dates)
};

// Reads JSONL (gzip or not). Each record: source, url, date_extracted,
// title, content. Lines that fail to parse are skipped and counted in
// *skipped. Sorted by date_extracted (stable), i.e. arrival order.
// `clean`: run CleanDocument and AnalyzeText on each report. `cache`, if
// not empty, names a file of analyses: read instead of analysing when it
// matches the corpus, written after analysing otherwise (for repeated runs
// while only the story stage changes; delete it after an analysis change).
StatusOr<std::vector<CorpusReport>> LoadCorpus(const std::string& path,
                                               bool clean, int* skipped,
                                               const std::string& cache = "");

}  // namespace marsad

#endif  // MARSAD_TOOLS_EVAL_STORIES_CORPUS_H_
