#include "src/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "src/store/schema_testing.h"
#include "src/store/test_store.h"

namespace marsad {
namespace {

class SqliteStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    // One file per process: ctest runs these tests in parallel processes.
    path_ = testing::TempDir() + "/marsad_store_test_" +
            std::to_string(::getpid()) + ".db";
    std::remove(path_.c_str());
    std::remove((path_ + "-wal").c_str());
    std::remove((path_ + "-shm").c_str());
    auto s = Store::Open(path_, TestStoreOptions());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::remove((path_ + suffix).c_str());
  }

  static Document Make(uint64_t hash, const std::string& outlet,
                       const std::string& published, const std::string& text) {
    Document d;
    d.input_hash = hash;
    d.content_hash = hash * 7;
    d.source = "file" + std::to_string(hash) + ".txt";
    d.format = "txt";
    d.outlet = outlet;
    d.published = published;
    d.title = "عنوان " + std::to_string(hash);
    d.text = text;
    d.raw = "RAW " + text;
    return d;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, WriteReadAndIdempotence) {
  Document a = Make(1, "صحيفة الأفق", "2026-03-02", "قصف على المدينة");
  Document b =
      Make(2, "وكالة النهار", "2026-03-03T10:00:00", "غارة على المدينة");
  a.id = 1;
  a.story_id = 1;
  b.id = 2;
  b.story_id = 1;
  b.duplicate_of = 0;
  EntityMention e;
  e.span = Span{0, 6};
  e.type = EntityType::kLocation;
  e.text = "قصف";
  e.entity_id = "loc:x";
  e.canonical = "س";
  e.lat = 1.5;
  e.lon = 2.5;
  a.entities.push_back(e);
  StoryRow story;
  story.id = 1;
  story.title = "قصف المدينة";
  ASSERT_TRUE(store_->WriteBatch({&a, &b}, {story}, {}).ok());

  EXPECT_EQ(*store_->CountArticles(), 2);
  EXPECT_TRUE(*store_->HasInput(1));
  EXPECT_FALSE(*store_->HasInput(3));
  auto got = store_->GetArticle(1, /*with_raw=*/true);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->raw, "RAW قصف على المدينة");
  EXPECT_EQ((*got)->entities.size(), 1u);
  EXPECT_EQ((*got)->input_hash, 1u);

  auto s = store_->GetStory(1);
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->title, "قصف المدينة");
  EXPECT_EQ((*s)->first_seen, "2026-03-02");
  EXPECT_EQ((*s)->last_seen, "2026-03-03");
  EXPECT_EQ((*s)->articles, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ((*s)->outlets,
            (std::vector<std::string>{"صحيفة الأفق", "وكالة النهار"}));

  // The same input again adds nothing and reports the stored id.
  Document again = Make(1, "x", "", "غير ذلك");
  ASSERT_TRUE(store_->WriteBatch({&again}, {}, {}).ok());
  EXPECT_EQ(again.id, 1);
  EXPECT_EQ(*store_->CountArticles(), 2);
}

