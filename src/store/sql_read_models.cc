// The listings of the API and the CLI (SqlStore, sql_store.h), in the SQL
// subset both stores accept. The queries are the server's own, moved here
// unchanged so that its answers stay byte for byte what they were.
#include <nlohmann/json.hpp>

#include "src/store/sql_store.h"

namespace marsad {

namespace {

std::optional<double> NullableDouble(const SqlRow& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<double>(s.Double(col));
}

// The outlets column: a JSON array of names (anything else reads as none).
std::vector<std::string> OutletsOf(const std::string& text) {
  nlohmann::json o = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!o.is_array()) return out;
  for (const auto& x : o) {
    if (x.is_string()) out.push_back(x.get<std::string>());
  }
  return out;
}

size_t OutletCountOf(const std::string& text) {
  nlohmann::json o = nlohmann::json::parse(text, nullptr, false);
  return o.is_array() ? o.size() : size_t{0};
}

// An entity from columns id, name, type, lat, lon, mention_count (0 to 5).
EntityRow EntityOf(const SqlRow& s) {
  return {s.Text(0),
          s.Text(1),
          s.Text(2),
          NullableDouble(s, 3),
          NullableDouble(s, 4),
          s.Int(5)};
}

std::string LimitOffset(const Page& page) {
  return " LIMIT " + std::to_string(page.limit) + " OFFSET " +
         std::to_string(page.offset);
}

// The articles of a story from the index on story_id, the condition chosen
// here rather than by "?1 = 0 OR ..." (which SQLite cannot fold at prepare
// time): neither map query reads the articles' rows (a join did, a row per
// mention: 1.1 s for the whole corpus).
std::string InStory(int64_t story, const char* article_column) {
  return story == 0 ? std::string("?1 = 0")
                    : std::string(article_column) +
                          " IN (SELECT id FROM articles WHERE story_id = ?1)";
}

// Conditions joined by AND, and their parameters numbered as they are
// added: a listing names only the filters it was given, so that each store
// plans it on the index that filter needs (an unused "?N IS NULL OR ..."
// hides the index from SQLite's planner).
class Where {
 public:
  // `condition` holds "?" where the parameter goes.
  void Add(std::string_view condition, SqlParam param) {
    params_.push_back(std::move(param));
    const size_t at = condition.find('?');
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += condition.substr(0, at + 1);
    sql_ += std::to_string(params_.size());
    sql_ += condition.substr(at + 1);
  }
  void Add(std::string_view condition) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += condition;
  }
  const std::string& sql() const { return sql_; }
  const std::vector<SqlParam>& params() const { return params_; }

 private:
  std::string sql_;
  std::vector<SqlParam> params_;
};

// An upper bound of the events' sort_date (schema v8) for a filter on
// their day: day <= to implies sort_date < the bound, so the listing seeks
// to it instead of walking every newer event. day is sort_date or its
// first ten characters; for a `to` of at most ten bytes the bound is `to`
// with its last byte raised by one. "" (no bound) for a longer `to` or
// one ending in a byte that cannot be raised within ASCII.
std::string SortDateBelow(const std::string& to) {
  if (to.empty() || to.size() > 10 ||
      static_cast<unsigned char>(to.back()) >= 0x7e)
    return "";
  std::string bound = to;
  ++bound.back();
  return bound;
}

}  // namespace

StatusOr<int64_t> SqlStore::ListingCount(const std::string& name) {
  int64_t n = 0;
  RETURN_IF_ERROR(Query("SELECT n FROM listing_counts WHERE name = ?1", {name},
                        [&](const SqlRow& s) { n = s.Int(0); }));
  return n;
}

StatusOr<int64_t> SqlStore::CountStories() {
  if (HasListingIndexes()) return ListingCount("stories");
  int64_t total = 0;
  RETURN_IF_ERROR(Query("SELECT COUNT(*) FROM stories WHERE article_count > 0",
                        {}, [&](const SqlRow& s) { total = s.Int(0); }));
  return total;
}

