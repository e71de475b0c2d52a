// Saved searches that alert: each has a query and filters; after every
// watch cycle, the articles it matches that are newer than the last one it
// reported (stored by the watch or by `marsad ingest` since) are written as
// JSON Lines, in the order they were stored, and optionally POSTed to a
// webhook. A match fires once: each search keeps a high-water mark (the
// largest article id it has reported). The alert lines are written and
// flushed before the mark moves, so a crash between the two repeats an alert
// rather than losing it.
#ifndef MARSAD_WATCH_ALERTS_H_
#define MARSAD_WATCH_ALERTS_H_

#include <string>
#include <vector>

#include "marsad/search.h"
#include "marsad/status.h"

namespace marsad {

class SqliteStore;

struct SavedSearch {
  std::string name;
  SearchRequest request;
  int64_t last_article_id = 0;
};

Status AddSavedSearch(SqliteStore* store, const SavedSearch& s);
Status RemoveSavedSearch(SqliteStore* store, const std::string& name);
StatusOr<std::vector<SavedSearch>> ListSavedSearches(SqliteStore* store);

// Runs every saved search; appends one JSON object per new match to
// `out_path` and POSTs the batch to `webhook` if set. Returns the number of
// alerts written. `page_size`: matches read per search query (all are read).
StatusOr<int> RunAlerts(SqliteStore* store, const std::string& out_path,
                        const std::string& webhook, int page_size = 500);

}  // namespace marsad

#endif  // MARSAD_WATCH_ALERTS_H_
