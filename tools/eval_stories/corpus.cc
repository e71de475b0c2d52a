#include "tools/eval_stories/corpus.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "src/base/file.h"
#include "src/clean/clean.h"
#include "src/pipeline/pipeline.h"

namespace marsad {

StatusOr<std::vector<CorpusReport>> LoadCorpus(const std::string& path,
                                               bool clean, int* skipped) {
  ASSIGN_OR_RETURN(std::string data, ReadFile(path));
  if (IsGzip(data)) {
    ASSIGN_OR_RETURN(data, Gunzip(data));
  }
  std::vector<CorpusReport> reports;
  *skipped = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view line(data.data() + pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      ++*skipped;
      continue;
    }
    CorpusReport r;
    r.url = j.value("url", "");
    r.outlet = j.value("source", "");
    r.date = j.value("date_extracted", "");
    if (r.date.empty()) r.date = j.value("published", "");
    r.content = j.value("content", "");
    r.doc.format = "jsonl";
    r.doc.raw = r.content;
    r.doc.title = j.value("title", "");
    r.doc.outlet = r.outlet;
    r.doc.url = r.url;
    r.doc.published = r.date.substr(0, 10);
    reports.push_back(std::move(r));
  }
  std::stable_sort(reports.begin(), reports.end(),
                   [](const CorpusReport& a, const CorpusReport& b) {
                     return a.date < b.date;
                   });
  if (clean) {
    // The same per-document analysis as `marsad ingest` (text core, entities,
    // facts as built), so that the story features evaluated here are the ones
    // ingest computes.
    ASSIGN_OR_RETURN(std::unique_ptr<DocumentProcessor> processor,
                     DocumentProcessor::Create());
    for (CorpusReport& r : reports) {
      if (!CleanDocument(&r.doc).ok()) r.doc.text = r.doc.raw;
      processor->Analyze(&r.doc);
    }
  }
  return reports;
}

}  // namespace marsad
