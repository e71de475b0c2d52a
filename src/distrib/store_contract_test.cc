// The Store contract (include/marsad/store.h), one suite run against every
// implementation: SQLite always, PostgreSQL when a throwaway cluster can be
// started on loopback (skipped with the reason otherwise). Whatever one store
// answers, the other must answer too; search is held to the same hits and
// the same best hit on clear cases (ranking functions differ: BM25 vs
// ts_rank, see pg_store.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "marsad/store.h"
#include "src/base/report_fields.h"
#include "src/distrib/pg_store.h"
#include "src/distrib/test_servers.h"
#include "src/search/terms.h"
#include "src/store/test_store.h"

namespace marsad {
namespace {

namespace ts = testing_servers;

ts::PgCluster* Cluster() {
  static ts::PgCluster* cluster = nullptr;
  static std::string why;
  if (cluster == nullptr && why.empty()) {
    cluster = new ts::PgCluster();  // lives until exit; stopped by atexit below
    why = cluster->Start();
    if (!why.empty()) {
      delete cluster;
      cluster = nullptr;
    } else {
      std::atexit([] { delete cluster; });
    }
  }
  return cluster;
}

std::string PgSkipReason() {
  if (Cluster() != nullptr) return "";
  ts::PgCluster probe;
  return probe.Start();
}

Document Doc(uint64_t input_hash, const std::string& title,
             const std::string& text, const std::string& outlet,
             const std::string& published) {
  Document d;
  d.source = "doc" + std::to_string(input_hash) + ".txt";
  d.format = "txt";
  d.raw = title + "\n" + text;
  d.title = title;
  d.text = text;
  d.outlet = outlet;
  d.published = published;
  d.input_hash = input_hash;
  d.content_hash = input_hash * 31;
  d.fingerprint = std::string("fp\0bytes", 8) + std::to_string(input_hash);
  d.story_features = std::string("\x01\x02\x00\xff", 4);
  d.index_terms = PreAnalyze(TestTextTables(), text);
  EntityMention m;
  m.span = {0, 4};
  m.type = EntityType::kLocation;
  m.text = text.substr(0, 4);
  m.entity_id = "loc:x";
  m.canonical = "X";
  m.lat = 33.5;
  m.lon = 36.3;
  d.entities.push_back(m);
  return d;
}

class StoreContractTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static int n = 0;
    if (GetParam() == "postgresql") {
      std::string why = PgSkipReason();
      if (!why.empty())
        GTEST_SKIP() << "PostgreSQL contract tests skipped: " << why;
      RegisterPgStore();
      url_ = Cluster()->NewDatabase("contract" + std::to_string(++n));
    } else {
      dir_ = ts::TempDir("contract");
      url_ = dir_ + "/t.db";
    }
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  void Reopen() {
    store_.reset();
    auto s = Store::Open(url_, TestStoreOptions());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  // Writes three articles in two stories (1: a, b; 2: c) with a link.
  void WriteThree() {
    docs_ = {
        Doc(1, "قصف على دمشق", "سقطت قذائف على دمشق صباح اليوم وأصيب ثلاثة",
            "الوطن", "2024-03-02"),
        Doc(2, "دمشق تحت القصف", "قالت مصادر إن القذائف سقطت على أحياء دمشق",
            "النهار", "2024-03-01T10:00:00"),
        Doc(3, "انتخابات في بيروت",
            "بدأ التصويت في الانتخابات البلدية في بيروت بحضور كيري", "الوطن",
            "2024-03-05")};
    docs_[0].id = 1, docs_[1].id = 2, docs_[2].id = 3;
    docs_[0].story_id = docs_[1].story_id = 1;
    docs_[2].story_id = 2;
    docs_[1].duplicate_of = 1;
    std::vector<Document*> ptrs = {&docs_[0], &docs_[1], &docs_[2]};
    std::vector<StoryRow> rows(2);
    rows[0].id = 1, rows[0].title = "قصف دمشق";
    rows[1].id = 2, rows[1].title = "انتخابات بيروت";
    ASSERT_TRUE(store_->WriteBatch(ptrs, rows, {{1, 2, 0.25}}).ok());
  }
  std::set<int64_t> Hits(const std::string& q) {
    SearchRequest r;
    r.query = q;
    auto res = store_->Search(r);
    EXPECT_TRUE(res.ok()) << q << ": " << res.status().ToString();
    std::set<int64_t> ids;
    if (res.ok()) {
      for (const SearchHit& h : res->hits) ids.insert(h.article_id);
    }
    return ids;
  }

  std::string dir_, url_;
  std::unique_ptr<Store> store_;
  std::vector<Document> docs_;
};

TEST_P(StoreContractTest, EmptyStore) {
  EXPECT_EQ(*store_->CountArticles(), 0);
  EXPECT_EQ(*store_->MaxArticleId(), 0);
  EXPECT_EQ(*store_->MaxStoryId(), 0);
  EXPECT_FALSE(*store_->HasInput(42));
  EXPECT_FALSE(store_->GetArticle(1)->has_value());
  EXPECT_FALSE(store_->GetStory(1)->has_value());
  EXPECT_TRUE(store_->ListStories(Page{})->empty());
}

TEST_P(StoreContractTest, ArticlesRoundTrip) {
  WriteThree();
  EXPECT_EQ(*store_->CountArticles(), 3);
  EXPECT_EQ(*store_->MaxArticleId(), 3);
  EXPECT_EQ(*store_->MaxStoryId(), 2);
  EXPECT_TRUE(*store_->HasInput(2));
  auto a = store_->GetArticle(2, /*with_raw=*/true);
  ASSERT_TRUE(a.ok() && a->has_value());
  const Document& d = **a;
  EXPECT_EQ(d.source, docs_[1].source);
  EXPECT_EQ(d.title, docs_[1].title);
  EXPECT_EQ(d.text, docs_[1].text);
  EXPECT_EQ(d.raw, docs_[1].raw);
  EXPECT_EQ(d.outlet, "النهار");
  EXPECT_EQ(d.published, "2024-03-01T10:00:00");
  EXPECT_EQ(d.input_hash, 2u);
  EXPECT_EQ(d.content_hash, 62u);
  EXPECT_EQ(d.fingerprint, docs_[1].fingerprint);
  EXPECT_EQ(d.story_features, docs_[1].story_features);
  EXPECT_EQ(d.story_id, 1);
  EXPECT_EQ(d.duplicate_of, 1);
  ASSERT_EQ(d.entities.size(), 1u);
  EXPECT_EQ(d.entities[0].entity_id, "loc:x");
  EXPECT_TRUE(store_->GetArticle(2, false).value()->raw.empty());
  Reopen();
  EXPECT_EQ(*store_->CountArticles(), 3);
}

// Issue 25: the report field table (src/base/report_fields.h) drives both
// stores' columns, writes and reads: every row, given a value of its own,
// reads back the same by id and by scan; an absent one reads back absent.
TEST_P(StoreContractTest, EveryReportFieldRoundTrips) {
  Document full = Doc(1, "عنوان", "نص التقرير كله", "الوطن", "2024-03-02");
  Document bare = Doc(2, "عنوان آخر", "نص ثان", "", "");
  full.id = 1, bare.id = 2;
  for (size_t i = 0; i < kReportFieldCount; ++i) {
    const ReportField& f = kReportFields[i];
    if (f.type == FieldType::kInt) {
      full.*f.integer = 1000 + static_cast<int64_t>(i);
      bare.*f.integer = 0;
    } else {
      full.*f.text = "قيمة " + std::string(f.name);
      if (!f.required) bare.*f.text = "";
    }
  }
  ASSERT_TRUE(store_->WriteBatch({&full, &bare}, {}, {}).ok());
  Reopen();
  std::vector<Document> scanned;
  ASSERT_TRUE(
      store_
          ->ForEachRecent("", [&](const Document& d) { scanned.push_back(d); })
          .ok());
  ASSERT_EQ(scanned.size(), 2u);
  for (const Document* want : {&full, &bare}) {
    auto got = store_->GetArticle(want->id, false);
    ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
    for (const Document& d : {**got, scanned[want->id - 1]}) {
      for (const ReportField& f : kReportFields) {
        if (f.type == FieldType::kInt) {
          EXPECT_EQ(d.*f.integer, want->*f.integer) << f.name;
        } else {
          EXPECT_EQ(d.*f.text, want->*f.text) << f.name;
        }
      }
      EXPECT_EQ(d.text, want->text);
      EXPECT_EQ(d.fingerprint, want->fingerprint);
    }
  }
}

TEST_P(StoreContractTest, RewritingAnInputAddsNothing) {
  WriteThree();
  Document again = Doc(2, "other", "other text entirely", "x", "2025-01-01");
  again.id = 9;
  again.story_id = 7;
  std::vector<Document*> ptrs = {&again};
  ASSERT_TRUE(store_->WriteBatch(ptrs, {}, {}).ok());
  EXPECT_EQ(again.id, 2);        // the stored article's id
  EXPECT_EQ(again.story_id, 0);  // not written: the stored one keeps its story
  EXPECT_EQ(*store_->CountArticles(), 3);
  EXPECT_EQ(store_->GetArticle(2).value()->title, "دمشق تحت القصف");
}

TEST_P(StoreContractTest, FailedBatchLeavesNothing) {
  WriteThree();
  Document fresh = Doc(10, "t", "نص جديد", "x", "2024-04-01");
  fresh.id = 10;
  Document clash = Doc(11, "t", "نص آخر", "x", "2024-04-01");
  clash.id = 3;  // a different input under a used id: the batch must fail
  std::vector<Document*> ptrs = {&fresh, &clash};
  EXPECT_FALSE(store_->WriteBatch(ptrs, {}, {}).ok());
  EXPECT_FALSE(*store_->HasInput(10));
  EXPECT_EQ(*store_->CountArticles(), 3);
}

TEST_P(StoreContractTest, StoryAggregates) {
  WriteThree();
  auto s = store_->GetStory(1);
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->title, "قصف دمشق");
  EXPECT_EQ((*s)->first_seen, "2024-03-01");
  EXPECT_EQ((*s)->last_seen, "2024-03-02");
  EXPECT_EQ((*s)->articles, (std::vector<int64_t>{2, 1}));  // by published
  EXPECT_EQ((*s)->outlets,
            (std::vector<std::string>{"الوطن", "النهار"}));  // by first id
  EXPECT_EQ((*s)->related, (std::vector<int64_t>{2}));
  auto list = store_->ListStories(Page{10, 0});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, 2);  // latest last_seen first
  EXPECT_EQ(store_->ListStories(Page{1, 1})->at(0).id, 1);
}

