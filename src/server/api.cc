#include "src/server/api.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "src/base/document_json.h"
#include "src/dedup/days.h"
#if MARSAD_HAVE_FACTS
#include "src/facts/compare.h"
#include "src/server/brief.h"
#endif

namespace marsad {

using json = nlohmann::json;

namespace {

std::string Get(const Params& p, const std::string& key) {
  auto it = p.find(key);
  return it == p.end() ? "" : it->second;
}

StatusOr<int64_t> GetInt(const Params& p, const std::string& key, int64_t def,
                         int64_t lo, int64_t hi) {
  std::string v = Get(p, key);
  if (v.empty()) return def;
  try {
    size_t used = 0;
    int64_t x = std::stoll(v, &used);
    if (used != v.size() || x < lo || x > hi) throw std::out_of_range(key);
    return x;
  } catch (const std::exception&) {
    return InvalidArgumentError(key + " must be an integer in [" +
                                std::to_string(lo) + ", " + std::to_string(hi) +
                                "]");
  }
}

json Opt(const std::string& s) { return s.empty() ? json() : json(s); }

json StorySummary(const StoryRow& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"first_seen", Opt(s.first_seen)},
          {"last_seen", Opt(s.last_seen)},
          {"article_count", s.articles.size()},
          {"outlets", s.outlets}};
}

json PageJson(int64_t total, int64_t limit, int64_t offset, json items) {
  return {{"total", total},
          {"limit", limit},
          {"offset", offset},
          {"items", std::move(items)}};
}

// UTF-16 index of every UTF-8 byte offset of `text` (size()+1 entries).
std::vector<uint32_t> Utf16Index(const std::string& text) {
  std::vector<uint32_t> idx(text.size() + 1);
  uint32_t u = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    idx[i] = u;
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) u += (c >= 0xF0) ? 2 : 1;
  }
  idx[text.size()] = u;
  return idx;
}

void AddUtf16(const std::vector<uint32_t>& idx, json* j) {
  if (j->is_object()) {
    if (j->contains("begin") && j->contains("end") &&
        (*j)["begin"].is_number_unsigned() &&
        (*j)["end"].is_number_unsigned()) {
      size_t b = std::min<size_t>((*j)["begin"].get<size_t>(), idx.size() - 1);
      size_t e = std::min<size_t>((*j)["end"].get<size_t>(), idx.size() - 1);
      (*j)["begin16"] = idx[b];
      (*j)["end16"] = idx[e];
    }
    for (auto& [k, v] : j->items()) AddUtf16(idx, &v);
  } else if (j->is_array()) {
    for (auto& v : *j) AddUtf16(idx, &v);
  }
}

json SpanJson16(const std::vector<uint32_t>& idx, Span s) {
  json j = SpanToJson(s);
  AddUtf16(idx, &j);
  return j;
}

// Listings run through Store::Query, in the SQL subset both stores accept.
Status ForRows(Store* db, const std::string& sql,
               const std::vector<SqlParam>& params,
               const std::function<void(const SqlRow&)>& row) {
  return db->Query(sql, params, row);
}

json NullableDouble(const SqlRow& s, int col) {
  return s.IsNull(col) ? json() : json(s.Double(col));
}

}  // namespace

void AddUtf16Offsets(const std::string& text, json* j) {
  AddUtf16(Utf16Index(text), j);
}

Api::Api(std::unique_ptr<Store> store) : store_(std::move(store)) {}
Api::~Api() = default;

StatusOr<json> Api::Health() {
  ASSIGN_OR_RETURN(int64_t n, store_->CountArticles());
  return json{{"ok", true}, {"articles", n}};
}

StatusOr<json> Api::Stories(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  ASSIGN_OR_RETURN(auto rows,
                   store_->ListStories(Page{int(limit), int(offset)}));
  json items = json::array();
  for (const StoryRow& s : rows) items.push_back(StorySummary(s));
  int64_t total = 0;
  RETURN_IF_ERROR(ForRows(
      store_.get(), "SELECT COUNT(*) FROM stories WHERE article_count > 0", {},
      [&](const SqlRow& s) { total = s.Int(0); }));
  return PageJson(total, limit, offset, std::move(items));
}

