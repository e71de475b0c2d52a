#include "src/distrib/pg_schema.h"

#include <string>
#include <vector>

#include "src/base/report_fields.h"

namespace marsad {

namespace {

// v1: the SQLite schema v1 (src/store/schema.cc), column for column, plus the
// search vector on articles (see pg_store.h) and instr() so that listings
// written for SQLite run here too.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE articles (
  id BIGINT PRIMARY KEY,
  input_hash TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT,
  outlet TEXT, agency TEXT, author TEXT, url TEXT, section TEXT, language TEXT,
  title TEXT, standfirst TEXT, published TEXT, modified TEXT,
  text TEXT NOT NULL,
  raw BYTEA,
  story_id BIGINT,
  duplicate_of BIGINT,
  analysis TEXT,
  fingerprint BYTEA,
  story_features BYTEA,
  terms TSVECTOR,
  ingested_at TEXT NOT NULL DEFAULT
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_terms ON articles USING GIN (terms);

CREATE TABLE stories (
  id BIGINT PRIMARY KEY,
  title TEXT,
  first_seen TEXT,
  last_seen TEXT,
  article_count BIGINT NOT NULL DEFAULT 0,
  outlets TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX stories_last_seen ON stories(last_seen);

CREATE TABLE story_links (
  a BIGINT NOT NULL,
  b BIGINT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (a, b)
);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  mention_count BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE mentions (
  article_id BIGINT NOT NULL,
  entity_id TEXT NOT NULL,
  type TEXT NOT NULL,
  begin BIGINT NOT NULL,
  "end" BIGINT NOT NULL,
  text TEXT NOT NULL,
  canonical TEXT,
  role TEXT
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE events (
  article_id BIGINT NOT NULL,
  idx BIGINT NOT NULL,
  plover TEXT,
  mode TEXT,
  date TEXT,
  location TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_plover ON events(plover);

CREATE TABLE rejected (
  source TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  at TEXT NOT NULL DEFAULT
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);

CREATE OR REPLACE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER
  LANGUAGE sql IMMUTABLE AS 'SELECT strpos(haystack, needle)';
)sql";

// v2: related stories by either end, as SQLite's v3 (src/store/schema.cc).
constexpr std::string_view kV2 = R"sql(
CREATE INDEX story_links_b ON story_links(b);
)sql";

// v3: the watcher's and the saved searches' state, as SQLite's v2 and v5:
// saved searches answer on PostgreSQL too (they listed none before).
constexpr std::string_view kV3 = R"sql(
CREATE TABLE watch_sources (
  source TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_polled TEXT,
  last_ok TEXT,
  failures BIGINT NOT NULL DEFAULT 0,
  last_error TEXT,
  documents BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE watch_seen (
  url TEXT PRIMARY KEY,
  source TEXT,
  status BIGINT,
  fetched_at TEXT NOT NULL DEFAULT
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE TABLE raw_pages (
  url TEXT PRIMARY KEY,
  fetched_at TEXT NOT NULL DEFAULT
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  content_type TEXT,
  body BYTEA
);
CREATE TABLE alerts (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}',
  last_article_id BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE TABLE alert_positions (
  alert TEXT NOT NULL,
  story_id BIGINT NOT NULL,
  position TEXT NOT NULL,
  fired BIGINT NOT NULL DEFAULT 0,
  seen_at TEXT NOT NULL DEFAULT
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  PRIMARY KEY (alert, story_id, position)
);
)sql";

// v4: the word_count column (src/base/report_fields.h) only.
// v5: answers kept between runs, as SQLite's v7.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE IF NOT EXISTS kept_answers (
  key TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  body BYTEA NOT NULL
);
)sql";

// v6: listings bounded by their page, as SQLite's v8 (src/store/schema.cc
// says why): the events' listing date and day, the indexes that walk the
// listings in their order, and the totals kept by triggers in the writing
// transaction.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE events ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN day TEXT;
UPDATE events SET sort_date = COALESCE(events.date, a.published, ''),
                  day = COALESCE(events.date, substr(a.published,1,10))
  FROM articles a WHERE a.id = events.article_id;
DROP INDEX events_plover;
CREATE INDEX events_newest ON events(sort_date DESC, article_id, idx, day);
CREATE INDEX events_type_newest ON events(plover, sort_date DESC, article_id,
                                          idx, day);
CREATE INDEX events_located ON events(article_id, idx) WHERE lat IS NOT NULL;
CREATE INDEX stories_listed ON stories((COALESCE(last_seen,'')) DESC, id DESC)
  WHERE article_count > 0;
CREATE INDEX entities_places ON entities(mention_count DESC, id)
  WHERE lat IS NOT NULL;

CREATE TABLE listing_counts (
  name TEXT PRIMARY KEY,
  n BIGINT NOT NULL
);
INSERT INTO listing_counts (name, n)
  SELECT 'stories', COUNT(*) FROM stories WHERE article_count > 0;
INSERT INTO listing_counts (name, n) SELECT 'events', COUNT(*) FROM events;
INSERT INTO listing_counts (name, n)
  SELECT 'events:' || plover, COUNT(*) FROM events WHERE plover IS NOT NULL
  GROUP BY plover;

CREATE FUNCTION marsad_count_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE listing_counts SET n = n + 1 WHERE name = 'events';
    IF NEW.plover IS NOT NULL THEN
      INSERT INTO listing_counts (name, n) VALUES ('events:' || NEW.plover, 1)
        ON CONFLICT (name) DO UPDATE SET n = listing_counts.n + 1;
    END IF;
  ELSE
    UPDATE listing_counts SET n = n - 1
      WHERE name = 'events' OR name = 'events:' || OLD.plover;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER events_counted AFTER INSERT OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION marsad_count_events();

CREATE FUNCTION marsad_count_stories() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_listed BOOLEAN := TG_OP <> 'INSERT' AND OLD.article_count > 0;
  is_listed BOOLEAN := TG_OP <> 'DELETE' AND NEW.article_count > 0;
BEGIN
  IF was_listed <> is_listed THEN
    UPDATE listing_counts SET n = n + (CASE WHEN is_listed THEN 1 ELSE -1 END)
      WHERE name = 'stories';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER stories_counted AFTER INSERT OR UPDATE OF article_count OR
  DELETE ON stories FOR EACH ROW EXECUTE FUNCTION marsad_count_stories();
)sql";

// v7: the timeline's days, as SQLite's v9.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE timeline_days (
  day TEXT PRIMARY KEY,
  articles BIGINT NOT NULL,
  stories BIGINT NOT NULL
);
INSERT INTO timeline_days (day, articles, stories)
  SELECT substr(published,1,10), COUNT(*), COUNT(DISTINCT story_id)
  FROM articles WHERE published IS NOT NULL GROUP BY 1;
