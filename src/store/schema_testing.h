// For the store's tests: SQL that makes a store of the current SQLite schema
// what marsad wrote before v8 (src/store/schema.cc), so that a test can make
// an older file from a new one and open it as such. Tests only.
#ifndef MARSAD_STORE_SCHEMA_TESTING_H_
#define MARSAD_STORE_SCHEMA_TESTING_H_

namespace marsad {

// Undoes v11 (threads: the links' thread and anchor, the stories' thread),
// v10 (the outlets' counts, the newest located events' index), v9
// (the timeline's days) and v8 (the listings' columns, indexes, totals and
// their triggers) and sets the version to 7; a test that wants an older
// file runs its own statements after it.
inline constexpr char kSqliteBackToV7[] =
    "DROP INDEX stories_thread; ALTER TABLE stories DROP COLUMN thread_id; "
    "ALTER TABLE story_links DROP COLUMN anchor; "
    "ALTER TABLE story_links DROP COLUMN thread; "
    "DROP TRIGGER articles_outlet_counted; DROP TABLE outlet_counts; "
    "DROP INDEX events_located_newest; "
    "CREATE INDEX events_located ON events(article_id, idx) "
    "WHERE lat IS NOT NULL; "
    "DROP TRIGGER articles_on_timeline; DROP TABLE timeline_days; "
    "DROP TRIGGER events_counted; DROP TRIGGER events_uncounted; "
    "DROP TRIGGER stories_counted; DROP TRIGGER stories_recounted; "
    "DROP TRIGGER stories_uncounted; DROP TABLE listing_counts; "
    "DROP INDEX events_newest; DROP INDEX events_type_newest; "
    "DROP INDEX events_located; "
    "DROP INDEX stories_listed; DROP INDEX entities_places; "
    "ALTER TABLE events DROP COLUMN sort_date; "
    "ALTER TABLE events DROP COLUMN day; "
    "CREATE INDEX events_plover ON events(plover); "
    "PRAGMA user_version=7; ";

}  // namespace marsad

#endif  // MARSAD_STORE_SCHEMA_TESTING_H_