TEST_P(StoreContractTest, IndexRowsAreTheRestoreFieldsInIdOrder) {
  WriteThree();
  Reopen();
  std::vector<IndexRow> rows;
  ASSERT_TRUE(
      store_->ForEachIndexRow([&](const IndexRow& r) { rows.push_back(r); })
          .ok());
  ASSERT_EQ(rows.size(), 3u);
  for (size_t i = 0; i < rows.size(); ++i) {
    auto full = store_->GetArticle(rows[i].id, false);
    ASSERT_TRUE(full.ok() && full->has_value());
    const Document& d = **full;
    EXPECT_EQ(rows[i].id, static_cast<int64_t>(i + 1));
    EXPECT_EQ(rows[i].story_id, d.story_id);
    EXPECT_EQ(rows[i].duplicate_of, d.duplicate_of);
    EXPECT_EQ(rows[i].published, d.published);
    EXPECT_EQ(rows[i].fingerprint, d.fingerprint);
    EXPECT_EQ(rows[i].story_features, d.story_features);
    EXPECT_FALSE(rows[i].fingerprint.empty());
  }
  EXPECT_EQ(rows[1].duplicate_of, 1);
  EXPECT_EQ(rows[2].story_id, 2);
}

TEST_P(StoreContractTest, RestoreReadsRecentInIdOrder) {
  WriteThree();
  std::vector<int64_t> ids;
  ASSERT_TRUE(store_
                  ->ForEachRecent("2024-03-02",
                                  [&](const Document& d) {
                                    ids.push_back(d.id);
                                    EXPECT_FALSE(d.fingerprint.empty());
                                  })
                  .ok());
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 3}));
  ids.clear();
  ASSERT_TRUE(
      store_->ForEachArticle([&](const Document& d) { ids.push_back(d.id); })
          .ok());
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 3}));
}

