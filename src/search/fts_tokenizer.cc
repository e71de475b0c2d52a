#include "src/search/fts_tokenizer.h"

#include <vector>

#include "src/search/terms.h"

namespace marsad {

namespace {

// The tokenizer holds the tables its terms are read with (the store's,
// given at registration); terms come from a pure function of them.
struct MarsadTokenizer {
  const TextTables* tables;
};

int Create(void* tables, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(
      new MarsadTokenizer{static_cast<const TextTables*>(tables)});
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<MarsadTokenizer*>(t); }

// Pre-analyzed input (see PreAnalyze): split on spaces; a "~" term is the
// colocated skeleton of the term before it.
int TokenizePreAnalyzed(void* ctx, const char* text, int n,
                        int (*token)(void*, int, const char*, int, int, int)) {
  int i = 1;
  while (i < n) {
    int j = i;
    while (j < n && text[j] != ' ') ++j;
    if (j > i) {
      int b = text[i] == kAltStem ? i + 1 : i;  // the marker is not indexed
      int flags = (text[i] == '~' || text[i] == kAltStem) && i > 1
                      ? FTS5_TOKEN_COLOCATED
                      : 0;
      if (j > b) {
        int rc = token(ctx, flags, text + b, j - b, i, j);
        if (rc != SQLITE_OK) return rc;
      }
    }
    i = j + 1;
  }
  return SQLITE_OK;
}

int Tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text,
             int n, int (*token)(void*, int, const char*, int, int, int)) {
  if (n > 0 && text[0] == kPreAnalyzed)
    return TokenizePreAnalyzed(ctx, text, n, token);
  bool stems_only = n > 0 && text[0] == kStemsOnly;
  if (stems_only) {
    ++text;
    --n;
  }
  thread_local std::vector<SearchTerm> terms;
  SearchTerms(*reinterpret_cast<MarsadTokenizer*>(tokenizer)->tables,
              std::string_view(text, static_cast<size_t>(n)), &terms,
              /*query=*/(flags & FTS5_TOKENIZE_QUERY) != 0);
  for (const SearchTerm& t : terms) {
    int rc =
        token(ctx, 0, t.stem.data(), static_cast<int>(t.stem.size()),
              static_cast<int>(t.span.begin), static_cast<int>(t.span.end));
    if (rc != SQLITE_OK) return rc;
    // Synonyms: alternatives of the stem in a query, colocated in the index.
    // Not the skeletons of a prefix (تغريد* must not become ~tgrd*, which
    // finds تجريد).
    bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0 || stems_only;
    for (const std::string* syn : {&t.alt, &t.skeleton, &t.alt_skeleton}) {
      if (syn->empty() || (prefix && syn != &t.alt)) continue;
      rc = token(ctx, FTS5_TOKEN_COLOCATED, syn->data(),
                 static_cast<int>(syn->size()), static_cast<int>(t.span.begin),
                 static_cast<int>(t.span.end));
      if (rc != SQLITE_OK) return rc;
    }
    // A short Latin name's Arabic spellings (queries only: the index keeps
    // the Latin word), not for the exact tier or a prefix.
    if (prefix) continue;
    for (const std::string& a : t.latin_arabic) {
      rc =
          token(ctx, FTS5_TOKEN_COLOCATED, a.data(), static_cast<int>(a.size()),
                static_cast<int>(t.span.begin), static_cast<int>(t.span.end));
      if (rc != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
}

}  // namespace

Status RegisterFts5Tokenizer(sqlite3* db, const TextTables& tables) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) !=
      SQLITE_OK) {
    return UnsupportedError("this SQLite has no FTS5");
  }
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr) return UnsupportedError("this SQLite has no FTS5");
  fts5_tokenizer tok{Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, "marsad", const_cast<TextTables*>(&tables),
                            &tok, nullptr) != SQLITE_OK) {
    return InternalError("cannot register the marsad FTS5 tokenizer");
  }
  return Status::OK();
}

}  // namespace marsad
