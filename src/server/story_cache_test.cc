// The story cache (issue 27): answers from the cache are the fresh answers
// byte for byte, a story that gains a report is compared again, memory is
// bounded by reports, and server threads share one cache. Our own made-up
// reports.
#include "src/server/story_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "src/pipeline/pipeline.h"
#include "src/pipeline/test_resources.h"
#include "src/server/api.h"
#include "src/server/kept_answers.h"
#include "src/store/test_store.h"

namespace marsad {
namespace {

using json = nlohmann::json;

struct Report {
  std::string outlet, published, title, body;
};

// Two agreeing reports of a fire (story 1) and two unrelated ones (stories
// 2 and 3); report C, added by a test, contradicts the fire's toll.
const Report kFireA = {
    "صحيفة المرفأ", "2025-03-02T09:00:00+03:00",
    "حريق في مستودع للأخشاب بمدينة الرمال",
    "شب حريق كبير صباح اليوم الأحد في مستودع للأخشاب بمدينة الرمال. وقالت "
    "وزارة الصحة إن 9 أشخاص قتلوا في الحريق، وأضافت أن سيارات الإسعاف نقلت "
    "الجرحى إلى المستشفى. وأغلقت الشرطة الشوارع المحيطة بالمستودع."};
const Report kFireB = {
    "إذاعة السهل", "2025-03-02T10:30:00+03:00",
    "مقتل 9 في حريق مستودع الأخشاب بمدينة الرمال",
    "أعلنت وزارة الصحة مقتل 9 أشخاص في حريق مستودع الأخشاب بمدينة الرمال "
    "صباح اليوم الأحد. وأوضحت الوزارة أن فرق الإسعاف ما زالت في الموقع، "
    "فيما أغلقت الشرطة الشوارع المحيطة بالمستودع."};
const Report kFireC = {
    "قناة الجبل", "2025-03-02T13:00:00+03:00",
    "الدفاع المدني: 31 قتيلا في حريق مستودع الأخشاب بمدينة الرمال",
    "قال مصدر في الدفاع المدني إن 31 شخصا قتلوا في حريق مستودع الأخشاب "
    "بمدينة الرمال صباح اليوم الأحد، مشيرا إلى أن فرق الإنقاذ ما زالت تبحث "
    "عن مفقودين. وأغلقت الشرطة الشوارع المحيطة بالمستودع."};
const Report kGarden = {
    "صحيفة المرفأ", "2025-03-03T08:00:00+03:00",
    "افتتاح معرض الكتاب في القاعة الكبرى",
    "افتتح محافظ المدينة صباح اليوم معرض الكتاب السنوي في القاعة الكبرى "
    "بمشاركة ستين دار نشر."};
const Report kMatch = {
    "إذاعة السهل", "2025-03-04T20:00:00+03:00",
    "فوز نادي الساحل في نهائي كأس الشباب",
    "فاز نادي الساحل على نادي الوادي بثلاثة أهداف لهدف في نهائي كأس الشباب "
    "الذي أقيم مساء اليوم في الملعب البلدي."};

class StoryCacheTest : public testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TempDir() + "/marsad_story_cache_test_" +
          std::to_string(::getpid()) + "_" +
          testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    std::remove(db_.c_str());
    Add({kFireA, kFireB, kGarden, kMatch});
  }
  void TearDown() override { std::remove(db_.c_str()); }

  void Add(const std::vector<Report>& reports) {
    auto store = Store::Open(db_, TestStoreOptions());
    ASSERT_TRUE(store.ok());
    auto ing = Ingestor::Create(store->get(), TestResources(), IngestOptions{});
    ASSERT_TRUE(ing.ok());
    for (const Report& r : reports) {
      Document d;
      d.source = "test:" + r.published + r.outlet;
      d.format = "txt";
      d.outlet = r.outlet;
      d.published = r.published;
      d.title = r.title;
      d.raw = r.title + "\n" + r.body;
      d.encoding = "UTF-8";
      d.input_hash = std::hash<std::string>{}(d.source + r.body);
      ASSERT_TRUE((*ing)->Add(std::move(d)).ok());
    }
    ASSERT_TRUE((*ing)->Flush().ok());
  }
  std::unique_ptr<Store> ReadOnly() {
    auto store = Store::Open(db_, TestStoreOptions(/*read_only=*/true));
    EXPECT_TRUE(store.ok());
    return std::move(*store);
  }
  // Every story answer of `api` for story `id`, as the server sends them.
  static std::vector<std::string> Answers(Api& api, int64_t id) {
    std::vector<std::string> out;
    auto story = api.Story(id);
    out.push_back(story.ok() ? story->dump() : story.status().ToString());
    for (Params p :
         {Params{}, Params{{"limit", "1000"}}, Params{{"limit", "1"}}}) {
      auto points = api.Points(id, p);
      out.push_back(points.ok() ? points->dump() : points.status().ToString());
    }
    for (const char* format : {"md", "html"}) {
      auto brief = api.Brief(id, format);
      out.push_back(brief.ok() ? *brief : brief.status().ToString());
    }
    return out;
  }
  std::string db_;
};