// A story's thread (v11): its thread_id when thread links joined it; else,
// for a story no thread link reaches, the thread of the story it is nearest
// to by a near link (story_links.thread = 2, the highest anchor score; ties:
// the smaller thread) when that story is in a thread; else its own id. A
// lookup of the story's links by either end (story_links' key and b index).
std::string SqlStore::ThreadColumn(const std::string& s) const {
  if (!KeepsThreads()) return s + ".id";
  return "COALESCE(" + s +
         ".thread_id, (SELECT m.thread_id FROM story_links l "
         "JOIN stories m ON m.id = CASE WHEN l.a = " +
         s +
         ".id THEN l.b ELSE "
         "l.a END WHERE (l.a = " +
         s + ".id OR l.b = " + s +
         ".id) AND "
         "l.thread = 2 AND m.thread_id IS NOT NULL ORDER BY l.anchor DESC, "
         "m.thread_id LIMIT 1), " +
         s + ".id)";
}

namespace {

StorySummary SummaryOf(const SqlRow& row) {
  return StorySummary{row.Int(0),  row.Text(1), row.Text(2),
                      row.Text(3), row.Int(4),  OutletsOf(row.Text(5)),
                      row.Int(6)};
}

}  // namespace

StatusOr<std::optional<StorySummary>> SqlStore::GetStorySummary(int64_t id) {
  std::optional<StorySummary> out;
  RETURN_IF_ERROR(
      Query("SELECT s.id, s.title, s.first_seen, s.last_seen, s.article_count, "
            "s.outlets, " +
                ThreadColumn("s") + " FROM stories s WHERE s.id = ?1",
            {id}, [&](const SqlRow& row) { out = SummaryOf(row); }));
  return out;
}

// A thread's stories: those thread links joined (thread_id, on the
// stories_thread index) and the lone stories near-linked to one of them
// whose thread that makes (ThreadColumn); a story in no thread is a thread
// of one.
StatusOr<Listing<StorySummary>> SqlStore::ListThreadStories(int64_t thread,
                                                            const Page& page) {
  Listing<StorySummary> out;
  const std::string members =
      "SELECT s.id, s.title, s.first_seen, s.last_seen, s.article_count, "
      "s.outlets, s.thread_id AS t FROM stories s WHERE s.thread_id = ?1 "
      "UNION ALL SELECT s.id, s.title, s.first_seen, s.last_seen, "
      "s.article_count, s.outlets, ?1 FROM stories s WHERE s.thread_id IS "
      "NULL AND s.id IN (SELECT CASE WHEN l.a = m.id THEN l.b ELSE l.a END "
      "FROM stories m JOIN story_links l ON (l.a = m.id OR l.b = m.id) WHERE "
      "m.thread_id = ?1 AND l.thread = 2) AND " +
      ThreadColumn("s") + " = ?1";
  if (KeepsThreads()) {
    RETURN_IF_ERROR(Query("SELECT COUNT(*) FROM (" + members + ") x", {thread},
                          [&](const SqlRow& r) { out.total = r.Int(0); }));
  }
  if (out.total == 0) {  // a thread of one, or no such story
    ASSIGN_OR_RETURN(std::optional<StorySummary> one, GetStorySummary(thread));
    if (!one || one->thread != thread) return out;
    out.total = 1;
    if (page.offset == 0 && page.limit > 0) out.items.push_back(*one);
    return out;
  }
  RETURN_IF_ERROR(
      Query("SELECT * FROM (" + members +
                ") x ORDER BY COALESCE(x.last_seen,'') DESC, x.id DESC "
                "LIMIT ?2 OFFSET ?3",
            {thread, int64_t{page.limit}, int64_t{page.offset}},
            [&](const SqlRow& row) { out.items.push_back(SummaryOf(row)); }));
  return out;
}

StatusOr<std::vector<OutletCount>> SqlStore::ListOutlets(int limit) {
  std::vector<OutletCount> out;
  const std::string sql =
      KeepsOutletCounts()
          ? "SELECT outlet, reports FROM outlet_counts ORDER BY reports DESC, "
            "outlet LIMIT "
          : "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT ";
  RETURN_IF_ERROR(Query(sql + std::to_string(limit), {}, [&](const SqlRow& s) {
    out.push_back({s.Text(0), s.Int(1)});
  }));
  return out;
}