CREATE FUNCTION marsad_timeline_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.published IS NULL THEN RETURN NULL; END IF;
  INSERT INTO timeline_days (day, articles, stories)
    VALUES (substr(NEW.published,1,10), 1,
      CASE WHEN NEW.story_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM articles o WHERE o.story_id = NEW.story_id
          AND o.id <> NEW.id AND o.published >= substr(NEW.published,1,10)
          AND substr(o.published,1,10) = substr(NEW.published,1,10))
      THEN 1 ELSE 0 END)
    ON CONFLICT (day) DO UPDATE SET
      articles = timeline_days.articles + 1,
      stories = timeline_days.stories + excluded.stories;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_on_timeline AFTER INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION marsad_timeline_day();
)sql";

// v8: the outlets' report counts and the map's newest located events, as
// SQLite's v10.
constexpr std::string_view kV8 = R"sql(
CREATE TABLE outlet_counts (
  outlet TEXT PRIMARY KEY,
  reports BIGINT NOT NULL
);
INSERT INTO outlet_counts (outlet, reports)
  SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL
  GROUP BY outlet;
CREATE FUNCTION marsad_count_outlet() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.outlet IS NULL THEN RETURN NULL; END IF;
  INSERT INTO outlet_counts (outlet, reports) VALUES (NEW.outlet, 1)
    ON CONFLICT (outlet) DO UPDATE SET reports = outlet_counts.reports + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_outlet_counted AFTER INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION marsad_count_outlet();
DROP INDEX events_located;
CREATE INDEX events_located_newest ON events(sort_date DESC, article_id, idx,
                                             day) WHERE lat IS NOT NULL;
)sql";

// v9: threads, as SQLite's v11.
constexpr std::string_view kV9 = R"sql(
ALTER TABLE story_links ADD COLUMN thread INTEGER NOT NULL DEFAULT 0;
ALTER TABLE story_links ADD COLUMN anchor DOUBLE PRECISION;
ALTER TABLE stories ADD COLUMN thread_id BIGINT;
CREATE INDEX stories_thread ON stories(thread_id) WHERE thread_id IS NOT NULL;
)sql";

constexpr std::string_view kMigrations[] = {kV1, kV2, kV3, "", kV5,
                                            kV6, kV7, kV8, kV9};

}  // namespace

std::span<const std::string_view> PgMigrations() {
  // As SqliteMigrations (src/store/schema.cc): the written migrations, then
  // the columns of report fields (src/base/report_fields.h) by pg_since.
  static const std::vector<std::string> kAll =
      MigrationsWithReportFields(kMigrations, SqlDialect::kPostgres);
  static const std::vector<std::string_view> kViews(kAll.begin(), kAll.end());
  return kViews;
}

}  // namespace marsad