// The entity rows after two batches are those of one upsert per mention, in
// mention order: the first mention's name and type, a count of every
// mention, the first coordinates a mention carried where the row had none,
// and new rows in the order of their first mentions (WriteBatch upserts
// once per entity and batch).
TEST_F(SqliteStoreTest, EntityRowsAreThoseOfOneUpsertPerMention) {
  auto mention = [](const std::string& id, const std::string& text,
                    std::optional<double> lat, std::optional<double> lon) {
    EntityMention e;
    e.span = Span{0, 2};
    e.type = id[0] == 'p' ? EntityType::kPerson : EntityType::kLocation;
    e.text = text;
    e.entity_id = id;
    e.lat = lat;
    e.lon = lon;
    return e;
  };
  Document a = Make(1, "صحيفة الأفق", "2026-03-02", "نص أول");
  Document b = Make(2, "وكالة النهار", "2026-03-03", "نص ثان");
  a.entities = {mention("loc:a", "أ1", {}, {}), mention("per:b", "ب1", {}, {}),
                mention("loc:a", "أ2", 1, 2), mention("", "بلا", 9, 9)};
  b.entities = {mention("loc:a", "أ3", 3, 4), mention("loc:c", "ج1", 5, 6),
                mention("per:b", "ب2", {}, {})};
  b.entities.back().canonical = "ب القانوني";
  ASSERT_TRUE(store_->WriteBatch({&a, &b}, {}, {}).ok());
  Document c = Make(3, "صحيفة الأفق", "2026-03-04", "نص ثالث");
  c.entities = {mention("loc:c", "ج2", 7, 8), mention("per:b", "ب3", 9, 10),
                mention("org:d", "د1", {}, {})};
  c.entities.back().type = EntityType::kOrganization;
  ASSERT_TRUE(store_->WriteBatch({&c}, {}, {}).ok());
  store_.reset();

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT rowid, id, name, type, "
                               "ifnull(lat, 'null'), ifnull(lon, 'null'), "
                               "mention_count FROM entities ORDER BY rowid",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string r;
    for (int k = 0; k < 7; ++k) {
      if (k) r += "|";
      r += reinterpret_cast<const char*>(sqlite3_column_text(st, k));
    }
    rows.push_back(r);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "1|loc:a|أ1|LOC|1.0|2.0|3",
                      "2|per:b|ب1|PER|9.0|10.0|3",
                      "3|loc:c|ج1|LOC|5.0|6.0|2",
                      "4|org:d|د1|ORG|null|null|1",
                  }));
}

TEST_F(SqliteStoreTest, OpenBoundFigureKeepsTheAnalysisAndDamageIsSaid) {
  // "أكثر من 40 قتيلا" has max +infinity; the article must come back with
  // its whole analysis (it used to come back with none).
  Document a = Make(1, "صحيفة الأفق", "2026-03-02", "قتل أكثر من 40 شخصا");
  a.id = 1;
  a.numbers.push_back({Span{7, 25}, 40, 40,
                       std::numeric_limits<double>::infinity(), false, ""});
  EntityMention e;
  e.span = Span{0, 6};
  e.type = EntityType::kLocation;
  e.text = "قتل";
  e.entity_id = "loc:x";
  a.entities.push_back(e);
  ASSERT_TRUE(store_->WriteBatch({&a}, {}, {}).ok());
  auto got = store_->GetArticle(1, /*with_raw=*/false);
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  ASSERT_EQ((*got)->numbers.size(), 1u);
  EXPECT_EQ((*got)->numbers[0].max, std::numeric_limits<double>::infinity());
  EXPECT_EQ((*got)->entities.size(), 1u);

  // An analysis damaged on disk is reported, with the article's id, by a
  // read and by a scan, not served as an article without facts.
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE articles SET analysis = "
                         "'{\"numbers\": [{\"value\": \"x\"}]}'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = Store::Open(path_, TestStoreOptions());
  ASSERT_TRUE(s.ok());
  store_ = std::move(*s);
  auto bad = store_->GetArticle(1, /*with_raw=*/false);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
  EXPECT_NE(bad.status().message().find("article 1"), std::string::npos);
  Status scan = store_->ForEachArticle([](const Document&) {});
  EXPECT_EQ(scan.code(), StatusCode::kCorruption);
}

TEST_F(SqliteStoreTest, FailedBatchLeavesNothing) {
  Document a = Make(1, "o", "", "نص");
  a.id = 5;
  Document b = Make(2, "o", "", "نص آخر");
  b.id = 5;  // primary key clash: the whole batch must roll back
  EXPECT_FALSE(store_->WriteBatch({&a, &b}, {}, {}).ok());
  EXPECT_EQ(*store_->CountArticles(), 0);
  EXPECT_FALSE(*store_->HasInput(1));
}