StatusOr<json> Api::Story(int64_t id) {
  ASSIGN_OR_RETURN(auto story, store_->GetStory(id));
  if (!story) return NotFoundError("no story " + std::to_string(id));
  json articles = json::array();
  std::vector<Document> docs;
  for (int64_t a : story->articles) {
    ASSIGN_OR_RETURN(auto d, store_->GetArticle(a, false));
    if (!d) continue;
    articles.push_back(MetadataToJson(*d));
    docs.push_back(std::move(*d));
  }
  // Related links accumulate both ways over an archive (a long-running
  // story can gather a thousand); the page shows the newest few, ids being
  // given in order of creation, and says how many there are.
  constexpr size_t kMaxRelated = 24;
  std::vector<int64_t> rel = story->related;
  std::sort(rel.begin(), rel.end(), std::greater<>());
  const size_t related_total = rel.size();
  if (rel.size() > kMaxRelated) rel.resize(kMaxRelated);
  // Their summaries from the stories table alone: reading each related
  // story whole read its articles and its own links too (a thousand for
  // some), for a title and a count.
  auto relation = [&](const std::string& first, const std::string& last) {
    return StoryRelation(story->first_seen, story->last_seen, first, last);
  };
  json related = json::array();
  for (int64_t r : rel) {
    RETURN_IF_ERROR(ForRows(
        store_.get(),
        "SELECT id, title, first_seen, last_seen, article_count, outlets "
        "FROM stories WHERE id = ?1",
        {r}, [&](const SqlRow& row) {
          json outlets = json::parse(row.Text(5), nullptr, false);
          if (!outlets.is_array()) outlets = json::array();
          related.push_back({{"id", row.Int(0)},
                             {"title", row.Text(1)},
                             {"first_seen", Opt(row.Text(2))},
                             {"last_seen", Opt(row.Text(3))},
                             {"article_count", row.Int(4)},
                             {"outlets", std::move(outlets)},
                             {"relation", relation(row.Text(2), row.Text(3))}});
        }));
  }
  json comparison = nullptr;
#if MARSAD_HAVE_FACTS
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  // A story that ran for months compares hundreds of reports: the page
  // keeps the 30 main points, the 50 main disagreements and 8 claims a cell
  // or position (the totals are in the JSON); `marsad story --json` writes
  // them all.
  StoryDossier dossier{*story, {}, CompareStory(ptrs)};
  comparison = ComparisonToJson(dossier.comparison, {.max_points = 30,
                                                     .max_disagreements = 50,
                                                     .max_claims = 8});
  // Each point's claims over time (issue 27), for the page's chart.
  dossier.reports = std::move(docs);
  AddPointTimelines(dossier, &comparison);
  docs = std::move(dossier.reports);
  if (comparison.is_object()) {
    // Add UTF-16 offsets per article: every object with "article" and spans.
    std::map<int64_t, std::vector<uint32_t>> idx;
    for (const Document& d : docs) idx[d.id] = Utf16Index(d.text);
    std::function<void(json*)> walk = [&](json* j) {
      if (j->is_object()) {
        if (j->contains("article") && (*j)["article"].is_number_integer()) {
          auto it = idx.find((*j)["article"].get<int64_t>());
          if (it != idx.end()) {
            AddUtf16(it->second, j);
            return;
          }
        }
        for (auto& [k, v] : j->items()) walk(&v);
      } else if (j->is_array()) {
        for (auto& v : *j) walk(&v);
      }
    };
    walk(&comparison);
  }
#endif
  return json{{"story", StorySummary(*story)},
              {"articles", std::move(articles)},
              {"related", std::move(related)},
              {"related_total", related_total},
              {"comparison", std::move(comparison)}};
}

const char* StoryRelation(const std::string& first_seen, const std::string& last_seen,
                          const std::string& other_first, const std::string& other_last) {
  const std::optional<int32_t> first = DayNumber(first_seen), last = DayNumber(last_seen);
  const std::optional<int32_t> a = DayNumber(other_first), b = DayNumber(other_last);
  if (a && last && *a > *last) return "follow_up";
  if (b && first && *b < *first) return "earlier";
  return "concurrent";
}

