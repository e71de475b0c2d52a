#include "src/store/schema.h"

#include <string>
#include <vector>

#include "src/base/report_fields.h"

namespace marsad {

namespace {

// v1: articles with their clean text, analysis and raw input; stories and
// their links; entity mentions and events denormalized for filters and the
// map; the full-text index (marsad's own tokenizer, see src/search), kept
// contentless: its rows are the pre-analyzed terms, the text is in articles.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  input_hash TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT,
  outlet TEXT, agency TEXT, author TEXT, url TEXT, section TEXT, language TEXT,
  title TEXT, standfirst TEXT, published TEXT, modified TEXT,
  text TEXT NOT NULL,
  raw BLOB,
  story_id INTEGER,
  duplicate_of INTEGER,
  analysis TEXT,
  fingerprint BLOB,
  story_features BLOB,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT,
  first_seen TEXT,
  last_seen TEXT,
  article_count INTEGER NOT NULL DEFAULT 0,
  outlets TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX stories_last_seen ON stories(last_seen);

CREATE TABLE story_links (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (a, b)
);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  lat REAL,
  lon REAL,
  mention_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mentions (
  article_id INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  type TEXT NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  canonical TEXT,
  role TEXT
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE events (
  article_id INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  plover TEXT,
  mode TEXT,
  date TEXT,
  location TEXT,
  lat REAL,
  lon REAL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_plover ON events(plover);

CREATE TABLE rejected (
  source TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='', tokenize='marsad');
)sql";

// v2: monitoring state (src/watch): sources and their health, URLs seen,
// every fetched page kept raw (so re-processing never re-fetches), saved
// searches and what each has already reported.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE watch_sources (
  source TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_polled TEXT,
  last_ok TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  documents INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE watch_seen (
  url TEXT PRIMARY KEY,
  source TEXT,
  status INTEGER,
  fetched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE raw_pages (
  url TEXT PRIMARY KEY,
  fetched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  content_type TEXT,
  body BLOB
);
CREATE TABLE alerts (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}',
  last_article_id INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
)sql";

// v3: related stories by either end. The story page reads the links of
// the story and of each related story ("a=? OR b=?"); without an index on
// b each read scanned every link (112,000 on the SaudiNewsNet corpus, where
// one story has 1,124 related stories: a page took tens of seconds;
// bench/search_bench).
constexpr std::string_view kV3 = R"sql(
CREATE INDEX story_links_b ON story_links(b);
)sql";

// v4: indexes that answer without reading the articles' rows, which hold
// the text (one or more pages each):
//  * the columns search filters on (date, outlet, story), by article id.
//    Search joins its FTS matches to this index: a common word with a date
//    filter read 15,000 rows (97 ms; with the index 26 ms,
//    bench/search_bench);
//  * a story's articles in date order (the story page, for the story and
//    each related story), replacing the index on story_id alone.
constexpr std::string_view kV4 = R"sql(
CREATE INDEX articles_filter ON articles(id, published, outlet, story_id);
CREATE INDEX articles_story_published ON articles(story_id, published);
DROP INDEX articles_story;
)sql";

// v5: the positions each contradiction alert has seen (src/watch/alerts.h),
// made on first use by the watcher before; IF NOT EXISTS for those stores.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE IF NOT EXISTS alert_positions (
  alert TEXT NOT NULL,
  story_id INTEGER NOT NULL,
  position TEXT NOT NULL,
  fired INTEGER NOT NULL DEFAULT 0,
  seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (alert, story_id, position)
);
)sql";

// v6: the word_count column (src/base/report_fields.h) only.
// v7: answers kept between runs (src/server/kept_answers.h): a story's page,
// points and briefs and its outlets' figures, written at ingest so that a
// story's first view reads them instead of comparing its reports. IF NOT
// EXISTS: the tests that make an older file from a new one keep the table.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE IF NOT EXISTS kept_answers (
  key TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  body BLOB NOT NULL
);
)sql";

