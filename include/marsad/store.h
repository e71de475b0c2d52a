// The store: where articles, stories and their facts live. One interface,
// implementations for SQLite (embedded default) and, later, PostgreSQL.
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
#include <string_view>
#include <variant>
#include <vector>

#include "marsad/document.h"
#include "marsad/search.h"
#include "marsad/status.h"

namespace marsad {

struct StoreOptions {
  bool read_only = false;
};

struct StoryRow {
  int64_t id = 0;
  std::string title;
  std::string first_seen;  // earliest published date of its reports, or ""
  std::string last_seen;
  std::vector<int64_t> articles;
  std::vector<std::string> outlets;  // distinct, in order of first report
  std::vector<int64_t> related;      // related (not same) stories
};

struct StoryLink {
  int64_t a = 0, b = 0;  // a < b
  double score = 0;
};

struct RejectedInput {
  std::string source;
  std::string reason;
};

// One row of a listing query (Store::Query). Valid during the callback.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string Text(int col) const = 0;  // "" for NULL
};

// A parameter of a listing query. An empty string binds NULL (as
// Stmt::Bind does), so "?1 IS NULL" tests for an absent filter.
using SqlParam = std::variant<int64_t, double, std::string>;

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
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& url,
                                               const StoreOptions& options = {});
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
  virtual Status ForEachRecent(const std::string& since,
                               const std::function<void(const Document&)>& fn) = 0;

  // --- Read path ---
  virtual StatusOr<std::vector<StoryRow>> ListStories(const Page& page) = 0;
  virtual StatusOr<std::optional<StoryRow>> GetStory(int64_t id) = 0;
  // With analysis (entities, quotes, ...) but without raw unless asked.
  virtual StatusOr<std::optional<Document>> GetArticle(int64_t id,
                                                       bool with_raw = false) = 0;
  virtual Status ForEachArticle(const std::function<void(const Document&)>& fn) = 0;
  virtual StatusOr<int64_t> CountArticles() = 0;
  virtual StatusOr<std::vector<RejectedInput>> ListRejected() = 0;
  virtual StatusOr<SearchResults> Search(const SearchRequest& request) = 0;

  // --- Listings (the server's entity, event, outlet, timeline and map
  // listings) ---
  // Runs a read-only query written in the subset of SQL both stores accept:
  // SQLite syntax with ?N parameters, the functions COUNT, MIN, MAX,
  // COALESCE, substr and instr, no output alias used in WHERE, GROUP BY only
  // on primary keys or selected columns. The domain operations above are the
  // contract; this is the narrow escape hatch for ad-hoc listings, so that
  // they need no per-store code. `row` is called once per result row.
  virtual Status Query(std::string_view sql, const std::vector<SqlParam>& params,
                       const std::function<void(const SqlRow&)>& row) = 0;
};

}  // namespace marsad

#endif  // MARSAD_STORE_H_
