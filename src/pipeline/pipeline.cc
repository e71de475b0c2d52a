#include "src/pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "src/clean/clean.h"
#include "src/clean/lexicon.h"
#include "src/dedup/duplicate_index.h"
#include "src/dedup/fingerprint.h"
#if MARSAD_HAVE_FACTS
#include "src/facts/facts.h"
#endif
#if MARSAD_HAVE_NLP
#include "src/nlp/entities.h"
#endif
#include "src/pipeline/resources.h"
#include "src/search/terms.h"
#include "src/story/story_features.h"
#include "src/story/story_index.h"
#include "src/story/threads.h"
#include "src/text/analysis.h"
#include "src/text/analyze.h"
#include "src/text/normalize.h"

namespace marsad {

// ---------------------------------------------------------------------------
// DocumentProcessor

namespace {

// The words a reader counts in the text: Arabic and Latin words, numbers
// and hashtags, among the tokens of its analysis.
int64_t CountWords(const TextAnalysis& analysis) {
  int64_t n = 0;
  for (const Token& t : analysis.tokens) {
    n += t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber ||
         t.kind == TokenKind::kLatin || t.kind == TokenKind::kHashtag;
  }
  return n;
}

}  // namespace

DocumentProcessor::~DocumentProcessor() = default;

StatusOr<std::unique_ptr<DocumentProcessor>> DocumentProcessor::Create(
    const Resources& resources, const ProcessOptions& options) {
  std::unique_ptr<DocumentProcessor> p(new DocumentProcessor(resources));
  p->options_ = options;
  return p;
}

void DocumentProcessor::Analyze(Document* doc) const {
  thread_local TextAnalysis analysis;
  analysis.Build(doc->text, resources_.text_tables());
  AnalyzeWith(analysis, doc);
}

// The analysis stages, each handed the document's one analysis.
void DocumentProcessor::AnalyzeWith(const TextAnalysis& analysis,
                                    Document* doc) const {
  AnalyzeText(resources_.text_tables(), analysis, doc);
#if MARSAD_HAVE_NLP
  resources_.entities().Annotate(analysis, doc);
#endif
#if MARSAD_HAVE_FACTS
  FactsFinder(*resources_.facts_lexicon(), analysis, doc).Run();
#endif
}

Status DocumentProcessor::Process(Document* doc,
                                  const FurnitureModel* furniture) const {
  RETURN_IF_ERROR(CleanDocument(resources_.clean_lexicon(),
                                resources_.normalizer(), doc, furniture));
  if (doc->text.find_first_not_of(" \n\t") == std::string::npos) {
    return InvalidArgumentError("no text left after cleaning");
  }
  if (doc->text.size() > options_.max_text_bytes) {
    return InvalidArgumentError("text of " + std::to_string(doc->text.size()) +
                                " bytes after cleaning is over the limit of " +
                                std::to_string(options_.max_text_bytes >> 20) +
                                " MiB (--max-text-bytes)");
  }
  // One analysis of the clean text for every stage below (reused memory:
  // one per thread, the processor runs on the ingest's worker threads).
  thread_local TextAnalysis analysis;
  analysis.Build(doc->text, resources_.text_tables());
  AnalyzeWith(analysis, doc);
  doc->word_count = CountWords(analysis);
  Fingerprint fp = ComputeFingerprint(analysis);
  doc->content_hash = fp.exact;
  doc->fingerprint = fp.Serialize();
  doc->story_features =
      ComputeStoryFeatures(resources_.story_tables(), *doc, analysis)
          .Serialize();
  doc->index_terms = PreAnalyze(resources_.text_tables(), analysis);
  return Status::OK();
}

// ---------------------------------------------------------------------------
// Ingestor

Ingestor::Ingestor(Store* store, const IngestOptions& options)
    : store_(store), options_(options) {}
Ingestor::~Ingestor() = default;

StatusOr<std::unique_ptr<Ingestor>> Ingestor::Create(
    Store* store, const Resources& resources, const IngestOptions& options) {
  std::unique_ptr<Ingestor> ing(new Ingestor(store, options));
  ASSIGN_OR_RETURN(ing->processor_,
                   DocumentProcessor::Create(resources, options.process));
  ing->furniture_ = std::make_unique<FurnitureModel>();
  ing->duplicates_ = std::make_unique<DuplicateIndex>();
  ing->stories_ = std::make_unique<StoryIndex>(resources.text_tables());
  RETURN_IF_ERROR(ing->Restore());
  return ing;
}

// Rebuilds the duplicate and story indexes from what the store holds, so
// that a new run (or a re-run after a crash) continues where the last left.
Status Ingestor::Restore() {
  ASSIGN_OR_RETURN(int64_t max_id, store_->MaxArticleId());
  ASSIGN_OR_RETURN(int64_t max_story, store_->MaxStoryId());
  next_article_id_ = max_id + 1;
  (void)
      max_story;  // StoryIndex::Restore advances its next id past restored ones
  RETURN_IF_ERROR(store_->ForEachIndexRow([&](const IndexRow& d) {
    auto fp = Fingerprint::Deserialize(d.fingerprint);
    if (fp.ok()) duplicates_->Restore(d.id, d.duplicate_of, *fp, d.published);
    auto f = StoryFeatures::Deserialize(d.story_features);
    if (f.ok() && d.story_id)
      stories_->Restore(d.id, d.story_id, d.published, *f);
    if (d.story_id) article_story_[d.id] = d.story_id;
    ForgetOutsideWindow();
  }));
  return Status::OK();
}

void Ingestor::Observe(const Document& doc) {
  if (!doc.outlet.empty()) furniture_->Observe(doc.outlet, doc.raw);
}

void Ingestor::Reject(const std::string& source, const Status& why) {
  ++summary_.rejected;
  RejectedInput r{source, why.ToString()};
  (void)store_->RecordRejected(r);
  summary_.rejections.push_back(std::move(r));
}

Status Ingestor::Add(Document&& doc) {
  ++summary_.read;
  if (std::find(queued_hashes_.begin(), queued_hashes_.end(), doc.input_hash) !=
      queued_hashes_.end()) {
    ++summary_.already_stored;
    return Status::OK();
  }
  ASSIGN_OR_RETURN(bool stored, store_->HasInput(doc.input_hash));
  if (stored) {
    ++summary_.already_stored;
    return Status::OK();
  }
  queued_hashes_.push_back(doc.input_hash);
  queue_.push_back(std::move(doc));
  if (queue_.size() >= options_.batch_size) return Flush();
  return Status::OK();
}

Status Ingestor::AddProcessed(std::vector<Document> docs) {
  RETURN_IF_ERROR(Flush());
  std::vector<Document> fresh;
  std::unordered_set<uint64_t> seen;
  for (Document& d : docs) {
    ++summary_.read;
    ASSIGN_OR_RETURN(bool stored, store_->HasInput(d.input_hash));
    if (stored || !seen.insert(d.input_hash).second) {
      ++summary_.already_stored;
      continue;
    }
    fresh.push_back(std::move(d));
  }
  if (fresh.empty()) return Status::OK();
  return AssignAndWrite(fresh);
}

// Runs the per-document stages over the batch on a few threads: documents
// are independent and the models are immutable.
void Ingestor::ProcessAll(std::vector<Document>& docs,
                          std::vector<Status>& results) {
  results.assign(docs.size(), Status::OK());
  int threads = options_.threads > 0
                    ? options_.threads
                    : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, 16);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < docs.size();) {
      results[i] = processor_->Process(&docs[i], furniture_.get());
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && static_cast<size_t>(t) < docs.size(); ++t) {
    pool.emplace_back(work);
  }
  work();
  for (auto& t : pool) t.join();
}

