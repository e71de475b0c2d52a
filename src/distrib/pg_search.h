// Executes a SearchRequest on the PostgreSQL schema (pg_schema.cc): the
// tsvector of marsad's pre-analyzed terms, ts_rank with the title above the
// body, the same filters and the same snippets and highlights as
// src/search/sqlite_search.cc. See pg_store.h for why a hand-built tsvector.
#ifndef MARSAD_DISTRIB_PG_SEARCH_H_
#define MARSAD_DISTRIB_PG_SEARCH_H_

#include <pqxx/pqxx>

#include "marsad/search.h"
#include "marsad/status.h"

namespace marsad {

class TextTables;

// Same query syntax and errors as SqliteSearch. May throw pqxx exceptions
// (the caller, PgStore, turns them into Status).
// The query's terms are read with `tables` (the store's, StoreOptions).
StatusOr<SearchResults> PgSearch(pqxx::work& w, const TextTables& tables,
                                 const SearchRequest& request);

}  // namespace marsad

#endif  // MARSAD_DISTRIB_PG_SEARCH_H_