TEST_P(StoreContractTest, RejectedIsAnUpsert) {
  ASSERT_TRUE(store_->RecordRejected({"b.txt", "first"}).ok());
  ASSERT_TRUE(store_->RecordRejected({"a.txt", "bad"}).ok());
  ASSERT_TRUE(store_->RecordRejected({"b.txt", "second"}).ok());
  auto r = store_->ListRejected();
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].source, "a.txt");
  EXPECT_EQ((*r)[1].reason, "second");
}

TEST_P(StoreContractTest, SearchMatchesTheSameArticles) {
  WriteThree();
  EXPECT_EQ(Hits("دمشق"), (std::set<int64_t>{1, 2}));
  EXPECT_EQ(Hits("بدمشق"), (std::set<int64_t>{1, 2}));  // clitic attached
  EXPECT_EQ(Hits("القذائف"), (std::set<int64_t>{1, 2}));
  EXPECT_EQ(Hits("دمشق -أحياء"), (std::set<int64_t>{1}));
  EXPECT_EQ(Hits("\"سقطت قذائف\""), (std::set<int64_t>{1}));
  EXPECT_EQ(Hits("انتخاب*"), (std::set<int64_t>{3}));
  EXPECT_EQ(Hits("بيروت دمشق"), (std::set<int64_t>{}));
  // A Latin name too short for a skeleton, through its Arabic spellings.
  EXPECT_EQ(Hits("Kerry"), (std::set<int64_t>{3}));
  SearchRequest empty;
  empty.query = "؟";
  EXPECT_EQ(store_->Search(empty).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(StoreContractTest, SearchFiltersAndHighlights) {
  WriteThree();
  SearchRequest r;
  r.query = "دمشق";
  r.outlet = "النهار";
  auto res = store_->Search(r);
  ASSERT_TRUE(res.ok());
  ASSERT_EQ(res->total, 1);
  const SearchHit& h = res->hits[0];
  EXPECT_EQ(h.article_id, 2);
  EXPECT_EQ(h.story_id, 1);
  ASSERT_FALSE(h.highlights.empty());
  EXPECT_EQ(h.highlights[0].In(docs_[1].text), "دمشق");
  SearchRequest f;
  f.story = 2;
  EXPECT_EQ(store_->Search(f)->total, 1);
  f = {};
  f.from = "2024-03-02";
  EXPECT_EQ(store_->Search(f)->total, 2);
  f = {};
  f.query = "دمشق";
  f.after_id = 1;
  EXPECT_EQ(store_->Search(f)->total, 1);
  f = {};
  f.entity = "loc:x";
  EXPECT_EQ(store_->Search(f)->total, 3);
}

TEST_P(StoreContractTest, TitleRanksAboveBody) {
  WriteThree();
  Document body = Doc(20, "خبر", "بيروت بيروت في الخبر", "x", "2024-03-06");
  body.id = 20;
  std::vector<Document*> ptrs = {&body};
  ASSERT_TRUE(store_->WriteBatch(ptrs, {}, {}).ok());
  SearchRequest r;
  r.query = "انتخابات";
  auto res = store_->Search(r);
  ASSERT_TRUE(res.ok());
  ASSERT_EQ(res->hits.size(), 1u);
  EXPECT_EQ(res->hits[0].article_id, 3);
  EXPECT_GT(res->hits[0].score, 0);
}

// Threads (issue 20): a thread link joins two stories' threads under the
// smaller id, a later link between two threads relabels the later one; a
// story no thread link reaches counts in the thread of its nearest
// near-linked story that has one; a related link that is neither joins
// nothing; re-writing a link (a re-run, `marsad rethread`) changes nothing.
TEST_P(StoreContractTest, ThreadLinksJoinThreadsUnderTheSmallestId) {
  constexpr ThreadLink kThread = ThreadLink::kThread, kNear = ThreadLink::kNear,
                       kNone = ThreadLink::kNone;
  std::vector<Document> docs;
  for (int i = 1; i <= 6; ++i) {
    docs.push_back(Doc(i, "خبر " + std::to_string(i),
                       "نص الخبر رقم " + std::to_string(i), "الوطن",
                       "2024-03-0" + std::to_string(i)));
    docs.back().id = i;
    docs.back().story_id = i;
  }
  std::vector<Document*> ptrs;
  std::vector<StoryRow> rows(6);
  for (int i = 0; i < 6; ++i) ptrs.push_back(&docs[i]), rows[i].id = i + 1;
  // 1-2 one thread; 4-5 another; 3 related to 4 only; 6 near 1 and, nearer,
  // near 4.
  ASSERT_TRUE(store_
                  ->WriteBatch(ptrs, rows,
                               {{1, 2, 0.3, kThread, 0.4},
                                {3, 4, 0.2, kNone, 0.1},
                                {4, 5, 0.3, kThread, 0.35},
                                {1, 6, 0.2, kNear, 0.2},
                                {4, 6, 0.2, kNear, 0.25}})
                  .ok());
  auto thread_of = [&](int64_t id) {
    auto s = store_->GetStorySummary(id);
    EXPECT_TRUE(s.ok() && s->has_value());
    return s.ok() && s->has_value() ? (*s)->thread : -1;
  };
  EXPECT_EQ(thread_of(1), 1);
  EXPECT_EQ(thread_of(2), 1);
  EXPECT_EQ(thread_of(3), 3);  // related, not one thread
  EXPECT_EQ(thread_of(4), 4);
  EXPECT_EQ(thread_of(5), 4);
  EXPECT_EQ(thread_of(6), 4);  // attached to its nearest thread
  EXPECT_EQ(store_->GetStory(5)->value().thread, 4);
  EXPECT_EQ(store_->GetStory(6)->value().thread, 4);

  auto t4 = store_->ListThreadStories(4, Page{10, 0});
  ASSERT_TRUE(t4.ok()) << t4.status().ToString();
  EXPECT_EQ(t4->total, 3);
  ASSERT_EQ(t4->items.size(), 3u);
  EXPECT_EQ(t4->items[0].id, 6);  // newest first
  EXPECT_EQ(t4->items[1].id, 5);
  EXPECT_EQ(t4->items[0].thread, 4);
  EXPECT_EQ(store_->ListThreadStories(1, Page{10, 0})->total, 2);
  auto alone = store_->ListThreadStories(3, Page{10, 0});
  EXPECT_EQ(alone->total, 1);
  ASSERT_EQ(alone->items.size(), 1u);
  EXPECT_EQ(alone->items[0].id, 3);
  EXPECT_EQ(store_->ListThreadStories(5, Page{10, 0})->total, 0);  // not an id
  EXPECT_EQ(store_->ListThreadStories(6, Page{10, 0})->total, 0);
  EXPECT_EQ(store_->ListThreadStories(99, Page{10, 0})->total, 0);

  // A link from 5 to 2 joins the two threads under 1 (6 follows); the
  // related link 3-4 stays one when written again.
  ASSERT_TRUE(store_->WriteBatch({}, {}, {{2, 5, 0.31, kThread, 0.31}}).ok());
  for (int64_t id : {1, 2, 4, 5, 6}) EXPECT_EQ(thread_of(id), 1) << id;
  EXPECT_EQ(thread_of(3), 3);
  EXPECT_EQ(store_->ListThreadStories(1, Page{2, 0})->total, 5);
  EXPECT_EQ(store_->ListThreadStories(1, Page{2, 4})->items.size(), 1u);
  ASSERT_TRUE(
      store_
          ->WriteBatch({}, {}, {{1, 2, 0, kThread, 0.4}, {3, 4, 0, kNone, 0.1}})
          .ok());
  EXPECT_EQ(store_->ListThreadStories(1, Page{10, 0})->total, 5);
  EXPECT_EQ(thread_of(3), 3);
  EXPECT_EQ(store_->GetStory(1)->value().related,
            (std::vector<int64_t>{2, 6}));  // score kept (max), no new link
}

// The read models (include/marsad/store.h): what the API, the CLI and the
// watcher read, answered alike by both stores.
TEST_P(StoreContractTest, StoryAndOutletReadModels) {
  WriteThree();
  EXPECT_EQ(*store_->CountStories(), 2);
  auto s = store_->GetStorySummary(1);
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->title, "قصف دمشق");
  EXPECT_EQ((*s)->first_seen, "2024-03-01");
  EXPECT_EQ((*s)->last_seen, "2024-03-02");
  EXPECT_EQ((*s)->article_count, 2);
  EXPECT_EQ((*s)->outlets, (std::vector<std::string>{"الوطن", "النهار"}));
  EXPECT_FALSE(store_->GetStorySummary(99)->has_value());

  auto outlets = store_->ListOutlets(500);
  ASSERT_TRUE(outlets.ok());
  ASSERT_EQ(outlets->size(), 2u);
  EXPECT_EQ((*outlets)[0].outlet, "الوطن");  // most articles first
  EXPECT_EQ((*outlets)[0].articles, 2);
  EXPECT_EQ(store_->ListOutlets(1)->size(), 1u);

  auto o = store_->GetOutletSummary("الوطن");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->reports, 2);
  EXPECT_EQ(o->first_report, "2024-03-02");
  EXPECT_EQ(o->last_report, "2024-03-05");
  EXPECT_EQ(o->stories, 2);
  EXPECT_EQ(store_->GetOutletSummary("لا أحد")->reports, 0);

  auto covered = store_->ListOutletStories("الوطن", 10);
  ASSERT_TRUE(covered.ok());
  ASSERT_EQ(covered->size(), 2u);
  EXPECT_EQ((*covered)[0].story_id, 2);  // newest report first
  EXPECT_EQ((*covered)[0].last_report, "2024-03-05");
  EXPECT_EQ((*covered)[1].story_id, 1);
  EXPECT_EQ((*covered)[1].reports, 1);
  EXPECT_EQ((*covered)[1].outlets, 2u);
  EXPECT_EQ((*covered)[1].article_count, 2);

  int analyses = 0;
  ASSERT_TRUE(store_
                  ->ForEachOutletAnalysis("الوطن", 1,
                                          [&](const std::string& a) {
                                            ++analyses;
                                            EXPECT_NE(a.find("loc:x"),
                                                      std::string::npos);
                                          })
                  .ok());
  EXPECT_EQ(analyses, 1);
  auto dated = store_->ListStoryPublications(1);
  ASSERT_TRUE(dated.ok());
  ASSERT_EQ(dated->size(), 2u);
}