StatusOr<OutletSummary> SqlStore::GetOutletSummary(const std::string& outlet) {
  OutletSummary out;
  RETURN_IF_ERROR(
      Query("SELECT COUNT(*), MIN(published), MAX(published) FROM articles "
            "WHERE outlet = ?1",
            {outlet}, [&](const SqlRow& s) {
              out.reports = s.Int(0);
              out.first_report = s.Text(1);
              out.last_report = s.Text(2);
            }));
  if (out.reports == 0) return out;
  RETURN_IF_ERROR(
      Query("SELECT COUNT(DISTINCT story_id) FROM articles WHERE outlet = ?1 "
            "AND story_id IS NOT NULL",
            {outlet}, [&](const SqlRow& s) { out.stories = s.Int(0); }));
  return out;
}

StatusOr<std::vector<OutletStory>> SqlStore::ListOutletStories(
    const std::string& outlet, int limit) {
  std::vector<OutletStory> out;
  RETURN_IF_ERROR(Query(
      "SELECT a.story_id, COUNT(*), MAX(COALESCE(a.published,'')), s.title, "
      "s.outlets, s.article_count FROM articles a JOIN stories s ON s.id = "
      "a.story_id WHERE a.outlet = ?1 GROUP BY a.story_id, s.title, s.outlets, "
      "s.article_count ORDER BY MAX(COALESCE(a.published,'')) DESC, "
      "a.story_id DESC LIMIT " +
          std::to_string(limit),
      {outlet}, [&](const SqlRow& s) {
        out.push_back({s.Int(0), s.Int(1), s.Text(2), s.Text(3),
                       OutletCountOf(s.Text(4)), s.Int(5)});
      }));
  return out;
}

Status SqlStore::ForEachOutletAnalysis(
    const std::string& outlet, int limit,
    const std::function<void(const std::string&)>& fn) {
  // The newest ids first, then their analyses: sorting the rows with their
  // analysis carried along took twice as long.
  return Query(
      "SELECT analysis FROM articles WHERE id IN (SELECT id FROM articles "
      "WHERE outlet = ?1 AND analysis IS NOT NULL ORDER BY "
      "COALESCE(published,'') DESC, id DESC LIMIT " +
          std::to_string(limit) + ")",
      {outlet}, [&](const SqlRow& s) { fn(s.Text(0)); });
}

StatusOr<std::vector<Publication>> SqlStore::ListStoryPublications(
    int64_t story) {
  std::vector<Publication> out;
  RETURN_IF_ERROR(
      Query("SELECT published, outlet FROM articles WHERE story_id = ?1 AND "
            "published IS NOT NULL",
            {story}, [&](const SqlRow& s) {
              out.push_back({s.Text(0), s.Text(1)});
            }));
  return out;
}

StatusOr<Listing<EntityRow>> SqlStore::ListEntities(const std::string& q,
                                                    const std::string& type,
                                                    const Page& page) {
  const std::string where =
      " WHERE (?1 IS NULL OR instr(name, ?1) > 0) AND (?2 IS NULL OR type = "
      "?2)";
  const std::vector<SqlParam> bind = {q, type};
  Listing<EntityRow> out;
  RETURN_IF_ERROR(Query("SELECT COUNT(*) FROM entities" + where, bind,
                        [&](const SqlRow& s) { out.total = s.Int(0); }));
  RETURN_IF_ERROR(
      Query("SELECT id, name, type, lat, lon, mention_count FROM entities" +
                where + " ORDER BY mention_count DESC, id" + LimitOffset(page),
            bind, [&](const SqlRow& s) { out.items.push_back(EntityOf(s)); }));
  return out;
}

StatusOr<std::optional<EntityRow>> SqlStore::GetEntity(const std::string& id) {
  std::optional<EntityRow> out;
  RETURN_IF_ERROR(
      Query("SELECT id, name, type, lat, lon, mention_count FROM entities "
            "WHERE id = ?1",
            {id}, [&](const SqlRow& s) { out = EntityOf(s); }));
  return out;
}

StatusOr<std::vector<TextCount>> SqlStore::ListEntityVariants(
    const std::string& id, int limit) {
  std::vector<TextCount> out;
  RETURN_IF_ERROR(Query(
      "SELECT text, COUNT(*) FROM mentions WHERE entity_id = ?1 GROUP BY text "
      "ORDER BY COUNT(*) DESC LIMIT " +
          std::to_string(limit),
      {id}, [&](const SqlRow& s) {
        out.push_back({s.Text(0), s.Int(1)});
      }));
  return out;
}