TEST_F(SqliteStoreTest, StoriesNewestFirstWithLinks) {
  Document a = Make(1, "o1", "2026-03-01", "أ");
  Document b = Make(2, "o2", "2026-04-01", "ب");
  a.story_id = 1;
  b.story_id = 2;
  ASSERT_TRUE(
      store_->WriteBatch({&a, &b}, {{1, "أولى"}, {2, "ثانية"}}, {{1, 2, 0.3}})
          .ok());
  auto list = store_->ListStories(Page{});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, 2);
  EXPECT_EQ((*list)[0].related, (std::vector<int64_t>{1}));
  EXPECT_EQ(*store_->MaxStoryId(), 2);
}

TEST_F(SqliteStoreTest, ReopenKeepsDataAndRejectsNonDatabase) {
  Document a = Make(1, "o", "", "نص");
  ASSERT_TRUE(store_->WriteBatch({&a}, {}, {}).ok());
  store_.reset();
  auto again = Store::Open(path_, TestStoreOptions(/*read_only=*/true));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*(*again)->CountArticles(), 1);

  std::string junk = testing::TempDir() + "/marsad_not_a_db_" +
                     std::to_string(::getpid()) + ".db";
  FILE* f = std::fopen(junk.c_str(), "w");
  std::fputs("this is not sqlite, just text long enough to be a header......",
             f);
  std::fclose(f);
  EXPECT_FALSE(Store::Open(junk, TestStoreOptions()).ok());
  std::remove(junk.c_str());
  // Issue 25, step 6: a store reads its search terms with the text tables
  // it is given; without them it does not open (no process-wide folding to
  // fall back on), read-only or not.
  StoreOptions none;
  EXPECT_EQ(Store::Open(path_, none).status().code(),
            StatusCode::kInvalidArgument);
  none.read_only = true;
  EXPECT_EQ(Store::Open(path_, none).status().code(),
            StatusCode::kInvalidArgument);
  // Issue 25, step 9: nor without the outlet names its searches' outlet
  // filter is read with (no process-wide lexicon to fall back on).
  for (bool read_only : {false, true}) {
    StoreOptions no_outlets = TestStoreOptions(read_only);
    no_outlets.clean_lexicon = nullptr;
    auto s = Store::Open(path_, no_outlets);
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.status().message().find("clean_lexicon"), std::string::npos)
        << s.status().ToString();
  }
}

TEST_F(SqliteStoreTest, AVersion3StoreGainsTheV4IndexesAndKeepsItsData) {
  Document a = Make(1, "o", "2026-03-02", "نص أول");
  Document b = Make(2, "o", "2026-03-01", "نص ثان");
  a.story_id = b.story_id = 1;
  ASSERT_TRUE(store_->WriteBatch({&a, &b}, {{1, "قصة"}}, {}).ok());
  store_.reset();
  // Make the file what marsad wrote before v4.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         (std::string(kSqliteBackToV7) +
                          "DROP INDEX articles_filter; "
                          "DROP INDEX articles_story_published; "
                          "CREATE INDEX articles_story ON articles(story_id); "
                          "ALTER TABLE articles DROP COLUMN word_count; "
                          "PRAGMA user_version=3;")
                             .c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);

  auto reopened = SqliteStore::Open(path_, TestStoreOptions());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  std::vector<std::string> indexes;
  {
    auto names =
        Stmt::Prepare((*reopened)->handle(),
                      "SELECT name FROM sqlite_schema WHERE type='index' "
                      "AND tbl_name='articles' AND name LIKE 'articles_%' "
                      "ORDER BY name");
    ASSERT_TRUE(names.ok());
    while (true) {
      auto row = names->Step();
      ASSERT_TRUE(row.ok());
      if (!*row) break;
      indexes.push_back(names->Text(0));
    }
  }
  EXPECT_EQ(indexes,
            (std::vector<std::string>{
                "articles_content_hash", "articles_filter", "articles_outlet",
                "articles_published", "articles_story_published"}));
  auto story = (*reopened)->GetStory(1);
  ASSERT_TRUE(story.ok() && story->has_value());
  // Date order, from the new index.
  EXPECT_EQ((*story)->articles, (std::vector<int64_t>{b.id, a.id}));
}

