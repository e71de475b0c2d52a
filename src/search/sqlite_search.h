// Executes a SearchRequest on a marsad SQLite database (schema in
// src/store/schema.cc): FTS5 MATCH through the marsad tokenizer, BM25
// ranking (title weighted above body), filters, and snippets whose
// highlights are byte spans into the article's clean text.
//
// Ranking in two tiers: articles where every word of the query matches by
// its stem (the spelling typed, up to light stemming and clitics) come
// before articles found only through a consonant skeleton; BM25 orders each
// tier. Skeletons are for recall of other spellings, and a skeleton is
// shared by unrelated words (بوتين and الباطن are both b-t-n): without the
// tiers, a short text repeating الباطن outranked every report on بوتين
// (tests/gold/search, P@10 of بوتين 0.1).
#ifndef MARSAD_SEARCH_SQLITE_SEARCH_H_
#define MARSAD_SEARCH_SQLITE_SEARCH_H_

#include <sqlite3.h>

#include <string>

#include "marsad/search.h"
#include "marsad/status.h"

namespace marsad {

class TextTables;

// Query syntax: words (AND), "quoted phrases", word* (prefix), -word (NOT).
// Returns InvalidArgument for a query with no searchable term and no filter.
// The query's terms are read with `tables`, the ones the connection's
// tokenizer was registered with (RegisterFts5Tokenizer).
StatusOr<SearchResults> SqliteSearch(sqlite3* db, const TextTables& tables,
                                     const SearchRequest& request);

// The FTS5 MATCH expression for a user query ("" when it has no term).
// `stems_only`: its words match by their stems (and alternate stems) only,
// not by their consonant skeletons.
std::string BuildMatchExpression(const TextTables& tables,
                                 const std::string& query,
                                 bool stems_only = false);

}  // namespace marsad

#endif  // MARSAD_SEARCH_SQLITE_SEARCH_H_
