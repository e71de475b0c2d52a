// The state the watcher and the saved searches keep in the store (SqlStore,
// sql_store.h): saved searches and their marks, the positions each
// contradiction alert has seen, the sources' poll state, the URLs seen and
// the raw pages. In the SQL subset both stores accept (upserts by
// ON CONFLICT, which SQLite and PostgreSQL both take).
#include "src/store/article_row.h"
#include "src/store/sql_store.h"

namespace marsad {

namespace {

constexpr char kWatchSourceColumns[] =
    "SELECT source, kind, COALESCE(etag,''), COALESCE(last_modified,''), "
    "COALESCE(last_polled,''), COALESCE(last_ok,''), failures, "
    "COALESCE(last_error,'') "
    "FROM watch_sources";

WatchSource WatchSourceOf(const SqlRow& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.Text(3),
          s.Text(4), s.Text(5), s.Int(6),  s.Text(7)};
}

}  // namespace

StatusOr<std::vector<SavedSearchRow>> SqlStore::ListSavedSearches() {
  std::vector<SavedSearchRow> out;
  RETURN_IF_ERROR(Query(
      "SELECT name, query, filters, last_article_id, created_at FROM alerts "
      "ORDER BY name",
      {}, [&](const SqlRow& s) {
        out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Text(4)});
      }));
  return out;
}

Status SqlStore::AddSavedSearch(const SavedSearchRow& s) {
  bool taken = false;
  RETURN_IF_ERROR(Query("SELECT 1 FROM alerts WHERE name = ?1", {s.name},
                        [&](const SqlRow&) { taken = true; }));
  if (taken)
    return AlreadyExistsError("a saved search named '" + s.name + "' exists");
  return Exec(
      {{"INSERT INTO alerts (name, query, filters, last_article_id) VALUES "
        "(?1, COALESCE(?2, ''), ?3, (SELECT COALESCE(MAX(id), 0) FROM "
        "articles))",
        {s.name, s.query, s.filters}}});
}

Status SqlStore::RemoveSavedSearch(const std::string& name) {
  std::vector<int64_t> changes;
  RETURN_IF_ERROR(
      Exec({{"DELETE FROM alerts WHERE name = ?1", {name}},
            {"DELETE FROM alert_positions WHERE alert = ?1", {name}}},
           &changes));
  if (changes.empty() || changes[0] == 0)
    return NotFoundError("no saved search '" + name + "'");
  return Status::OK();
}

Status SqlStore::AdvanceSavedSearch(
    const std::string& name, int64_t mark,
    const std::vector<AlertPosition>& positions) {
  std::vector<SqlStatement> statements;
  for (const AlertPosition& p : positions) {
    statements.push_back(
        {"INSERT INTO alert_positions (alert, story_id, position, fired) "
         "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
         {name, p.story_id, p.key, int64_t{p.fired}}});
  }
  statements.push_back(
      {"UPDATE alerts SET last_article_id = ?1 WHERE name = ?2", {mark, name}});
  return Exec(statements);
}

StatusOr<std::vector<std::string>> SqlStore::ListAlertPositions(
    const std::string& alert, int64_t story) {
  std::vector<std::string> out;
  RETURN_IF_ERROR(Query(
      "SELECT position FROM alert_positions WHERE alert = ?1 AND story_id = ?2 "
      "ORDER BY position",
      {alert, story}, [&](const SqlRow& s) { out.push_back(s.Text(0)); }));
  return out;
}

StatusOr<std::vector<int64_t>> SqlStore::ListStoriesOfArticles(int64_t after,
                                                               int64_t upto,
                                                               int64_t story) {
  std::vector<int64_t> out;
  RETURN_IF_ERROR(Query(
      "SELECT DISTINCT story_id FROM articles WHERE id > ?1 AND id <= ?2 AND "
      "story_id IS NOT NULL "
      "AND (?3 = 0 OR story_id = ?3) ORDER BY story_id",
      {after, upto, story}, [&](const SqlRow& s) { out.push_back(s.Int(0)); }));
  return out;
}

StatusOr<std::vector<WatchSource>> SqlStore::ListWatchSources() {
  std::vector<WatchSource> out;
  RETURN_IF_ERROR(
      Query(std::string(kWatchSourceColumns) + " ORDER BY source", {},
            [&](const SqlRow& s) { out.push_back(WatchSourceOf(s)); }));
  return out;
}