Status Ingestor::AssignAndWrite(std::vector<Document>& docs) {
  std::vector<Document*> batch;
  // Story -> its title when last touched: a later report of the batch may
  // move the window on and evict the story before the rows are written.
  std::map<int64_t, std::string> touched;
  std::vector<StoryLink> links;
  for (Document& d : docs) {
    d.id = next_article_id_++;
    auto fp = Fingerprint::Deserialize(d.fingerprint);
    std::optional<int64_t> first;
    if (fp.ok()) first = duplicates_->FindOrAdd(d.id, *fp, d.published);
    auto features = StoryFeatures::Deserialize(d.story_features);
    if (!features.ok()) return features.status().WithContext(d.source);
    Assignment a;
    auto copy_of = first ? article_story_.find(*first) : article_story_.end();
    if (first && copy_of != article_story_.end()) {
      // A wire copy or republication: it belongs to its first copy's story.
      d.duplicate_of = *first;
      ++summary_.duplicates;
      a.story_id = copy_of->second;
      stories_->Join(d.id, a.story_id, d.published, *features);
    } else {
      if (first) {
        d.duplicate_of = *first;
        ++summary_.duplicates;
      }
      a = stories_->Add(d.id, d, *features);
    }
    d.story_id = a.story_id;
    article_story_[d.id] = a.story_id;
    if (a.is_new_story) ++summary_.new_stories;
    if (auto info = stories_->Info(a.story_id)) {
      touched[a.story_id] = info->title;
    } else {
      touched.try_emplace(a.story_id);
    }
    const StoryFeatures* anchor = stories_->FirstReport(a.story_id);
    for (int64_t other : a.related) {
      if (other == a.story_id) continue;
      const StoryFeatures* other_anchor = stories_->FirstReport(other);
      const double s =
          anchor && other_anchor ? ThreadScore(*anchor, *other_anchor) : 0;
      links.push_back({std::min(other, a.story_id), std::max(other, a.story_id),
                       a.score, ThreadLink{ThreadLinkKind(s)}, s});
    }
    batch.push_back(&d);
  }
  std::vector<StoryRow> rows;
  for (auto& [id, title] : touched) {
    StoryRow r;
    r.id = id;
    auto info = stories_->Info(id);
    r.title = info ? info->title : std::move(title);
    rows.push_back(std::move(r));
  }
  RETURN_IF_ERROR(store_->WriteBatch(batch, rows, links));
  summary_.stored += batch.size();
  ForgetOutsideWindow();
  return Status::OK();
}

