#include "src/story/story_features.h"

#include <gtest/gtest.h>

#include "src/story/story_similarity.h"
#include "src/story/terms.h"
#include "src/text/analyze.h"

namespace marsad {
namespace {

// Our own sentences: two outlets on one flood, one on a different flood, one
// on football.
Document Doc(const char* title, const char* text, const char* published) {
  Document d;
  d.title = title;
  d.text = text;
  d.published = published;
  AnalyzeText(&d);
  return d;
}

const Document& FloodA() {
  static const Document d = Doc(
      "سيول وادي النخيل تجرف 12 سيارة وتغلق طريق الساحل",
      "جرفت سيول وادي النخيل مساء الثلاثاء 12 سيارة وأغلقت طريق الساحل الدولي، "
      "وقال مدير الدفاع المدني في محافظة الريان إن فرق الإنقاذ انتشلت 37 شخصا "
      "من المركبات العالقة دون تسجيل وفيات.\n\nوأضاف أن الأمطار الغزيرة استمرت "
      "أربع ساعات وأن منسوب الوادي ارتفع بشكل غير مسبوق منذ عشرين عاما.",
      "2015-07-22");
  return d;
}

const Document& FloodB() {
  static const Document d = Doc(
      "الدفاع المدني ينقذ 37 محتجزا في سيول النخيل",
      "أنقذت فرق الدفاع المدني بمحافظة الريان 37 محتجزا بعد أن جرفت مياه وادى "
      "النخيل 12 مركبة مساء أمس الثلاثاء، وأغلقت السلطات طريق الساحل أمام "
      "الحركة. وأوضح مدير الدفاع المدنى أن أحدا لم يصب بأذى.",
      "2015-07-23");
  return d;
}

const Document& OtherFlood() {
  static const Document d = Doc(
      "أمطار غزيرة تغرق أحياء في مدينة الشفق",
      "غرقت أحياء شرق مدينة الشفق بعد أمطار غزيرة هطلت فجر الجمعة، وأعلنت "
      "البلدية تعليق الدوام في المدارس، فيما تواصل فرق الصيانة شفط المياه من "
      "الأنفاق. ولم تعلن السلطات عن إصابات.",
      "2015-07-25");
  return d;
}

const Document& Football() {
  static const Document d = Doc(
      "نادي الشروق يتعاقد مع مدرب برتغالي",
      "أعلن نادي الشروق تعاقده مع المدرب البرتغالي لموسمين، وقال رئيس النادي "
      "إن الإدارة ستدعم الفريق بثلاثة لاعبين أجانب قبل انطلاق الدوري.",
      "2015-07-23");
  return d;
}

TEST(StoryFeaturesTest, SerializeRoundTrips) {
  StoryFeatures f = ComputeStoryFeatures(FloodA());
  EXPECT_FALSE(f.terms.empty());
  EXPECT_FALSE(f.title_terms.empty());
  EXPECT_NE(f.day, kNoDay);
  StatusOr<StoryFeatures> back = StoryFeatures::Deserialize(f.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, f);
}

TEST(StoryFeaturesTest, DeserializeRejectsBadInput) {
  std::string data = ComputeStoryFeatures(FloodA()).Serialize();
  for (std::string bad :
       {std::string(), std::string("S"), data.substr(0, data.size() - 1),
        data + "x", "U" + data.substr(1)}) {
    EXPECT_FALSE(StoryFeatures::Deserialize(bad).ok()) << bad.size();
  }
}

TEST(StoryFeaturesTest, ReadsBlobsWrittenBeforeTheEventDay) {
  StoryFeatures f = ComputeStoryFeatures(FloodA());
  ASSERT_NE(f.event_day, kNoDay);
  std::string data = f.Serialize();
  // Version 'S' had no event_day: the 4 bytes before the title's length.
  const size_t at = data.size() - f.title.size() - 4 - 4;
  std::string old = "S" + data.substr(1, at - 1) + data.substr(at + 4);
  StatusOr<StoryFeatures> back = StoryFeatures::Deserialize(old);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->event_day, kNoDay);
  back->event_day = f.event_day;
  EXPECT_EQ(*back, f);
}

// The happening's day is read from the lead, relative words resolved against
// the publication date; a date deep in the background does not count.
TEST(StoryFeaturesTest, EventDayComesFromTheLead) {
  Document yesterday =
      Doc("انفجار في ميناء الريان",
          "وقع انفجار في ميناء الريان أمس وأصيب عمال بجروح.", "2018-02-08");
  Document today =
      Doc("انفجار في ميناء الريان",
          "وقع انفجار في ميناء الريان اليوم وأصيب عمال بجروح.", "2018-02-07");
  Document named =
      Doc("انفجار في ميناء الريان",
          "وقع في 7 شباط انفجار في ميناء الريان وأصيب عمال.", "2018-02-09");
  std::string lead(kLeadBytes, ' ');
  Document late = Doc("انفجار في ميناء الريان",
                      ("وقع انفجار في ميناء الريان." + lead +
                       "وكان الميناء قد شهد حريقا في 3 كانون الثاني.")
                          .c_str(),
                      "2018-02-09");
  const int32_t day = ComputeStoryFeatures(today).event_day;
  EXPECT_NE(day, kNoDay);
  EXPECT_EQ(ComputeStoryFeatures(yesterday).event_day, day);
  EXPECT_EQ(ComputeStoryFeatures(named).event_day, day);
  EXPECT_EQ(ComputeStoryFeatures(late).event_day, kNoDay);
  EXPECT_EQ(ExplainSimilarity(ComputeStoryFeatures(yesterday),
                              ComputeStoryFeatures(named))
                .event_gap,
            0);
}

// A bare proclitic (ب، ل) no longer keeps a word apart from its other forms.
TEST(StoryStemTest, ClitizedFormsMeet) {
  EXPECT_EQ(StoryStem("بغارة"), StoryStem("الغارة"));
  EXPECT_EQ(StoryStem("بغارة"), StoryStem("غارات"));
  EXPECT_EQ(StoryStem("لمستودع"), StoryStem("المستودع"));
  EXPECT_NE(StoryStem("غارة"), StoryStem("مستودع"));
}

TEST(StoryFeaturesTest, KeepsDistinctiveNumbersOnly) {
  StoryFeatures f = ComputeStoryFeatures(FloodA());
  EXPECT_TRUE(std::binary_search(f.numbers.begin(), f.numbers.end(), 12.0f));
  EXPECT_TRUE(std::binary_search(f.numbers.begin(), f.numbers.end(), 37.0f));
  for (float n : f.numbers) EXPECT_GT(n, 10.0f);
}

TEST(StoryFeaturesTest, EmptyDocumentIsHarmless) {
  Document empty;
  StoryFeatures f = ComputeStoryFeatures(empty);
  EXPECT_TRUE(f.terms.empty());
  EXPECT_EQ(f.day, kNoDay);
  EXPECT_EQ(Similarity(f, f), 0.0);
}

TEST(SimilarityTest, SameEventScoresAboveThresholdOthersBelow) {
  StoryFeatures a = ComputeStoryFeatures(FloodA());
  StoryFeatures b = ComputeStoryFeatures(FloodB());
  StoryFeatures c = ComputeStoryFeatures(OtherFlood());
  StoryFeatures d = ComputeStoryFeatures(Football());
  EXPECT_DOUBLE_EQ(Similarity(a, b), Similarity(b, a));
  EXPECT_GE(Similarity(a, b), kSameStoryThreshold);
  EXPECT_LT(Similarity(a, c), kSameStoryThreshold);
  EXPECT_LT(Similarity(a, d), kRelatedThreshold);
  // The other flood shares more words than football does, but its happening
  // is three days later: the score says two happenings.
  EXPECT_GT(ExplainSimilarity(a, c).terms, ExplainSimilarity(a, d).terms);
  EXPECT_EQ(ExplainSimilarity(a, c).event_gap, 3);
  SimilarityParts p = ExplainSimilarity(a, b);
  EXPECT_GE(p.shared_numbers, 2);
  EXPECT_EQ(p.day_gap, 1);
}

TEST(ChooseTitleTest, PicksTheMostCentralTitle) {
  std::vector<std::string> titles = {
      "عاجل", "سيول وادي النخيل تجرف سيارات",
      "سيول وادي النخيل تجرف 12 سيارة وتغلق طريق الساحل",
      "إغلاق طريق الساحل بسبب سيول النخيل"};
  EXPECT_EQ(ChooseTitle(titles), titles[2]);
  EXPECT_EQ(ChooseTitle({}), "");
}

}  // namespace
}  // namespace marsad
