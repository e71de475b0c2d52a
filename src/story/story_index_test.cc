#include "src/story/story_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "src/dedup/days.h"
#include "src/story/test_tables.h"
#include "src/text/analyze.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

StoryFeatures F(const char* title, const char* text) {
  Document d;
  d.title = title;
  d.text = text;
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  AnalyzeText(TestTextTables(), a, &d);
  return ComputeStoryFeatures(TestStoryTables(), d, a);
}

// Our own sentences.
const char* kBridgeA =
    "افتتح محافظ الريان جسر الوادي الجديد صباح الأحد بطول 840 مترا، وقال "
    "المهندس المشرف إن الجسر يختصر الطريق بين الضفتين إلى عشر دقائق.";
const char* kBridgeB =
    "دشن محافظ الريان صباح الأحد جسر الوادى الذي يمتد 840 مترا فوق النهر، "
    "ليختصر المسافة بين ضفتي الريان إلى عشر دقائق بحسب المهندس المشرف.";
const char* kBridgeLater =
    "شهد جسر الوادي في الريان ازدحاما كبيرا في أول أيام تشغيله بعد افتتاحه "
    "الأحد بطول 840 مترا، ودعا المهندس المشرف السائقين إلى الالتزام بالسرعة.";
const char* kMarket =
    "ارتفعت أسعار الخضار في الأسواق المركزية بسبب موجة الحر التي ضربت "
    "المزارع، ودعا التجار وزارة التجارة إلى مراقبة الأسعار ومنع الاحتكار.";

TEST(StoryIndexTest, GroupsReportsOfOneStory) {
  StoryIndex index(TestTextTables());
  Assignment a =
      index.Add(1, "2015-07-21", F("افتتاح جسر الوادي في الريان", kBridgeA));
  Assignment m = index.Add(2, "2015-07-21", F("ارتفاع أسعار الخضار", kMarket));
  Assignment b =
      index.Add(3, "2015-07-22", F("محافظ الريان يدشن جسر الوادى", kBridgeB));
  Assignment c = index.Add(4, "", F("ازدحام على جسر الوادي", kBridgeLater));
  EXPECT_TRUE(a.is_new_story);
  EXPECT_TRUE(m.is_new_story);
  EXPECT_NE(a.story_id, m.story_id);
  EXPECT_FALSE(b.is_new_story);
  EXPECT_EQ(b.story_id, a.story_id);
  EXPECT_GE(b.score, kSameStoryThreshold);
  EXPECT_EQ(c.story_id, a.story_id);
  std::optional<StoryInfo> info = index.Info(a.story_id);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reports, 3);
  EXPECT_EQ(info->first_day, *DayNumber("2015-07-21"));
  EXPECT_EQ(info->last_day, *DayNumber("2015-07-22"));
  EXPECT_FALSE(info->title.empty());
}

TEST(StoryIndexTest, WindowEvictsOldStoriesAndIdsKeepCounting) {
  StoryOptions options;
  options.window_days = 3;
  options.grace_reports = 0;
  StoryIndex index(TestTextTables(), options);
  Assignment a = index.Add(1, "2015-07-01", F("افتتاح جسر الوادي", kBridgeA));
  EXPECT_EQ(index.live_stories(), 1u);
  Assignment m = index.Add(2, "2015-07-20", F("ارتفاع أسعار الخضار", kMarket));
  EXPECT_EQ(index.live_stories(), 1u);
  EXPECT_FALSE(index.Info(a.story_id).has_value());
  Assignment b =
      index.Add(3, "2015-07-20", F("محافظ الريان يدشن جسر الوادى", kBridgeB));
  EXPECT_TRUE(b.is_new_story);
  EXPECT_GT(b.story_id, m.story_id);
}

