#include "src/watch/alerts.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "marsad/store.h"
#include "src/facts/compare.h"

namespace marsad {

using json = nlohmann::json;

namespace {

json FiltersOf(const SavedSearch& s) {
  const SearchRequest& r = s.request;
  json f = json::object();
  if (s.kind != "search") f["kind"] = s.kind;
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
  if (rc != CURLE_OK)
    return UnavailableError("webhook: " + std::string(curl_easy_strerror(rc)));
  if (status >= 300)
    return UnavailableError("webhook: HTTP " + std::to_string(status));
  return Status::OK();
}

// What makes a position the same one on a later run: its point, its value
// and modality, its source.
std::string PositionKey(const ContestedPoint& p, const PointPosition& pos) {
  return p.about + "|" + p.scope + "|" + pos.slot + "|" + pos.modality + "|" +
         pos.value + "|" + pos.source;
}

// As src/server/brief.h names a report without an outlet.
std::string ReaderOutlet(const Document& d) {
  if (!d.outlet.empty()) return d.outlet;
  if (!d.agency.empty()) return d.agency;
  return "وسيلة غير معروفة (التقرير " + std::to_string(d.id) + ")";
}

// Stories with reports stored after `mark` (up to `high`) that the alert
// watches: its story, else those with a report matching its query.
StatusOr<std::vector<int64_t>> StoriesToCompare(Store* store,
                                                const SavedSearch& s,
                                                int64_t high) {
  ASSIGN_OR_RETURN(
      std::vector<int64_t> stories,
      store->ListStoriesOfArticles(s.last_article_id, high, s.request.story));
  if (s.request.query.empty() && s.request.outlet.empty() &&
      s.request.entity.empty() && s.request.event_type.empty() &&
      s.request.from.empty() && s.request.to.empty()) {
    return stories;
  }
  std::vector<int64_t> kept;
  for (int64_t id : stories) {
    SearchRequest r = s.request;
    r.story = id;
    r.page = Page{1, 0};
    ASSIGN_OR_RETURN(SearchResults res, store->Search(r));
    if (res.total > 0) kept.push_back(id);
  }
  return kept;
}

struct NewPosition {
  int64_t story = 0;
  std::string key;
  bool fire = false;
  json line;
};

// The alert line of position `i` of point `p`, brought by its earliest
// report after the mark.
json PositionAlert(const SavedSearch& s, const StoryRow& story,
                   const Comparison& c, const ContestedPoint& p, size_t i,
                   const std::vector<Document>& docs) {
  const PointPosition& pos = p.positions[i];
  const ComparedClaim* first = nullptr;
  for (int k : pos.claims) {
    const ComparedClaim& cc = c.claims[k];
    if (cc.article > s.last_article_id &&
        (!first || cc.article < first->article))
      first = &cc;
  }
  if (!first) first = &c.claims[pos.claims.front()];
  const Document* doc = nullptr;
  for (const Document& d : docs) {
    if (d.id == first->article) doc = &d;
  }
  std::map<std::string, std::string> names;
  for (const Document& d : docs) names[OutletLabel(d)] = ReaderOutlet(d);
  auto readable = [&](const std::vector<std::string>& outlets) {
    json out = json::array();
    for (const std::string& o : outlets)
      out.push_back(names.count(o) ? names[o] : o);
    return out;
  };
  json against = json::array();
  for (auto [a, b] : p.conflicts) {
    if (a != i && b != i) continue;
    const PointPosition& other = p.positions[a == i ? b : a];
    against.push_back({{"value", other.value},
                       {"label", PositionLabel(other)},
                       {"source", other.source},
                       {"outlets", readable(other.outlets)},
                       {"reports", other.reports},
                       {"first_seen", other.first_seen}});
  }
  return {
      {"alert", s.name},
      {"kind", "new_position"},
      {"query", s.request.query},
      {"story_id", story.id},
      {"story_title", story.title},
      {"point",
       {{"kind", p.kind},
        {"about", p.about},
        {"scope", p.scope},
        {"label", PointLabel(p)}}},
      {"position",
       {{"value", pos.value},
        {"label", PositionLabel(pos)},
        {"modality", pos.modality},
        {"source", pos.source},
        {"outlets", readable(pos.outlets)},
        {"reports", pos.reports},
        {"first_seen", pos.first_seen}}},
      {"against", std::move(against)},
      {"article_id", first->article},
      {"outlet", doc ? ReaderOutlet(*doc) : first->outlet},
      {"title", doc ? doc->title : ""},
      {"url", doc ? doc->url : ""},
      {"published", doc ? doc->published : ""},
      {"words", first->text},
      {"span",
       {{"begin", first->claim.span.begin}, {"end", first->claim.span.end}}},
      {"fired_at", NowIso()}};
}

// The positions of one story this alert has not seen: new on a contested
// point and in a conflict (fire), or to be recorded silently.
StatusOr<std::vector<NewPosition>> StoryPositions(Store* store,
                                                  const FactsLexicon& lexicon,
                                                  const SavedSearch& s,
                                                  int64_t story_id) {
  std::vector<NewPosition> out;
  ASSIGN_OR_RETURN(auto story, store->GetStory(story_id));
  if (!story) return out;
  std::vector<Document> docs;
  for (int64_t a : story->articles) {
    ASSIGN_OR_RETURN(auto d, store->GetArticle(a, false));
    if (d) docs.push_back(std::move(*d));
  }
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  Comparison c = CompareStory(lexicon, ptrs);
  ASSIGN_OR_RETURN(std::vector<std::string> known,
                   store->ListAlertPositions(s.name, story_id));
  std::set<std::string> seen(known.begin(), known.end());
  for (const ContestedPoint& p : c.points) {
    for (size_t i = 0; i < p.positions.size(); ++i) {
      std::string key = PositionKey(p, p.positions[i]);
      if (seen.count(key)) continue;
      seen.insert(key);
      // Carried by a report from before the mark: known, not new.
      bool fresh = true;
      for (int k : p.positions[i].claims)
        fresh &= c.claims[k].article > s.last_article_id;
      bool conflict = false;
      for (auto [a, b] : p.conflicts) conflict |= a == i || b == i;
      NewPosition n{story_id, key, fresh && p.contested && conflict, nullptr};
      if (n.fire) n.line = PositionAlert(s, *story, c, p, i, docs);
      out.push_back(std::move(n));
    }
  }
  return out;
}

Status AppendLines(const std::string& out_path, const json& batch) {
  std::FILE* f = std::fopen(out_path.c_str(), "a");
  if (f == nullptr) return IOError(out_path + ": cannot append");
  for (const json& line : batch) std::fprintf(f, "%s\n", line.dump().c_str());
  bool ok = std::fflush(f) == 0 && std::fclose(f) == 0;
  if (!ok) return IOError(out_path + ": write error");
  return Status::OK();
}

// One "positions" alert: fires its new positions, records every position
// seen and moves the mark. Returns the number of lines written.
StatusOr<int> RunPositionAlert(Store* store, const FactsLexicon& lexicon,
                               const SavedSearch& s,
                               const std::string& out_path,
                               const std::string& webhook) {
  ASSIGN_OR_RETURN(int64_t high, store->MaxArticleId());
  if (high <= s.last_article_id) return 0;
  ASSIGN_OR_RETURN(auto stories, StoriesToCompare(store, s, high));
  std::vector<NewPosition> found;
  for (int64_t id : stories) {
    ASSIGN_OR_RETURN(auto more, StoryPositions(store, lexicon, s, id));
    for (NewPosition& n : more) found.push_back(std::move(n));
  }
  json batch = json::array();
  for (const NewPosition& n : found) {
    if (n.fire) batch.push_back(n.line);
  }
  if (!batch.empty()) {
    RETURN_IF_ERROR(AppendLines(out_path, batch));
    if (!webhook.empty()) {
      Status st = PostJson(webhook, batch.dump());
      if (!st.ok())
        std::fprintf(stderr, "marsad: alert '%s': %s\n", s.name.c_str(),
                     st.ToString().c_str());
    }
  }
  std::vector<AlertPosition> seen;
  for (const NewPosition& n : found) seen.push_back({n.story, n.key, n.fire});
  RETURN_IF_ERROR(store->AdvanceSavedSearch(s.name, high, seen));
  return static_cast<int>(batch.size());
}

}  // namespace

Status AddSavedSearch(Store* store, const SavedSearch& s) {
  return store->AddSavedSearch({s.name, s.request.query, FiltersOf(s).dump()});
}

Status RemoveSavedSearch(Store* store, const std::string& name) {
  return store->RemoveSavedSearch(name);
}

StatusOr<std::vector<SavedSearch>> ListSavedSearches(Store* store) {
  ASSIGN_OR_RETURN(std::vector<SavedSearchRow> rows,
                   store->ListSavedSearches());
  std::vector<SavedSearch> out;
  for (const SavedSearchRow& row : rows) {
    SavedSearch s;
    s.name = row.name;
    s.request.query = row.query;
    json f = json::parse(row.filters, nullptr, false);
    if (f.is_object()) {
      s.request.outlet = f.value("outlet", "");
      s.request.from = f.value("from", "");
      s.request.to = f.value("to", "");
      s.request.story = f.value("story", int64_t{0});
      s.request.entity = f.value("entity", "");
      s.request.event_type = f.value("event_type", "");
      s.kind = f.value("kind", "search");
    }
    s.last_article_id = row.last_article_id;
    out.push_back(std::move(s));
  }
  return out;
}

StatusOr<int> RunAlerts(Store* store, const FactsLexicon& lexicon,
                        const std::string& out_path, const std::string& webhook,
                        int page_size) {
  ASSIGN_OR_RETURN(auto searches, ListSavedSearches(store));
  page_size = std::clamp(page_size, 1, 500);  // search's own bounds
  int fired = 0;
  for (SavedSearch& s : searches) {
    if (s.kind == "positions") {
      ASSIGN_OR_RETURN(int n,
                       RunPositionAlert(store, lexicon, s, out_path, webhook));
      fired += n;
      continue;
    }
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
      batch.push_back({{"alert", s.name},
                       {"query", s.request.query},
                       {"article_id", h.article_id},
                       {"story_id", h.story_id},
                       {"title", h.title},
                       {"outlet", h.outlet},
                       {"published", h.published},
                       {"snippet", h.snippet},
                       {"fired_at", NowIso()}});
    }
    std::FILE* f = std::fopen(out_path.c_str(), "a");
    if (f == nullptr) return IOError(out_path + ": cannot append");
    for (const json& line : batch) std::fprintf(f, "%s\n", line.dump().c_str());
    bool ok = std::fflush(f) == 0 && std::fclose(f) == 0;
    if (!ok) return IOError(out_path + ": write error");
    if (!webhook.empty()) {
      Status st = PostJson(webhook, batch.dump());
      if (!st.ok())
        std::fprintf(stderr, "marsad: alert '%s': %s\n", s.name.c_str(),
                     st.ToString().c_str());
    }
    RETURN_IF_ERROR(store->AdvanceSavedSearch(s.name, high, {}));
    fired += static_cast<int>(batch.size());
  }
  return fired;
}

}  // namespace marsad
