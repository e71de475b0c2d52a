#include "src/watch/alerts.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "src/store/sqlite_store.h"
#include "src/store/sqlite_util.h"

namespace marsad {

using json = nlohmann::json;

namespace {

json FiltersOf(const SearchRequest& r) {
  json f = json::object();
  if (!r.outlet.empty()) f["outlet"] = r.outlet;
  if (!r.from.empty()) f["from"] = r.from;
  if (!r.to.empty()) f["to"] = r.to;
  if (r.story) f["story"] = r.story;
  if (!r.entity.empty()) f["entity"] = r.entity;
  if (!r.event_type.empty()) f["event_type"] = r.event_type;
  return f;
}

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

size_t Discard(char*, size_t size, size_t n, void*) { return size * n; }

Status PostJson(const std::string& url, const std::string& body) {
  CURL* c = curl_easy_init();
  if (!c) return InternalError("curl_easy_init");
  curl_slist* h = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Discard);
  CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(h);
  curl_easy_cleanup(c);
  if (rc != CURLE_OK) return UnavailableError("webhook: " + std::string(curl_easy_strerror(rc)));
  if (status >= 300) return UnavailableError("webhook: HTTP " + std::to_string(status));
  return Status::OK();
}

}  // namespace

Status AddSavedSearch(SqliteStore* store, const SavedSearch& s) {
  ASSIGN_OR_RETURN(Stmt st, Stmt::Prepare(store->handle(),
      "INSERT INTO alerts (name, query, filters, last_article_id) VALUES "
      "(?1, ?2, ?3, (SELECT COALESCE(MAX(id), 0) FROM articles))"));
  st.Bind(1, s.name).BindNonNull(2, s.request.query).Bind(3, FiltersOf(s.request).dump());
  Status r = st.Run();
  if (!r.ok()) return AlreadyExistsError("a saved search named '" + s.name + "' exists");
  return Status::OK();
}

Status RemoveSavedSearch(SqliteStore* store, const std::string& name) {
  ASSIGN_OR_RETURN(Stmt st, Stmt::Prepare(store->handle(), "DELETE FROM alerts WHERE name = ?"));
  st.Bind(1, name);
  RETURN_IF_ERROR(st.Run());
  if (sqlite3_changes(store->handle()) == 0) return NotFoundError("no saved search '" + name + "'");
  return Status::OK();
}

StatusOr<std::vector<SavedSearch>> ListSavedSearches(SqliteStore* store) {
  ASSIGN_OR_RETURN(Stmt st, Stmt::Prepare(store->handle(),
      "SELECT name, query, filters, last_article_id FROM alerts ORDER BY name"));
  std::vector<SavedSearch> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    SavedSearch s;
    s.name = st.Text(0);
    s.request.query = st.Text(1);
    json f = json::parse(st.Text(2), nullptr, false);
    if (f.is_object()) {
      s.request.outlet = f.value("outlet", "");
      s.request.from = f.value("from", "");
      s.request.to = f.value("to", "");
      s.request.story = f.value("story", int64_t{0});
      s.request.entity = f.value("entity", "");
      s.request.event_type = f.value("event_type", "");
    }
    s.last_article_id = st.Int(3);
    out.push_back(std::move(s));
  }
  return out;
}

StatusOr<int> RunAlerts(SqliteStore* store, const std::string& out_path,
                        const std::string& webhook, int page_size) {
  ASSIGN_OR_RETURN(auto searches, ListSavedSearches(store));
  page_size = std::clamp(page_size, 1, 500);  // search's own bounds
  int fired = 0;
  for (SavedSearch& s : searches) {
    // Every new match, page by page (search pages are ranked by relevance:
    // stopping at the first page would move the mark past matches never
    // reported), then reported in the order they were stored.
    SearchRequest r = s.request;
    r.after_id = s.last_article_id;
    std::vector<SearchHit> hits;
    for (int offset = 0;; offset += page_size) {
      r.page = Page{page_size, offset};
      ASSIGN_OR_RETURN(SearchResults res, store->Search(r));
      for (SearchHit& h : res.hits) hits.push_back(std::move(h));
      if (res.hits.size() < static_cast<size_t>(page_size) ||
          hits.size() >= static_cast<size_t>(res.total)) {
        break;
      }
    }
    if (hits.empty()) continue;
    std::sort(hits.begin(), hits.end(),
              [](const SearchHit& a, const SearchHit& b) {
                return a.article_id < b.article_id;
              });
    hits.erase(std::unique(hits.begin(), hits.end(),
                           [](const SearchHit& a, const SearchHit& b) {
                             return a.article_id == b.article_id;
                           }),
               hits.end());
    json batch = json::array();
    int64_t high = s.last_article_id;
    for (const SearchHit& h : hits) {
      high = std::max(high, h.article_id);
      batch.push_back({{"alert", s.name}, {"query", s.request.query},
                       {"article_id", h.article_id}, {"story_id", h.story_id},
                       {"title", h.title}, {"outlet", h.outlet}, {"published", h.published},
                       {"snippet", h.snippet}, {"fired_at", NowIso()}});
    }
    std::FILE* f = std::fopen(out_path.c_str(), "a");
    if (f == nullptr) return IOError(out_path + ": cannot append");
    for (const json& line : batch) std::fprintf(f, "%s\n", line.dump().c_str());
    bool ok = std::fflush(f) == 0 && std::fclose(f) == 0;
    if (!ok) return IOError(out_path + ": write error");
    if (!webhook.empty()) {
      Status st = PostJson(webhook, batch.dump());
      if (!st.ok()) std::fprintf(stderr, "marsad: alert '%s': %s\n", s.name.c_str(), st.ToString().c_str());
    }
    ASSIGN_OR_RETURN(Stmt up, Stmt::Prepare(store->handle(),
        "UPDATE alerts SET last_article_id = ? WHERE name = ?"));
    up.Bind(1, high).Bind(2, s.name);
    RETURN_IF_ERROR(up.Run());
    fired += static_cast<int>(batch.size());
  }
  return fired;
}

}  // namespace marsad