// v8: listings answered in time bounded by their page, not by the archive
// (issue 25: on a 1,000,000-report store /api/events took 5.3 s, the map's
// places 1.1 s, the story list 0.4-0.7 s, each sorting or counting every
// row at query time):
//  * events carry their listing date, sort_date = COALESCE(date, the
//    report's published, '') (the order of /api/events), and day =
//    COALESCE(date, the report's published day) (its from/to filter), set
//    at insert: events and articles are written once and never updated.
//    The listing walks an index in its order, by type or not, and counts
//    a from/to window on it (day is in the index);
//  * the story list in its order (last_seen, id), stories with articles
//    only; the places (entities with coordinates) by mention count;
//  * listing_counts: the totals the pages print (stories with articles,
//    events, events of each type), kept by triggers in the transaction of
//    the write that changes them, so a batch killed mid-way leaves them
//    as it leaves the rows, and a re-run that adds nothing counts nothing.
constexpr std::string_view kV8 = R"sql(
ALTER TABLE events ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN day TEXT;
UPDATE events SET
  sort_date = COALESCE(date, (SELECT a.published FROM articles a
                              WHERE a.id = events.article_id), ''),
  day = COALESCE(date, (SELECT substr(a.published,1,10) FROM articles a
                        WHERE a.id = events.article_id));
DROP INDEX events_plover;
CREATE INDEX events_newest ON events(sort_date DESC, article_id, idx, day);
CREATE INDEX events_type_newest ON events(plover, sort_date DESC, article_id,
                                          idx, day);
CREATE INDEX events_located ON events(article_id, idx) WHERE lat IS NOT NULL;
CREATE INDEX stories_listed ON stories(COALESCE(last_seen,'') DESC, id DESC)
  WHERE article_count > 0;
CREATE INDEX entities_places ON entities(mention_count DESC, id)
  WHERE lat IS NOT NULL;

CREATE TABLE listing_counts (
  name TEXT PRIMARY KEY,
  n INTEGER NOT NULL
);
INSERT INTO listing_counts (name, n)
  SELECT 'stories', COUNT(*) FROM stories WHERE article_count > 0;
INSERT INTO listing_counts (name, n) SELECT 'events', COUNT(*) FROM events;
INSERT INTO listing_counts (name, n)
  SELECT 'events:' || plover, COUNT(*) FROM events WHERE plover IS NOT NULL
  GROUP BY plover;
CREATE TRIGGER events_counted AFTER INSERT ON events BEGIN
  UPDATE listing_counts SET n = n + 1 WHERE name = 'events';
  INSERT INTO listing_counts (name, n)
    SELECT 'events:' || NEW.plover, 1 WHERE NEW.plover IS NOT NULL
    ON CONFLICT(name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_uncounted AFTER DELETE ON events BEGIN
  UPDATE listing_counts SET n = n - 1
    WHERE name = 'events' OR name = 'events:' || OLD.plover;
END;
CREATE TRIGGER stories_counted AFTER INSERT ON stories
  WHEN NEW.article_count > 0 BEGIN
  UPDATE listing_counts SET n = n + 1 WHERE name = 'stories';
END;
CREATE TRIGGER stories_recounted AFTER UPDATE OF article_count ON stories
  WHEN (OLD.article_count > 0) <> (NEW.article_count > 0) BEGIN
  UPDATE listing_counts
    SET n = n + (CASE WHEN NEW.article_count > 0 THEN 1 ELSE -1 END)
    WHERE name = 'stories';
END;
CREATE TRIGGER stories_uncounted AFTER DELETE ON stories
  WHEN OLD.article_count > 0 BEGIN
  UPDATE listing_counts SET n = n - 1 WHERE name = 'stories';
END;
)sql";

// v9: the timeline's days (issue 25): articles and distinct stories per
// publication day, kept by a trigger on insert in the writing transaction
// (articles are never updated or deleted). A report counts its story on
// its day unless another report of the story has that day already (a
// probe of the story's articles from that day on, on the (story_id,
// published) index). The timeline of a window reads its days, not its
// articles.
constexpr std::string_view kV9 = R"sql(
CREATE TABLE timeline_days (
  day TEXT PRIMARY KEY,
  articles INTEGER NOT NULL,
  stories INTEGER NOT NULL
);
INSERT INTO timeline_days (day, articles, stories)
  SELECT substr(published,1,10), COUNT(*), COUNT(DISTINCT story_id)
  FROM articles WHERE published IS NOT NULL GROUP BY 1;
