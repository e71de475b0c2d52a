// The pipeline: plain code calling the stages in order (UDPipe's
// pipeline::process). Two parts:
//
//  * DocumentProcessor — the per-document stages, stateless and thread-safe:
//    clean → text core (numbers, dates) → entities → quotations, events,
//    claims → duplicate fingerprint and story features.
//  * Ingestor — the stateful, ordered part: learns outlet furniture
//    templates, assigns article ids, links duplicates to their first copy,
//    assigns stories online, and writes each batch to the store in one
//    transaction. On start it rebuilds its indexes from the store, so a run
//    killed at any point is finished by running it again, without duplicates.
#ifndef MARSAD_PIPELINE_PIPELINE_H_
#define MARSAD_PIPELINE_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "marsad/store.h"

namespace marsad {

class FurnitureModel;
class DuplicateIndex;
class StoryIndex;
class Resources;
struct TextAnalysis;

struct ProcessOptions {
  // A report whose text after cleaning is longer than this is rejected with
  // the reason (no news report comes near it; a log file or a book would
  // hold the batch for minutes).
  size_t max_text_bytes = size_t{2} << 20;
};

class DocumentProcessor {
 public:
  // The stages read their tables and models from `resources`
  // (src/pipeline/resources.h). REQUIRES: resources outlives the processor.
  static StatusOr<std::unique_ptr<DocumentProcessor>> Create(
      const Resources& resources, const ProcessOptions& options = {});
  ~DocumentProcessor();

  // Runs every per-document stage on doc->raw (format, metadata already set
  // by ingest). Fails with InvalidArgument when nothing is left after
  // cleaning. Thread-safe; `furniture` may be null.
  Status Process(Document* doc, const FurnitureModel* furniture) const;

  // Only the analysis stages, on doc->text (used by `marsad analyze`).
  void Analyze(Document* doc) const;

  // The tables and models the stages read.
  const Resources& resources() const { return resources_; }

 private:
  // The analysis stages with the analysis of doc->text made once.
  void AnalyzeWith(const TextAnalysis& analysis, Document* doc) const;

  explicit DocumentProcessor(const Resources& resources)
      : resources_(resources) {}
  const Resources& resources_;
  ProcessOptions options_;
};

struct IngestOptions {
  size_t batch_size = 256;
  int threads = 0;  // 0: one per core
  ProcessOptions process;
};

struct IngestSummary {
  uint64_t read = 0;            // documents read
  uint64_t stored = 0;          // new articles written
  uint64_t duplicates = 0;      // of those, exact or near copies of another
  uint64_t already_stored = 0;  // same input seen before: skipped
  uint64_t rejected = 0;
  uint64_t new_stories = 0;
  std::vector<RejectedInput> rejections;

  // Adds another run's counts (a run restarted after a failure).
  IngestSummary& operator+=(const IngestSummary& o) {
    read += o.read;
    stored += o.stored;
    duplicates += o.duplicates;
    already_stored += o.already_stored;
    rejected += o.rejected;
    new_stories += o.new_stories;
    rejections.insert(rejections.end(), o.rejections.begin(),
                      o.rejections.end());
    return *this;
  }
};

class Ingestor {
 public:
  // REQUIRES: store and resources outlive the Ingestor.
  static StatusOr<std::unique_ptr<Ingestor>> Create(
      Store* store, const Resources& resources, const IngestOptions& options);
  ~Ingestor();

  // Lets the furniture model see a document before cleaning (a first pass
  // over a dump; optional).
  void Observe(const Document& doc);
  // Queues a document read by ingest; writes a batch when enough are queued.
  Status Add(Document&& doc);
  // Assigns ids, duplicates and stories, in order, to documents already
  // processed elsewhere (DocumentProcessor::Process, e.g. by queue workers,
  // src/distrib) and writes them in one transaction, after anything queued
  // by Add. Documents whose input is stored, or repeated within `docs`, are
  // skipped (counted as already stored). After a failed write the in-memory
  // indexes are ahead of the store: make a new Ingestor (it restores).
  Status AddProcessed(std::vector<Document> docs);
  // Records an input that could not be read.
  void Reject(const std::string& source, const Status& why);
  // Writes what is queued.
  Status Flush();

  const IngestSummary& summary() const { return summary_; }
  // Approximate heap bytes of what the ingestor keeps between batches: the
  // duplicate and story indexes and the story of each first copy in the
  // window. Bounded by the window, not by the archive.
  size_t MemoryBytes() const;

 private:
  Ingestor(Store* store, const IngestOptions& options);
  Status Restore();
  void ProcessAll(std::vector<Document>& docs, std::vector<Status>& results);
  Status AssignAndWrite(std::vector<Document>& docs);

  Store* store_;
  IngestOptions options_;
  std::unique_ptr<DocumentProcessor> processor_;
  std::unique_ptr<FurnitureModel> furniture_;
  std::unique_ptr<DuplicateIndex> duplicates_;
  std::unique_ptr<StoryIndex> stories_;
  std::vector<Document> queue_;
  std::vector<uint64_t> queued_hashes_;
  int64_t next_article_id_ = 1;
  // Story of each first copy the duplicate index may still return
  // (duplicates join their first copy's story); pruned to the window by
  // ForgetOutsideWindow.
  std::unordered_map<int64_t, int64_t> article_story_;
  void ForgetOutsideWindow();
  IngestSummary summary_;
};

}  // namespace marsad

#endif  // MARSAD_PIPELINE_PIPELINE_H_
