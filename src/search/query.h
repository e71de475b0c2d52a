// A user's search query as both stores read it: words (AND), "quoted
// phrases", word* (prefix), -word (NOT); and the highlights of a hit, as
// byte spans of the article's text with a snippet around the first. One
// implementation for SQLite (src/search/sqlite_search.cc) and PostgreSQL
// (src/distrib/pg_search.cc), so that both parse and highlight alike.
//
// Thread safety: pure functions of their arguments (the terms are read
// with the TextTables given, src/search/terms.h).
#ifndef MARSAD_SEARCH_QUERY_H_
#define MARSAD_SEARCH_QUERY_H_

#include <string>
#include <vector>

#include "marsad/search.h"

namespace marsad {

class TextTables;

struct QueryUnit {
  std::string text;  // one word or a phrase
  bool phrase = false, prefix = false, negated = false;
};

// The units of a query with at least one searchable term each.
std::vector<QueryUnit> ParseQuery(const TextTables& tables,
                                  const std::string& q);

// Highlights (every word matching a positive unit by its stem, a synonym,
// a Latin name's Arabic spelling or a prefix; at most 64) and the snippet
// of `text` for `hit`.
void Highlight(const TextTables& tables, const std::string& text,
               const std::vector<QueryUnit>& units, SearchHit* hit);

}  // namespace marsad

#endif  // MARSAD_SEARCH_QUERY_H_
