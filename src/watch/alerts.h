// Saved searches that alert: each has a query and filters; after every
// watch cycle, the articles it matches that are newer than the last one it
// reported (stored by the watch or by `marsad ingest` since) are written as
// JSON Lines, in the order they were stored, and optionally POSTed to a
// webhook. A match fires once: each search keeps a high-water mark (the
// largest article id it has reported). The alert lines are written and
// flushed before the mark moves, so a crash between the two repeats an alert
// rather than losing it.
//
// A saved alert of kind "positions" (issue 27) fires on a new CONTRADICTION
// instead of new words: when a watched story (request.story), or any story
// with a report matching the query and filters, gains a new position on a
// contested point of its comparison (src/facts/compare.h) — a new figure, a
// new denial, a new party held responsible — that stands in a conflict with
// another position. Each alert line carries the point, the position (value,
// source, outlets, reports) and the report that brought it, with the claim's
// words and span. Only stories with reports newer than the mark are compared
// again. Every position an alert has seen is kept in the store
// (alert_positions: alert, story, position key), so a position fires once; a
// position already carried by a report from before the alert was saved is
// taken as known, never fired. Positions that agree are recorded silently: a
// later report contradicting them fires, they do not.
#ifndef MARSAD_WATCH_ALERTS_H_
#define MARSAD_WATCH_ALERTS_H_

#include <string>
#include <vector>

#include "marsad/search.h"
#include "marsad/status.h"

namespace marsad {

class FactsLexicon;
class Store;

struct SavedSearch {
  std::string name;
  SearchRequest request;
  int64_t last_article_id = 0;
  // "search": new reports matching; "positions": new positions on contested
  // points (kept in the filters' JSON as "kind").
  std::string kind = "search";
};

Status AddSavedSearch(Store* store, const SavedSearch& s);
Status RemoveSavedSearch(Store* store, const std::string& name);
StatusOr<std::vector<SavedSearch>> ListSavedSearches(Store* store);

// Runs every saved search; appends one JSON object per new match to
// `out_path` and POSTs the batch to `webhook` if set. Returns the number of
// alerts written. `page_size`: matches read per search query (all are read).
// `lexicon`: the comparison's tables, for "positions" searches
// (Resources::facts_lexicon()).
StatusOr<int> RunAlerts(Store* store, const FactsLexicon& lexicon,
                        const std::string& out_path, const std::string& webhook,
                        int page_size = 500);

}  // namespace marsad

#endif  // MARSAD_WATCH_ALERTS_H_
