// The embedded store: one SQLite database file in WAL mode.
#ifndef MARSAD_STORE_SQLITE_STORE_H_
#define MARSAD_STORE_SQLITE_STORE_H_

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "marsad/store.h"
#include "src/store/sql_store.h"
#include "src/store/sqlite_util.h"

namespace marsad {

class SqliteStore final : public SqlStore {
 public:
  static StatusOr<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, const StoreOptions& options);
  ~SqliteStore() override;

  StatusOr<bool> HasInput(uint64_t input_hash) override;
  Status WriteBatch(const std::vector<Document*>& docs,
                    const std::vector<StoryRow>& stories,
                    const std::vector<StoryLink>& links) override;
  Status RecordRejected(const RejectedInput& r) override;
  StatusOr<int64_t> MaxArticleId() override;
  StatusOr<int64_t> MaxStoryId() override;
  Status ForEachRecent(const std::string& since,
                       const std::function<void(const Document&)>& fn) override;
  Status ForEachIndexRow(
      const std::function<void(const IndexRow&)>& fn) override;
  StatusOr<std::vector<StoryRow>> ListStories(const Page& page) override;
  StatusOr<std::optional<StoryRow>> GetStory(int64_t id) override;
  StatusOr<std::optional<Document>> GetArticle(int64_t id,
                                               bool with_raw) override;
  Status ForEachArticle(
      const std::function<void(const Document&)>& fn) override;
  StatusOr<int64_t> CountArticles() override;
  StatusOr<std::vector<RejectedInput>> ListRejected() override;
  StatusOr<SearchResults> Search(const SearchRequest& request) override;

  // The connection, for the store's own tests.
  // REQUIRES: used from the thread that uses this store.
  sqlite3* handle() { return db_; }

 protected:
  Status Query(std::string_view sql, const std::vector<SqlParam>& params,
               const std::function<void(const SqlRow&)>& row) override;
  Status Exec(const std::vector<SqlStatement>& statements,
              std::vector<int64_t>* changes) override;
  bool KeepsAnswers() const override { return schema_version_ >= 7; }
  bool HasListingIndexes() const override { return schema_version_ >= 8; }
  bool KeepsTimeline() const override { return schema_version_ >= 9; }
  bool KeepsOutletCounts() const override { return schema_version_ >= 10; }
  bool KeepsThreads() const override { return schema_version_ >= 11; }

 private:
  SqliteStore(sqlite3* db, const TextTables& tables,
              const CleanLexicon& outlets)
      : db_(db), tables_(tables), outlets_(outlets) {}
  Status Migrate();
  // *inserted: false when the input was stored before (skipped).
  Status InsertArticle(Document* doc, bool* inserted);
  // The full-text row of an article InsertArticle wrote (see WriteBatch).
  Status IndexArticle(const Document* doc);
  Status InsertFacts(const Document& doc);
  Status UpdateStory(const StoryRow& s);
  StatusOr<StoryRow> ReadStory(int64_t id);
  Status JoinThreads(int64_t a, int64_t b);

  // Write-path statements, prepared once per connection.
  StatusOr<Stmt*> Cached(std::string_view sql);

  sqlite3* db_;
  // The schema version of the file: the latest once migrated; a read-only
  // store keeps its own (its missing report columns read as NULL).
  const TextTables& tables_;     // of the search terms (StoreOptions)
  const CleanLexicon& outlets_;  // of the outlet filter (StoreOptions)
  int schema_version_ = 0;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

}  // namespace marsad

#endif  // MARSAD_STORE_SQLITE_STORE_H_
