// Executes a SearchRequest on a marsad SQLite database (schema in
// src/store/schema.cc): FTS5 MATCH through the marsad tokenizer, BM25
// ranking (title weighted above body), filters, and snippets whose
// highlights are byte spans into the article's clean text.
#ifndef MARSAD_SEARCH_SQLITE_SEARCH_H_
#define MARSAD_SEARCH_SQLITE_SEARCH_H_

#include <sqlite3.h>

#include <string>

#include "marsad/search.h"
#include "marsad/status.h"

namespace marsad {

// Query syntax: words (AND), "quoted phrases", word* (prefix), -word (NOT).
// Returns InvalidArgument for a query with no searchable term and no filter.
StatusOr<SearchResults> SqliteSearch(sqlite3* db, const SearchRequest& request);

// The FTS5 MATCH expression for a user query ("" when it has no term).
std::string BuildMatchExpression(const std::string& query);

}  // namespace marsad

#endif  // MARSAD_SEARCH_SQLITE_SEARCH_H_
