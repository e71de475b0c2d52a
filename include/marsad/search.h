// Search requests and results: full-text search over articles with
// marsad's Arabic analysis (normalization, clitics, stems), BM25 ranking and
// filters. Executed by the store (Store::Search), which owns the index.
#ifndef MARSAD_SEARCH_H_
#define MARSAD_SEARCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "marsad/document.h"

namespace marsad {

struct Page {
  int limit = 50;
  int offset = 0;
};

struct SearchRequest {
  // Words (any spelling variant, clitics attached or not), "quoted phrases",
  // prefix* queries; a Latin name also matches its Arabic spellings.
  std::string query;
  std::string outlet;      // exact outlet name, or "" for all
  std::string from, to;    // ISO dates (inclusive), or ""
  int64_t story = 0;       // 0 = all stories
  std::string entity;      // entity id, or ""
  std::string event_type;  // PLOVER type, or ""
  int64_t after_id = 0;    // only articles with a larger id (saved searches)
  Page page;
};

struct SearchHit {
  int64_t article_id = 0;
  int64_t story_id = 0;
  std::string title, outlet, published;
  double score = 0;              // higher is better
  std::string snippet;           // an excerpt of the clean text
  Span snippet_span;             // where the excerpt sits in the clean text
  std::vector<Span> highlights;  // matched words, spans into the clean text
};

struct SearchResults {
  int64_t total = 0;
  std::vector<SearchHit> hits;
};

}  // namespace marsad

#endif  // MARSAD_SEARCH_H_