StatusOr<Listing<ArticleMentions>> SqlStore::ListEntityArticles(
    const std::string& id, const Page& page) {
  Listing<ArticleMentions> out;
  RETURN_IF_ERROR(Query(
      "SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = ?1",
      {id}, [&](const SqlRow& s) { out.total = s.Int(0); }));
  RETURN_IF_ERROR(Query(
      "SELECT m.article_id, COUNT(*) FROM mentions m JOIN articles a ON a.id = "
      "m.article_id "
      "WHERE m.entity_id = ?1 GROUP BY m.article_id, a.published ORDER BY "
      "COALESCE(a.published,'') DESC, m.article_id DESC" +
          LimitOffset(page),
      {id}, [&](const SqlRow& s) {
        out.items.push_back({s.Int(0), s.Int(1)});
      }));
  return out;
}

StatusOr<std::vector<EntityRow>> SqlStore::ListRelatedEntities(
    const std::string& id, int limit) {
  std::vector<EntityRow> out;
  RETURN_IF_ERROR(
      Query("SELECT e.id, e.name, e.type, e.lat, e.lon, e.mention_count, "
            "COUNT(DISTINCT m2.article_id) AS n "
            "FROM mentions m1 JOIN mentions m2 ON m1.article_id = "
            "m2.article_id AND m2.entity_id <> m1.entity_id "
            "JOIN entities e ON e.id = m2.entity_id WHERE m1.entity_id = ?1 "
            "GROUP BY e.id ORDER BY n DESC, e.id LIMIT " +
                std::to_string(limit),
            {id}, [&](const SqlRow& s) {
              EntityRow e = EntityOf(s);
              e.shared_articles = s.Int(6);
              out.push_back(std::move(e));
            }));
  return out;
}

namespace {

// The events' row as the listing gives it, from columns 0 to 10.
EventRow EventRowOf(const SqlRow& s) {
  return {s.Int(0),
          s.Int(1),
          s.Text(2),
          s.Text(3),
          s.Text(4),
          s.Text(5),
          NullableDouble(s, 6),
          NullableDouble(s, 7),
          s.Text(8),
          s.Text(9),
          s.IsNull(10) ? std::nullopt : std::optional<int64_t>(s.Int(10))};
}

}  // namespace

// Newest first: down the index on (sort_date DESC, article_id, idx), or on
// (plover, sort_date ...) for a type, so a page reads its own rows and the
// offset's. Ties (events of one date) in article and event order, the
// order the scan of the events table gave them before the index. The
// total: kept in listing_counts for the whole listing or a type, else
// counted over the filter's rows: a from/to window on the same index (day
// is in it), a story's articles.
StatusOr<Listing<EventRow>> SqlStore::ListEvents(const EventFilter& f,
                                                 const Page& page) {
  if (!HasListingIndexes()) return ListEventsByScan(f, page);
  // A story's events from its articles (few, sorted here): CROSS JOIN
  // keeps SQLite from walking the whole events index instead.
  const std::string from =
      f.story != 0 ? " FROM articles a CROSS JOIN events e"
                   : " FROM events e JOIN articles a ON a.id = e.article_id";
  Where where;
  if (f.story != 0) {
    where.Add("a.story_id = ?", f.story);
    where.Add("e.article_id = a.id");
  }
  if (!f.type.empty()) {
    // In a story, by its articles' events (the primary key), not down the
    // type's index: COALESCE hides the column from both planners.
    where.Add(f.story != 0 ? "COALESCE(e.plover,'') = ?" : "e.plover = ?",
              f.type);
  }
  if (!f.from.empty()) {
    where.Add("e.day >= ?", f.from);
    // day is sort_date or a prefix of it: sort_date >= day >= from.
    if (f.story == 0) where.Add("e.sort_date >= ?", f.from);
  }
  if (!f.to.empty()) {
    where.Add("e.day <= ?", f.to);
    if (std::string below = SortDateBelow(f.to); !below.empty() && f.story == 0)
      where.Add("e.sort_date < ?", below);
  }
  Listing<EventRow> out;
  if (f.from.empty() && f.to.empty() && f.story == 0) {
    ASSIGN_OR_RETURN(
        out.total,
        ListingCount(f.type.empty() ? "events" : "events:" + f.type));
  } else {
    RETURN_IF_ERROR(Query("SELECT COUNT(*)" + from + where.sql(),
                          where.params(),
                          [&](const SqlRow& s) { out.total = s.Int(0); }));
  }
  RETURN_IF_ERROR(Query(
      "SELECT e.article_id, e.idx, e.plover, e.mode, e.date, e.location, "
      "e.lat, e.lon, COALESCE(a.title,''), COALESCE(a.outlet,''), a.story_id" +
          from + where.sql() +
          " ORDER BY e.sort_date DESC, e.article_id, e.idx" + LimitOffset(page),
      where.params(),
      [&](const SqlRow& s) { out.items.push_back(EventRowOf(s)); }));
  return out;
}

