// The store: where articles, stories and their facts live. One interface,
// implementations for SQLite (embedded default, src/store) and PostgreSQL
// (src/distrib), held to one contract suite (src/distrib/store_contract_test).
// Callers see typed read models only; SQL stays inside the implementations.
//
// Durability contract: WriteBatch is one transaction. After a crash at any
// point, the store holds either all of a batch or none of it, and re-running
// the same input adds nothing (articles are keyed by Document::input_hash).
//
// Thread safety: a Store object is used by one thread at a time. Open several
// for concurrent readers (SQLite runs in WAL mode).
#ifndef MARSAD_STORE_H_
#define MARSAD_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "marsad/document.h"
#include "marsad/search.h"
#include "marsad/status.h"

namespace marsad {

class TextTables;    // src/text/tables.h
class CleanLexicon;  // src/clean/lexicon.h

struct StoreOptions {
  bool read_only = false;
  // Required: the text tables the store reads its search terms with (the
  // full-text index's words, the titles' terms, queries and highlights:
  // src/search/terms.h), normally Resources::text_tables(). A store opened
  // without them fails with InvalidArgument. They must outlive the store.
  const TextTables* text_tables = nullptr;
  // Required: the outlet names (data/clean/outlets.tsv) a search's outlet
  // filter is read with, so that an outlet's id ("okaz") finds the reports
  // stored under its display name ("عكاظ"), normally
  // Resources::clean_lexicon(). A store opened without them fails with
  // InvalidArgument. They must outlive the store.
  const CleanLexicon* clean_lexicon = nullptr;
};

// Of a stored article, what the ingest's in-memory indexes are rebuilt
// from (Store::ForEachIndexRow).
struct IndexRow {
  int64_t id = 0;
  int64_t story_id = 0;      // 0: none
  int64_t duplicate_of = 0;  // 0: a first copy
  std::string published;
  std::string fingerprint;     // Fingerprint::Serialize (src/dedup)
  std::string story_features;  // StoryFeatures::Serialize (src/story)
};

struct StoryRow {
  int64_t id = 0;
  std::string title;
  std::string first_seen;  // earliest published date of its reports, or ""
  std::string last_seen;
  std::vector<int64_t> articles;
  std::vector<std::string> outlets;  // distinct, in order of first report
  std::vector<int64_t> related;      // related (not same) stories
  // Its thread (a long-running topic: src/story/threads.h): the id of the
  // thread's earliest story; the story's own id when it is in no thread.
  int64_t thread = 0;
};

// How a related link stands to threads (src/story/threads.h): its two
// stories' first reports, time left out, score at least kThreadThreshold
// (one thread: the store joins their threads), or at least
// kThreadAttachThreshold (near: a story no thread link reaches counts in
// the thread of its nearest such story, if that one is in a thread).
enum class ThreadLink : int { kNone = 0, kThread = 1, kNear = 2 };

struct StoryLink {
  int64_t a = 0, b = 0;  // a < b
  double score = 0;
  ThreadLink thread = ThreadLink::kNone;
  double anchor = 0;  // the first reports' score, time left out
};

struct RejectedInput {
  std::string source;
  std::string reason;
};

// --- Read models: what the API, the CLI, the watcher and the alerts read
// and keep, as typed rows. Every one is answered by both stores. ---

// A story as the stories table summarises it (no articles, no links).
struct StorySummary {
  int64_t id = 0;
  std::string title;
  std::string first_seen;  // "" when none of its reports has a date
  std::string last_seen;
  int64_t article_count = 0;
  std::vector<std::string> outlets;  // distinct, in order of first report
  int64_t thread = 0;                // as StoryRow::thread
};

// A page of rows and how many there are in all.
template <typename T>
struct Listing {
  int64_t total = 0;
  std::vector<T> items;
};

struct OutletCount {
  std::string outlet;
  int64_t articles = 0;
};

// An outlet's reports: how many, the earliest and latest date, and in how
// many stories. reports == 0: no such outlet.
struct OutletSummary {
  int64_t reports = 0;
  std::string first_report, last_report;  // "" without dates
  int64_t stories = 0;
};

// A story an outlet reported, with the outlet's share of it.
struct OutletStory {
  int64_t story_id = 0;
  int64_t reports = 0;      // the outlet's reports in it
  std::string last_report;  // the outlet's latest date in it ("" if none)
  std::string title;
  size_t outlets = 0;  // outlets of the story
  int64_t article_count = 0;
};

// A dated report of a story, by outlet ("" when it has none).
struct Publication {
  std::string published;
  std::string outlet;
};

struct EntityRow {
  std::string id, name, type;
  std::optional<double> lat, lon;
  int64_t mention_count = 0;
  int64_t shared_articles = 0;  // RelatedEntities only: articles in common
};

struct TextCount {
  std::string text;
  int64_t count = 0;
};

struct ArticleMentions {
  int64_t article_id = 0;
  int64_t mentions = 0;
};

// Filters of an event or timeline listing; "" and 0 mean any.
struct EventFilter {
  std::string type;      // PLOVER type (events only)
  std::string from, to;  // ISO dates, inclusive
  int64_t story = 0;
};

struct EventRow {
  int64_t article_id = 0, idx = 0;
  std::string plover, mode, date, location;  // "" for absent
  std::optional<double> lat, lon;
  std::string title, outlet;
  std::optional<int64_t> story_id;
};

struct DayCount {
  std::string date;  // YYYY-MM-DD
  int64_t articles = 0, stories = 0;
};

// A place entity mentioned in the selection, with how often.
struct PlacePoint {
  std::string entity_id, name;
  double lat = 0, lon = 0;
  int64_t mentions = 0;
};

// An event with coordinates.
struct EventPoint {
  int64_t article_id = 0;
  std::string plover, mode, date, location;
  double lat = 0, lon = 0;
};

// A saved search as stored (src/watch/alerts.h gives it meaning).
struct SavedSearchRow {
  std::string name, query;
  std::string filters = "{}";   // JSON object
  int64_t last_article_id = 0;  // high-water mark: reported up to
  std::string created_at;
};

// A position an alert has seen on a story's contested point.
struct AlertPosition {
  int64_t story_id = 0;
  std::string key;
  bool fired = false;
};

// A watched source's poll state (src/watch).
struct WatchSource {
  std::string source, kind;
  std::string etag, last_modified;   // HTTP validators, "" if none
  std::string last_polled, last_ok;  // ISO date-times, "" if never
  int64_t failures = 0;              // in a row
  std::string last_error;
};

struct RawPage {
  std::string content_type;
  std::string body;
};

// An answer kept between runs (src/server/kept_answers.h): what the server
// would compute for `key` (e.g. "story/12/page"), valid for `version` only
// (the thing it answers for and the program that made it, as the maker says).
struct KeptAnswer {
  std::string key, version, body;
};

// Opens "postgresql://" stores. A binary that links the PostgreSQL store
// (src/distrib) installs it with RegisterPgStore() before opening stores;
// Store::Open fails with Unsupported for such URLs until then.
class Store;
using StoreOpener = StatusOr<std::unique_ptr<Store>> (*)(
    const std::string& url, const StoreOptions& options);
void SetPostgresStoreOpener(StoreOpener opener);

class Store {
 public:
  // `url` is a file path (SQLite) or "postgresql://..." (PostgreSQL).
  // Creates the database and migrates the schema as needed (not when
  // read-only).
  static StatusOr<std::unique_ptr<Store>> Open(
      const std::string& url, const StoreOptions& options = {});
  virtual ~Store() = default;

