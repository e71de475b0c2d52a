// The shared store: PostgreSQL through libpqxx 6.4.
//
// Why it looks like SqliteStore. Both implement one Store contract (see
// include/marsad/store.h and the contract suite store_contract_test.cc): the
// same tables, articles keyed by input_hash, a batch in one transaction, story
// aggregates recomputed from the articles inside that transaction. The
// schema is the SQLite one translated column for column (BIGINT ids, BYTEA
// blobs, DOUBLE PRECISION coordinates), so the read models written once in
// SqlStore (src/store/sql_store.h) run unchanged: the store rewrites "?N"
// into typed "$N" parameters and defines instr() as strpos().
//
// Idempotence. An article is inserted with ON CONFLICT (input_hash) DO
// NOTHING; when the row exists the stored id is returned and the story is
// left alone, exactly as SqliteStore does. Several writers may open the same
// database; story ids are assigned by the single assigner (docs/scaling.md),
// so the store itself takes no application lock beyond the transaction.
//
// Migrations. marsad_schema(version) records the applied version; each
// migration runs in its own transaction under a transaction-scoped advisory
// lock, so processes that start together migrate once.
//
// Search. The documents carry marsad's own pre-analyzed terms
// (Document::index_terms, src/search/terms.h). They are stored verbatim in a
// tsvector built by hand, not by to_tsvector: each stem gets its position,
// each consonant skeleton ("~...") the position of its stem (PostgreSQL's
// answer to FTS5's colocated tokens), title terms weight A and body terms
// weight D, and a gap of two positions between title and body so no phrase
// spans them. Queries go through the same SearchTerms analysis into a
// tsquery: a word is (stem | skeleton), a quoted phrase joins its words with
// <->, word* is a prefix (:*), -word is negated. Ranking is ts_rank with
// the title weighing three times the body (weights 1 and 1/3: ts_rank wants
// them in [0, 1]), normalized by document length: not BM25, but it orders
// the same matches in the same spirit; the contract tests check that both
// stores return the same hits and the same best hit on clear cases.
//
// Thread safety: one PgStore (one connection) per thread, like SqliteStore.
#ifndef MARSAD_DISTRIB_PG_STORE_H_
#define MARSAD_DISTRIB_PG_STORE_H_

#include <memory>
#include <string>

#include "marsad/store.h"

namespace marsad {

// Opens (and, unless read-only, creates and migrates) the PostgreSQL store
// at `url` ("postgresql://user@host:port/db").
StatusOr<std::unique_ptr<Store>> OpenPgStore(const std::string& url,
                                             const StoreOptions& options);

// Makes Store::Open accept "postgresql://" URLs in this binary.
void RegisterPgStore();

// The tsvector literal for a document's pre-analyzed title and body terms
// (PreAnalyze form). Exposed for tests.
std::string BuildTsvectorLiteral(const std::string& title_terms,
                                 const std::string& body_terms);
// The tsquery literal for a user query ("" when it has no term);
// `stems_only`: without the skeletons (the ranking's exact tier).
std::string BuildTsquery(const TextTables& tables, const std::string& query,
                         bool stems_only = false);

}  // namespace marsad

#endif  // MARSAD_DISTRIB_PG_STORE_H_