TEST_P(StoreContractTest, EntityReadModels) {
  WriteThree();
  auto all = store_->ListEntities("", "", Page{50, 0});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 1);
  ASSERT_EQ(all->items.size(), 1u);
  EXPECT_EQ(all->items[0].id, "loc:x");
  ASSERT_TRUE(all->items[0].lat.has_value());
  EXPECT_DOUBLE_EQ(*all->items[0].lat, 33.5);
  EXPECT_EQ(all->items[0].mention_count, 3);
  EXPECT_EQ(store_->ListEntities("X", "", Page{50, 0})->total, 1);
  EXPECT_EQ(store_->ListEntities("Y", "", Page{50, 0})->total, 0);
  EXPECT_EQ(store_->ListEntities("", "لا نوع", Page{50, 0})->total, 0);
  EXPECT_TRUE(store_->ListEntities("", "", Page{50, 1})->items.empty());

  auto e = store_->GetEntity("loc:x");
  ASSERT_TRUE(e.ok() && e->has_value());
  EXPECT_DOUBLE_EQ((*e)->lon.value_or(0), 36.3);
  EXPECT_FALSE(store_->GetEntity("loc:y")->has_value());
  EXPECT_EQ(store_->ListEntityVariants("loc:x", 50)->size(), 3u);
  auto arts = store_->ListEntityArticles("loc:x", Page{2, 0});
  ASSERT_TRUE(arts.ok());
  EXPECT_EQ(arts->total, 3);
  ASSERT_EQ(arts->items.size(), 2u);
  EXPECT_EQ(arts->items[0].article_id, 3);  // newest first
  EXPECT_EQ(arts->items[1].article_id, 1);
  EXPECT_EQ(arts->items[0].mentions, 1);
  EXPECT_TRUE(store_->ListRelatedEntities("loc:x", 20)->empty());
}