// Issue 27: a store made before kept answers (v6) is served read-only with
// none kept, and gains the table when opened for writing.
TEST_F(SqliteStoreTest, AVersion6StoreKeepsNoAnswersUntilMigrated) {
  Document a = Make(1, "o", "2026-03-02", "نص أول");
  ASSERT_TRUE(store_->WriteBatch({&a}, {}, {}).ok());
  ASSERT_TRUE(store_->PutKeptAnswers({{"story/1/page", "v", "{}"}}).ok());
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         (std::string(kSqliteBackToV7) +
                          "DROP TABLE kept_answers; PRAGMA user_version=6;")
                             .c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);

  auto old = Store::Open(path_, TestStoreOptions(/*read_only=*/true));
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  auto none = (*old)->GetKeptAnswer("story/1/page");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->has_value());
  EXPECT_FALSE((*old)->PutKeptAnswers({{"story/1/page", "v", "{}"}}).ok());
  old->reset();

  auto migrated = Store::Open(path_, TestStoreOptions());
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_FALSE((*migrated)->GetKeptAnswer("story/1/page")->has_value());
  ASSERT_TRUE((*migrated)->PutKeptAnswers({{"story/1/page", "v", "{}"}}).ok());
  EXPECT_EQ((*(*migrated)->GetKeptAnswer("story/1/page"))->body, "{}");
  EXPECT_EQ(*(*migrated)->CountArticles(), 1);
}