StatusOr<json> Api::Article(int64_t id) {
  ASSIGN_OR_RETURN(auto d, store_->GetArticle(id, false));
  if (!d) return NotFoundError("no article " + std::to_string(id));
  json j = MetadataToJson(*d);
  j["text"] = d->text;
  json analysis = AnalysisToJson(*d);
  AddUtf16Offsets(d->text, &analysis);
  j["analysis"] = std::move(analysis);
  return j;
}

StatusOr<json> Api::Search(const Params& p) {
  SearchRequest r;
  r.query = Get(p, "q");
  if (r.query.size() > 512)
    return InvalidArgumentError("q is longer than 512 bytes");
  r.outlet = Get(p, "outlet");
  r.from = Get(p, "from");
  r.to = Get(p, "to");
  r.entity = Get(p, "entity");
  r.event_type = Get(p, "event_type");
  ASSIGN_OR_RETURN(r.story, GetInt(p, "story", 0, 0, INT64_MAX));
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  r.page = Page{int(limit), int(offset)};
  auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(SearchResults res, store_->Search(r));
  double took = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  json items = json::array();
  for (const SearchHit& h : res.hits) {
    auto idx = Utf16Index(h.snippet);
    json hl = json::array(), shl = json::array();
    // UTF-16 offsets of the matches in the whole text, for the reader's #h=.
    std::vector<uint32_t> text_idx;
    if (!h.highlights.empty()) {
      ASSIGN_OR_RETURN(auto doc, store_->GetArticle(h.article_id, false));
      if (doc) text_idx = Utf16Index(doc->text);
    }
    for (const Span& s : h.highlights) {
      hl.push_back(s.end < text_idx.size() ? SpanJson16(text_idx, s)
                                           : SpanToJson(s));
      if (s.begin >= h.snippet_span.begin && s.end <= h.snippet_span.end) {
        shl.push_back(SpanJson16(idx, Span{s.begin - h.snippet_span.begin,
                                           s.end - h.snippet_span.begin}));
      }
    }
    items.push_back({{"article_id", h.article_id},
                     {"story_id", h.story_id ? json(h.story_id) : json()},
                     {"title", h.title},
                     {"outlet", h.outlet},
                     {"published", h.published},
                     {"score", h.score},
                     {"snippet", h.snippet},
                     {"snippet_span", SpanToJson(h.snippet_span)},
                     {"highlights", hl},
                     {"snippet_highlights", shl}});
  }
  json out = PageJson(res.total, limit, offset, std::move(items));
  out["query"] = r.query;
  out["took_ms"] = took;
  return out;
}

StatusOr<json> Api::Outlets() {
  json items = json::array();
  RETURN_IF_ERROR(ForRows(
      store_.get(),
      "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL GROUP BY "
      "outlet "
      "ORDER BY COUNT(*) DESC, outlet LIMIT 500",
      {}, [&](const SqlRow& s) {
        items.push_back({{"outlet", s.Text(0)}, {"articles", s.Int(1)}});
      }));
  return json{{"items", std::move(items)}};
}

// Saved searches (`marsad alert`, src/watch/alerts.h) with what they match.
// A store without them (PostgreSQL: `marsad watch` keeps its state in
// SQLite) lists none.
StatusOr<json> Api::Alerts() {
  struct Saved {
    std::string name, query, filters, created;
    int64_t mark;
  };
  std::vector<Saved> saved;
  Status st = ForRows(
      store_.get(),
      "SELECT name, query, filters, last_article_id, created_at FROM alerts "
      "ORDER BY name",
      {}, [&](const SqlRow& s) {
        saved.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(4), s.Int(3)});
      });
  json items = json::array();
  if (!st.ok()) return json{{"items", std::move(items)}};
  for (const Saved& a : saved) {
    json f = json::parse(a.filters, nullptr, false);
    if (!f.is_object()) f = json::object();
    SearchRequest r;
    r.query = a.query;
    r.outlet = f.value("outlet", "");
    r.from = f.value("from", "");
    r.to = f.value("to", "");
    r.story = f.value("story", int64_t{0});
    r.entity = f.value("entity", "");
    r.event_type = f.value("event_type", "");
    r.page = Page{200, 0};
    ASSIGN_OR_RETURN(SearchResults all, store_->Search(r));
    SearchRequest unreported = r;
    unreported.after_id = a.mark;
    unreported.page = Page{1, 0};
    ASSIGN_OR_RETURN(SearchResults fresh, store_->Search(unreported));
    std::sort(all.hits.begin(), all.hits.end(),
              [](const SearchHit& x, const SearchHit& y) {
                return x.article_id > y.article_id;
              });
    json latest = json::array();
    for (size_t i = 0; i < all.hits.size() && i < 5; ++i) {
      const SearchHit& h = all.hits[i];
      latest.push_back({{"article_id", h.article_id},
                        {"story_id", h.story_id ? json(h.story_id) : json()},
                        {"title", h.title},
                        {"outlet", h.outlet},
                        {"published", h.published},
                        {"reported", h.article_id <= a.mark}});
    }
    items.push_back({{"name", a.name},
                     {"query", a.query},
                     {"filters", f},
                     {"created_at", a.created},
                     {"reported_up_to", a.mark},
                     {"matches", all.total},
                     {"unreported", fresh.total},
                     {"latest", std::move(latest)}});
  }
  return json{{"items", std::move(items)}};
}