TEST_P(StoreContractTest, EventTimelineAndPlaceReadModels) {
  WriteThree();
  Document d = Doc(4, "قصف", "دمشق تعرضت لقصف اليوم", "الوطن", "2024-03-06");
  d.id = 4;
  d.story_id = 1;
  Event ev;
  ev.plover = "ASSAULT";
  ev.mode = "shelling";
  ev.location = "دمشق";
  ev.location_span = {0, 4};  // inside the place's span: its coordinates
  d.events.push_back(ev);
  std::vector<Document*> ptrs = {&d};
  ASSERT_TRUE(store_->WriteBatch(ptrs, {}, {}).ok());

  auto events = store_->ListEvents(EventFilter{}, Page{50, 0});
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->total, 1);
  ASSERT_EQ(events->items.size(), 1u);
  const EventRow& e = events->items[0];
  EXPECT_EQ(e.article_id, 4);
  EXPECT_EQ(e.plover, "ASSAULT");
  EXPECT_EQ(e.location, "دمشق");
  EXPECT_EQ(e.date, "");
  EXPECT_DOUBLE_EQ(e.lat.value_or(0), 33.5);
  EXPECT_EQ(e.outlet, "الوطن");
  EXPECT_EQ(e.story_id, std::optional<int64_t>(1));
  EXPECT_EQ(store_->ListEvents({.type = "CONSULT"}, Page{50, 0})->total, 0);
  EXPECT_EQ(store_->ListEvents({.from = "2024-03-06"}, Page{50, 0})->total, 1);
  EXPECT_EQ(store_->ListEvents({.from = "2024-03-07"}, Page{50, 0})->total, 0);
  EXPECT_EQ(store_->ListEvents({.story = 2}, Page{50, 0})->total, 0);

  auto days = store_->ListTimeline(EventFilter{});
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 4u);
  EXPECT_EQ((*days)[0].date, "2024-03-01");
  EXPECT_EQ((*days)[3].date, "2024-03-06");
  EXPECT_EQ(
      store_->ListTimeline({.from = "2024-03-02", .to = "2024-03-05"})->size(),
      2u);
  auto story_days = store_->ListTimeline({.story = 1});
  ASSERT_TRUE(story_days.ok());
  EXPECT_EQ(story_days->size(), 3u);
  EXPECT_EQ((*story_days)[0].stories, 1);

  auto places = store_->ListPlaces({}, 10);
  ASSERT_TRUE(places.ok());
  ASSERT_EQ(places->size(), 1u);
  EXPECT_EQ((*places)[0].mentions, 4);
  EXPECT_DOUBLE_EQ((*places)[0].lon, 36.3);
  EXPECT_EQ(store_->ListPlaces({.story = 2}, 10)->at(0).mentions, 1);
  EXPECT_EQ(store_->ListEventPoints({}, 10)->size(), 1u);
  EXPECT_TRUE(store_->ListEventPoints({.story = 2}, 10)->empty());
  // The map's window: mentions of the reports published in it (2024-03-02
  // and 03-05: two; 03-01T10:00 is on the 1st), events on their day (the
  // one event: its report's day, 03-06).
  auto window = [&](const EventFilter& f) {
    auto got = store_->ListPlaces(f, 10);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    return got.ok() && !got->empty() ? got->at(0).mentions : 0;
  };
  EXPECT_EQ(window({.from = "2024-03-02", .to = "2024-03-05"}), 2);
  EXPECT_EQ(window({.to = "2024-03-01"}), 1);
  EXPECT_EQ(window({.from = "2024-03-06"}), 1);
  EXPECT_EQ(window({.from = "2024-03-07"}), 0);
  EXPECT_EQ(window({.from = "2024-03-01", .story = 2}), 1);
  EXPECT_EQ(window({.from = "2024-03-06", .story = 2}), 0);
  EXPECT_EQ(store_->ListEventPoints({.from = "2024-03-06"}, 10)->size(), 1u);
  EXPECT_TRUE(store_->ListEventPoints({.to = "2024-03-05"}, 10)->empty());
  EXPECT_TRUE(
      store_->ListEventPoints({.from = "2024-03-01", .to = "2024-03-05"}, 10)
          ->empty());
}