  // --- Write path ---
  // True if an article with this input hash is stored.
  virtual StatusOr<bool> HasInput(uint64_t input_hash) = 0;
  // Stores new articles (assigning Document::id) and the given story
  // updates, all in one transaction. Documents whose input_hash is already
  // stored are skipped (their id is set to the stored one).
  virtual Status WriteBatch(const std::vector<Document*>& docs,
                            const std::vector<StoryRow>& stories,
                            const std::vector<StoryLink>& links) = 0;
  virtual Status RecordRejected(const RejectedInput& r) = 0;
  // Largest article and story id in use (0 if none).
  virtual StatusOr<int64_t> MaxArticleId() = 0;
  virtual StatusOr<int64_t> MaxStoryId() = 0;
  // Articles published on or after `since` (ISO date; "" = all), in id
  // order, with store blobs (fingerprint, story_features) but without raw.
  // Used to rebuild in-memory indexes on restart.
  virtual Status ForEachRecent(
      const std::string& since,
      const std::function<void(const Document&)>& fn) = 0;
  // Every article's IndexRow, in id order: what an ingest restarted on this
  // store replays to rebuild its duplicate and story indexes. A narrow read
  // (no text, no analysis to parse), so a restart costs the blobs, not the
  // archive's analyses.
  virtual Status ForEachIndexRow(
      const std::function<void(const IndexRow&)>& fn) = 0;