StatusOr<json> Api::Entities(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  std::string q = Get(p, "q"), type = Get(p, "type");
  std::string where =
      " WHERE (?1 IS NULL OR instr(name, ?1) > 0) AND (?2 IS NULL OR type = "
      "?2)";
  std::vector<SqlParam> bind = {q, type};
  int64_t total = 0;
  RETURN_IF_ERROR(ForRows(store_.get(), "SELECT COUNT(*) FROM entities" + where,
                          bind, [&](const SqlRow& s) { total = s.Int(0); }));
  json items = json::array();
  RETURN_IF_ERROR(
      ForRows(store_.get(),
              "SELECT id, name, type, lat, lon, mention_count FROM entities" +
                  where + " ORDER BY mention_count DESC, id LIMIT " +
                  std::to_string(limit) + " OFFSET " + std::to_string(offset),
              bind, [&](const SqlRow& s) {
                items.push_back({{"id", s.Text(0)},
                                 {"name", s.Text(1)},
                                 {"type", s.Text(2)},
                                 {"lat", NullableDouble(s, 3)},
                                 {"lon", NullableDouble(s, 4)},
                                 {"mention_count", s.Int(5)}});
              }));
  return PageJson(total, limit, offset, std::move(items));
}

StatusOr<json> Api::Entity(const std::string& id, const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  Store* db = store_.get();
  json entity;
  RETURN_IF_ERROR(ForRows(
      db,
      "SELECT id, name, type, lat, lon, mention_count FROM entities WHERE id=?",
      {id}, [&](const SqlRow& s) {
        entity = {{"id", s.Text(0)},
                  {"name", s.Text(1)},
                  {"type", s.Text(2)},
                  {"lat", NullableDouble(s, 3)},
                  {"lon", NullableDouble(s, 4)},
                  {"mention_count", s.Int(5)}};
      }));
  if (entity.is_null()) return NotFoundError("no entity " + id);
  json variants = json::array();
  RETURN_IF_ERROR(
      ForRows(db,
              "SELECT text, COUNT(*) FROM mentions WHERE entity_id=? GROUP BY "
              "text ORDER BY COUNT(*) DESC LIMIT 50",
              {id}, [&](const SqlRow& s) {
                variants.push_back({{"text", s.Text(0)}, {"count", s.Int(1)}});
              }));
  int64_t total = 0;
  RETURN_IF_ERROR(ForRows(
      db, "SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id=?",
      {id}, [&](const SqlRow& s) { total = s.Int(0); }));
  std::vector<std::pair<int64_t, int64_t>> arts;
  RETURN_IF_ERROR(ForRows(
      db,
      "SELECT m.article_id, COUNT(*) FROM mentions m JOIN articles a ON a.id = "
      "m.article_id "
      "WHERE m.entity_id=? GROUP BY m.article_id, a.published ORDER BY "
      "COALESCE(a.published,'') DESC, m.article_id DESC "
      "LIMIT " +
          std::to_string(limit) + " OFFSET " + std::to_string(offset),
      {id}, [&](const SqlRow& s) { arts.emplace_back(s.Int(0), s.Int(1)); }));
  json items = json::array();
  for (auto [aid, n] : arts) {
    ASSIGN_OR_RETURN(auto d, store_->GetArticle(aid, false));
    if (!d) continue;
    json m = MetadataToJson(*d);
    m["mentions"] = n;
    items.push_back(std::move(m));
  }
  json related = json::array();
  RETURN_IF_ERROR(
      ForRows(db,
              "SELECT e.id, e.name, e.type, e.lat, e.lon, e.mention_count, "
              "COUNT(DISTINCT m2.article_id) AS n "
              "FROM mentions m1 JOIN mentions m2 ON m1.article_id = "
              "m2.article_id AND m2.entity_id <> m1.entity_id "
              "JOIN entities e ON e.id = m2.entity_id WHERE m1.entity_id = ? "
              "GROUP BY e.id ORDER BY n DESC, e.id LIMIT 20",
              {id}, [&](const SqlRow& s) {
                related.push_back({{"id", s.Text(0)},
                                   {"name", s.Text(1)},
                                   {"type", s.Text(2)},
                                   {"lat", NullableDouble(s, 3)},
                                   {"lon", NullableDouble(s, 4)},
                                   {"mention_count", s.Int(5)},
                                   {"shared_articles", s.Int(6)}});
              }));
  return json{{"entity", entity},
              {"variants", variants},
              {"articles", PageJson(total, limit, offset, std::move(items))},
              {"related", related}};
}