// Issue 25: the listings read down their indexes and print totals kept at
// write (schema: SQLite v8, PostgreSQL v6). Newest event first, events of
// one date in article and event order; a day filter keeps an event whose
// report is dated later on the `to` day; the totals follow every write,
// nothing for a failed batch or an input written again.
TEST_P(StoreContractTest, ListingsInTheirOrderWithTotalsKeptAtWrite) {
  WriteThree();  // stories 1 (articles 1, 2) and 2 (article 3)
  auto event = [](const std::string& plover, const std::string& date) {
    Event e;
    e.plover = plover;
    e.date = date;
    e.location_span = {0, 4};  // the located place of Doc: on the map
    return e;
  };
  Document d4 =
      Doc(4, "قصف", "دمشق تعرضت لقصف اليوم", "الوطن", "2024-03-06T10:00:00");
  d4.id = 4, d4.story_id = 1;
  d4.events = {event("ASSAULT", ""), event("PROTEST", "2024-03-01")};
  Document d5 = Doc(5, "احتجاج", "دمشق شهدت احتجاجا", "النهار", "2024-03-06");
  d5.id = 5, d5.story_id = 2;
  d5.events = {event("PROTEST", ""), event("ASSAULT", "")};
  Document d6 = Doc(6, "بلا تاريخ", "دمشق بلا تاريخ", "النهار", "");
  d6.id = 6, d6.story_id = 2;
  d6.events = {event("ASSAULT", "")};
  std::vector<Document*> ptrs = {&d4, &d5, &d6};
  ASSERT_TRUE(store_->WriteBatch(ptrs, {}, {}).ok());

  auto ids = [&](const EventFilter& f, Page page = Page{50, 0}) {
    auto got = store_->ListEvents(f, page);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    std::vector<std::pair<int64_t, int64_t>> out;
    if (got.ok()) {
      for (const EventRow& e : got->items) out.push_back({e.article_id, e.idx});
    }
    return out;
  };
  auto total = [&](const EventFilter& f) {
    return store_->ListEvents(f, Page{1, 0}).value().total;
  };
  using P = std::vector<std::pair<int64_t, int64_t>>;
  // 2024-03-06T10:00:00 > 2024-03-06 (a tie: 5/0, 5/1) > 2024-03-01 > "".
  EXPECT_EQ(ids({}), (P{{4, 0}, {5, 0}, {5, 1}, {4, 1}, {6, 0}}));
  EXPECT_EQ(ids({}, Page{2, 1}), (P{{5, 0}, {5, 1}}));
  EXPECT_EQ(total({}), 5);
  EXPECT_EQ(ids({.type = "ASSAULT"}), (P{{4, 0}, {5, 1}, {6, 0}}));
  EXPECT_EQ(total({.type = "ASSAULT"}), 3);
  EXPECT_EQ(total({.type = "CONSULT"}), 0);
  EXPECT_EQ(ids({.to = "2024-03-06"}), (P{{4, 0}, {5, 0}, {5, 1}, {4, 1}}));
  EXPECT_EQ(total({.to = "2024-03-06"}), 4);
  EXPECT_EQ(ids({.from = "2024-03-02", .to = "2024-03-06"}),
            (P{{4, 0}, {5, 0}, {5, 1}}));
  EXPECT_EQ(ids({.to = "2024-03-05"}), (P{{4, 1}}));
  EXPECT_EQ(ids({.type = "PROTEST", .from = "2024-03-06"}), (P{{5, 0}}));
  EXPECT_EQ(total({.type = "PROTEST", .from = "2024-03-06"}), 1);
  EXPECT_EQ(ids({.story = 2}), (P{{5, 0}, {5, 1}, {6, 0}}));
  EXPECT_EQ(total({.story = 2}), 3);
  EXPECT_EQ(total({.type = "ASSAULT", .story = 1}), 1);

  // The map's located events (step 6): the newest, in the listing's order,
  // so that `limit` of them are the latest of the window.
  auto points = [&](const EventFilter& f, int limit) {
    auto got = store_->ListEventPoints(f, limit);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    std::vector<std::pair<int64_t, std::string>> out;
    if (got.ok()) {
      for (const EventPoint& e : *got) out.push_back({e.article_id, e.plover});
    }
    return out;
  };
  using Q = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(points({}, 50), (Q{{4, "ASSAULT"},
                               {5, "PROTEST"},
                               {5, "ASSAULT"},
                               {4, "PROTEST"},
                               {6, "ASSAULT"}}));
  EXPECT_EQ(points({}, 2), (Q{{4, "ASSAULT"}, {5, "PROTEST"}}));
  EXPECT_EQ(points({.to = "2024-03-06"}, 2),
            (Q{{4, "ASSAULT"}, {5, "PROTEST"}}));
  EXPECT_EQ(points({.to = "2024-03-05"}, 50), (Q{{4, "PROTEST"}}));
  EXPECT_EQ(points({.story = 2}, 50),
            (Q{{5, "PROTEST"}, {5, "ASSAULT"}, {6, "ASSAULT"}}));

  // Places by mentions: one entity in six reports.
  auto places = store_->ListPlaces({}, 10);
  ASSERT_TRUE(places.ok());
  ASSERT_EQ(places->size(), 1u);
  EXPECT_EQ((*places)[0].mentions, 6);
  EXPECT_EQ(store_->ListPlaces({.story = 2}, 10)->at(0).mentions, 3);

  // A failed batch and an input written again change no total.
  const int64_t stories = *store_->CountStories();
  Document fresh = Doc(10, "t", "نص جديد", "x", "2024-04-01");
  fresh.id = 10;
  fresh.events = {event("ASSAULT", "")};
  Document clash = Doc(11, "t", "نص آخر", "x", "2024-04-01");
  clash.id = 3;  // a used id: the batch fails
  ptrs = {&fresh, &clash};
  std::vector<StoryRow> rows(1);
  rows[0].id = 9, rows[0].title = "قصة لم تكتب";
  fresh.story_id = 9;
  EXPECT_FALSE(store_->WriteBatch(ptrs, rows, {}).ok());
  Document again =
      Doc(4, "قصف", "دمشق تعرضت لقصف اليوم", "الوطن", "2024-03-06T10:00:00");
  again.id = 12;
  again.events = {event("ASSAULT", "")};
  ptrs = {&again};
  ASSERT_TRUE(store_->WriteBatch(ptrs, {}, {}).ok());
  EXPECT_EQ(total({}), 5);
  EXPECT_EQ(total({.type = "ASSAULT"}), 3);
  EXPECT_EQ(*store_->CountStories(), stories);
  EXPECT_EQ(store_->ListPlaces({}, 10)->at(0).mentions, 6);
  // The outlets' counts (kept at write from step 6) neither.
  auto outlets = [&] {
    std::map<std::string, int64_t> out;
    const std::vector<OutletCount> got = store_->ListOutlets(50).value();
    for (const OutletCount& o : got) out[o.outlet] = o.articles;
    return out;
  };
  using M = std::map<std::string, int64_t>;
  EXPECT_EQ(outlets(), (M{{"الوطن", 3}, {"النهار", 3}}));

  // A new story with an article counts once, however often it is updated.
  Document d7 = Doc(7, "جديد", "خبر جديد", "x", "2024-04-02");
  d7.id = 7, d7.story_id = 3;
  Document d8 = Doc(8, "احتجاج آخر", "دمشق شهدت احتجاجا ثانيا", "x",
                    "2024-03-06T23:00:00");
  d8.id = 8, d8.story_id = 2;  // a second report of story 2 on its day
  rows[0].id = 3, rows[0].title = "قصة جديدة";
  ptrs = {&d7, &d8};
  ASSERT_TRUE(store_->WriteBatch(ptrs, rows, {}).ok());
  ASSERT_TRUE(store_->WriteBatch({}, rows, {}).ok());
  EXPECT_EQ(*store_->CountStories(), stories + 1);
  EXPECT_EQ(store_->ListStories(Page{1, 0})->at(0).id, 3);  // newest first
  Reopen();
  EXPECT_EQ(*store_->CountStories(), stories + 1);
  EXPECT_EQ(total({.type = "ASSAULT"}), 3);
  EXPECT_EQ(outlets(), (M{{"الوطن", 3}, {"النهار", 3}, {"x", 2}}));
  EXPECT_EQ(store_->ListOutlets(50)->back().outlet, "x");  // fewest last

  // The timeline's days: 2024-03-06 has reports 4 (story 1), 5 and 8
  // (story 2); the undated report is on no day.
  auto days = store_->ListTimeline({.from = "2024-03-06"});
  ASSERT_TRUE(days.ok()) << days.status().ToString();
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ((*days)[0].date, "2024-03-06");
  EXPECT_EQ((*days)[0].articles, 3);
  EXPECT_EQ((*days)[0].stories, 2);
  EXPECT_EQ((*days)[1].date, "2024-04-02");  // not 04-01: that batch failed
  EXPECT_EQ((*days)[1].articles, 1);
  EXPECT_EQ(store_->ListTimeline({})->size(), 5u);
  EXPECT_EQ(store_->ListTimeline({.to = "2024-03-05"})->size(), 3u);
}