  // --- Read path ---
  virtual StatusOr<std::vector<StoryRow>> ListStories(const Page& page) = 0;
  virtual StatusOr<std::optional<StoryRow>> GetStory(int64_t id) = 0;
  // With analysis (entities, quotes, ...) but without raw unless asked.
  virtual StatusOr<std::optional<Document>> GetArticle(
      int64_t id, bool with_raw = false) = 0;
  virtual Status ForEachArticle(
      const std::function<void(const Document&)>& fn) = 0;
  virtual StatusOr<int64_t> CountArticles() = 0;
  virtual StatusOr<std::vector<RejectedInput>> ListRejected() = 0;
  virtual StatusOr<SearchResults> Search(const SearchRequest& request) = 0;

  // --- Read models (see the structs above). Pages are bounded by the
  // caller; listings are ordered as documented, ties by id. ---
  // Stories with at least one article.
  virtual StatusOr<int64_t> CountStories() = 0;
  virtual StatusOr<std::optional<StorySummary>> GetStorySummary(int64_t id) = 0;
  // The stories of thread `thread` (a story id; see StoryRow::thread),
  // newest first (last_seen, then id), with how many it holds. A story in
  // no thread is a thread of one.
  virtual StatusOr<Listing<StorySummary>> ListThreadStories(
      int64_t thread, const Page& page) = 0;
  // Outlets by number of articles (descending), then name; at most `limit`.
  virtual StatusOr<std::vector<OutletCount>> ListOutlets(int limit) = 0;
  virtual StatusOr<OutletSummary> GetOutletSummary(
      const std::string& outlet) = 0;
  // The outlet's stories, newest report first; at most `limit`.
  virtual StatusOr<std::vector<OutletStory>> ListOutletStories(
      const std::string& outlet, int limit) = 0;
  // The analysis JSON of the outlet's newest `limit` analysed reports, in no
  // particular order. `fn`'s argument is valid during the call.
  virtual Status ForEachOutletAnalysis(
      const std::string& outlet, int limit,
      const std::function<void(const std::string&)>& fn) = 0;
  // The story's reports that have a date.
  virtual StatusOr<std::vector<Publication>> ListStoryPublications(
      int64_t story) = 0;
  // Entities whose name contains `q` ("" any) of `type` ("" any), most
  // mentioned first.
  virtual StatusOr<Listing<EntityRow>> ListEntities(const std::string& q,
                                                    const std::string& type,
                                                    const Page& page) = 0;
  virtual StatusOr<std::optional<EntityRow>> GetEntity(
      const std::string& id) = 0;
  // How the entity is written, most frequent first.
  virtual StatusOr<std::vector<TextCount>> ListEntityVariants(
      const std::string& id, int limit) = 0;
  // Articles mentioning the entity, newest first (total: distinct articles).
  virtual StatusOr<Listing<ArticleMentions>> ListEntityArticles(
      const std::string& id, const Page& page) = 0;
  // Entities mentioned in the same articles, by articles in common.
  virtual StatusOr<std::vector<EntityRow>> ListRelatedEntities(
      const std::string& id, int limit) = 0;
  // Events (date: the event's, else its report's), newest first.
  virtual StatusOr<Listing<EventRow>> ListEvents(const EventFilter& filter,
                                                 const Page& page) = 0;
  // Articles and stories per publication day (filter.type unused), by day.
  virtual StatusOr<std::vector<DayCount>> ListTimeline(
      const EventFilter& filter) = 0;
  // Places with coordinates mentioned (in filter.story's articles, 0: all;
  // in reports published from filter.from to filter.to when given), most
  // mentioned first, and events with coordinates (their day, as
  // ListEvents's, in the window); at most `limit` each. filter.type unused.
  virtual StatusOr<std::vector<PlacePoint>> ListPlaces(
      const EventFilter& filter, int limit) = 0;
  virtual StatusOr<std::vector<EventPoint>> ListEventPoints(
      const EventFilter& filter, int limit) = 0;

