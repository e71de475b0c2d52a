// Saved searches that alert: each has a query and filters; after every
// ingest or watch cycle, the articles it matches that are newer than the
// last one it reported are written as JSON Lines and optionally POSTed to a
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
// alerts written.
StatusOr<int> RunAlerts(SqliteStore* store, const std::string& out_path,
                        const std::string& webhook);

}  // namespace marsad

#endif  // MARSAD_WATCH_ALERTS_H_