// The article -> story map gains a row per report; only the first copies the
// duplicate index still holds can be asked for again. Rebuilt from those
// once it holds twice as many rows as the index has reports, so its size
// follows the window and the cost per report stays constant.
void Ingestor::ForgetOutsideWindow() {
  if (article_story_.size() < 2 * duplicates_->size() + 4096) return;
  std::unordered_map<int64_t, int64_t> kept;
  kept.reserve(duplicates_->size());
  duplicates_->ForEachLiveRoot([&](int64_t root) {
    if (auto it = article_story_.find(root); it != article_story_.end()) {
      kept.insert(*it);
    }
  });
  article_story_.swap(kept);
}

size_t Ingestor::MemoryBytes() const {
  // unordered_map: a node (key, value, next pointer, cached hash) + bucket.
  return duplicates_->MemoryBytes() + stories_->MemoryBytes() +
         article_story_.size() * 32 +
         article_story_.bucket_count() * sizeof(void*);
}

Status Ingestor::Flush() {
  if (queue_.empty()) return Status::OK();
  std::vector<Document> docs = std::move(queue_);
  queue_.clear();
  queued_hashes_.clear();
  std::vector<Status> results;
  ProcessAll(docs, results);
  std::vector<Document> ok;
  ok.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    if (results[i].ok()) {
      ok.push_back(std::move(docs[i]));
    } else {
      Reject(docs[i].source, results[i]);
    }
  }
  return AssignAndWrite(ok);
}

}  // namespace marsad