  // --- Saved searches and their alert state ---
  // By name. Unavailable on a store without them (a read-only store of an
  // older schema).
  virtual StatusOr<std::vector<SavedSearchRow>> ListSavedSearches() = 0;
  // Saved with its mark at the newest stored article; AlreadyExists if the
  // name is taken.
  virtual Status AddSavedSearch(const SavedSearchRow& s) = 0;
  // With the positions it has seen; NotFound if there is none by the name.
  virtual Status RemoveSavedSearch(const std::string& name) = 0;
  // Moves the mark, and records `positions` (kept once each), in one
  // transaction.
  virtual Status AdvanceSavedSearch(
      const std::string& name, int64_t mark,
      const std::vector<AlertPosition>& positions) = 0;
  // The position keys the alert has seen on the story.
  virtual StatusOr<std::vector<std::string>> ListAlertPositions(
      const std::string& alert, int64_t story) = 0;
  // Stories of the articles with ids in (after, upto] (only `story` if not
  // 0), by id.
  virtual StatusOr<std::vector<int64_t>> ListStoriesOfArticles(
      int64_t after, int64_t upto, int64_t story) = 0;

  // --- Watch state (src/watch) ---
  virtual StatusOr<std::vector<WatchSource>> ListWatchSources() = 0;
  // The source's state; a default one (validators "") if never polled.
  virtual StatusOr<WatchSource> GetWatchSource(const std::string& source) = 0;
  // A poll at `at` ended with `error` ("" for success): failures in a row
  // counted, last_ok moved on success.
  virtual Status RecordPoll(const std::string& source, const std::string& kind,
                            const std::string& at,
                            const std::string& error) = 0;
  virtual Status SaveValidators(const std::string& source,
                                const std::string& etag,
                                const std::string& last_modified) = 0;
  virtual StatusOr<bool> IsSeen(const std::string& url) = 0;
  // Recorded once; a later call for the same URL changes nothing.
  virtual Status MarkSeen(const std::string& url, const std::string& source,
                          int status) = 0;
  virtual StatusOr<std::optional<RawPage>> GetRawPage(
      const std::string& url) = 0;
  // Replaces any page stored for the URL.
  virtual Status PutRawPage(const std::string& url, const RawPage& page) = 0;

  // --- Kept answers (a read model written by whoever computed them; the
  // store gives them no meaning) ---
  // Stores the answers in one transaction, each replacing any kept under its
  // key.
  virtual Status PutKeptAnswers(const std::vector<KeptAnswer>& answers) = 0;
  // The answer kept under `key`, or nullopt. Nullopt too on a read-only
  // store of a schema older than kept answers (it keeps none).
  virtual StatusOr<std::optional<KeptAnswer>> GetKeptAnswer(
      const std::string& key) = 0;
};

}  // namespace marsad

#endif  // MARSAD_STORE_H_