// Issue 24, finding 1 (the story side): one report dated far ahead of the
// rest, or an archive back-filled newest-first, must not make every later
// report start a story of its own.
TEST(StoryIndexTest, Issue24StrayNewerDateKeepsStoriesJoining) {
  for (const char* stray : {"2017-03-01", "2099-01-01"}) {
    StoryIndex index(TestTextTables());
    index.Add(1, stray, F("ارتفاع أسعار الخضار", kMarket));
    Assignment a =
        index.Add(2, "2015-07-21", F("افتتاح جسر الوادي في الريان", kBridgeA));
    Assignment b =
        index.Add(3, "2015-07-22", F("محافظ الريان يدشن جسر الوادى", kBridgeB));
    EXPECT_EQ(b.story_id, a.story_id) << stray;
  }
  StoryIndex backwards(TestTextTables());
  Assignment b = backwards.Add(1, "2015-07-22",
                               F("محافظ الريان يدشن جسر الوادى", kBridgeB));
  backwards.Add(2, "2015-07-21", F("ارتفاع أسعار الخضار", kMarket));
  Assignment a = backwards.Add(3, "2015-07-21",
                               F("افتتاح جسر الوادي في الريان", kBridgeA));
  EXPECT_EQ(a.story_id, b.story_id);
}

// Issue 20: a story cannot chain for weeks. A report dated more than
// max_span_days after a story's first report starts its own story, linked to
// the first as related (a follow-up), even when each report is close to the
// one before it.
TEST(StoryIndexTest, Issue20ReportsPastTheSpanStartAFollowUp) {
  const StoryFeatures bridge = F("افتتاح جسر الوادي في الريان", kBridgeA);
  for (int span : {0, 4}) {
    StoryOptions options;
    options.max_span_days = span;
    StoryIndex index(TestTextTables(), options);
    Assignment a = index.Add(1, "2015-07-01", bridge);
    Assignment b = index.Add(2, "2015-07-04", bridge);
    Assignment c = index.Add(3, "2015-07-07", bridge);
    EXPECT_EQ(b.story_id, a.story_id) << span;
    if (span == 0) {
      EXPECT_EQ(c.story_id, a.story_id);  // chained: 6 days after the first
    } else {
      EXPECT_TRUE(c.is_new_story);
      EXPECT_NE(std::find(c.related.begin(), c.related.end(), a.story_id),
                c.related.end());
      Assignment d = index.Add(4, "2015-07-08", bridge);
      EXPECT_EQ(d.story_id, c.story_id);  // the follow-up is a story itself
    }
  }
}

// Issue 20, round 6: a story is the happening its anchor reports told. Its
// profile grows from every report that joins, so reports that tell the
// happening and a later one (the aid convoy that reached the bombed town)
// pull the profile towards the later one; a report of the later happening
// alone then scores high against the profile and low against the anchor.
// The profile may lift a report only profile_lift above the best member.
const char* kStrike =
    "قصفت طائرات حربية بلدة الصالحية شرق النهر فجر الاثنين، ما أدى إلى "
    "تدمير مدرسة ومستوصف، وقال الدفاع المدني إن فرقه انتشلت ناجين من تحت "
    "الأنقاض.";
const char* kStrikeAndConvoy =
    "وصلت قافلة مساعدات أممية تضم أربعين شاحنة من الطحين والأدوية إلى "
    "بلدة الصالحية، بعد غارات جوية دمرت مدرسة ومستوصفا فيها، وقال الدفاع "
    "المدني إن فرقه ما زالت تنتشل ناجين من تحت الأنقاض.";
const char* kConvoy =
    "دخلت قافلة المساعدات الأممية المؤلفة من أربعين شاحنة محملة بالطحين "
    "والأدوية بلدة الصالحية، وأشرف موظفو الهلال الأحمر على توزيع الحصص "
    "على العائلات.";