// Schema before v8: the date of each event from its report, every event
// sorted (the listing as it was).
StatusOr<Listing<EventRow>> SqlStore::ListEventsByScan(const EventFilter& f,
                                                       const Page& page) {
  const std::string where =
      " FROM events e JOIN articles a ON a.id = e.article_id WHERE (?1 IS NULL "
      "OR e.plover = ?1) "
      "AND (?2 IS NULL OR COALESCE(e.date, substr(a.published,1,10)) >= ?2) "
      "AND (?3 IS NULL OR COALESCE(e.date, substr(a.published,1,10)) <= ?3) "
      "AND (?4 = 0 OR a.story_id = ?4)";
  const std::vector<SqlParam> bind = {f.type, f.from, f.to, f.story};
  Listing<EventRow> out;
  RETURN_IF_ERROR(Query("SELECT COUNT(*)" + where, bind,
                        [&](const SqlRow& s) { out.total = s.Int(0); }));
  RETURN_IF_ERROR(Query(
      "SELECT e.article_id, e.idx, e.plover, e.mode, e.date, e.location, "
      "e.lat, e.lon, "
      "COALESCE(a.title,''), COALESCE(a.outlet,''), a.story_id" +
          where +
          " ORDER BY COALESCE(e.date, a.published, '') DESC, e.article_id, "
          "e.idx" +
          LimitOffset(page),
      bind, [&](const SqlRow& s) { out.items.push_back(EventRowOf(s)); }));
  return out;
}

// Of the whole store or a window, from the days kept at write (schema v9):
// a row per day instead of a row per article. A story's days from its
// articles (the story's index).
StatusOr<std::vector<DayCount>> SqlStore::ListTimeline(const EventFilter& f) {
  std::vector<DayCount> out;
  if (f.story == 0 && KeepsTimeline()) {
    Where where;
    if (!f.from.empty()) where.Add("day >= ?", f.from);
    if (!f.to.empty()) where.Add("day <= ?", f.to);
    RETURN_IF_ERROR(Query("SELECT day, articles, stories FROM timeline_days" +
                              where.sql() + " ORDER BY day LIMIT 5000",
                          where.params(), [&](const SqlRow& s) {
                            out.push_back({s.Text(0), s.Int(1), s.Int(2)});
                          }));
    return out;
  }
  RETURN_IF_ERROR(
      Query("SELECT substr(published,1,10) AS d, COUNT(*), COUNT(DISTINCT "
            "story_id) FROM articles "
            "WHERE published IS NOT NULL AND (?1 IS NULL OR "
            "substr(published,1,10) >= ?1) "
            "AND (?2 IS NULL OR substr(published,1,10) <= ?2) "
            "AND (?3 = 0 OR story_id = ?3) GROUP BY d ORDER BY d LIMIT 5000",
            {f.from, f.to, f.story}, [&](const SqlRow& s) {
              out.push_back({s.Text(0), s.Int(1), s.Int(2)});
            }));
  return out;
}