TEST_F(StoryCacheTest, CachedAnswersAreTheFreshAnswersByteForByte) {
  auto cache = std::make_shared<StoryCache>();
  Api cached(ReadOnly(), TestResources().clean_lexicon(),
             TestResources().facts_lexicon(), cache),
      fresh(ReadOnly(), TestResources().clean_lexicon(),
            TestResources().facts_lexicon());
  for (int64_t id : {1, 2, 3, 99}) {
    const std::vector<std::string> want = Answers(fresh, id);
    EXPECT_EQ(Answers(cached, id), want) << "story " << id << ", first";
    EXPECT_EQ(Answers(cached, id), want) << "story " << id << ", cached";
  }
  auto story = fresh.Story(1);
  ASSERT_TRUE(story.ok());
  ASSERT_EQ((*story)["articles"].size(), 2u) << story->dump();
  // Each story was loaded once; later answers came from the cache.
  const StoryCache::Stats s = cache->stats();
  EXPECT_EQ(s.stories, 3);
  EXPECT_EQ(s.reports, 4);
  EXPECT_EQ(s.misses, 3);
  EXPECT_EQ(s.hits, 3 * (2 * 6 - 1));
}

TEST_F(StoryCacheTest, AStoryThatGainsAReportIsComparedAgain) {
  auto cache = std::make_shared<StoryCache>();
  Api cached(ReadOnly(), TestResources().clean_lexicon(),
             TestResources().facts_lexicon(), cache);
  auto before = cached.Points(1, {});
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->dump().find("31"), std::string::npos) << before->dump();
  Add({kFireC});
  Api fresh(ReadOnly(), TestResources().clean_lexicon(),
            TestResources().facts_lexicon());
  auto story = fresh.Story(1);
  ASSERT_TRUE(story.ok());
  ASSERT_EQ((*story)["articles"].size(), 3u) << "report C did not join";
  EXPECT_EQ(Answers(cached, 1), Answers(fresh, 1));
  auto after = cached.Points(1, {});
  ASSERT_TRUE(after.ok());
  EXPECT_NE(after->dump().find("\"31\""), std::string::npos) << after->dump();
  EXPECT_NE(after->dump(), before->dump());
  EXPECT_EQ(cache->stats().misses, 2);  // before C, and once after it
  EXPECT_EQ(cache->stats().reports, 3);
}

TEST_F(StoryCacheTest, AnOutletProfileIsKeptUntilTheStoreGrows) {
  auto cache = std::make_shared<StoryCache>();
  Api cached(ReadOnly(), TestResources().clean_lexicon(),
             TestResources().facts_lexicon(), cache);
  const std::string outlet = kFireA.outlet;
  auto first = cached.OutletProfile(outlet);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(cached.OutletProfile(outlet)->dump(), first->dump());
  EXPECT_EQ(Api(ReadOnly(), TestResources().clean_lexicon(),
                TestResources().facts_lexicon())
                .OutletProfile(outlet)
                ->dump(),
            first->dump());
  // Its fire story: 2 outlets; a third outlet's report joins it, and the
  // kept profile is not served.
  auto outlets_of_story_1 = [](const json& profile) {
    for (const json& st : profile["recent_stories"])
      if (st["id"] == 1) return st["outlets"].get<int>();
    return -1;
  };
  EXPECT_EQ(outlets_of_story_1(*first), 2) << first->dump();
  Add({kFireC});
  auto after = cached.OutletProfile(outlet);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->dump(), Api(ReadOnly(), TestResources().clean_lexicon(),
                               TestResources().facts_lexicon())
                               .OutletProfile(outlet)
                               ->dump());
  EXPECT_EQ(outlets_of_story_1(*after), 3) << after->dump();
  EXPECT_FALSE(cached.OutletProfile("لا وجود لها").ok());
}