TEST(StoryIndexTest, Issue20LaterJoinersDoNotMoveTheStorysHappening) {
  const StoryFeatures strike = F("غارات على بلدة الصالحية", kStrike);
  const StoryFeatures both =
      F("قافلة مساعدات تصل الصالحية بعد الغارات", kStrikeAndConvoy);
  const StoryFeatures convoy = F("أربعون شاحنة مساعدات تدخل الصالحية", kConvoy);
  ASSERT_LT(Similarity(convoy, strike) + StoryOptions{}.profile_lift,
            kSameStoryThreshold);
  for (double lift : {-1.0, StoryOptions{}.profile_lift}) {
    StoryOptions options;
    options.kept_members = 1;  // the anchor is the first report
    options.profile_lift = lift;
    StoryIndex index(TestTextTables(), options);
    Assignment a = index.Add(1, "2015-07-21", strike);
    for (int i = 2; i <= 6; ++i) {
      EXPECT_EQ(index.Add(i, "2015-07-21", both).story_id, a.story_id) << i;
    }
    Assignment c = index.Add(7, "2015-07-21", convoy);
    if (lift < 0) {
      EXPECT_EQ(c.story_id, a.story_id);  // joined through the profile
    } else {
      EXPECT_TRUE(c.is_new_story);
      EXPECT_NE(std::find(c.related.begin(), c.related.end(), a.story_id),
                c.related.end());
    }
  }
}

TEST(StoryIndexTest, RestoreRebuildsStoriesAndNextId) {
  StoryIndex index(TestTextTables());
  StoryFeatures fa = F("افتتاح جسر الوادي في الريان", kBridgeA);
  StoryFeatures stored = StoryFeatures::Deserialize(fa.Serialize()).value();
  index.Restore(1, 41, "2015-07-21", stored);
  index.Restore(2, 40, "2015-07-21", F("ارتفاع أسعار الخضار", kMarket));
  EXPECT_EQ(index.next_story_id(), 42);
  Assignment b =
      index.Add(3, "2015-07-22", F("محافظ الريان يدشن جسر الوادى", kBridgeB));
  EXPECT_EQ(b.story_id, 41);
  Assignment n = index.Add(4, "2015-07-22",
                           F("نادي الشروق يتعاقد مع مدرب",
                             "أعلن نادي الشروق تعاقده مع المدرب البرتغالي "
                             "لموسمين قبل انطلاق الدوري."));
  EXPECT_EQ(n.story_id, 42);
}

TEST(StoryIndexTest, JoinFollowsTheFirstCopysStory) {
  StoryIndex index(TestTextTables());
  Assignment a = index.Add(1, "2015-07-21", F("ارتفاع أسعار الخضار", kMarket));
  index.Join(2, a.story_id, "2015-07-21", F("ارتفاع أسعار الخضار", kMarket));
  EXPECT_EQ(index.Info(a.story_id)->reports, 2);
}

// Issue 20, round 10: a report's heaviest terms are often its own headline's
// words, which no live story is posted under; the happening's words come
// after them. Here the report's twelve headline words (weighted above its
// body's, and in no other report) fill the first twelve query terms, and the
// words it shares with the happening's story rank 13th to 20th: the story is
// found through the first of them (with 12 query terms it was never a
// candidate and the report started a story of its own). The words are made-up
// letter strings (no press text), each in no idf table: all equally rare.
TEST(StoryIndexTest, Issue20StoryFoundThroughTermsBelowTheHeadlines) {
  auto word = [](int i) {
    static const char* kLetters[] = {"ث", "ج", "ح", "خ", "د", "ذ", "ز",
                                     "ش", "ص", "ض", "ط", "ظ", "غ", "ق"};
    std::string w;
    for (int k = 0; k < 4; ++k) {
      w += kLetters[i % 14];
      i = i / 14 + 3 * k + 1;
    }
    return w;
  };
  auto words = [&](int from, int to) {
    std::string s;
    for (int i = from; i < to; ++i) {
      if (!s.empty()) s += ' ';
      s += word(i);
    }
    return s;
  };
  const std::string shared = words(100, 108);
  const std::string story_text = shared + ". " + shared + ".";
  const std::string report_title = words(200, 212);
  const std::string report_text = shared + ".";
  StoryFeatures story = F(shared.c_str(), story_text.c_str());
  StoryFeatures report = F(report_title.c_str(), report_text.c_str());
  ASSERT_EQ(report.title_terms.size(), 12u);
  ASSERT_GE(Similarity(report, story), kSameStoryThreshold);

  StoryIndex index(TestTextTables());
  Assignment a = index.Add(1, "2015-08-09", story);
  Assignment b = index.Add(2, "2015-08-09", report);
  EXPECT_FALSE(b.is_new_story);
  EXPECT_EQ(b.story_id, a.story_id);

  StoryOptions twelve;
  twelve.query_terms = 12;
  StoryIndex old(TestTextTables(), twelve);
  Assignment c = old.Add(1, "2015-08-09", story);
  Assignment d = old.Add(2, "2015-08-09", report);
  EXPECT_TRUE(d.is_new_story);
  EXPECT_NE(d.story_id, c.story_id);
}

