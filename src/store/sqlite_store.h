// The embedded store: one SQLite database file in WAL mode.
#ifndef MARSAD_STORE_SQLITE_STORE_H_
#define MARSAD_STORE_SQLITE_STORE_H_

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "src/store/sqlite_util.h"

#include "marsad/store.h"

namespace marsad {

class SqliteStore final : public Store {
 public:
  static StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                     const StoreOptions& options);
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
  StatusOr<std::vector<StoryRow>> ListStories(const Page& page) override;
  StatusOr<std::optional<StoryRow>> GetStory(int64_t id) override;
  StatusOr<std::optional<Document>> GetArticle(int64_t id, bool with_raw) override;
  Status ForEachArticle(const std::function<void(const Document&)>& fn) override;
  StatusOr<int64_t> CountArticles() override;
  StatusOr<std::vector<RejectedInput>> ListRejected() override;
  StatusOr<SearchResults> Search(const SearchRequest& request) override;
  Status Query(std::string_view sql, const std::vector<SqlParam>& params,
               const std::function<void(const SqlRow&)>& row) override;

  // For code that runs its own SQL on this schema (search, server).
  // REQUIRES: used from the thread that uses this store.
  sqlite3* handle() { return db_; }

 private:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  Status Migrate();
  Status InsertArticle(Document* doc);
  Status InsertFacts(const Document& doc);
  Status UpdateStory(const StoryRow& s);
  StatusOr<StoryRow> ReadStory(int64_t id);

  // Write-path statements, prepared once per connection.
  StatusOr<Stmt*> Cached(std::string_view sql);

  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

}  // namespace marsad

#endif  // MARSAD_STORE_SQLITE_STORE_H_
