// `marsad watch`: keeps a store current from feeds, sitemaps and folders,
// resumably, and fires saved searches.
//
// A cycle polls every source: a feed or sitemap is fetched conditionally
// (ETag / Last-Modified from the previous poll); each new canonical URL is
// fetched once (robots.txt honoured), stored raw in raw_pages, and passed to
// the ingest pipeline; a folder is scanned (and, between cycles, watched
// with inotify) and new or changed files are ingested. Everything the
// watcher knows — sources, their health, URLs seen — lives in the store, so
// a restart resumes where it stopped and a page is never fetched twice.
// After each cycle, saved searches report their new matches (alerts.h).
#ifndef MARSAD_WATCH_WATCH_H_
#define MARSAD_WATCH_WATCH_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "src/ingest/fields.h"
#include "src/watch/web.h"

namespace marsad {

class Resources;

struct WatchOptions {
  std::string db;
  std::vector<std::string> sources;  // URLs, folders, or @list files
  int interval_s = 300;              // between cycles
  int cycles = 0;                    // 0: until stopped
  std::string alerts_out = "marsad-alerts.jsonl";
  std::string webhook;  // optional URL to POST alerts to
  FetchOptions fetch;
  FieldMap fields;  // record fields of JSONL/CSV files in folders (--field)
  // The tables and models of the per-document stages (not owned; must
  // outlive RunWatch); null: RunWatch loads them once at start
  // (Resources::LoadDefault) and fails if a file is missing or damaged.
  const Resources* resources = nullptr;
};

struct CycleSummary {
  int sources = 0, failed_sources = 0;
  int fetched = 0, not_modified = 0, skipped_robots = 0;
  int stored = 0, alerts = 0;
};

// Runs cycles until `stop` becomes true (checked between documents) or the
// configured number of cycles is done.
Status RunWatch(
    const WatchOptions& options, const std::atomic<bool>& stop,
    const std::function<void(const CycleSummary&)>& on_cycle = nullptr);

// One line per known source: kind, last poll, last success, failures, error.
Status PrintWatchStatus(const std::string& db, std::string* out);

// Expands "@file" list entries (one source per line, '#' comments).
StatusOr<std::vector<std::string>> ExpandSources(
    const std::vector<std::string>& sources);

}  // namespace marsad

#endif  // MARSAD_WATCH_WATCH_H_