// A place's mentions are its mention rows. Of the whole store they are
// its mention_count (each mention row is written with a +1 to its entity,
// in one transaction, and neither is ever deleted): from schema v8 the
// places are read down the index on (mention_count DESC, id) of entities
// with coordinates, `limit` rows, instead of grouping every mention. In a
// window (f.from, f.to: the reports' publication days, undated reports
// left out) the mentions of the window's reports are grouped, read from
// the index on articles' published: the cost follows the window.
StatusOr<std::vector<PlacePoint>> SqlStore::ListPlaces(const EventFilter& f,
                                                       int limit) {
  std::vector<PlacePoint> out;
  auto add = [&](const SqlRow& s) {
    out.push_back({s.Text(0), s.Text(1), s.Double(2), s.Double(3), s.Int(4)});
  };
  const std::string order =
      " GROUP BY e.id ORDER BY COUNT(*) DESC, e.id LIMIT " +
      std::to_string(limit);
  if (!f.from.empty() || !f.to.empty()) {
    Where where;
    where.Add("e.lat IS NOT NULL");
    if (f.story != 0) where.Add("a.story_id = ?", f.story);
    // "0" sorts below every date and above "": undated reports are out.
    where.Add("a.published >= ?", f.from.empty() ? std::string("0") : f.from);
    if (!f.to.empty()) {
      if (std::string below = SortDateBelow(f.to); !below.empty()) {
        where.Add("a.published < ?", below);
      } else {
        where.Add("substr(a.published,1,10) <= ?", f.to);
      }
    }
    RETURN_IF_ERROR(
        Query("SELECT e.id, e.name, e.lat, e.lon, COUNT(*) FROM articles a "
              "JOIN mentions m ON m.article_id = a.id JOIN entities e ON "
              "e.id = m.entity_id" +
                  where.sql() + order,
              where.params(), add));
    return out;
  }
  if (f.story == 0 && HasListingIndexes()) {
    RETURN_IF_ERROR(
        Query("SELECT id, name, lat, lon, mention_count FROM entities WHERE "
              "lat IS NOT NULL ORDER BY mention_count DESC, id LIMIT " +
                  std::to_string(limit),
              {}, add));
    return out;
  }
  RETURN_IF_ERROR(
      Query("SELECT e.id, e.name, e.lat, e.lon, COUNT(*) FROM entities e JOIN "
            "mentions m ON m.entity_id = e.id WHERE e.lat IS NOT NULL AND " +
                InStory(f.story, "m.article_id") + order,
            {f.story}, add));
  return out;
}

// The newest first, in the events listing's order (sort_date DESC, then
// article and event; issue 25 step 6: before, article and event order, so
// a map of `limit` points showed the oldest located events of the window),
// read down the index of located events in that order (schema v10) or
// sorted (an older read-only store: its sort_date, or before v8 the
// listing date computed from the report, as ListEventsByScan does). A
// window (f.from, f.to) is on the events' day, as the events listing's: the
// event's date, else its report's day (schema v8's day column; before it,
// computed from the report).
StatusOr<std::vector<EventPoint>> SqlStore::ListEventPoints(
    const EventFilter& f, int limit) {
  std::vector<EventPoint> out;
  const bool window = !f.from.empty() || !f.to.empty();
  const std::string day =
      HasListingIndexes()
          ? std::string("e.day")
          : std::string(
                "(SELECT COALESCE(e.date, substr(a.published,1,10)) "
                "FROM articles a WHERE a.id = e.article_id)");
  std::string sql =
      "SELECT e.article_id, e.plover, e.mode, COALESCE(e.date,''), e.lat, "
      "e.lon, COALESCE(e.location,'') FROM events e WHERE e.lat IS NOT NULL "
      "AND " +
      InStory(f.story, "e.article_id");
  std::vector<SqlParam> params = {f.story};
  if (window) {
    if (!f.from.empty()) {
      params.push_back(f.from);
      sql += " AND " + day + " >= ?" + std::to_string(params.size());
    }
    if (!f.to.empty()) {
      params.push_back(f.to);
      sql += " AND " + day + " <= ?" + std::to_string(params.size());
    }
  }
  const std::string newest =
      HasListingIndexes()
          ? std::string("e.sort_date")
          : std::string(
                "(SELECT COALESCE(e.date, a.published, '') FROM articles a "
                "WHERE a.id = e.article_id)");
  sql += " ORDER BY " + newest + " DESC, e.article_id, e.idx LIMIT " +
         std::to_string(limit);
  RETURN_IF_ERROR(Query(sql, params, [&](const SqlRow& s) {
    out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(6),
                   s.Double(4), s.Double(5)});
  }));
  return out;
}

}  // namespace marsad
