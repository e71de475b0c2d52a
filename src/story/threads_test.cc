#include "src/story/threads.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "src/story/story_similarity.h"
#include "src/story/test_tables.h"
#include "src/text/analyze.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

StoryFeatures F(const char* title, const char* text, const char* date) {
  Document d;
  d.title = title;
  d.text = text;
  d.published = date;
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  AnalyzeText(TestTextTables(), a, &d);
  return ComputeStoryFeatures(TestStoryTables(), d, a);
}

// Our own sentences: two happenings of one dam dispute (talks, then a
// ministers' meeting two weeks later) and an unrelated market story.
const char* kTalks =
    "بدأت في الخرطوم جولة مفاوضات جديدة بين مصر وإثيوبيا والسودان حول سد "
    "النهضة وقواعد ملء خزانه، وقال وزير الري إن الخلاف ما زال قائما.";
const char* kMinisters =
    "اجتمع وزراء الري في مصر وإثيوبيا والسودان في أديس أبابا لبحث الخلاف على "
    "سد النهضة وملء خزانه بعد تعثر جولة المفاوضات السابقة في الخرطوم.";
const char* kMarket =
    "ارتفعت أسعار الخضار في الأسواق المركزية بسبب موجة الحر التي ضربت "
    "المزارع، ودعا التجار وزارة التجارة إلى مراقبة الأسعار ومنع الاحتكار.";

TEST(ThreadsTest, RelatedStoriesOnOneTopicShareAThread) {
  StoryFeatures talks = F("مفاوضات سد النهضة في الخرطوم", kTalks, "2018-06-01");
  StoryFeatures ministers =
      F("وزراء الري يبحثون سد النهضة", kMinisters, "2018-06-15");
  // Two weeks apart they are two stories, not joined; the thread leaves
  // time out, and without it they pass the thread's threshold.
  StoryFeatures timeless_talks = talks, timeless_ministers = ministers;
  timeless_talks.day = timeless_ministers.day = kNoDay;
  timeless_talks.event_day = timeless_ministers.event_day = kNoDay;
  ASSERT_LT(Similarity(talks, ministers), kSameStoryThreshold);
  ASSERT_GE(Similarity(timeless_talks, timeless_ministers), kThreadThreshold);
  ASSERT_LT(Similarity(talks, ministers), kThreadThreshold);
  ThreadBuilder threads;
  threads.AddStory(7, talks, std::vector<int64_t>{12});
  threads.AddStory(12, ministers, std::vector<int64_t>{7});
  EXPECT_EQ(threads.ThreadOf(7), 7);
  EXPECT_EQ(threads.ThreadOf(12), 7);  // the thread's earliest story
  EXPECT_EQ(threads.ThreadSize(12), 2u);
}

TEST(ThreadsTest, ThreadScoreLeavesTimeOut) {
  StoryFeatures talks = F("مفاوضات سد النهضة في الخرطوم", kTalks, "2018-06-01");
  StoryFeatures ministers =
      F("وزراء الري يبحثون سد النهضة", kMinisters, "2018-06-15");
  ASSERT_LT(Similarity(talks, ministers), kThreadThreshold);
  EXPECT_GE(ThreadScore(talks, ministers), kThreadThreshold);
  EXPECT_EQ(ThreadScore(talks, ministers), ThreadScore(ministers, talks));
  EXPECT_LT(ThreadScore(talks, F("ارتفاع أسعار الخضار", kMarket, "2018-06-01")),
            kThreadAttachThreshold);
}

TEST(ThreadsTest, AWeakRelatedLinkMakesNoThread) {
  ThreadBuilder threads;
  threads.AddStory(3, F("مفاوضات سد النهضة", kTalks, "2018-06-01"),
                   std::vector<int64_t>{4});
  threads.AddStory(4, F("ارتفاع أسعار الخضار", kMarket, "2018-06-01"),
                   std::vector<int64_t>{3});
  EXPECT_EQ(threads.ThreadOf(3), 3);
  EXPECT_EQ(threads.ThreadOf(4), 4);
  EXPECT_EQ(threads.ThreadSize(4), 1u);
}

TEST(ThreadsTest, UnlinkedStoriesStayApartHoweverSimilar) {
  // A thread is made of StoryIndex's links only: similar stories never
  // linked (e.g. a month apart, past the window) are not joined here.
  ThreadBuilder threads;
  threads.AddStory(1, F("مفاوضات سد النهضة", kTalks, "2018-06-01"), {});
  threads.AddStory(2, F("مفاوضات سد النهضة", kTalks, "2018-06-02"), {});
  EXPECT_EQ(threads.ThreadOf(2), 2);
}

