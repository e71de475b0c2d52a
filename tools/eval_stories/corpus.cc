#include "tools/eval_stories/corpus.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "src/base/document_json.h"
#include "src/base/file.h"
#include "src/clean/clean.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"

namespace marsad {

namespace {

// One JSON line per report: its clean text and AnalysisToJson, in corpus
// order. Written after a full analysis; read back instead of analysing when
// it holds as many lines as the corpus has reports.
bool ReadCache(const std::string& path, std::vector<CorpusReport>* reports) {
  StatusOr<std::string> data = ReadFile(path);
  if (!data.ok()) return false;
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < data->size();) {
    size_t end = std::min(data->find('\n', pos), data->size());
    lines.push_back(std::string_view(*data).substr(pos, end - pos));
    pos = end + 1;
  }
  if (lines.size() != reports->size()) {
    std::fprintf(stderr, "analysis cache: %zu lines for %zu reports\n",
                 lines.size(), reports->size());
    return false;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    nlohmann::json j = nlohmann::json::parse(lines[i], nullptr, false);
    Document& doc = (*reports)[i].doc;
    if (j.is_discarded() || j.value("url", "") != (*reports)[i].url) {
      std::fprintf(stderr,
                   "analysis cache: line %zu unreadable or another url\n", i);
      return false;
    }
    doc.text = j.value("text", "");
    if (Status st = AnalysisFromJson(j["analysis"], &doc); !st.ok()) {
      std::fprintf(stderr, "analysis cache: line %zu: %s\n", i,
                   st.ToString().c_str());
      return false;
    }
  }
  return true;
}

void WriteCache(const std::string& path,
                const std::vector<CorpusReport>& reports) {
  std::string out;
  for (const CorpusReport& r : reports) {
    nlohmann::json j = {{"url", r.url},
                        {"text", r.doc.text},
                        {"analysis", AnalysisToJson(r.doc)}};
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  (void)WriteFileAtomic(path, out);
}

}  // namespace

StatusOr<std::vector<CorpusReport>> LoadCorpus(const std::string& path,
                                               bool clean, int* skipped,
                                               const std::string& cache) {
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
  if (clean && !cache.empty() && ReadCache(cache, &reports)) return reports;
  if (clean) {
    // The same per-document analysis as `marsad ingest` (text core, entities,
    // facts as built), so that the story features evaluated here are the ones
    // ingest computes.
    ASSIGN_OR_RETURN(std::unique_ptr<const Resources> resources,
                     Resources::LoadDefault());
    ASSIGN_OR_RETURN(std::unique_ptr<DocumentProcessor> processor,
                     DocumentProcessor::Create(*resources));
    for (CorpusReport& r : reports) {
      if (!CleanDocument(resources->clean_lexicon(), resources->normalizer(),
                         &r.doc)
               .ok())
        r.doc.text = r.doc.raw;
      processor->Analyze(&r.doc);
    }
    if (!cache.empty()) WriteCache(cache, reports);
  }
  return reports;
}

}  // namespace marsad