StatusOr<json> Api::Events(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  ASSIGN_OR_RETURN(int64_t story, GetInt(p, "story", 0, 0, INT64_MAX));
  std::string type = Get(p, "type"), from = Get(p, "from"), to = Get(p, "to");
  std::string where =
      " FROM events e JOIN articles a ON a.id = e.article_id WHERE (?1 IS NULL "
      "OR e.plover = ?1) "
      "AND (?2 IS NULL OR COALESCE(e.date, substr(a.published,1,10)) >= ?2) "
      "AND (?3 IS NULL OR COALESCE(e.date, substr(a.published,1,10)) <= ?3) "
      "AND (?4 = 0 OR a.story_id = ?4)";
  std::vector<SqlParam> bind = {type, from, to, story};
  int64_t total = 0;
  RETURN_IF_ERROR(ForRows(store_.get(), "SELECT COUNT(*)" + where, bind,
                          [&](const SqlRow& s) { total = s.Int(0); }));
  json items = json::array();
  RETURN_IF_ERROR(ForRows(
      store_.get(),
      "SELECT e.article_id, e.idx, e.plover, e.mode, e.date, e.location, "
      "e.lat, e.lon, "
      "COALESCE(a.title,''), COALESCE(a.outlet,''), a.story_id" +
          where + " ORDER BY COALESCE(e.date, a.published, '') DESC LIMIT " +
          std::to_string(limit) + " OFFSET " + std::to_string(offset),
      bind, [&](const SqlRow& s) {
        items.push_back(
            {{"article_id", s.Int(0)},
             {"idx", s.Int(1)},
             {"plover", s.Text(2)},
             {"mode", s.Text(3)},
             {"date", Opt(s.Text(4))},
             {"location", Opt(s.Text(5))},
             {"lat", NullableDouble(s, 6)},
             {"lon", NullableDouble(s, 7)},
             {"title", s.Text(8)},
             {"outlet", s.Text(9)},
             {"story_id", s.IsNull(10) ? json() : json(s.Int(10))}});
      }));
  return PageJson(total, limit, offset, std::move(items));
}

StatusOr<json> Api::Timeline(const Params& p) {
  ASSIGN_OR_RETURN(int64_t story, GetInt(p, "story", 0, 0, INT64_MAX));
  std::string from = Get(p, "from"), to = Get(p, "to");
  json items = json::array();
  RETURN_IF_ERROR(
      ForRows(store_.get(),
              "SELECT substr(published,1,10) AS d, COUNT(*), COUNT(DISTINCT "
              "story_id) FROM articles "
              "WHERE published IS NOT NULL AND (?1 IS NULL OR "
              "substr(published,1,10) >= ?1) "
              "AND (?2 IS NULL OR substr(published,1,10) <= ?2) "
              "AND (?3 = 0 OR story_id = ?3) GROUP BY d ORDER BY d LIMIT 5000",
              {from, to, story}, [&](const SqlRow& s) {
                items.push_back({{"date", s.Text(0)},
                                 {"articles", s.Int(1)},
                                 {"stories", s.Int(2)}});
              }));
  return json{{"bucket", "day"}, {"items", std::move(items)}};
}