TEST(ThreadsTest, ChainsThroughLinksInAnyOrderToTheSmallestId) {
  StoryFeatures a = F("مفاوضات سد النهضة", kTalks, "2018-06-01");
  StoryFeatures b = F("وزراء الري يبحثون سد النهضة", kMinisters, "2018-06-15");
  ThreadBuilder threads;
  // 9 links to 5 before 5 is added; 5 links to 2.
  threads.AddStory(9, b, std::vector<int64_t>{5});
  threads.AddStory(5, a, std::vector<int64_t>{2});
  threads.AddStory(2, b, {});
  EXPECT_EQ(threads.ThreadOf(9), 2);
  EXPECT_EQ(threads.ThreadOf(5), 2);
  EXPECT_EQ(threads.ThreadSize(9), 3u);
  EXPECT_EQ(threads.ThreadOf(42), 42);  // never added
}

// Issue 20, stories round 7: a story left alone by the thread's threshold
// (a happening of the dam dispute worded apart from its talks: a farmers'
// complaint about the reservoir's filling) is counted in the thread of the
// related story it scores best against, without joining two threads.
const char* kFarmers =
    "اشتكى مزارعون في السودان من نقص مياه الري بعد بدء ملء خزان سد النهضة، "
    "وطالبوا الحكومة بتعويضهم عن خسائر المحاصيل هذا الموسم.";
const char* kFishermen =
    "تراجع الصيد في بحيرة ناصر بسبب ارتفاع أسعار الوقود، وقال صيادون إن "
    "نقص مياه البحيرة زاد خسائرهم هذا الموسم، وطالبوا الحكومة بتعويضهم.";

StoryFeatures Timeless(StoryFeatures f) {
  f.day = f.event_day = kNoDay;
  return f;
}

TEST(ThreadsTest, Issue20ALoneStoryAttachesToItsBestRelatedThread) {
  StoryFeatures talks = F("مفاوضات سد النهضة في الخرطوم", kTalks, "2018-06-01");
  StoryFeatures ministers =
      F("وزراء الري يبحثون سد النهضة", kMinisters, "2018-06-15");
  StoryFeatures farmers =
      F("مزارعو السودان يشكون نقص المياه", kFarmers, "2018-06-20");
  StoryFeatures fishermen =
      F("تراجع الصيد في بحيرة ناصر", kFishermen, "2018-06-21");
  const double to_talks = Similarity(Timeless(farmers), Timeless(talks));
  const double to_ministers =
      Similarity(Timeless(farmers), Timeless(ministers));
  const double fish_to_farmers =
      Similarity(Timeless(fishermen), Timeless(farmers));
  ASSERT_LT(std::max(to_talks, to_ministers), kThreadThreshold);
  ASSERT_GE(std::max(to_talks, to_ministers), kThreadAttachThreshold);
  // Near the attached story only: it carries nothing into the thread.
  ASSERT_GE(fish_to_farmers, kThreadAttachThreshold);
  ASSERT_LT(fish_to_farmers, kThreadThreshold);
  ASSERT_LT(Similarity(Timeless(fishermen), Timeless(talks)),
            kThreadAttachThreshold);
  ThreadBuilder threads;
  threads.AddStory(7, talks, std::vector<int64_t>{12, 20});
  threads.AddStory(12, ministers, std::vector<int64_t>{7, 20});
  threads.AddStory(20, farmers, std::vector<int64_t>{7, 12, 21});
  threads.AddStory(21, fishermen, std::vector<int64_t>{20});
  EXPECT_EQ(threads.ThreadOf(20), 7);
  EXPECT_EQ(threads.ThreadSize(20), 3u);
  EXPECT_EQ(threads.ThreadSize(7), 3u);
  // The fishermen's story is near only the attached one: it stays alone.
  EXPECT_EQ(threads.ThreadOf(21), 21);
  // The thread's id stays its earliest story when the attached one is.
  ThreadBuilder early;
  early.AddStory(3, farmers, std::vector<int64_t>{7, 12});
  early.AddStory(7, talks, std::vector<int64_t>{3, 12});
  early.AddStory(12, ministers, std::vector<int64_t>{3, 7});
  EXPECT_EQ(early.ThreadOf(12), 3);
  EXPECT_EQ(early.ThreadOf(3), 3);
  EXPECT_EQ(early.ThreadSize(7), 3u);
  // Without attachment (a score no link reaches) the farmers stay alone.
  ThreadBuilder strict(kThreadThreshold, 1.0);
  strict.AddStory(7, talks, std::vector<int64_t>{12, 20});
  strict.AddStory(12, ministers, std::vector<int64_t>{7, 20});
  strict.AddStory(20, farmers, std::vector<int64_t>{7, 12});
  EXPECT_EQ(strict.ThreadOf(20), 20);
  EXPECT_EQ(strict.ThreadSize(7), 2u);
}

}  // namespace
}  // namespace marsad