TEST_F(StoryCacheTest, LeastRecentlyUsedStoriesGoFirstCountedInReports) {
  auto store = ReadOnly();
  StoryCache cache(3);
  auto get = [&](int64_t id) {
    auto s = cache.Get(store.get(), *TestResources().facts_lexicon(), id);
    EXPECT_TRUE(s.ok() && *s != nullptr) << id;
    return s.ok() && *s ? (*s)->row().articles.size() : 0u;
  };
  ASSERT_EQ(get(1), 2u);
  ASSERT_EQ(get(2), 1u);
  get(1);  // 1 is now used more recently than 2
  get(3);  // 4 reports: 2 goes
  EXPECT_EQ(cache.stats().reports, 3);
  EXPECT_EQ(cache.stats().misses, 3);
  get(1);
  get(3);
  EXPECT_EQ(cache.stats().misses, 3);
  get(2);  // loaded again; 1 (least recently used) goes
  EXPECT_EQ(cache.stats().misses, 4);
  get(3);
  get(1);
  EXPECT_EQ(cache.stats().misses, 5);
  EXPECT_LE(cache.stats().reports, 3);
  // A story larger than the whole cache is answered, not kept.
  StoryCache tiny(1);
  EXPECT_EQ(tiny.Get(store.get(), *TestResources().facts_lexicon(), int64_t{1})
                .value()
                ->row()
                .articles.size(),
            2u);
  EXPECT_EQ(tiny.stats().stories, 0);
  auto none =
      tiny.Get(store.get(), *TestResources().facts_lexicon(), int64_t{99});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, nullptr);
}

TEST_F(StoryCacheTest, ServerThreadsShareOneCache) {
  auto cache = std::make_shared<StoryCache>();
  const std::string want = Answers(
      *std::make_unique<Api>(ReadOnly(), TestResources().clean_lexicon(),
                             TestResources().facts_lexicon()),
      1)[0];
  constexpr int kThreads = 4, kRounds = 10;
  std::vector<std::string> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Api api(ReadOnly(), TestResources().clean_lexicon(),
              TestResources().facts_lexicon(), cache);
      for (int i = 0; i < kRounds; ++i) {
        auto s = api.Story(1);
        got[t] = s.ok() ? s->dump() : s.status().ToString();
        if (got[t] != want) return;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(got[t], want) << t;
  const StoryCache::Stats s = cache->stats();
  EXPECT_EQ(s.hits + s.misses, kThreads * kRounds);
  EXPECT_LE(s.misses, kThreads);  // at most one load per thread racing
  EXPECT_EQ(s.stories, 1);
}

// Issue 27: answers kept in the store at ingest (src/server/kept_answers.h)
// are what the server computes, byte for byte, for every story answer and
// an outlet's profile; stories of one report are not kept.
TEST_F(StoryCacheTest, KeptAnswersAreTheComputedAnswersByteForByte) {
  {
    auto store = Store::Open(db_, TestStoreOptions());
    ASSERT_TRUE(store.ok());
    auto kept = KeepAnswersSince(store->get(), *TestResources().facts_lexicon(),
                                 0, AnswerMaker());
    ASSERT_TRUE(kept.ok()) << kept.status().ToString();
    EXPECT_EQ(*kept, 1);  // the fire (two outlets); 2 and 3 have one report
  }
  ASSERT_FALSE(AnswerMaker().empty());
  auto computing = std::make_shared<StoryCache>(3000, /*maker=*/"");
  auto reading = std::make_shared<StoryCache>();
  Api computed(ReadOnly(), TestResources().clean_lexicon(),
               TestResources().facts_lexicon(), computing),
      kept(ReadOnly(), TestResources().clean_lexicon(),
           TestResources().facts_lexicon(), reading);
  for (int64_t id : {1, 2, 3, 99})
    EXPECT_EQ(Answers(kept, id), Answers(computed, id)) << "story " << id;
  EXPECT_EQ(reading->stats().kept, 1);
  EXPECT_EQ(computing->stats().kept, 0);
  for (const std::string& outlet : {kFireA.outlet, kFireB.outlet}) {
    auto a = kept.OutletProfile(outlet), b = computed.OutletProfile(outlet);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->dump(), b->dump());
  }
}