TEST_P(StoreContractTest, SavedSearchesAndAlertPositions) {
  WriteThree();
  ASSERT_TRUE(store_->AddSavedSearch({.name = "a", .query = "دمشق"}).ok());
  EXPECT_EQ(store_->AddSavedSearch({.name = "a", .query = "x"}).code(),
            StatusCode::kAlreadyExists);
  ASSERT_TRUE(store_
                  ->AddSavedSearch(
                      {.name = "b", .query = "", .filters = R"({"story":2})"})
                  .ok());
  auto saved = store_->ListSavedSearches();
  ASSERT_TRUE(saved.ok());
  ASSERT_EQ(saved->size(), 2u);
  EXPECT_EQ((*saved)[0].name, "a");
  EXPECT_EQ((*saved)[0].last_article_id, 3);  // reports from now on
  EXPECT_FALSE((*saved)[0].created_at.empty());
  EXPECT_EQ((*saved)[1].query, "");
  EXPECT_EQ((*saved)[1].filters, R"({"story":2})");

  ASSERT_TRUE(
      store_
          ->AdvanceSavedSearch(
              "a", 1, {{1, "k1", true}, {1, "k1", false}, {2, "k2", false}})
          .ok());
  EXPECT_EQ(store_->ListSavedSearches()->at(0).last_article_id, 1);
  EXPECT_EQ(*store_->ListAlertPositions("a", 1),
            (std::vector<std::string>{"k1"}));
  EXPECT_EQ(*store_->ListAlertPositions("a", 2),
            (std::vector<std::string>{"k2"}));
  EXPECT_TRUE(store_->ListAlertPositions("b", 1)->empty());

  EXPECT_EQ(*store_->ListStoriesOfArticles(0, 3, 0),
            (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(*store_->ListStoriesOfArticles(2, 3, 0), (std::vector<int64_t>{2}));
  EXPECT_EQ(*store_->ListStoriesOfArticles(0, 3, 1), (std::vector<int64_t>{1}));
  EXPECT_TRUE(store_->ListStoriesOfArticles(3, 3, 0)->empty());

  ASSERT_TRUE(store_->RemoveSavedSearch("a").ok());
  EXPECT_EQ(store_->RemoveSavedSearch("a").code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->ListAlertPositions("a", 1)->empty());
  EXPECT_EQ(store_->ListSavedSearches()->size(), 1u);
}

TEST_P(StoreContractTest, WatchState) {
  auto fresh = store_->GetWatchSource("https://x.example/feed");
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->etag, "");
  EXPECT_EQ(fresh->failures, 0);
  ASSERT_TRUE(store_
                  ->RecordPoll("https://x.example/feed", "url",
                               "2024-01-01T00:00:00Z", "")
                  .ok());
  ASSERT_TRUE(store_
                  ->RecordPoll("https://x.example/feed", "url",
                               "2024-01-02T00:00:00Z", "HTTP 500")
                  .ok());
  ASSERT_TRUE(store_
                  ->RecordPoll("https://x.example/feed", "url",
                               "2024-01-03T00:00:00Z", "HTTP 503")
                  .ok());
  ASSERT_TRUE(store_
                  ->SaveValidators("https://x.example/feed", "\"e1\"",
                                   "Mon, 01 Jan 2024")
                  .ok());
  ASSERT_TRUE(
      store_->RecordPoll("/data/in", "folder", "2024-01-03T00:00:00Z", "")
          .ok());
  auto s = store_->GetWatchSource("https://x.example/feed");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->kind, "url");
  EXPECT_EQ(s->etag, "\"e1\"");
  EXPECT_EQ(s->last_modified, "Mon, 01 Jan 2024");
  EXPECT_EQ(s->last_polled, "2024-01-03T00:00:00Z");
  EXPECT_EQ(s->last_ok, "2024-01-01T00:00:00Z");
  EXPECT_EQ(s->failures, 2);
  EXPECT_EQ(s->last_error, "HTTP 503");
  auto all = store_->ListWatchSources();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].source, "/data/in");
  EXPECT_EQ((*all)[0].last_error, "");

  EXPECT_FALSE(*store_->IsSeen("https://x.example/1"));
  ASSERT_TRUE(
      store_->MarkSeen("https://x.example/1", "https://x.example/feed", 200)
          .ok());
  ASSERT_TRUE(
      store_->MarkSeen("https://x.example/1", "", -1).ok());  // kept once
  EXPECT_TRUE(*store_->IsSeen("https://x.example/1"));

  EXPECT_FALSE(store_->GetRawPage("https://x.example/1")->has_value());
  const std::string bytes("<p>\0\xff\x80 نص</p>", 15);
  ASSERT_TRUE(
      store_->PutRawPage("https://x.example/1", {"text/html", bytes}).ok());
  ASSERT_TRUE(
      store_->PutRawPage("https://x.example/1", {"", bytes + "!"}).ok());
  auto page = store_->GetRawPage("https://x.example/1");
  ASSERT_TRUE(page.ok() && page->has_value());
  EXPECT_EQ((*page)->content_type, "");
  EXPECT_EQ((*page)->body, bytes + "!");
}