// Issue 20, round 11: one happening's first two reports, worded apart, start
// two stories; a later report telling both wordings merges them (our own
// sentences). The older story keeps its id; the other id resolves to it.
const char* kFireA =
    "اندلع حريق ضخم في مستودع للأخشاب بميناء الريان فجر الخميس، والتهمت "
    "النيران شحنات الأخشاب المستوردة قبل أن تمتد إلى الرصيف الشمالي.";
const char* kFireB =
    "سيطرت فرق الدفاع المدني بعد خمس ساعات على الحريق الذي أتى على مخزن "
    "الأخشاب في مرفأ الريان، وأكد الناطق باسمها عدم وقوع إصابات بشرية.";
const char* kFireBoth =
    "اندلع حريق ضخم في مستودع للأخشاب بميناء الريان فجر الخميس والتهمت "
    "النيران شحنات الأخشاب المستوردة، وسيطرت فرق الدفاع المدني بعد خمس "
    "ساعات على الحريق الذي أتى على مخزن الأخشاب في مرفأ الريان، وأكد الناطق "
    "باسمها عدم وقوع إصابات بشرية.";

TEST(StoryIndexTest, Issue20ReportTellingTwoStoriesMergesThem) {
  StoryFeatures a = F("حريق ضخم في ميناء الريان", kFireA);
  StoryFeatures b = F("الدفاع المدني يسيطر على نار مرفأ الريان", kFireB);
  StoryFeatures both = F("حريق ميناء الريان", kFireBoth);
  a.day = b.day = both.day = kNoDay;
  const double ab = Similarity(a, b);
  ASSERT_LT(ab, kSameStoryThreshold);
  StoryOptions options;
  options.merge_threshold = 0.5;
  options.merge_floor = 0.2;
  ASSERT_GE(ab, options.merge_floor);
  ASSERT_GE(Similarity(both, a), options.merge_threshold);
  ASSERT_GE(Similarity(both, b), options.merge_threshold);

  StoryIndex index(TestTextTables(), options);
  Assignment x = index.Add(1, "2015-08-09", a);
  Assignment y = index.Add(2, "2015-08-09", b);
  ASSERT_TRUE(y.is_new_story);
  Assignment z = index.Add(3, "2015-08-09", both);
  EXPECT_EQ(z.story_id, x.story_id);
  EXPECT_EQ(z.merged, std::vector<int64_t>{y.story_id});
  EXPECT_EQ(index.Resolve(y.story_id), x.story_id);
  EXPECT_EQ(index.live_stories(), 1u);
  std::optional<StoryInfo> info = index.Info(x.story_id);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reports, 3);
  // A copy of the second report follows its first copy's story, now merged.
  index.Join(4, y.story_id, "2015-08-09", b);
  EXPECT_EQ(index.Info(x.story_id)->reports, 4);
  EXPECT_FALSE(index.Info(y.story_id).has_value());

  // Without merging (the default), the two stories stay apart.
  StoryIndex apart(TestTextTables());
  Assignment p = apart.Add(1, "2015-08-09", a);
  Assignment q = apart.Add(2, "2015-08-09", b);
  Assignment r = apart.Add(3, "2015-08-09", both);
  EXPECT_NE(p.story_id, q.story_id);
  EXPECT_TRUE(r.merged.empty());
  EXPECT_EQ(apart.live_stories(), 2u);

  // Two stories whose anchors share less than the floor do not merge.
  options.merge_floor = ab + 0.01;
  StoryIndex floor(TestTextTables(), options);
  floor.Add(1, "2015-08-09", a);
  floor.Add(2, "2015-08-09", b);
  EXPECT_TRUE(floor.Add(3, "2015-08-09", both).merged.empty());
  EXPECT_EQ(floor.live_stories(), 2u);
}

}  // namespace
}  // namespace marsad