// A kept answer is served for its version only: the story's row as kept and
// the program that made it. A story that gains a report is computed again
// (and the next ingest keeps its new answers).
TEST_F(StoryCacheTest, AKeptAnswerIsServedForItsVersionOnly) {
  {
    auto store = Store::Open(db_, TestStoreOptions());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(KeepStoryAnswers(store->get(), *TestResources().facts_lexicon(),
                                 {1}, AnswerMaker())
                    .ok());
    auto row = (*store)->GetStory(1);
    ASSERT_TRUE(row.ok() && row->has_value());
    // Marked, to tell the kept answer from a computed one.
    ASSERT_TRUE((*store)
                    ->PutKeptAnswers(
                        {{"story/1/md",
                          StoryAnswerVersion(**row, AnswerMaker()), "# kept"}})
                    .ok());
  }
  auto brief = [&](std::shared_ptr<StoryCache> cache) {
    auto b = Api(ReadOnly(), TestResources().clean_lexicon(),
                 TestResources().facts_lexicon(), std::move(cache))
                 .Brief(1, "md");
    return b.ok() ? *b : b.status().ToString();
  };
  EXPECT_EQ(brief(std::make_shared<StoryCache>()), "# kept");
  const std::string computed =
      brief(std::make_shared<StoryCache>(3000, "another build"));
  EXPECT_NE(computed, "# kept");
  EXPECT_NE(computed.find("9"), std::string::npos) << computed;

  Add({kFireC});
  const std::string after = brief(std::make_shared<StoryCache>());
  EXPECT_NE(after, "# kept");
  EXPECT_NE(after.find("31"), std::string::npos) << after;
  auto store = Store::Open(db_, TestStoreOptions());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(KeepStoryAnswers(store->get(), *TestResources().facts_lexicon(),
                               {1}, AnswerMaker())
                  .ok());
  auto cache = std::make_shared<StoryCache>();
  EXPECT_EQ(brief(cache), after);
  EXPECT_EQ(cache->stats().kept, 1);
}

// An outlet's cites are kept per outlet at ingest and served while the
// outlet has the reports they were counted on.
TEST_F(StoryCacheTest, AnOutletsKeptCitesAreServedForItsReportCountOnly) {
  const std::string outlet = kFireA.outlet;  // fire A and the book fair
  const json marked = {
      {"cites",
       {{{"speaker", "مصدر محفوظ"}, {"entity_id", nullptr}, {"quotes", 7}}}},
      {"analysed", 2},
      {"quotes", 7}};
  auto profile_cites = [&] {
    auto p =
        Api(ReadOnly(), TestResources().clean_lexicon(),
            TestResources().facts_lexicon(), std::make_shared<StoryCache>())
            .OutletProfile(outlet);
    return p.ok() ? (*p)["cites"].dump() : p.status().ToString();
  };
  {
    auto store = Store::Open(db_, TestStoreOptions());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(KeepAnswersSince(store->get(), *TestResources().facts_lexicon(),
                                 0, AnswerMaker())
                    .ok());
    auto kept = (*store)->GetKeptAnswer("outlet/" + outlet + "/cites");
    ASSERT_TRUE(kept.ok() && kept->has_value());
    EXPECT_EQ(profile_cites(), json::parse((*kept)->body)["cites"].dump());
    ASSERT_TRUE((*store)
                    ->PutKeptAnswers({{"outlet/" + outlet + "/cites",
                                       AnswerMaker() + "/2", marked.dump()}})
                    .ok());
  }
  EXPECT_EQ(profile_cites(), marked["cites"].dump());
  {
    auto store = Store::Open(db_, TestStoreOptions());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->PutKeptAnswers({{"outlet/" + outlet + "/cites",
                                       AnswerMaker() + "/3", marked.dump()}})
                    .ok());
  }
  EXPECT_NE(profile_cites(), marked["cites"].dump());
}

}  // namespace
}  // namespace marsad