// Issue 25: a store made before the listings' indexes (v7) lists the same
// read-only (by reading every row, as before), and opened to write gains
// the events' dates, the indexes and the totals, computed from its rows;
// the totals then follow new writes. Step 6 (v10): the outlets' counts and
// the map's newest located events, the same read-only and migrated.
TEST_F(SqliteStoreTest, AVersion7StoreListsTheSameBeforeAndAfterMigrating) {
  auto event = [](const std::string& plover, const std::string& date) {
    Event e;
    e.plover = plover;
    e.date = date;
    e.location = "مدينة";
    e.location_span = Span{0, 6};  // in the place's span: located
    return e;
  };
  EntityMention place;
  place.span = Span{0, 6};
  place.type = EntityType::kLocation;
  place.text = "مدينة";
  place.entity_id = "loc:a";
  place.lat = 1.5, place.lon = 2.5;
  Document a = Make(1, "o", "2026-03-02", "مدينة أولى");
  Document b = Make(2, "p", "2026-03-03T10:00:00", "مدينة ثانية");
  Document c = Make(3, "o", "", "مدينة ثالثة");
  a.id = 1, b.id = 2, c.id = 3;
  a.story_id = b.story_id = 1, c.story_id = 2;
  a.events = {event("ASSAULT", "")};
  b.events = {event("PROTEST", "2026-03-01"), event("ASSAULT", "")};
  c.events = {event("PROTEST", "")};
  a.entities = b.entities = {place};
  place.entity_id = "loc:b";
  c.entities = {place};
  ASSERT_TRUE(
      store_->WriteBatch({&a, &b, &c}, {{1, "قصة"}, {2, "أخرى"}}, {}).ok());

  // What the listings answer, as one string.
  auto listings = [](Store* s) {
    std::string out = std::to_string(s->CountStories().value()) + ";";
    const std::vector<StoryRow> stories = s->ListStories(Page{10, 0}).value();
    for (const StoryRow& r : stories) out += std::to_string(r.id) + ",";
    for (const EventFilter& f : std::vector<EventFilter>{{},
                                                         {.type = "ASSAULT"},
                                                         {.from = "2026-03-02"},
                                                         {.to = "2026-03-03"},
                                                         {.story = 2}}) {
      Listing<EventRow> l = s->ListEvents(f, Page{10, 0}).value();
      out += ";" + std::to_string(l.total) + ":";
      for (const EventRow& e : l.items)
        out += std::to_string(e.article_id) + "/" + std::to_string(e.idx) +
               e.date + ",";
    }
    const std::vector<PlacePoint> places = s->ListPlaces({}, 10).value();
    for (const PlacePoint& p : places)
      out += ";" + p.entity_id + "=" + std::to_string(p.mentions);
    // Located events newest first, the order of /api/events: b's event
    // dated by its report (03-03), a's (03-02), b's dated 03-01, then the
    // undated report's.
    const std::vector<EventPoint> points = s->ListEventPoints({}, 10).value();
    for (const EventPoint& p : points)
      out += ";" + std::to_string(p.article_id);
    // The map's window (reports' days for places, events' days for points).
    EventFilter from, to;
    from.from = "2026-03-03";
    to.to = "2026-03-02";
    for (const EventFilter* f : {&from, &to}) {
      out += ";w";
      const std::vector<PlacePoint> in_window = s->ListPlaces(*f, 10).value();
      for (const PlacePoint& p : in_window)
        out += ";" + p.entity_id + "=" + std::to_string(p.mentions);
      const std::vector<EventPoint> on_day = s->ListEventPoints(*f, 10).value();
      for (const EventPoint& p : on_day)
        out += ";" + std::to_string(p.article_id);
    }
    const std::vector<DayCount> days = s->ListTimeline({}).value();
    for (const DayCount& d : days)
      out += ";" + d.date + "=" + std::to_string(d.articles) + "/" +
             std::to_string(d.stories);
    const std::vector<OutletCount> outlets = s->ListOutlets(10).value();
    for (const OutletCount& o : outlets)
      out += ";" + o.outlet + ":" + std::to_string(o.articles);
    return out;
  };
  const std::string v8 = listings(store_.get());
  EXPECT_EQ(
      v8,
      "2;1,2,;4:2/1,1/0,2/02026-03-01,3/0,;2:2/1,1/0,;2:2/1,1/0,;3:2/1,1/0,2/"
      "02026-03-01,;1:3/0,;loc:a=2;loc:b=1;2;1;2;3;w;loc:a=1;2;w;loc:a=1;1;2;"
      "2026-03-02=1/1;2026-03-03=1/1;o:2;p:1");
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, kSqliteBackToV7, nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);

  auto old = Store::Open(path_, TestStoreOptions(/*read_only=*/true));
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ(listings(old->get()), v8);
  old->reset();
  auto migrated = Store::Open(path_, TestStoreOptions());
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_EQ(listings(migrated->get()), v8);

  Document d = Make(4, "p", "2026-03-04", "مدينة رابعة");
  d.id = 4, d.story_id = 3;
  d.events = {event("ASSAULT", "")};
  ASSERT_TRUE((*migrated)->WriteBatch({&d}, {{3, "ثالثة"}}, {}).ok());
  EXPECT_EQ(*(*migrated)->CountStories(), 3);
  EXPECT_EQ((*migrated)->ListEvents({}, Page{1, 0})->total, 5);
  EXPECT_EQ((*migrated)->ListEvents({.type = "ASSAULT"}, Page{1, 0})->total, 3);
  EXPECT_EQ((*migrated)->ListEvents({}, Page{1, 0})->items.at(0).article_id, 4);
  // The outlets' counts, built by the migration, follow the write (p's
  // second report ties it with o: by name then).
  const std::vector<OutletCount> outlets = (*migrated)->ListOutlets(10).value();
  ASSERT_EQ(outlets.size(), 2u);
  EXPECT_EQ(outlets[0].outlet, "o");
  EXPECT_EQ(outlets[1].outlet, "p");
  EXPECT_EQ(outlets[1].articles, 2);
}

}  // namespace
}  // namespace marsad
