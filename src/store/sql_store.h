// The read models of the Store interface, written once in the SQL that both
// stores accept, over a small runner each store implements.
//
// Why one implementation. SQLite and PostgreSQL hold the same tables column
// for column (src/store/schema.cc, src/distrib/pg_schema.cc), and every
// listing the API, the CLI, the watcher and the alerts need is a plain
// SELECT on them. Writing each read model twice would make two copies to
// keep identical; instead SqlStore implements them in the common subset
// (SQLite syntax with ?N parameters, COUNT, MIN, MAX, COALESCE, substr and
// instr, ON CONFLICT upserts, no output alias in WHERE, GROUP BY only on
// primary keys or selected columns), and each store supplies Query and Exec
// for its dialect (PostgreSQL rewrites ?N into typed $N and defines instr).
// The contract suite (src/distrib/store_contract_test.cc) runs every read
// model on both. SQL lives here and in the two store implementations only:
// callers see the typed rows of include/marsad/store.h (a ctest greps
// src/server, src/watch and tools for SQL).
//
// Thread safety: as Store, one thread at a time.
#ifndef MARSAD_STORE_SQL_STORE_H_
#define MARSAD_STORE_SQL_STORE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "marsad/store.h"

namespace marsad {

// One result row. Valid during the callback.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string Text(int col) const = 0;  // "" for NULL
  virtual std::string Blob(int col) const = 0;  // "" for NULL
};

// Bytes bound as a BLOB (SQLite) or BYTEA (PostgreSQL).
struct SqlBlob {
  std::string bytes;
};

// A parameter. An empty string binds NULL, so "?1 IS NULL" tests for an
// absent filter.
using SqlParam = std::variant<int64_t, double, std::string, SqlBlob>;

struct SqlStatement {
  std::string sql;
  std::vector<SqlParam> params;
};

class SqlStore : public Store {
 public:
  StatusOr<int64_t> CountStories() override;
  StatusOr<std::optional<StorySummary>> GetStorySummary(int64_t id) override;
  StatusOr<Listing<StorySummary>> ListThreadStories(int64_t thread,
                                                    const Page& page) override;
  StatusOr<std::vector<OutletCount>> ListOutlets(int limit) override;
  StatusOr<OutletSummary> GetOutletSummary(const std::string& outlet) override;
  StatusOr<std::vector<OutletStory>> ListOutletStories(
      const std::string& outlet, int limit) override;
  Status ForEachOutletAnalysis(
      const std::string& outlet, int limit,
      const std::function<void(const std::string&)>& fn) override;
  StatusOr<std::vector<Publication>> ListStoryPublications(
      int64_t story) override;
  StatusOr<Listing<EntityRow>> ListEntities(const std::string& q,
                                            const std::string& type,
                                            const Page& page) override;
  StatusOr<std::optional<EntityRow>> GetEntity(const std::string& id) override;
  StatusOr<std::vector<TextCount>> ListEntityVariants(const std::string& id,
                                                      int limit) override;
  StatusOr<Listing<ArticleMentions>> ListEntityArticles(
      const std::string& id, const Page& page) override;
  StatusOr<std::vector<EntityRow>> ListRelatedEntities(const std::string& id,
                                                       int limit) override;
  StatusOr<Listing<EventRow>> ListEvents(const EventFilter& filter,
                                         const Page& page) override;
  StatusOr<std::vector<DayCount>> ListTimeline(
      const EventFilter& filter) override;
  StatusOr<std::vector<PlacePoint>> ListPlaces(const EventFilter& filter,
                                               int limit) override;
  StatusOr<std::vector<EventPoint>> ListEventPoints(const EventFilter& filter,
                                                    int limit) override;

  StatusOr<std::vector<SavedSearchRow>> ListSavedSearches() override;
  Status AddSavedSearch(const SavedSearchRow& s) override;
  Status RemoveSavedSearch(const std::string& name) override;
  Status AdvanceSavedSearch(
      const std::string& name, int64_t mark,
      const std::vector<AlertPosition>& positions) override;
  StatusOr<std::vector<std::string>> ListAlertPositions(
      const std::string& alert, int64_t story) override;
  StatusOr<std::vector<int64_t>> ListStoriesOfArticles(int64_t after,
                                                       int64_t upto,
                                                       int64_t story) override;

  StatusOr<std::vector<WatchSource>> ListWatchSources() override;
  StatusOr<WatchSource> GetWatchSource(const std::string& source) override;
  Status RecordPoll(const std::string& source, const std::string& kind,
                    const std::string& at, const std::string& error) override;
  Status SaveValidators(const std::string& source, const std::string& etag,
                        const std::string& last_modified) override;
  StatusOr<bool> IsSeen(const std::string& url) override;
  Status MarkSeen(const std::string& url, const std::string& source,
                  int status) override;
  StatusOr<std::optional<RawPage>> GetRawPage(const std::string& url) override;
  Status PutRawPage(const std::string& url, const RawPage& page) override;

  Status PutKeptAnswers(const std::vector<KeptAnswer>& answers) override;
  StatusOr<std::optional<KeptAnswer>> GetKeptAnswer(
      const std::string& key) override;

 protected:
  // A total kept in listing_counts (schema v8; 0 if none kept).
  StatusOr<int64_t> ListingCount(const std::string& name);
  StatusOr<Listing<EventRow>> ListEventsByScan(const EventFilter& filter,
                                               const Page& page);
  // Runs a query in the common subset; `row` is called once per result row.
  virtual Status Query(std::string_view sql,
                       const std::vector<SqlParam>& params,
                       const std::function<void(const SqlRow&)>& row) = 0;
  // Runs the statements in order in one transaction (all or none). If
  // `changes` is given it receives the rows each statement changed.
  virtual Status Exec(const std::vector<SqlStatement>& statements,
                      std::vector<int64_t>* changes = nullptr) = 0;
  // Whether the schema has the kept_answers table (a read-only store of an
  // older schema has not).
  virtual bool KeepsAnswers() const = 0;
  // Whether the schema has the listings' indexes and totals (SQLite v8,
  // PostgreSQL v6). Without them (a read-only store of an older schema) the
  // listings give the same answers by reading every row, as before.
  virtual bool HasListingIndexes() const = 0;
  // Whether the schema keeps the timeline's days (SQLite v9, PostgreSQL v7).
  virtual bool KeepsTimeline() const = 0;
  // Whether stories carry their thread (thread_id; SQLite v11, PostgreSQL
  // v9). Without it every story is a thread of one.
  virtual bool KeepsThreads() const = 0;
  // The thread of the stories row named `s` in a query, as an expression.
  std::string ThreadColumn(const std::string& s) const;
  // Whether the schema keeps the outlets' report counts and the index of
  // the newest located events (SQLite v10, PostgreSQL v8).
  virtual bool KeepsOutletCounts() const = 0;
};

}  // namespace marsad

#endif  // MARSAD_STORE_SQL_STORE_H_