// Issue 27: answers kept between runs are read back byte for byte, replaced
// under their key, kept in one transaction, and survive a reopen.
TEST_P(StoreContractTest, KeptAnswersRoundTrip) {
  auto none = store_->GetKeptAnswer("story/1/page");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->has_value());
  const std::string body = "{\"النقاط\":[1,2]}" + std::string("\0\xff", 2);
  ASSERT_TRUE(store_
                  ->PutKeptAnswers({{"story/1/page", "v1", body},
                                    {"story/1/md", "v1", "# قصة"},
                                    {"story/2/page", "v1", ""}})
                  .ok());
  ASSERT_TRUE(store_->PutKeptAnswers({{"story/1/md", "v2", "# قصة ٢"}}).ok());
  ASSERT_TRUE(store_->PutKeptAnswers({}).ok());
  Reopen();
  auto page = store_->GetKeptAnswer("story/1/page");
  ASSERT_TRUE(page.ok() && page->has_value());
  EXPECT_EQ((*page)->key, "story/1/page");
  EXPECT_EQ((*page)->version, "v1");
  EXPECT_EQ((*page)->body, body);
  auto md = store_->GetKeptAnswer("story/1/md");
  ASSERT_TRUE(md.ok() && md->has_value());
  EXPECT_EQ((*md)->version, "v2");
  EXPECT_EQ((*md)->body, "# قصة ٢");
  auto empty = store_->GetKeptAnswer("story/2/page");
  ASSERT_TRUE(empty.ok() && empty->has_value());
  EXPECT_EQ((*empty)->body, "");
  EXPECT_FALSE(store_->GetKeptAnswer("story/2")->has_value());
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreContractTest,
                         testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace marsad