StatusOr<WatchSource> SqlStore::GetWatchSource(const std::string& source) {
  WatchSource out;
  out.source = source;
  RETURN_IF_ERROR(Query(std::string(kWatchSourceColumns) + " WHERE source = ?1",
                        {source},
                        [&](const SqlRow& s) { out = WatchSourceOf(s); }));
  return out;
}

Status SqlStore::RecordPoll(const std::string& source, const std::string& kind,
                            const std::string& at, const std::string& error) {
  const int64_t ok = error.empty() ? 1 : 0;
  return Exec(
      {{"INSERT INTO watch_sources (source, kind, last_polled, last_ok, "
        "failures, "
        "last_error) VALUES (?1, ?2, ?3, CASE WHEN ?4 = 1 THEN ?3 END, "
        "CASE WHEN ?4 = 1 THEN 0 ELSE 1 END, ?5) "
        "ON CONFLICT(source) DO UPDATE SET last_polled = ?3, "
        "last_ok = CASE WHEN ?4 = 1 THEN ?3 ELSE watch_sources.last_ok END, "
        "failures = CASE WHEN ?4 = 1 THEN 0 ELSE watch_sources.failures + 1 "
        "END, "
        "last_error = ?5",
        {source, kind, at, ok, error}}});
}

Status SqlStore::SaveValidators(const std::string& source,
                                const std::string& etag,
                                const std::string& last_modified) {
  return Exec(
      {{"INSERT INTO watch_sources (source, kind, etag, last_modified) "
        "VALUES (?1, 'url', ?2, ?3) "
        "ON CONFLICT(source) DO UPDATE SET etag = ?2, last_modified = ?3",
        {source, etag, last_modified}}});
}

StatusOr<bool> SqlStore::IsSeen(const std::string& url) {
  bool seen = false;
  RETURN_IF_ERROR(Query("SELECT 1 FROM watch_seen WHERE url = ?1", {url},
                        [&](const SqlRow&) { seen = true; }));
  return seen;
}

Status SqlStore::MarkSeen(const std::string& url, const std::string& source,
                          int status) {
  return Exec(
      {{"INSERT INTO watch_seen (url, source, status) VALUES (?1, ?2, ?3) "
        "ON CONFLICT DO NOTHING",
        {url, source, int64_t{status}}}});
}

StatusOr<std::optional<RawPage>> SqlStore::GetRawPage(const std::string& url) {
  std::optional<RawPage> out;
  RETURN_IF_ERROR(Query(
      "SELECT COALESCE(content_type,''), body FROM raw_pages WHERE url = ?1",
      {url}, [&](const SqlRow& s) {
        out = RawPage{s.Text(0), s.Blob(1)};
      }));
  return out;
}

Status SqlStore::PutRawPage(const std::string& url, const RawPage& page) {
  return Exec(
      {{"INSERT INTO raw_pages (url, content_type, body) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(url) DO UPDATE SET content_type = excluded.content_type, "
        "body = excluded.body, fetched_at = excluded.fetched_at",
        {url, page.content_type, SqlBlob{page.body}}}});
}

// Kept answers: the body zstd-compressed (JSON and HTML shrink five to ten
// times), as the raw input is.
Status SqlStore::PutKeptAnswers(const std::vector<KeptAnswer>& answers) {
  std::vector<SqlStatement> statements;
  for (const KeptAnswer& a : answers) {
    statements.push_back(
        {"INSERT INTO kept_answers (key, version, body) VALUES (?1, ?2, ?3) "
         "ON CONFLICT(key) DO UPDATE SET version = excluded.version, "
         "body = excluded.body",
         {a.key, a.version, SqlBlob{CompressRaw(a.body)}}});
  }
  if (statements.empty()) return Status::OK();
  return Exec(statements);
}

StatusOr<std::optional<KeptAnswer>> SqlStore::GetKeptAnswer(
    const std::string& key) {
  std::optional<KeptAnswer> out;
  if (!KeepsAnswers()) return out;
  std::string body;
  RETURN_IF_ERROR(Query("SELECT version, body FROM kept_answers WHERE key = ?1",
                        {key}, [&](const SqlRow& s) {
                          out = KeptAnswer{key, s.Text(0), ""};
                          body = s.Blob(1);
                        }));
  if (!out) return out;
  ASSIGN_OR_RETURN(out->body, DecompressRaw(body));
  return out;
}

}  // namespace marsad
