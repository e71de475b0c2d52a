#include "src/search/sqlite_search.h"

#include <algorithm>
#include <vector>

#include "src/search/query.h"
#include "src/search/terms.h"

namespace marsad {

namespace {

std::string FtsQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string BuildMatchExpression(const TextTables& tables,
                                 const std::string& query, bool stems_only) {
  std::vector<QueryUnit> units = ParseQuery(tables, query);
  std::string pos, neg;
  for (const QueryUnit& u : units) {
    std::string text = stems_only && !u.negated ? kStemsOnly + u.text : u.text;
    std::string term = FtsQuote(text) + (u.prefix ? " *" : "");
    std::string& dst = u.negated ? neg : pos;
    if (u.negated) {
      dst += " NOT " + term;
    } else {
      if (!dst.empty()) dst += " AND ";
      dst += term;
    }
  }
  if (pos.empty()) return "";
  return pos + neg;
}

namespace {

// Whether the store has the filter index of schema v4 (a store opened
// read-only is not migrated, and the tests build bare tables).
bool HasFilterIndex(sqlite3* db) {
  sqlite3_stmt* s = nullptr;
  bool found = false;
  if (sqlite3_prepare_v2(db,
                         "SELECT 1 FROM sqlite_schema WHERE type = 'index' "
                         "AND name = 'articles_filter'",
                         -1, &s, nullptr) == SQLITE_OK) {
    found = sqlite3_step(s) == SQLITE_ROW;
  }
  sqlite3_finalize(s);
  return found;
}

}  // namespace

StatusOr<SearchResults> SqliteSearch(sqlite3* db, const TextTables& tables,
                                     const SearchRequest& req) {
  std::string match = BuildMatchExpression(tables, req.query);
  bool has_filter = !req.outlet.empty() || !req.from.empty() ||
                    !req.to.empty() || req.story || !req.entity.empty() ||
                    !req.event_type.empty() || req.after_id;
  if (match.empty() && !has_filter) {
    return InvalidArgumentError("the query has no searchable word");
  }
  // CROSS JOIN keeps the FTS scan outside: otherwise SQLite may walk an
  // outlet's articles and probe the FTS index once per article (60 ms
  // instead of 10 for a common word with --outlet). The filters read the
  // narrow index articles_filter (schema v4), not the articles' rows: a
  // row is one or more pages of text, and a word found in half the corpus
  // with a date filter read 15,000 of them (97 -> 26 ms, bench/search_bench).
  std::string from = match.empty() ? "FROM articles a"
                     : HasFilterIndex(db)
                         ? "FROM articles_fts CROSS JOIN articles a INDEXED BY "
                           "articles_filter ON a.id = articles_fts.rowid"
                         : "FROM articles_fts CROSS JOIN articles a ON a.id = "
                           "articles_fts.rowid";
  std::string where = match.empty() ? "WHERE 1" : "WHERE articles_fts MATCH ?1";
  if (!req.outlet.empty()) where += " AND a.outlet = ?2";
  if (!req.from.empty()) where += " AND substr(a.published,1,10) >= ?3";
  if (!req.to.empty()) where += " AND substr(a.published,1,10) <= ?4";
  if (req.story) where += " AND a.story_id = ?5";
  if (req.after_id) where += " AND a.id > ?8";
  if (!req.entity.empty()) {
    where +=
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND "
        "m.entity_id = ?6)";
  }
  if (!req.event_type.empty()) {
    where +=
        " AND EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND "
        "e.plover = ?7)";
  }
  // The exact tier adds 1000 to the score (BM25 scores stay far below).
  std::string exact =
      BuildMatchExpression(tables, req.query, /*stems_only=*/true);
  std::string score =
      match.empty()
          ? "0.0"
          : "(-bm25(articles_fts, 3.0, 1.0) + 1000.0 * (articles_fts.rowid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?9)))";
  auto bind = [&](sqlite3_stmt* s) {
    if (!match.empty())
      sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    if (!match.empty())
      sqlite3_bind_text(s, 9, exact.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, req.outlet.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, req.from.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, req.to.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 5, req.story);
    sqlite3_bind_text(s, 6, req.entity.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 7, req.event_type.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 8, req.after_id);
  };
  SearchResults results;
  // Without filters the FTS table alone answers (no join to articles).
  const bool fts_only = !match.empty() && !has_filter;
  if (fts_only) from = "FROM articles_fts";
  std::string count_sql = "SELECT COUNT(*) " + from + " " + where;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, count_sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    return InternalError(std::string("search: ") + sqlite3_errmsg(db));
  }
  bind(s);
  if (sqlite3_step(s) == SQLITE_ROW) results.total = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  int limit = std::clamp(req.page.limit, 1, 500);
  // Rank ids and scores first, then read the page's rows: ordering the full
  // rows would carry every match's text through the sorter (thousands of
  // articles for a common word) to keep twenty.
  std::string rid = match.empty() ? "a.id" : "articles_fts.rowid";
  std::string inner =
      "SELECT " + rid + " AS rid, " + score + " AS score" +
      (match.empty() ? ", COALESCE(a.published,'') AS pub " : " ") + from +
      " " + where +
      (match.empty() ? " ORDER BY pub DESC, rid DESC"
                     : " ORDER BY score DESC, rid") +
      " LIMIT " + std::to_string(limit) + " OFFSET " +
      std::to_string(std::max(0, req.page.offset));
  std::string sql =
      "SELECT a.id, COALESCE(a.story_id,0), COALESCE(a.title,''), "
      "COALESCE(a.outlet,''), COALESCE(a.published,''), t.score, a.text FROM "
      "(" +
      inner + ") t JOIN articles a ON a.id = t.rid ORDER BY " +
      (match.empty() ? "COALESCE(a.published,'') DESC, a.id DESC"
                     : "t.score DESC, a.id");
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    return InternalError(std::string("search: ") + sqlite3_errmsg(db));
  }
  bind(s);
  std::vector<QueryUnit> units = ParseQuery(tables, req.query);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    SearchHit h;
    h.article_id = sqlite3_column_int64(s, 0);
    h.story_id = sqlite3_column_int64(s, 1);
    h.title = reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
    h.outlet = reinterpret_cast<const char*>(sqlite3_column_text(s, 3));
    h.published = reinterpret_cast<const char*>(sqlite3_column_text(s, 4));
    h.score = sqlite3_column_double(s, 5);
    const char* text = reinterpret_cast<const char*>(sqlite3_column_text(s, 6));
    Highlight(tables, text ? text : "", units, &h);
    results.hits.push_back(std::move(h));
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE)
    return InternalError(std::string("search: ") + sqlite3_errmsg(db));
  return results;
}

}  // namespace marsad