CREATE TRIGGER articles_on_timeline AFTER INSERT ON articles
  WHEN NEW.published IS NOT NULL BEGIN
  INSERT INTO timeline_days (day, articles, stories)
    SELECT substr(NEW.published,1,10), 1,
      CASE WHEN NEW.story_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM articles o WHERE o.story_id = NEW.story_id
          AND o.id <> NEW.id AND o.published >= substr(NEW.published,1,10)
          AND substr(o.published,1,10) = substr(NEW.published,1,10))
      THEN 1 ELSE 0 END
    WHERE true
    ON CONFLICT(day) DO UPDATE SET articles = articles + 1,
      stories = stories + excluded.stories;
END;
)sql";

// v10 (issue 25, step 6): two listings that read every row.
//  * outlet_counts: each outlet's reports, kept by a trigger on insert in
//    the writing transaction (articles are never updated or deleted), so
//    that /api/outlets reads one row per outlet instead of grouping the
//    articles (its latency followed the archive);
//  * the map's located events are the newest (the events listing's order,
//    sort_date DESC, then article and event), read down an index in that
//    order; events_located (article and event order) is dropped.
constexpr std::string_view kV10 = R"sql(
CREATE TABLE outlet_counts (
  outlet TEXT PRIMARY KEY,
  reports INTEGER NOT NULL
);
INSERT INTO outlet_counts (outlet, reports)
  SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL
  GROUP BY outlet;
CREATE TRIGGER articles_outlet_counted AFTER INSERT ON articles
  WHEN NEW.outlet IS NOT NULL BEGIN
  INSERT INTO outlet_counts (outlet, reports) VALUES (NEW.outlet, 1)
    ON CONFLICT(outlet) DO UPDATE SET reports = reports + 1;
END;
DROP INDEX events_located;
CREATE INDEX events_located_newest ON events(sort_date DESC, article_id, idx,
                                             day) WHERE lat IS NOT NULL;
)sql";

// v11: threads (issue 20; src/story/threads.h). Each related link keeps
// its two stories' first reports' score with time left out
// (story_links.anchor) and what that makes it (story_links.thread: 1 one
// thread, from kThreadThreshold; 2 near, from kThreadAttachThreshold). A
// story joined by thread links carries the thread's id, the smallest story
// id of its component (stories.thread_id); the ingest joins two threads in
// the transaction that writes the link, by relabelling the later thread's
// stories. A story no thread link reaches (thread_id NULL) counts in the
// thread of its nearest near-linked story that has one (SqlStore's
// ThreadColumn), else it is a thread of one. Stores of older versions get
// their threads from `marsad rethread`.
constexpr std::string_view kV11 = R"sql(
ALTER TABLE story_links ADD COLUMN thread INTEGER NOT NULL DEFAULT 0;
ALTER TABLE story_links ADD COLUMN anchor REAL;
ALTER TABLE stories ADD COLUMN thread_id INTEGER;
CREATE INDEX stories_thread ON stories(thread_id) WHERE thread_id IS NOT NULL;
)sql";

constexpr std::string_view kMigrations[] = {kV1, kV2, kV3, kV4,  kV5, "",
                                            kV7, kV8, kV9, kV10, kV11};

}  // namespace

std::span<const std::string_view> SqliteMigrations() {
  // The written migrations, then those adding the columns of report fields
  // (src/base/report_fields.h) whose sqlite_since is past them; a version
  // may have both.
  static const std::vector<std::string> kAll =
      MigrationsWithReportFields(kMigrations, SqlDialect::kSqlite);
  static const std::vector<std::string_view> kViews(kAll.begin(), kAll.end());
  return kViews;
}

}  // namespace marsad