StatusOr<json> Api::Places(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 500, 1, 2000));
  ASSIGN_OR_RETURN(int64_t story, GetInt(p, "story", 0, 0, INT64_MAX));
  // A story's articles from the index on story_id, and the condition
  // chosen here rather than by "?1 = 0 OR ..." (which SQLite cannot fold
  // at prepare time): neither query reads the articles' rows (a join did, a
  // row per mention: 1.1 s for the whole corpus).
  auto in_story = [&](const char* article_column) {
    return story == 0 ? std::string("?1 = 0")
                      : std::string(article_column) +
                            " IN (SELECT id FROM articles WHERE story_id = ?1)";
  };
  auto point = [](double lon, double lat, json properties) {
    return json{{"type", "Feature"},
                {"geometry", {{"type", "Point"}, {"coordinates", {lon, lat}}}},
                {"properties", std::move(properties)}};
  };
  json features = json::array();
  RETURN_IF_ERROR(ForRows(
      store_.get(),
      "SELECT e.id, e.name, e.lat, e.lon, COUNT(*) FROM entities e JOIN "
      "mentions m ON m.entity_id = e.id WHERE e.lat IS NOT NULL AND " +
          in_story("m.article_id") +
          " GROUP BY e.id ORDER BY COUNT(*) DESC, e.id LIMIT " +
          std::to_string(limit),
      {story}, [&](const SqlRow& s) {
        features.push_back(point(s.Double(3), s.Double(2),
                                 {{"kind", "place"},
                                  {"entity_id", s.Text(0)},
                                  {"name", s.Text(1)},
                                  {"mentions", s.Int(4)}}));
      }));
  RETURN_IF_ERROR(ForRows(
      store_.get(),
      "SELECT e.article_id, e.plover, e.mode, COALESCE(e.date,''), e.lat, "
      "e.lon, COALESCE(e.location,'') FROM events e WHERE e.lat IS NOT NULL "
      "AND " +
          in_story("e.article_id") + " LIMIT " + std::to_string(limit),
      {story}, [&](const SqlRow& s) {
        features.push_back(point(s.Double(5), s.Double(4),
                                 {{"kind", "event"},
                                  {"article_id", s.Int(0)},
                                  {"plover", s.Text(1)},
                                  {"mode", s.Text(2)},
                                  {"date", s.Text(3)},
                                  {"name", s.Text(6)}}));
      }));
  return json{{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

// Issue 27: the points of a story with their timelines, and its brief.
StatusOr<json> Api::Points(int64_t id, const Params& p) {
#if MARSAD_HAVE_FACTS
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 30, 1, 1000));
  ASSIGN_OR_RETURN(auto dossier, LoadStoryDossier(store_.get(), id));
  if (!dossier) return NotFoundError("no story " + std::to_string(id));
  json out = PointsJson(*dossier, static_cast<size_t>(limit));
  std::map<int64_t, std::vector<uint32_t>> idx;
  for (const Document& d : dossier->reports) idx[d.id] = Utf16Index(d.text);
  for (json& point : out["points"]) {
    for (json& pos : point["positions"]) {
      for (json& cl : pos["claims"]) {
        auto it = idx.find(cl.value("article", int64_t{0}));
        if (it != idx.end()) AddUtf16(it->second, &cl);
      }
    }
  }
  return out;
#else
  return UnavailableError("built without the comparison (src/facts)");
#endif
}

StatusOr<std::string> Api::Brief(int64_t id, const std::string& format) {
  if (format != "html" && format != "md")
    return InvalidArgumentError("format must be html or md");
#if MARSAD_HAVE_FACTS
  ASSIGN_OR_RETURN(auto dossier, LoadStoryDossier(store_.get(), id));
  if (!dossier) return NotFoundError("no story " + std::to_string(id));
  return format == "md" ? BriefMarkdown(*dossier) : BriefHtml(*dossier);
#else
  return UnavailableError("built without the comparison (src/facts)");
#endif
}

}  // namespace marsad
